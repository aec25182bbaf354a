//! Typed configuration from the environment, with defaults that work for one
//! machine (`scripts/run`).

use std::net::SocketAddr;
use std::path::PathBuf;

pub const HELP: &str = "\
declic-server: serves the Déclic web app and its API, with an embedded SQLite database.

Usage: declic-server [--help]

Configuration (environment variables):
  DECLIC_ADDR      address and port to listen on        default: 127.0.0.1:8080
                   example: DECLIC_ADDR=0.0.0.0:80
  DECLIC_DIST_DIR  the built app (trunk build output)    default: dist
                   example: DECLIC_DIST_DIR=/srv/declic/dist
  DECLIC_DATA_DIR  where the database file declic.db is  default: data
                   created (with its folders) on first start
                   example: DECLIC_DATA_DIR=/var/lib/declic
  RUST_LOG         log filter                            default: info
                   example: RUST_LOG=declic_server=debug,tower_http=debug
";

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub dist_dir: PathBuf,
    pub data_dir: PathBuf,
    pub log: String,
}

/// A configuration value that cannot be used, with a message naming it.
#[derive(Debug, PartialEq)]
pub struct ConfigError(pub String);

impl Config {
    /// Reads the configuration through `var` (the environment in `main`, a
    /// map in tests).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let addr = match var("DECLIC_ADDR") {
            None => SocketAddr::from(([127, 0, 0, 1], 8080)),
            Some(raw) => raw.trim().parse().map_err(|_| {
                ConfigError(format!(
                    "DECLIC_ADDR={raw:?} is not an address with a port, like 127.0.0.1:8080"
                ))
            })?,
        };
        let dir = |name: &str, default: &str| -> Result<PathBuf, ConfigError> {
            match var(name) {
                None => Ok(PathBuf::from(default)),
                Some(raw) if raw.trim().is_empty() => {
                    Err(ConfigError(format!("{name} is set but empty")))
                }
                Some(raw) => Ok(PathBuf::from(raw)),
            }
        };
        Ok(Config {
            addr,
            dist_dir: dir("DECLIC_DIST_DIR", "dist")?,
            data_dir: dir("DECLIC_DATA_DIR", "data")?,
            log: var("RUST_LOG").unwrap_or_else(|| "info".into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_env(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults() {
        let c = config(&[]).unwrap();
        assert_eq!(c.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(c.dist_dir, PathBuf::from("dist"));
        assert_eq!(c.data_dir, PathBuf::from("data"));
        assert_eq!(c.log, "info");
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (vars, name) in [
            (vec![("DECLIC_ADDR", "localhost")], "DECLIC_ADDR"),
            (vec![("DECLIC_ADDR", "127.0.0.1:99999")], "DECLIC_ADDR"),
            (vec![("DECLIC_DATA_DIR", " ")], "DECLIC_DATA_DIR"),
            (vec![("DECLIC_DIST_DIR", "")], "DECLIC_DIST_DIR"),
        ] {
            let ConfigError(message) = config(&vars).unwrap_err();
            assert!(message.contains(name), "{message}");
        }
    }

    #[test]
    fn help_names_every_variable() {
        for name in [
            "DECLIC_ADDR",
            "DECLIC_DIST_DIR",
            "DECLIC_DATA_DIR",
            "RUST_LOG",
        ] {
            assert!(HELP.contains(name), "{name}");
        }
    }
}
