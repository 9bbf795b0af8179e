//! `guidepost check`: load and validate everything, write nothing.

use std::process::ExitCode;

use guidepost::build::load_checked;

use super::{report, RootArg};

/// Validate the site's sources and report every problem, without writing anything
///
/// Example: guidepost check --root my-site
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub root: RootArg,
}

pub fn execute(args: Args) -> ExitCode {
    match load_checked(&args.root.root) {
        Ok((model, index, warnings)) => {
            report(warnings);
            eprintln!(
                "ok: {} platforms, {} ids, {} pages checked",
                model.platforms.len(),
                index.ids.len(),
                model.pages.len() + model.sections.len()
            );
            ExitCode::SUCCESS
        }
        Err(failed) => {
            let n = report(failed.0);
            eprintln!("check failed: {n} error(s)");
            ExitCode::from(1)
        }
    }
}
