//! Every internal Markdown link resolves: in content pages (with its own line and column) and
//! in the Markdown fields of guide sources (at the field). The same pass hands each body's
//! other URLs and heading attributes to the policy check. A rule's `shared` names a shared
//! requirement of its rules.yaml.

use std::collections::HashSet;

use super::policy;
use crate::diag::{Diagnostic, Diagnostics, Severity, Span};
use crate::load::markdown;
use crate::model::index::Index;
use crate::model::links::{anchors, LinkError, Resolver};
use crate::model::walk::for_each_guide_markdown;
use crate::model::{Model, Page};
use crate::msg;

/// The links of the guide sources, and of the content pages when `pages` is set.
pub fn check(model: &Model, index: &Index, pages: bool, diags: &mut Diagnostics) {
    let resolver = Resolver::new(model, index);
    let all = model
        .pages
        .iter()
        .chain(model.sections.iter().map(|s| &s.page));
    for page in all.filter(|_| pages) {
        page_links(model, &resolver, page, diags);
        policy::page(model, page, diags);
    }
    for_each_guide_markdown(model, |text| {
        let analysis = markdown::analyze(text, 1);
        let own = anchors(analysis.headings.iter().map(|h| &h.id));
        for link in &analysis.links {
            if let Err(e) = resolver.resolve("", &link.dest, &own) {
                let span = model.span(text.at.inside(link.line, link.col));
                diags.push(Diagnostic::error(span, e.message()).hint(e.hint()));
            }
        }
        policy::guide_markdown(model, text, &analysis, diags);
    });
    shared_requirements(model, diags);
}

/// A rule's `shared` names a requirement of its own rules.yaml; each is named once per rule,
/// and the requirements' ids are unique in the file.
fn shared_requirements(model: &Model, diags: &mut Diagnostics) {
    for p in &model.platforms {
        let mut seen = HashSet::new();
        for s in &p.shared {
            if !seen.insert(s.id.as_str()) {
                diags.push(
                    Diagnostic::error(model.span(s.origin), msg!(SHARED_TWICE, id = &s.id))
                        .hint(msg!(SHARED_TWICE_HINT)),
                );
            }
        }
        for r in &p.rules {
            if r.shared.is_empty() && r.requires.trim().is_empty() {
                diags.push(
                    Diagnostic::error(
                        model.span(r.category.at),
                        msg!(RULE_REQUIRES_NOTHING, category = &r.category),
                    )
                    .hint(msg!(RULE_REQUIRES_NOTHING_HINT)),
                );
            }
            for (i, id) in r.shared.iter().enumerate() {
                if seen.contains(id.as_str()) && !r.shared[..i].contains(id) {
                    continue;
                }
                let span = model.span(id.at);
                let d = if r.shared[..i].contains(id) {
                    Diagnostic::error(span, msg!(SHARED_NAMED_TWICE, id = id))
                        .hint(msg!(SHARED_NAMED_TWICE_HINT))
                } else {
                    let known: Vec<&str> = p.shared.iter().map(|s| s.id.as_str()).collect();
                    let hint = match known
                        .iter()
                        .map(|k| (strsim::normalized_levenshtein(id, k), k))
                        .filter(|(score, _)| *score >= 0.7)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                    {
                        Some((_, k)) => msg!(SHARED_UNKNOWN_GUESS, guess = *k),
                        None if known.is_empty() => msg!(SHARED_UNKNOWN_NONE),
                        None => msg!(SHARED_UNKNOWN_KNOWN, known = known.join(", ")),
                    };
                    Diagnostic::error(span, msg!(SHARED_UNKNOWN, id = id)).hint(hint)
                };
                diags.push(d);
            }
        }
    }
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
