//! Resolving the internal links written in Markdown: `other.md#anchor` (relative to the page's
//! file), `@id` (any guide item, `@flow-id/step-id` for a step) and `#anchor` (same page).
//! `check` reports what does not resolve; `render` writes what does.

use std::collections::{HashMap, HashSet};

use super::index::Index;
use super::{Model, Page};

/// A resolved link: the target URL relative to the site root (`a/b/#x`).
pub type Resolved = Result<String, LinkError>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    NoPage(String),
    NoAnchor { page: String, anchor: String },
    NoId(String),
}

impl LinkError {
    pub fn message(&self) -> String {
        match self {
            LinkError::NoPage(p) => format!("link to a missing page `{p}`"),
            LinkError::NoAnchor { page, anchor } => {
                format!("link to a missing anchor `#{anchor}` in `{page}`")
            }
            LinkError::NoId(id) => format!("link to an unknown id `@{id}`"),
        }
    }

    pub fn hint(&self) -> &'static str {
        match self {
            LinkError::NoPage(_) => "check the path: it is relative to this file's folder and names a .md file under content/",
            LinkError::NoAnchor { .. } => "anchors come from the target's headings (Chinese is written in pinyin: ## 角色分工 → #jiao-se-fen-gong); check the heading or the anchor",
            LinkError::NoId(_) => "write @ followed by the id of a flow, step (flow-id/step-id), FAQ, rule, term, material or tree",
        }
    }
}

/// The anchor ids of one page, for lookups in constant time.
pub type Anchors<'a> = HashSet<&'a str>;

/// The anchors of `ids`, as a set.
pub fn anchors<'a>(ids: impl IntoIterator<Item = &'a String>) -> Anchors<'a> {
    ids.into_iter().map(String::as_str).collect()
}

/// What a link can point at: the content pages by file (with their anchors), and the ids.
pub struct Resolver<'a> {
    pages: HashMap<&'a str, (&'a Page, Anchors<'a>)>,
    index: &'a Index,
}

impl<'a> Resolver<'a> {
    pub fn new(model: &'a Model, index: &'a Index) -> Self {
        let pages = model
            .pages
            .iter()
            .chain(model.sections.iter().map(|s| &s.page))
            .map(|p| {
                (
                    p.rel.as_str(),
                    (p, anchors(p.headings.iter().map(|h| &h.id))),
                )
            })
            .collect();
        Resolver { pages, index }
    }

    /// Resolve `dest` written in the file `from_rel` (a path under content/; "" for guide files,
    /// whose .md links are relative to content/). `own` is the page's anchors, for `#x` links.
    /// Constant time per link (hash lookups), so a page's links cost O(links).
    pub fn resolve(&self, from_rel: &str, dest: &str, own: &Anchors) -> Resolved {
        if let Some(id) = dest.strip_prefix('@') {
            return self
                .index
                .get(id)
                .map(|t| t.url.clone())
                .ok_or_else(|| LinkError::NoId(id.to_string()));
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            if own.contains(anchor) {
                return Ok(dest.to_string());
            }
            return Err(LinkError::NoAnchor {
                page: from_rel.to_string(),
                anchor: anchor.to_string(),
            });
        }
        let (path, anchor) = match dest.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (dest, None),
        };
        let dir = from_rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        let target = normalize(dir, path).ok_or_else(|| LinkError::NoPage(dest.to_string()))?;
        let (page, ids) = self
            .pages
            .get(target.as_str())
            .ok_or(LinkError::NoPage(target.clone()))?;
        match anchor {
            None | Some("") => Ok(page.url.clone()),
            Some(a) if ids.contains(a) => Ok(format!("{}#{a}", page.url)),
            Some(a) => Err(LinkError::NoAnchor {
                page: target,
                anchor: a.to_string(),
            }),
        }
    }
}

/// Join `dir` and the relative `path`, folding `.` and `..`; None when it leaves content/.
fn normalize(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn paths_fold_dots() {
        assert_eq!(normalize("a/b", "../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(normalize("", "./x.md").as_deref(), Some("x.md"));
        assert_eq!(normalize("", "../x.md"), None);
    }
}
