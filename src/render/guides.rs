//! Pages of the structured guides: platform, flow (with its swimlane), category rules,
//! materials, glossary. FAQ pages are in `faqs.rs`, trees in `trees.rs`.

use std::collections::BTreeSet;

use super::views::*;
use super::{svg, OutFile, Renderer};
use crate::model::index::url;
use crate::model::{Flow, Platform, Source};

pub(super) fn index_html(path: &str) -> String {
    format!("{path}index.html")
}

pub(super) fn source_view(s: &Source) -> SourceView {
    SourceView::from(s)
}

pub(super) fn crumb_platform(p: &Platform) -> LinkView {
    LinkView {
        title: p.meta.name.clone(),
        url: url::platform(p.id()),
    }
}

pub fn platform_view(r: &Renderer, p: &Platform, root: &str) -> PlatformView {
    let mut linked = BTreeSet::new();
    let rel = |u: String| format!("{root}{u}");
    PlatformView {
        id: p.id().to_string(),
        name: p.meta.name.clone(),
        owner: p.meta.owner.clone(),
        url: rel(url::platform(p.id())),
        entry_url: p.meta.entry_url.as_ref().map(|u| u.value.clone()),
        contact_html: r.md(
            p,
            p.meta.contact.as_ref().map_or("", |c| c.as_str()),
            root,
            &mut linked,
        ),
        summary_html: r.md(p, &p.meta.summary, root, &mut linked),
        flows: p
            .flows
            .iter()
            .map(|f| LinkView {
                title: f.title.clone(),
                url: rel(url::flow(p.id(), &f.id)),
            })
            .collect(),
        trees: p
            .trees
            .iter()
            .map(|t| LinkView {
                title: t.title.clone(),
                url: rel(url::tree(p.id(), &t.id)),
            })
            .collect(),
        checklists: p
            .checklists
            .iter()
            .map(|c| LinkView {
                title: c.title.clone(),
                url: rel(url::checklist(p.id(), &c.id)),
            })
            .chain(
                p.flows
                    .iter()
                    .filter(|f| f.has_materials())
                    .map(|f| LinkView {
                        title: format!("{} · 材料清单", f.title),
                        url: rel(url::checklist_of(&url::flow(p.id(), &f.id))),
                    }),
            )
            .collect(),
        faq_count: p.faqs.len(),
        rule_count: p.rules.len(),
        material_count: p.materials.len(),
        faq_url: rel(url::faq_list(p.id())),
        rules_url: rel(url::rules(p.id())),
        materials_url: rel(url::materials(p.id())),
        source: source_view(&p.meta.source),
    }
}

pub(super) fn platform(r: &Renderer, p: &Platform) -> Result<OutFile, crate::diag::Diagnostic> {
    let path = url::platform(p.id());
    let base = r.base(&path, &p.meta.name, &p.meta.owner, vec![]);
    let view = platform_view(r, p, &base.root);
    #[derive(serde::Serialize)]
    struct V {
        platform: PlatformView,
    }
    r.page(
        "platform.html",
        base,
        &V { platform: view },
        index_html(&path),
    )
}

/// A material, wherever it is defined, for a page at `root`.
pub(super) fn material_view(
    r: &Renderer,
    id: &str,
    root: &str,
    linked: &mut BTreeSet<String>,
) -> Option<MaterialView> {
    let t = r.index.get(id)?;
    let p = &r.model.platforms[t.platform];
    let m = p.material(id)?;
    Some(MaterialView {
        id: m.id.clone(),
        name: m.name.clone(),
        description_html: r.md(p, &m.description, root, linked),
        requirements: m.requirements.clone(),
        formats: m.formats.clone(),
        max_size: m.max_size.clone(),
        template: m.template.as_ref().map(|t| LinkView {
            title: t.title.clone(),
            url: t.url.as_ref().map(|u| u.value.clone()).unwrap_or_default(),
        }),
        used_by: Vec::new(),
    })
}

/// Every flow step that names the material, as links from a page at `root`.
pub(super) fn steps_using(r: &Renderer, id: &str, root: &str) -> Vec<LinkView> {
    let mut v = Vec::new();
    for p in &r.model.platforms {
        for f in &p.flows {
            for (i, s) in f.steps.iter().enumerate() {
                if s.materials.iter().any(|m| m == id) {
                    v.push(LinkView {
                        title: format!("{} · 第 {} 步 {}", f.title, i + 1, s.title),
                        url: format!("{root}{}", url::step(p.id(), &f.id, &s.id)),
                    });
                }
            }
        }
    }
    v
}

pub(super) fn flow(
    r: &Renderer,
    p: &Platform,
    f: &Flow,
) -> Result<OutFile, crate::diag::Diagnostic> {
    let path = url::flow(p.id(), &f.id);
    let base = r.base(
        &path,
        &f.title,
        &plain_summary(&f.summary),
        vec![crumb_platform(p)],
    );
    let root = base.root.clone();
    let mut linked = BTreeSet::new();
    let roles: Vec<String> = f.roles().into_iter().map(String::from).collect();
    let steps = f
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepView {
            number: i + 1,
            id: s.id.clone(),
            title: s.title.clone(),
            role: s.role.clone(),
            lane: roles.iter().position(|x| *x == s.role).unwrap_or(0),
            system: s.system.clone(),
            body_html: r.md(p, &s.body, &root, &mut linked),
            materials: s
                .materials
                .iter()
                .filter_map(|m| material_view(r, m, &root, &mut linked))
                .collect(),
            wait: s.wait.clone(),
            notify: s.notify.clone(),
            next_html: s.next.as_ref().map(|n| r.md(p, n, &root, &mut linked)),
        })
        .collect();
    let view = FlowView {
        id: f.id.clone(),
        title: f.title.clone(),
        summary_html: r.md(p, &f.summary, &root, &mut linked),
        roles,
        steps,
        svg: svg::swimlane(f),
        checklist_url: f
            .has_materials()
            .then(|| format!("{root}{}", url::checklist_of(&path))),
        source: source_view(p.source_of(&f.source)),
    };
    #[derive(serde::Serialize)]
    struct V {
        flow: FlowView,
    }
    r.page("flow.html", base, &V { flow: view }, index_html(&path))
}

pub(super) fn rules(r: &Renderer, p: &Platform) -> Result<OutFile, crate::diag::Diagnostic> {
    let path = url::rules(p.id());
    let title = format!("{} 类目与资质规则", p.meta.name);
    let base = r.base(&path, &title, "", vec![crumb_platform(p)]);
    let root = base.root.clone();
    let mut linked = BTreeSet::new();
    let shared: Vec<SharedView> = p
        .shared
        .iter()
        .map(|s| SharedView {
            id: s.id.clone(),
            title: s.title.clone(),
            text_html: r.md(p, &s.text, &root, &mut linked),
        })
        .collect();
    let mut groups: Vec<RuleGroup> = Vec::new();
    for rule in &p.rules {
        let name = rule.group.clone().unwrap_or_default();
        let view = RuleView {
            id: rule.id.clone(),
            category: rule.category.value.clone(),
            shared: (rule.shared.iter())
                .filter_map(|id| p.shared.iter().find(|s| &s.id == id))
                .map(|s| LinkView {
                    title: s.title.clone(),
                    url: format!("#{}", s.id),
                })
                .collect(),
            requires_html: r.md(p, &rule.requires, &root, &mut linked),
            notes_html: r.md(p, &rule.notes, &root, &mut linked),
        };
        match groups.iter_mut().find(|g| g.name == name) {
            Some(g) => g.rules.push(view),
            None => groups.push(RuleGroup {
                name,
                rules: vec![view],
            }),
        }
    }
    #[derive(serde::Serialize)]
    struct V {
        source: SourceView,
        shared: Vec<SharedView>,
        groups: Vec<RuleGroup>,
    }
    let view = V {
        source: source_view(&p.meta.source),
        shared,
        groups,
    };
    r.page("rules.html", base, &view, index_html(&path))
}

pub(super) fn materials(r: &Renderer, p: &Platform) -> Result<OutFile, crate::diag::Diagnostic> {
    let path = url::materials(p.id());
    let title = format!("{} 材料清单", p.meta.name);
    let base = r.base(&path, &title, "", vec![crumb_platform(p)]);
    let root = base.root.clone();
    let mut linked = BTreeSet::new();
    let list: Vec<MaterialView> = p
        .materials
        .iter()
        .filter_map(|m| {
            let mut v = material_view(r, &m.id, &root, &mut linked)?;
            v.used_by = steps_using(r, &m.id, &root);
            Some(v)
        })
        .collect();
    #[derive(serde::Serialize)]
    struct V {
        source: SourceView,
        materials: Vec<MaterialView>,
    }
    let view = V {
        source: source_view(&p.meta.source),
        materials: list,
    };
    r.page("materials.html", base, &view, index_html(&path))
}

pub(super) fn glossary(r: &Renderer) -> Result<OutFile, crate::diag::Diagnostic> {
    let path = url::glossary();
    let base = r.base(&path, "术语表", "入驻与资质办理中常见的专有名词", vec![]);
    let root = base.root.clone();
    let mut terms: Vec<TermView> = Vec::new();
    // One page: each term is linked where it is first mentioned, not in every definition.
    let mut linked = BTreeSet::new();
    for p in &r.model.platforms {
        for t in &p.terms {
            terms.push(TermView {
                id: t.id.clone(),
                term: t.term.clone(),
                aliases: t.aliases.clone(),
                definition_html: r.md_with(Some(p), &t.definition, &root, &mut linked, Some(&t.id)),
                platform: LinkView {
                    title: p.meta.name.clone(),
                    url: format!("{root}{}", url::platform(p.id())),
                },
            });
        }
    }
    /// The terms of one platform, under its name.
    #[derive(serde::Serialize)]
    struct Group {
        platform: LinkView,
        terms: Vec<TermView>,
    }
    let mut groups: Vec<Group> = Vec::new();
    for t in &terms {
        match groups.last_mut() {
            Some(g) if g.platform.url == t.platform.url => g.terms.push(t.clone()),
            _ => groups.push(Group {
                platform: t.platform.clone(),
                terms: vec![t.clone()],
            }),
        }
    }
    #[derive(serde::Serialize)]
    struct V {
        terms: Vec<TermView>,
        groups: Vec<Group>,
    }
    r.page(
        "glossary.html",
        base,
        &V { terms, groups },
        index_html(&path),
    )
}

/// The first paragraph of a Markdown summary as plain text, for `<meta name=description>`.
pub fn plain_summary(md: &str) -> String {
    let first = md.split("\n\n").next().unwrap_or("");
    first
        .replace(['*', '`', '#', '[', ']', '\n'], "")
        .chars()
        .take(120)
        .collect()
}
