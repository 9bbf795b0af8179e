//! `content/`: Markdown pages with YAML front matter, in nested sections.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::{markdown, read_text, yaml, Files};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::content::FrontMatter;
use crate::model::{Origin, Page, Section};
use crate::msg;

/// All pages and sections. Sections are sorted by URL; each lists its pages by weight, title.
pub fn load_all(root: &Path, files: &Files, diags: &mut Diagnostics) -> (Vec<Section>, Vec<Page>) {
    let dir = root.join("content");
    // Symlinks are followed where `files.access` allows (fs::scan reports the others, and loops).
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.path_is_symlink() || files.access.allows(e.path()))
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    let results: Vec<Result<Page, Diagnostic>> = paths
        .par_iter()
        .map(|p| load_page(root, &dir, p, files))
        .collect();
    let mut index_pages = BTreeMap::new();
    let mut pages = Vec::new();
    for r in results {
        match r {
            Ok(page) if page.rel.ends_with("_index.md") || page.rel == "_index.md" => {
                index_pages.insert(section_dir(&page.rel), page);
            }
            Ok(page) => pages.push(page),
            Err(d) => diags.push(d),
        }
    }
    pages.sort_by(|a, b| a.rel.cmp(&b.rel));
    (build_sections(index_pages, &pages), pages)
}

/// The folder (`a/b`, or "" for the top) a content file is in.
fn parent_dir(rel: &str) -> String {
    rel.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

fn section_dir(index_rel: &str) -> String {
    parent_dir(index_rel)
}

/// Sections for every folder that has an `_index.md`; a page belongs to its nearest one.
fn build_sections(index_pages: BTreeMap<String, Page>, pages: &[Page]) -> Vec<Section> {
    let dirs: Vec<String> = index_pages.keys().cloned().collect();
    let mut sections: Vec<Section> = index_pages
        .into_values()
        .map(|page| Section {
            page,
            pages: Vec::new(),
            subsections: Vec::new(),
        })
        .collect();
    let owner = |dir: &str| -> Option<usize> {
        let mut d = dir.to_string();
        loop {
            if let Ok(i) = dirs.binary_search(&d) {
                return Some(i);
            }
            if d.is_empty() {
                return None;
            }
            d = parent_dir(&d);
        }
    };
    for (i, page) in pages.iter().enumerate() {
        if let Some(s) = owner(&parent_dir(&page.rel)) {
            sections[s].pages.push(i);
        }
    }
    for (i, dir) in dirs.iter().enumerate() {
        if !dir.is_empty() {
            if let Some(p) = owner(&parent_dir(dir)) {
                sections[p].subsections.push(i);
            }
        }
    }
    let order = |p: &Page| (p.front.weight, p.front.title.clone(), p.rel.clone());
    for s in &mut sections {
        s.pages.sort_by_key(|&i| order(&pages[i]));
    }
    let keys: Vec<_> = sections.iter().map(|s| order(&s.page)).collect();
    for s in &mut sections {
        s.subsections.sort_by_key(|&i| keys[i].clone());
    }
    sections
}

/// Split `---` front matter from the body. Returns (yaml, its first line, body, body's first line).
fn split_front_matter(text: &str) -> Option<(&str, &str, u32)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + yaml.matches('\n').count() as u32 + 1;
            return Some((yaml, body, body_line));
        }
        offset += line.len();
    }
    None
}

fn load_page(root: &Path, content: &Path, path: &Path, files: &Files) -> Result<Page, Diagnostic> {
    let (file, text) = read_text(root, path)?;
    let Some((yaml_text, body, body_line)) = split_front_matter(&text) else {
        return Err(no_front_matter(&file, &text));
    };
    let (front, spans): (FrontMatter, _) = yaml::parse(&file, yaml_text, 1)?;
    let rel = super::rel_name(content, path).to_string();
    let url = page_url(&rel, front.slug.as_deref());
    let analysis = markdown::analyze(body, body_line);
    Ok(Page {
        front,
        url,
        body: body.to_string(),
        body_line,
        headings: analysis.headings,
        links: analysis.links,
        urls: analysis.urls,
        attrs: analysis.attrs,
        has_code: analysis.has_code,
        origin: Origin {
            file: files.add(spans),
            path: String::new(),
        },
        rel,
    })
}

/// Load one page again, for a preview server that saw only this file change: the page and
/// the positions of its front matter (to replace the file's entry in `Model::files`).
pub fn load_one(root: &Path, path: &Path) -> Result<(Page, yaml::SpanMap), Diagnostic> {
    let allow = super::load_config(root).is_ok_and(|(c, _)| c.allow_outside_symlinks);
    let files = Files::new(super::fs::Access::new(root, allow));
    if let Some(d) = files.access.refuse(path) {
        return Err(d);
    }
    let page = load_page(root, &root.join("content"), path, &files)?;
    let spans = files
        .into_vec()
        .pop()
        .expect("load_page registers its file");
    Ok((page, spans))
}

fn no_front_matter(file: &Arc<str>, text: &str) -> Diagnostic {
    let d = Diagnostic::error(Span::file(file), msg!(NO_FRONT_MATTER));
    if text.starts_with("---") {
        d.hint(msg!(NO_FRONT_MATTER_UNCLOSED_HINT))
    } else {
        d.hint(msg!(NO_FRONT_MATTER_HINT))
    }
}

/// `a/b.md` → `a/b/`; `a/_index.md` → `a/`; a slug replaces the file name.
pub fn page_url(rel: &str, slug: Option<&str>) -> String {
    let dir = parent_dir(rel);
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md");
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    if stem == "_index" {
        return prefix;
    }
    format!("{prefix}{}/", slug.unwrap_or(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_pretty() {
        assert_eq!(page_url("a/b.md", None), "a/b/");
        assert_eq!(page_url("a/_index.md", None), "a/");
        assert_eq!(page_url("_index.md", None), "");
        assert_eq!(page_url("a/b.md", Some("x")), "a/x/");
    }

    #[test]
    fn front_matter_split_counts_lines() {
        let (y, b, l) = split_front_matter("---\ntitle: a\nx: 1\n---\nbody\n").unwrap();
        assert_eq!((y, b, l), ("title: a\nx: 1\n", "body\n", 5));
    }
}
