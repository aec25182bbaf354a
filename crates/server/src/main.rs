//! `declic-server`: see `--help`.
use declic_server::config::{Config, ConfigError, HELP};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.first().map(String::as_str) {
        Some("-h" | "--help") => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some(name @ ("create-admin" | "reset-password")) => match (args.get(1), args.len()) {
            (Some(email), 2) => Some((name.to_string(), email.clone())),
            _ => {
                eprintln!("declic-server: usage: declic-server {name} <email>");
                return ExitCode::from(2);
            }
        },
        Some(other) => {
            eprintln!("declic-server: unknown argument `{other}`\n\n{HELP}");
            return ExitCode::from(2);
        }
        None => None,
    };
    let config = match Config::from_env(|name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(ConfigError(message)) => {
            eprintln!("declic-server: {message}");
            return ExitCode::from(2);
        }
    };
    declic_server::init_tracing(&config.log);
    if let Some((name, email)) = command {
        return match declic_server::account_command(&config, &name, &email).await {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("declic-server: {message}");
                ExitCode::FAILURE
            }
        };
    }
    match declic_server::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("declic-server: {error}");
            ExitCode::FAILURE
        }
    }
}
