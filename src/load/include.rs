//! mdBook's directives in a Markdown body, expanded before the body is read:
//! `{{#include file}}`, `{{#include file:3:10}}` (`:3`, `::10`, `:3:` too),
//! `{{#include file:anchor}}` (the lines between `ANCHOR: anchor` and `ANCHOR_END: anchor`),
//! `{{#rustdoc_include …}}` (like include), `{{#playground file attrs}}` (the file in a
//! fenced `rust` block) and `{{#title text}}` (the page title). `\{{#…}}` is written as text.
//!
//! Paths are relative to the including file and must stay inside the site; a missing file, a
//! path that leaves the site or an unknown anchor is a located error at the `{{`, and a
//! directive guidepost does not know is a located warning (left as text). Included files are
//! expanded in turn, up to [`MAX_DEPTH`] deep, as mdBook does.

use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Message, Span};
use crate::i18n::ids;
use crate::msg;

use super::markdown::Locator;

/// How deep included files may include others (mdBook's limit).
pub const MAX_DEPTH: usize = 10;

/// A body with its directives expanded.
pub struct Expanded {
    pub text: String,
    /// `(offset in text, offset in the body, included)`, in order: where each run of `text`
    /// comes from. An included run maps to the `{{` that brought it in.
    runs: Vec<(usize, usize, bool)>,
    /// Directives expanded (include, rustdoc_include, playground, title).
    pub count: usize,
    /// The text of the first `{{#title …}}`.
    pub title: Option<String>,
    /// Every file included (canonical paths), nested ones too.
    pub files: Vec<std::path::PathBuf>,
}

impl Expanded {
    /// The body offset that `offset` of the expanded text stands for.
    pub fn source_offset(&self, offset: usize) -> usize {
        let i = self
            .runs
            .partition_point(|r| r.0 <= offset)
            .saturating_sub(1);
        match self.runs.get(i) {
            Some(&(out, src, false)) => src + (offset - out),
            Some(&(_, src, true)) => src,
            None => offset,
        }
    }
}

/// What an expansion needs to know of its file.
pub struct Ctx<'a> {
    /// The site folder; nothing outside it is read.
    pub root: &'a Path,
    pub access: &'a super::fs::Access,
}

/// Expand the directives of `body` (of the file `path`, named `file` in messages; the body
/// starts on file line `first_line`). Problems go to `diags`; the text of a directive that
/// failed is left out.
pub fn expand(
    ctx: &Ctx,
    path: &Path,
    file: &Arc<str>,
    body: &str,
    first_line: u32,
    diags: &mut Vec<Diagnostic>,
) -> Expanded {
    let mut out = Expanded {
        text: String::with_capacity(body.len()),
        runs: vec![(0, 0, false)],
        count: 0,
        title: None,
        files: Vec::new(),
    };
    if !body.contains("{{") {
        out.text.push_str(body);
        return out;
    }
    let mut at = Locator::new(body, first_line);
    let mut pos = 0;
    while let Some(found) = body[pos..].find("{{") {
        let start = pos + found;
        let escaped = body[..start].ends_with('\\');
        let Some(d) = parse(&body[start..]) else {
            out.text.push_str(&body[pos..start + 2]);
            pos = start + 2;
            continue;
        };
        if escaped {
            // `\{{#…}}` shows the directive as text, without the backslash.
            out.text.push_str(&body[pos..start - 1]);
            out.runs.push((out.text.len(), start, false));
            out.text.push_str(&body[start..start + d.len]);
            pos = start + d.len;
            continue;
        }
        out.text.push_str(&body[pos..start]);
        let (line, col) = at.at(start);
        let span = Span::new(file, line as usize, col as usize);
        let dir = path.parent().unwrap_or(Path::new(""));
        let before = out.files.len();
        let done = directive(ctx, dir, &d, &span, 1, (diags, &mut out.files));
        // A page that includes itself (directly or through another file) would repeat
        // itself ten levels deep and count as included, so it would vanish from the site.
        let own = dunce::canonicalize(path).ok();
        let done = if own.is_some() && out.files[before..].iter().any(|f| Some(f) == own.as_ref()) {
            out.files.truncate(before);
            diags.push(
                Diagnostic::error(span.clone(), msg!(BOOK_INCLUDE_SELF, path = d.args.trim()))
                    .hint(msg!(BOOK_INCLUDE_SELF_HINT)),
            );
            None
        } else {
            done
        };
        match done {
            Some(Done::Text(text)) => {
                out.runs.push((out.text.len(), start, true));
                out.text.push_str(&text);
                out.count += 1;
            }
            Some(Done::Title(t)) => {
                out.title.get_or_insert(t);
                out.count += 1;
            }
            None => {}
        }
        pos = start + d.len;
        out.runs.push((out.text.len(), pos, false));
    }
    out.text.push_str(&body[pos..]);
    out
}

/// A directive as written: `{{#name args}}`.
struct Directive<'a> {
    name: &'a str,
    args: &'a str,
    /// Bytes from `{{` to after `}}`.
    len: usize,
}

/// `{{ #name args }}` at the start of `s`, as mdBook's pattern reads it (`args` not empty, no
/// `}` inside).
fn parse(s: &str) -> Option<Directive<'_>> {
    let rest = s.strip_prefix("{{")?;
    let inner = rest.trim_start().strip_prefix('#')?;
    let name_len = inner
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    let name = &inner[..name_len];
    let close = inner.find('}')?;
    if name.is_empty() || close < name_len || !inner[close..].starts_with("}}") {
        return None;
    }
    let args = inner[name_len..close].trim();
    if args.is_empty() {
        return None;
    }
    let len = s.len() - inner.len() + close + 2;
    Some(Directive { name, args, len })
}

/// Where problems and the paths of included files go.
type Sink<'a> = (&'a mut Vec<Diagnostic>, &'a mut Vec<std::path::PathBuf>);

enum Done {
    Text(String),
    Title(String),
}

fn directive(
    ctx: &Ctx,
    dir: &Path,
    d: &Directive,
    span: &Span,
    depth: usize,
    (diags, files): Sink,
) -> Option<Done> {
    match d.name {
        "include" | "rustdoc_include" => include(ctx, dir, d.args, span, depth, (diags, files)),
        "playground" | "playpen" => {
            let (target, attrs) = d
                .args
                .split_once(char::is_whitespace)
                .unwrap_or((d.args, ""));
            let code = include(ctx, dir, target, span, depth, (diags, files))?;
            let Done::Text(code) = code else { return None };
            let attrs = attrs.split_whitespace().collect::<Vec<_>>().join(",");
            let sep = if attrs.is_empty() { "" } else { "," };
            Some(Done::Text(format!(
                "```rust{sep}{attrs}\n{}\n```\n",
                code.trim_end_matches('\n')
            )))
        }
        "title" => Some(Done::Title(d.args.to_string())),
        other => {
            diags.push(
                Diagnostic::warning(span.clone(), msg!(BOOK_UNKNOWN_DIRECTIVE, name = other))
                    .hint(msg!(BOOK_UNKNOWN_DIRECTIVE_HINT)),
            );
            None
        }
    }
}

/// The lines of `file[:range|:anchor]`, relative to `dir`, expanded in turn.
fn include(
    ctx: &Ctx,
    dir: &Path,
    args: &str,
    span: &Span,
    depth: usize,
    (diags, files): Sink,
) -> Option<Done> {
    let args = args.split_whitespace().next().unwrap_or(args);
    let (name, select) = match args.split_once(':') {
        Some((n, s)) => (n, Some(s)),
        None => (args, None),
    };
    let error = |id: &'static str, hint: &'static str| {
        Diagnostic::error(span.clone(), Message::id(id).arg("path", name)).hint(Message::id(hint))
    };
    let target = dir.join(name);
    let Ok(real) = dunce::canonicalize(&target) else {
        diags.push(error(
            ids::BOOK_INCLUDE_MISSING,
            ids::BOOK_INCLUDE_MISSING_HINT,
        ));
        return None;
    };
    let inside = dunce::canonicalize(ctx.root).is_ok_and(|r| real.starts_with(r));
    if !inside || !ctx.access.allows(&target) {
        diags.push(error(
            ids::BOOK_INCLUDE_OUTSIDE,
            ids::BOOK_INCLUDE_OUTSIDE_HINT,
        ));
        return None;
    }
    files.push(real);
    let (rel, text) = match super::read_text(ctx.root, &target) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let Some(lines) = select_lines(&text, select) else {
        diags.push(
            Diagnostic::error(
                span.clone(),
                msg!(
                    BOOK_INCLUDE_NO_ANCHOR,
                    path = name,
                    anchor = select.unwrap_or("")
                ),
            )
            .hint(msg!(BOOK_INCLUDE_NO_ANCHOR_HINT)),
        );
        return None;
    };
    if depth >= MAX_DEPTH || !lines.contains("{{") {
        return Some(Done::Text(lines));
    }
    // Nested directives are located in the included file.
    let sub = Ctx {
        root: ctx.root,
        access: ctx.access,
    };
    let mut at = Locator::new(&lines, 1);
    let mut out = String::new();
    let mut pos = 0;
    let dir = target.parent().unwrap_or(dir);
    while let Some(found) = lines[pos..].find("{{") {
        let start = pos + found;
        match parse(&lines[start..]) {
            Some(d) if !lines[..start].ends_with('\\') => {
                out.push_str(&lines[pos..start]);
                let (line, col) = at.at(start);
                let span = Span::new(&rel, line as usize, col as usize);
                let sink = (&mut *diags, &mut *files);
                if let Some(Done::Text(t)) = directive(&sub, dir, &d, &span, depth + 1, sink) {
                    out.push_str(&t);
                }
                pos = start + d.len;
            }
            Some(d) => {
                out.push_str(&lines[pos..start - 1]);
                out.push_str(&lines[start..start + d.len]);
                pos = start + d.len;
            }
            None => {
                out.push_str(&lines[pos..start + 2]);
                pos = start + 2;
            }
        }
    }
    out.push_str(&lines[pos..]);
    Some(Done::Text(out))
}

/// The lines `select` names (`3`, `3:10`, `:10`, `3:`, an anchor name, or all), without the
/// `ANCHOR:` / `ANCHOR_END:` marker lines. None for an anchor the file does not have.
fn select_lines(text: &str, select: Option<&str>) -> Option<String> {
    let marker = |l: &str| l.contains("ANCHOR:") || l.contains("ANCHOR_END:");
    let all: Vec<&str> = text.lines().collect();
    let keep: Vec<&str> = match select.map(str::trim).filter(|s| !s.is_empty()) {
        None => all.into_iter().filter(|l| !marker(l)).collect(),
        Some(s)
            if s.split(':')
                .all(|p| p.is_empty() || p.parse::<usize>().is_ok()) =>
        {
            let mut parts = s.split(':');
            let num = |p: Option<&str>| p.and_then(|p| p.parse::<usize>().ok());
            let first = parts.next();
            let (from, to) = match parts.next() {
                None => (num(first), num(first)),
                Some(end) => (num(first), num(Some(end))),
            };
            let from = from.unwrap_or(1).max(1) - 1;
            let to = to.unwrap_or(all.len()).min(all.len());
            all.get(from..to.max(from))
                .unwrap_or(&[])
                .iter()
                .copied()
                .filter(|l| !marker(l))
                .collect()
        }
        Some(anchor) => {
            let is = |l: &str, tag: &str| {
                l.split_once(tag)
                    .is_some_and(|(_, rest)| rest.trim_start().starts_with(anchor))
                    && l.split_once(tag).is_some_and(|(_, rest)| {
                        let rest = rest.trim_start();
                        rest[anchor.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                    })
            };
            let start = all.iter().position(|l| is(l, "ANCHOR:"))?;
            let end = all[start..]
                .iter()
                .position(|l| is(l, "ANCHOR_END:"))
                .map(|e| start + e)
                .unwrap_or(all.len());
            all[start + 1..end]
                .iter()
                .copied()
                .filter(|l| !marker(l))
                .collect()
        }
    };
    let mut out = keep.join("\n");
    if !out.is_empty() && text.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "a\n// ANCHOR: x\nb\nc\n// ANCHOR_END: x\nd\n";

    #[test]
    fn ranges_and_anchors_pick_lines() {
        let pick = |s: Option<&str>| select_lines(FILE, s).unwrap();
        assert_eq!(pick(None), "a\nb\nc\nd\n");
        assert_eq!(pick(Some("3")), "b\n");
        assert_eq!(pick(Some("3:4")), "b\nc\n");
        assert_eq!(pick(Some(":1")), "a\n");
        assert_eq!(pick(Some("4:")), "c\nd\n");
        assert_eq!(pick(Some("x")), "b\nc\n");
        assert!(select_lines(FILE, Some("y")).is_none());
    }

    #[test]
    fn expanded_text_maps_back_to_the_body_as_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.rs"), "x\ny\n").unwrap();
        let access = super::super::fs::Access::new(dir.path(), false);
        let ctx = Ctx {
            root: dir.path(),
            access: &access,
        };
        let file: Arc<str> = Arc::from("content/p.md");
        let body = "前 {{#include a.rs}}后 \\{{#include a.rs}} [l](b.md)\n";
        let mut diags = Vec::new();
        let e = expand(&ctx, &dir.path().join("p.md"), &file, body, 3, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(e.text, "前 x\ny\n后 {{#include a.rs}} [l](b.md)\n");
        assert_eq!(e.count, 1);
        // Included text points at its `{{`; text after it at its own place.
        let at = |needle: &str| e.source_offset(e.text.find(needle).unwrap());
        assert_eq!(at("y"), body.find("{{").unwrap());
        assert_eq!(at("后"), body.find("后").unwrap());
        assert_eq!(at("{{#include a.rs}} ["), body.find("\\{{").unwrap() + 1);
        assert_eq!(at("[l]"), body.find("[l]").unwrap());
    }

    #[test]
    fn directives_are_read_as_mdbook_reads_them() {
        let d = parse("{{#include a.rs:2:3}} rest").unwrap();
        assert_eq!((d.name, d.args, d.len), ("include", "a.rs:2:3", 21));
        let d = parse("{{ #title 新标题 }}").unwrap();
        assert_eq!((d.name, d.args), ("title", "新标题"));
        assert!(parse("{{#include}}").is_none());
        assert!(parse("{{ name }}").is_none());
    }
}
