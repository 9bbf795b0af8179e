//! One state of the sources, ready to render any of its outputs: the model, its index, the
//! theme, the registry of every output path and the warnings of checking them, with the
//! [`Renderer`] that borrows them (one per state, shared by the request threads and the
//! background worker). A later state shares what did not change (`Arc`s).

use std::sync::{Arc, Mutex, OnceLock};

use syntect::parsing::SyntaxSet;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::index::Index;
use crate::model::outputs::Source;
use crate::model::{Config, Model};
use crate::output::{OutFile, Registry};
use crate::render::theme::Theme;
use crate::render::{plan, Renderer};

pub struct Sources {
    pub model: Arc<Model>,
    pub index: Arc<Index>,
    /// `site.yaml` as written (the model's `base_url` is the server's own).
    pub site: Arc<Config>,
    pub theme: Arc<Theme>,
    pub registry: Arc<Registry>,
    /// The files copied as they are (their paths claimed in `registry`).
    pub copied: Arc<Vec<plan::Copied>>,
    /// The warnings of loading the sources.
    pub loaded: Diagnostics,
    /// The warnings of checking them (see [`Snapshot::recheck`]).
    pub checked: Diagnostics,
    /// Only the edited pages were checked: the whole check is still to run.
    pub recheck: bool,
    /// How the model was made from the last one, if it was patched.
    pub patch: Option<super::spare::Patch>,
}

self_cell::self_cell!(
    struct Cell {
        owner: Sources,
        #[covariant]
        dependent: Renderer,
    }
);

pub struct Snapshot {
    cell: Cell,
    rechecked: Mutex<Option<Diagnostics>>,
    /// A copy of the model, made by the background worker while the editor is idle, for the
    /// next edit to patch (copying a large model on the save would delay the reload).
    spare: Mutex<Option<Model>>,
}

impl Snapshot {
    pub fn new(sources: Sources, syntax: Arc<OnceLock<SyntaxSet>>) -> Snapshot {
        let cell = Cell::new(sources, |s| {
            Renderer::new(&s.model, &s.index, &s.theme, &s.registry, syntax)
        });
        Snapshot {
            cell,
            rechecked: Mutex::new(None),
            spare: Mutex::new(None),
        }
    }

    fn lock_spare(&self) -> std::sync::MutexGuard<'_, Option<Model>> {
        self.spare.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Copy the model for the next edit, unless a copy is ready.
    pub fn prepare_spare(&self) {
        self.fill_spare(copy);
    }

    /// Make the copy for the next edit with `make` (given this snapshot's model), unless one
    /// is ready. An edit meanwhile waits for it rather than making a copy of its own.
    pub fn fill_spare(&self, make: impl FnOnce(&Model) -> Model) {
        let mut spare = self.lock_spare();
        if spare.is_none() {
            *spare = Some(make(&self.sources().model));
        }
    }

    /// This snapshot's model, if nothing else holds it.
    pub fn into_model(self) -> Option<Model> {
        Arc::try_unwrap(self.cell.into_owner().model).ok()
    }

    /// Take over `older`'s ready copy of the model when both share one model (an edit of
    /// templates or copied files), rather than copying it again. A copy still being made is
    /// left to finish.
    pub fn adopt_spare(&self, older: &Snapshot) {
        if !Arc::ptr_eq(&self.sources().model, &older.sources().model) {
            return;
        }
        let ready = match older.spare.try_lock() {
            Ok(mut spare) => spare.take(),
            Err(_) => None,
        };
        if let Some(m) = ready {
            *self.lock_spare() = Some(m);
        }
    }

    /// A copy of the model to patch: the one made ahead, else one made now. The next edit
    /// patches a newer snapshot's model, so each copy is used once.
    pub fn model_to_patch(&self) -> Model {
        let ready = self.lock_spare().take();
        ready.unwrap_or_else(|| copy(&self.sources().model))
    }

    pub fn sources(&self) -> &Sources {
        self.cell.borrow_owner()
    }

    /// The warnings of loading and checking the sources.
    pub fn warnings(&self) -> Diagnostics {
        let s = self.sources();
        let mut d = s.loaded.clone();
        let re = self.rechecked.lock().unwrap_or_else(|e| e.into_inner());
        d.extend(re.clone().unwrap_or_else(|| s.checked.clone()));
        d
    }

    /// Check the whole model, if only the edited pages were: the warnings that concern
    /// other pages, and anything the per-page check cannot see. Returns what it found.
    pub fn recheck(&self) -> Option<Diagnostics> {
        if !self.sources().recheck {
            return None;
        }
        let today = chrono::Local::now().date_naive();
        let (_, found) = crate::check::check(&self.sources().model, today);
        *self.rechecked.lock().unwrap_or_else(|e| e.into_inner()) = Some(found.clone());
        Some(found)
    }

    /// Make one output through the renderer of a whole build; `None` for the search index
    /// and the marker (made elsewhere).
    pub fn make(&self, source: Source) -> Option<Result<OutFile, Diagnostic>> {
        plan::make(self.cell.borrow_dependent(), source)
    }

    /// The files of the search index.
    pub fn search(&self) -> (Vec<OutFile>, Diagnostics) {
        let s = self.sources();
        let mut files = Vec::new();
        let mut diags = Diagnostics::default();
        crate::search::add(&s.model, &s.index, &mut files, &mut diags);
        (files, diags)
    }
}

/// A copy of `model`.
pub fn copy(model: &Model) -> Model {
    Model {
        config: model.config.clone(),
        platforms: model.platforms.clone(),
        sections: model.sections.clone(),
        pages: model.pages.clone(),
        files: model.files.clone(),
        imported: model.imported.clone(),
    }
}
