//! The YAML parsers' own errors, turned into catalogue messages an editor can act on.
//!
//! yaml-rust2 and serde_yaml speak of "simple keys", "block collections" and Rust types, and
//! often notice a mistake a line after it. Here each common mistake — a tab, a wrong
//! indentation, a missing `:`, an unclosed quote or list, a misspelled key, a wrong date — gets
//! its own message at the place to fix, with a hint that says what to do. serde's item paths
//! (`faqs[2].related`) become editors' words, counted from 1 (`第 3 条 FAQ`).

use std::sync::Arc;

use crate::diag::{Diagnostic, Message, Span};
use crate::msg;

use super::super::punct;
use super::de::Found;

/// Where the parser stopped, in lines of the whole file and chars of the line (from 1).
pub struct At {
    pub line: usize,
    pub col: usize,
}

/// The lines of `text` without their `\r`: split once per file, however many errors it has.
pub(super) fn lines(text: &str) -> Vec<&str> {
    text.split('\n').map(|l| l.trim_end_matches('\r')).collect()
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|&c| c == ' ').count()
}

/// A syntax error of the event pass (`info` is yaml-rust2's text) at `at`.
pub fn syntax(file: &Arc<str>, text: &str, offset: usize, info: &str, at: At) -> Diagnostic {
    let all = lines(text);
    let rel = at.line.saturating_sub(offset).max(1);
    let line = |n: usize| all.get(n.wrapping_sub(1)).copied().unwrap_or("");
    let span = |n: usize, col: usize| Span::new(file, n + offset, col);
    let is_tab = |l: &&str| {
        l.chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .any(|c| c == '\t')
    };
    if info.contains("tab") {
        if let Some(n) = all.iter().position(is_tab) {
            let col = all[n].chars().position(|c| c == '\t').unwrap_or(0) + 1;
            return Diagnostic::error(span(n + 1, col), msg!(YAML_TAB)).hint(msg!(YAML_TAB_HINT));
        }
    }
    if let Some(d) = punct::explain(file, &all, offset, at.line) {
        return d;
    }
    if info.contains("quoted scalar") {
        return Diagnostic::error(span(rel, at.col), msg!(YAML_UNCLOSED_QUOTE))
            .hint(msg!(YAML_UNCLOSED_QUOTE_HINT));
    }
    let previous = (1..rel)
        .rev()
        .find(|&n| !line(n).trim().is_empty() && !line(n).trim_start().starts_with('#'));
    if info.contains("flow sequence")
        || info.contains("',' or ']'")
        || info.contains("':' indicator")
    {
        let open = [Some(rel), previous]
            .into_iter()
            .flatten()
            .find_map(|n| unclosed_bracket(line(n)).map(|c| (n, c)));
        if let Some((n, col)) = open {
            return Diagnostic::error(span(n, col), msg!(YAML_UNCLOSED_LIST))
                .hint(msg!(YAML_UNCLOSED_LIST_HINT));
        }
    }
    let bare_word = |l: &str| {
        let t = l.trim().trim_start_matches("- ");
        !t.is_empty() && !t.contains(':') && !t.starts_with(['"', '\'', '[', '{', '#', '|', '>'])
    };
    if info.contains("simple key") || info.contains("mapping values") {
        // `key: a: b`: a colon inside a value.
        let here = line(rel);
        if info.contains("mapping values")
            && here
                .find(": ")
                .is_some_and(|i| here[..i].chars().count() + 1 < at.col)
        {
            let first = here
                .find(": ")
                .map(|i| here[..i].chars().count() + 3)
                .unwrap_or(at.col);
            return Diagnostic::error(span(rel, first), msg!(YAML_COLON_IN_VALUE))
                .hint(msg!(YAML_COLON_IN_VALUE_HINT));
        }
        if let Some(p) = previous.filter(|&p| bare_word(line(p))) {
            let end = line(p).trim_end().chars().count() + 1;
            return Diagnostic::error(span(p, end), msg!(YAML_MISSING_COLON))
                .hint(msg!(YAML_MISSING_COLON_HINT));
        }
        if bare_word(here) && info.contains("simple key") {
            let end = here.trim_end().chars().count() + 1;
            return Diagnostic::error(span(rel, end), msg!(YAML_MISSING_COLON))
                .hint(msg!(YAML_MISSING_COLON_HINT));
        }
    }
    if info.contains("indentation")
        || info.contains("block")
        || info.contains("mapping values")
        || info.contains("'-' indicator")
    {
        let here = line(rel);
        return Diagnostic::error(span(rel, indent(here) + 1), msg!(YAML_INDENT))
            .hint(msg!(YAML_INDENT_HINT));
    }
    Diagnostic::error(span(rel, at.col), msg!(YAML_SYNTAX, detail = info))
        .hint(msg!(YAML_SYNTAX_HINT))
}

/// The column of the last `[` on a line that its line does not close.
fn unclosed_bracket(line: &str) -> Option<usize> {
    let mut open = Vec::new();
    let mut quote = None;
    for (i, c) in line.chars().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => open.push(i + 1),
            (None, ']') => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// `faqs[2].related[0]` → `第 3 条 FAQ › 第 1 个相关条目` / `FAQ #3 › related item #1`.
pub fn path_words(path: &str) -> Message {
    let mut parts: Vec<Message> = Vec::new();
    for seg in path.split('.') {
        let mut pieces = seg.split('[');
        let name = pieces.next().unwrap_or("");
        let indices: Vec<usize> = pieces
            .filter_map(|p| p.trim_end_matches(']').parse().ok())
            .collect();
        if indices.is_empty() {
            parts.push(msg!(PATH_FIELD, key = name));
        }
        for n in indices {
            parts.push(msg!(PATH_ITEM, list = name, n = n + 1));
        }
    }
    let mut iter = parts.into_iter();
    let first = iter.next().unwrap_or_else(|| msg!(PATH_FIELD, key = path));
    iter.fold(first, |a, b| msg!(PATH_JOIN, a = a, b = b))
}

/// The quoted words of a serde list: "`a`, `b`" → ["a", "b"].
fn quoted(list: &str) -> Vec<&str> {
    list.split('`').skip(1).step_by(2).collect()
}

/// The closest of `known` to `word`, if close enough to be a likely slip.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(word, k), k))
        .filter(|&(score, k)| {
            score >= 0.6
                || (strsim::damerau_levenshtein(word, k) <= 1 && word.chars().count() > 1)
                || (k.starts_with(word) && word.chars().count() >= 2)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

fn suggest(close: Option<&str>, rest: Message) -> Message {
    match close {
        Some(c) => msg!(HINT_DID_YOU_MEAN, close = c, rest = rest),
        None => rest,
    }
}

/// serde's name of a kind of value, for `serde-what`.
fn what(serde: &str) -> Message {
    let s = serde.trim();
    let kind = if s.starts_with("a sequence") || s.starts_with("sequence") {
        "sequence"
    } else if s.starts_with("struct") || s.starts_with("a map") || s.starts_with("map") {
        "map"
    } else if s.starts_with("a string") || s == "string" {
        "string"
    } else if let Some(text) = s.strip_prefix("string ") {
        return msg!(SERDE_WHAT_TEXT, text = text);
    } else if s.starts_with("a boolean") || s.starts_with("boolean") {
        "bool"
    } else if s.starts_with("integer")
        || s.starts_with("u32")
        || s.starts_with("u64")
        || s.starts_with("i64")
        || s.starts_with("usize")
        || s.starts_with("an integer")
    {
        "int"
    } else if s.starts_with("unit") {
        "empty"
    } else {
        return Message::text(s);
    };
    msg!(SERDE_WHAT, what = kind)
}

/// A mistake of the typed pass: message and hint from the catalogue, in place.
/// `lines` are the text's ([`lines`]).
pub(super) fn serde(file: &Arc<str>, lines: &[&str], offset: usize, found: &Found) -> Diagnostic {
    let path = Some(found.path.as_str()).filter(|p| !p.is_empty());
    let rest = found.message.as_str();
    let at = At {
        line: found.line as usize,
        col: found.col as usize,
    };
    let span = Span::new(file, at.line, at.col);
    let (m, hint) = if let Some(r) = rest.strip_prefix("unknown field `") {
        let key = r.split('`').next().unwrap_or("");
        let expected_text = r.split_once(", expected ").map(|(_, e)| e).unwrap_or("");
        // The reserved names through which positions are given are not for editors.
        let expected: Vec<&str> = quoted(expected_text)
            .into_iter()
            .filter(|k| !k.starts_with("$__"))
            .collect();
        let hint = if expected.is_empty() {
            msg!(SERDE_UNKNOWN_FIELD_NONE_HINT, key = key)
        } else {
            let list = expected
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            suggest(
                closest(key, expected.iter().copied()),
                msg!(SERDE_UNKNOWN_FIELD_HINT, expected = list),
            )
        };
        (msg!(SERDE_UNKNOWN_FIELD, key = key), hint)
    } else if let Some(r) = rest.strip_prefix("missing field `") {
        let key = r.split('`').next().unwrap_or("");
        (
            msg!(SERDE_MISSING_FIELD, key = key),
            msg!(SERDE_MISSING_FIELD_HINT, key = key),
        )
    } else if let Some(r) = rest.strip_prefix("invalid date `") {
        let value = r.split('`').next().unwrap_or("");
        (
            msg!(SERDE_INVALID_DATE, value = value),
            msg!(SERDE_INVALID_DATE_HINT),
        )
    } else if let Some(r) = rest.strip_prefix("unknown variant `") {
        let value = r.split('`').next().unwrap_or("");
        let expected = quoted(r.split_once(", expected ").map(|(_, e)| e).unwrap_or(""));
        let list = expected
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        (
            msg!(SERDE_UNKNOWN_VARIANT, value = value),
            suggest(
                closest(value, expected.iter().copied()),
                msg!(SERDE_UNKNOWN_VARIANT_HINT, expected = list),
            ),
        )
    } else if let Some(r) = rest
        .strip_prefix("invalid type: ")
        .or_else(|| rest.strip_prefix("invalid value: "))
    {
        if let Some(d) = punct::explain(file, lines, offset, at.line) {
            return d;
        }
        let (found, expected) = r.split_once(", expected ").unwrap_or((r, ""));
        let id = if rest.starts_with("invalid type") {
            crate::i18n::ids::SERDE_INVALID_TYPE
        } else {
            crate::i18n::ids::SERDE_INVALID_VALUE
        };
        (
            Message::id(id)
                .arg("expected", what(expected))
                .arg("found", what(found)),
            msg!(SERDE_INVALID_TYPE_HINT),
        )
    } else {
        (msg!(SERDE_OTHER, detail = rest), msg!(YAML_SYNTAX_HINT))
    };
    let m = match path {
        Some(p) => msg!(PATH_AT, path = path_words(p), rest = m),
        None => m,
    };
    Diagnostic::error(span, m).hint(hint)
}
