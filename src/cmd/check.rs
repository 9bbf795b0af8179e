//! `guidepost check`: load and validate everything, write nothing.

use std::process::ExitCode;

use guidepost::build::{load_checked, Checked};
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
        Ok(Checked {
            model,
            index,
            warnings,
            ..
        }) => {
            report(warnings, t);
            let ok = msg!(
                CHECK_OK,
                platforms = model.platforms.len(),
                ids = index.ids.len(),
                pages = model.pages.len() + model.sections.len()
            );
            eprintln!("{}", t.message(&ok));
            if let Some(line) = imported_line(&model.imported, t) {
                eprintln!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(failed) => {
            let n = report(failed.0, t);
            eprintln!("{}", t.message(&msg!(CHECK_FAILED, errors = n)));
            ExitCode::from(1)
        }
    }
}

/// What was done to read Markdown written for other tools, on one line; None when nothing was.
fn imported_line(i: &guidepost::model::Imported, t: &Catalog) -> Option<String> {
    let mut parts = Vec::new();
    if i.summaries > 0 {
        let m = msg!(
            BOOK_APPLIED_SUMMARY,
            files = i.summaries,
            chapters = i.chapters
        );
        parts.push(t.message(&m));
    }
    if i.no_front_matter > 0 {
        let m = msg!(BOOK_APPLIED_NO_FRONT_MATTER, pages = i.no_front_matter);
        parts.push(t.message(&m));
    }
    if i.directives > 0 {
        parts.push(t.message(&msg!(BOOK_APPLIED_DIRECTIVES, count = i.directives)));
    }
    if i.readme_index > 0 {
        parts.push(t.message(&msg!(BOOK_APPLIED_README, count = i.readme_index)));
    }
    if i.drafts > 0 {
        parts.push(t.message(&msg!(BOOK_APPLIED_DRAFTS, count = i.drafts)));
    }
    (!parts.is_empty()).then(|| parts.join(&t.message(&msg!(BOOK_APPLIED_JOIN))))
}
