//! One published build of the site: the outputs already rendered, and the outputs whose
//! sources changed, rendered from the build's [`Snapshot`] when a page asks for one, or by the
//! background worker ([`Build::finish`]). A stale output is never served: a request for it
//! renders it from the current sources first. The search index is made as one piece.
//!
//! Every output of a build is made from the same snapshot, so the bytes of a path never
//! change during a build's life; a newer build replaces it whole.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use rayon::prelude::*;

use super::snapshot::Snapshot;
use crate::diag::Diagnostics;
use crate::model::outputs::Source;
use crate::model::Model;
use crate::output::OutFile;

pub type Files = HashMap<String, Arc<[u8]>>;

/// An output not rendered yet, and its bytes in the last good build (served if it fails).
pub struct Stale {
    pub source: Source,
    pub before: Option<Arc<[u8]>>,
}

/// Outputs rendered per turn of the background worker; a request waits for none of them.
const CHUNK: usize = 32;

pub struct Build {
    /// Unique across runs of the server, so a page left open over a restart reloads.
    pub id: u64,
    fresh: RwLock<Files>,
    stale: Mutex<BTreeMap<String, Stale>>,
    /// The search index is to be made (held while it is made, so it is made once).
    search: Mutex<bool>,
    snap: Option<Arc<Snapshot>>,
    /// The search index's warnings, once it is made.
    searched: Mutex<Diagnostics>,
    cancelled: AtomicBool,
}

/// Is `path` a file of the search index (not the `/search/` page)?
pub fn is_search_file(path: &str) -> bool {
    crate::search::is_index_path(path)
}

impl Build {
    /// No site yet: the first build failed.
    pub fn empty(id: u64) -> Build {
        Build {
            id,
            fresh: RwLock::default(),
            stale: Mutex::default(),
            search: Mutex::new(false),
            snap: None,
            searched: Mutex::default(),
            cancelled: AtomicBool::new(false),
        }
    }

    /// A build of `snap`: `fresh` are rendered, `stale` are to be; `search`: the index is.
    pub fn new(
        id: u64,
        snap: Arc<Snapshot>,
        fresh: Files,
        stale: BTreeMap<String, Stale>,
        search: bool,
    ) -> Build {
        Build {
            id,
            fresh: RwLock::new(fresh),
            stale: Mutex::new(stale),
            search: Mutex::new(search),
            snap: Some(snap),
            searched: Mutex::default(),
            cancelled: AtomicBool::new(false),
        }
    }

    pub fn snapshot(&self) -> Option<&Arc<Snapshot>> {
        self.snap.as_ref()
    }

    fn stale_map(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Stale>> {
        self.stale.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn search_flag(&self) -> std::sync::MutexGuard<'_, bool> {
        self.search.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The outputs rendered so far (a newer build starts from those its change left alone).
    pub fn fresh(&self) -> Files {
        self.fresh.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn fresh_get(&self, path: &str) -> Option<Arc<[u8]>> {
        let f = self.fresh.read().unwrap_or_else(|e| e.into_inner());
        f.get(path).cloned()
    }

    /// Is `path` an output of this build, rendered or not?
    pub fn has(&self, path: &str) -> bool {
        self.fresh_get(path).is_some()
            || self.stale_map().contains_key(path)
            || (is_search_file(path) && *self.search_flag())
    }

    pub fn is_empty(&self) -> bool {
        self.snap.is_none()
    }

    /// The outputs not rendered yet, by path, with what each is made from.
    pub fn stale_sources(&self) -> Vec<(String, Source)> {
        let stale = self.stale_map();
        stale.iter().map(|(p, s)| (p.clone(), s.source)).collect()
    }

    /// Outputs not rendered yet (the search index counts as one).
    pub fn pending(&self) -> usize {
        self.stale_map().len() + usize::from(*self.search_flag())
    }

    /// The bytes of `path`, rendered now if they are stale. A stale output that fails to
    /// render gives its last good bytes (if it had any) with the errors.
    pub fn get(&self, path: &str) -> (Option<Arc<[u8]>>, Diagnostics) {
        if let Some(b) = self.fresh_get(path) {
            return (Some(b), Diagnostics::default());
        }
        if is_search_file(path) {
            self.make_search();
            return (self.fresh_get(path), Diagnostics::default());
        }
        let mut diags = self.render(&[path.to_string()]);
        match self.fresh_get(path) {
            Some(b) => (Some(b), diags),
            None => {
                let before = self.stale_map().get(path).and_then(|s| s.before.clone());
                if before.is_none() && !diags.has_errors() {
                    diags = Diagnostics::default();
                }
                (before, diags)
            }
        }
    }

    /// Render the stale outputs among `paths` now, in parallel. Returns their errors.
    pub fn render(&self, paths: &[String]) -> Diagnostics {
        let Some(snap) = &self.snap else {
            return Diagnostics::default();
        };
        let todo: Vec<(String, Source)> = {
            let stale = self.stale_map();
            paths
                .iter()
                .filter_map(|p| stale.get(p).map(|s| (p.clone(), s.source)))
                .collect()
        };
        let made: Vec<_> = todo
            .into_par_iter()
            .filter_map(|(path, source)| snap.make(source).map(|r| (path, r)))
            .collect();
        let mut diags = Diagnostics::default();
        let mut done = Vec::new();
        for (path, r) in made {
            match r {
                Ok(f) => done.push((path, f)),
                Err(d) => diags.push(d),
            }
        }
        let mut stale = self.stale_map();
        let mut fresh = self.fresh.write().unwrap_or_else(|e| e.into_inner());
        for (path, f) in done {
            if stale.remove(&path).is_some() {
                fresh.insert(f.path, Arc::from(f.bytes));
            }
        }
        diags
    }

    /// Make the search index if it is stale; its warnings join the build's.
    fn make_search(&self) {
        let mut flag = self.search_flag();
        let Some(snap) = self.snap.as_ref().filter(|_| *flag) else {
            return;
        };
        let (files, diags) = snap.search();
        let mut fresh = self.fresh.write().unwrap_or_else(|e| e.into_inner());
        for f in files {
            fresh.insert(f.path, Arc::from(f.bytes));
        }
        *flag = false;
        self.lock_searched().extend(diags);
    }

    fn lock_searched(&self) -> std::sync::MutexGuard<'_, Diagnostics> {
        self.searched.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The warnings of this build: of its sources, and of the search index once made.
    pub fn warnings(&self) -> Diagnostics {
        let mut d = self.snap.as_ref().map(|s| s.warnings()).unwrap_or_default();
        d.extend(self.lock_searched().clone());
        d
    }

    /// Render every stale output, a chunk at a time, until done or cancelled. Returns the
    /// errors; an output that fails is left out (a request for it gets its last good bytes).
    pub fn render_all(&self) -> Diagnostics {
        let mut diags = Diagnostics::default();
        loop {
            if self.cancelled() {
                return diags;
            }
            let chunk: Vec<String> = self.stale_map().keys().take(CHUNK).cloned().collect();
            if chunk.is_empty() {
                return diags;
            }
            let found = self.render(&chunk);
            if found.has_errors() {
                let mut stale = self.stale_map();
                for p in &chunk {
                    stale.remove(p);
                }
            }
            diags.extend(found);
        }
    }

    /// Everything left, for the background worker: the stale outputs, the search index, and
    /// the check of the whole model if only the edited pages were checked. Returns the errors.
    pub fn finish(&self) -> Diagnostics {
        let mut diags = self.render_all();
        if self.cancelled() {
            return diags;
        }
        self.make_search();
        if let Some(found) = self.snap.as_ref().and_then(|s| s.recheck()) {
            diags.extend(found);
        }
        diags
    }

    /// The model of this build, if nothing else holds its snapshot or model.
    pub fn into_model(self) -> Option<Model> {
        Arc::try_unwrap(self.snap?).ok()?.into_model()
    }

    /// Copy the model for the next edit to patch (see [`Snapshot::prepare_spare`]).
    pub fn prepare_spare(&self) {
        if let Some(snap) = &self.snap {
            snap.prepare_spare();
        }
    }

    /// Stop the background work: a newer build is served, or being made.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Take up the background work again (the newer build failed: this one stays served).
    pub fn resume(&self) {
        self.cancelled.store(false, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Every output, sorted by path (renders what is left first).
    pub fn files(&self) -> Vec<OutFile> {
        let _ = self.finish();
        let fresh = self.fresh.read().unwrap_or_else(|e| e.into_inner());
        let mut v: Vec<OutFile> = fresh
            .iter()
            .map(|(p, b)| OutFile {
                path: p.clone(),
                bytes: b.to_vec(),
            })
            .collect();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        v
    }
}
