//! Where each value of a YAML source is: the positions every later stage points at.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diag::Span;

/// Where each value of a YAML document starts, by dotted path (`faqs.2.related.0`).
#[derive(Debug, Default, Clone)]
pub struct SpanMap {
    file: Arc<str>,
    at: HashMap<String, (u32, u32)>,
}

impl SpanMap {
    pub fn new(file: Arc<str>, at: HashMap<String, (u32, u32)>) -> Self {
        SpanMap { file, at }
    }

    /// The span of the value at `path`, or of its nearest recorded parent.
    pub fn span(&self, path: &str) -> Span {
        let mut p = path;
        loop {
            if let Some(&(line, col)) = self.at.get(p) {
                return Span {
                    file: self.file.clone(),
                    line,
                    col,
                };
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => break,
            }
        }
        self.at
            .get("")
            .map(|&(line, col)| Span {
                file: self.file.clone(),
                line,
                col,
            })
            .unwrap_or_else(|| Span::file(&self.file))
    }

    pub fn file(&self) -> &Arc<str> {
        &self.file
    }
}
