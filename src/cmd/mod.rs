//! The command line: one file per subcommand, each with its clap arguments and `execute`.
//!
//! The language is chosen first (`--lang`, else the locale; see [`Lang::from_env`]), then the
//! clap command is built with its help texts from the catalogue (`help.rs`), and the one
//! [`Catalog`] is handed to the subcommand that prints.

pub mod build;
pub mod check;
mod help;
pub mod init;
pub mod serve;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use guidepost::diag::{Diagnostics, Severity};
use guidepost::i18n::{Catalog, Lang};

#[derive(Parser)]
#[command(name = "guidepost", version)]
pub struct Cli {
    /// Language of messages (zh or en)
    #[arg(long, global = true, value_name = "zh|en", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
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

/// `--lang`, shared by the commands.
#[derive(clap::Args)]
pub struct RootArg {
    /// The site folder: the one holding site.yaml
    #[arg(long, default_value = ".", value_name = "DIR", value_parser = absolute_dir)]
    pub root: PathBuf,
}

/// The language `--lang X` or `--lang=X` asks for, read before clap so that clap's own help
/// is in it too. An unknown value is left for clap to refuse.
fn lang_arg(args: &[OsString]) -> Option<Lang> {
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = iter.next() {
        if a == "--" {
            break;
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
        if a == "--lang" {
            return iter.next().and_then(|v| Lang::parse(&v));
        }
    }
    None
}

/// Parse the command line in the language it asks for; exits on `--help` or a usage error.
pub fn parse(args: Vec<OsString>) -> (Cli, Catalog) {
    let lang = lang_arg(&args).unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()));
    let catalog = Catalog::new(lang);
    let command = help::localize(Cli::command(), &catalog);
    let matches = command.get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    (cli, catalog)
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

/// Print problems to stderr in file order, in the catalogue's language; returns the number
/// of errors.
pub fn report(diags: Diagnostics, t: &Catalog) -> usize {
    let mut errors = 0;
    for d in diags.sorted() {
        if d.severity == Severity::Error {
            errors += 1;
        }
        eprintln!("{}", t.render(&d));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_flag_is_found_before_parsing() {
        assert_eq!(
            lang_arg(&args(&["g", "check", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_arg(&args(&["g", "--lang=zh", "build"])),
            Some(Lang::Zh)
        );
        assert_eq!(lang_arg(&args(&["g", "build", "--", "--lang", "en"])), None);
        assert_eq!(lang_arg(&args(&["g", "build"])), None);
    }
}
