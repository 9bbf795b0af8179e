//! The command line: one file per subcommand, each with its clap arguments and `execute`.

pub mod build;
pub mod check;
pub mod init;
pub mod serve;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use guidepost::diag::{Diagnostics, Severity};

#[derive(Parser)]
#[command(
    name = "guidepost",
    version,
    about = "Build a fast, searchable static site from structured merchant guides",
    long_about = "guidepost turns structured guide sources (guides/*/*.yaml) and Markdown pages \
                  (content/**/*.md) into a static site: step-by-step guides with flow diagrams, \
                  FAQs with permalinks, rules, materials and a glossary.\n\n\
                  Examples:\n  guidepost init my-site               start a new site from a small working example\n  \
                  guidepost build                      build the site in this folder into public/\n  \
                  guidepost check --root my-site       validate my-site without writing anything\n  \
                  guidepost serve                      preview the site in this folder at http://127.0.0.1:8000/"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    Build(build::Args),
    Check(check::Args),
    Init(init::Args),
    Serve(serve::Args),
}

/// `--root`, shared by the commands.
#[derive(clap::Args)]
pub struct RootArg {
    /// The site folder: the one holding site.yaml
    #[arg(long, default_value = ".", value_name = "DIR", value_parser = absolute_dir)]
    pub root: PathBuf,
}

/// The one place a folder given on the command line becomes absolute: everything after it
/// (the watcher's event paths above all, which the OS reports absolute and with symlinks
/// resolved) compares against the same canonical path, whatever the user typed.
pub fn absolute_dir(arg: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(arg);
    match dunce::canonicalize(&path) {
        Ok(p) => Ok(p),
        // A folder that does not exist yet: absolute all the same, so messages name it fully.
        Err(_) => std::path::absolute(&path).map_err(|e| format!("{arg}: {e}")),
    }
}

/// Print problems to stderr in file order; returns the number of errors.
pub fn report(diags: Diagnostics) -> usize {
    let mut errors = 0;
    for d in diags.sorted() {
        if d.severity == Severity::Error {
            errors += 1;
        }
        eprintln!("{d}");
    }
    errors
}
