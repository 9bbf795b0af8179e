//! Stage 7: `guidepost serve`, a live-reload preview for content editors.
//!
//! Builds the site in memory, serves it on a local address, watches the sources, rebuilds
//! what a change touches and reloads every open page; when a rebuild fails, the last good
//! build stays served and the problems show over every open page. Nothing is written to the
//! site folder, and only files of the in-memory build are ever served.
//!
//! The parts, each on its own threads and sharing one [`state::State`]:
//!
//! - [`gate`]: the listening socket and the connection limits (count, head size, time);
//! - [`backend`]: behind the gate, tiny_http on a private loopback port, replaced if it fails;
//! - [`http`]: the answer to each request: method, [`host`] (Host and Origin), [`path`]
//!   (traversal), the in-memory site, the live-reload stream ([`sse`]);
//! - [`watch`] → [`plan`] → [`rebuild`] ([`affected`]): changed paths, the outputs they
//!   affect, a new build that keeps the others ([`site`]), publication; affected outputs are
//!   rendered from their [`snapshot`] of the sources: the open pages before the reload, the
//!   rest when requested or in the background.
//!
//! This stage reads the pipeline (`build`, `check`, `load`, `render`) and is read by no stage.

mod affected;
mod backend;
mod gate;
mod head;
mod host;
mod http;
mod inject;
mod load;
mod mime;
mod path;
mod plan;
mod probe;
mod rebuild;
mod site;
mod snapshot;
mod spare;
mod sse;
mod state;
mod watch;
mod worker;

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::diag::Diagnostics;
use crate::i18n::Catalog;
pub use gate::Limits;
pub use rebuild::{Outcome, Rebuilder};
pub use site::Build;
use state::{Problem, State};
pub use watch::Batch;

pub struct Options {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub limits: Limits,
    /// Open live-reload streams at most (one per open page).
    pub max_streams: usize,
    /// Find changes by polling instead of the system's file events.
    pub poll: bool,
    /// The language of the overlay (the command's catalogue).
    pub catalog: Arc<Catalog>,
    /// Called with what happens, for the command to print.
    pub notice: Arc<dyn Fn(Notice) + Send + Sync>,
}

/// What the server tells its user.
pub enum Notice {
    Built {
        /// The one page re-rendered (`content/a.md`), or `None` for the whole site.
        page: Option<String>,
        build: u64,
        took: Duration,
    },
    Failed {
        diags: Diagnostics,
        took: Duration,
    },
    Warnings(Diagnostics),
    AcceptError(std::io::Error),
    /// The system's file events cannot be had (the reason): changes are found by polling.
    Polling(String),
    /// Changes will not be seen; the server goes on serving.
    WatchError(String),
}

#[derive(Debug)]
pub enum Error {
    Bind(SocketAddr, std::io::Error),
    Start(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Bind(addr, e) => write!(f, "cannot listen on {addr}: {e}"),
            Error::Start(e) => write!(f, "cannot start the server: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// A running server; [`Server::stop`] ends it.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    backend: Arc<backend::Backend>,
}

/// Bind, build the site, and start serving and watching.
pub fn start(opts: Options) -> Result<Server, Error> {
    let want = SocketAddr::new(opts.bind, opts.port);
    let listener = TcpListener::bind(want).map_err(|e| Error::Bind(want, e))?;
    let addr = listener.local_addr().map_err(|e| Error::Bind(want, e))?;
    let local = local_addr(addr);
    let allowed = host::Allowed {
        ip: addr.ip(),
        port: addr.port(),
    };
    let first_id = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0);
    let base_url = format!("http://{local}/");
    let mut rebuilder = Rebuilder::new(opts.root.clone(), base_url, first_id, opts.notice.clone());
    let (build, problems) = match rebuilder.first() {
        Outcome::Built(b) => (b, None),
        Outcome::Failed(d) => (
            Arc::new(Build::empty(first_id)),
            Some(Problem::list(d, &opts.catalog)),
        ),
    };
    let state = Arc::new(State::new(
        build.clone(),
        allowed,
        opts.max_streams,
        opts.catalog.clone(),
    ));
    let worker = worker::Worker::start(state.clone()).map_err(|e| Error::Start(e.to_string()))?;
    match problems {
        Some(p) => state.fail(p),
        // The search index, made while the server already answers.
        None => worker.submit(build),
    }

    let stop = Arc::new(AtomicBool::new(false));
    let backend = backend::Backend::start(state.clone(), stop.clone(), opts.notice.clone())
        .map_err(|e| Error::Start(e.to_string()))?;
    let mode = if opts.poll {
        watch::Mode::Poll
    } else {
        watch::Mode::Auto
    };
    match watch::Watch::start(&opts.root, mode) {
        Ok((w, fell_back)) => {
            if let Some(reason) = fell_back {
                (opts.notice)(Notice::Polling(reason));
            }
            let st = state.clone();
            spawn("guidepost-rebuild", move || rebuilder.run(w, st, worker))?;
        }
        Err(e) => {
            (opts.notice)(Notice::WatchError(e.to_string()));
            state.unwatched(&e.to_string());
        }
    }
    let g = gate::Gate {
        listener,
        backend: backend.clone(),
        limits: opts.limits,
        stop: stop.clone(),
        notice: opts.notice.clone(),
    };
    spawn("guidepost-gate", move || g.run())?;
    Ok(Server {
        addr,
        stop,
        backend,
    })
}

fn spawn(name: &str, f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
    thread::Builder::new()
        .name(name.into())
        .spawn(f)
        .map(|_| ())
        .map_err(|e| Error::Start(e.to_string()))
}

/// The address to reach a server bound to `addr` from this machine.
fn local_addr(addr: SocketAddr) -> SocketAddr {
    if addr.ip().is_unspecified() {
        SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port())
    } else {
        addr
    }
}

impl Server {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL to open in a browser on this machine.
    pub fn url(&self) -> String {
        format!("http://{}/", local_addr(self.addr))
    }

    /// Stop accepting and answering; open connections are closed when the process ends.
    pub fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wake the accept loop and the workers so they see the flag.
        let _ = TcpStream::connect_timeout(&local_addr(self.addr), Duration::from_millis(200));
        self.backend.stop();
    }
}
