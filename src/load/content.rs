//! `content/`: Markdown pages with YAML front matter, in nested sections.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::markdown::Analysis;
use super::{book, include, markdown, read_text, yaml, Files};
use crate::diag::{Diagnostic, Diagnostics, Severity, Span};
use crate::model::content::FrontMatter;
use crate::model::{FileId, Imported, Origin, Page, Section};
use crate::msg;

/// What `content/` holds, as read.
pub struct Content {
    pub sections: Vec<Section>,
    pub pages: Vec<Page>,
    pub imported: Imported,
    /// Every Markdown file became a page (its errors, if any, are inside it: an include
    /// that failed), so the pages can be checked as they are.
    pub complete: bool,
}

/// All pages and sections, and what was done to read Markdown written for other tools.
/// Sections are sorted by URL; each lists its pages by weight, title, or in the order of its
/// folder's SUMMARY.md.
pub fn load_all(root: &Path, files: &Files, diags: &mut Diagnostics) -> Content {
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
    let (summary_paths, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .into_iter()
        .partition(|p| p.file_name().is_some_and(|n| n == "SUMMARY.md"));
    let results: Vec<Loaded> = paths
        .par_iter()
        .map(|p| load_page(root, &dir, p, files))
        .collect();
    let complete = results.iter().all(|r| r.page.is_some());
    let mut imported = Imported::default();
    let mut index_pages = BTreeMap::new();
    let mut pages = Vec::new();
    // Markdown that another page includes is part of that page, not a page of its own.
    let included: HashSet<PathBuf> = results.iter().flat_map(|r| r.included.clone()).collect();
    let is_included =
        |p: &Page| dunce::canonicalize(dir.join(&p.rel)).is_ok_and(|real| included.contains(&real));
    for r in results {
        diags.extend(r.diags);
        imported.directives += r.directives;
        if r.page.as_ref().is_some_and(&is_included) {
            continue;
        }
        match r.page {
            // Hugo's, Zola's and Jekyll's drafts are not published.
            Some(page) if page.front.draft => imported.drafts += 1,
            Some(page) if file_name(&page.rel) == "_index.md" => {
                index_pages.insert(section_dir(&page.rel), page);
            }
            Some(page) => pages.push(page),
            None => {}
        }
    }
    // A folder without `_index.md` or SUMMARY.md whose README.md (as mdBook and GitHub show
    // it) stands in for its index: the page moves to the folder's own URL.
    let summary_dirs: HashSet<String> = summary_paths
        .iter()
        .map(|p| parent_dir(&super::rel_name(&dir, p)))
        .collect();
    let mut i = 0;
    while i < pages.len() {
        let folder = parent_dir(&pages[i].rel);
        let readme = file_name(&pages[i].rel).eq_ignore_ascii_case("README.md");
        if readme && !index_pages.contains_key(&folder) && !summary_dirs.contains(&folder) {
            let mut page = pages.remove(i);
            page.url = page_url(&format!("{folder}/_index.md"), None)
                .trim_start_matches('/')
                .to_string();
            imported.readme_index += 1;
            index_pages.insert(folder, page);
        } else {
            i += 1;
        }
    }
    pages.sort_by(|a, b| a.rel.cmp(&b.rel));
    let rels: HashSet<&str> = pages.iter().map(|p| p.rel.as_str()).collect();
    let mut summaries = BTreeMap::new();
    for path in &summary_paths {
        match read_text(root, path) {
            Ok((file, text)) => {
                let rel = super::rel_name(&dir, path).to_string();
                let summary = book::parse(&parent_dir(&rel), &text);
                diags.extend(book::chapter_problems(&summary, &file, &rels));
                imported.summaries += 1;
                imported.chapters += summary.chapters.len();
                if !index_pages.contains_key(&summary.dir) {
                    let book = path.parent().and_then(book::toml_title);
                    let page = summary_page(&summary, book, rel, file, files);
                    index_pages.insert(summary.dir.clone(), page);
                }
                summaries.insert(summary.dir.clone(), summary);
            }
            Err(d) => diags.push(d),
        }
    }
    imported.no_front_matter = pages
        .iter()
        .chain(index_pages.values())
        .filter(|p| !p.front_matter && !p.rel.ends_with("SUMMARY.md"))
        .count();
    let mut sections = build_sections(index_pages, &pages);
    for s in &mut sections {
        if let Some(summary) = summaries.get(&section_dir(&s.page.rel)) {
            let order = summary.order();
            s.pages
                .retain(|&i| order.contains_key(pages[i].rel.as_str()));
            s.pages.sort_by_key(|&i| order[pages[i].rel.as_str()]);
        }
    }
    let file_of = |p: &Page| Arc::from(format!("content/{}", p.rel));
    diags.extend(book::unreachable(&sections, &pages, &file_of));
    Content {
        sections,
        pages,
        imported,
        complete,
    }
}

/// The index page of a folder whose SUMMARY.md stands in for its `_index.md`.
/// Its title: the book's (`book.toml`), else the SUMMARY's own heading unless that is just
/// "Summary", else the folder's name.
fn summary_page(
    summary: &book::Summary,
    book: Option<String>,
    rel: String,
    file: Arc<str>,
    files: &Files,
) -> Page {
    let own = summary
        .title
        .clone()
        .filter(|t| !t.eq_ignore_ascii_case("summary"));
    let title = book.or(own).unwrap_or_else(|| {
        let name = summary.dir.rsplit('/').next().unwrap_or("");
        if name.is_empty() { "Summary" } else { name }.to_string()
    });
    let origin = Origin::file_start(files.add(file));
    let body = book::take_title(&summary.body).map_or(summary.body.clone(), |(_, b)| b);
    let analysis = markdown::analyze_mapped(&body, &body, 1, &|o| o, markdown::unicode_anchor);
    let url = if summary.dir.is_empty() {
        String::new()
    } else {
        format!("{}/", summary.dir)
    };
    let front = FrontMatter {
        title,
        origin,
        ..FrontMatter::default()
    };
    let page = Read { front, rel, url };
    page.into_page(body, 1, analysis, false)
}

/// A page's front matter (read or made up), where it is and where it goes.
struct Read {
    front: FrontMatter,
    rel: String,
    url: String,
}

impl Read {
    /// The page of this body (starting at `body_line` of the file) and its analysis.
    fn into_page(self, body: String, body_line: u32, a: Analysis, front_matter: bool) -> Page {
        Page {
            origin: self.front.origin,
            front: self.front,
            url: self.url,
            body,
            body_line,
            headings: a.headings,
            links: a.links,
            urls: a.urls,
            attrs: a.attrs,
            has_code: a.has_code,
            rel: self.rel,
            front_matter,
        }
    }
}

/// The file name of a content file (`a/b.md` → `b.md`).
fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
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

/// One content file read: its page (None when it cannot be read), its problems, and how many
/// mdBook directives were expanded.
struct Loaded {
    page: Option<Page>,
    diags: Vec<Diagnostic>,
    directives: usize,
    /// Files it includes (canonical paths).
    included: Vec<PathBuf>,
}

fn load_page(root: &Path, content: &Path, path: &Path, files: &Files) -> Loaded {
    let mut diags = Vec::new();
    let page = read_page(root, content, path, files, &mut diags);
    let (page, directives, included) = match page {
        Ok((page, expanded)) => (Some(page), expanded.0, expanded.1),
        Err(found) => {
            diags.extend(found);
            (None, 0, Vec::new())
        }
    };
    Loaded {
        page,
        diags,
        directives,
        included,
    }
}

/// How many mdBook directives a page's body expanded, and the files they included.
type Expanded = (usize, Vec<PathBuf>);

/// A page with its front matter, or (without any) titled by its first heading or file name.
fn read_page(
    root: &Path,
    content: &Path,
    path: &Path,
    files: &Files,
    diags: &mut Vec<Diagnostic>,
) -> Result<(Page, Expanded), Vec<Diagnostic>> {
    let (file, text) = read_text(root, path).map_err(|d| vec![d])?;
    let rel = super::rel_name(content, path).to_string();
    let id = files.add(file.clone());
    let (front, body, body_line) = match split_front_matter(&text) {
        Some((yaml_text, body, body_line)) => {
            let front: FrontMatter = yaml::parse(&file, id, yaml_text, 1)?;
            (Some(front), body, body_line)
        }
        None if text.starts_with("---\n")
            || text.starts_with("---\r\n")
            || lost_opening_fence(&text) =>
        {
            return Err(vec![no_front_matter(&file, &text)])
        }
        None => (None, text.as_str(), 1),
    };
    let ctx = include::Ctx {
        root,
        access: &files.access,
    };
    // Without front matter, a leading `# ` heading is the title (shown once, by the template).
    let taken = front.is_none().then(|| book::take_title(body)).flatten();
    let body = taken.as_ref().map_or(body, |(_, b)| b.as_str());
    let expanded = include::expand(&ctx, path, &file, body, body_line, diags);
    let anchor_of = match front {
        Some(_) => markdown::anchor,
        None => markdown::unicode_anchor,
    };
    let map = |o| expanded.source_offset(o);
    let analysis = markdown::analyze_mapped(&expanded.text, body, body_line, &map, anchor_of);
    let front_matter = front.is_some();
    let front = front.unwrap_or_else(|| FrontMatter {
        title: expanded
            .title
            .clone()
            .or_else(|| taken.as_ref().map(|(t, _)| t.clone()))
            .or_else(|| book::first_heading(&analysis.headings))
            .unwrap_or_else(|| book::file_stem(&rel)),
        origin: Origin::file_start(id),
        ..FrontMatter::default()
    });
    let url = page_url(&rel, front.slug.as_ref().map(|s| s.as_str()));
    let page = Read { front, rel, url }.into_page(expanded.text, body_line, analysis, front_matter);
    Ok((page, (expanded.count, expanded.files)))
}

/// Load one page again, for a preview server that saw only this file change. `id` is the
/// page's file in the current model, so its positions point where the model's do.
pub fn load_one(root: &Path, path: &Path, id: FileId) -> Result<Page, Vec<Diagnostic>> {
    let allow = super::load_config(root).is_ok_and(|(c, _)| c.allow_outside_symlinks);
    let files = Files::starting_at(super::fs::Access::new(root, allow), id);
    if let Some(d) = files.access.refuse(path) {
        return Err(vec![d]);
    }
    let mut diags = Vec::new();
    let content = root.join("content");
    let (page, _) = read_page(root, &content, path, &files, &mut diags)?;
    let errors: Vec<Diagnostic> = diags
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        Ok(page)
    } else {
        Err(errors)
    }
}

/// Front matter whose opening `---` was lost: the file starts with a `key:` line and a `---`
/// line closes it a few lines below. Without this check the keys would show on the page as
/// text, since a page without front matter is valid.
fn lost_opening_fence(text: &str) -> bool {
    let mut lines = text.lines();
    let Some(first) = lines.next() else {
        return false;
    };
    let key = first.split([':', '：']).next().unwrap_or("");
    let is_key = first.len() > key.len()
        && !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    is_key && lines.take(30).any(|l| l.trim_end() == "---")
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
    fn a_lost_opening_fence_is_noticed() {
        assert!(lost_opening_fence("title: 第一篇\nweight: 2\n---\n正文\n"));
        assert!(lost_opening_fence("title：第一篇\r\n---\r\n正文\r\n"));
        assert!(!lost_opening_fence("# 标题\n\n正文\n\n---\n"));
        assert!(!lost_opening_fence("注意: 这是正文\n---\n"));
        assert!(!lost_opening_fence("title: 没有结束的一行\n正文\n"));
    }

    #[test]
    fn front_matter_split_counts_lines() {
        let (y, b, l) = split_front_matter("---\ntitle: a\nx: 1\n---\nbody\n").unwrap();
        assert_eq!((y, b, l), ("title: a\nx: 1\n", "body\n", 5));
    }
}
