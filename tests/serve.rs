//! `guidepost serve`, the real binary on a free port against a copy of tests/fixtures/minimal:
//! what it serves and what it refuses here; live reload, the problems stream and bursts of
//! changes in `serve/reload.rs`; limits, many and slow clients and a clean stop in
//! `serve/limits.rs`.

mod common;
#[path = "serve/config.rs"]
mod config;
#[path = "serve/limits.rs"]
mod limits;
#[path = "serve/reload.rs"]
mod reload;
#[path = "serve/support.rs"]
mod support;
#[path = "serve/watching.rs"]
mod watching;

use std::io::{Read, Write};

use common::Site;
use support::Serve;

fn serve() -> Serve {
    Serve::start(Site::fixture("minimal"), &[])
}

#[test]
fn pages_are_served_from_memory_with_types_and_the_live_reload_tags() {
    let s = serve();
    let home = s.get("/");
    assert_eq!(home.status, 200, "{}", s.log());
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("x-content-type-options"), Some("nosniff"));
    assert!(home.body.contains("演示站点"));
    assert!(home.body.contains("/__guidepost/live.js"));
    let page = s.get("/guide/a/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("第一篇"));
    let moved = s.get("/guide/a?x=1");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("location"), Some("/guide/a/?x=1"));
    let head = s.raw(&format!(
        "HEAD /guide/a/ HTTP/1.1\r\nHost: {}\r\n\r\n",
        s.host()
    ));
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let css = s.get("/__guidepost/live.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    let asset = page
        .body
        .split("href=\"")
        .filter_map(|x| x.split('"').next())
        .find(|h| h.contains("assets/style."))
        .expect("a stylesheet link");
    let asset = format!("/{}", asset.trim_start_matches("../"));
    let css = s.get(&asset);
    assert_eq!(css.status, 200, "{asset}");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(!css.body.contains("live.js"), "only HTML gets the tags");
    let missing = s.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("页面不存在"),
        "the site's own 404 page"
    );
    assert!(!s.site.path("public").exists(), "serve writes nothing");
}

#[test]
fn every_traversal_form_is_refused() {
    let site = Site::fixture("minimal");
    site.write("static/ok.txt", "fine");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "TOP-SECRET").unwrap();
    common::symlink(
        outside.path().join("secret.txt"),
        site.path("static/link.txt"),
    )
    .unwrap();
    common::symlink(outside.path(), site.path("static/dir")).unwrap();
    // Without this switch the build refuses these links (tests/security.rs); with it, serve
    // still answers only with files of the built site.
    site.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\nallow_outside_symlinks: true",
    );
    let s = Serve::start(site, &[]);
    assert_eq!(s.get("/ok.txt").body, "fine");
    let port = s.port;
    for target in [
        "/../site.yaml".to_string(),
        "/guide/../../site.yaml".into(),
        "/%2e%2e/site.yaml".into(),
        "/%2E%2E%2Fsite.yaml".into(),
        "/..%2fsite.yaml".into(),
        "/.%2e/site.yaml".into(),
        "/..\\site.yaml".into(),
        "/%5c..%5csite.yaml".into(),
        "/%c0%ae%c0%ae/site.yaml".into(),
        "//etc/passwd".into(),
        "/guide/a%00.html".into(),
        format!("http://127.0.0.1:{port}/../site.yaml"),
        format!("http://127.0.0.1:{port}/"),
        "127.0.0.1:80".into(),
    ] {
        let r = s.get(&target);
        assert!(
            r.status == 400 || r.status == 403,
            "{target}: {} {}",
            r.status,
            r.body
        );
        assert!(!r.body.contains("base_url"), "{target}");
    }
    for link in ["/link.txt", "/dir/secret.txt"] {
        let r = s.get(link);
        assert_eq!(
            r.status, 404,
            "{link}: symlinks out of the tree are not served"
        );
        assert!(!r.body.contains("TOP-SECRET"));
    }
}

#[test]
fn foreign_hosts_and_origins_are_refused() {
    let s = serve();
    let port = s.port;
    let get = |host: &str, extra: &str, path: &str| {
        s.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n"
        ))
    };
    assert_eq!(get(&format!("localhost:{port}"), "", "/").status, 200);
    for bad in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        "127.0.0.1".to_string(),
    ] {
        assert_eq!(get(&bad, "", "/").status, 403, "{bad}");
        assert_eq!(get(&bad, "", "/__guidepost/events").status, 403, "{bad}");
    }
    assert_eq!(s.raw("GET / HTTP/1.1\r\n\r\n").status, 400, "no Host");
    let two = format!("Host: evil.example:{port}\r\n");
    assert_eq!(get(&s.host(), &two, "/").status, 403, "two Hosts");
    let own = s.host();
    for origin in ["http://evil.example", "null", &format!("https://{own}")] {
        let r = get(
            &own,
            &format!("Origin: {origin}\r\n"),
            "/__guidepost/events",
        );
        assert_eq!(r.status, 403, "{origin}");
    }
    let r = get(
        &own,
        "Sec-Fetch-Site: cross-site\r\n",
        "/__guidepost/events",
    );
    assert_eq!(r.status, 403);
    // The own origin is let through: the stream answers 200 (and stays open).
    let mut c = s.connect();
    let req =
        format!("GET /__guidepost/events HTTP/1.1\r\nHost: {own}\r\nOrigin: http://{own}\r\n\r\n");
    c.write_all(req.as_bytes()).unwrap();
    let mut buf = [0u8; 64];
    let n = c.read(&mut buf).unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
}

#[test]
fn only_get_and_head_are_answered() {
    let s = serve();
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"] {
        let r = s.raw(&format!(
            "{method} / HTTP/1.1\r\nHost: {}\r\nContent-Length: 5\r\n\r\nhello",
            s.host()
        ));
        assert_eq!(r.status, 405, "{method}");
        assert_eq!(r.header("allow"), Some("GET, HEAD"), "{method}");
    }
}

/// The loopback ports the server process listens on (Linux: its socket descriptors matched
/// with the kernel's table of listening TCP sockets).
#[cfg(target_os = "linux")]
fn listening_ports(pid: u32) -> Vec<u16> {
    let inodes: Vec<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .flatten()
        .filter_map(|e| std::fs::read_link(e.path()).ok())
        .filter_map(|l| {
            let l = l.to_string_lossy().into_owned();
            Some(l.strip_prefix("socket:[")?.strip_suffix(']')?.to_string())
        })
        .collect();
    let table = std::fs::read_to_string(format!("/proc/{pid}/net/tcp")).unwrap();
    table
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let listening = f[3] == "0A";
            let port = u16::from_str_radix(f[1].split(':').nth(1)?, 16).ok()?;
            (listening && inodes.iter().any(|i| i == f[9])).then_some(port)
        })
        .collect()
}

#[test]
#[cfg(target_os = "linux")]
fn the_backend_port_answers_only_the_gate() {
    let s = serve();
    assert_eq!(s.get("/").status, 200);
    let ports = listening_ports(s.child.id());
    assert_eq!(ports.len(), 2, "the gate and tiny_http: {ports:?}");
    let backend = ports.into_iter().find(|&p| p != s.port).unwrap();
    let mut conn = std::net::TcpStream::connect(("127.0.0.1", backend)).unwrap();
    conn.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    // A well-formed request for a page, with a Host the gate would let through.
    write!(
        conn,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Guidepost-Gate: guess\r\nConnection: close\r\n\r\n",
        s.port
    )
    .unwrap();
    let mut answer = String::new();
    let _ = conn.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 403 "), "{answer}");
    assert!(
        answer.ends_with("ask the preview server's own address\n"),
        "{answer}"
    );
    assert!(!answer.contains("演示站点"));
}
