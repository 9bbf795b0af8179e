//! Resolving the internal links written in Markdown: `other.md#anchor` (relative to the page's
//! file), the same without `.md` or as `other.html`, a site path (`/a/b/`, from the site
//! root, to any page the site publishes), `@id` (any guide item, `@flow-id/step-id` for a
//! step) and `#anchor` (same page). A link that names no page gets the closest page's site
//! path as a guess, an unknown id the closest id. A link without text (`[](@id)`) shows the
//! title of what it names ([`Resolver::title`]). `check` reports what does not resolve; `render` writes what does.

use std::collections::{HashMap, HashSet};

use super::index::{Index, Kind};
use super::{Model, Page};
use crate::diag::Message;
use crate::msg;
use crate::output::Role;

/// A resolved link: the target URL relative to the site root (`a/b/#x`).
pub type Resolved = Result<String, LinkError>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// No page by that name; the site path of a page with a close name, if there is one.
    NoPage {
        target: String,
        guess: Option<String>,
    },
    NoAnchor {
        page: String,
        anchor: String,
    },
    /// No item has that id; the closest id, if one is close.
    NoId {
        id: String,
        guess: Option<String>,
    },
}

impl LinkError {
    pub fn message(&self) -> Message {
        match self {
            LinkError::NoPage { target, .. } => msg!(LINK_NO_PAGE, target = target),
            LinkError::NoAnchor { page, anchor } => {
                msg!(LINK_NO_ANCHOR, anchor = anchor, page = page)
            }
            LinkError::NoId { id, .. } => msg!(LINK_NO_ID, id = id),
        }
    }

    pub fn hint(&self) -> Message {
        match self {
            LinkError::NoPage { guess: Some(g), .. } => msg!(LINK_NO_PAGE_GUESS, guess = g),
            LinkError::NoPage { guess: None, .. } => msg!(LINK_NO_PAGE_HINT),
            LinkError::NoAnchor { .. } => msg!(LINK_NO_ANCHOR_HINT),
            LinkError::NoId { guess: Some(g), .. } => msg!(LINK_NO_ID_GUESS, guess = g),
            LinkError::NoId { guess: None, .. } => msg!(LINK_NO_ID_HINT),
        }
    }
}

/// The anchor ids of one page, for lookups in constant time.
pub type Anchors<'a> = HashSet<&'a str>;

/// The anchors of `ids`, as a set.
pub fn anchors<'a>(ids: impl IntoIterator<Item = &'a String>) -> Anchors<'a> {
    ids.into_iter().map(String::as_str).collect()
}

/// What a link can point at: the content pages by file (with their anchors), every page the
/// site publishes by URL, and the ids.
pub struct Resolver<'a> {
    pages: HashMap<&'a str, (&'a Page, Anchors<'a>)>,
    /// Every published page's URL (`a/b/`, `` for the home page) → its content file, if any.
    urls: HashMap<String, Option<&'a str>>,
    index: &'a Index,
}

impl<'a> Resolver<'a> {
    pub fn new(model: &'a Model, index: &'a Index) -> Self {
        let content = model
            .pages
            .iter()
            .chain(model.sections.iter().map(|s| &s.page));
        let pages: HashMap<_, _> = content
            .clone()
            .map(|p| {
                (
                    p.rel.as_str(),
                    (p, anchors(p.headings.iter().map(|h| &h.id))),
                )
            })
            .collect();
        let mut urls: HashMap<String, Option<&str>> = index
            .registry
            .claims()
            .filter(|c| matches!(c.role, Role::Page { .. } | Role::Redirect))
            .filter_map(|c| c.path.strip_suffix("index.html"))
            .filter(|u| u.is_empty() || u.ends_with('/'))
            .map(|u| (u.to_string(), None))
            .collect();
        urls.extend(content.map(|p| (p.url.clone(), Some(p.rel.as_str()))));
        Resolver { pages, urls, index }
    }

    /// Resolve `dest` written in the file `from_rel` (a path under content/; "" for guide files,
    /// whose .md links are relative to content/). `own` is the page's anchors, for `#x` links.
    /// Constant time per link (hash lookups), so a page's links cost O(links); only a link
    /// that fails looks through every page for a guess.
    pub fn resolve(&self, from_rel: &str, dest: &str, own: &Anchors) -> Resolved {
        if let Some(id) = dest.strip_prefix('@') {
            return self
                .index
                .get(id)
                .map(|t| t.url.clone())
                .ok_or_else(|| LinkError::NoId {
                    id: id.to_string(),
                    guess: self.closest_id(id),
                });
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            if own.contains(anchor) || own.contains(decoded(anchor).as_ref()) {
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
        let dir = match path.starts_with('/') {
            true => "",
            false => from_rel.rsplit_once('/').map(|(d, _)| d).unwrap_or(""),
        };
        let Some(target) = normalize(dir, path) else {
            return Err(self.no_page(dest, dest));
        };
        let (page_url, content) = match self.find(&target, path) {
            Some(found) => found,
            None => {
                let shown = if path.starts_with('/') { path } else { &target };
                return Err(self.no_page(shown, &bare(&target)));
            }
        };
        let Some(rel) = content else {
            // A generated page (a flow, the FAQ list …): its anchors are not known here.
            return Ok(with_anchor(page_url, anchor));
        };
        let (page, ids) = &self.pages[rel];
        match anchor {
            Some(a) if !a.is_empty() && !ids.contains(a) && !ids.contains(decoded(a).as_ref()) => {
                Err(LinkError::NoAnchor {
                    page: rel.to_string(),
                    anchor: a.to_string(),
                })
            }
            _ => Ok(with_anchor(&page.url, anchor)),
        }
    }

    /// The text an empty link (`[](@id)`, `[](a.md#x)`) shows: the item's current title (a
    /// step's with its flow's: `流程：步骤`), the page's, or the heading's its anchor names.
    /// None for what has no title here (a URL, a generated page named by its site path).
    pub fn title(&self, from_rel: &str, dest: &str) -> Option<String> {
        if let Some(id) = dest.strip_prefix('@') {
            let target = self.index.get(id)?;
            return Some(match (target.kind, id.split_once('/')) {
                (Kind::Step, Some((flow, _))) => match self.index.get(flow) {
                    Some(f) => format!("{}：{}", f.title, target.title),
                    None => target.title.clone(),
                },
                _ => target.title.clone(),
            });
        }
        let (path, anchor) = match dest.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (dest, None),
        };
        let page = if path.is_empty() {
            self.pages.get(from_rel).map(|(p, _)| *p)?
        } else {
            let dir = match path.starts_with('/') {
                true => "",
                false => from_rel.rsplit_once('/').map(|(d, _)| d).unwrap_or(""),
            };
            let (_, rel) = self.find(&normalize(dir, path)?, path)?;
            self.pages.get(rel?).map(|(p, _)| *p)?
        };
        match anchor.filter(|a| !a.is_empty()) {
            Some(a) => page
                .headings
                .iter()
                .find(|h| h.id == a)
                .map(|h| h.text.clone()),
            None => Some(page.front.title.clone()),
        }
    }

    /// The page `target` names: a `.md` file, or (without `.md`, as `.html`, or as a folder)
    /// the file or section it stands for, or a site path (`path` begins with `/`).
    fn find(&self, target: &str, path: &str) -> Option<(&str, Option<&'a str>)> {
        let by_file = |rel: &str| {
            self.pages
                .get_key_value(rel)
                .map(|(k, (p, _))| (p.url.as_str(), Some(*k)))
        };
        if target.ends_with(".md") {
            return by_file(target);
        }
        let b = bare(target);
        let section = if b.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{b}/_index.md")
        };
        let found = by_file(&format!("{b}.md")).or_else(|| by_file(&section));
        if found.is_some() || !path.starts_with('/') {
            return found;
        }
        let url = if b.is_empty() {
            String::new()
        } else {
            format!("{b}/")
        };
        self.urls
            .get_key_value(&url)
            .map(|(u, rel)| (u.as_str(), *rel))
    }

    /// The id closest to the unknown `id`, when one is close (a typo, a missing part).
    fn closest_id(&self, id: &str) -> Option<String> {
        self.index
            .ids
            .keys()
            .map(|k| (strsim::normalized_levenshtein(id, k), k))
            .filter(|(score, _)| *score >= 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, k)| k.clone())
    }

    /// The error for a link to `target` that names no page, with the closest page as a guess.
    fn no_page(&self, target: &str, wanted: &str) -> LinkError {
        let last = wanted.rsplit('/').next().unwrap_or(wanted);
        let guess = self
            .urls
            .keys()
            .map(|u| {
                let b = u.trim_end_matches('/');
                let score = if !last.is_empty() && b.rsplit('/').next() == Some(last) {
                    1.0
                } else {
                    strsim::normalized_levenshtein(wanted, b)
                };
                (score, u)
            })
            .filter(|(score, _)| *score >= 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, u)| format!("/{u}"));
        LinkError::NoPage {
            target: target.to_string(),
            guess,
        }
    }
}

/// `a/b` for `a/b`, `a/b/`, `a/b.html`, `a/b/index.html`, `a/b.md`; `` for the site root.
fn bare(target: &str) -> String {
    let t = target.strip_suffix(".md").unwrap_or(target);
    let t = t.strip_suffix(".html").unwrap_or(t);
    let t = t
        .strip_suffix("/index")
        .or_else(|| (t == "index").then_some(""))
        .unwrap_or(t);
    t.trim_end_matches('/').to_string()
}

/// An anchor as a browser matches it: `#%E8%AE%BE` is the id `设`.
fn decoded(anchor: &str) -> std::borrow::Cow<'_, str> {
    percent_encoding::percent_decode_str(anchor).decode_utf8_lossy()
}

fn with_anchor(url: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(a) if !a.is_empty() => format!("{url}#{a}"),
        _ => url.to_string(),
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
    use super::{bare, normalize};

    #[test]
    fn the_ways_editors_name_a_page() {
        for t in ["a/b", "a/b/", "a/b.html", "a/b/index.html", "a/b.md"] {
            assert_eq!(bare(t), "a/b", "{t}");
        }
        assert_eq!(bare("index.html"), "");
        assert_eq!(bare(""), "");
    }

    #[test]
    fn paths_fold_dots() {
        assert_eq!(normalize("a/b", "../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(normalize("", "./x.md").as_deref(), Some("x.md"));
        assert_eq!(normalize("", "../x.md"), None);
    }
}
