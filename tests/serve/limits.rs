//! Limits: sizes, many idle and slow clients, the connection cap, running out of file
//! descriptors, and stopping on Ctrl-C.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::thread;
use std::time::{Duration, Instant};

use crate::common::Site;
use crate::support::Serve;

fn serve() -> Serve {
    Serve::start(Site::fixture("minimal"), &[])
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
fn requests_while_out_of_file_descriptors_do_not_break_the_server() {
    let s = Serve::start_with(
        Site::fixture("minimal"),
        &["--client-timeout-ms", "2000"],
        Some(48),
    );
    let port = s.port;
    let host = s.host();
    let busy: Vec<_> = (0..8)
        .map(|_| {
            let host = host.clone();
            thread::spawn(move || {
                let end = Instant::now() + Duration::from_millis(2500);
                while Instant::now() < end {
                    if let Ok(mut c) = TcpStream::connect(("127.0.0.1", port)) {
                        let _ = c.set_read_timeout(Some(Duration::from_secs(3)));
                        let req = format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n");
                        let _ = c.write_all(req.as_bytes());
                        let _ = c.read_to_end(&mut Vec::new());
                    }
                }
            })
        })
        .collect();
    let idle: Vec<TcpStream> = (0..60)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", port)).ok())
        .collect();
    for b in busy {
        b.join().unwrap();
    }
    drop(idle);
    let r = s.get_until("/", 15, |r| r.status == 200);
    assert!(r.body.contains("演示站点"));
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
fn clients_that_never_read_a_big_answer_do_not_hold_up_others() {
    let site = Site::fixture("minimal");
    std::fs::create_dir_all(site.path("static")).unwrap();
    site.write_bytes("static/big.bin", &vec![7u8; 8 << 20]);
    let s = Serve::start(site, &[]);
    let stuck: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut c = s.connect();
            let req = format!("GET /big.bin HTTP/1.1\r\nHost: {}\r\n\r\n", s.host());
            c.write_all(req.as_bytes()).unwrap();
            c
        })
        .collect();
    thread::sleep(Duration::from_millis(500));
    let start = Instant::now();
    assert_eq!(s.get("/guide/a/").status, 200);
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "a normal request waited {:?} behind clients that do not read",
        start.elapsed()
    );
    drop(stuck);
}
