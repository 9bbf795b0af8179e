//! The live-reload stream: Server-Sent Events on `/__guidepost/events`, on the same port as
//! the site (tiny_http speaks no WebSocket). Each open page holds one stream, served by its
//! own thread; the number of streams is capped, and a heartbeat finds clients that left.
//!
//! Events: `build` `{"id":N}` when build N is served (a page built from another build
//! reloads), and `problems` `{"build":N,"errors":[…]}` when a rebuild failed and build N is
//! still served (the page shows the overlay).

use std::io::Write;
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::state::{Problem, State};

/// How often an idle stream sends a comment, so a client that left is noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);
/// Events queued for one slow stream before it misses some (it is then dropped).
const QUEUE: usize = 32;

#[derive(Debug, Clone)]
pub enum Event {
    Build(u64),
    Problems(u64, Arc<Vec<Problem>>),
}

impl Event {
    pub fn to_text(&self) -> String {
        let (name, data) = match self {
            Event::Build(id) => ("build", serde_json::json!({ "id": id })),
            Event::Problems(id, errors) => (
                "problems",
                serde_json::json!({ "build": id, "errors": &**errors }),
            ),
        };
        format!("event: {name}\ndata: {data}\n\n")
    }
}

/// The open streams.
pub struct Hub {
    streams: Mutex<Streams>,
    max: usize,
}

struct Streams {
    next: u64,
    /// Each stream's sender and the output its page shows (`a/b/index.html`), if it said.
    senders: Vec<(u64, SyncSender<Event>, Option<String>)>,
}

/// A place among the streams; leaving frees it.
pub struct Ticket<'a> {
    hub: &'a Hub,
    id: u64,
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        let mut s = self.hub.lock();
        s.senders.retain(|(id, _, _)| *id != self.id);
    }
}

impl Hub {
    pub fn new(max: usize) -> Hub {
        Hub {
            streams: Mutex::new(Streams {
                next: 0,
                senders: Vec::new(),
            }),
            max,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Streams> {
        self.streams.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A new stream for a page showing `page`, or None when `max` are open.
    pub fn join(&self, page: Option<String>) -> Option<(Ticket<'_>, Receiver<Event>)> {
        let mut s = self.lock();
        if s.senders.len() >= self.max {
            return None;
        }
        let (tx, rx) = sync_channel(QUEUE);
        s.next += 1;
        let id = s.next;
        s.senders.push((id, tx, page));
        Some((Ticket { hub: self, id }, rx))
    }

    pub fn send(&self, ev: &Event) {
        let mut s = self.lock();
        s.senders
            .retain(|(_, tx, _)| tx.try_send(ev.clone()).is_ok());
    }

    /// The outputs the open pages show, each once.
    pub fn open_pages(&self) -> Vec<String> {
        let s = self.lock();
        let mut v: Vec<String> = s.senders.iter().filter_map(|x| x.2.clone()).collect();
        v.sort();
        v.dedup();
        v
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lock().senders.len()
    }
}

/// Serve one stream until the client leaves. Runs on the stream's own thread.
pub fn stream(rq: tiny_http::Request, state: Arc<State>) {
    let Some((_ticket, rx)) = state.hub.join(shown_page(rq.url())) else {
        let _ = rq.respond(super::http::plain(
            503,
            "too many live-reload streams are open",
        ));
        return;
    };
    let mut w = rq.into_writer();
    let head = "HTTP/1.1 200 OK\r\n\
                Content-Type: text/event-stream; charset=utf-8\r\n\
                Cache-Control: no-store\r\n\
                X-Content-Type-Options: nosniff\r\n\
                Connection: close\r\n\r\n\
                retry: 1000\n\n";
    let mut text = head.to_string();
    // Joined first, then read: a build published in between is sent twice, never missed.
    for ev in state.status().events() {
        text.push_str(&ev.to_text());
    }
    if send(&mut w, &text).is_err() {
        return;
    }
    loop {
        let text = match rx.recv_timeout(HEARTBEAT) {
            Ok(ev) => ev.to_text(),
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&mut w, &text).is_err() {
            return;
        }
    }
}

/// The output a page shows, from its stream's `?page=/a/b/` (live.js sends its path).
fn shown_page(url: &str) -> Option<String> {
    let (_, query) = url.split_once('?')?;
    let value = query.split('&').find_map(|kv| kv.strip_prefix("page="))?;
    let path = percent_encoding::percent_decode_str(value)
        .decode_utf8()
        .ok()?;
    let path = super::path::site_path(&path).ok()?;
    Some(if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    })
}

fn send(w: &mut dyn Write, text: &str) -> std::io::Result<()> {
    w.write_all(text.as_bytes())?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_one_data_line_of_json() {
        let p = Problem {
            file: "guides/demo/faq.yaml".into(),
            line: 6,
            col: 5,
            message: "bad\nkey".into(),
            hint: None,
        };
        let text = Event::Problems(7, Arc::new(vec![p])).to_text();
        assert!(text.starts_with("event: problems\ndata: {"), "{text}");
        assert_eq!(text.matches('\n').count(), 3, "{text}");
        assert!(text.contains(r#""line":6"#));
        assert_eq!(
            Event::Build(3).to_text(),
            "event: build\ndata: {\"id\":3}\n\n"
        );
    }

    #[test]
    fn the_hub_caps_streams_and_frees_places() {
        let hub = Hub::new(2);
        let a = hub.join(Some("a/index.html".into())).unwrap();
        let _b = hub.join(None).unwrap();
        assert!(hub.join(None).is_none());
        assert_eq!(hub.open_pages(), ["a/index.html"]);
        drop(a);
        assert_eq!(hub.len(), 1);
        assert!(hub.open_pages().is_empty());
        assert!(hub.join(None).is_some());
    }

    #[test]
    fn a_stream_names_the_output_its_page_shows() {
        let page = |u: &str| shown_page(u);
        assert_eq!(
            page("/__guidepost/events?page=/a/b/").unwrap(),
            "a/b/index.html"
        );
        assert_eq!(page("/__guidepost/events?page=%2F").unwrap(), "index.html");
        assert_eq!(
            page("/__guidepost/events?x=1&page=%2F%E5%BA%97%2F").unwrap(),
            "店/index.html"
        );
        assert_eq!(
            page("/__guidepost/events?page=/404.html").unwrap(),
            "404.html"
        );
        assert_eq!(page("/__guidepost/events"), None);
        assert_eq!(page("/__guidepost/events?page=/../x/"), None);
    }
}
