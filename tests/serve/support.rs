//! Running `guidepost serve` in tests: start the real binary on a free port against a copy of
//! a fixture site, talk raw HTTP to it (so requests go out exactly as written, `..` and all),
//! and read its live-reload stream.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::Site;

/// The page as built, without the live-reload tags the server adds.
pub fn without_live_tags(html: &str) -> String {
    let start = html.find("<link rel=\"stylesheet\" href=\"/__guidepost/live.css\">");
    let start = start.expect("served pages have the live-reload tags");
    let end = html[start..].find("defer></script>\n").unwrap() + start + "defer></script>\n".len();
    format!("{}{}", &html[..start], &html[end..])
}

pub struct Serve {
    pub child: Child,
    pub port: u16,
    pub site: Site,
    pub stderr: Arc<Mutex<String>>,
}

/// The language environment a server starts in.
enum Locale {
    /// `LANG=en_US.UTF-8`, for tests that read the server's log lines.
    English,
    /// No language variables: the default language.
    None,
    /// The test run's own, as a user types a documented command.
    Inherit,
}

impl Serve {
    pub fn start(site: Site, extra: &[&str]) -> Serve {
        Self::start_with(site, extra, None)
    }

    /// `nofile`: run under `ulimit -n` (to make accept fail).
    pub fn start_with(site: Site, extra: &[&str], nofile: Option<u32>) -> Serve {
        Self::start_after(site, extra, nofile.map(|n| format!("ulimit -n {n}")))
    }

    /// Run `shell` (a shell command line) first, then exec the server in the same process.
    pub fn start_after(site: Site, extra: &[&str], shell: Option<String>) -> Serve {
        Self::start_in(site, extra, shell, Locale::English)
    }

    /// Start with no language in the environment: the server speaks its default, Chinese.
    pub fn start_default_language(site: Site, extra: &[&str]) -> Serve {
        Self::start_in(site, extra, None, Locale::None)
    }

    fn start_in(site: Site, extra: &[&str], shell: Option<String>, locale: Locale) -> Serve {
        let root = site.dir.path().to_str().unwrap().to_string();
        let mut args: Vec<String> = vec!["serve".into(), "--root".into(), root];
        args.extend(["--port".into(), "0".into()]);
        args.extend(extra.iter().map(|s| s.to_string()));
        let cwd = site.dir.path().to_path_buf();
        Self::spawn(site, &cwd, &args, shell, locale)
    }

    /// Run `guidepost ARGS` exactly as written, in `cwd` (relative to the site's temp folder),
    /// as a user types a documented command: no `--root` or `--port` added.
    pub fn command(site: Site, cwd: &str, args: &[&str]) -> Serve {
        let cwd = site.dir.path().join(cwd);
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        Self::spawn(site, &cwd, &args, None, Locale::Inherit)
    }

    fn spawn(
        site: Site,
        cwd: &Path,
        args: &[String],
        shell: Option<String>,
        locale: Locale,
    ) -> Serve {
        let bin = env!("CARGO_BIN_EXE_guidepost");
        let mut cmd = match shell {
            Some(first) => {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg(format!("{first} && exec \"$0\" \"$@\""))
                    .arg(bin)
                    .args(args);
                c
            }
            None => {
                let mut c = Command::new(bin);
                c.args(args);
                c
            }
        };
        cmd.current_dir(cwd);
        match locale {
            Locale::English => {
                cmd.env("LANG", "en_US.UTF-8")
                    .env_remove("LC_ALL")
                    .env_remove("LC_MESSAGES");
            }
            Locale::None => {
                cmd.env_remove("LANG")
                    .env_remove("LC_ALL")
                    .env_remove("LC_MESSAGES");
            }
            Locale::Inherit => {}
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        let (tx, rx) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                // The startup line names the address in either language.
                if let Some((_, rest)) = line.split_once("http://127.0.0.1:") {
                    let port: u16 = rest.split('/').next().unwrap().parse().unwrap();
                    let _ = tx.send(port);
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let err = child.stderr.take().unwrap();
        let sink = stderr.clone();
        thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let port = match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(p) => p,
            Err(_) => {
                let _ = child.kill();
                panic!("serve did not start:\n{}", stderr.lock().unwrap());
            }
        };
        Serve {
            child,
            port,
            site,
            stderr,
        }
    }

    /// Each of `pages` (URL, file in a build) is served exactly as a clean `guidepost build`
    /// of the site's current sources writes it, for this server's address. Returns the files'
    /// texts, in order.
    pub fn assert_as_built(&self, pages: &[(&str, &str)]) -> Vec<String> {
        let out = tempfile::tempdir().unwrap();
        let out_dir = out.path().join("html");
        let base = format!("http://{}/", self.host());
        let built = self.site.run(&[
            "build",
            "--output",
            out_dir.to_str().unwrap(),
            "--base-url",
            &base,
        ]);
        assert_eq!(built.code, 0, "{}", built.stderr);
        pages
            .iter()
            .map(|(url, file)| {
                let got = self.get(url);
                assert_eq!(got.status, 200, "{url}");
                let clean = std::fs::read_to_string(out_dir.join(file)).unwrap();
                assert_eq!(without_live_tags(&got.body), clean, "{url}");
                clean
            })
            .collect()
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s
    }

    /// Send `text` as it is and read the answer to the end.
    pub fn raw(&self, text: &str) -> Resp {
        let mut s = self.connect();
        s.write_all(text.as_bytes()).unwrap();
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        Resp::parse(&buf)
    }

    pub fn get(&self, path: &str) -> Resp {
        self.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: test\r\n\r\n",
            self.host()
        ))
    }

    /// Poll `path` until `pred` holds for its answer (or panic after `secs`).
    pub fn get_until(&self, path: &str, secs: u64, pred: impl Fn(&Resp) -> bool) -> Resp {
        let end = Instant::now() + Duration::from_secs(secs);
        loop {
            let r = self.get(path);
            if pred(&r) {
                return r;
            }
            assert!(
                Instant::now() < end,
                "{path}: gave up waiting; last answer {} {}\nstderr:\n{}",
                r.status,
                r.body,
                self.log()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn events(&self) -> Events {
        self.events_of("")
    }

    /// The live-reload stream of a page showing `page` (`/a/b/`), as live.js opens it.
    pub fn events_at(&self, page: &str) -> Events {
        self.events_of(&format!("?page={page}"))
    }

    fn events_of(&self, query: &str) -> Events {
        let mut s = self.connect();
        let req = format!(
            "GET /__guidepost/events{query} HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            self.host()
        );
        s.write_all(req.as_bytes()).unwrap();
        let mut ev = Events {
            reader: BufReader::new(s),
        };
        let mut line = String::new();
        ev.reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "events: {line}");
        loop {
            line.clear();
            ev.reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
        }
        ev
    }

    pub fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// The log once it holds `needle` (its lines are read on another thread, which may lag
    /// behind the events on a busy machine); panics with the log after `secs`.
    pub fn log_until(&self, needle: &str, secs: u64) -> String {
        let end = Instant::now() + Duration::from_secs(secs);
        loop {
            let log = self.log();
            if log.contains(needle) {
                return log;
            }
            assert!(Instant::now() < end, "no {needle:?} in the log:\n{log}");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    fn parse(buf: &[u8]) -> Resp {
        let text = String::from_utf8_lossy(buf).into_owned();
        let Some((head, body)) = text.split_once("\r\n\r\n") else {
            return Resp {
                status: 0,
                headers: Vec::new(),
                body: text,
            };
        };
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Resp {
            status,
            headers,
            body: body.to_string(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A live-reload stream as a page sees it.
pub struct Events {
    reader: BufReader<TcpStream>,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    pub data: String,
}

impl Events {
    /// The next event, or None if none came within `timeout`.
    pub fn next(&mut self, timeout: Duration) -> Option<Event> {
        let end = Instant::now() + timeout;
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            self.reader.get_ref().set_read_timeout(Some(left)).unwrap();
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed"),
                Ok(_) => {}
                Err(_) => return None,
            }
            let line = line.trim_end_matches('\n');
            if line.is_empty() {
                if !name.is_empty() {
                    return Some(Event { name, data });
                }
                continue;
            }
            if let Some(v) = line.strip_prefix("event: ") {
                name = v.to_string();
            } else if let Some(v) = line.strip_prefix("data: ") {
                data = v.to_string();
            }
        }
    }

    /// Skip events until one named `name` comes (panic after `secs`).
    pub fn wait_for(&mut self, name: &str, secs: u64) -> Event {
        let end = Instant::now() + Duration::from_secs(secs);
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.next(left) {
                Some(e) if e.name == name => return e,
                Some(_) => {}
                None => panic!("no `{name}` event within {secs} s"),
            }
        }
    }

    /// Every event until none came for `quiet`.
    pub fn drain(&mut self, quiet: Duration) -> Vec<Event> {
        let mut v = Vec::new();
        while let Some(e) = self.next(quiet) {
            v.push(e);
        }
        v
    }
}
