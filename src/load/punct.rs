//! Full-width punctuation where YAML needs ASCII: the usual slip of a Chinese keyboard.
//!
//! [`check`] runs before parsing and finds what YAML would accept silently or report a line
//! late: `：` right after a key, `，` between the items of a flow list `[a，b]`. [`explain`]
//! runs after a parse error and says when `【】` or curly quotes `“”‘’` were meant as YAML's
//! brackets or quotes. Full-width punctuation inside text values stays valid.

use std::sync::Arc;

use crate::diag::{Diagnostic, Message, Span};
use crate::msg;

/// One line of YAML split into where its key and its value start (columns count chars from 1).
struct Line<'a> {
    indent: usize,
    /// The ASCII key and the column after it, if the line starts with one.
    key: Option<(&'a str, usize)>,
    /// The value after `key: ` or `- `, with its column.
    value: Option<(&'a str, usize)>,
}

fn split(line: &str) -> Line<'_> {
    let indent = line.chars().take_while(|&c| c == ' ').count();
    let mut rest = &line[indent..];
    let mut col = indent + 1;
    let mut dashed = false;
    while let Some(r) = rest.strip_prefix("- ") {
        let spaces = r.chars().take_while(|&c| c == ' ').count();
        rest = &r[spaces..];
        col += 2 + spaces;
        dashed = true;
    }
    let key_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let key = (key_len > 0).then(|| (&rest[..key_len], col + key_len));
    let after = &rest[key_len..];
    let value = if key_len > 0 && (after.starts_with(": ") || after == ":") {
        let v = after[1..].trim_start_matches(' ');
        let skipped = after.len() - v.len();
        Some((v, col + key_len + skipped))
    } else if dashed {
        Some((rest, col))
    } else {
        None
    };
    Line { indent, key, value }
}

fn at(file: &Arc<str>, line: usize, col: usize, m: Message, hint: Message) -> Diagnostic {
    Diagnostic::error(Span::new(file, line, col), m).hint(hint)
}

/// A value that starts a block scalar (`|`, `>-` …): the lines below it are text.
fn opens_block(value: &str) -> bool {
    let v = value.trim_end();
    let v = v.split(" #").next().unwrap_or(v);
    matches!(v.chars().next(), Some('|' | '>'))
        && v[1..].chars().all(|c| matches!(c, '-' | '+' | '0'..='9'))
}

/// The first full-width colon after a key or full-width comma in a flow list.
pub fn check(file: &Arc<str>, text: &str, line_offset: usize) -> Option<Diagnostic> {
    let mut block: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1 + line_offset;
        let l = split(raw);
        if raw.trim().is_empty() {
            continue;
        }
        if let Some(b) = block {
            if l.indent > b {
                continue;
            }
            block = None;
        }
        if raw.trim_start().starts_with('#') {
            continue;
        }
        if let Some((key, after)) = l.key {
            let rest: String = raw.chars().skip(after - 1).collect();
            let spaces = rest.chars().take_while(|&c| c == ' ').count();
            if rest[spaces..].starts_with('：') && !key.is_empty() {
                return Some(at(
                    file,
                    line_no,
                    after + spaces,
                    msg!(FULLWIDTH_COLON),
                    msg!(FULLWIDTH_COLON_HINT),
                ));
            }
        }
        if let Some((value, col)) = l.value {
            if opens_block(value) {
                block = Some(l.indent);
                continue;
            }
            if value.starts_with('[') {
                if let Some(c) = flow_comma(value) {
                    return Some(at(
                        file,
                        line_no,
                        col + c,
                        msg!(FULLWIDTH_COMMA),
                        msg!(FULLWIDTH_COMMA_HINT),
                    ));
                }
            }
        }
    }
    None
}

/// The char offset of the first `，` inside the brackets of a flow list, outside quotes.
fn flow_comma(value: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut depth = 0;
    for (i, c) in value.chars().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => depth -= 1,
            (None, '，') if depth > 0 => return Some(i),
            (None, '#') if i > 0 => return None,
            _ => {}
        }
        if depth == 0 && i > 0 {
            return None;
        }
    }
    None
}

/// After a parse error at `line` (of the whole file): a value on that line or the one above
/// that starts with `【` or a curly quote was meant as YAML syntax. Say so, at that character.
pub fn explain(
    file: &Arc<str>,
    lines: &[&str],
    line_offset: usize,
    line: usize,
) -> Option<Diagnostic> {
    let rel = line.checked_sub(line_offset)?;
    for n in [rel, rel.saturating_sub(1)] {
        let Some(raw) = n.checked_sub(1).and_then(|i| lines.get(i)) else {
            continue;
        };
        let Some((value, col)) = split(raw).value else {
            continue;
        };
        match value.chars().next() {
            Some(c @ '【') => {
                return Some(at(
                    file,
                    n + line_offset,
                    col,
                    msg!(FULLWIDTH_BRACKET, char = c),
                    msg!(FULLWIDTH_BRACKET_HINT),
                ))
            }
            Some(c @ ('“' | '”' | '‘' | '’')) => {
                return Some(at(
                    file,
                    n + line_offset,
                    col,
                    msg!(CURLY_QUOTE, char = c),
                    msg!(CURLY_QUOTE_HINT, char = c),
                ))
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Option<String> {
        let file = Arc::from("f.yaml");
        check(&file, text, 0).map(|d| {
            format!(
                "{}:{} {}",
                d.span.line,
                d.span.col,
                d.message.key().unwrap()
            )
        })
    }

    #[test]
    fn a_full_width_colon_after_a_key_is_found_where_it_is() {
        assert_eq!(
            find("title: a\nid：x\n").as_deref(),
            Some("2:3 fullwidth-colon")
        );
        assert_eq!(
            find("faqs:\n  - id：x\n").as_deref(),
            Some("2:7 fullwidth-colon")
        );
        assert_eq!(find("title ：a\n").as_deref(), Some("1:7 fullwidth-colon"));
    }

    #[test]
    fn a_full_width_comma_in_a_flow_list_is_found() {
        assert_eq!(
            find("tags: [审核，退款]\n").as_deref(),
            Some("1:10 fullwidth-comma")
        );
        assert_eq!(
            find("items:\n  - [a, b，c]\n").as_deref(),
            Some("2:10 fullwidth-comma")
        );
    }

    #[test]
    fn full_width_punctuation_inside_text_stays_valid() {
        for ok in [
            "title: 标题：说明\n",
            "answer: 先登录，再点“提交”\n",
            "tags: [\"审核，退款\"]\n",
            "answer: |\n  id：不是键\n  [a，b]\n",
            "# id：注释\ntitle: a\n",
            "title: 【重要】保证金\n",
            "question: “主账号”是什么？\n",
        ] {
            assert_eq!(find(ok), None, "{ok}");
        }
    }

    #[test]
    fn brackets_and_curly_quotes_are_explained_after_an_error() {
        let file = Arc::from("f.yaml");
        let d = explain(&file, &["title: a", "tags: 【审核】", ""], 0, 2).unwrap();
        assert_eq!(
            (d.span.line, d.span.col, d.message.key()),
            (2, 7, Some("fullwidth-bracket"))
        );
        let d = explain(&file, &["title: “a: b”", ""], 2, 3).unwrap();
        assert_eq!(
            (d.span.line, d.span.col, d.message.key()),
            (3, 8, Some("curly-quote"))
        );
    }
}
