//! Walks over the model that several stages need.

use super::index::{url, Index, Kind};
use super::{Model, Spanned};

/// Call `f(markdown)` for every Markdown field of the guide sources; each knows its place.
pub fn for_each_guide_markdown(model: &Model, mut f: impl FnMut(&Spanned<String>)) {
    for p in &model.platforms {
        f(&p.meta.summary);
        if let Some(c) = &p.meta.contact {
            f(c);
        }
        for m in &p.materials {
            f(&m.description);
        }
        for fl in &p.flows {
            f(&fl.summary);
            for s in &fl.steps {
                f(&s.body);
                if let Some(n) = &s.next {
                    f(n);
                }
            }
        }
        for q in &p.faqs {
            f(&q.answer);
        }
        for s in &p.shared {
            f(&s.text);
        }
        for r in &p.rules {
            f(&r.requires);
            f(&r.notes);
        }
        for t in &p.terms {
            f(&t.definition);
        }
        for c in &p.checklists {
            f(&c.summary);
            for item in &c.items {
                f(&item.note);
            }
        }
        for t in &p.trees {
            f(&t.summary);
            for q in &t.questions {
                f(&q.help);
            }
            for o in &t.outcomes {
                f(&o.body);
            }
        }
    }
}

/// Where to look when nothing matched: each platform's decision trees and FAQ list.
pub fn suggestions(model: &Model, index: &Index) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in &model.platforms {
        for t in &p.trees {
            if let Some(target) = index.get(&t.id) {
                out.push((
                    format!("{}：{}", Kind::Tree.label(), t.title),
                    target.url.clone(),
                ));
            }
        }
        if !p.faqs.is_empty() {
            let url = url::faq_list(p.id());
            out.push((format!("{} · {}", p.meta.name, Kind::Faq.label()), url));
        }
    }
    out
}
