//! The gate: owns the listening socket and every limit tiny_http leaves to its user.
//!
//! tiny_http accepts without limit (a thread per connection), reads header lines of any
//! length, never times a client out, and stops accepting after the first accept error. So
//! clients never reach it directly: the gate accepts (and keeps accepting after an error,
//! with a short pause when out of file descriptors), caps concurrent connections (503 over
//! the cap), reads the request head within a time limit and size limits (408, 414, 431), and
//! passes the checked head to tiny_http on its private loopback port with `Connection: close`,
//! then copies the answer back under a write timeout (slow readers). Everything about the
//! request itself (method, Host, path) is decided by the HTTP layer behind it.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::backend::Backend;
use super::head::{self, HeadLimits};
use super::Notice;

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_connections: usize,
    pub head: HeadLimits,
    /// A client that reads its answer slower than this is dropped.
    pub write_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 2048,
            head: HeadLimits {
                max_line: 8 * 1024,
                max_head: 32 * 1024,
                timeout: Duration::from_secs(10),
            },
            write_timeout: Duration::from_secs(10),
        }
    }
}

pub struct Gate {
    pub listener: TcpListener,
    /// tiny_http, behind its private socket.
    pub backend: Arc<Backend>,
    pub limits: Limits,
    pub stop: Arc<AtomicBool>,
    pub notice: Arc<dyn Fn(Notice) + Send + Sync>,
}

/// A connection's place under the cap, freed when the connection ends.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Gate {
    /// Accept until stopped.
    pub fn run(self) {
        let open = Arc::new(AtomicUsize::new(0));
        let limits = Arc::new(self.limits);
        let mut last_report: Option<Instant> = None;
        while !self.stop.load(Ordering::Relaxed) {
            let conn = match self.listener.accept() {
                Ok((conn, _)) => conn,
                Err(e) => {
                    // Out of descriptors, or a connection reset before it was accepted: the
                    // listener is fine, so pause briefly (to let connections close) and go on.
                    if last_report.is_none_or(|t| t.elapsed() > Duration::from_secs(5)) {
                        (self.notice)(Notice::AcceptError(e));
                        last_report = Some(Instant::now());
                    }
                    thread::sleep(Duration::from_millis(20));
                    continue;
                }
            };
            if open.fetch_add(1, Ordering::AcqRel) >= limits.max_connections {
                open.fetch_sub(1, Ordering::AcqRel);
                refuse(conn, 503, "Service Unavailable");
                continue;
            }
            let slot = Slot(open.clone());
            let (limits, backend) = (limits.clone(), self.backend.clone());
            let spawned = thread::Builder::new()
                .name("guidepost-conn".into())
                .stack_size(64 * 1024)
                .spawn(move || {
                    let _slot = slot;
                    serve(conn, &backend, &limits);
                });
            if spawned.is_err() {
                // The closure (connection and slot) was dropped: the client sees a close.
                thread::sleep(Duration::from_millis(20));
            }
        }
    }
}

/// Over the cap: answer without blocking the accept loop, and close.
fn refuse(conn: TcpStream, code: u16, reason: &str) {
    let _ = conn.set_nonblocking(true);
    let _ = (&conn).write_all(status_text(code, reason).as_bytes());
    let _ = conn.shutdown(Shutdown::Write);
}

fn status_text(code: u16, reason: &str) -> String {
    let body = format!("{code} {reason}\n");
    format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

fn serve(mut conn: TcpStream, backend: &Arc<Backend>, limits: &Limits) {
    let _ = conn.set_nodelay(true);
    let _ = conn.set_write_timeout(Some(limits.write_timeout));
    let forwarded =
        head::read(&mut conn, &limits.head).and_then(|h| head::forward(&h, backend.token()));
    let head = match forwarded {
        Ok(h) => h,
        Err(e) => {
            if let Some((code, reason)) = e.status() {
                let _ = conn.write_all(status_text(code, reason).as_bytes());
                linger(&mut conn);
            }
            return;
        }
    };
    let addr = backend.addr();
    let Ok(mut backend) = connect(addr).or_else(|_| {
        backend.failed(addr);
        connect(backend.addr())
    }) else {
        let _ = conn.write_all(status_text(503, "Service Unavailable").as_bytes());
        return;
    };
    // Every answer starts at once and a live-reload stream beats every 15 s: a backend
    // silent for longer is stuck, and the connection is given up.
    let _ = backend.set_read_timeout(Some(Duration::from_secs(60)));
    if backend.write_all(&head).is_err() {
        return;
    }
    // The answer, until tiny_http closes (every answer is the last on its connection). A
    // live-reload stream stays here as long as the page is open; its heartbeat ends it when
    // the client is gone.
    if copy(&mut backend, &mut conn).is_ok() {
        linger(&mut conn);
    }
    let _ = backend.shutdown(Shutdown::Both);
}

fn connect(addr: SocketAddr) -> io::Result<TcpStream> {
    let s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    let _ = s.set_nodelay(true);
    Ok(s)
}

fn copy(from: &mut TcpStream, to: &mut TcpStream) -> io::Result<()> {
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        to.write_all(&buf[..n])?;
    }
}

/// Close gently: stop sending, then read (and drop) what the client still sends for a moment,
/// so closing with unread bytes does not reset the connection before the answer arrives.
fn linger(conn: &mut TcpStream) {
    let _ = conn.shutdown(Shutdown::Write);
    let _ = conn.set_read_timeout(Some(Duration::from_millis(200)));
    let mut buf = [0u8; 4096];
    let mut total = 0;
    while total < 256 * 1024 {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => total += n,
        }
    }
}
