//! Watching the sources: `site.yaml`, `guides/`, `content/`, `themes/`, `templates/` and
//! `static/`, and turning the raw events of an editor's save into one batch of changed paths.
//!
//! Normalised before anything is rebuilt: events of other files (the output, `.git`, build
//! folders) and editor temporaries (vim swap and `4913` files, `~` backups, emacs locks,
//! JetBrains and GNOME safe-write files …) are dropped, each path is kept once, and a burst is
//! waited out: a batch ends when no event came for a short quiet time (longer once the burst
//! looks like a checkout of many files), or after `MAX_WAIT` at the latest. Folders created or
//! deleted at the top (a `static/` made later, `content/` replaced by a checkout) are watched
//! again as they come and go.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// The folders a site's sources are in.
pub const DIRS: &[&str] = &["guides", "content", "themes", "templates", "static"];
pub const CONFIG: &str = "site.yaml";

/// Quiet time that ends a batch of a few paths (an editor's save).
const QUIET: Duration = Duration::from_millis(20);
/// Quiet time once a batch has more than `MANY` paths (a checkout, a copy).
const QUIET_MANY: Duration = Duration::from_millis(200);
const MANY: usize = 8;
const MAX_WAIT: Duration = Duration::from_secs(3);

/// Changed paths, relative to the site root with `/` separators.
#[derive(Debug, Default)]
pub struct Batch {
    pub paths: BTreeSet<String>,
    /// The watcher lost events (queue overflow): everything may have changed.
    pub rescan: bool,
}

pub struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    rx: Receiver<notify::Result<Event>>,
    watched: HashSet<&'static str>,
}

impl Watch {
    pub fn start(root: &Path) -> notify::Result<Watch> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        let mut w = Watch {
            root: root.to_path_buf(),
            watcher,
            rx,
            watched: HashSet::new(),
        };
        w.resync(&BTreeSet::new());
        Ok(w)
    }

    /// Watch the source folders that exist now, again when one was replaced.
    fn resync(&mut self, changed: &BTreeSet<String>) {
        for &dir in DIRS {
            let path = self.root.join(dir);
            let exists = path.is_dir();
            let replaced = changed.contains(dir);
            if self.watched.contains(dir) && (!exists || replaced) {
                let _ = self.watcher.unwatch(&path);
                self.watched.remove(dir);
            }
            if exists
                && !self.watched.contains(dir)
                && self.watcher.watch(&path, RecursiveMode::Recursive).is_ok()
            {
                self.watched.insert(dir);
            }
        }
    }

    /// Wait for the next batch of relevant changes; None when the watcher has stopped.
    pub fn next_batch(&mut self) -> Option<Batch> {
        loop {
            let mut batch = Batch::default();
            let first = self.rx.recv().ok()?;
            self.add(&mut batch, first);
            if batch.paths.is_empty() && !batch.rescan {
                continue;
            }
            let start = Instant::now();
            loop {
                let quiet = if batch.paths.len() > MANY {
                    QUIET_MANY
                } else {
                    QUIET
                };
                let left = MAX_WAIT.saturating_sub(start.elapsed());
                match self.rx.recv_timeout(quiet.min(left)) {
                    Ok(ev) => self.add(&mut batch, ev),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
                if start.elapsed() >= MAX_WAIT {
                    break;
                }
            }
            self.resync(&batch.paths);
            return Some(batch);
        }
    }

    fn add(&self, batch: &mut Batch, ev: notify::Result<Event>) {
        let ev = match ev {
            Ok(ev) => ev,
            Err(_) => {
                batch.rescan = true;
                return;
            }
        };
        if ev.need_rescan() {
            batch.rescan = true;
        }
        if matches!(ev.kind, EventKind::Access(_)) {
            // Opening and reading (our own builds do) changes nothing.
            return;
        }
        for p in &ev.paths {
            if let Some(rel) = relevant(&self.root, p) {
                batch.paths.insert(rel);
            }
        }
    }
}

/// `path` relative to the root, if it is a source and not an editor's temporary file.
pub fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    let first = *parts.first()?;
    if !(DIRS.contains(&first) || parts == [CONFIG]) {
        return None;
    }
    if parts.iter().any(|p| is_temp(p)) {
        return None;
    }
    Some(parts.join("/"))
}

/// Names editors and tools give their temporary, swap, lock and backup files.
pub fn is_temp(name: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".swpx",
        ".tmp",
        ".temp",
        ".bak",
        ".orig",
        ".part",
        ".crdownload",
        ".kate-swp",
    ];
    name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || name == ".DS_Store"
        || name == "Thumbs.db"
        || name.starts_with(".~lock.")
        || name.starts_with(".goutputstream-")
        || name.starts_with(".syncthing.")
        || name.contains("___jb_")
        || (name.starts_with("sed") && name.len() == 9 && !name.contains('.'))
        || SUFFIXES.iter().any(|s| name.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temporaries_are_ignored() {
        for t in [
            ".a.md.swp",
            ".a.md.swx",
            "4913",
            "a.md~",
            ".#a.md",
            "#a.md#",
            "a.md___jb_tmp___",
            ".goutputstream-X1Y2Z3",
            "sedAb12Cd",
            "a.md.tmp",
        ] {
            assert!(is_temp(t), "{t}");
        }
        for ok in ["a.md", "faq.yaml", "_index.md", "style.css", "sed.md"] {
            assert!(!is_temp(ok), "{ok}");
        }
    }

    #[test]
    fn only_sources_are_relevant() {
        let root = Path::new("/s");
        let rel = |p: &str| relevant(root, Path::new(p));
        assert_eq!(rel("/s/content/a/b.md").as_deref(), Some("content/a/b.md"));
        assert_eq!(rel("/s/site.yaml").as_deref(), Some("site.yaml"));
        assert_eq!(rel("/s/content").as_deref(), Some("content"));
        for no in [
            "/s/public/index.html",
            "/s/.git/index",
            "/s/README.md",
            "/s/content/.a.md.swp",
            "/s/content/x/4913",
            "/other/content/a.md",
        ] {
            assert_eq!(rel(no), None, "{no}");
        }
    }
}
