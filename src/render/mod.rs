//! Stage 4: turn the checked model into the files of the site, in memory.
//!
//! Builds a view per page (see [`views`]), renders it with the theme's tera templates, and
//! returns every output file with its path. Rendering reads the model and writes nothing to
//! disk; that is the `write` stage's job.

mod checklists;
mod content;
mod faqs;
mod guides;
pub mod markdown;
mod pages;
pub mod plan;
pub mod svg;
mod templates;
pub mod theme;
mod tree_shape;
mod treemap;
mod trees;
pub mod views;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::Serialize;
use syntect::parsing::SyntaxSet;

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::index::Index;
use crate::model::links::Resolver;
use crate::model::outputs::NAV_SECTION;
use crate::model::{Model, Platform};
use crate::msg;
use crate::output::{Collect, Registry, Sink};
use markdown::Glossary;
use theme::Theme;
use views::{Assets, Base, LinkView, SiteView};

/// Top-level content sections shown in the header; more are listed on the home page only.
const MAX_NAV_SECTIONS: usize = 6;

pub use crate::output::OutFile;

/// HTML-escape text for element content and quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    pulldown_cmark_escape::escape_html(&mut out, s).expect("writing to a String");
    out
}

/// `a/b/` → `../../`.
pub fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Everything rendering needs, shared by every page.
pub struct Renderer<'a> {
    pub model: &'a Model,
    pub index: &'a Index,
    /// Every output path of the build, for the sitemap.
    pub registry: &'a Registry,
    pub resolver: Resolver<'a>,
    /// Each platform's glossary terms, by platform id.
    pub glossaries: std::collections::BTreeMap<String, Glossary>,
    /// No terms: for text of no platform (content pages).
    pub no_terms: Glossary,
    /// The sitemap's pages, made on first use (the sitemap and each of its parts read them).
    sitemap: OnceLock<Vec<pages::SitemapEntry>>,
    pub theme: &'a Theme,
    pub site: SiteView,
    /// Loaded on first use; shared by every renderer of one preview server.
    syntax: Arc<OnceLock<SyntaxSet>>,
    /// Site-root-relative URLs of the top navigation.
    nav: Vec<LinkView>,
    /// The section of each of `Model::pages`.
    section_of: Vec<Option<usize>>,
    /// The parent section of each of `Model::sections`.
    parent_section: Vec<Option<usize>>,
}

/// The header navigation: the outputs that have a place in it (platforms, top sections,
/// the glossary), by group, weight, title. A site with many sections lists them on the home
/// page instead.
fn nav(index: &Index) -> Vec<LinkView> {
    let mut slots: Vec<_> = index
        .outputs
        .iter()
        .filter_map(|o| o.nav.as_ref().map(|n| (n, &o.claim.path)))
        .collect();
    slots.sort();
    let sections = slots.iter().filter(|(n, _)| n.group == NAV_SECTION).count();
    let mut nav = Vec::new();
    for (n, path) in slots {
        let link = LinkView {
            title: n.title.clone(),
            url: crate::output::path::page_url(path).to_string(),
        };
        match n.group {
            NAV_SECTION if sections > MAX_NAV_SECTIONS => {
                if !nav.iter().any(|l: &LinkView| l.url == "#topics") {
                    nav.push(LinkView {
                        title: "全部专题".into(),
                        url: "#topics".into(),
                    });
                }
            }
            _ => nav.push(link),
        }
    }
    nav
}

/// Every file of the site but the search index, and the registry of `plan` that claims them
/// all (the search stage's folder included).
pub fn render(
    root: &Path,
    model: &Model,
    index: &Index,
    plan: plan::Plan,
) -> Result<(Vec<OutFile>, Registry), Diagnostics> {
    let plan::Plan {
        theme,
        registry,
        copied,
    } = plan;
    let files = Collect::default();
    let planned = Planned {
        root,
        model,
        index,
        registry: &registry,
        copied: &copied,
    };
    render_to(&planned, theme, &files)?;
    Ok((files.into_files(), registry))
}

/// A planned build: the sources and what [`plan::plan`] claimed for them.
pub struct Planned<'a> {
    pub root: &'a Path,
    pub model: &'a Model,
    pub index: &'a Index,
    pub registry: &'a Registry,
    pub copied: &'a [plan::Copied],
}

/// Render every file of the site but the search index into `sink`, each as soon as it is
/// made (in parallel), so no more of the rendered site is held than the pages in flight.
/// The errors come back in the order of the outputs, whichever thread found them.
pub fn render_to(p: &Planned, theme: Theme, sink: &dyn Sink) -> Result<(), Diagnostics> {
    let r = Renderer::new(p.model, p.index, &theme, p.registry, Arc::default());
    let failed: Vec<Diagnostic> = p
        .index
        .outputs
        .par_iter()
        .filter_map(|o| plan::make(&r, o.source))
        .filter_map(|made| made.map(|f| sink.put(f)).err())
        .collect();
    let mut diags = Diagnostics::default();
    diags.extend(failed);
    for asset in r.theme.assets.values() {
        sink.put(OutFile {
            path: asset.path.clone(),
            bytes: asset.bytes.clone(),
        });
    }
    drop(r);
    plan::copy(p.copied, p.root, sink, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(())
}

impl<'a> Renderer<'a> {
    /// A renderer of the outputs of `model`; `syntax` may be shared with other renderers
    /// (a preview server loads the syntax sets once). Make each output with [`plan::make`].
    pub fn new(
        model: &'a Model,
        index: &'a Index,
        theme: &'a Theme,
        registry: &'a Registry,
        syntax: Arc<OnceLock<SyntaxSet>>,
    ) -> Self {
        // A term means what its own platform says it means (快手's 保证金 is not 小红书's):
        // each platform's pages link their own platform's terms.
        let glossaries = model
            .platforms
            .iter()
            .map(|p| {
                let mut terms = Vec::new();
                for t in &p.terms {
                    let url = format!("glossary/#{}", t.id);
                    for word in std::iter::once(&t.term).chain(&t.aliases) {
                        terms.push((word.clone(), t.id.clone(), url.clone()));
                    }
                }
                terms.sort();
                terms.dedup_by(|a, b| a.0 == b.0);
                (p.id().to_string(), Glossary::new(terms))
            })
            .collect();
        let mut section_of = vec![None; model.pages.len()];
        for (si, s) in model.sections.iter().enumerate() {
            for &pi in &s.pages {
                section_of[pi] = Some(si);
            }
        }
        let c = &model.config;
        Renderer {
            model,
            index,
            registry,
            resolver: Resolver::new(model, index),
            glossaries,
            no_terms: Glossary::new(Vec::new()),
            sitemap: OnceLock::new(),
            theme,
            site: SiteView {
                title: c.title.clone(),
                description: c.description.clone(),
                base_url: c.base(),
                language: c.language.clone(),
            },
            syntax,
            nav: nav(index),
            section_of,
            parent_section: content::section_parents(&model.sections),
        }
    }

    pub fn syntax(&self) -> &SyntaxSet {
        self.syntax.get_or_init(SyntaxSet::load_defaults_newlines)
    }

    /// The common part of a page at `path` (site-root-relative, ending in `/`).
    pub fn base(
        &self,
        path: &str,
        title: &str,
        description: &str,
        crumbs: Vec<LinkView>,
    ) -> Base<'_> {
        let root = root_prefix(path);
        self.base_at(root, path, title, description, crumbs)
    }

    pub fn base_at(
        &self,
        root: String,
        path: &str,
        title: &str,
        description: &str,
        crumbs: Vec<LinkView>,
    ) -> Base<'_> {
        let rel = |u: &str| format!("{root}{u}");
        let mut breadcrumbs = vec![LinkView {
            title: "首页".into(),
            url: rel(""),
        }];
        breadcrumbs.extend(crumbs.into_iter().map(|c| LinkView {
            url: rel(&c.url),
            title: c.title,
        }));
        Base {
            site: &self.site,
            path: path.to_string(),
            permalink: format!("{}{path}", self.site.base_url),
            title: title.to_string(),
            description: description.to_string(),
            breadcrumbs,
            nav: self
                .nav
                .iter()
                .map(|n| LinkView {
                    title: n.title.clone(),
                    url: rel(&n.url),
                })
                .collect(),
            assets: Assets {
                css: rel(&self.theme.asset_path("style.css")),
                icon: rel(&self.theme.asset_path("favicon.svg")),
                tree_js: rel(&self.theme.asset_path("tree.js")),
                checklist_js: rel(&self.theme.asset_path("checklist.js")),
                search_js: rel(&self.theme.asset_path("search.js")),
                js: rel(&self.theme.asset_path("guidepost.js")),
                highlight: self.theme.assets.get("highlight.css").map(|a| rel(&a.path)),
            },
            root,
        }
    }

    /// The glossary whose terms text of platform `p` links (none for text of no platform).
    pub fn glossary(&self, p: Option<&Platform>) -> &Glossary {
        p.and_then(|p| self.glossaries.get(p.id()))
            .unwrap_or(&self.no_terms)
    }

    /// Render platform `p`'s guide Markdown (no content-file context) for a page whose root
    /// prefix is `root`.
    pub fn md(
        &self,
        p: &Platform,
        text: &str,
        root: &str,
        linked: &mut BTreeSet<String>,
    ) -> String {
        self.md_with(Some(p), text, root, linked, None)
    }

    /// As [`Renderer::md`]; `p` is `None` for text of no platform (a content section's body):
    /// no glossary term is linked there.
    pub fn md_with(
        &self,
        p: Option<&Platform>,
        text: &str,
        root: &str,
        linked: &mut BTreeSet<String>,
        skip_term: Option<&str>,
    ) -> String {
        if text.trim().is_empty() {
            return String::new();
        }
        let ids = markdown::heading_ids(text);
        let syntax = || self.syntax();
        let ctx = markdown::Ctx {
            resolver: &self.resolver,
            glossary: self.glossary(p),
            syntax: &syntax,
            root,
            from_rel: "",
            heading_ids: &ids,
            skip_term,
            trusted_html: self.model.config.trusted_html,
        };
        markdown::render(text, &ctx, linked)
    }

    /// Render `template` with the base and the page's own view merged into one context.
    pub fn page<T: Serialize>(
        &self,
        template: &str,
        base: Base,
        view: &T,
        out_path: String,
    ) -> Result<OutFile, Diagnostic> {
        #[derive(Serialize)]
        struct Merged<'b, T> {
            #[serde(flatten)]
            base: Base<'b>,
            #[serde(flatten)]
            view: &'b T,
        }
        let html = self.partial(template, &Merged { base, view })?;
        Ok(OutFile {
            path: out_path,
            bytes: html.into_bytes(),
        })
    }

    /// Render one template with `view` as its whole context.
    pub fn partial<T: Serialize>(&self, template: &str, view: &T) -> Result<String, Diagnostic> {
        let ctx = tera::Context::from_serialize(view).map_err(|e| {
            Diagnostic::error(
                Span::file(&"templates".into()),
                msg!(RENDER_VIEW_FAILED, error = e.to_string()),
            )
        })?;
        self.theme.tera.render(template, &ctx).map_err(|e| {
            let text = theme::error_chain(&e);
            let at = theme::render_error_span(&self.theme.sources, template, &text);
            Diagnostic::error(
                at,
                msg!(RENDER_TEMPLATE_FAILED, template = template, error = text),
            )
            .hint(msg!(RENDER_TEMPLATE_FAILED_HINT))
        })
    }
}

pub(crate) fn uses_code(model: &Model) -> bool {
    let mut any = model
        .pages
        .iter()
        .chain(model.sections.iter().map(|s| &s.page))
        .any(|p| p.has_code);
    crate::model::walk::for_each_guide_markdown(model, |text| {
        any |= text.contains("```") || text.contains("~~~")
    });
    any
}

/// Classed syntect CSS: a light theme, and a dark one on screens under `prefers-color-scheme: dark`
/// (printouts stay light).
pub(crate) fn highlight_css() -> String {
    use syntect::highlighting::ThemeSet;
    use syntect::html::{css_for_theme_with_class_style, ClassStyle};
    let themes = ThemeSet::load_defaults();
    let style = ClassStyle::SpacedPrefixed { prefix: "hl-" };
    let light =
        css_for_theme_with_class_style(&themes.themes["InspiredGitHub"], style).unwrap_or_default();
    let dark = css_for_theme_with_class_style(&themes.themes["base16-ocean.dark"], style)
        .unwrap_or_default();
    format!("{light}\n@media screen and (prefers-color-scheme: dark) {{\n{dark}\n}}\n")
}
