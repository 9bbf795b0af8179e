//! Checklists: a tickable, printable list of what to prepare. One is generated for every flow
//! and every decision-tree outcome that names materials (so a material edited in a flow is
//! edited in its checklists too); more are written by hand in `checklists.yaml`.
//!
//! Ticks are kept in the browser under the checklist's URL, item by item, keyed by the
//! material's id plus a fingerprint of its name: removing or renaming an item never moves an
//! old tick onto another item.

use std::collections::BTreeSet;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::guides::{crumb_platform, index_html, material_view, source_view, steps_using};
use super::views::{LinkView, MaterialView, SourceView};
use super::{OutFile, Renderer};
use crate::diag::Diagnostic;
use crate::model::guide::{Checklist, Outcome};
use crate::model::index::url;
use crate::model::{Flow, Platform, Spanned, Tree};

/// A material (or a hand-written item) with the key its tick is stored under.
#[derive(Serialize)]
struct ItemView {
    key: String,
    #[serde(flatten)]
    material: MaterialView,
}

#[derive(Serialize)]
struct Group {
    title: String,
    url: Option<String>,
    /// The steps every item of the group is used in, said once for the group; each item
    /// keeps only the steps that are its own.
    used_by: Vec<LinkView>,
    items: Vec<ItemView>,
}

impl Group {
    /// A group of `items` under `title` (a link to `url`, the step the group is for: the
    /// items do not repeat it).
    fn new(title: String, url: Option<String>, mut items: Vec<ItemView>) -> Group {
        for i in &mut items {
            i.material.used_by.retain(|u| Some(&u.url) != url.as_ref());
        }
        let used_by: Vec<LinkView> = match items.split_first() {
            Some((first, rest)) if !rest.is_empty() || url.is_some() => (first.material.used_by)
                .iter()
                .filter(|u| {
                    rest.iter()
                        .all(|i| i.material.used_by.iter().any(|v| v.url == u.url))
                })
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        for i in &mut items {
            i.material
                .used_by
                .retain(|u| !used_by.iter().any(|c| c.url == u.url));
        }
        Group {
            title,
            url,
            used_by,
            items,
        }
    }
}

#[derive(Serialize)]
struct ChecklistView {
    title: String,
    summary_html: String,
    source: SourceView,
    /// localStorage key: the checklist's path, which is stable as ids are.
    storage: String,
    total: usize,
    groups: Vec<Group>,
    back: LinkView,
}

fn key(id: &str, name: &str) -> String {
    let digest = Sha256::digest(name.as_bytes());
    let fp: String = digest.iter().take(3).map(|b| format!("{b:02x}")).collect();
    format!("{id}~{fp}")
}

/// The items of `ids`; `linked` holds the glossary terms the page has linked so far.
fn items(
    r: &Renderer,
    ids: &[Spanned<String>],
    root: &str,
    linked: &mut BTreeSet<String>,
) -> Vec<ItemView> {
    ids.iter()
        .filter_map(|id| {
            let mut m = material_view(r, id, root, linked)?;
            m.used_by = steps_using(r, id, root);
            Some(ItemView {
                key: key(&m.id, &m.name),
                material: m,
            })
        })
        .collect()
}

fn page(
    r: &Renderer,
    path: &str,
    title: &str,
    crumbs: Vec<LinkView>,
    view: impl FnOnce(&str) -> ChecklistView,
) -> Result<OutFile, Diagnostic> {
    let base = r.base(path, title, "可打勾、可打印的材料清单", crumbs);
    let view = view(&base.root);
    #[derive(Serialize)]
    struct V {
        checklist: ChecklistView,
    }
    r.page(
        "checklist.html",
        base,
        &V { checklist: view },
        index_html(path),
    )
}

pub(super) fn flow_checklist(r: &Renderer, p: &Platform, f: &Flow) -> Result<OutFile, Diagnostic> {
    let flow_url = url::flow(p.id(), &f.id);
    let path = url::checklist_of(&flow_url);
    let title = format!("{} · 材料清单", f.title);
    let crumbs = vec![
        crumb_platform(p),
        LinkView {
            title: f.title.clone(),
            url: flow_url.clone(),
        },
    ];
    page(r, &path, &title, crumbs, |root| {
        let mut seen = BTreeSet::new();
        let mut linked = BTreeSet::new();
        let groups: Vec<Group> = f
            .steps
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let fresh: Vec<Spanned<String>> = s
                    .materials
                    .iter()
                    .filter(|m| seen.insert(m.as_str()))
                    .cloned()
                    .collect();
                (!fresh.is_empty()).then(|| {
                    Group::new(
                        format!("第 {} 步 {}", i + 1, s.title),
                        Some(format!("{root}{}", url::step(p.id(), &f.id, &s.id))),
                        items(r, &fresh, root, &mut linked),
                    )
                })
            })
            .collect();
        ChecklistView {
            title: title.clone(),
            summary_html: String::new(),
            source: source_view(p.source_of(&f.source)),
            storage: path.clone(),
            total: groups.iter().map(|g| g.items.len()).sum(),
            groups,
            back: LinkView {
                title: f.title.clone(),
                url: format!("{root}{flow_url}"),
            },
        }
    })
}

pub(super) fn outcome_checklist(
    r: &Renderer,
    p: &Platform,
    t: &Tree,
    o: &Outcome,
) -> Result<OutFile, Diagnostic> {
    let node_url = url::tree_node(p.id(), &t.id, &o.id);
    let path = url::checklist_of(&node_url);
    let title = format!("{} · 材料清单", o.title);
    let crumbs = vec![
        crumb_platform(p),
        LinkView {
            title: t.title.clone(),
            url: url::tree(p.id(), &t.id),
        },
        LinkView {
            title: o.title.clone(),
            url: node_url.clone(),
        },
    ];
    page(r, &path, &title, crumbs, |root| {
        let list = items(r, &o.materials, root, &mut BTreeSet::new());
        ChecklistView {
            title: title.clone(),
            summary_html: o
                .submit
                .as_ref()
                .map(|s| format!("<p><strong>提交方式：</strong>{}</p>", super::escape(s)))
                .unwrap_or_default(),
            source: source_view(p.source_of(&t.source)),
            storage: path.clone(),
            total: list.len(),
            groups: vec![Group::new(String::new(), None, list)],
            back: LinkView {
                title: o.title.clone(),
                url: format!("{root}{node_url}"),
            },
        }
    })
}

pub(super) fn hand_checklist(
    r: &Renderer,
    p: &Platform,
    c: &Checklist,
) -> Result<OutFile, Diagnostic> {
    let path = url::checklist(p.id(), &c.id);
    page(r, &path, &c.title, vec![crumb_platform(p)], |root| {
        let mut linked = BTreeSet::new();
        let summary_html = r.md(p, &c.summary, root, &mut linked);
        let first = items(r, &c.materials, root, &mut linked);
        let mut groups = vec![Group::new(String::new(), None, first)];
        if !c.items.is_empty() {
            groups.push(Group::new(
                "其他事项".into(),
                None,
                c.items
                    .iter()
                    .map(|i| ItemView {
                        key: key(&i.id, &i.text),
                        material: MaterialView {
                            id: i.id.value.clone(),
                            name: i.text.clone(),
                            description_html: r.md(p, &i.note, root, &mut linked),
                            requirements: Vec::new(),
                            formats: Vec::new(),
                            max_size: None,
                            template: None,
                            used_by: Vec::new(),
                        },
                    })
                    .collect(),
            ));
        }
        groups.retain(|g| !g.items.is_empty());
        ChecklistView {
            title: c.title.clone(),
            summary_html,
            source: source_view(&p.meta.source),
            storage: path.clone(),
            total: groups.iter().map(|g| g.items.len()).sum(),
            groups,
            back: LinkView {
                title: p.meta.name.clone(),
                url: format!("{root}{}", url::platform(p.id())),
            },
        }
    })
}
