//! Deciding the smallest rebuild for a batch of changed paths.
//!
//! One edited page (`content/**/*.md`, not a section's `_index.md`, whose text and list show
//! on other pages) may be re-rendered alone, if what other pages show of it is unchanged;
//! the rebuilder checks that after loading it and falls back to a whole build if not.
//! Anything else — several files, a guide, the config, a template, static files, a deleted or
//! new file, lost events — rebuilds the whole site.

use super::watch::Batch;

#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// Re-render this page (path under `content/`) if its shape is unchanged.
    Page(String),
    Full,
}

pub fn plan(batch: &Batch) -> Plan {
    if batch.rescan || batch.paths.len() != 1 {
        return Plan::Full;
    }
    let path = batch.paths.iter().next().expect("one path");
    match path.strip_prefix("content/") {
        Some(rel) if rel.ends_with(".md") && !is_section(rel) => Plan::Page(rel.to_string()),
        _ => Plan::Full,
    }
}

fn is_section(rel: &str) -> bool {
    rel == "_index.md" || rel.ends_with("/_index.md")
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
    fn one_page_alone_is_the_only_small_rebuild() {
        assert_eq!(
            plan(&batch(&["content/a/b.md"])),
            Plan::Page("a/b.md".into())
        );
        for full in [
            &["content/a/_index.md"][..],
            &["content/_index.md"],
            &["content/a/b.md", "content/a/c.md"],
            &["guides/demo/faq.yaml"],
            &["site.yaml"],
            &["templates/page.html"],
            &["static/logo.png"],
            &["content/a"],
            &["content/a/logo.png"],
        ] {
            assert_eq!(plan(&batch(full)), Plan::Full, "{full:?}");
        }
        let mut lost = batch(&["content/a/b.md"]);
        lost.rescan = true;
        assert_eq!(plan(&lost), Plan::Full);
    }
}
