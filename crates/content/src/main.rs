//! `declic-content check <content-dir>` and
//! `declic-content build <content-dir> <out-dir>`: the writers' tool.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str =
    "usage:\n  declic-content check <content-dir>\n  declic-content build <content-dir> <out-dir>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", content] => run(Path::new(content), None),
        ["build", content, out] => run(Path::new(content), Some(Path::new(out))),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(content: &Path, out: Option<&Path>) -> ExitCode {
    let compiled = match declic_content::compile(content) {
        Ok(compiled) => compiled,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} error(s) in {}", errors.len(), content.display());
            return ExitCode::FAILURE;
        }
    };
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
    println!("{}", compiled.report);
    print!(
        "{}",
        declic_content::simulation::Report {
            files: &compiled.simulations
        }
    );
    ExitCode::SUCCESS
}
