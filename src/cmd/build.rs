//! `guidepost build`: load, check, render and write the site.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use guidepost::build::{build, Options, Outcome};
use guidepost::i18n::Catalog;
use guidepost::msg;

use super::{report, RootArg};

/// Build the site into an output folder (default: public/ in the site folder)
///
/// The previous output is replaced only when the whole new build succeeded.
///
/// Example: guidepost build --root my-site --output my-site-html --base-url https://help.example.cn/
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub root: RootArg,
    /// Where to write the site [default: <root>/public]
    #[arg(long, value_name = "DIR", value_parser = super::absolute_dir)]
    pub output: Option<PathBuf>,
    /// Override site.yaml's base_url (the absolute URL the site is published at)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

pub fn execute(args: Args, t: &Catalog) -> ExitCode {
    let start = Instant::now();
    let root = args.root.root;
    let output = args.output.unwrap_or_else(|| root.join("public"));
    let opts = Options {
        root: &root,
        output: &output,
        base_url: args.base_url,
    };
    match build(&opts) {
        Ok(Outcome { files, warnings }) => {
            report(warnings, t);
            let ms = start.elapsed().as_millis() as usize;
            let output = output.display().to_string();
            eprintln!(
                "{}",
                t.message(&msg!(BUILT, files = files, output = output, ms = ms))
            );
            ExitCode::SUCCESS
        }
        Err(guidepost::build::Error::Sources(failed)) => {
            let n = report(failed.0, t);
            let output = output.display().to_string();
            eprintln!(
                "{}",
                t.message(&msg!(BUILD_FAILED, errors = n, output = output))
            );
            ExitCode::from(1)
        }
        Err(guidepost::build::Error::Write(e)) => {
            // The write stage's own text (its engineer's; converted into the catalogue later).
            eprintln!("{e}");
            let output = output.display().to_string();
            eprintln!("{}", t.message(&msg!(BUILD_FAILED_WRITE, output = output)));
            ExitCode::from(2)
        }
    }
}
