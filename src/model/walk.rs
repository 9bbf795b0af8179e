//! Walks over the model that several stages need.

use super::index::{url, Index, Kind};
use super::{Model, Origin};

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
        for s in &p.shared {
            f(&s.origin, "text", &s.text);
        }
        for r in &p.rules {
            f(&r.origin, "requires", &r.requires);
            f(&r.origin, "notes", &r.notes);
        }
        for t in &p.terms {
            f(&t.origin, "definition", &t.definition);
        }
        for c in &p.checklists {
            f(&c.origin, "summary", &c.summary);
            for (i, item) in c.items.iter().enumerate() {
                f(&c.origin, &format!("items.{i}.note"), &item.note);
            }
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
