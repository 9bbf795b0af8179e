//! The copy of the model that the next edit of a page or of `site.yaml` patches, made while
//! the editor reads the reloaded page rather than on the save. Copying a large model takes
//! long (every page and every file's positions), so when a build was made by patching the
//! model before it, that older model is taken back once nothing uses it and given the same
//! patch: no copy at all. Otherwise it is copied whole.

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use super::affected::{page_at, page_at_mut, Slot};
use super::site::Build;
use super::snapshot::copy;
use crate::model::Model;

/// How a model was made from the one before it: a copy with these parts replaced.
#[derive(Debug, Clone)]
pub struct Patch {
    /// The model it was copied from (its address, to recognise it).
    pub parent: usize,
    /// The configuration and `site.yaml`'s positions.
    pub config: bool,
    /// Content pages, with their files' positions.
    pub pages: Vec<Slot>,
}

/// The address of `model`, to compare with [`Patch::parent`].
pub fn address(model: &Arc<Model>) -> usize {
    Arc::as_ptr(model) as usize
}

/// How often and how long to wait for the older build to be let go (a request or the
/// background worker may still hold it for a moment).
const TRIES: u32 = 25;
const WAIT: Duration = Duration::from_millis(20);

/// Make the spare copy of `new`'s model: `old` (the build it replaced) taken back and
/// patched when `new` was patched from it, else a whole copy. Runs on a thread of its own.
pub fn prepare(new: Arc<Build>, old: Arc<Build>) {
    let Some(snap) = new.snapshot() else {
        return;
    };
    let patch = snap.sources().patch.as_ref();
    let old_model = old.snapshot().map(|s| address(&s.sources().model));
    let patch = patch.filter(|p| Some(p.parent) == old_model);
    snap.fill_spare(|model| {
        let taken = patch.and_then(|p| Some((p, take_back(old)?)));
        match taken {
            Some((p, mut m)) => {
                sync(&mut m, model, p);
                m
            }
            None => copy(model),
        }
    });
}

/// The model of `build` once nothing else holds the build, its snapshot or its model.
fn take_back(mut build: Arc<Build>) -> Option<Model> {
    for _ in 0..TRIES {
        match Arc::try_unwrap(build) {
            Ok(b) => return b.into_model(),
            Err(b) => build = b,
        }
        thread::sleep(WAIT);
    }
    None
}

/// Make `target` (the parent of `from`) equal to `from` by replacing what `patch` replaced.
pub fn sync(target: &mut Model, from: &Model, patch: &Patch) {
    if patch.config {
        target.config = from.config.clone();
        target.files[0] = from.files[0].clone();
    }
    for &slot in &patch.pages {
        let page = page_at(from, slot);
        let file = page.origin.file;
        *page_at_mut(target, slot) = page.clone();
        target.files[file] = from.files[file].clone();
    }
}
