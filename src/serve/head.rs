//! Reading a request head from a client with bounded memory and time: the limits tiny_http
//! leaves to its user. A request line longer than `max_line` is 414, a head longer than
//! `max_head` (or with more than `MAX_HEADERS` lines) is 431, a head not complete within the
//! time limit is 408. Only what a GET or HEAD needs is passed on: no body, one request per
//! connection.

use std::io::{ErrorKind, Read};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::backend::GATE_HEADER;

const MAX_HEADERS: usize = 100;

/// Headers the gate answers for itself and never passes on: it closes every connection after
/// one response and passes no body.
const HOP_BY_HOP: &[&str] = &[
    "connection",
    "keep-alive",
    "proxy-connection",
    "content-length",
    "transfer-encoding",
    "te",
    "expect",
    "upgrade",
    "trailer",
];

#[derive(Debug, Clone)]
pub struct HeadLimits {
    pub max_line: usize,
    pub max_head: usize,
    /// The whole head must arrive within this time (slow clients).
    pub timeout: Duration,
}

#[derive(Debug, PartialEq, Eq)]
pub enum HeadError {
    /// The client closed the connection or the socket failed: nothing to answer.
    Gone,
    Timeout,
    UriTooLong,
    TooLarge,
    Bad,
}

impl HeadError {
    /// The status to answer with, if any.
    pub fn status(&self) -> Option<(u16, &'static str)> {
        match self {
            HeadError::Gone => None,
            HeadError::Timeout => Some((408, "Request Timeout")),
            HeadError::UriTooLong => Some((414, "URI Too Long")),
            HeadError::TooLarge => Some((431, "Request Header Fields Too Large")),
            HeadError::Bad => Some((400, "Bad Request")),
        }
    }
}

/// Read one request head. Bytes after the head (a body, a pipelined request) are dropped.
pub fn read(conn: &mut TcpStream, limits: &HeadLimits) -> Result<Vec<u8>, HeadError> {
    let deadline = Instant::now() + limits.timeout;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(HeadError::Timeout);
        }
        conn.set_read_timeout(Some(left))
            .map_err(|_| HeadError::Gone)?;
        let n = match conn.read(&mut chunk) {
            Ok(0) => return Err(HeadError::Gone),
            Ok(n) => n,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(HeadError::Timeout)
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(_) => return Err(HeadError::Gone),
        };
        let scan_from = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = find(&buf[scan_from..], b"\r\n\r\n") {
            buf.truncate(scan_from + end + 4);
            check_line(&buf, limits)?;
            if buf.len() > limits.max_head {
                return Err(HeadError::TooLarge);
            }
            return Ok(buf);
        }
        check_line(&buf, limits)?;
        if buf.len() > limits.max_head {
            return Err(HeadError::TooLarge);
        }
    }
}

/// 414 as soon as the request line is known to be too long.
fn check_line(buf: &[u8], limits: &HeadLimits) -> Result<(), HeadError> {
    let line_len = find(buf, b"\r\n").unwrap_or(buf.len());
    if line_len > limits.max_line {
        return Err(HeadError::UriTooLong);
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The head to pass to the HTTP layer: the request line (non-ASCII bytes of the target
/// percent-encoded), the end-to-end headers, the gate's secret and `Connection: close`.
/// httparse reads it; on top, anything two parsers could read differently is refused: a bare
/// CR or LF, folded lines, control or non-ASCII bytes in a header.
pub fn forward(head: &[u8], token: &str) -> Result<Vec<u8>, HeadError> {
    if !head.ends_with(b"\r\n\r\n") || !crlf_only(head) {
        return Err(HeadError::Bad);
    }
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(head) {
        Ok(httparse::Status::Complete(n)) if n == head.len() => {}
        Err(httparse::Error::TooManyHeaders) => return Err(HeadError::TooLarge),
        _ => return Err(HeadError::Bad),
    }
    let (Some(method), Some(target), Some(minor)) = (req.method, req.path, req.version) else {
        return Err(HeadError::Bad);
    };
    if target.is_empty() {
        return Err(HeadError::Bad);
    }
    let mut out = Vec::with_capacity(head.len() + 64);
    out.extend_from_slice(method.as_bytes());
    out.push(b' ');
    // httparse hands the target back as text; raw UTF-8 in it becomes %XX for tiny_http.
    for &b in target.as_bytes() {
        match b {
            0x21..=0x7e => out.push(b),
            _ if b >= 0x80 => out.extend_from_slice(format!("%{b:02X}").as_bytes()),
            _ => return Err(HeadError::Bad),
        }
    }
    out.extend_from_slice(format!(" HTTP/1.{minor}\r\n").as_bytes());
    for h in req.headers.iter() {
        let bad = |b: &u8| (*b < 0x20 && *b != b'\t') || *b == 0x7f || *b >= 0x80;
        if h.value.iter().any(bad) {
            return Err(HeadError::Bad);
        }
        if HOP_BY_HOP.iter().any(|n| h.name.eq_ignore_ascii_case(n))
            || h.name.eq_ignore_ascii_case(GATE_HEADER)
        {
            continue;
        }
        out.extend_from_slice(h.name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(h.value);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("{GATE_HEADER}: {token}\r\n").as_bytes());
    out.extend_from_slice(b"Connection: close\r\n\r\n");
    Ok(out)
}

/// Every CR is followed by LF and every LF preceded by CR (httparse also takes a bare LF).
fn crlf_only(head: &[u8]) -> bool {
    head.iter().enumerate().all(|(i, &b)| match b {
        b'\r' => head.get(i + 1) == Some(&b'\n'),
        b'\n' => i > 0 && head[i - 1] == b'\r',
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fwd(s: &str) -> Result<String, HeadError> {
        forward(s.as_bytes(), "k").map(|v| String::from_utf8(v).unwrap())
    }

    #[test]
    fn hop_by_hop_headers_are_replaced_by_connection_close() {
        let out = fwd("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nConnection: keep-alive\r\nExpect: 100-continue\r\n\r\n").unwrap();
        assert_eq!(
            out,
            "POST /a HTTP/1.1\r\nHost: h\r\nX-Guidepost-Gate: k\r\nConnection: close\r\n\r\n"
        );
    }

    #[test]
    fn a_client_cannot_send_the_gate_secret_itself() {
        let out = fwd("GET / HTTP/1.1\r\nX-Guidepost-Gate: guess\r\nHost: h\r\n\r\n").unwrap();
        assert_eq!(
            out,
            "GET / HTTP/1.1\r\nHost: h\r\nX-Guidepost-Gate: k\r\nConnection: close\r\n\r\n"
        );
    }

    #[test]
    fn raw_utf8_in_the_target_is_percent_encoded() {
        let out = fwd("GET /指 HTTP/1.1\r\nHost: h\r\n\r\n").unwrap();
        assert!(out.starts_with("GET /%E6%8C%87 HTTP/1.1\r\n"), "{out}");
    }

    #[test]
    fn ambiguous_heads_are_refused() {
        for bad in [
            "GET / HTTP/1.1\r\nHost: h\nX: y\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n",
            "GET / HTTP/1.1\r\nHost h\r\n\r\n",
            "GET / HTTP/1.1\r\nHo st: h\r\n\r\n",
            "GET /a b HTTP/1.1\r\nHost: h\r\n\r\n",
            "GET / HTTP/2.0\r\nHost: h\r\n\r\n",
            "GET / HTTP/1.1\r\nX: \u{1}\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\r\n\r\n",
            "GET / HTTP/1.1\r\nX: é\r\n\r\n",
        ] {
            assert_eq!(fwd(bad), Err(HeadError::Bad), "{bad:?}");
        }
    }
}
