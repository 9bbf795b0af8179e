//! YAML sources: a located read of one YAML document into a typed value.
//!
//! Two passes over the text. The first walks the YAML events (yaml-rust2 keeps positions)
//! to refuse what serde_yaml would accept silently or report at 1:1 — duplicate keys,
//! aliases (alias bombs), too-deep nesting, several documents — and to record where every
//! value starts, by path (`steps.3.materials.1`). The second deserialises with serde_yaml into
//! the `deny_unknown_fields` source structs. Positions are shifted by `line_offset`, so errors
//! in front matter point into the whole file.

use std::collections::HashMap;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::yaml_error::{self, At};
use crate::diag::{Diagnostic, Span};
pub use crate::model::spans::SpanMap;
use crate::msg;

/// Deepest nesting a source may use; real guides stay far below it.
const MAX_DEPTH: usize = 48;

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        keys: HashMap<String, (u32, u32)>,
    },
    Seq {
        path: String,
        next: usize,
    },
}

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else {
        format!("{parent}.{child}")
    }
}

struct Scan<'a> {
    file: &'a Arc<str>,
    line_offset: usize,
    stack: Vec<Frame>,
    spans: HashMap<String, (u32, u32)>,
}

impl Scan<'_> {
    fn pos(&self, m: &Marker) -> (u32, u32) {
        ((m.line() + self.line_offset) as u32, (m.col() + 1) as u32)
    }

    fn span(&self, m: &Marker) -> Span {
        let (line, col) = self.pos(m);
        Span {
            file: self.file.clone(),
            line,
            col,
        }
    }

    /// A node starts. Returns its path, or None when it is a mapping key (already recorded).
    /// `quoted`: a quoted scalar, whose text starts one column after its mark.
    fn node(
        &mut self,
        m: &Marker,
        key_text: Option<&str>,
        quoted: bool,
    ) -> Result<Option<String>, Diagnostic> {
        let pos = self.pos(m);
        let span = self.span(m);
        let path = match self.stack.last_mut() {
            None => String::new(),
            Some(Frame::Seq { path, next }) => {
                *next += 1;
                join(path, &(*next - 1).to_string())
            }
            Some(Frame::Map { path, key, keys }) => match key.take() {
                Some(k) => join(path, &k),
                None => {
                    let Some(text) = key_text else {
                        return Err(Diagnostic::error(span, msg!(YAML_KEY_NOT_SCALAR))
                            .hint(msg!(YAML_KEY_NOT_SCALAR_HINT)));
                    };
                    if let Some(&(line, col)) = keys.get(text) {
                        let first = Span {
                            file: self.file.clone(),
                            line,
                            col,
                        };
                        return Err(
                            Diagnostic::error(span, msg!(YAML_DUPLICATE_KEY, key = text))
                                .related(first, msg!(YAML_DUPLICATE_KEY_NOTE))
                                .hint(msg!(YAML_DUPLICATE_KEY_HINT)),
                        );
                    }
                    if keys.is_empty() {
                        // A block mapping's start mark is unreliable; its first key is where it starts.
                        self.spans.insert(path.clone(), pos);
                    }
                    keys.insert(text.to_string(), pos);
                    *key = Some(text.to_string());
                    return Ok(None);
                }
            },
        };
        // A Markdown value's positions count from its first character, inside the quote.
        self.spans
            .insert(path.clone(), (pos.0, pos.1 + u32::from(quoted)));
        Ok(Some(path))
    }
}

/// Read one YAML document into `T`, refusing duplicate keys, aliases and deep nesting.
pub fn parse<T: DeserializeOwned>(
    file: &Arc<str>,
    text: &str,
    line_offset: usize,
) -> Result<(T, SpanMap), Diagnostic> {
    let spans = scan(file, text, line_offset)?;
    let source = if text.trim().is_empty() { "{}" } else { text };
    match serde_yaml::from_str::<T>(source) {
        Ok(v) => Ok((v, spans)),
        Err(e) => Err(inside(
            serde_error(file, text, &e, line_offset),
            text,
            line_offset,
        )),
    }
}

/// A parser's place for "the end of the text" may be a line after the last one: put it at the
/// end of the last line, so an editor can go there.
fn inside(mut d: Diagnostic, text: &str, line_offset: usize) -> Diagnostic {
    let lines: Vec<&str> = text.split('\n').collect();
    let first = line_offset as u32 + 1;
    let last = line_offset as u32 + lines.len() as u32;
    if d.span.line > last {
        d.span.line = last;
        d.span.col = u32::MAX;
    }
    let line = lines[(d.span.line.max(first) - first) as usize];
    let width = line.trim_end_matches('\r').chars().count() as u32 + 1;
    d.span.col = d.span.col.clamp(1, width);
    d
}

/// A character YAML forbids: C0 controls other than tab, line feed and carriage return, DEL,
/// C1 controls other than NEL, and the non-characters U+FFFE and U+FFFF.
fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{84}' | '\u{86}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// The first forbidden character, at its own line and column (serde_yaml says 1:1).
fn control_character(file: &Arc<str>, text: &str, line_offset: usize) -> Option<Diagnostic> {
    let (at, c) = text.char_indices().find(|&(_, c)| forbidden(c))?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1 + line_offset;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some(
        Diagnostic::error(
            Span::new(file, line, col),
            msg!(YAML_CONTROL_CHAR, code = format!("{:04X}", c as u32)),
        )
        .hint(msg!(YAML_CONTROL_CHAR_HINT)),
    )
}

/// The event pass: positions by path, and the problems serde_yaml does not report well.
pub fn scan(file: &Arc<str>, text: &str, line_offset: usize) -> Result<SpanMap, Diagnostic> {
    if let Some(d) = control_character(file, text, line_offset) {
        return Err(d);
    }
    if let Some(d) = super::punct::check(file, text, line_offset) {
        return Err(d);
    }
    let mut s = Scan {
        file,
        line_offset,
        stack: Vec::new(),
        spans: HashMap::new(),
    };
    let mut documents = 0;
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let m = e.marker();
            let d = if e.info().contains("recursion limit") {
                too_deep(s.span(m))
            } else {
                let at = At {
                    line: m.line() + line_offset,
                    col: m.col() + 1,
                };
                yaml_error::syntax(file, text, line_offset, e.info(), at)
            };
            inside(d, text, line_offset)
        })?;
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(Diagnostic::error(s.span(&mark), msg!(YAML_SECOND_DOCUMENT))
                        .hint(msg!(YAML_SECOND_DOCUMENT_HINT)));
                }
            }
            Event::Alias(_) => {
                return Err(
                    Diagnostic::error(s.span(&mark), msg!(YAML_ALIAS)).hint(msg!(YAML_ALIAS_HINT))
                );
            }
            Event::Scalar(value, style, ..) => {
                let quoted = matches!(
                    style,
                    TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted
                );
                s.node(&mark, Some(&value), quoted)?;
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if s.stack.len() >= MAX_DEPTH {
                    return Err(too_deep(s.span(&mark)));
                }
                let is_map = matches!(event, Event::MappingStart(..));
                let path = s.node(&mark, None, false)?.unwrap_or_default();
                s.stack.push(if is_map {
                    Frame::Map {
                        path,
                        key: None,
                        keys: HashMap::new(),
                    }
                } else {
                    Frame::Seq { path, next: 0 }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                s.stack.pop();
            }
            _ => {}
        }
    }
    Ok(SpanMap::new(file.clone(), s.spans))
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::error(span, msg!(YAML_TOO_DEEP)).hint(msg!(YAML_TOO_DEEP_HINT, max = MAX_DEPTH))
}

/// Errors raised by our own value parsers (dates) carry no position: find the value they quote.
fn locate_quoted_value(text: &str, message: &str) -> Option<(usize, usize)> {
    let value = message.split('`').nth(1).filter(|v| !v.is_empty())?;
    let at = text.find(value)?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some((line, col))
}

fn serde_error(
    file: &Arc<str>,
    text: &str,
    e: &serde_yaml::Error,
    line_offset: usize,
) -> Diagnostic {
    let full = e.to_string();
    let (line, col) = e
        .location()
        .map(|l| (l.line(), l.column()))
        // serde_yaml puts errors of nested value parsers at 1:1: prefer the quoted value's place.
        .filter(|&at| at != (1, 1) || !full.contains("invalid date"))
        .or_else(|| locate_quoted_value(text, &full))
        .unwrap_or((1, 1));
    let at = At {
        line: line + line_offset,
        col,
    };
    yaml_error::serde(file, text, line_offset, &full, at)
}

#[cfg(test)]
#[path = "yaml_tests.rs"]
mod tests;
