//! The staging folder of one build, filled as files are rendered.
//!
//! [`Staging`] is the build's [`Sink`]: each file goes to disk as soon as it is made (from
//! any rendering thread), so memory holds the model and the search index, never the whole
//! rendered site. It takes only paths the [`Registry`] claimed, each once; anything else is
//! a bug of guidepost and fails the build before anything is published.
//!
//! A file whose bytes equal the previous build's file at the same path is not written again:
//! the previous file is hard-linked into the staging folder (or, where a disk has no hard
//! links, copied with its modification time), so it keeps its bytes, inode and mtime and a
//! sync tool (`rsync`, an object-store sync) uploads only what changed. Nothing outside the
//! output folder is read: symbolic links in the previous output are never followed.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::{absolute, guard, io as io_at, leftovers, platform, swap, WriteError, MARKER};
use crate::diag::Diagnostics;
use crate::output::registry::made_twice;
use crate::output::{path, OutFile, Registry, Sink};

const MARKER_TEXT: &str =
    "This folder is written by `guidepost build`; it is replaced on every build.\n";

/// Why a staged build was not published.
#[derive(Debug)]
pub enum StageError {
    /// A file that was not claimed, or claimed once and made twice: a bug of guidepost.
    Internal(Diagnostics),
    Io(WriteError),
}

/// What a published build wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Files of the site (the marker not counted).
    pub files: usize,
    /// Of those, files kept from the previous build because their bytes did not change.
    pub kept: usize,
}

/// A build being written beside the output folder; [`Staging::publish`] swaps it in.
/// Dropped without publishing, it removes itself and the output stays as it was.
pub struct Staging<'r> {
    registry: &'r Registry,
    dir: PathBuf,
    out: PathBuf,
    parent: PathBuf,
    /// The output being replaced, when it is a previous build to keep unchanged files from.
    previous: Option<PathBuf>,
    /// Held while the build runs: a live build's staging folder is never taken for a leftover.
    lock: Option<fs::File>,
    /// Case-folded paths of the files taken so far.
    made: Mutex<HashSet<String>>,
    /// Folders made in the staging folder → whether the previous output has the same folder
    /// (a real one, not a link).
    dirs: Mutex<HashMap<String, bool>>,
    internal: Mutex<Diagnostics>,
    failed: Mutex<Option<WriteError>>,
    files: AtomicUsize,
    kept: AtomicUsize,
    published: bool,
}

impl<'r> Staging<'r> {
    /// Check the output folder ([`guard`]), remove leftovers of interrupted builds beside it,
    /// and open a fresh staging folder for the files `registry` claimed.
    pub fn open(root: &Path, output: &Path, registry: &'r Registry) -> Result<Self, WriteError> {
        guard(root, output)?;
        let out = absolute(output);
        let parent = out.parent().unwrap_or(Path::new("/")).to_path_buf();
        fs::create_dir_all(&parent).map_err(io_at(&parent))?;
        leftovers::clean(&parent).map_err(io_at(&parent))?;
        let dir = tempfile::Builder::new()
            .prefix(leftovers::PREFIXES[0])
            .tempdir_in(&parent)
            .map_err(io_at(&parent))?
            .keep();
        let previous = out.join(MARKER).is_file().then(|| out.clone());
        let mut staging = Staging {
            registry,
            dir,
            out,
            parent,
            previous,
            lock: None,
            made: Mutex::default(),
            dirs: Mutex::default(),
            internal: Mutex::default(),
            failed: Mutex::default(),
            files: AtomicUsize::new(0),
            kept: AtomicUsize::new(0),
            published: false,
        };
        staging.lock = Some(staging.marker()?);
        Ok(staging)
    }

    /// The marker first, locked while this build runs: a leftover is recognised by it, and a
    /// live build by its lock. It keeps the previous marker's mtime (its text never changes).
    fn marker(&self) -> Result<fs::File, WriteError> {
        let marker = self.dir.join(MARKER);
        let lock = fs::File::create(&marker).map_err(io_at(&marker))?;
        lock.try_lock().map_err(|e| io_at(&marker)(e.into()))?;
        (&lock)
            .write_all(MARKER_TEXT.as_bytes())
            .map_err(io_at(&marker))?;
        if let Some(prev) = &self.previous {
            let old = prev.join(MARKER);
            if fs::read(&old).is_ok_and(|b| b == MARKER_TEXT.as_bytes()) {
                let mtime = fs::symlink_metadata(&old).and_then(|m| m.modified());
                if let Ok(t) = mtime {
                    lock.set_modified(t).map_err(io_at(&marker))?;
                }
            }
        }
        Ok(lock)
    }

    /// Swap the staged build in place of the output. Fails, publishing nothing, when any file
    /// was refused or could not be written.
    pub fn publish(mut self) -> Result<Written, StageError> {
        let internal = std::mem::take(&mut *lock(&self.internal));
        if internal.has_errors() {
            return Err(StageError::Internal(internal));
        }
        if let Some(e) = lock(&self.failed).take() {
            return Err(StageError::Io(e));
        }
        platform::make_readable(&self.dir)
            .map_err(io_at(&self.dir))
            .map_err(StageError::Io)?;
        swap(&self.dir, &self.out, &self.parent).map_err(StageError::Io)?;
        self.published = true;
        self.lock = None;
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            kept: self.kept.load(Ordering::Relaxed),
        })
    }

    fn fail(&self, e: WriteError) {
        lock(&self.failed).get_or_insert(e);
    }

    /// Make the folder `rel` (and its parents) in the staging folder; answer whether the
    /// previous output has it as a real folder, so its files may be reused.
    fn folder(&self, dirs: &mut HashMap<String, bool>, rel: &str) -> io::Result<bool> {
        if rel.is_empty() {
            return Ok(self.previous.is_some());
        }
        if let Some(&reusable) = dirs.get(rel) {
            return Ok(reusable);
        }
        let up = self.folder(dirs, rel.rsplit_once('/').map_or("", |(p, _)| p))?;
        match fs::create_dir(self.dir.join(rel)) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
            _ => {}
        }
        let reusable = up
            && self.previous.as_ref().is_some_and(|p| {
                fs::symlink_metadata(p.join(rel)).is_ok_and(|m| m.file_type().is_dir())
            });
        dirs.insert(rel.to_string(), reusable);
        Ok(reusable)
    }

    /// Write `file` into the staging folder, or link the previous build's identical file.
    fn store(&self, file: &OutFile) -> io::Result<bool> {
        let folder = file.path.rsplit_once('/').map_or("", |(d, _)| d);
        let reusable = self.folder(&mut lock(&self.dirs), folder)?;
        let dest = self.dir.join(&file.path);
        if let Some(prev) = self.previous.as_ref().filter(|_| reusable) {
            let old = prev.join(&file.path);
            if same_bytes(&old, &file.bytes) {
                if fs::hard_link(&old, &dest).is_ok() {
                    return Ok(true);
                }
                // A disk without hard links: a copy with the old file's modification time.
                let mtime = fs::symlink_metadata(&old)?.modified()?;
                fs::write(&dest, &file.bytes)?;
                fs::File::options()
                    .write(true)
                    .open(&dest)?
                    .set_modified(mtime)?;
                return Ok(true);
            }
        }
        fs::write(&dest, &file.bytes)?;
        Ok(false)
    }
}

/// Whether `old` is a regular file (not a link) holding exactly `bytes`.
fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    let same_size = fs::symlink_metadata(old)
        .is_ok_and(|m| m.file_type().is_file() && m.len() == bytes.len() as u64);
    same_size && fs::read(old).is_ok_and(|b| b == bytes)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Sink for Staging<'_> {
    fn put(&self, file: OutFile) {
        if let Err(d) = self.registry.admit(&file.path) {
            return lock(&self.internal).push(d);
        }
        if !lock(&self.made).insert(path::fold(&file.path)) {
            return lock(&self.internal).push(made_twice(&file.path));
        }
        if lock(&self.failed).is_some() {
            return;
        }
        match self.store(&file) {
            Ok(kept) => {
                self.files.fetch_add(1, Ordering::Relaxed);
                if kept {
                    self.kept.fetch_add(1, Ordering::Relaxed);
                }
            }
            Err(e) => self.fail(io_at(&self.dir.join(&file.path))(e)),
        }
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if !self.published {
            self.lock = None;
            let _ = leftovers::remove_tree(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;
    use crate::output::{Claim, Role};

    fn registry(paths: &[&str]) -> Registry {
        let mut r = Registry::default();
        for p in paths {
            let owner = Span::file(&"content/a.md".into());
            r.claim(Claim::file(*p, owner, "a page", Role::File))
                .unwrap();
        }
        r
    }

    fn file(path: &str, text: &str) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn internal(e: StageError) -> String {
        match e {
            StageError::Internal(d) => d.errors().map(|e| e.to_string()).collect(),
            StageError::Io(e) => panic!("an internal error, not {e}"),
        }
    }

    #[test]
    fn a_file_made_twice_or_never_claimed_publishes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let reg = registry(&["a/index.html"]);
        let s = Staging::open(tmp.path(), &out, &reg).unwrap();
        s.put(file("a/index.html", "one"));
        s.put(file("A/index.html", "two"));
        let e = internal(s.publish().unwrap_err());
        assert!(
            e.contains("internal: output `A/index.html` was not claimed"),
            "{e}"
        );
        assert!(!out.exists(), "nothing published");

        let s = Staging::open(tmp.path(), &out, &reg).unwrap();
        s.put(file("a/index.html", "one"));
        s.put(file("a/index.html", "two"));
        let e = internal(s.publish().unwrap_err());
        assert!(
            e.contains("internal: output `a/index.html` was made twice"),
            "{e}"
        );
        assert!(!out.exists(), "nothing published");
        let left: Vec<_> = fs::read_dir(tmp.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "no staging folder left: {left:?}");
    }

    #[test]
    fn unchanged_files_are_kept_and_changed_ones_written() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let reg = registry(&["a/index.html", "b/index.html"]);
        let build = |a: &str, b: &str| {
            let s = Staging::open(tmp.path(), &out, &reg).unwrap();
            s.put(file("a/index.html", a));
            s.put(file("b/index.html", b));
            s.publish().unwrap()
        };
        assert_eq!(build("a", "b"), Written { files: 2, kept: 0 });
        assert_eq!(build("a", "B"), Written { files: 2, kept: 1 });
        assert_eq!(fs::read_to_string(out.join("b/index.html")).unwrap(), "B");
        assert_eq!(build("a", "bb"), Written { files: 2, kept: 1 });
        assert_eq!(fs::read_to_string(out.join("b/index.html")).unwrap(), "bb");
    }

    #[cfg(unix)]
    #[test]
    fn links_in_the_previous_output_are_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let outside = tmp.path().join("outside");
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("index.html"), "secret").unwrap();
        let reg = registry(&["a/index.html", "b/index.html"]);
        let s = Staging::open(tmp.path(), &out, &reg).unwrap();
        s.put(file("a/index.html", "x"));
        s.publish().unwrap();
        // Someone replaces a folder and a file of the output with links to elsewhere.
        std::os::unix::fs::symlink(&outside, out.join("b")).unwrap();
        fs::remove_file(out.join("a/index.html")).unwrap();
        std::os::unix::fs::symlink(outside.join("index.html"), out.join("a/index.html")).unwrap();
        let s = Staging::open(tmp.path(), &out, &reg).unwrap();
        s.put(file("a/index.html", "secret"));
        s.put(file("b/index.html", "secret"));
        assert_eq!(s.publish().unwrap(), Written { files: 2, kept: 0 });
        for p in ["a/index.html", "b/index.html"] {
            let m = fs::symlink_metadata(out.join(p)).unwrap();
            assert!(m.file_type().is_file(), "{p} is a new file, not a link");
        }
        assert_eq!(
            fs::read_to_string(outside.join("index.html")).unwrap(),
            "secret"
        );
    }
}
