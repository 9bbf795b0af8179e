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
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::{Config, Event, EventKind, PollWatcher, RecursiveMode, Watcher};

pub use crate::load::names::is_temp;

/// The folders a site's sources are in.
pub const DIRS: &[&str] = &["guides", "content", "themes", "templates", "static"];
pub const CONFIG: &str = "site.yaml";
/// The configuration may be written `site.yml` too.
pub const CONFIG_YML: &str = "site.yml";

/// Quiet time that ends a batch of a few paths (an editor's save).
const QUIET: Duration = Duration::from_millis(20);
/// Quiet time once a batch has more than `MANY` paths (a checkout, a copy).
const QUIET_MANY: Duration = Duration::from_millis(200);
const MANY: usize = 8;
const MAX_WAIT: Duration = Duration::from_secs(3);
/// How long an empty changed file may stay empty before it is believed: editors and tools
/// that truncate first and write later (with a pause in between) must not flash a false error.
const SETTLE: Duration = Duration::from_millis(400);
/// How often the polling watcher looks at the sources.
pub const POLL_EVERY: Duration = Duration::from_millis(300);

/// Changed paths, relative to the site root with `/` separators.
#[derive(Debug, Default)]
pub struct Batch {
    pub paths: BTreeSet<String>,
    /// The watcher lost events (queue overflow): everything may have changed.
    pub rescan: bool,
    /// The system's watcher failed during this batch and polling took over (the reason).
    pub fell_back: Option<String>,
}

/// How changes are noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The system's file events (inotify, FSEvents, ReadDirectoryChangesW), polling when
    /// they cannot be had.
    Auto,
    /// Polling only (`--poll`): network drives, containers, exhausted watch limits.
    Poll,
}

type Events = notify::Result<Event>;

pub struct Watch {
    root: PathBuf,
    watcher: Box<dyn Watcher + Send>,
    polling: bool,
    tx: Sender<Events>,
    rx: Receiver<Events>,
    watched: HashSet<&'static str>,
}

impl Watch {
    /// Start watching; with `Mode::Auto`, a system watcher that cannot be set up (or cannot
    /// watch every source folder) is replaced by polling, and the reason is returned.
    pub fn start(root: &Path, mode: Mode) -> notify::Result<(Watch, Option<String>)> {
        let (tx, rx) = channel();
        let (watcher, polling, mut reason): (Box<dyn Watcher + Send>, bool, Option<String>) =
            match mode {
                Mode::Poll => (poller(&tx)?, true, None),
                Mode::Auto => match notify::recommended_watcher(tx.clone()) {
                    Ok(w) => (Box::new(w), false, None),
                    Err(e) => (poller(&tx)?, true, Some(e.to_string())),
                },
            };
        let mut w = Watch {
            root: root.to_path_buf(),
            watcher,
            polling,
            tx,
            rx,
            watched: HashSet::new(),
        };
        if let Err(e) = w.resync(&BTreeSet::new()) {
            reason = Some(e.to_string());
            w.fall_back()?;
        }
        Ok((w, reason))
    }

    /// Watch the root (for `site.yaml`) and the source folders that exist now, again when
    /// one was replaced. An error means a folder could not be watched.
    fn resync(&mut self, changed: &BTreeSet<String>) -> notify::Result<()> {
        if self.watched.is_empty() {
            self.watcher
                .watch(&self.root, RecursiveMode::NonRecursive)?;
        }
        for &dir in DIRS {
            let path = self.root.join(dir);
            let exists = path.is_dir();
            let replaced = changed.contains(dir);
            if self.watched.contains(dir) && (!exists || replaced) {
                let _ = self.watcher.unwatch(&path);
                self.watched.remove(dir);
            }
            if exists && !self.watched.contains(dir) {
                match self.watcher.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(dir);
                    }
                    // Removed again before it could be watched: the next event tells.
                    Err(_) if !path.is_dir() => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(())
    }

    /// Replace the system's watcher by polling the same folders.
    fn fall_back(&mut self) -> notify::Result<()> {
        self.watcher = poller(&self.tx)?;
        self.polling = true;
        self.watched.clear();
        self.resync(&BTreeSet::new())
    }

    /// Whether changes are found by polling.
    pub fn polling(&self) -> bool {
        self.polling
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
                    // A file was emptied and nothing more came yet: give the writer time.
                    Err(RecvTimeoutError::Timeout)
                        if start.elapsed() < SETTLE && self.has_empty_file(&batch) => {}
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
                if start.elapsed() >= MAX_WAIT {
                    break;
                }
            }
            if batch.fell_back.is_none() {
                if let Err(e) = self.resync(&batch.paths) {
                    batch.fell_back = Some(e.to_string());
                }
            }
            if batch.fell_back.is_some() && !self.polling {
                if let Err(e) = self.fall_back() {
                    batch.fell_back = Some(format!(
                        "{}; polling failed too: {e}",
                        batch.fell_back.take().unwrap_or_default()
                    ));
                }
                // Events may have been lost in between.
                batch.rescan = true;
            }
            return Some(batch);
        }
    }

    fn has_empty_file(&self, batch: &Batch) -> bool {
        batch.paths.iter().any(|p| {
            std::fs::metadata(self.root.join(p)).is_ok_and(|m| m.is_file() && m.len() == 0)
        })
    }

    fn add(&self, batch: &mut Batch, ev: Events) {
        let ev = match ev {
            Ok(ev) => ev,
            Err(e) => {
                batch.rescan = true;
                if !self.polling && gives_up(&e) {
                    batch.fell_back = Some(e.to_string());
                }
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

fn poller(tx: &Sender<Events>) -> notify::Result<Box<dyn Watcher + Send>> {
    // notify's poller keeps modification times in whole seconds: a second save within the
    // same second would be missed without comparing contents (a hash of each source file
    // per poll; about 30 ms for a 10,000-page site's sources).
    let config = Config::default()
        .with_poll_interval(POLL_EVERY)
        .with_compare_contents(true);
    Ok(Box::new(PollWatcher::new(tx.clone(), config)?))
}

/// Watcher errors after which the system's watcher cannot be trusted to see every change.
fn gives_up(e: &notify::Error) -> bool {
    matches!(
        e.kind,
        notify::ErrorKind::MaxFilesWatch | notify::ErrorKind::Io(_) | notify::ErrorKind::Generic(_)
    )
}

/// `path` relative to the root, if it is a source and not an editor's temporary file.
pub fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    let first = *parts.first()?;
    if !(DIRS.contains(&first) || parts == [CONFIG] || parts == [CONFIG_YML]) {
        return None;
    }
    if parts.iter().any(|p| is_temp(p)) {
        return None;
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_are_relevant() {
        let root = Path::new("/s");
        let rel = |p: &str| relevant(root, Path::new(p));
        assert_eq!(rel("/s/content/a/b.md").as_deref(), Some("content/a/b.md"));
        assert_eq!(rel("/s/site.yaml").as_deref(), Some("site.yaml"));
        assert_eq!(rel("/s/site.yml").as_deref(), Some("site.yml"));
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
