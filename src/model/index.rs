//! Every id of the site and the URL it is published at.
//!
//! One place decides the URL scheme, so `check` (do links resolve?) and `render` (write the
//! link) can never disagree. URLs are relative to the site root, without a leading slash; a
//! page URL ends in `/`, a fragment follows `#`.

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Span};
use crate::msg;
use crate::output::Registry;

use super::outputs::{self, Output};
use super::{Model, Origin};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Platform,
    Flow,
    Step,
    Material,
    Faq,
    Rule,
    Term,
    Tree,
    Question,
    Outcome,
    Checklist,
}

impl Kind {
    /// The word merchants see for this kind of item.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Platform => "平台",
            Kind::Flow => "流程",
            Kind::Step => "步骤",
            Kind::Material => "材料",
            Kind::Faq => "常见问题",
            Kind::Rule => "规则",
            Kind::Term => "术语",
            Kind::Tree => "决策",
            Kind::Question => "决策",
            Kind::Outcome => "决策",
            Kind::Checklist => "清单",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Target {
    pub kind: Kind,
    pub url: String,
    pub title: String,
    pub origin: Origin,
    /// Index of the platform in `Model::platforms`.
    pub platform: usize,
}

/// Ids of the site. Step ids are keyed `flow-id/step-id`; former FAQ ids map to their FAQ.
/// And every page the model publishes, each claimed in `registry` once.
#[derive(Debug, Default)]
pub struct Index {
    pub ids: BTreeMap<String, Target>,
    /// Old FAQ id → current FAQ id.
    pub former: BTreeMap<String, String>,
    /// The model's outputs that claimed their path (see [`outputs::collect`]).
    pub outputs: Vec<Output>,
    /// The claims of `outputs`; render adds the theme's assets and the copied files.
    pub registry: Registry,
}

/// Names a platform's own pages use under `<platform>/`: no flow or tree may take them.
pub const RESERVED: &[&str] = &[
    "faq",
    "rules",
    "materials",
    "glossary",
    "assets",
    "search",
    "checklists",
];

pub mod url {
    pub fn platform(p: &str) -> String {
        format!("{p}/")
    }
    pub fn flow(p: &str, flow: &str) -> String {
        format!("{p}/{flow}/")
    }
    pub fn step(p: &str, flow: &str, step: &str) -> String {
        format!("{p}/{flow}/#{step}")
    }
    pub fn faq_list(p: &str) -> String {
        format!("{p}/faq/")
    }
    pub fn faq(p: &str, id: &str) -> String {
        format!("{p}/faq/{id}/")
    }
    pub fn rules(p: &str) -> String {
        format!("{p}/rules/")
    }
    pub fn materials(p: &str) -> String {
        format!("{p}/materials/")
    }
    pub fn glossary() -> String {
        "glossary/".to_string()
    }
    pub fn tree(p: &str, tree: &str) -> String {
        format!("{p}/{tree}/")
    }
    pub fn tree_node(p: &str, tree: &str, node: &str) -> String {
        format!("{p}/{tree}/{node}/")
    }
    /// The checklist generated for a flow, or a tree outcome (`page` is its URL).
    pub fn checklist_of(page: &str) -> String {
        format!("{page}checklist/")
    }
    pub fn checklist(p: &str, id: &str) -> String {
        format!("{p}/checklists/{id}/")
    }
}

impl Index {
    /// Collect every id and every output. A duplicate id, or a second claim of an output
    /// path, is an error naming both places.
    pub fn build(model: &Model) -> (Index, Vec<Diagnostic>) {
        let (mut index, mut diags) = Index::ids(model);
        let (all, bad_slugs) = outputs::collect(model);
        diags.extend(bad_slugs);
        for o in all {
            match index.registry.claim(o.claim.clone()) {
                Ok(()) => index.outputs.push(o),
                Err(d) => diags.push(d),
            }
        }
        (index, diags)
    }

    fn ids(model: &Model) -> (Index, Vec<Diagnostic>) {
        let mut b = Builder {
            model,
            index: Index::default(),
            diags: Vec::new(),
        };
        for (pi, p) in model.platforms.iter().enumerate() {
            let pid = p.id();
            b.add(
                pi,
                pid,
                Kind::Platform,
                url::platform(pid),
                &p.meta.name,
                p.meta.origin,
            );
            for m in &p.materials {
                let u = format!("{}#{}", url::materials(pid), m.id);
                b.add(pi, &m.id, Kind::Material, u, &m.name, m.origin);
            }
            for f in &p.flows {
                b.add(
                    pi,
                    &f.id,
                    Kind::Flow,
                    url::flow(pid, &f.id),
                    &f.title,
                    f.origin,
                );
                for s in &f.steps {
                    let key = format!("{}/{}", f.id, s.id);
                    b.add(
                        pi,
                        &key,
                        Kind::Step,
                        url::step(pid, &f.id, &s.id),
                        &s.title,
                        s.origin,
                    );
                }
            }
            for q in &p.faqs {
                b.add(
                    pi,
                    &q.id,
                    Kind::Faq,
                    url::faq(pid, &q.id),
                    &q.question,
                    q.origin,
                );
                for old in &q.former_ids {
                    b.add(pi, old, Kind::Faq, url::faq(pid, old), &q.question, old.at);
                    b.index.former.insert(old.value.clone(), q.id.clone());
                }
            }
            for r in &p.rules {
                let u = format!("{}#{}", url::rules(pid), r.id);
                b.add(pi, &r.id, Kind::Rule, u, &r.category, r.origin);
            }
            for t in &p.terms {
                let u = format!("{}#{}", url::glossary(), t.id);
                b.add(pi, &t.id, Kind::Term, u, &t.term, t.origin);
            }
            for t in &p.trees {
                b.add(
                    pi,
                    &t.id,
                    Kind::Tree,
                    url::tree(pid, &t.id),
                    &t.title,
                    t.origin,
                );
                for q in &t.questions {
                    let u = url::tree_node(pid, &t.id, &q.id);
                    b.add(pi, &q.id, Kind::Question, u, &q.text, q.origin);
                }
                for o in &t.outcomes {
                    let u = url::tree_node(pid, &t.id, &o.id);
                    b.add(pi, &o.id, Kind::Outcome, u, &o.title, o.origin);
                }
            }
            for c in &p.checklists {
                b.add(
                    pi,
                    &c.id,
                    Kind::Checklist,
                    url::checklist(pid, &c.id),
                    &c.title,
                    c.origin,
                );
            }
        }
        (b.index, b.diags)
    }

    pub fn get(&self, id: &str) -> Option<&Target> {
        self.ids.get(id)
    }
}

struct Builder<'a> {
    model: &'a Model,
    index: Index,
    diags: Vec<Diagnostic>,
}

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        platform: usize,
        id: &str,
        kind: Kind,
        url: String,
        title: &str,
        origin: Origin,
    ) {
        let span = self.model.span(origin);
        if let Some(d) = bad_id(id, span.clone()) {
            self.diags.push(d);
            return;
        }
        if let Some(first) = self.index.ids.get(id) {
            let first_span = self.model.span(first.origin);
            self.diags.push(
                Diagnostic::error(span, msg!(DUPLICATE_ID, id = id))
                    .related(first_span, msg!(DUPLICATE_ID_NOTE))
                    .hint(msg!(DUPLICATE_ID_HINT)),
            );
            return;
        }
        let target = Target {
            kind,
            url,
            title: title.to_string(),
            origin,
            platform,
        };
        self.index.ids.insert(id.to_string(), target);
    }
}

/// Ids are lowercase ASCII letters, digits and `-` (a step key has one `/`).
fn bad_id(id: &str, span: Span) -> Option<Diagnostic> {
    let ok = !id.is_empty()
        && id.split('/').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        })
        && id.matches('/').count() <= 1;
    (!ok).then(|| Diagnostic::error(span, msg!(INVALID_ID, id = id)).hint(msg!(INVALID_ID_HINT)))
}
