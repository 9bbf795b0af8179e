//! Every internal Markdown link resolves: in content pages (with its own line and column) and
//! in the Markdown fields of guide sources (at the field).

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::markdown;
use crate::model::index::Index;
use crate::model::links::Resolver;
use crate::model::{Model, Origin};

pub fn check(model: &Model, index: &Index, diags: &mut Diagnostics) {
    let resolver = Resolver::new(model, index);
    let pages = model.pages.iter().chain(model.sections.iter().map(|s| &s.page));
    for page in pages {
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
    for_each_guide_markdown(model, |origin, field, text| {
        let analysis = markdown::analyze(text, 1);
        let own: Vec<String> = analysis.headings.iter().map(|h| h.id.clone()).collect();
        for link in &analysis.links {
            if let Err(e) = resolver.resolve("", &link.dest, &own) {
                diags.push(Diagnostic::error(model.span(origin, field), e.message()).hint(e.hint()));
            }
        }
    });
}

/// Call `f(origin, field, markdown)` for every Markdown field of the guide sources.
pub fn for_each_guide_markdown(model: &Model, mut f: impl FnMut(&Origin, &str, &str)) {
    for p in &model.platforms {
        f(&p.meta.origin, "summary", &p.meta.summary);
        if let Some(c) = &p.meta.contact {
            f(&p.meta.origin, "contact", c);
        }
        for m in &p.materials {
            f(&m.origin, "description", &m.description);
        }
        for fl in &p.flows {
            f(&fl.origin, "summary", &fl.summary);
            for s in &fl.steps {
                f(&s.origin, "body", &s.body);
                if let Some(n) = &s.next {
                    f(&s.origin, "next", n);
                }
            }
        }
        for q in &p.faqs {
            f(&q.origin, "answer", &q.answer);
        }
        for r in &p.rules {
            f(&r.origin, "requires", &r.requires);
            f(&r.origin, "notes", &r.notes);
        }
        for t in &p.terms {
            f(&t.origin, "definition", &t.definition);
        }
        for t in &p.trees {
            f(&t.origin, "summary", &t.summary);
            for q in &t.questions {
                f(&q.origin, "help", &q.help);
            }
            for o in &t.outcomes {
                f(&o.origin, "body", &o.body);
            }
        }
    }
}
