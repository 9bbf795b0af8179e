//! From a request target to a path of the in-memory site, refusing every traversal form.
//!
//! The site is served from memory, so no request can reach a file outside it, and symlinks
//! are moot (the build copies regular files only). The checks below still refuse what is an
//! attack or a mistake, so it is answered as one and never looked up: `..` and `.` segments
//! (raw or percent-encoded, `%2e%2e`, `..%2f`), backslashes (raw or `%5c`), NUL, empty
//! segments (`//host` would become an open redirect), invalid UTF-8 (overlong `%c0%ae`), and
//! absolute-form (`http://…`) or authority-form targets.

use percent_encoding::percent_decode_str;

/// Why a request target was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// `http://host/…`, `host:port`, `*`: not a path on this server (400).
    NotAPath,
    /// Bad percent-encoding, invalid UTF-8, an empty segment (400).
    Malformed,
    /// `..`, `.`, a backslash or NUL in any encoding (403).
    Traversal,
}

impl Refused {
    pub fn status(self) -> u16 {
        match self {
            Refused::NotAPath | Refused::Malformed => 400,
            Refused::Traversal => 403,
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            Refused::NotAPath => "the request target must be a path starting with /",
            Refused::Malformed => "the request path is malformed",
            Refused::Traversal => "the request path leaves the site",
        }
    }
}

/// The decoded path below the site root, without the leading `/` (`a/b/`, `assets/x.css`, "").
pub fn site_path(target: &str) -> Result<String, Refused> {
    if !target.starts_with('/') {
        return Err(Refused::NotAPath);
    }
    let raw = target.split(['?', '#']).next().unwrap_or("");
    if raw.contains('\\') {
        return Err(Refused::Traversal);
    }
    if !valid_escapes(raw) {
        return Err(Refused::Malformed);
    }
    let decoded = percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| Refused::Malformed)?;
    if decoded.contains(['\\', '\0']) {
        return Err(Refused::Traversal);
    }
    let rest = &decoded[1..];
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            ".." | "." => return Err(Refused::Traversal),
            "" if i != last => return Err(Refused::Malformed),
            _ => {}
        }
    }
    Ok(rest.to_string())
}

/// Every `%` starts a two-digit hex escape (percent_decode passes a lone `%` through).
fn valid_escapes(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let ok =
                b.len() > i + 2 && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit();
            if !ok {
                return false;
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_decode() {
        assert_eq!(site_path("/").unwrap(), "");
        assert_eq!(site_path("/a/b/?x=1").unwrap(), "a/b/");
        assert_eq!(site_path("/assets/s.1a.css").unwrap(), "assets/s.1a.css");
        assert_eq!(site_path("/%E6%8C%87%E5%8D%97/").unwrap(), "指南/");
        assert_eq!(site_path("/a%2Fb/").unwrap(), "a/b/");
        // Decoded once only: a double-encoded dot is a file name, not a traversal.
        assert_eq!(site_path("/%252e%252e/x").unwrap(), "%2e%2e/x");
    }

    #[test]
    fn every_traversal_form_is_refused() {
        for t in [
            "/../site.yaml",
            "/a/../../site.yaml",
            "/./a",
            "/%2e%2e/site.yaml",
            "/%2E%2E%2Fsite.yaml",
            "/..%2fsite.yaml",
            "/.%2e/site.yaml",
            "/..\\site.yaml",
            "/%5c..%5csite.yaml",
            "/a%00.html",
        ] {
            assert_eq!(site_path(t), Err(Refused::Traversal), "{t}");
        }
    }

    #[test]
    fn malformed_and_absolute_targets_are_refused() {
        for t in [
            "//evil.example/",
            "/a//b",
            "/%",
            "/%zz",
            "/%c0%ae%c0%ae/x",
            "/%ff",
        ] {
            assert_eq!(site_path(t), Err(Refused::Malformed), "{t}");
        }
        for t in ["http://127.0.0.1:8000/", "127.0.0.1:8000", "*", ""] {
            assert_eq!(site_path(t), Err(Refused::NotAPath), "{t}");
        }
    }
}
