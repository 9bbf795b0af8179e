//! The views templates read: one serialisable struct per page kind, built from the model.
//! Only `Vec`s reach templates, so loops run in a fixed order and output is stable.
//! Every URL in a view is already relative to the page (prefixed with `root`).

use serde::Serialize;

use crate::model::Source;

#[derive(Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub base_url: String,
    pub language: String,
}

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub title: String,
    pub url: String,
}

#[derive(Serialize)]
pub struct Assets {
    pub css: String,
    pub icon: String,
    pub tree_js: String,
    pub checklist_js: String,
    pub search_js: String,
    pub js: String,
    pub highlight: Option<String>,
}

/// What every page has: the site, where the page is, navigation, assets.
#[derive(Serialize)]
pub struct Base<'a> {
    pub site: &'a SiteView,
    /// Prefix from this page to the site root (`../../`, or "" at the root).
    pub root: String,
    /// The page's own URL relative to the root (`xhs-partner/faq/`).
    pub path: String,
    /// The absolute URL (base_url + path), for sharing and canonical links.
    pub permalink: String,
    pub title: String,
    pub description: String,
    pub breadcrumbs: Vec<LinkView>,
    pub nav: Vec<LinkView>,
    pub assets: Assets,
}

/// The source line: "依据官方指南《…》（2025-06 版）", and "核实于 …" only when a person set it.
#[derive(Serialize)]
pub struct SourceView {
    pub title: String,
    /// 官方指南 or 第三方文章.
    pub kind: &'static str,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// The document's date, at the precision the source gives (`2025-06`).
    pub date: Option<String>,
    pub verified: Option<String>,
}

impl From<&Source> for SourceView {
    fn from(s: &Source) -> Self {
        SourceView {
            title: s.title.clone(),
            kind: s.kind.label(),
            publisher: s.publisher.clone(),
            url: s.url.as_ref().map(|u| u.value.clone()),
            date: s.date.map(|d| d.to_string()),
            verified: s.verified.map(|d| d.to_string()),
        }
    }
}

#[derive(Serialize)]
pub struct MaterialView {
    pub id: String,
    pub name: String,
    pub description_html: String,
    pub requirements: Vec<String>,
    pub formats: Vec<String>,
    pub max_size: Option<String>,
    pub template: Option<LinkView>,
    /// Steps that need it.
    pub used_by: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct StepView {
    pub number: usize,
    pub id: String,
    pub title: String,
    pub role: String,
    /// Index of the role among the flow's roles, for the badge colour.
    pub lane: usize,
    pub system: String,
    pub body_html: String,
    pub materials: Vec<MaterialView>,
    pub wait: Option<String>,
    pub notify: Option<String>,
    pub next_html: Option<String>,
}

#[derive(Serialize)]
pub struct FlowView {
    pub id: String,
    pub title: String,
    pub summary_html: String,
    pub roles: Vec<String>,
    pub steps: Vec<StepView>,
    pub svg: String,
    pub source: SourceView,
    pub checklist_url: Option<String>,
}

#[derive(Serialize)]
pub struct FaqView {
    pub id: String,
    pub question: String,
    pub answer_html: String,
    pub tags: Vec<String>,
    pub related: Vec<LinkView>,
    pub former_ids: Vec<String>,
    /// Page of this answer alone, relative to the current page.
    pub url: String,
    /// Absolute URL of the answer alone, for copy-link.
    pub permalink: String,
}

#[derive(Serialize)]
pub struct RuleView {
    pub id: String,
    pub category: String,
    /// The shared requirements this category names: (anchor on the page, title).
    pub shared: Vec<LinkView>,
    pub requires_html: String,
    pub notes_html: String,
}

/// A requirement several categories share, stated once on the rules page.
#[derive(Serialize)]
pub struct SharedView {
    pub id: String,
    pub title: String,
    pub text_html: String,
}

#[derive(Serialize)]
pub struct RuleGroup {
    pub name: String,
    pub rules: Vec<RuleView>,
}

#[derive(Serialize, Clone)]
pub struct TermView {
    pub id: String,
    pub term: String,
    pub aliases: Vec<String>,
    pub definition_html: String,
    pub platform: LinkView,
}

#[derive(Serialize)]
pub struct PlatformView {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub url: String,
    pub entry_url: Option<String>,
    pub contact_html: String,
    pub summary_html: String,
    pub flows: Vec<LinkView>,
    pub trees: Vec<LinkView>,
    pub checklists: Vec<LinkView>,
    pub faq_count: usize,
    pub rule_count: usize,
    pub material_count: usize,
    pub faq_url: String,
    pub rules_url: String,
    pub materials_url: String,
    pub source: SourceView,
}

#[derive(Serialize)]
pub struct PageView {
    pub title: String,
    pub description: String,
    pub content_html: String,
    pub updated: Option<String>,
    pub source: Option<SourceView>,
    pub tags: Vec<String>,
    pub toc: Vec<TocEntry>,
    pub pages: Vec<PageLink>,
    pub subsections: Vec<PageLink>,
}

#[derive(Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

#[derive(Serialize)]
pub struct PageLink {
    pub title: String,
    pub url: String,
    pub description: String,
    pub updated: Option<String>,
}
