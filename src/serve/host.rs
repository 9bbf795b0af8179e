//! Which `Host` and `Origin` values the server answers: a defence against DNS rebinding
//! (a foreign web page whose name resolves to 127.0.0.1 must not read the preview) and
//! against other sites' pages listening to the live-reload stream.
//!
//! Allowed: `localhost` and the bound IP address, with the bound port. A server bound to
//! every interface (`--bind 0.0.0.0`) also answers any IP literal, so a phone on the LAN can
//! preview; rebinding needs a DNS name, and names other than localhost stay refused.

use std::net::IpAddr;

#[derive(Debug, Clone, Copy)]
pub struct Allowed {
    pub ip: IpAddr,
    pub port: u16,
}

impl Allowed {
    /// Is `value` (a `Host` header) this server?
    pub fn host(&self, value: &str) -> bool {
        let Some((name, port)) = split_host(value.trim()) else {
            return false;
        };
        if port != self.port {
            return false;
        }
        let name = name.trim_end_matches('.');
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => ip == self.ip || self.ip.is_unspecified(),
            Err(_) => false,
        }
    }

    /// Is `value` (an `Origin` header) a page of this server? `null` is not.
    pub fn origin(&self, value: &str) -> bool {
        value
            .trim()
            .strip_prefix("http://")
            .is_some_and(|h| !h.contains('/') && self.host(h))
    }
}

/// `name:port`, `[v6]:port`, or `name` (port 80).
fn split_host(v: &str) -> Option<(&str, u16)> {
    if let Some(rest) = v.strip_prefix('[') {
        let (ip, after) = rest.split_once(']')?;
        let port = match after {
            "" => 80,
            p => p.strip_prefix(':')?.parse().ok()?,
        };
        return Some((ip, port));
    }
    match v.split_once(':') {
        Some((name, port)) => Some((name, port.parse().ok()?)),
        None if !v.is_empty() => Some((v, 80)),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(ip: &str, port: u16) -> Allowed {
        Allowed {
            ip: ip.parse().unwrap(),
            port,
        }
    }

    #[test]
    fn loopback_server_answers_its_own_names_only() {
        let a = at("127.0.0.1", 8000);
        for ok in ["127.0.0.1:8000", "localhost:8000", "LocalHost.:8000"] {
            assert!(a.host(ok), "{ok}");
        }
        for bad in [
            "evil.example:8000",
            "127.0.0.1:8001",
            "localhost",
            "127.0.0.2:8000",
            "",
            "127.0.0.1:8000:1",
            "127.0.0.1.evil.example:8000",
        ] {
            assert!(!a.host(bad), "{bad}");
        }
        assert!(at("127.0.0.1", 80).host("localhost"));
        assert!(at("::1", 9).host("[::1]:9"));
    }

    #[test]
    fn a_server_on_every_interface_answers_ip_literals() {
        let a = at("0.0.0.0", 8000);
        assert!(a.host("192.168.1.20:8000"));
        assert!(!a.host("rebind.evil.example:8000"));
    }

    #[test]
    fn origins_must_be_this_server_over_http() {
        let a = at("127.0.0.1", 8000);
        assert!(a.origin("http://127.0.0.1:8000"));
        assert!(a.origin("http://localhost:8000"));
        for bad in [
            "null",
            "https://127.0.0.1:8000",
            "http://evil.example:8000",
            "http://127.0.0.1:8000/x",
        ] {
            assert!(!a.origin(bad), "{bad}");
        }
    }
}
