//! Every internal Markdown link resolves: in content pages (with its own line and column) and
//! in the Markdown fields of guide sources (at the field). The same pass hands each body's
//! other URLs and heading attributes to the policy check.

use super::policy;
use crate::diag::{Diagnostic, Diagnostics, Severity, Span};
use crate::load::markdown;
use crate::model::index::Index;
use crate::model::links::{anchors, LinkError, Resolver};
use crate::model::walk::for_each_guide_markdown;
use crate::model::{Model, Page};

pub fn check(model: &Model, index: &Index, diags: &mut Diagnostics) {
    let resolver = Resolver::new(model, index);
    let pages = model
        .pages
        .iter()
        .chain(model.sections.iter().map(|s| &s.page));
    for page in pages {
        page_links(model, &resolver, page, diags);
        policy::page(model, page, diags);
    }
    for_each_guide_markdown(model, |origin, field, text| {
        let analysis = markdown::analyze(text, 1);
        let own = anchors(analysis.headings.iter().map(|h| &h.id));
        for link in &analysis.links {
            if let Err(e) = resolver.resolve("", &link.dest, &own) {
                let span = policy::in_field(model, origin, field, link.line, link.col);
                diags.push(Diagnostic::error(span, e.message()).hint(e.hint()));
            }
        }
        policy::guide_markdown(model, origin, field, &analysis, diags);
    });
}

/// The internal links of one content page, each at its own line and column.
pub fn page_links(model: &Model, resolver: &Resolver, page: &Page, diags: &mut Diagnostics) {
    let own = anchors(page.headings.iter().map(|h| &h.id));
    let file = model.file_name(page.origin.file);
    for link in &page.links {
        if let Err(e) = resolver.resolve(&page.rel, &link.dest, &own) {
            let span = Span {
                file: file.clone(),
                line: link.line,
                col: link.col,
            };
            diags
                .push(imported_link(page, &e, Diagnostic::error(span, e.message())).hint(e.hint()));
        }
    }
}

/// In Markdown brought in without front matter, a link to a missing page or anchor is a
/// warning: the book built that way before (mdBook checks neither), and the link is written
/// as `#` (it stays on the page) instead of leading to a 404.
fn imported_link(page: &Page, e: &LinkError, d: Diagnostic) -> Diagnostic {
    match e {
        LinkError::NoAnchor { .. } | LinkError::NoPage { .. } if !page.front_matter => Diagnostic {
            severity: Severity::Warning,
            ..d
        },
        _ => d,
    }
}
