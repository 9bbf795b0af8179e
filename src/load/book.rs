//! mdBook's `SUMMARY.md`: the chapters of a book in reading order, and the page that shows
//! them. A folder of `content/` with a `SUMMARY.md` lists its pages in SUMMARY order; without
//! an `_index.md`, the SUMMARY itself (draft chapters as plain text) is the folder's index
//! page, so its nesting, part titles, prefix and suffix chapters are the book's navigation.
//! Also: which pages nothing leads to.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::markdown::{options, Locator};
use crate::diag::{Diagnostic, Span};
use crate::model::{Heading, Page, Section};
use crate::msg;

/// One entry of a SUMMARY.md.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    pub title: String,
    /// The chapter's file under content/ (`guide/a.md`); None for a draft (`[x]()`).
    pub rel: Option<String>,
    pub line: u32,
    pub col: u32,
}

/// A parsed SUMMARY.md.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Its folder under content/ (`book`, "" for content/ itself).
    pub dir: String,
    /// The first `#` heading before any chapter (mdBook's book title, usually "Summary").
    pub title: Option<String>,
    pub chapters: Vec<Chapter>,
    /// The text to show as the folder's index: drafts written as their title.
    pub body: String,
}

impl Summary {
    /// Chapter files in SUMMARY order → their position.
    pub fn order(&self) -> HashMap<&str, usize> {
        let mut order = HashMap::new();
        for (i, rel) in self
            .chapters
            .iter()
            .filter_map(|c| c.rel.as_deref())
            .enumerate()
        {
            order.entry(rel).or_insert(i);
        }
        order
    }
}

/// Read a SUMMARY.md of the folder `dir` (under content/).
pub fn parse(dir: &str, text: &str) -> Summary {
    let mut at = Locator::new(text, 1);
    let mut summary = Summary {
        dir: dir.to_string(),
        title: None,
        chapters: Vec::new(),
        body: String::with_capacity(text.len()),
    };
    let mut copied = 0;
    // (dest, its offset, text so far) of the link being read; the H1 being read.
    let mut link: Option<(String, std::ops::Range<usize>, String)> = None;
    let mut heading: Option<String> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.to_string(), range, String::new()))
            }
            Event::End(TagEnd::Link) => {
                let Some((dest, range, title)) = link.take() else {
                    continue;
                };
                let (line, col) = at.at(range.start);
                let rel = (!dest.trim().is_empty()).then(|| join(dir, dest.trim()));
                if rel.is_none() {
                    summary.body.push_str(&text[copied..range.start]);
                    summary.body.push_str(&title);
                    copied = range.end;
                }
                summary.chapters.push(Chapter {
                    title,
                    rel,
                    line,
                    col,
                });
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if summary.chapters.is_empty() && summary.title.is_none() => {
                heading = Some(String::new())
            }
            Event::End(TagEnd::Heading(_)) => {
                summary.title = heading.take().or(summary.title.take())
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, title)) = link.as_mut() {
                    title.push_str(&t);
                }
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            _ => {}
        }
    }
    summary.body.push_str(&text[copied..]);
    summary
}

/// The book's title from mdBook's `book.toml` in `dir` or the folder above it (a book copied
/// whole has `book.toml` beside `src/`): the `title = "…"` of its `[book]` table.
pub fn toml_title(dir: &std::path::Path) -> Option<String> {
    let text = [dir.join("book.toml"), dir.join("../book.toml")]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())?;
    let mut in_book = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_book = line == "[book]";
        } else if let Some(value) = line.strip_prefix("title").map(str::trim_start) {
            let value = value.strip_prefix('=')?.trim();
            let quoted = value.strip_prefix('"').and_then(|v| v.split_once('"'));
            if in_book {
                return quoted.map(|(t, _)| t.to_string()).filter(|t| !t.is_empty());
            }
        }
    }
    None
}

/// The title of Markdown whose first block is a `# ` heading, and the body with that line
/// blanked (spaces of the same length, so every later offset and line stays where it was):
/// the page shows its title once. None when the first block is something else or the
/// heading sets its own id (`{#id}`).
pub fn take_title(body: &str) -> Option<(String, String)> {
    let start = body.len() - body.trim_start_matches(['\n', '\r']).len();
    let end = body[start..].find('\n').map_or(body.len(), |i| start + i);
    let line = &body[start..end];
    let text = line
        .strip_prefix("# ")?
        .trim_end()
        .trim_end_matches('#')
        .trim_end();
    if text.contains("{#") {
        return None;
    }
    let title: String = Parser::new(text)
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    let title = title.trim();
    if title.is_empty() {
        return None;
    }
    let blanked = format!(
        "{}{}{}",
        &body[..start],
        " ".repeat(line.len()),
        &body[end..]
    );
    Some((title.to_string(), blanked))
}

/// The text of the first `#` heading, else of the first heading.
pub fn first_heading(headings: &[Heading]) -> Option<String> {
    headings
        .iter()
        .find(|h| h.level == 1)
        .or(headings.first())
        .map(|h| h.text.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// `a/b c.md` → `b c`.
pub fn file_stem(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.strip_suffix(".md").unwrap_or(name).to_string()
}

/// `dir` joined with the relative link `dest` (`./a.md`, `a%20b.md`), `.` and `..` folded.
fn join(dir: &str, dest: &str) -> String {
    let dest = percent_encoding::percent_decode_str(dest).decode_utf8_lossy();
    let dest = dest.split('#').next().unwrap_or("");
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in dest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Warnings for the drafts of `summary` and errors for chapters whose file is not a page.
pub fn chapter_problems(
    summary: &Summary,
    file: &Arc<str>,
    pages: &HashSet<&str>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for c in &summary.chapters {
        let span = Span::new(file, c.line as usize, c.col as usize);
        match &c.rel {
            None => out.push(
                Diagnostic::warning(span, msg!(BOOK_DRAFT, title = c.title.clone()))
                    .hint(msg!(BOOK_DRAFT_HINT)),
            ),
            Some(rel) if !pages.contains(rel.as_str()) => out.push(
                Diagnostic::error(
                    span,
                    msg!(
                        BOOK_CHAPTER_MISSING,
                        title = c.title.clone(),
                        path = rel.clone()
                    ),
                )
                .hint(msg!(BOOK_CHAPTER_MISSING_HINT)),
            ),
            Some(_) => {}
        }
    }
    out
}

/// The pages nothing leads to: not listed by a section other than the home page's, and not
/// the target of a link from another page or section. One warning each, at the file.
pub fn unreachable(
    sections: &[Section],
    pages: &[Page],
    file_of: &dyn Fn(&Page) -> Arc<str>,
) -> Vec<Diagnostic> {
    let mut reached: HashSet<&str> = HashSet::new();
    // Every section lists its pages; the home page lists those of the top section.
    for s in sections {
        reached.extend(s.pages.iter().map(|&i| pages[i].rel.as_str()));
    }
    let by_url: HashMap<&str, &str> = pages
        .iter()
        .map(|p| (p.url.as_str(), p.rel.as_str()))
        .collect();
    let rels: HashSet<&str> = pages.iter().map(|p| p.rel.as_str()).collect();
    let mut linked: HashSet<String> = HashSet::new();
    for p in pages.iter().chain(sections.iter().map(|s| &s.page)) {
        for l in &p.links {
            if let Some(target) = link_target(&p.rel, &l.dest, &rels, &by_url) {
                if target != p.rel {
                    linked.insert(target);
                }
            }
        }
    }
    pages
        .iter()
        .filter(|p| !reached.contains(p.rel.as_str()) && !linked.contains(&p.rel))
        .map(|p| {
            Diagnostic::warning(Span::file(&file_of(p)), msg!(BOOK_UNREACHABLE))
                .hint(msg!(BOOK_UNREACHABLE_HINT))
        })
        .collect()
}

/// The content file a link names, the ways the link resolver reads it (`x.md`, `x.html`, `x`,
/// `/a/b/`); None for anything else.
fn link_target(
    from: &str,
    dest: &str,
    rels: &HashSet<&str>,
    by_url: &HashMap<&str, &str>,
) -> Option<String> {
    let path = dest.split('#').next().unwrap_or("");
    if path.is_empty() || dest.starts_with('@') {
        return None;
    }
    if let Some(site) = path.strip_prefix('/') {
        let url = format!("{}/", site.trim_end_matches('/'));
        return by_url.get(url.as_str()).map(|r| r.to_string());
    }
    let dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let joined = join(dir, path);
    let bare = joined
        .strip_suffix(".md")
        .or_else(|| joined.strip_suffix(".html"))
        .unwrap_or(&joined);
    [format!("{bare}.md"), format!("{bare}/_index.md")]
        .into_iter()
        .find(|c| rels.contains(c.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_h1_becomes_the_title_and_keeps_positions() {
        let (title, body) = take_title("\n# 安装 `mdbook` #\n\n正文\n").unwrap();
        assert_eq!(title, "安装 mdbook");
        assert_eq!(body.len(), "\n# 安装 `mdbook` #\n\n正文\n".len());
        assert!(body.ends_with("\n\n正文\n") && body.trim_start().starts_with("正文"));
        assert!(take_title("正文\n# 标题\n").is_none());
        assert!(take_title("# 标题 {#id}\n").is_none());
    }

    const SUMMARY: &str = "# Summary\n\n[前言](README.md)\n\n# 用户指南\n\n- [安装](guide/install.md)\n  - [草稿]()\n  - [从源码](./guide/../guide/src%20build.md)\n\n---\n\n[贡献者](misc/thanks.md)\n";

    #[test]
    fn chapters_in_order_with_drafts_and_parts() {
        let s = parse("book", SUMMARY);
        assert_eq!(s.title.as_deref(), Some("Summary"));
        let got: Vec<_> = s
            .chapters
            .iter()
            .map(|c| (c.title.as_str(), c.rel.as_deref(), c.line, c.col))
            .collect();
        assert_eq!(
            got,
            [
                ("前言", Some("book/README.md"), 3, 1),
                ("安装", Some("book/guide/install.md"), 7, 3),
                ("草稿", None, 8, 5),
                ("从源码", Some("book/guide/src build.md"), 9, 5),
                ("贡献者", Some("book/misc/thanks.md"), 13, 1),
            ]
        );
        assert!(s.body.contains("  - 草稿\n"), "{}", s.body);
        assert!(s.body.contains("- [安装](guide/install.md)"));
    }
}
