//! Markdown pages and sections from `content/`.

use serde::Deserialize;

use super::{Date, Origin, Source, Spanned};

/// The YAML front matter of a page or a section's `_index.md`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    /// `sidebar_position:` is accepted too, as Docusaurus writes it.
    #[serde(alias = "sidebar_position")]
    pub weight: i64,
    /// `date:` is accepted too, as Zola and Hugo write it.
    #[serde(default, alias = "date")]
    pub updated: Option<Date>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub slug: Option<Spanned<String>>,
    /// The document the page is written from; a section's is the default of its pages.
    #[serde(default)]
    pub source: Option<Source>,
    /// A draft is not published (`draft: true`, as Hugo, Zola and Jekyll write it).
    #[serde(default)]
    pub draft: bool,
    /// Where the front matter starts.
    #[serde(rename = "$__origin", default)]
    pub origin: Origin,
}

/// A heading of a Markdown body, with the anchor id it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link in a Markdown body to another Markdown file, found while loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link target as written (`../a/b.md#x`).
    pub dest: String,
    pub line: u32,
    pub col: u32,
}

/// A heading attribute other than `#id` and `.class` (`onfocus=alert(1)`), refused by `check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr {
    /// The attributes as written, `autofocus onfocus=alert(1)`.
    pub text: String,
    pub line: u32,
    pub col: u32,
}

/// A page: `content/a/b.md`, published at `a/b/`.
#[derive(Debug, Clone)]
pub struct Page {
    pub front: FrontMatter,
    /// Path under `content/`, with `/` (`a/b.md`).
    pub rel: String,
    /// Output path relative to the site root, with a trailing slash (`a/b/`).
    pub url: String,
    pub body: String,
    /// Line in the file where the body starts (1 when there is no front matter).
    pub body_line: u32,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    /// Every other link and image target (`https://…`, `images/a.png`), for the URL policy.
    pub urls: Vec<Link>,
    /// Heading attributes that are not `{#id .class}`.
    pub attrs: Vec<Attr>,
    pub has_code: bool,
    pub origin: Origin,
    /// False for Markdown brought in as it is (no front matter): its title comes from its
    /// first heading or file name, and its anchors are written as mdBook writes them.
    pub front_matter: bool,
}

/// A folder of `content/`, described by its `_index.md` (optional).
#[derive(Debug, Clone)]
pub struct Section {
    pub page: Page,
    /// Indices into `Model::pages` of the pages directly in this folder, in display order.
    pub pages: Vec<usize>,
    /// Indices into `Model::sections` of the subsections.
    pub subsections: Vec<usize>,
}

/// What loading did to read Markdown written for other tools, for `check`'s summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// SUMMARY.md files used for order and navigation.
    pub summaries: usize,
    /// Chapters they list (drafts included).
    pub chapters: usize,
    /// Pages without front matter.
    pub no_front_matter: usize,
    /// `{{#include}}`-style directives expanded.
    pub directives: usize,
    /// Folders whose README.md is their index page.
    pub readme_index: usize,
    /// Pages left out as drafts.
    pub drafts: usize,
}

impl Imported {
    pub fn is_empty(&self) -> bool {
        *self == Imported::default()
    }
}
