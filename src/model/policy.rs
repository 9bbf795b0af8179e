//! The one URL and HTML policy of a site, applied to every URL from every source.
//!
//! - [`check_url`]: relative paths and `http`, `https`, `mailto`, `tel` URLs pass; any other
//!   scheme (`javascript:`, `data:`, `vbscript:`, `file:` …) is refused, however it is hidden:
//!   upper case, HTML entities (`&#106;`, `&colon;`), whitespace, control or invisible
//!   characters inside the scheme. `check` turns a refusal into a located error; `render`
//!   never writes a refused URL.
//! - [`sanitize_html`]: raw HTML in Markdown is cleaned by ammonia unless `site.yaml` says
//!   `trusted_html: true`: no script, no event handler, no style element, only the URL
//!   schemes above.
//!
//! The policy is a pure function of the text: no file, no network.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The URL schemes a site may link to. Everything else is refused.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Why a URL was refused: the scheme it has once folded as a browser would read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub scheme: String,
}

impl Refused {
    /// The error message for `url` (hint: `url-refused-hint`).
    pub fn message(&self, url: &str) -> crate::diag::Message {
        crate::msg!(URL_REFUSED, url = shorten(url), scheme = &self.scheme)
    }
}

/// Long or invisible-character URLs are shown escaped and cut, so a message stays one line.
fn shorten(url: &str) -> String {
    let shown: String = url.chars().flat_map(char::escape_debug).collect();
    if shown.chars().count() > 80 {
        let cut: String = shown.chars().take(77).collect();
        format!("{cut}…")
    } else {
        shown
    }
}

/// Characters a browser drops or that hide a scheme from a reader: whitespace, controls, and
/// the zero-width and direction marks.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

/// HTML entities decoded (until nothing changes, at most a few times).
fn decode(raw: &str) -> String {
    let mut text = raw.to_string();
    for _ in 0..4 {
        let decoded = html_escape::decode_html_entities(&text).into_owned();
        if decoded == text {
            break;
        }
        text = decoded;
    }
    text
}

/// Check one URL against the policy. A colon before the first `/`, `?` or `#` makes the part
/// before it a scheme, which must be one of [`ALLOWED_SCHEMES`] (ignoring case), read as the
/// strictest reader would: entities decoded, invisible characters removed. A scheme with
/// invisible characters in or before it is refused even when what is left is allowed: it is
/// a disguise, and writers percent-encode such characters into a different URL.
pub fn check_url(raw: &str) -> Result<(), Refused> {
    let decoded = decode(raw);
    let folded: String = decoded.chars().filter(|&c| !invisible(c)).collect();
    let end = folded.find(['/', '?', '#']).unwrap_or(folded.len());
    let head = &folded[..end];
    let Some(i) = head.find(':') else {
        return Ok(());
    };
    let scheme = head[..i].to_lowercase();
    if !ALLOWED_SCHEMES.contains(&scheme.as_str()) {
        return Err(Refused { scheme });
    }
    let written = decoded.trim_matches(' ');
    let written = &written[..written.find(':').unwrap_or(written.len())];
    if written.chars().any(invisible) {
        return Err(Refused {
            scheme: written.chars().flat_map(char::escape_debug).collect(),
        });
    }
    Ok(())
}

/// The cleaner for raw HTML: ammonia's safe defaults, the four URL schemes, and the
/// attributes guidepost's own Markdown output uses (heading ids, classes, code language,
/// task-list checkboxes, table alignment).
fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(HashSet::from(ALLOWED_SCHEMES))
            .link_rel(None)
            .add_tags(["input"])
            .add_generic_attributes(["class"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("pre", ["data-lang"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"]);
        for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
            b.add_tag_attributes(h, ["id"]);
        }
        b.attribute_filter(|_, attr, value| match attr {
            "style" => ALIGNMENTS.contains(&value).then_some(Cow::Borrowed(value)),
            "href" | "src" => check_url(value).is_ok().then_some(Cow::Borrowed(value)),
            "type" => (value == "checkbox").then_some(Cow::Borrowed(value)),
            _ => Some(Cow::Borrowed(value)),
        });
        b
    })
}

/// The only inline styles kept: Markdown table column alignment.
const ALIGNMENTS: [&str; 3] = [
    "text-align: left",
    "text-align: center",
    "text-align: right",
];

/// Raw HTML made safe: what cannot run script or leave the policy is removed.
pub fn sanitize_html(html: &str) -> String {
    cleaner().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_urls_pass() {
        for u in [
            "",
            "a/b.html",
            "../x.md#y",
            "#top",
            "?q=1",
            "/abs/path",
            "//cdn.example.cn/x.png",
            "https://example.cn/a?b=c:d",
            "HTTP://EXAMPLE.CN",
            "mailto:kf@example.cn",
            "tel:+86-10-1234",
            "图片/说明.png",
        ] {
            assert_eq!(check_url(u), Ok(()), "{u}");
        }
    }

    #[test]
    fn other_schemes_are_refused_however_written() {
        for (u, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("JaVaScRiPt:alert(1)", "javascript"),
            (" \t javascript:alert(1)", "javascript"),
            ("java\nscript:alert(1)", "javascript"),
            ("java\u{0}script:alert(1)", "javascript"),
            ("java\u{200B}script:alert(1)", "javascript"),
            ("&#106;avascript:alert(1)", "javascript"),
            ("javascript&colon;alert(1)", "javascript"),
            ("javascript&#x3A;alert(1)", "javascript"),
            ("&amp;#106;avascript:alert(1)", "javascript"),
            ("data:text/html,<script>", "data"),
            ("vbscript:msgbox", "vbscript"),
            ("file:///etc/passwd", "file"),
            ("C:\\Windows\\win.ini", "c"),
            (":nothing", ""),
        ] {
            assert_eq!(
                check_url(u),
                Err(Refused {
                    scheme: scheme.to_string()
                }),
                "{u:?}"
            );
        }
    }

    #[test]
    fn an_allowed_scheme_in_disguise_is_refused() {
        for url in [
            "\u{7f}http:",
            "ht\ttps://e.cn/",
            "\u{200b}https://e.cn/",
            "&#x7f;http:x",
        ] {
            assert!(check_url(url).is_err(), "{url:?}");
        }
        assert_eq!(check_url(" https://e.cn/ "), Ok(()));
    }

    #[test]
    fn message_shows_invisible_characters_and_stays_short() {
        let r = check_url("java\tscript:x").unwrap_err();
        assert_eq!(
            r.message("java\tscript:x").to_string(),
            "the URL `java\\tscript:x` uses the scheme `javascript:`, which is not allowed"
        );
        let long = format!("javascript:{}", "a".repeat(200));
        let m = r.message(&long).to_string();
        assert!(m.contains("aaa…` uses"), "{m}");
        assert_eq!(m.chars().count(), 140, "{m}");
    }

    #[test]
    fn sanitizer_removes_script_and_handlers_and_keeps_markup() {
        let html = "<p onclick=\"x()\">a<script>alert(1)</script><img src=x onerror=alert(1)>\
                    <a href=\"javascript:alert(1)\">j</a><a href=\"https://e.cn\">ok</a></p>\
                    <h2 id=\"k\" class=\"c\">t</h2><td style=\"text-align: center\">1</td>";
        let clean = sanitize_html(html);
        assert!(!clean.contains("script"), "{clean}");
        assert!(
            !clean.contains("onclick") && !clean.contains("onerror"),
            "{clean}"
        );
        assert!(clean.contains("<a href=\"https://e.cn\">ok</a>"), "{clean}");
        assert!(clean.contains("<a>j</a>"), "{clean}");
        assert!(clean.contains("<h2 id=\"k\" class=\"c\">t</h2>"), "{clean}");
        let styled = sanitize_html("<table><tr><td style=\"position: fixed\">1</td></tr></table>");
        assert!(!styled.contains("style"), "{styled}");
    }
}
