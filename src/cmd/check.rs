//! `guidepost check`: load and validate everything, write nothing.

use std::process::ExitCode;

use guidepost::build::load_checked;
use guidepost::i18n::Catalog;
use guidepost::msg;

use super::{report, RootArg};

/// Validate the site's sources and report every problem, without writing anything
///
/// Example: guidepost check --root my-site
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub root: RootArg,
}

pub fn execute(args: Args, t: &Catalog) -> ExitCode {
    match load_checked(&args.root.root) {
        Ok((model, index, warnings)) => {
            report(warnings, t);
            let ok = msg!(
                CHECK_OK,
                platforms = model.platforms.len(),
                ids = index.ids.len(),
                pages = model.pages.len() + model.sections.len()
            );
            eprintln!("{}", t.message(&ok));
            ExitCode::SUCCESS
        }
        Err(failed) => {
            let n = report(failed.0, t);
            eprintln!("{}", t.message(&msg!(CHECK_FAILED, errors = n)));
            ExitCode::from(1)
        }
    }
}
