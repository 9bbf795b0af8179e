//! The command line: one file per subcommand, each with its clap arguments and `execute`.

pub mod build;
pub mod check;
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
                  Examples:\n  guidepost build                      build the site in this folder into public/\n  \
                  guidepost check --root my-site       validate my-site without writing anything"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    Build(build::Args),
    Check(check::Args),
    Serve(serve::Args),
}

/// `--root`, shared by the commands.
#[derive(clap::Args)]
pub struct RootArg {
    /// The site folder: the one holding site.yaml
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
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
