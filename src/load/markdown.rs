//! What loading needs to know of a Markdown body before anything is rendered: the anchors of
//! its headings and the internal links it makes, with their positions in the file.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::{Heading, Link};

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

/// Is this link target one guidepost resolves (`x.md`, `../a/b.md#c`, `@id`, `#anchor`)?
pub fn is_internal(dest: &str) -> bool {
    if dest.starts_with('@') || dest.starts_with('#') {
        return true;
    }
    let path = dest.split('#').next().unwrap_or("");
    !dest.contains("://") && !dest.starts_with('/') && !dest.contains(':') && path.ends_with(".md")
}

pub struct Analysis {
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub has_code: bool,
}

/// Headings with unique anchors, internal links with their line and column in the file.
/// `first_line` is the file line the body starts on.
pub fn analyze(body: &str, first_line: u32) -> Analysis {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let locate = |offset: usize| -> (u32, u32) {
        let line = line_starts.partition_point(|&s| s <= offset) - 1;
        let col = body[line_starts[line]..offset].chars().count() + 1;
        (first_line + line as u32, col as u32)
    };
    let mut out = Analysis {
        headings: Vec::new(),
        links: Vec::new(),
        has_code: false,
    };
    let mut current: Option<(u8, Option<String>, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some((level_num(level), id.map(|s| s.to_string()), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, text)) = current.take() {
                    let id = unique(&out.headings, id.unwrap_or_else(|| anchor(&text)));
                    out.headings.push(Heading { level, id, text });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) if is_internal(&dest_url) => {
                let (line, col) = locate(range.start);
                out.links.push(Link {
                    dest: dest_url.to_string(),
                    line,
                    col,
                });
            }
            Event::Start(Tag::CodeBlock(_)) => out.has_code = true,
            _ => {}
        }
    }
    out
}

fn unique(existing: &[Heading], base: String) -> String {
    if !existing.iter().any(|h| h.id == base) {
        return base;
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !existing.iter().any(|h| &h.id == c))
        .expect("an unused suffix exists")
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
}
