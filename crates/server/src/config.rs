//! Typed configuration from the environment, with defaults that work for one
//! machine (`scripts/run`).

use crate::limits::{GuessLimits, Rate, RateLimits};
use crate::pro::session::SessionLimits;
use crate::store::{Backend, Quota};
use axum::http::HeaderName;
use std::net::SocketAddr;
use std::path::PathBuf;

pub const HELP: &str = "\
declic-server: serves the Déclic web app and its sync API (crates/server/API.md),
on an embedded SQLite database or on PostgreSQL.

Usage: declic-server [--help]
       declic-server create-admin <email>   create a professional administrator
                                            account and print its first password
       declic-server reset-password <email> print a new password for an account
                                            (there is no mail server)

Configuration (environment variables):
  DECLIC_ADDR           address and port to listen on       default: 127.0.0.1:8080
                        example: DECLIC_ADDR=0.0.0.0:80
  DECLIC_DIST_DIR       the built app (trunk build output)   default: dist
                        example: DECLIC_DIST_DIR=/srv/declic/dist
  DECLIC_DATA_DIR       where the SQLite file declic.db is   default: data
                        created (with its folders) on first start
                        example: DECLIC_DATA_DIR=/var/lib/declic
  DECLIC_DATABASE_URL   PostgreSQL instead of SQLite          default: unset (SQLite)
                        example: DECLIC_DATABASE_URL=postgres://declic@127.0.0.1:5432/declic
  DECLIC_DATABASE_POOL  PostgreSQL connections per process    default: 10
  DECLIC_TRUSTED_PROXY_HEADER
                        the header a reverse proxy writes the  default: unset (the TCP
                        client's address in; its rightmost     peer's address is used)
                        entry keys the per-address rate limit.
                        Set it only behind a proxy that writes it.
                        example: DECLIC_TRUSTED_PROXY_HEADER=X-Forwarded-For
  DECLIC_ADDRESS_RATE   sync requests per second per address  default: 50
  DECLIC_ADDRESS_BURST  ... allowed at once                   default: 200
  DECLIC_SPACE_RATE     sync requests per second per space    default: 5
  DECLIC_SPACE_BURST    ... allowed at once                   default: 60
  DECLIC_HTTPS          1 when users reach the server over      default: 0
                        HTTPS (a TLS proxy): the professional
                        session cookie is then marked Secure
  RUST_LOG              log filter                            default: info
                        example: RUST_LOG=declic_server=debug,tower_http=debug
";

/// Every variable `Config::from_env` reads (and `HELP` explains).
pub const VARIABLES: &[&str] = &[
    "DECLIC_ADDR",
    "DECLIC_DIST_DIR",
    "DECLIC_DATA_DIR",
    "DECLIC_DATABASE_URL",
    "DECLIC_DATABASE_POOL",
    "DECLIC_TRUSTED_PROXY_HEADER",
    "DECLIC_ADDRESS_RATE",
    "DECLIC_ADDRESS_BURST",
    "DECLIC_SPACE_RATE",
    "DECLIC_SPACE_BURST",
    "DECLIC_HTTPS",
    "RUST_LOG",
];

/// How the sync API bounds its clients.
#[derive(Debug, Clone, Default)]
pub struct ApiSettings {
    pub quota: Quota,
    pub rates: RateLimits,
    /// When set, the per-address limit keys on this header (see `HELP`).
    pub trusted_proxy_header: Option<HeaderName>,
    pub pro: ProSettings,
}

/// The professional space's sessions.
#[derive(Debug, Clone, Default)]
pub struct ProSettings {
    pub sessions: SessionLimits,
    /// `Secure` on the session cookie: set when users reach the server
    /// over HTTPS (`DECLIC_HTTPS=1`, e.g. behind a TLS proxy). Off for a
    /// laptop serving a room over plain HTTP on the local network.
    pub secure_cookies: bool,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub dist_dir: PathBuf,
    pub backend: Backend,
    pub api: ApiSettings,
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
        let number = |name: &str, default: u32| -> Result<u32, ConfigError> {
            match var(name) {
                None => Ok(default),
                Some(raw) => match raw.trim().parse::<u32>() {
                    Ok(n) if n > 0 => Ok(n),
                    _ => Err(ConfigError(format!(
                        "{name}={raw:?} is not a whole number of at least 1"
                    ))),
                },
            }
        };
        let data_dir = dir("DECLIC_DATA_DIR", "data")?;
        let pool = number("DECLIC_DATABASE_POOL", 10)?;
        let backend = match var("DECLIC_DATABASE_URL") {
            None => Backend::Sqlite { data_dir },
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Backend::Postgres {
                    url,
                    max_connections: pool,
                }
            }
            // Never echo the value: it may hold a password.
            Some(_) => {
                return Err(ConfigError(
                    "DECLIC_DATABASE_URL must start with postgres:// (unset it to use SQLite)"
                        .into(),
                ))
            }
        };
        let trusted_proxy_header = match var("DECLIC_TRUSTED_PROXY_HEADER") {
            None => None,
            Some(raw) => Some(HeaderName::try_from(raw.trim()).map_err(|_| {
                ConfigError(format!(
                    "DECLIC_TRUSTED_PROXY_HEADER={raw:?} is not a header name, like X-Forwarded-For"
                ))
            })?),
        };
        let rates = RateLimits {
            address: Rate::new(
                number("DECLIC_ADDRESS_RATE", 50)?,
                number("DECLIC_ADDRESS_BURST", 200)?,
            ),
            space: Rate::new(
                number("DECLIC_SPACE_RATE", 5)?,
                number("DECLIC_SPACE_BURST", 60)?,
            ),
            guesses: GuessLimits::default(),
        };
        let secure_cookies = match var("DECLIC_HTTPS").as_deref().map(str::trim) {
            None | Some("0") => false,
            Some("1") => true,
            Some(other) => {
                return Err(ConfigError(format!(
                    "DECLIC_HTTPS={other:?} must be 1 (served over HTTPS) or 0"
                )))
            }
        };
        Ok(Config {
            addr,
            dist_dir: dir("DECLIC_DIST_DIR", "dist")?,
            backend,
            api: ApiSettings {
                quota: Quota::default(),
                rates,
                trusted_proxy_header,
                pro: ProSettings {
                    sessions: SessionLimits::default(),
                    secure_cookies,
                },
            },
            log: var("RUST_LOG").unwrap_or_else(|| "info".into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::{BTreeSet, HashMap};

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
        assert!(
            matches!(&c.backend, Backend::Sqlite { data_dir } if data_dir.as_path() == std::path::Path::new("data"))
        );
        assert_eq!(c.api.rates, RateLimits::default());
        assert_eq!(c.api.trusted_proxy_header, None);
        assert!(!c.api.pro.secure_cookies);
        assert!(
            config(&[("DECLIC_HTTPS", "1")])
                .unwrap()
                .api
                .pro
                .secure_cookies
        );
        assert_eq!(c.log, "info");
    }

    #[test]
    fn postgres_rates_and_proxy_header() {
        let c = config(&[
            ("DECLIC_DATABASE_URL", "postgres://u:secret@127.0.0.1:5/db"),
            ("DECLIC_DATABASE_POOL", "3"),
            ("DECLIC_TRUSTED_PROXY_HEADER", "X-Forwarded-For"),
            ("DECLIC_SPACE_RATE", "7"),
            ("DECLIC_ADDRESS_BURST", "1000"),
        ])
        .unwrap();
        assert!(matches!(
            &c.backend,
            Backend::Postgres {
                max_connections: 3,
                ..
            }
        ));
        assert!(
            !format!("{c:?}").contains("secret"),
            "the password is never printed"
        );
        assert_eq!(c.api.trusted_proxy_header.unwrap(), "x-forwarded-for");
        assert_eq!(c.api.rates.space, Rate::new(7, 60));
        assert_eq!(c.api.rates.address, Rate::new(50, 1000));
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (vars, name) in [
            (vec![("DECLIC_ADDR", "localhost")], "DECLIC_ADDR"),
            (vec![("DECLIC_ADDR", "127.0.0.1:99999")], "DECLIC_ADDR"),
            (vec![("DECLIC_DATA_DIR", " ")], "DECLIC_DATA_DIR"),
            (vec![("DECLIC_DIST_DIR", "")], "DECLIC_DIST_DIR"),
            (
                vec![("DECLIC_DATABASE_URL", "mysql://x:pw@h/db")],
                "DECLIC_DATABASE_URL",
            ),
            (vec![("DECLIC_DATABASE_POOL", "0")], "DECLIC_DATABASE_POOL"),
            (
                vec![("DECLIC_TRUSTED_PROXY_HEADER", "a b")],
                "DECLIC_TRUSTED_PROXY_HEADER",
            ),
            (vec![("DECLIC_SPACE_BURST", "-1")], "DECLIC_SPACE_BURST"),
            (vec![("DECLIC_ADDRESS_RATE", "lots")], "DECLIC_ADDRESS_RATE"),
            (vec![("DECLIC_HTTPS", "yes")], "DECLIC_HTTPS"),
        ] {
            let ConfigError(message) = config(&vars).unwrap_err();
            assert!(message.contains(name), "{message}");
            assert!(!message.contains("pw@"), "{message}");
        }
    }

    #[test]
    fn help_explains_exactly_the_variables_read() {
        let asked = RefCell::new(BTreeSet::new());
        Config::from_env(|name| {
            asked.borrow_mut().insert(name.to_string());
            None
        })
        .unwrap();
        let listed: BTreeSet<String> = VARIABLES.iter().map(|v| v.to_string()).collect();
        assert_eq!(asked.into_inner(), listed);
        for name in VARIABLES {
            assert!(HELP.contains(name), "{name} missing from --help");
        }
    }
}
