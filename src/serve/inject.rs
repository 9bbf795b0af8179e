//! What the server adds to every HTML page it serves (never to the theme or the built files):
//! a stylesheet and a script that open the live-reload stream, reload the page on a new
//! build and show a failed rebuild's problems over the page. Both are same-origin files, so
//! a page's Content-Security-Policy that allows its own scripts allows them too.

use crate::i18n::{ids, Catalog};

/// Where the server's own files live; no site path starts with it.
pub const PREFIX: &str = "__guidepost/";
pub const EVENTS: &str = "__guidepost/events";

pub const LIVE_JS: &str = include_str!("live.js");
pub const LIVE_CSS: &str = include_str!("live.css");

/// The server's own file at `path`, with its content type.
pub fn own_file(path: &str) -> Option<(&'static str, &'static str)> {
    match path {
        "__guidepost/live.js" => Some((LIVE_JS, "text/javascript; charset=utf-8")),
        "__guidepost/live.css" => Some((LIVE_CSS, "text/css; charset=utf-8")),
        _ => None,
    }
}

/// `html` with the live-reload tags before its last `</body>` (or at the end). `build` is the
/// id of the build the page comes from, so the script can tell when it is out of date; the
/// overlay's own words come from `t`, in the command's language.
pub fn inject(html: &[u8], build: u64, t: &Catalog) -> Vec<u8> {
    let label = |id| attr(&t.text(id, &[]));
    let tags = format!(
        "<link rel=\"stylesheet\" href=\"/{PREFIX}live.css\">\
         <script src=\"/{PREFIX}live.js\" data-build=\"{build}\" data-title=\"{}\" \
         data-hint=\"{}\" data-close=\"{}\" data-foot=\"{}\" defer></script>\n",
        label(ids::OVERLAY_TITLE),
        label(ids::OVERLAY_HINT),
        label(ids::OVERLAY_CLOSE),
        label(ids::OVERLAY_FOOT),
    );
    let at = rfind_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tags.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tags.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// `s` safe inside a double-quoted attribute.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn rfind_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    (0..=hay.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn tags_go_before_the_last_body_end() {
        let t = Catalog::new(Lang::Zh);
        let out = inject(b"<body><p>x</p></BODY></html>", 42, &t);
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.starts_with("<body><p>x</p><link rel=\"stylesheet\" href=\"/__guidepost/live.css\">")
        );
        assert!(s.contains("data-build=\"42\""));
        assert!(s.contains("data-hint=\"提示：\""), "{s}");
        assert!(s.ends_with("</BODY></html>"));
        let en = String::from_utf8(inject(b"<p>x", 1, &Catalog::new(Lang::En))).unwrap();
        assert!(en.contains("data-close=\"Close\""), "{en}");
        let bare = String::from_utf8(inject(b"<p>x", 1, &t)).unwrap();
        assert!(bare.starts_with("<p>x<link"));
    }
}
