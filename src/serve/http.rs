//! Answering one request handed over by tiny_http: the method, Host and Origin checks, the
//! path checks, then the in-memory site, the server's own files or the live-reload stream.

use std::io::Cursor;
use std::sync::Arc;
use std::thread;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::backend::GATE_HEADER;
use super::inject::{self, EVENTS, PREFIX};
use super::mime;
use super::path::site_path;
use super::sse;
use super::state::{State, Status};
use crate::i18n::{ids, Catalog};

/// A response body: a file of the build (shared, not copied), or bytes made for this request.
pub enum Body {
    Shared(Arc<[u8]>),
    Owned(Vec<u8>),
    Static(&'static [u8]),
}

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        match self {
            Body::Shared(b) => b,
            Body::Owned(b) => b,
            Body::Static(b) => b,
        }
    }
}

pub type Reply = Response<Cursor<Body>>;

/// Answers up to this size fit the socket buffers and are written by the worker itself.
const INLINE_MAX: usize = 64 * 1024;

/// Answer one request (a live-reload stream on a thread of its own).
pub fn handle(rq: Request, state: &Arc<State>, token: &str) {
    // Only the gate may ask: it proves itself with the secret of this run (another program
    // of this machine that found tiny_http's port would otherwise pass every limit).
    if header_values(&rq, GATE_HEADER)[..] != [token] {
        let _ = rq.respond(plain(403, "ask the preview server's own address"));
        return;
    }
    match route(&rq, state) {
        Ok(reply) if reply.data_length().unwrap_or(0) > INLINE_MAX => {
            // A client that reads slowly would hold this worker for up to the write timeout:
            // big answers go out on their own thread (as many as the gate lets connections in).
            let spawned = thread::Builder::new()
                .name("guidepost-send".into())
                .stack_size(64 * 1024)
                .spawn(move || {
                    let _ = rq.respond(reply);
                });
            // If no thread can be had, the dropped request is answered 500 by tiny_http.
            drop(spawned);
        }
        Ok(reply) => {
            let _ = rq.respond(reply);
        }
        Err(Stream) => {
            let st = state.clone();
            // On failure the closure, and with it the request, is dropped: the client sees
            // the connection close and its EventSource retries.
            let _ = thread::Builder::new()
                .name("guidepost-sse".into())
                .stack_size(64 * 1024)
                .spawn(move || sse::stream(rq, st));
        }
    }
}

/// The request is a live-reload stream, to be served on its own thread.
struct Stream;

fn route(rq: &Request, state: &State) -> Result<Reply, Stream> {
    let head = match rq.method() {
        Method::Get => false,
        Method::Head => true,
        _ => {
            return Ok(plain(405, "only GET and HEAD are supported")
                .with_header(header("Allow", "GET, HEAD")))
        }
    };
    let hosts: Vec<&str> = header_values(rq, "Host");
    match hosts[..] {
        [h] if state.allowed.host(h) => {}
        [] => return Ok(plain(400, "the request has no Host header")),
        _ => {
            return Ok(plain(
                403,
                "this server answers only to localhost and its own address",
            ))
        }
    }
    if let Some(origin) = header_values(rq, "Origin").first() {
        if !state.allowed.origin(origin) {
            return Ok(plain(403, "requests from other origins are refused"));
        }
    }
    let path = match site_path(rq.url()) {
        Ok(p) => p,
        Err(r) => return Ok(plain(r.status(), r.reason())),
    };
    if path == EVENTS {
        let cross = header_values(rq, "Sec-Fetch-Site")
            .first()
            .is_some_and(|v| v.eq_ignore_ascii_case("cross-site"));
        if cross {
            return Ok(plain(403, "requests from other sites are refused"));
        }
        if head {
            return Ok(ok(Body::Static(b""), "text/event-stream; charset=utf-8"));
        }
        return Err(Stream);
    }
    if let Some((text, ctype)) = inject::own_file(&path) {
        return Ok(ok(Body::Static(text.as_bytes()), ctype));
    }
    if path.starts_with(PREFIX) {
        return Ok(plain(404, "not found"));
    }
    Ok(site_file(rq, &path, state))
}

/// A file of the build served now; an output whose sources changed is rendered first. If it
/// fails to render, its last good bytes are served and the problems shown.
fn site_file(rq: &Request, path: &str, state: &State) -> Reply {
    let Status { build, .. } = state.status();
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    let (bytes, problems) = build.get(&key);
    if problems.has_errors() {
        state.fail_with(problems);
    }
    if let Some(bytes) = bytes {
        let ctype = mime::content_type(&key);
        return page(bytes, ctype, 200, build.id, &state.catalog);
    }
    if build.has(&format!("{path}/index.html")) {
        // The raw path was checked: it starts with one `/` and has no empty segment.
        let (raw, query) = match rq.url().split_once('?') {
            Some((p, q)) => (p, format!("?{q}")),
            None => (rq.url(), String::new()),
        };
        return plain(301, "moved").with_header(header("Location", &format!("{raw}/{query}")));
    }
    if build.is_empty() {
        let t = &state.catalog;
        let html = format!(
            "<!DOCTYPE html><meta charset=\"utf-8\"><title>{}</title><body><p>{}</p></body>",
            t.text(ids::SERVE_NEVER_BUILT_TITLE, &[]),
            t.text(ids::SERVE_NEVER_BUILT, &[]),
        );
        return page(
            Arc::from(html.as_bytes()),
            "text/html; charset=utf-8",
            503,
            build.id,
            t,
        );
    }
    match build.get("404.html").0 {
        Some(b) => page(b, "text/html; charset=utf-8", 404, build.id, &state.catalog),
        None => plain(404, "not found"),
    }
}

/// A file of the site; HTML gets the live-reload tags.
fn page(bytes: Arc<[u8]>, ctype: &'static str, code: u16, build: u64, t: &Catalog) -> Reply {
    let body = if mime::is_html(ctype) {
        Body::Owned(inject::inject(&bytes, build, t))
    } else {
        Body::Shared(bytes)
    };
    ok(body, ctype).with_status_code(StatusCode(code))
}

fn ok(body: Body, ctype: &str) -> Reply {
    let len = body.as_ref().len();
    Response::new(
        StatusCode(200),
        vec![
            header("Content-Type", ctype),
            header("X-Content-Type-Options", "nosniff"),
            header("Cache-Control", "no-store"),
            header("Referrer-Policy", "no-referrer"),
        ],
        Cursor::new(body),
        Some(len),
        None,
    )
    .with_chunked_threshold(usize::MAX)
}

/// A short text answer, for errors and redirects.
pub fn plain(code: u16, text: &str) -> Reply {
    let body = Body::Owned(format!("{code} {text}\n").into_bytes());
    ok(body, "text/plain; charset=utf-8").with_status_code(StatusCode(code))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn header_values<'a>(rq: &'a Request, name: &'static str) -> Vec<&'a str> {
    rq.headers()
        .iter()
        .filter(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
        .collect()
}
