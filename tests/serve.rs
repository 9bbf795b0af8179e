//! `guidepost serve`, the real binary on a free port against a copy of tests/fixtures/minimal:
//! what it serves, what it refuses, live reload and the problems stream, bursts of changes,
//! many and slow clients, and a clean stop.

mod common;
#[path = "serve/support.rs"]
mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::thread;
use std::time::{Duration, Instant};

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
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        site.path("static/link.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path("static/dir")).unwrap();
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

#[test]
fn long_urls_and_huge_heads_are_refused_with_bounded_memory() {
    let s = serve();
    let long = format!("/{}", "a".repeat(10_000));
    assert_eq!(s.get(&long).status, 414);
    let big = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\n{}\r\n",
        s.host(),
        (0..400)
            .map(|i| format!("X-{i}: {}\r\n", "v".repeat(100)))
            .collect::<String>()
    );
    assert_eq!(s.raw(&big).status, 431);
    // A client that never ends its head is cut off, not waited for forever.
    let mut c = s.connect();
    c.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    let mut junk = vec![b'x'; 1 << 20];
    junk.extend_from_slice(b"\r\n");
    let _ = c.write_all(&junk);
    let mut buf = Vec::new();
    let _ = c.read_to_end(&mut buf);
    assert!(String::from_utf8_lossy(&buf).starts_with("HTTP/1.1 431"));
    assert_eq!(s.get("/").status, 200);
}

#[test]
fn a_broken_yaml_edit_keeps_the_last_build_and_streams_the_problem() {
    let s = serve();
    let mut ev = s.events();
    ev.wait_for("build", 5);
    s.site
        .edit("guides/demo/faq.yaml", "审核要多久？", "审核需要多久？");
    ev.wait_for("build", 20);
    assert!(s.get("/demo/faq/").body.contains("审核需要多久？"));

    s.site
        .edit("guides/demo/faq.yaml", "审核需要多久？", "审核到底要多久？");
    s.site.edit(
        "guides/demo/faq.yaml",
        "    tags: [审核]",
        "    tagz: [审核]",
    );
    let problem = ev.wait_for("problems", 20);
    assert!(
        problem.data.contains(r#""file":"guides/demo/faq.yaml""#),
        "{}",
        problem.data
    );
    assert!(problem.data.contains(r#""line":6"#), "{}", problem.data);
    assert!(problem.data.contains(r#""col":5"#), "{}", problem.data);
    assert!(problem.data.contains("tagz"), "{}", problem.data);
    let still = s.get("/demo/faq/");
    assert_eq!(still.status, 200);
    assert!(
        still.body.contains("审核需要多久？"),
        "the last good build stays"
    );
    // A page opened now learns of the problem at once.
    let mut late = s.events();
    late.wait_for("problems", 5);

    s.site.edit(
        "guides/demo/faq.yaml",
        "    tagz: [审核]",
        "    tags: [审核]",
    );
    let fixed = ev.wait_for("build", 20);
    late.wait_for("build", 5);
    assert!(!fixed.data.is_empty());
    assert!(s.get("/demo/faq/").body.contains("审核到底要多久？"));
}

#[test]
fn one_edited_page_is_rebuilt_alone_and_a_broken_one_is_reported() {
    let s = serve();
    let mut ev = s.events();
    ev.wait_for("build", 5);
    s.site.edit("content/guide/b.md", "返回", "回到");
    ev.wait_for("build", 20);
    assert!(s.get("/guide/b/").body.contains("回到"));
    assert!(
        s.log().contains("rebuilt content/guide/b.md"),
        "{}",
        s.log()
    );
    s.site.edit("content/guide/b.md", "(a.md)", "(nope.md)");
    let p = ev.wait_for("problems", 20);
    assert!(
        p.data.contains(r#""file":"content/guide/b.md""#),
        "{}",
        p.data
    );
    assert!(p.data.contains(r#""line":7"#), "{}", p.data);
    s.site.edit("content/guide/b.md", "(nope.md)", "(a.md)");
    ev.wait_for("build", 20);
    // A changed title shows on other pages: the whole site is rebuilt.
    s.site
        .edit("content/guide/b.md", "title: 第二篇", "title: 第二篇文章");
    ev.wait_for("build", 20);
    assert!(s.get("/guide/").body.contains("第二篇文章"));
}

#[test]
fn editor_saves_in_odd_shapes_end_in_the_right_build() {
    let s = serve();
    let mut ev = s.events();
    ev.wait_for("build", 5);
    // Swap, backup and test files of editors change nothing.
    s.site.write("content/guide/.a.md.swp", "swap");
    s.site.write("content/guide/4913", "");
    s.site.write("content/guide/a.md~", "backup");
    s.site.write("content/guide/.#a.md", "lock");
    let quiet = ev.drain(Duration::from_millis(800));
    assert!(quiet.is_empty(), "{quiet:?}");
    // Rename over the original.
    let text = s
        .site
        .read("content/guide/a.md")
        .replace("## 开始", "## 开始\n\n改名保存。");
    s.site.write("content/guide/a.md.tmp", &text);
    std::fs::rename(
        s.site.path("content/guide/a.md.tmp"),
        s.site.path("content/guide/a.md"),
    )
    .unwrap();
    ev.wait_for("build", 20);
    assert!(s.get("/guide/a/").body.contains("改名保存。"));
    // A folder deleted, then made again.
    std::fs::remove_dir_all(s.site.path("content/guide")).unwrap();
    ev.wait_for("build", 20);
    assert_eq!(s.get("/guide/a/").status, 404);
    s.site
        .write("content/guide/c.md", "---\ntitle: 新文章\n---\n新的。\n");
    ev.wait_for("build", 20);
    s.get_until("/guide/c/", 10, |r| r.status == 200);
}

#[test]
fn a_burst_of_500_writes_ends_in_one_consistent_build() {
    let s = serve();
    let mut ev = s.events();
    let first = ev.wait_for("build", 5);
    for i in 0..500 {
        s.site.write(
            &format!("content/burst/p-{i:03}.md"),
            &format!("---\ntitle: 第 {i} 页\n---\n正文 {i}。\n"),
        );
    }
    let events = ev.drain(Duration::from_secs(3));
    let builds: Vec<_> = events.iter().filter(|e| e.name == "build").collect();
    assert!(!builds.is_empty(), "no build after the burst");
    assert!(
        builds.len() <= 10,
        "the burst was not debounced: {} builds",
        builds.len()
    );
    assert_eq!(events.last().unwrap().name, "build", "{events:?}");
    let last = &builds.last().unwrap().data;
    assert_ne!(last, &first.data);
    let id = last.trim_start_matches("{\"id\":").trim_end_matches('}');
    for i in 0..500 {
        let r = s.get(&format!("/burst/p-{i:03}/"));
        assert_eq!(r.status, 200, "p-{i:03}");
        assert!(r.body.contains(&format!("正文 {i}。")));
        assert!(
            r.body.contains(&format!("data-build=\"{id}\"")),
            "one build serves them all"
        );
    }
}

#[test]
fn many_idle_and_slow_clients_do_not_stop_a_normal_request() {
    let s = serve();
    let mut idle: Vec<TcpStream> = (0..600).map(|_| s.connect()).collect();
    let mut slow: Vec<TcpStream> = (0..400).map(|_| s.connect()).collect();
    for c in &mut slow {
        c.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    }
    let start = Instant::now();
    let r = s.get("/guide/a/");
    assert_eq!(r.status, 200);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    // Slow clients trickle a byte each round; a normal request still answers meanwhile.
    for round in 0..10 {
        for c in &mut slow {
            let _ = c.write_all(b"X");
        }
        if round % 3 == 0 {
            assert_eq!(s.get("/").status, 200, "round {round}");
        }
        thread::sleep(Duration::from_millis(50));
    }
    idle.clear();
    slow.clear();
    thread::sleep(Duration::from_millis(200));
    assert_eq!(s.get("/").status, 200, "still answering after all of it");
}

#[test]
fn the_connection_cap_answers_503_and_idle_clients_time_out() {
    let s = Serve::start(
        Site::fixture("minimal"),
        &["--max-connections", "20", "--client-timeout-ms", "400"],
    );
    let mut conns: Vec<TcpStream> = (0..30).map(|_| s.connect()).collect();
    let mut codes = Vec::new();
    for c in &mut conns {
        let mut buf = Vec::new();
        let _ = c.read_to_end(&mut buf);
        codes.push(
            String::from_utf8_lossy(&buf)
                .chars()
                .skip(9)
                .take(3)
                .collect::<String>(),
        );
    }
    assert!(codes.iter().any(|c| c == "503"), "{codes:?}");
    assert!(codes.iter().any(|c| c == "408"), "{codes:?}");
    assert!(codes.iter().all(|c| c == "503" || c == "408"), "{codes:?}");
    drop(conns);
    s.get_until("/", 5, |r| r.status == 200);
}

#[test]
fn accepting_goes_on_after_accept_errors() {
    let s = Serve::start_with(
        Site::fixture("minimal"),
        &["--client-timeout-ms", "300"],
        Some(64),
    );
    let conns: Vec<TcpStream> = (0..150)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", s.port)).ok())
        .collect();
    thread::sleep(Duration::from_millis(1500));
    drop(conns);
    let r = s.get_until("/", 10, |r| r.status == 200);
    assert!(r.body.contains("演示站点"));
    assert!(
        s.log().contains("accepting a connection failed"),
        "{}",
        s.log()
    );
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let mut s = serve();
    assert_eq!(s.get("/").status, 200);
    let pid = s.child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let end = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(st) = s.child.try_wait().unwrap() {
            break st;
        }
        assert!(Instant::now() < end, "serve did not stop on Ctrl-C");
        thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    thread::sleep(Duration::from_millis(100));
    assert!(s.log().contains("stopped"), "{}", s.log());
    assert!(
        TcpStream::connect(("127.0.0.1", s.port)).is_err(),
        "the port is released"
    );
}

#[test]
fn a_site_that_never_built_shows_its_problems_until_fixed() {
    let site = Site::fixture("minimal");
    site.edit("site.yaml", "title:", "titel:");
    let s = Serve::start(site, &[]);
    let r = s.get("/");
    assert_eq!(r.status, 503);
    assert!(r.body.contains("live.js"));
    let mut ev = s.events();
    let p = ev.wait_for("problems", 5);
    assert!(p.data.contains(r#""file":"site.yaml""#), "{}", p.data);
    s.site.edit("site.yaml", "titel:", "title:");
    ev.wait_for("build", 20);
    assert_eq!(s.get("/").status, 200);
}
