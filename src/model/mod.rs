//! The typed model of a site: configuration, platforms with their guides, Markdown pages.
//!
//! Built by `load`, read by `check` and `render`. The model knows where every item and every
//! value a check reports on came from (an [`Origin`], a [`Spanned`] value) but holds no HTML and
//! no paths of the output.

pub mod content;
pub mod guide;
pub mod index;
pub mod links;
pub mod outputs;
pub mod policy;
pub mod schema;
pub mod source;
pub mod spans;
pub mod walk;

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diag::Span;
pub use spans::{Origin, Pos, Spanned};

pub use content::{Attr, Heading, Imported, Link, Page, Section};
pub use guide::{Faq, Flow, Material, Platform, Rule, Source, Step, Term, Tree};

/// A file the model was read from, and where its values are.
pub type FileId = usize;

/// A calendar day, written `YYYY-MM-DD` in sources and output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(Date)
            .map_err(|_| {
                serde::de::Error::custom(format!("invalid date `{s}`, expected YYYY-MM-DD"))
            })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// `site.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub base_url: Spanned<String>,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default = "default_stale")]
    pub stale_after_days: u32,
    #[serde(default)]
    pub popular: Vec<Spanned<String>>,
    /// Pass raw HTML in Markdown through as written instead of cleaning it (docs/security.md).
    #[serde(default)]
    pub trusted_html: bool,
    /// Follow symlinks in the source folders that lead outside the site (docs/security.md).
    #[serde(default)]
    pub allow_outside_symlinks: bool,
}

fn default_language() -> String {
    "zh-CN".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_stale() -> u32 {
    365
}

impl Config {
    /// The base URL with exactly one trailing slash.
    pub fn base(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }
}

/// A whole site, as loaded.
#[derive(Debug)]
pub struct Model {
    pub config: Config,
    pub platforms: Vec<Platform>,
    pub sections: Vec<Section>,
    pub pages: Vec<Page>,
    /// The files read, by [`FileId`]: what a [`Pos`] points into.
    pub files: Vec<Arc<str>>,
    /// What was done to read Markdown written for other tools (mdBook's SUMMARY.md …).
    pub imported: Imported,
}

impl Model {
    /// The file, line and column of a place in the sources.
    pub fn span(&self, at: Pos) -> Span {
        Span {
            file: self.files[at.file].clone(),
            line: at.line,
            col: at.col,
        }
    }

    pub fn file_name(&self, id: FileId) -> &Arc<str> {
        &self.files[id]
    }
}
