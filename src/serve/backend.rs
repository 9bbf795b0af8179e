//! tiny_http behind the gate, on a private Unix socket in a temporary folder (mode 0700), and
//! the workers that take its requests.
//!
//! tiny_http's accept thread ends at its first accept error, and panics when it cannot
//! duplicate an accepted socket (out of file descriptors, say); either way it never answers
//! again. So the backend is replaceable: when a worker receives the accept error, or the gate
//! finds the socket refusing connections, a new tiny_http starts on a new socket (retrying
//! until descriptors are free), the gate connects to whichever is current, and the old
//! workers leave.

use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread;
use std::time::Duration;

use super::http;
use super::state::State;
use super::Notice;

/// Threads answering requests (each answer is a lookup in memory).
const WORKERS: usize = 4;

struct Current {
    path: PathBuf,
    server: Arc<tiny_http::Server>,
}

pub struct Backend {
    current: RwLock<Arc<Current>>,
    dir: tempfile::TempDir,
    generation: AtomicU64,
    replacing: Mutex<()>,
    state: Arc<State>,
    stop: Arc<AtomicBool>,
    notice: Arc<dyn Fn(Notice) + Send + Sync>,
}

impl Backend {
    pub fn start(
        state: Arc<State>,
        stop: Arc<AtomicBool>,
        notice: Arc<dyn Fn(Notice) + Send + Sync>,
    ) -> std::io::Result<Arc<Backend>> {
        let dir = tempfile::Builder::new()
            .prefix("guidepost-serve-")
            .tempdir()?;
        let first = bind(dir.path(), 0)?;
        let b = Arc::new(Backend {
            current: RwLock::new(first.clone()),
            dir,
            generation: AtomicU64::new(0),
            replacing: Mutex::new(()),
            state,
            stop,
            notice,
        });
        b.workers(&first)?;
        Ok(b)
    }

    /// The socket to pass the next request to.
    pub fn path(&self) -> PathBuf {
        self.now().path.clone()
    }

    fn now(&self) -> Arc<Current> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn workers(self: &Arc<Self>, cur: &Arc<Current>) -> std::io::Result<()> {
        for _ in 0..WORKERS {
            let (b, c) = (self.clone(), cur.clone());
            thread::Builder::new()
                .name("guidepost-http".into())
                .spawn(move || b.work(&c))?;
        }
        Ok(())
    }

    fn work(self: Arc<Self>, cur: &Arc<Current>) {
        loop {
            match cur.server.recv() {
                Ok(rq) => http::handle(rq, &self.state),
                Err(e) => {
                    if self.stop.load(Ordering::Relaxed) || !Arc::ptr_eq(&self.now(), cur) {
                        return;
                    }
                    (self.notice)(Notice::AcceptError(e));
                    self.failed(&cur.path);
                    return;
                }
            }
        }
    }

    /// The backend at `path` does not answer: replace it, unless that was done already.
    pub fn failed(self: &Arc<Self>, path: &Path) {
        let Ok(_one) = self.replacing.try_lock() else {
            return;
        };
        let cur = self.now();
        if cur.path == path {
            self.replace(&cur);
        }
    }

    /// Start a new tiny_http in place of `failed`, and let the old workers go.
    fn replace(self: &Arc<Self>, failed: &Arc<Current>) {
        let next = loop {
            if self.stop.load(Ordering::Relaxed) {
                return;
            }
            let n = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
            match bind(self.dir.path(), n) {
                Ok(c) => break c,
                Err(_) => thread::sleep(Duration::from_millis(50)),
            }
        };
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = next.clone();
        let _ = std::fs::remove_file(&failed.path);
        for _ in 0..WORKERS {
            failed.server.unblock();
        }
        while self.workers(&next).is_err() {
            if self.stop.load(Ordering::Relaxed) {
                return;
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wake the workers so they see the stop flag, and remove the socket folder (threads
    /// still holding the backend do not outlive the process, so it would not be dropped).
    pub fn stop(&self) {
        let cur = self.now();
        for _ in 0..WORKERS {
            cur.server.unblock();
        }
        let _ = std::fs::remove_dir_all(self.dir.path());
    }
}

fn bind(dir: &Path, n: u64) -> std::io::Result<Arc<Current>> {
    let path = dir.join(format!("http-{n}.sock"));
    let listener = UnixListener::bind(&path)?;
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(Arc::new(Current {
        path,
        server: Arc::new(server),
    }))
}
