//! Stage 3: validate the loaded model as a whole.
//!
//! Ids are unique (see [`Index::build`]), every reference names an id that exists, every
//! Markdown link reaches a page and anchor, every URL passes the policy (`policy.rs`),
//! decision trees are sound, URLs do not collide,
//! and content is not older than the site allows. Every problem of the run is collected with
//! its place and a hint. `check` reads the model only; it never renders or writes.

mod emphasis;
mod freshness;
mod links;
mod policy;
mod trees;

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, Message};
use crate::model::index::{Index, Kind, RESERVED};
use crate::model::{Model, Spanned};
use crate::msg;

/// Check the model. `today` decides what is stale (warnings only).
pub fn check(model: &Model, today: NaiveDate) -> (Index, Diagnostics) {
    check_in(model, today, Pages::Checked)
}

/// Check everything but the bodies of the content pages (their links, URLs and bold marks):
/// for a preview server that saw only guide sources change; it checks the pages afterwards.
pub fn check_guides(model: &Model, today: NaiveDate) -> (Index, Diagnostics) {
    check_in(model, today, Pages::Skipped)
}

/// Whether the bodies of content pages are checked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pages {
    Checked,
    Skipped,
}

fn check_in(model: &Model, today: NaiveDate, pages: Pages) -> (Index, Diagnostics) {
    let (index, dups) = Index::build(model);
    let mut diags = Diagnostics::default();
    diags.extend(dups);
    let c = Checker {
        model,
        index: &index,
    };
    c.references(&mut diags);
    c.reserved_names(&mut diags);
    freshness::check(model, today, &mut diags);
    links::check(model, &index, pages == Pages::Checked, &mut diags);
    policy::yaml_urls(model, &mut diags);
    emphasis::check(model, pages == Pages::Checked, &mut diags);
    for p in &model.platforms {
        for t in &p.trees {
            trees::check(model, t, &mut diags);
        }
    }
    (index, diags)
}

/// Check again only the content pages `which` (indices into `Model::pages`) after an edit of
/// their bodies: their links and anchors, URLs and heading attributes. For a preview server whose edit left everything
/// other pages depend on (title, URL, headings) as it was when the whole site was checked.
pub fn check_pages(model: &Model, index: &Index, which: &[usize]) -> Diagnostics {
    let resolver = crate::model::links::Resolver::new(model, index);
    let mut diags = Diagnostics::default();
    for &i in which {
        links::page_links(model, &resolver, &model.pages[i], &mut diags);
        policy::page(model, &model.pages[i], &mut diags);
    }
    diags
}

struct Checker<'a> {
    model: &'a Model,
    index: &'a Index,
}

impl Checker<'_> {
    /// `id` must name an item of one of `kinds`.
    fn expect(&self, id: &Spanned<String>, kinds: &[Kind], diags: &mut Diagnostics) {
        let span = self.model.span(id.at);
        match self.index.get(id) {
            Some(t) if kinds.contains(&t.kind) => {}
            Some(t) => diags.push(
                Diagnostic::error(
                    span,
                    msg!(
                        REF_WRONG_KIND,
                        id = id,
                        kind = kind_name(t.kind),
                        expected = names(kinds)
                    ),
                )
                .hint(msg!(REF_WRONG_KIND_HINT, expected = names(kinds))),
            ),
            None => {
                let known = self
                    .index
                    .ids
                    .iter()
                    .filter(|(_, t)| kinds.contains(&t.kind))
                    .map(|(k, _)| k.as_str());
                let rest = msg!(UNKNOWN_ID_HINT, kinds = names(kinds));
                let hint = match crate::load::yaml::error::closest(id, known) {
                    Some(close) => msg!(HINT_DID_YOU_MEAN, close = close, rest = rest),
                    None => rest,
                };
                diags.push(Diagnostic::error(span, msg!(UNKNOWN_ID, id = id)).hint(hint))
            }
        }
    }

    fn references(&self, diags: &mut Diagnostics) {
        let any = [
            Kind::Faq,
            Kind::Flow,
            Kind::Step,
            Kind::Rule,
            Kind::Term,
            Kind::Material,
            Kind::Tree,
            Kind::Platform,
            Kind::Checklist,
        ];
        for p in &self.model.platforms {
            for f in &p.flows {
                for s in &f.steps {
                    for m in &s.materials {
                        self.expect(m, &[Kind::Material], diags);
                    }
                }
            }
            for q in &p.faqs {
                for r in &q.related {
                    self.expect(r, &any, diags);
                }
            }
            for t in &p.trees {
                for o in &t.outcomes {
                    for m in &o.materials {
                        self.expect(m, &[Kind::Material], diags);
                    }
                    for s in &o.steps {
                        self.expect(s, &[Kind::Step, Kind::Flow], diags);
                    }
                }
            }
        }
        for p in &self.model.platforms {
            for c in &p.checklists {
                for m in &c.materials {
                    self.expect(m, &[Kind::Material], diags);
                }
                let mut seen: HashSet<&str> = c.materials.iter().map(|m| m.as_str()).collect();
                for item in &c.items {
                    if !seen.insert(&item.id) {
                        diags.push(
                            Diagnostic::error(
                                self.model.span(item.id.at),
                                msg!(CHECKLIST_ITEM_TWICE, id = &item.id),
                            )
                            .hint(msg!(CHECKLIST_ITEM_TWICE_HINT)),
                        );
                    }
                }
            }
        }
        for id in &self.model.config.popular {
            self.expect(id, &any, diags);
        }
    }

    /// Flows and trees live at `<platform>/<id>/`: they must not take a name the platform
    /// pages use, and content sections must not take a platform's folder.
    fn reserved_names(&self, diags: &mut Diagnostics) {
        for p in &self.model.platforms {
            let flows = p.flows.iter().map(|f| (&f.id, f.origin));
            let trees = p.trees.iter().map(|t| (&t.id, t.origin));
            for (id, origin) in flows.chain(trees) {
                if RESERVED.contains(&id.as_str()) {
                    diags.push(
                        Diagnostic::error(self.model.span(origin), msg!(RESERVED_NAME, id = id))
                            .hint(msg!(RESERVED_NAME_HINT, taken = RESERVED.join(", "))),
                    );
                }
            }
        }
        let taken: Vec<&str> = self
            .model
            .platforms
            .iter()
            .map(|p| p.id())
            .chain(["glossary", "assets", "search", "404"])
            .collect();
        let pages = self
            .model
            .pages
            .iter()
            .chain(self.model.sections.iter().map(|s| &s.page));
        for page in pages {
            let first = page.url.split('/').next().unwrap_or("");
            if taken.contains(&first) {
                diags.push(
                    Diagnostic::error(
                        self.model.span(page.origin),
                        msg!(PAGE_URL_TAKEN, url = &page.url),
                    )
                    .hint(msg!(PAGE_URL_TAKEN_HINT, first = first)),
                );
            }
        }
    }
}

/// The name of a kind of item, in the reader's language.
fn kind_name(k: Kind) -> Message {
    msg!(KIND_NAME, kind = format!("{k:?}").to_lowercase())
}

/// The kinds a reference may name: one, two (`step or flow`), or any guide item.
fn names(kinds: &[Kind]) -> Message {
    match kinds {
        [k] => kind_name(*k),
        [a, b] => msg!(KINDS_TWO, a = kind_name(*a), b = kind_name(*b)),
        _ => msg!(KINDS_ANY),
    }
}
