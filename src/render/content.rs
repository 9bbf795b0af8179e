//! Pages and sections of `content/`.

use std::collections::{BTreeSet, HashMap};

use super::views::{LinkView, PageLink, PageView, SourceView, TocEntry};
use super::{markdown, OutFile, Renderer};
use crate::diag::Diagnostic;
use crate::model::{Page, Section};

/// The page `Model::pages[i]`, in its section.
pub(super) fn content_page(r: &Renderer, i: usize) -> Result<OutFile, Diagnostic> {
    page(r, &r.model.pages[i], r.section_of[i], None)
}

/// The section `Model::sections[i]`: its body and the list of its pages.
pub(super) fn section_page(r: &Renderer, i: usize) -> Result<OutFile, Diagnostic> {
    let s = &r.model.sections[i];
    page(r, &s.page, r.parent_section[i], Some(s))
}

/// The parent of each of `Model::sections` (the section whose URL is its URL minus the last
/// folder), found through one URL → section map: a site with many sections stays linear.
pub(super) fn section_parents(sections: &[Section]) -> Vec<Option<usize>> {
    let mut by_url: HashMap<&str, usize> = HashMap::with_capacity(sections.len());
    for (i, s) in sections.iter().enumerate() {
        by_url.entry(s.page.url.as_str()).or_insert(i);
    }
    sections
        .iter()
        .map(|s| {
            if s.page.url.is_empty() {
                return None;
            }
            let url = s.page.url.trim_end_matches('/');
            let parent = url.rsplit_once('/').map_or("", |(p, _)| p);
            if parent.is_empty() {
                by_url.get("").copied()
            } else {
                by_url.get(format!("{parent}/").as_str()).copied()
            }
        })
        .collect()
}

/// The breadcrumbs down to `section` (an index into `Model::sections`).
fn crumbs(r: &Renderer, mut section: Option<usize>) -> Vec<LinkView> {
    let mut v = Vec::new();
    while let Some(i) = section {
        let s = &r.model.sections[i];
        if !s.page.url.is_empty() {
            v.push(LinkView {
                title: s.page.front.title.clone(),
                url: s.page.url.clone(),
            });
        }
        section = r.parent_section[i];
    }
    v.reverse();
    v
}

fn link(p: &Page, root: &str) -> PageLink {
    PageLink {
        title: p.front.title.clone(),
        url: format!("{root}{}", p.url),
        description: p.front.description.clone(),
        updated: p.front.updated.map(|d| d.to_string()),
    }
}

fn page(
    r: &Renderer,
    p: &Page,
    parent: Option<usize>,
    own: Option<&Section>,
) -> Result<OutFile, Diagnostic> {
    let base = r.base(
        &p.url,
        &p.front.title,
        &p.front.description,
        crumbs(r, parent),
    );
    let root = base.root.clone();
    let ids: Vec<String> = p.headings.iter().map(|h| h.id.clone()).collect();
    let syntax = || r.syntax();
    let ctx = markdown::Ctx {
        resolver: &r.resolver,
        // Content pages belong to no platform: no platform's term is linked there.
        glossary: r.glossary(None),
        syntax: &syntax,
        root: &root,
        from_rel: &p.rel,
        heading_ids: &ids,
        skip_term: None,
        trusted_html: r.model.config.trusted_html,
    };
    let content_html = markdown::render(&p.body, &ctx, &mut BTreeSet::new());
    let (pages, subsections) = match own {
        Some(s) => (
            s.pages
                .iter()
                .map(|&i| link(&r.model.pages[i], &root))
                .collect(),
            s.subsections
                .iter()
                .map(|&i| link(&r.model.sections[i].page, &root))
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let view = PageView {
        title: p.front.title.clone(),
        description: p.front.description.clone(),
        content_html,
        updated: p.front.updated.map(|d| d.to_string()),
        source: p
            .front
            .source
            .as_ref()
            .or_else(|| parent.and_then(|s| r.model.sections[s].page.front.source.as_ref()))
            .map(SourceView::from),
        tags: p.front.tags.clone(),
        toc: p
            .headings
            .iter()
            .filter(|h| h.level <= 3)
            .map(|h| TocEntry {
                level: h.level,
                id: h.id.clone(),
                title: h.text.clone(),
            })
            .collect(),
        pages,
        subsections,
    };
    #[derive(serde::Serialize)]
    struct V {
        page: PageView,
    }
    let template = if own.is_some() {
        "section.html"
    } else {
        "page.html"
    };
    r.page(
        template,
        base,
        &V { page: view },
        format!("{}index.html", p.url),
    )
}
