//! Staging folders left by an interrupted build, and removing a folder so that an
//! interrupted removal still leaves it recognisable.
//!
//! A build stages into `.guidepost-new-*` beside the output, with the marker file written
//! first and locked (`File::try_lock`) while the build runs; the replaced output passes
//! through `.guidepost-new-*` or `.guidepost-old-*` on its way out. A later build removes such
//! a folder only when its marker is there and nobody holds its lock (the build that made it
//! is gone), or when it is empty and more than a minute old. Nothing else is touched.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::MARKER;

/// The name prefixes of guidepost's staging folders.
pub const PREFIXES: [&str; 2] = [".guidepost-new-", ".guidepost-old-"];

/// An empty staging folder younger than this may be a build that is just starting.
const EMPTY_GRACE: Duration = Duration::from_secs(60);

/// Remove the leftover staging folders in `parent`. Returns how many were removed.
pub fn clean(parent: &Path) -> io::Result<usize> {
    let mut removed = 0;
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(0);
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir || !PREFIXES.iter().any(|p| name.starts_with(p)) {
            continue;
        }
        let dir = entry.path();
        if abandoned(&dir) {
            remove_tree(&dir)?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn abandoned(dir: &Path) -> bool {
    let marker = dir.join(MARKER);
    if let Ok(f) = fs::File::open(&marker) {
        // A running build holds the lock on its staging folder's marker.
        return f.try_lock().is_ok();
    }
    let empty = fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
    let old = fs::metadata(dir)
        .and_then(|m| m.modified())
        .is_ok_and(|t| SystemTime::now().duration_since(t).unwrap_or_default() > EMPTY_GRACE);
    empty && old
}

/// Remove `dir` and everything in it, the marker last, so a removal cut short leaves a
/// folder the next build still recognises. Parts already gone are fine.
pub fn remove_tree(dir: &Path) -> io::Result<()> {
    let gone = |r: io::Result<()>| match r {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    };
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return gone(Err(e)),
    };
    for entry in entries.flatten() {
        if entry.file_name() == MARKER {
            continue;
        }
        let p = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            gone(fs::remove_dir_all(&p))?;
        } else {
            gone(fs::remove_file(&p))?;
        }
    }
    gone(fs::remove_file(dir.join(MARKER)))?;
    gone(fs::remove_dir(dir))
}
