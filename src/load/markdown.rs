//! What loading needs to know of a Markdown body before anything is rendered: the anchors of
//! its headings, the internal links it makes, and every other URL and heading attribute (for
//! the URL policy), with their positions in the file. One pass, linear in the body's size.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::{Attr, Heading, Link};

/// The Markdown extensions every body is read with, at load and at render time.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TASKLISTS
}

/// Anchor id for a heading text: ASCII slug (Chinese is transliterated: 角色分工 → jiao-se-fen-gong).
pub fn anchor(text: &str) -> String {
    let s = slug::slugify(text);
    if s.is_empty() {
        "section".to_string()
    } else {
        s
    }
}

/// Anchor id as mdBook writes it, for Markdown brought in without front matter: letters of
/// any script kept (lowercased), spaces → `-`, other punctuation dropped (`## 原始 标识符!` →
/// `原始-标识符`), so links written for mdBook (`#原始-标识符`) keep working.
pub fn unicode_anchor(text: &str) -> String {
    let id: String = text
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c.to_lowercase().collect::<String>())
            } else if c.is_whitespace() {
                Some("-".to_string())
            } else {
                None
            }
        })
        .collect();
    if id.is_empty() {
        "section".to_string()
    } else {
        id
    }
}

/// Is this link target one guidepost resolves? `@id`, `#anchor`, and a page named by its
/// file (`x.md`, `../a/b.md#c`), without `.md` (`x`), as `x.html`, or by its site path
/// (`/a/b/`). Targets with a scheme, a query or another extension (`logo.png`) are URLs.
pub fn is_internal(dest: &str) -> bool {
    if dest.starts_with('@') || dest.starts_with('#') {
        return true;
    }
    let path = dest.split('#').next().unwrap_or("");
    if path.is_empty() || dest.contains(':') || dest.contains('?') || dest.starts_with("//") {
        return false;
    }
    let last = path.rsplit('/').next().unwrap_or("");
    path.ends_with(".md") || path.ends_with(".html") || last.is_empty() || !last.contains('.')
}

pub struct Analysis {
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    /// Every link and image target that is not internal, for the URL policy.
    pub urls: Vec<Link>,
    /// Heading attributes other than `{#id .class}`.
    pub attrs: Vec<Attr>,
    pub has_code: bool,
}

/// Byte offsets of a body to file lines and columns. Events come roughly in order, so the
/// column is counted on from the last position asked when it is on the same line: a page of
/// one 10 MB line with many links stays linear.
pub struct Locator<'a> {
    body: &'a str,
    first_line: u32,
    line_starts: Vec<usize>,
    /// (offset, line index, column) of the last answer.
    last: (usize, usize, usize),
}

impl<'a> Locator<'a> {
    pub fn new(body: &'a str, first_line: u32) -> Self {
        let line_starts = std::iter::once(0)
            .chain(body.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator {
            body,
            first_line,
            line_starts,
            last: (0, 0, 1),
        }
    }

    /// The file line and column (from 1) of byte `offset` of the body.
    pub fn at(&mut self, offset: usize) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let (last_offset, last_line, last_col) = self.last;
        let col = if line == last_line && last_offset <= offset {
            last_col + self.body[last_offset..offset].chars().count()
        } else {
            self.body[self.line_starts[line]..offset].chars().count() + 1
        };
        self.last = (offset, line, col);
        (self.first_line + line as u32, col as u32)
    }
}

/// Anchor ids handed out so far. A repeated base gets the first free `-1`, `-2` …; the next
/// suffix to try is remembered per base, so n equal headings cost O(n), not O(n³).
#[derive(Default)]
pub struct Anchors {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Anchors {
    pub fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// Headings with unique anchors, internal links with their line and column in the file, the
/// other URLs and the heading attributes the policy must see. `first_line` is the file line
/// the body starts on.
pub fn analyze(body: &str, first_line: u32) -> Analysis {
    analyze_mapped(body, body, first_line, &|o| o, anchor)
}

/// [`analyze`] for a body whose mdBook directives were expanded: `text` is read, positions
/// are given in `source` (the body as written) through `map` (an offset of `text` → one of
/// `source`), and heading anchors come from `anchor_of`.
pub fn analyze_mapped(
    text: &str,
    source: &str,
    first_line: u32,
    map: &dyn Fn(usize) -> usize,
    anchor_of: fn(&str) -> String,
) -> Analysis {
    let body = text;
    let mut at = Locator::new(source, first_line);
    let mut anchors = Anchors::default();
    let mut out = Analysis {
        headings: Vec::new(),
        links: Vec::new(),
        urls: Vec::new(),
        attrs: Vec::new(),
        has_code: false,
    };
    let mut current: Option<(u8, Option<String>, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level, id, attrs, ..
            }) => {
                if !attrs.is_empty() {
                    out.attrs
                        .push(heading_attrs(body, range, &attrs, &mut at, map));
                }
                current = Some((level_num(level), id.map(|s| s.to_string()), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, text)) = current.take() {
                    let id = anchors.unique(id.unwrap_or_else(|| anchor_of(&text)));
                    out.headings.push(Heading { level, id, text });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }) => {
                let (line, col) = at.at(map(range.start));
                let link = Link {
                    dest: dest_url.to_string(),
                    line,
                    col,
                };
                let is_link = matches!(event, Event::Start(Tag::Link { .. }));
                if is_link && is_internal(dest_url) {
                    out.links.push(link);
                } else {
                    out.urls.push(link);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => out.has_code = true,
            _ => {}
        }
    }
    out
}

/// The attributes of a heading, placed at the `{` that opens them.
fn heading_attrs(
    body: &str,
    range: std::ops::Range<usize>,
    attrs: &[(CowStr, Option<CowStr>)],
    at: &mut Locator,
    map: &dyn Fn(usize) -> usize,
) -> Attr {
    let source = &body[range.clone()];
    let first_line = source.split('\n').next().unwrap_or(source);
    let brace = first_line.rfind('{').map(|i| range.start + i);
    let (line, col) = at.at(map(brace.unwrap_or(range.start)));
    let text = attrs
        .iter()
        .map(|(k, v)| match v {
            Some(v) => format!("{k}={v}"),
            None => k.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    Attr { text, line, col }
}

fn level_num(level: HeadingLevel) -> u8 {
    level as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_ascii_anchors() {
        let a = analyze("## 角色分工\n\n## 角色分工\n\n### Step 1 {#custom}\n", 1);
        let ids: Vec<_> = a.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["jiao-se-fen-gong", "jiao-se-fen-gong-1", "custom"]);
    }

    #[test]
    fn internal_links_are_located_in_the_file() {
        let a = analyze(
            "text\n\n见 [权限](../b.md#x) 和 [外部](https://e.com/a.md)\n",
            5,
        );
        assert_eq!(a.links.len(), 1);
        assert_eq!((a.links[0].line, a.links[0].col), (7, 3));
        assert_eq!(a.links[0].dest, "../b.md#x");
    }

    #[test]
    fn other_urls_and_heading_attributes_are_located() {
        let a = analyze(
            "## 标题 {#ok .wide autofocus onfocus=alert(1)}\n\n[x](javascript:alert(1)) ![y](data:x)\n",
            3,
        );
        assert_eq!(a.attrs.len(), 1);
        let attr = &a.attrs[0];
        assert_eq!(
            (attr.text.as_str(), attr.line, attr.col),
            ("autofocus onfocus=alert(1)", 3, 7)
        );
        assert_eq!(a.headings[0].id, "ok");
        let urls: Vec<_> = a
            .urls
            .iter()
            .map(|l| (l.dest.as_str(), l.line, l.col))
            .collect();
        assert_eq!(urls, [("javascript:alert(1)", 5, 1), ("data:x", 5, 26)]);
        assert!(analyze("## 干净 {#id .c}\n", 1).attrs.is_empty());
    }

    #[test]
    fn unicode_anchors_are_written_as_mdbook_writes_them() {
        assert_eq!(unicode_anchor("原始 标识符!"), "原始-标识符");
        assert_eq!(unicode_anchor("启用吧，我的 Backend"), "启用吧我的-backend");
        assert_eq!(unicode_anchor("？"), "section");
    }

    #[test]
    fn anchors_take_the_first_free_suffix() {
        let mut a = Anchors::default();
        let ids: Vec<String> = ["x", "x-1", "x", "x", "x-2-1", "x-2"]
            .iter()
            .map(|b| a.unique(b.to_string()))
            .collect();
        assert_eq!(ids, ["x", "x-1", "x-2", "x-3", "x-2-1", "x-2-2"]);
    }

    #[test]
    fn columns_on_one_long_line_are_counted_on() {
        let body = format!("{}\n", "见 [a](https://e.cn) ".repeat(3));
        let a = analyze(&body, 1);
        let cols: Vec<u32> = a.urls.iter().map(|l| l.col).collect();
        assert_eq!(cols, [3, 23, 43]);
    }
}
