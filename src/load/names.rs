//! Which file names are sources: `.yml` is read exactly like `.yaml`, and the names editors
//! and tools give their temporary files are never sources. Names only: nothing here reads a
//! file, and `serve` asks the same [`is_temp`] so a save is judged the same way everywhere.

use std::path::{Path, PathBuf};

use super::{fs::Access, rel_name};
use crate::diag::{Diagnostic, Span};
use crate::msg;

/// The extensions a YAML source may have, the usual one first.
pub const YAML_EXTS: [&str; 2] = ["yaml", "yml"];

/// Does `name` end in `.yaml` or `.yml`?
pub fn is_yaml(name: &str) -> bool {
    yaml_stem(name).is_some()
}

/// `faq` for `faq.yaml` or `faq.yml`.
pub fn yaml_stem(name: &str) -> Option<&str> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && YAML_EXTS.contains(&ext)).then_some(stem)
}

/// `dir/<stem>.yaml` or `dir/<stem>.yml`, whichever exists (and may be read); both is a
/// located error naming both.
pub fn find_yaml(
    root: &Path,
    dir: &Path,
    stem: &str,
    access: &Access,
) -> Result<Option<PathBuf>, Diagnostic> {
    let found: Vec<PathBuf> = YAML_EXTS
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .filter(|p| p.is_file() && access.allows(p))
        .collect();
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        [yaml, yml, ..] => Err(twice(root, yaml, yml)),
    }
}

/// The YAML files in `dir` that `access` allows, sorted by name; two that differ only by
/// `.yaml`/`.yml` are an error each (and neither is read).
pub fn yaml_files(root: &Path, dir: &Path, access: &Access) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    if !access.allows(dir) {
        return (Vec::new(), Vec::new());
    }
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| is_yaml(n) && !n.starts_with('.'))
                && p.is_file()
                && access.allows(p)
        })
        .collect();
    all.sort();
    let mut errors = Vec::new();
    let mut keep = Vec::new();
    for p in &all {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = yaml_stem(name).unwrap_or(name);
        if !name.ends_with(".yaml") {
            if all.contains(&dir.join(format!("{stem}.yaml"))) {
                errors.push(twice(root, &dir.join(format!("{stem}.yaml")), p));
                continue;
            }
        } else if all.contains(&dir.join(format!("{stem}.yml"))) {
            continue;
        }
        keep.push(p.clone());
    }
    (keep, errors)
}

fn twice(root: &Path, yaml: &Path, yml: &Path) -> Diagnostic {
    let (a, b) = (rel_name(root, yaml), rel_name(root, yml));
    Diagnostic::error(Span::file(&b), msg!(SAME_SOURCE_TWICE, yml = &b, yaml = &a))
        .hint(msg!(SAME_SOURCE_TWICE_HINT))
}

/// Names editors and tools give their temporary, swap, lock and backup files.
pub fn is_temp(name: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".swpx",
        ".tmp",
        ".temp",
        ".bak",
        ".orig",
        ".part",
        ".crdownload",
        ".kate-swp",
    ];
    name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || name == ".DS_Store"
        || name == "Thumbs.db"
        || name == "desktop.ini"
        || name.starts_with(".~lock.")
        || name.starts_with(".goutputstream-")
        || name.starts_with(".syncthing.")
        || name.contains("___jb_")
        || (name.starts_with("sed") && name.len() == 9 && !name.contains('.'))
        || SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// A copy a person kept on purpose (`old.yaml.bak`, `faq.yaml.orig`): a temporary file to the
/// watcher, but one whose author should hear that it is not read.
pub fn is_kept_copy(name: &str) -> bool {
    name.ends_with(".bak") || name.ends_with(".orig")
}

/// Skipped without a word when looking for files that are not read: editor temporaries and
/// hidden files (`.gitkeep`, `.DS_Store`), but not kept copies.
pub fn is_silent(name: &str) -> bool {
    (is_temp(name) && !is_kept_copy(name)) || name.starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temporaries_are_temp() {
        for t in [
            ".a.md.swp",
            ".a.md.swx",
            "4913",
            "a.md~",
            ".#a.md",
            "#a.md#",
            "a.md___jb_tmp___",
            ".goutputstream-X1Y2Z3",
            "sedAb12Cd",
            "a.md.tmp",
            "Thumbs.db",
            ".DS_Store",
        ] {
            assert!(is_temp(t), "{t}");
            assert!(is_silent(t), "{t}");
        }
        for ok in ["a.md", "faq.yaml", "_index.md", "style.css", "sed.md"] {
            assert!(!is_temp(ok), "{ok}");
        }
        assert!(is_temp("old.yaml.bak") && !is_silent("old.yaml.bak"));
    }

    #[test]
    fn yml_is_yaml() {
        assert_eq!(yaml_stem("faq.yml"), Some("faq"));
        assert_eq!(yaml_stem("faq.yaml"), Some("faq"));
        assert_eq!(yaml_stem("faq.yaml.bak"), None);
        assert_eq!(yaml_stem(".yml"), None);
        assert!(!is_yaml("notes.txt"));
    }
}
