//! tiny_http behind the gate, on a loopback port of its own, and the workers that take its
//! requests.
//!
//! The port is reachable by other programs of this machine, so the gate proves itself: each
//! head it passes on carries a secret made at start ([`GATE_HEADER`]), and a request without
//! it is refused before anything is looked up (the HTTP layer checks). Loopback TCP rather
//! than a Unix socket keeps the server the same on Linux, macOS and Windows.
//!
//! tiny_http's accept thread ends at its first accept error, and panics when it cannot
//! duplicate an accepted socket (out of file descriptors, say); either way it never answers
//! again. So the backend is replaceable: when a worker receives the accept error, or the gate
//! finds the socket refusing connections, a new tiny_http starts on a new socket (retrying
//! until descriptors are free), the gate connects to whichever is current, and the old
//! workers leave.

use std::hash::{BuildHasher, Hasher};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread;
use std::time::Duration;

use super::http;
use super::state::State;
use super::Notice;

/// Threads answering requests (each answer is a lookup in memory).
const WORKERS: usize = 4;

/// The header that carries the gate's secret to the HTTP layer.
pub const GATE_HEADER: &str = "X-Guidepost-Gate";

struct Current {
    addr: SocketAddr,
    server: Arc<tiny_http::Server>,
}

pub struct Backend {
    current: RwLock<Arc<Current>>,
    /// The secret the gate sends with every request.
    token: String,
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
        let first = bind()?;
        let b = Arc::new(Backend {
            current: RwLock::new(first.clone()),
            token: secret(),
            replacing: Mutex::new(()),
            state,
            stop,
            notice,
        });
        b.workers(&first)?;
        Ok(b)
    }

    /// The address to pass the next request to.
    pub fn addr(&self) -> SocketAddr {
        self.now().addr
    }

    /// The secret to send in [`GATE_HEADER`].
    pub fn token(&self) -> &str {
        &self.token
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
                Ok(rq) => http::handle(rq, &self.state, &self.token),
                Err(e) => {
                    if self.stop.load(Ordering::Relaxed) || !Arc::ptr_eq(&self.now(), cur) {
                        return;
                    }
                    (self.notice)(Notice::AcceptError(e));
                    self.failed(cur.addr);
                    return;
                }
            }
        }
    }

    /// The backend at `addr` does not answer: replace it, unless that was done already.
    pub fn failed(self: &Arc<Self>, addr: SocketAddr) {
        let Ok(_one) = self.replacing.try_lock() else {
            return;
        };
        let cur = self.now();
        if cur.addr == addr {
            self.replace(&cur);
        }
    }

    /// Start a new tiny_http in place of `failed`, and let the old workers go.
    fn replace(self: &Arc<Self>, failed: &Arc<Current>) {
        let next = loop {
            if self.stop.load(Ordering::Relaxed) {
                return;
            }
            match bind() {
                Ok(c) => break c,
                Err(_) => thread::sleep(Duration::from_millis(50)),
            }
        };
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = next.clone();
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

    /// Wake the workers so they see the stop flag.
    pub fn stop(&self) {
        let cur = self.now();
        for _ in 0..WORKERS {
            cur.server.unblock();
        }
    }
}

fn bind() -> std::io::Result<Arc<Current>> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    let addr = listener.local_addr()?;
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(Arc::new(Current {
        addr,
        server: Arc::new(server),
    }))
}

/// 128 unpredictable bits, hex: std's hasher keys come from the OS's random source.
fn secret() -> String {
    let word = || {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        h.finish()
    };
    format!("{:016x}{:016x}", word(), word())
}
