//! One owner per output path.
//!
//! Every file the build writes is claimed here first, by one owner with the source that made
//! it (a page's file, a FAQ's id, a `static/` file, the theme). A second claim of the same
//! path — also one that differs only in case, or that needs a file where another claim needs
//! a folder — is a located error naming both sources, so no output silently replaces another.
//! The writer accepts only a [`Site`], and only [`Registry::seal`] makes one: every file it
//! holds was claimed, once, under a path [`super::path`] allows.

use std::sync::Arc;

use imbl::OrdMap;

use super::path;
use super::OutFile;
use crate::diag::{Diagnostic, Diagnostics, Message, Span};
use crate::i18n::ids;
use crate::msg;

/// What a claimed file is, for the readers of the registry (the sitemap lists `Page`s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// An HTML page a visitor or crawler may land on; `lastmod` for the sitemap.
    Page { lastmod: Option<String> },
    /// A page that only sends the visitor on (a FAQ's former id).
    Redirect,
    /// The page served for missing URLs.
    NotFound,
    /// Anything else: assets, data, copied files, sitemap.xml, robots.txt.
    File,
}

/// One claim: an output path, who owns it, and where that owner is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Output path (`xhs/faq/index.html`), or a folder (`search/t`) when `folder` is set.
    pub path: String,
    /// Where the owner is defined; built-in outputs point at site.yaml.
    pub owner: Span,
    /// The owner in words, for messages: "FAQ `x`", "static/robots.txt". Shared, so a copy
    /// of the registry (a build's plan adds the theme's files to the index's) copies no text.
    pub what: Arc<Message>,
    pub role: Role,
    /// The whole folder belongs to this owner; files in it are made at render time.
    pub folder: bool,
}

impl Claim {
    pub fn file(
        path: impl Into<String>,
        owner: Span,
        what: impl Into<Message>,
        role: Role,
    ) -> Self {
        Claim {
            path: path.into(),
            owner,
            what: Arc::new(what.into()),
            role,
            folder: false,
        }
    }
}

/// Every claimed output path, keyed by its case-folded form.
///
/// The maps are persistent (`imbl`): a copy shares every node with the original, so the
/// build's plan, which copies the index's registry to add the theme's and copied files,
/// costs those few claims, not a second registry of the whole site.
#[derive(Debug, Default, Clone)]
pub struct Registry {
    claims: OrdMap<String, Claim>,
    /// Folded folder → folded key of the first claim that needs it.
    dirs: OrdMap<String, String>,
}

impl Registry {
    /// Claim `c.path`, or a located error: the path is not allowed, or someone owns it.
    pub fn claim(&mut self, c: Claim) -> Result<(), Diagnostic> {
        if let Some(why) = path::problem(&c.path) {
            let m = msg!(
                OUT_PATH_REFUSED,
                what = (*c.what).clone(),
                path = &c.path,
                why = why
            );
            return Err(Diagnostic::error(c.owner.clone(), m).hint(msg!(OUT_PATH_REFUSED_HINT)));
        }
        let key = path::fold(&c.path);
        if let Some(first) = self.claims.get(&key) {
            let clash = if first.path == c.path {
                Clash::Same
            } else {
                Clash::Case
            };
            return Err(collision(&c, first, clash));
        }
        if let Some(first) = self.dirs.get(&key).and_then(|k| self.claims.get(k)) {
            return Err(collision(&c, first, Clash::FolderOf));
        }
        let parents: Vec<&str> = key.match_indices('/').map(|(i, _)| &key[..i]).collect();
        if let Some(first) = parents.iter().find_map(|d| self.claims.get(*d)) {
            return Err(collision(&c, first, Clash::Inside));
        }
        for d in parents {
            if !self.dirs.contains_key(d) {
                self.dirs.insert(d.to_string(), key.clone());
            }
        }
        self.claims.insert(key, c);
        Ok(())
    }

    /// Claim each of `claims`, collecting the errors.
    pub fn claim_all(&mut self, claims: impl IntoIterator<Item = Claim>, diags: &mut Diagnostics) {
        for c in claims {
            if let Err(d) = self.claim(c) {
                diags.push(d);
            }
        }
    }

    /// Every claim, in the order of their folded paths (stable across runs).
    pub fn claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims.values()
    }

    /// The claim that owns `path`: its own, or its folder's.
    fn owner_of(&self, path: &str) -> Option<&Claim> {
        let key = path::fold(path);
        if let Some(c) = self.claims.get(&key) {
            return (!c.folder && c.path == path).then_some(c);
        }
        key.match_indices('/')
            .filter_map(|(i, _)| self.claims.get(&key[..i]))
            .find(|c| c.folder)
    }

    /// Whether a file may be written at `path`: an allowed path that was claimed (by itself
    /// or as part of a claimed folder). A file nobody claimed is a bug of guidepost, reported
    /// as such. The writer asks this of every file before it takes it.
    pub fn admit(&self, path: &str) -> Result<(), Diagnostic> {
        if path::problem(path).is_some() || self.owner_of(path).is_none() {
            return Err(internal(msg!(OUT_INTERNAL_UNCLAIMED, path = path)));
        }
        Ok(())
    }

    /// The files of a complete build, once each is known to be claimed exactly once under an
    /// allowed path.
    pub fn seal(&self, mut files: Vec<OutFile>) -> Result<Site, Diagnostics> {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut diags = Diagnostics::default();
        for (i, f) in files.iter().enumerate() {
            if let Err(d) = self.admit(&f.path) {
                diags.push(d);
            } else if i > 0 && files[i - 1].path == f.path {
                diags.push(made_twice(&f.path));
            }
        }
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Site { files })
    }
}

/// The error for an output guidepost itself got wrong.
fn internal(m: Message) -> Diagnostic {
    let file: std::sync::Arc<str> = "site.yaml".into();
    Diagnostic::error(Span::file(&file), m).hint(msg!(OUT_INTERNAL_HINT))
}

/// The error for a file a build made twice (a bug of guidepost, like an unclaimed one).
pub fn made_twice(path: &str) -> Diagnostic {
    internal(msg!(OUT_INTERNAL_TWICE, path = path))
}

/// How a new claim meets an earlier one.
enum Clash {
    /// The very same path.
    Same,
    /// The same path but for case.
    Case,
    /// The new file's path is a folder the earlier claim needs.
    FolderOf,
    /// The new file would be inside the earlier claim (a file, or an owned folder).
    Inside,
}

fn collision(new: &Claim, first: &Claim, clash: Clash) -> Diagnostic {
    let id = match clash {
        Clash::Same => ids::OUT_CLASH_SAME,
        Clash::Case => ids::OUT_CLASH_CASE,
        Clash::FolderOf => ids::OUT_CLASH_FOLDER_OF,
        Clash::Inside if first.folder => ids::OUT_CLASH_INSIDE_FOLDER,
        Clash::Inside => ids::OUT_CLASH_INSIDE_FILE,
    };
    let message = Message::id(id)
        .arg("what", (*new.what).clone())
        .arg("path", &new.path)
        .arg("other", (*first.what).clone())
        .arg("first", &first.path);
    let hint = match clash {
        Clash::Case => msg!(OUT_CLASH_CASE_HINT),
        _ => msg!(OUT_CLASH_HINT),
    };
    let note = msg!(
        OUT_CLASH_NOTE,
        other = (*first.what).clone(),
        first = &first.path
    );
    Diagnostic::error(new.owner.clone(), message)
        .related(first.owner.clone(), note)
        .hint(hint)
}

/// The files of one complete build: sorted by path, each claimed once, each path inside the
/// output folder. The only thing the writer accepts.
#[derive(Debug)]
pub struct Site {
    files: Vec<OutFile>,
}

impl Site {
    pub fn files(&self) -> &[OutFile] {
        &self.files
    }

    pub fn into_files(self) -> Vec<OutFile> {
        self.files
    }
}

impl IntoIterator for Site {
    type Item = OutFile;
    type IntoIter = std::vec::IntoIter<OutFile>;
    fn into_iter(self) -> Self::IntoIter {
        self.files.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: &str, line: usize) -> Span {
        Span::new(&file.into(), line, 1)
    }

    fn page(path: &str, file: &str) -> Claim {
        Claim::file(path, at(file, 1), file, Role::Page { lastmod: None })
    }

    fn err(r: &mut Registry, c: Claim) -> String {
        r.claim(c).unwrap_err().to_string()
    }

    #[test]
    fn second_claim_names_both_sources() {
        let mut r = Registry::default();
        r.claim(page("faq/index.html", "content/faq.md")).unwrap();
        assert_eq!(
            err(&mut r, page("FAQ/index.html", "content/FAQ.md")),
            "error: content/FAQ.md:1:1: content/FAQ.md would be written at `FAQ/index.html`, \
             which differs from `faq/index.html` of content/faq.md only in case\n  \
             note: content/faq.md:1:1: content/faq.md claims `faq/index.html` here\n  \
             hint: Windows and macOS disks do not tell these names apart: rename one (or set its `slug`)"
        );
        assert_eq!(
            err(&mut r, page("faq/index.html", "content/b.md")),
            "error: content/b.md:1:1: content/b.md would be written at `faq/index.html`, as content/faq.md is\n  \
             note: content/faq.md:1:1: content/faq.md claims `faq/index.html` here\n  \
             hint: two sources cannot publish the same path: rename one (or set a page's `slug`)"
        );
    }

    #[test]
    fn a_file_cannot_be_a_folder_of_another_claim() {
        let mut r = Registry::default();
        r.claim(page("a/b/index.html", "content/a/b.md")).unwrap();
        let e = err(&mut r, page("a/b", "static/a/b"));
        assert!(
            e.starts_with(
                "error: static/a/b:1:1: static/a/b would be written at `a/b`, \
                 a folder content/a/b.md needs for `a/b/index.html`"
            ),
            "{e}"
        );
        let mut r = Registry::default();
        r.claim(Claim {
            folder: true,
            ..page("search/t", "site.yaml")
        })
        .unwrap();
        let e = err(&mut r, page("search/t/0.js", "static/search/t/0.js"));
        assert!(
            e.contains("at `search/t/0.js`, inside `search/t`, which belongs to site.yaml"),
            "{e}"
        );
    }

    #[test]
    fn seal_takes_only_claimed_files_once() {
        let mut r = Registry::default();
        r.claim(page("a/index.html", "content/a.md")).unwrap();
        r.claim(Claim {
            folder: true,
            ..page("search/t", "site.yaml")
        })
        .unwrap();
        let f = |p: &str| OutFile {
            path: p.into(),
            bytes: vec![],
        };
        let site = r.seal(vec![f("search/t/1.js"), f("a/index.html")]).unwrap();
        let paths: Vec<_> = site.files().iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["a/index.html", "search/t/1.js"]);
        assert!(r.seal(vec![f("../x")]).is_err());
        assert!(r.seal(vec![f("A/index.html")]).is_err());
        assert!(r.seal(vec![f("a/index.html"), f("a/index.html")]).is_err());
    }
}
