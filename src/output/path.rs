//! The one place that decides which output paths are allowed, and how they are compared.
//!
//! An output path is relative to the output folder, with `/` separators
//! (`xhs/faq/index.html`). It must stay inside the output folder on every OS and give a URL a
//! browser can follow without encoding tricks, so it has no empty, `.` or `..` segment, no
//! absolute or drive prefix, no control character, and none of `# ? %`, spaces, `\ : * " < > |`
//! (refused, not encoded: see docs/format.md). Two paths that differ only in case are the
//! same file on Windows and macOS disks, so claims compare [`fold`]ed paths.

use crate::diag::Message;
use crate::msg;

/// Characters no output path may hold, with the reason an editor is shown.
fn refused(c: char) -> Option<Message> {
    Some(match c {
        '#' => msg!(OUT_WHY_FRAGMENT),
        '?' => msg!(OUT_WHY_QUERY),
        '%' => msg!(OUT_WHY_ESCAPE),
        ' ' => msg!(OUT_WHY_SPACE),
        '\\' => msg!(OUT_WHY_BACKSLASH),
        ':' => msg!(OUT_WHY_DRIVE),
        '*' | '"' | '<' | '>' | '|' => msg!(OUT_WHY_WINDOWS_CHAR, char = c),
        _ => return None,
    })
}

/// Names Windows reserves for devices, whatever the extension.
const DEVICES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why one folder or file name cannot be part of an output path, or `None` when it can.
pub fn segment_problem(seg: &str) -> Option<Message> {
    if seg.is_empty() {
        return Some(msg!(OUT_WHY_EMPTY_FOLDER));
    }
    if seg == "." || seg == ".." {
        return Some(msg!(OUT_WHY_DOTS, name = seg));
    }
    if let Some(c) = seg.chars().find(|c| c.is_control()) {
        return Some(msg!(OUT_WHY_CONTROL, code = format!("{:04X}", c as u32)));
    }
    if let Some(why) = seg.chars().find_map(refused) {
        return Some(why);
    }
    if seg.ends_with('.') {
        return Some(msg!(OUT_WHY_TRAILING_DOT, name = seg));
    }
    let stem = seg.split('.').next().unwrap_or(seg).to_ascii_lowercase();
    if DEVICES.contains(&stem.as_str()) {
        return Some(msg!(OUT_WHY_DEVICE, name = seg));
    }
    None
}

/// Why `path` cannot be an output path, or `None` when it can.
pub fn problem(path: &str) -> Option<Message> {
    if path.is_empty() {
        return Some(msg!(OUT_WHY_EMPTY_PATH));
    }
    if path.starts_with('/') {
        return Some(msg!(OUT_WHY_ABSOLUTE));
    }
    path.split('/').find_map(segment_problem)
}

/// The key two paths collide under: the same file on a case-folding disk.
pub fn fold(path: &str) -> String {
    path.to_lowercase()
}

/// The URL of an output file, site-root-relative: `a/index.html` → `a/`, `index.html` → "".
pub fn page_url(path: &str) -> &str {
    if path == "index.html" {
        ""
    } else {
        path.strip_suffix("index.html").unwrap_or(path)
    }
}

/// Percent-encode a site-root-relative URL for places that need plain ASCII (sitemap.xml):
/// every byte except unreserved characters and `/` is escaped, so `入驻/` → `%E5%85%A5%E9%A9%BB/`.
pub fn encode_url(url: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    const KEEP: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'/');
    utf8_percent_encode(url, KEEP).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_chinese_paths_pass() {
        for ok in [
            "index.html",
            "a/b/index.html",
            "多店铺/运营/index.html",
            "assets/style.1a2b.css",
            ".well-known/security.txt",
        ] {
            assert_eq!(problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn paths_that_leave_the_output_or_break_urls_are_refused() {
        for (bad, why) in [
            ("", "the path is empty"),
            ("/etc/passwd", "it is absolute (starts with `/`)"),
            ("../x/index.html", "`..` would leave its folder"),
            ("a/../../x", "`..` would leave its folder"),
            ("a/./b", "`.` would leave its folder"),
            (
                "a//b",
                "it has an empty folder name (`//`, or a leading or trailing `/`)",
            ),
            ("C:/x", "it holds `:`: `:` names a drive on Windows"),
            (
                "a\\..\\b",
                "it holds `\\`: `\\` separates folders on Windows",
            ),
            ("a\u{7}b/x", "it holds the control character U+0007"),
            (
                "q&a#1/index.html",
                "it holds `#`: `#` starts a fragment in a URL",
            ),
            (
                "why?/index.html",
                "it holds `?`: `?` starts a query in a URL",
            ),
            (
                "100%/index.html",
                "it holds `%`: `%` starts an escape in a URL",
            ),
            (
                "my file.pdf",
                "it holds a space: a space breaks URLs in links and chats",
            ),
            ("con.txt", "`con.txt` is a device name on Windows"),
            ("a./b", "`a.` ends in `.`, which Windows drops"),
        ] {
            let found = problem(bad).map(|m| m.to_string());
            assert_eq!(found.as_deref(), Some(why), "{bad:?}");
        }
    }

    #[test]
    fn fold_makes_case_variants_one_key() {
        assert_eq!(fold("FAQ/index.html"), fold("faq/index.html"));
        assert_ne!(fold("faq-a/index.html"), fold("faq-b/index.html"));
    }

    #[test]
    fn urls_are_encoded_for_the_sitemap() {
        assert_eq!(page_url("a/b/index.html"), "a/b/");
        assert_eq!(page_url("index.html"), "");
        assert_eq!(page_url("x/file.pdf"), "x/file.pdf");
        assert_eq!(
            encode_url("多店铺/a-b_c.d~/"),
            "%E5%A4%9A%E5%BA%97%E9%93%BA/a-b_c.d~/"
        );
    }
}
