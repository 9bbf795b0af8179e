//! The sources after a change, and the outputs it affects: the whole model loaded and
//! checked; or the last one patched — an edited page whose shape is unchanged, `site.yaml`
//! alone (read by itself, its fields compared, see [`affected::config`]), or the guide
//! sources alone (read again, the content pages kept).
//!
//! Nothing here renders; [`super::rebuild`] renders what the result says is affected.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use super::affected::{self, Affected, ConfigEffect};
use super::plan::Change;
use super::snapshot::{Snapshot, Sources};
use super::spare::{self, Patch};
use crate::diag::Diagnostics;
use crate::model::index::Index;
use crate::model::{Config, Model};
use crate::render::plan;

/// The model of a change and what it affects.
pub struct Loaded {
    pub model: Arc<Model>,
    pub index: Arc<Index>,
    /// `site.yaml` as written (the model's `base_url` is the server's own).
    pub site: Arc<Config>,
    pub loaded: Diagnostics,
    pub checked: Diagnostics,
    pub recheck: bool,
    pub affected: Affected,
    /// How `model` was made from the last one, if it was patched.
    pub patch: Option<Patch>,
}

/// Where the sources are, and the URL the served pages use.
pub struct Loader<'a> {
    pub root: &'a Path,
    pub base_url: &'a str,
}

impl Loader<'_> {
    /// The whole model, loaded and checked; every output affected.
    pub fn all(&self) -> Result<Loaded, Diagnostics> {
        let (mut model, loaded) = crate::load::load(self.root).map_err(|f| f.0)?;
        let today = chrono::Local::now().date_naive();
        let (index, checked) = crate::check::check(&model, today);
        if checked.has_errors() {
            return Err(self.failed(&model, &index, loaded, checked));
        }
        let site = Arc::new(model.config.clone());
        model.config.base_url.value = self.base_url.to_string();
        Ok(Loaded {
            model: Arc::new(model),
            index: Arc::new(index),
            site,
            loaded,
            checked,
            recheck: false,
            affected: Affected::All,
            patch: None,
        })
    }

    /// The errors of checking `model`, as a build reports them: with the warnings of loading
    /// it and the problems of planning its outputs.
    fn failed(
        &self,
        model: &Model,
        index: &Index,
        loaded: Diagnostics,
        checked: Diagnostics,
    ) -> Diagnostics {
        let mut all = loaded;
        all.extend(checked);
        if let Err(d) = plan::plan(self.root, model, index) {
            all.extend(d);
        }
        all
    }

    /// The model after `change`, from the last one `old` where the change allows.
    pub fn change(&self, old: &Snapshot, change: &Change) -> Result<Loaded, Diagnostics> {
        if change.guides && !change.config && change.pages.is_empty() {
            return self.guides(old);
        }
        if change.guides || (change.config && !change.pages.is_empty()) {
            return self.all();
        }
        if change.config {
            return self.config(old);
        }
        self.pages(old, change)
    }

    /// What is kept of `old`, with what the change affects.
    fn kept(old: &Sources, affected: Affected) -> Loaded {
        Loaded {
            model: old.model.clone(),
            index: old.index.clone(),
            site: old.site.clone(),
            loaded: old.loaded.clone(),
            checked: old.checked.clone(),
            // An edit before this one may still want its whole check.
            recheck: old.recheck,
            affected,
            patch: None,
        }
    }

    /// After an edit of `site.yaml` alone: the file read by itself and patched into a copy of
    /// the model (its positions are file 0, as in a whole load). Its fields decide what is
    /// affected ([`affected::config`]); the ones `check` reads for errors (`popular`,
    /// `base_url`) re-run the check before anything is published, else the whole check runs
    /// in the background (for `stale_after_days`, and warnings that point into `site.yaml`).
    fn config(&self, snap: &Snapshot) -> Result<Loaded, Diagnostics> {
        let old = snap.sources();
        let (site, name) = match crate::load::load_config(self.root) {
            Ok(read) => read,
            // Following links out of the site was allowed: the whole load says what that
            // changes. Else the sources read as before, with this file's error.
            Err(_) if old.site.allow_outside_symlinks => return self.all(),
            Err(found) => {
                let mut all = old.loaded.clone();
                all.extend(found);
                return Err(all);
            }
        };
        let ConfigEffect::Patch { affected, check } = affected::config(&old.site, &site) else {
            return self.all();
        };
        let mut model = snap.model_to_patch();
        // Checked as written, served with the server's own address.
        model.config = site.clone();
        model.files[0] = name;
        let mut l = Self::kept(old, affected);
        l.site = Arc::new(site);
        l.recheck = true;
        if check {
            let today = chrono::Local::now().date_naive();
            let (index, checked) = crate::check::check(&model, today);
            if checked.has_errors() {
                return Err(self.failed(&model, &index, old.loaded.clone(), checked));
            }
            l.checked = checked;
            l.recheck = false;
        }
        model.config.base_url.value = self.base_url.to_string();
        l.patch = Some(Patch {
            parent: spare::address(&old.model),
            config: true,
            pages: Vec::new(),
        });
        l.model = Arc::new(model);
        Ok(l)
    }

    /// After a change under `guides/` alone: the guide sources read again (their files
    /// numbered after the model's, so the pages' positions stay valid), the content pages
    /// kept. Every output is affected (navigation, glossary links and `@id` titles show guide
    /// items everywhere), so pages render on demand. The pages' links are checked before
    /// publishing only when an id they might name is gone; otherwise later, with the whole
    /// model, in the background.
    fn guides(&self, snap: &Snapshot) -> Result<Loaded, Diagnostics> {
        let old = snap.sources();
        let first = old.model.files.len();
        let guides = crate::load::load_guides(self.root, &old.site, first).map_err(|f| f.0)?;
        let mut model = snap.model_to_patch();
        model.platforms = guides.platforms;
        model.files.extend(guides.files);
        let today = chrono::Local::now().date_naive();
        let gone = |index: &Index| old.index.ids.keys().any(|id| !index.ids.contains_key(id));
        let (mut index, mut checked) = crate::check::check_guides(&model, today);
        let whole = gone(&index);
        if whole {
            (index, checked) = crate::check::check(&model, today);
        }
        if checked.has_errors() {
            return Err(self.failed(&model, &index, old.loaded.clone(), checked));
        }
        // The load warnings of the content stay; those of the guides are new.
        let kept = old.loaded.clone().into_iter();
        let mut loaded: Diagnostics = kept
            .filter(|d| !d.span.file.starts_with("guides/"))
            .collect::<Vec<_>>()
            .into();
        loaded.extend(guides.warnings);
        let mut l = Self::kept(old, Affected::All);
        l.model = Arc::new(model);
        l.index = Arc::new(index);
        l.loaded = loaded;
        l.checked = checked;
        l.recheck = !whole;
        Ok(l)
    }

    /// The model after edits of content pages: the edited pages alone when nothing other
    /// pages show of them changed, else the whole model.
    fn pages(&self, snap: &Snapshot, change: &Change) -> Result<Loaded, Diagnostics> {
        let old = snap.sources();
        if change.pages.is_empty() {
            return Ok(Self::kept(
                old,
                if change.theme {
                    Affected::All
                } else {
                    Affected::Nothing
                },
            ));
        }
        let mut model = snap.model_to_patch();
        let mut names = HashSet::new();
        let mut slots = Vec::new();
        for rel in &change.pages {
            let path = self.root.join("content").join(rel);
            // A new or deleted page, or a section's page (whose body is checked with the
            // whole model): the whole model.
            let Some(slot @ affected::Slot::Page(_)) =
                affected::find(&model, rel).filter(|_| path.is_file())
            else {
                return self.all();
            };
            let was = affected::page_at(&model, slot);
            let file = was.origin.file;
            let page = crate::load::content::load_one(self.root, &path, file)
                .map_err(Diagnostics::from)?;
            if !affected::same_shape(was, &page) {
                return self.all();
            }
            names.insert(model.file_name(file).to_string());
            *affected::page_at_mut(&mut model, slot) = page;
            slots.push(slot);
        }
        let which: Vec<usize> = slots
            .iter()
            .filter_map(|s| match s {
                affected::Slot::Page(i) => Some(*i),
                affected::Slot::Section(_) => None,
            })
            .collect();
        let found = crate::check::check_pages(&model, &old.index, &which);
        if found.has_errors() {
            return Err(found);
        }
        let mut l = Self::kept(old, Affected::Files(names));
        l.patch = Some(Patch {
            parent: spare::address(&old.model),
            config: false,
            pages: slots,
        });
        l.model = Arc::new(model);
        l.recheck = true;
        Ok(l)
    }
}
