//! What a batch of changed paths touches: the configuration, the theme, the guides, content
//! pages (each by its path), copied files (`static/`, files beside the pages). The rebuilder
//! ([`super::rebuild`]) turns this into the outputs to render again.

use std::collections::BTreeSet;

use super::watch::{Batch, CONFIG, CONFIG_YML};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Anything may have changed (lost events, a folder replaced, a path of no known kind).
    pub everything: bool,
    pub config: bool,
    /// A file under `themes/` or `templates/`.
    pub theme: bool,
    pub guides: bool,
    /// A file under `static/`, or a file under `content/` that is not Markdown.
    pub copied: bool,
    /// Markdown files under `content/`, relative to it (`a/b.md`, `a/_index.md`).
    pub pages: BTreeSet<String>,
}

impl Change {
    pub fn everything() -> Change {
        Change {
            everything: true,
            ..Change::default()
        }
    }
}

pub fn classify(batch: &Batch) -> Change {
    let mut c = Change {
        everything: batch.rescan,
        ..Change::default()
    };
    for path in &batch.paths {
        let (top, rest) = path.split_once('/').unwrap_or((path, ""));
        match top {
            CONFIG | CONFIG_YML if rest.is_empty() => c.config = true,
            "themes" | "templates" => c.theme = true,
            "guides" => c.guides = true,
            "static" => c.copied = true,
            "content" if rest.ends_with(".md") => {
                c.pages.insert(rest.to_string());
            }
            // A file beside the pages; a path with no extension may be a folder that came
            // or went with its pages.
            "content" if has_extension(rest) => c.copied = true,
            _ => c.everything = true,
        }
    }
    c
}

fn has_extension(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.')
        .is_some_and(|(stem, _)| !stem.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(paths: &[&str]) -> Batch {
        Batch {
            paths: paths.iter().map(|s| s.to_string()).collect(),
            ..Batch::default()
        }
    }

    #[test]
    fn each_path_is_put_in_its_kind() {
        let c = classify(&batch(&["content/a/b.md", "content/a/_index.md"]));
        let pages: BTreeSet<String> = ["a/_index.md", "a/b.md"].map(String::from).into();
        assert_eq!(
            c,
            Change {
                pages,
                ..Change::default()
            }
        );
        let c = classify(&batch(&[
            "site.yaml",
            "templates/page.html",
            "themes/default/static/style.css",
            "guides/demo/faq.yaml",
            "static/logo.png",
            "content/a/logo.png",
        ]));
        assert!(
            c.config && c.theme && c.guides && c.copied && !c.everything,
            "{c:?}"
        );
        assert!(c.pages.is_empty());
        for unknown in ["content/a", "README.md", "site.yaml/x"] {
            assert!(classify(&batch(&[unknown])).everything, "{unknown}");
        }
        let mut lost = batch(&["content/a/b.md"]);
        lost.rescan = true;
        assert!(classify(&lost).everything);
    }
}
