//! `declic-content check <content-dir>` and
//! `declic-content build <content-dir> <out-dir>`: the writers' tool.
//!
//! Review dates are measured against today: `--today YYYY-MM-DD`, else
//! `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention), else
//! the system clock. The compiler itself has no clock.

use declic_content::{Date, Options};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage:\n  declic-content check <content-dir> [--today YYYY-MM-DD]\n  declic-content build <content-dir> <out-dir> [--today YYYY-MM-DD]";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let today_arg = match args.iter().position(|a| a == "--today") {
        Some(i) if i + 1 < args.len() => {
            let value = args.remove(i + 1);
            args.remove(i);
            Some(value)
        }
        Some(_) => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        None => None,
    };
    let today = match today(today_arg.as_deref(), |k| std::env::var(k).ok(), system_days) {
        Ok(today) => today,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", content] => run(Path::new(content), None, today),
        ["build", content, out] => run(Path::new(content), Some(Path::new(out)), today),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Days since 1970-01-01 by the system clock.
fn system_days() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    secs.div_euclid(86_400)
}

/// Today's date and where it came from.
fn today(
    arg: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
    system_days: impl Fn() -> i64,
) -> Result<(Date, &'static str), String> {
    if let Some(arg) = arg {
        return Date::parse(arg)
            .map(|d| (d, "--today"))
            .ok_or_else(|| format!("--today {arg}: write a date as YYYY-MM-DD"));
    }
    if let Some(epoch) = env("SOURCE_DATE_EPOCH") {
        let secs: i64 = epoch
            .trim()
            .parse()
            .map_err(|_| format!("SOURCE_DATE_EPOCH={epoch}: expected seconds since 1970"))?;
        return Ok((
            Date::from_unix_days(secs.div_euclid(86_400)),
            "SOURCE_DATE_EPOCH",
        ));
    }
    Ok((Date::from_unix_days(system_days()), "the system clock"))
}

fn run(content: &Path, out: Option<&Path>, (today, from): (Date, &str)) -> ExitCode {
    let options = Options { today: Some(today) };
    let compiled = match declic_content::compile_with(content, options) {
        Ok(compiled) => compiled,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} error(s) in {}", errors.len(), content.display());
            return ExitCode::FAILURE;
        }
    };
    for warning in &compiled.warnings {
        eprintln!("warning: {warning}");
    }
    if let Some(out) = out {
        for (relative, bytes) in &compiled.files {
            let path = out.join(relative);
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, bytes));
            if let Err(e) = written {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!("reviews measured against {today} (from {from})");
    println!("{}", compiled.report);
    print!(
        "{}",
        declic_content::simulation::Report {
            files: &compiled.simulations
        }
    );
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_comes_from_the_argument_then_the_environment_then_the_clock() {
        let d = |s| Date::parse(s).unwrap();
        let no_env = |_: &str| None;
        let epoch = |k: &str| (k == "SOURCE_DATE_EPOCH").then(|| "1796083200".to_string());
        let clock = || 20_423;
        assert_eq!(
            today(Some("2026-12-01"), epoch, clock),
            Ok((d("2026-12-01"), "--today"))
        );
        assert_eq!(
            today(None, epoch, clock),
            Ok((d("2026-12-01"), "SOURCE_DATE_EPOCH"))
        );
        assert_eq!(
            today(None, no_env, clock),
            Ok((d("2025-12-01"), "the system clock"))
        );
        assert!(today(Some("01/12/2026"), no_env, clock).is_err());
        assert!(today(None, |_: &str| Some("soon".into()), clock).is_err());
    }
}
