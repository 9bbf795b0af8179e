//! YAML sources: a located read of one YAML document into a typed value.
//!
//! Two passes over the text. `tree` walks the YAML events (yaml-rust2 keeps positions) into a
//! tree of located nodes, refusing what serde would accept silently or place badly — duplicate
//! keys, aliases (alias bombs), too-deep nesting, several documents. `de` then reads that tree
//! into the `deny_unknown_fields` source structs through serde, giving every `Spanned` value
//! and every item's `origin` its place, and keeping every mistake of every item. Positions are
//! shifted by `line_offset`, so errors in front matter point into the whole file.

mod access;
mod de;
pub mod error;
mod scalar;
mod tree;

use std::sync::Arc;

use serde::de::Deserialize;

use crate::diag::Diagnostic;
use crate::model::FileId;

/// Read one YAML document into `T`. A syntax problem stops the read at its place; mistakes
/// of the typed pass are all reported, one per item at most, in the order of the file.
pub fn parse<T: for<'de> Deserialize<'de>>(
    file: &Arc<str>,
    id: FileId,
    text: &str,
    line_offset: usize,
) -> Result<T, Vec<Diagnostic>> {
    let root = tree::read(file, text, line_offset).map_err(|d| vec![d])?;
    de::Reader::new(id).read(&root).map_err(|found| {
        let lines = error::lines(text);
        found
            .iter()
            .map(|f| error::serde(file, &lines, line_offset, f))
            .map(|d| tree::inside(d, &lines, line_offset))
            .collect()
    })
}

#[cfg(test)]
mod tests;
