//! The event pass: one YAML document read into a tree of located nodes.
//!
//! yaml-rust2 keeps positions, serde_yaml does not (it says 1:1 for many mistakes). This pass
//! refuses what serde_yaml would accept silently or report badly — duplicate keys, aliases
//! (alias bombs), too-deep nesting, several documents, control characters, full-width
//! punctuation — and keeps where every node starts, for the typed pass in `de.rs`.

use std::collections::HashMap;
use std::sync::Arc;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::error::{self, At};
use crate::diag::{Diagnostic, Span};
use crate::msg;

/// Deepest nesting a source may use; real guides stay far below it.
pub const MAX_DEPTH: usize = 48;

/// A node of the document and where it starts (line and column of the whole file, from 1).
#[derive(Debug)]
pub struct Node {
    pub line: u32,
    pub col: u32,
    pub value: Value,
}

#[derive(Debug)]
pub enum Value {
    /// A scalar's text; `plain` when unquoted and not a block scalar, the only style whose
    /// text YAML reads as null, a boolean or a number.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

/// A collection being read.
struct Open {
    node: Node,
    /// For a mapping: the key read last, waiting for its value, and the keys seen (for duplicates).
    key: Option<Node>,
    keys: HashMap<String, (u32, u32)>,
}

struct Reader<'a> {
    file: &'a Arc<str>,
    line_offset: usize,
    stack: Vec<Open>,
    root: Option<Node>,
}

impl Reader<'_> {
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

    /// Is the node starting now a mapping's key?
    fn expects_key(&self) -> bool {
        self.stack
            .last()
            .is_some_and(|o| matches!(o.node.value, Value::Map(_)) && o.key.is_none())
    }

    /// A key of the innermost mapping: refuse a second one with the same text.
    fn key(&mut self, node: Node, text: &str, mark: &Marker) -> Result<(), Diagnostic> {
        let span = self.span(mark);
        let open = self.stack.last_mut().expect("a key is inside a mapping");
        if let Some(&(line, col)) = open.keys.get(text) {
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
        if open.keys.is_empty() {
            // A block mapping's start mark is unreliable; its first key is where it starts.
            (open.node.line, open.node.col) = (node.line, node.col);
        }
        open.keys.insert(text.to_string(), (node.line, node.col));
        open.key = Some(node);
        Ok(())
    }

    /// A finished node goes into its parent (or becomes the document).
    fn attach(&mut self, node: Node) {
        let Some(open) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        match &mut open.node.value {
            Value::Seq(items) => items.push(node),
            Value::Map(entries) => {
                let key = open.key.take().expect("a value follows its key");
                entries.push((key, node));
            }
            Value::Scalar { .. } => unreachable!("scalars hold no nodes"),
        }
    }
}

/// Read `text` (one YAML document) into its tree; positions are shifted by `line_offset`, so
/// front matter points into the whole file. An empty text is an empty mapping. Every error is
/// placed inside the text, where an editor can go.
pub fn read(file: &Arc<str>, text: &str, line_offset: usize) -> Result<Node, Diagnostic> {
    events(file, text, line_offset).map_err(|d| inside(d, &error::lines(text), line_offset))
}

fn events(file: &Arc<str>, text: &str, line_offset: usize) -> Result<Node, Diagnostic> {
    if let Some(d) = control_character(file, text, line_offset) {
        return Err(d);
    }
    if let Some(d) = super::super::punct::check(file, text, line_offset) {
        return Err(d);
    }
    let mut r = Reader {
        file,
        line_offset,
        stack: Vec::new(),
        root: None,
    };
    let mut documents = 0;
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let m = e.marker();
            let d = if e.info().contains("recursion limit") {
                too_deep(r.span(m))
            } else {
                let at = At {
                    line: m.line() + line_offset,
                    col: m.col() + 1,
                };
                error::syntax(file, text, line_offset, e.info(), at)
            };
            d
        })?;
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(Diagnostic::error(r.span(&mark), msg!(YAML_SECOND_DOCUMENT))
                        .hint(msg!(YAML_SECOND_DOCUMENT_HINT)));
                }
            }
            Event::Alias(_) => {
                return Err(
                    Diagnostic::error(r.span(&mark), msg!(YAML_ALIAS)).hint(msg!(YAML_ALIAS_HINT))
                );
            }
            Event::Scalar(text, style, ..) => {
                let quoted = matches!(
                    style,
                    TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted
                );
                let (line, col) = r.pos(&mark);
                if r.expects_key() {
                    let node = Node {
                        line,
                        col,
                        value: Value::Scalar {
                            text: text.clone(),
                            plain: style == TScalarStyle::Plain,
                        },
                    };
                    r.key(node, &text, &mark)?;
                    continue;
                }
                // A Markdown value's positions count from its first character, inside the quote.
                r.attach(Node {
                    line,
                    col: col + u32::from(quoted),
                    value: Value::Scalar {
                        text,
                        plain: style == TScalarStyle::Plain,
                    },
                });
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if r.expects_key() {
                    return Err(Diagnostic::error(r.span(&mark), msg!(YAML_KEY_NOT_SCALAR))
                        .hint(msg!(YAML_KEY_NOT_SCALAR_HINT)));
                }
                if r.stack.len() >= MAX_DEPTH {
                    return Err(too_deep(r.span(&mark)));
                }
                let (line, col) = r.pos(&mark);
                let value = if matches!(event, Event::MappingStart(..)) {
                    Value::Map(Vec::new())
                } else {
                    Value::Seq(Vec::new())
                };
                r.stack.push(Open {
                    node: Node { line, col, value },
                    key: None,
                    keys: HashMap::new(),
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = r.stack.pop().expect("an end follows its start");
                r.attach(open.node);
            }
            _ => {}
        }
    }
    Ok(r.root.unwrap_or(Node {
        line: line_offset as u32 + 1,
        col: 1,
        value: Value::Map(Vec::new()),
    }))
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::error(span, msg!(YAML_TOO_DEEP)).hint(msg!(YAML_TOO_DEEP_HINT, max = MAX_DEPTH))
}

/// A parser's place for "the end of the text" may be a line after the last one: put it at the
/// end of the last line (of `lines`, the text's), so an editor can go there.
pub fn inside(mut d: Diagnostic, lines: &[&str], line_offset: usize) -> Diagnostic {
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
