//! The rebuilder: one mechanism for every change. A batch of changed paths ([`plan`]) reloads
//! what it must ([`super::load`]): one edited page where its shape is unchanged, `site.yaml`
//! alone when only it changed, else the whole model; the theme only when a theme file (or
//! the theme's name, or the use of code blocks) changed. It yields the outputs the change
//! affects ([`super::affected`]). The new build keeps every other output's bytes and renders
//! the affected ones through the renderer of a whole build: all of them before publishing
//! when they are few, else the open pages and one output of each kind and data shape first
//! ([`probe`]: a broken template fails before anything is published), then the rest on
//! demand or in the background. On an error the last good build stays served.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use syntect::parsing::SyntaxSet;

use super::affected::Affected;
use super::load::Loader;
use super::plan::{classify, Change};
use super::probe;
use super::site::{is_search_file, Build, Files, Stale};
use super::snapshot::{Snapshot, Sources};
use super::spare;
use super::state::State;
use super::watch::{Batch, Watch};
use super::worker::Worker;
use super::Notice;
use crate::diag::Diagnostics;
use crate::model::outputs::Source;
use crate::render::theme::Theme;
use crate::render::{self, plan};

/// Up to this many affected outputs are rendered before the new build is published.
const EAGER: usize = 64;

pub struct Rebuilder {
    root: PathBuf,
    base_url: String,
    /// The last good build.
    last: Option<Arc<Build>>,
    /// The last change failed: the next one reloads the whole model.
    failing: bool,
    next_id: u64,
    syntax: Arc<OnceLock<SyntaxSet>>,
    notice: Arc<dyn Fn(Notice) + Send + Sync>,
}

/// How a rebuild ended.
pub enum Outcome {
    /// A new build, to publish; it may still have outputs to render.
    Built(Arc<Build>),
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
            failing: false,
            next_id: first_id,
            syntax: Arc::default(),
            notice,
        }
    }

    /// The last good build.
    pub fn last(&self) -> Option<&Arc<Build>> {
        self.last.as_ref()
    }

    /// Make the copy of the last build's model that the next edit patches: `before` (the
    /// build it replaced) taken back and patched when it can be, else a whole copy.
    pub fn prepare_spare(&self, before: Arc<Build>) {
        if let Some(last) = &self.last {
            spare::prepare(last.clone(), before);
        }
    }

    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// The first build, whole, before the server answers.
    pub fn first(&mut self) -> Outcome {
        self.apply_change(&Change::everything(), &[])
    }

    /// Rebuild after `batch`; `open` are the outputs shown in a browser (rendered first).
    pub fn apply(&mut self, batch: &Batch, open: &[String]) -> Outcome {
        self.apply_change(&classify(batch), open)
    }

    fn apply_change(&mut self, change: &Change, open: &[String]) -> Outcome {
        let start = Instant::now();
        let out = match self.update(change, open) {
            Ok(b) => {
                self.failing = false;
                self.last = Some(b.clone());
                Outcome::Built(b)
            }
            Err(d) => {
                self.failing = true;
                Outcome::Failed(d)
            }
        };
        self.report(&out, change, start.elapsed());
        out
    }

    /// Rebuild on every batch of changes until the watcher stops; `worker` finishes each
    /// new build in the background.
    pub fn run(mut self, mut watch: Watch, state: Arc<State>, worker: Worker) {
        while let Some(batch) = watch.next_batch() {
            if let Some(reason) = &batch.fell_back {
                if watch.polling() {
                    (self.notice)(Notice::Polling(reason.clone()));
                } else {
                    (self.notice)(Notice::WatchError(reason.clone()));
                    state.unwatched(reason);
                    continue;
                }
            }
            // The background work on the served build pauses: the save gets the cores.
            let served = state.status().build;
            served.cancel();
            match self.apply(&batch, &state.hub.open_pages()) {
                Outcome::Built(build) => {
                    let before = state.publish(build.clone());
                    worker.submit(build.clone());
                    // While the page reloads and the editor reads it, on a thread of its own
                    // (a save that needs no copy never waits for it): the copy of the model
                    // the next edit patches.
                    drop(served);
                    let _ = std::thread::Builder::new()
                        .name("guidepost-spare".into())
                        .spawn(move || spare::prepare(build, before));
                }
                Outcome::Failed(diags) => {
                    state.fail_with(diags);
                    // Still served: its background work goes on.
                    if !served.is_empty() {
                        served.resume();
                        worker.submit(served);
                    }
                }
            }
        }
    }

    fn report(&self, out: &Outcome, change: &Change, took: Duration) {
        let notice = match out {
            Outcome::Built(b) => {
                let warnings = b.warnings();
                if !warnings.is_empty() {
                    (self.notice)(Notice::Warnings(warnings));
                }
                let page = match change.pages.iter().next() {
                    Some(rel) if change.pages.len() == 1 => Some(format!("content/{rel}")),
                    _ => None,
                };
                Notice::Built {
                    page,
                    build: b.id,
                    took,
                }
            }
            Outcome::Failed(d) => Notice::Failed {
                diags: d.clone(),
                took,
            },
        };
        (self.notice)(notice);
    }

    fn update(&mut self, change: &Change, open: &[String]) -> Result<Arc<Build>, Diagnostics> {
        let prev = self.last.clone();
        let old = prev.as_ref().and_then(|b| b.snapshot().cloned());
        let old_sources = old.as_deref().map(Snapshot::sources);
        let loader = Loader {
            root: &self.root,
            base_url: &self.base_url,
        };
        let l = match old.as_deref() {
            Some(o) if !self.failing && !change.everything => loader.change(o, change)?,
            _ => loader.all()?,
        };
        let theme = match old_sources {
            Some(o)
                if !change.theme
                    && !change.everything
                    && o.model.config.theme == l.model.config.theme
                    && render::uses_code(&o.model) == render::uses_code(&l.model) =>
            {
                o.theme.clone()
            }
            _ => Arc::new(plan::load_theme(&self.root, &l.model)?),
        };
        let affected = if old_sources.is_some_and(|o| Arc::ptr_eq(&o.theme, &theme)) {
            l.affected
        } else {
            Affected::All
        };
        let mut diags = Diagnostics::default();
        let reread = change.copied || change.everything || prev.is_none();
        // The same outputs as the last build (same index, theme assets and copied files):
        // its registry is reused and its files patched, nothing walked or claimed again.
        let same = old_sources.filter(|o| {
            !reread && Arc::ptr_eq(&o.index, &l.index) && same_assets(&o.theme, &theme)
        });
        let (registry, copied) = match same {
            Some(o) => (o.registry.clone(), o.copied.clone()),
            None => {
                let (r, c) = plan::claims(&self.root, &l.index, Some(&theme), &mut diags);
                (Arc::new(r), Arc::new(c))
            }
        };
        if diags.has_errors() {
            return Err(diags);
        }

        // What is kept: the outputs the change leaves alone, as the last build has them.
        let before = prev.as_ref().map(|b| b.fresh()).unwrap_or_default();
        let (mut fresh, before) = if same.is_some() {
            (before, Files::new())
        } else {
            (Files::new(), before)
        };
        let kept = |fresh: &Files, path: &str| {
            if same.is_some() {
                fresh.get(path).cloned()
            } else {
                before.get(path).cloned()
            }
        };
        for a in theme.assets.values() {
            fresh.insert(a.path.clone(), Arc::from(a.bytes.as_slice()));
        }
        let mut to_read = Vec::new();
        for c in copied.iter() {
            match kept(&fresh, &c.path).filter(|_| !reread) {
                Some(b) => {
                    fresh.insert(c.path.clone(), b);
                }
                None => to_read.push(plan::Copied {
                    path: c.path.clone(),
                    source: c.source.clone(),
                }),
            }
        }
        let read = crate::output::Collect::default();
        plan::copy(&to_read, &self.root, &read, &mut diags);
        if diags.has_errors() {
            return Err(diags);
        }
        fresh.extend(
            read.into_files()
                .into_iter()
                .map(|f| (f.path, Arc::from(f.bytes))),
        );
        let mut stale = BTreeMap::new();
        let mut search = false;
        for o in &l.index.outputs {
            let touched = affected.touches(&l.model, o);
            match o.source {
                Source::Marker => {}
                Source::SearchIndex => search |= touched,
                source => {
                    let path = &o.claim.path;
                    match kept(&fresh, path) {
                        Some(b) if !touched => {
                            if same.is_none() {
                                fresh.insert(path.clone(), b);
                            }
                        }
                        b => {
                            fresh.remove(path);
                            stale.insert(path.clone(), Stale { source, before: b });
                        }
                    }
                }
            }
        }
        let search_kept = if same.is_some() {
            fresh.keys().any(|p| is_search_file(p))
        } else {
            before.keys().any(|p| is_search_file(p))
        };
        if !search && search_kept {
            if same.is_none() {
                fresh.extend(
                    before
                        .iter()
                        .filter(|(p, _)| is_search_file(p))
                        .map(|(p, b)| (p.clone(), b.clone())),
                );
            }
        } else {
            search = true;
            fresh.retain(|p, _| !is_search_file(p));
        }

        let sources = Sources {
            model: l.model,
            index: l.index,
            site: l.site,
            theme,
            registry,
            copied,
            loaded: l.loaded,
            checked: l.checked,
            recheck: l.recheck,
            patch: l.patch,
        };
        let snap = Arc::new(Snapshot::new(sources, self.syntax.clone()));
        if let Some(o) = &old {
            snap.adopt_spare(o);
        }
        let id = self.id();
        let build = Build::new(id, snap, fresh, stale, search);
        let errors = if prev.is_none() {
            build.render_all()
        } else if let Affected::Files(_) = affected {
            // The templates and the shape are unchanged: only the edited pages (and the open
            // ones) can fail; the lists that read every page render on request or later.
            build.render(&probe::edited(&build, open))
        } else if build.pending() <= EAGER {
            build.render_all()
        } else {
            build.render(&probe::first(&build, open))
        };
        if errors.has_errors() {
            return Err(errors);
        }
        Ok(Arc::new(build))
    }
}

/// Do `a` and `b` claim the same asset files?
fn same_assets(a: &Theme, b: &Theme) -> bool {
    a.assets.len() == b.assets.len()
        && a.assets
            .values()
            .zip(b.assets.values())
            .all(|(x, y)| x.path == y.path && x.source == y.source)
}
