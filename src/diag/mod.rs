//! Diagnostics: every problem found in the sources, with where it is and what to do.
//!
//! Every stage reports problems as [`Diagnostic`]s and collects them in [`Diagnostics`], so
//! one run shows every problem at once. Lines and columns count from 1, from the start of the
//! file (also for front matter and Markdown bodies). What a diagnostic says is a
//! [`Message`] (a catalogue id with arguments); `crate::i18n::Catalog` turns it into text in
//! the reader's language when it is reported.

mod message;

pub use message::{Arg, Message, Repr};

use std::fmt;
use std::sync::Arc;

/// A place in a source file. `file` is relative to the site root, with `/` separators.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: Arc<str>,
    pub line: u32,
    pub col: u32,
}

impl Span {
    pub fn new(file: &Arc<str>, line: usize, col: usize) -> Self {
        Span {
            file: file.clone(),
            line: line as u32,
            col: col as u32,
        }
    }

    /// The whole file, when no better place is known.
    pub fn file(file: &Arc<str>) -> Self {
        Span::new(file, 1, 1)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Span,
    pub message: Message,
    pub hint: Option<Message>,
    /// Other places that take part in the problem (the first definition of a duplicate id).
    pub related: Vec<(Span, Message)>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            message: message.into(),
            hint: None,
            related: Vec::new(),
        }
    }

    pub fn warning(span: Span, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn related(mut self, span: Span, note: impl Into<Message>) -> Self {
        self.related.push((span, note.into()));
        self
    }
}

/// English; commands report through `crate::i18n::Catalog::render` in the reader's language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::Catalog::new(crate::i18n::Lang::En).render(self))
    }
}

/// Problems of one run, errors and warnings, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    /// Sorted by file, line, column, so output does not depend on thread scheduling.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.span, a.severity, &a.message).cmp(&(&b.span, b.severity, &b.message))
        });
        self.items.dedup();
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { items: vec![d] }
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(items: Vec<Diagnostic>) -> Self {
        Diagnostics { items }
    }
}

/// A run that ended with errors. Holds every problem of the run, errors and warnings.
#[derive(Debug)]
pub struct Failed(pub Diagnostics);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.errors().count();
        write!(f, "{n} error(s) in the sources")
    }
}

impl std::error::Error for Failed {}
