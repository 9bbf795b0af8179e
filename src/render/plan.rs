//! Before rendering: load the theme (every template parsed) and claim every output path —
//! the model's pages (already claimed by the index), the theme's hashed assets, and the files
//! copied from `static/` and `content/`. `check` runs this too, so a collision or a broken
//! template is found without building. Then each claimed output is made from its source.

use std::path::{Path, PathBuf};

use super::{checklists, content, faqs, guides, pages, trees, OutFile, Renderer};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::index::{url, Index};
use crate::model::outputs::Source;
use crate::model::Model;
use crate::msg;
use crate::output::{Claim, Registry, Role, Sink};

use super::theme::{self, Theme};

/// A file published as it is, from `static/` or (not Markdown) from `content/`.
pub struct Copied {
    pub path: String,
    pub source: PathBuf,
}

/// What rendering needs before it starts.
pub struct Plan {
    pub theme: Theme,
    /// Every output path, each with one owner.
    pub registry: Registry,
    pub copied: Vec<Copied>,
}

/// Load the theme and claim every output. Every problem of both comes back at once.
pub fn plan(root: &Path, model: &Model, index: &Index) -> Result<Plan, Diagnostics> {
    let mut diags = Diagnostics::default();
    let theme = load_theme(root, model).map_err(|d| diags.extend(d)).ok();
    let (registry, copied) = claims(root, index, theme.as_ref(), &mut diags);
    match theme {
        Some(theme) if !diags.has_errors() => Ok(Plan {
            theme,
            registry,
            copied,
        }),
        _ => Err(diags),
    }
}

/// The site's theme with every template parsed, and the highlighting stylesheet when a page
/// has code.
pub fn load_theme(root: &Path, model: &Model) -> Result<Theme, Diagnostics> {
    let highlight = super::uses_code(model).then(super::highlight_css);
    let extra = highlight
        .map(|css| ("highlight.css".to_string(), css.into_bytes()))
        .into_iter()
        .collect();
    theme::load(root, &model.config.theme, extra)
}

/// Every output path: the index's, the theme's assets (when it loaded) and the copied files.
pub fn claims(
    root: &Path,
    index: &Index,
    theme: Option<&Theme>,
    diags: &mut Diagnostics,
) -> (Registry, Vec<Copied>) {
    let mut registry = index.registry.clone();
    if let Some(t) = theme {
        let claims = t.assets.values().map(|a| {
            let what = msg!(OUT_WHAT_THEME_FILE, file = &a.source);
            Claim::file(a.path.clone(), Span::file(&a.source), what, Role::File)
        });
        registry.claim_all(claims, diags);
    }
    let copied = copied_files(root, diags);
    let claims = copied.iter().map(|c| {
        let file = crate::load::rel_name(root, &c.source);
        let role = if c.path.ends_with(".html") {
            Role::Page { lastmod: None }
        } else {
            Role::File
        };
        Claim::file(c.path.clone(), Span::file(&file), file.to_string(), role)
    });
    registry.claim_all(claims, diags);
    (registry, copied)
}

/// The site's `static/` folder and the non-Markdown files of `content/`.
fn copied_files(root: &Path, diags: &mut Diagnostics) -> Vec<Copied> {
    let mut out = Vec::new();
    for (dir, skip_md) in [("static", false), ("content", true)] {
        let base = root.join(dir);
        if !base.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let at = e.path().unwrap_or(&base);
                    diags.push(
                        Diagnostic::error(
                            Span::file(&crate::load::rel_name(root, at)),
                            msg!(STATIC_READ_FAILED, error = e.to_string()),
                        )
                        .hint(msg!(STATIC_READ_DIR_HINT)),
                    );
                    continue;
                }
            };
            let p = entry.path();
            if !entry.file_type().is_file() || (skip_md && p.extension().is_some_and(|e| e == "md"))
            {
                continue;
            }
            out.push(Copied {
                path: crate::load::rel_name(&base, p).to_string(),
                source: p.to_path_buf(),
            });
        }
    }
    out
}

/// Make one claimed output from its source; `None` for outputs a later stage makes.
pub fn make(r: &Renderer, source: Source) -> Option<Result<OutFile, Diagnostic>> {
    let ps = &r.model.platforms;
    Some(match source {
        Source::Home => pages::home(r),
        Source::NotFound => pages::not_found(r),
        Source::SearchPage => pages::search(r),
        Source::SearchIndex | Source::Marker => return None,
        Source::Sitemap => pages::sitemap(r),
        Source::SitemapPart(k) => pages::sitemap_part(r, k),
        Source::Robots => Ok(pages::robots(r)),
        Source::Glossary => guides::glossary(r),
        Source::Platform(p) => guides::platform(r, &ps[p]),
        Source::Flow(p, f) => guides::flow(r, &ps[p], &ps[p].flows[f]),
        Source::FlowChecklist(p, f) => checklists::flow_checklist(r, &ps[p], &ps[p].flows[f]),
        Source::FaqList(p) => faqs::faq_list(r, &ps[p]),
        Source::Faq(p, q) => faqs::faq_page(r, &ps[p], &ps[p].faqs[q]),
        Source::FaqRedirect(p, q, k) => {
            let (pid, faq) = (ps[p].id(), &ps[p].faqs[q]);
            let from = url::faq(pid, &faq.former_ids[k]);
            faqs::redirect(r, &from, &url::faq(pid, &faq.id), &faq.question)
        }
        Source::Rules(p) => guides::rules(r, &ps[p]),
        Source::Materials(p) => guides::materials(r, &ps[p]),
        Source::Tree(p, t) => trees::index(r, &ps[p], &ps[p].trees[t]),
        Source::TreeData(p, t) => trees::data_js(r, &ps[p], &ps[p].trees[t]),
        Source::Question(p, t, q) => {
            let tree = &ps[p].trees[t];
            trees::question(r, &ps[p], tree, &tree.questions[q])
        }
        Source::Outcome(p, t, o) => {
            let tree = &ps[p].trees[t];
            trees::outcome(r, &ps[p], tree, &tree.outcomes[o])
        }
        Source::OutcomeChecklist(p, t, o) => {
            let tree = &ps[p].trees[t];
            checklists::outcome_checklist(r, &ps[p], tree, &tree.outcomes[o])
        }
        Source::Checklist(p, c) => checklists::hand_checklist(r, &ps[p], &ps[p].checklists[c]),
        Source::Page(i) => content::content_page(r, i),
        Source::Section(i) => content::section_page(r, i),
    })
}

/// The bytes of every copied file, into `out`.
pub fn copy(copied: &[Copied], root: &Path, out: &dyn Sink, diags: &mut Diagnostics) {
    for c in copied {
        match std::fs::read(&c.source) {
            Ok(bytes) => out.put(OutFile {
                path: c.path.clone(),
                bytes,
            }),
            Err(e) => diags.push(Diagnostic::error(
                Span::file(&crate::load::rel_name(root, &c.source)),
                msg!(STATIC_READ_FAILED, error = e.to_string()),
            )),
        }
    }
}
