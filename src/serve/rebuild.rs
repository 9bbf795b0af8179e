//! The rebuilder: turns each batch of changes into a new build and publishes it, or keeps the
//! last good build and publishes the problems.
//!
//! A whole build is the pipeline (`load_checked` → `render_model`) with this server's base URL.
//! The small path re-renders one edited page: it loads the page alone, and if its front
//! matter, URL, headings and use of code blocks are as before (so no other page, list, link
//! check or asset changes) it checks the page's links, renders it with the kept model and
//! patches it into a copy of the last build. Otherwise it falls back to a whole build.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::plan::{plan, Plan};
use super::state::{Build, Problem, State};
use super::watch::Watch;
use super::Notice;
use crate::build::{load_checked, render_model};
use crate::check::check_pages;
use crate::diag::Diagnostics;
use crate::load::content::load_one;
use crate::model::index::Index;
use crate::model::{Model, Page};
use crate::render;

/// The model of the last good whole build, kept for the small path.
struct Site {
    model: Model,
    index: Index,
}

/// What the last rebuild left unresolved.
#[derive(Debug, PartialEq, Eq)]
enum Failing {
    No,
    /// Only this page failed to load or check: the kept model is still good for the others.
    Page(String),
    Site,
}

pub struct Rebuilder {
    root: PathBuf,
    base_url: String,
    last: Option<Site>,
    failing: Failing,
    next_id: u64,
    notice: Arc<dyn Fn(Notice) + Send + Sync>,
}

/// How a rebuild ended.
pub enum Outcome {
    Built(Build),
    Failed(Diagnostics),
}

impl Rebuilder {
    pub fn new(
        root: PathBuf,
        base_url: String,
        first_id: u64,
        notice: Arc<dyn Fn(Notice) + Send + Sync>,
    ) -> Rebuilder {
        Rebuilder {
            root,
            base_url,
            last: None,
            failing: Failing::No,
            next_id: first_id,
            notice,
        }
    }

    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// The first build, before the server answers.
    pub fn first(&mut self) -> Outcome {
        let start = Instant::now();
        let out = self.full();
        self.report(&out, "the site", start.elapsed());
        out
    }

    /// Rebuild on every batch of changes until the watcher stops.
    pub fn run(mut self, mut watch: Watch, state: Arc<State>) {
        while let Some(batch) = watch.next_batch() {
            if let Some(reason) = &batch.fell_back {
                if watch.polling() {
                    (self.notice)(Notice::Polling(reason.clone()));
                } else {
                    (self.notice)(Notice::WatchError(reason.clone()));
                    state.fail(vec![Problem::unwatched(reason)]);
                    continue;
                }
            }
            let start = Instant::now();
            let (what, out) = match plan(&batch) {
                Plan::Page(rel) => match self.page(&rel, &state) {
                    Some(out) => (format!("content/{rel}"), out),
                    None => ("the site".to_string(), self.full()),
                },
                Plan::Full => ("the site".to_string(), self.full()),
            };
            self.report(&out, &what, start.elapsed());
            match out {
                Outcome::Built(build) => state.publish(build),
                Outcome::Failed(diags) => state.fail(Problem::list(diags)),
            }
        }
    }

    fn report(&self, out: &Outcome, what: &str, took: Duration) {
        let notice = match out {
            Outcome::Built(b) => Notice::Built {
                what: what.to_string(),
                build: b.id,
                took,
            },
            Outcome::Failed(d) => Notice::Failed {
                diags: d.clone(),
                took,
            },
        };
        (self.notice)(notice);
    }

    fn full(&mut self) -> Outcome {
        let (mut model, index, mut warnings) = match load_checked(&self.root) {
            Ok(x) => x,
            Err(failed) => {
                self.failing = Failing::Site;
                return Outcome::Failed(failed.0);
            }
        };
        model.config.base_url = self.base_url.clone();
        match render_model(&self.root, &model, &index) {
            Ok((files, more)) => {
                warnings.extend(more);
                if !warnings.is_empty() {
                    (self.notice)(Notice::Warnings(warnings));
                }
                self.failing = Failing::No;
                self.last = Some(Site { model, index });
                let id = self.id();
                Outcome::Built(Build::full(id, files))
            }
            Err(diags) => {
                self.failing = Failing::Site;
                Outcome::Failed(diags)
            }
        }
    }

    /// Re-render one page, or None when it needs a whole build.
    fn page(&mut self, rel: &str, state: &State) -> Option<Outcome> {
        match &self.failing {
            Failing::No => {}
            Failing::Page(p) if p == rel => {}
            _ => return None,
        }
        let path = self.root.join("content").join(rel);
        let site = self.last.as_mut()?;
        let i = site.model.pages.iter().position(|p| p.rel == rel)?;
        if !path.is_file() {
            return None;
        }
        let (mut page, spans) = match load_one(&self.root, &path) {
            Ok(x) => x,
            Err(d) => {
                self.failing = Failing::Page(rel.to_string());
                return Some(Outcome::Failed(d.into()));
            }
        };
        let old = &site.model.pages[i];
        if !same_shape(old, &page) {
            return None;
        }
        page.origin = old.origin.clone();
        let file = page.origin.file;
        let old_page = std::mem::replace(&mut site.model.pages[i], page);
        let old_spans = std::mem::replace(&mut site.model.files[file], spans);
        let checked = check_pages(&site.model, &site.index, &[i]);
        let rendered = if checked.has_errors() {
            Err(checked)
        } else {
            render::render_pages(&self.root, &site.model, &site.index, &[i])
        };
        match rendered {
            Ok(files) => {
                self.failing = Failing::No;
                let id = self.id();
                Some(Outcome::Built(state.status().build.patch(id, files)))
            }
            Err(diags) => {
                // Keep the model of the last good build.
                site.model.pages[i] = old_page;
                site.model.files[file] = old_spans;
                self.failing = Failing::Page(rel.to_string());
                Some(Outcome::Failed(diags))
            }
        }
    }
}

/// Is everything other pages show or check of this page unchanged?
fn same_shape(old: &Page, new: &Page) -> bool {
    // Debug covers every front-matter field, also those added later.
    format!("{:?}", old.front) == format!("{:?}", new.front)
        && old.url == new.url
        && old.headings == new.headings
        && old.has_code == new.has_code
}
