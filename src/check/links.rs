//! Every internal Markdown link resolves: in content pages (with its own line and column) and
//! in the Markdown fields of guide sources (at the field).

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::markdown;
use crate::model::index::Index;
use crate::model::links::Resolver;
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
    }
    for_each_guide_markdown(model, |origin, field, text| {
        let analysis = markdown::analyze(text, 1);
        let own: Vec<String> = analysis.headings.iter().map(|h| h.id.clone()).collect();
        for link in &analysis.links {
            if let Err(e) = resolver.resolve("", &link.dest, &own) {
                // Block scalars keep their lines; the link's place is counted from the value's start.
                let at = model.span(origin, field);
                let span = Span {
                    line: at.line + link.line - 1,
                    col: at.col + link.col - 1,
                    file: at.file,
                };
                diags.push(Diagnostic::error(span, e.message()).hint(e.hint()));
            }
        }
    });
}

/// The internal links of one content page, each at its own line and column.
pub fn page_links(model: &Model, resolver: &Resolver, page: &Page, diags: &mut Diagnostics) {
    let own: Vec<String> = page.headings.iter().map(|h| h.id.clone()).collect();
    let file = model.file_name(page.origin.file);
    for link in &page.links {
        if let Err(e) = resolver.resolve(&page.rel, &link.dest, &own) {
            let span = Span {
                file: file.clone(),
                line: link.line,
                col: link.col,
            };
            diags.push(Diagnostic::error(span, e.message()).hint(e.hint()));
        }
    }
}
