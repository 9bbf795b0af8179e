//! Files under `guides/` that no loader reads get a warning naming the file and what is read
//! there, so a misspelt `faqs.yaml`, a flow saved as `old.yaml.bak` or a FAQ file put one
//! folder too deep is not silently left out. Editor temporaries and hidden files are skipped
//! without a word ([`names::is_silent`]). Only names are looked at: nothing is read, and the
//! walk stops at the first folder that is not read, so it never follows a link in circles.

use std::path::{Path, PathBuf};

use super::guides::{FOLDERS, SOURCES};
use super::{fs::Access, names, rel_name};
use crate::diag::{Diagnostic, Diagnostics, Message, Span};
use crate::i18n::ids;
use crate::msg;

fn in_platform() -> Message {
    let files: Vec<String> = SOURCES.iter().map(|s| format!("{s}.yaml")).collect();
    let folders: Vec<String> = FOLDERS.iter().map(|f| format!("{f}/")).collect();
    msg!(
        UNREAD_IN_PLATFORM_HINT,
        files = files.join(", "),
        folders = folders.join(", ")
    )
}

/// Every file or folder under `guides/` that is not read, in path order.
pub fn check(root: &Path, access: &Access) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let guides = root.join("guides");
    for (path, name, is_dir) in entries(&guides, access) {
        if is_dir {
            platform(root, &path, access, &mut diags);
        } else {
            diags.extend(unread(
                root,
                &path,
                false,
                msg!(UNREAD_IN_GUIDES_HINT),
                &name,
            ));
        }
    }
    diags
}

fn platform(root: &Path, dir: &Path, access: &Access, diags: &mut Diagnostics) {
    for (path, name, is_dir) in entries(dir, access) {
        if is_dir && FOLDERS.contains(&name.as_str()) {
            items(root, &path, &name, access, diags);
            continue;
        }
        let known = !is_dir && names::yaml_stem(&name).is_some_and(|s| SOURCES.contains(&s));
        if !known {
            let mut hint = in_platform();
            let choices = SOURCES
                .iter()
                .map(|s| format!("{s}.yaml"))
                .chain(FOLDERS.iter().map(|f| f.to_string()));
            if let Some(close) = closest(&name, choices) {
                hint = msg!(HINT_DID_YOU_MEAN, close = close, rest = hint);
            }
            diags.extend(unread(root, &path, is_dir, hint, &name));
        }
    }
}

/// `flows/` or `trees/`: one YAML file per item, no sub-folders.
fn items(root: &Path, dir: &Path, kind: &str, access: &Access, diags: &mut Diagnostics) {
    for (path, name, is_dir) in entries(dir, access) {
        if is_dir || !names::is_yaml(&name) {
            let hint = Message::id(match (kind == "flows", is_dir) {
                (true, true) => ids::UNREAD_FLOWS_DIR_HINT,
                (true, false) => ids::UNREAD_FLOWS_FILE_HINT,
                (false, true) => ids::UNREAD_TREES_DIR_HINT,
                (false, false) => ids::UNREAD_TREES_FILE_HINT,
            });
            diags.extend(unread(root, &path, is_dir, hint, &name));
        }
    }
}

/// The warning for a file that is not read; for a folder, one for each file in it.
fn unread(root: &Path, path: &Path, is_dir: bool, hint: Message, name: &str) -> Vec<Diagnostic> {
    if !is_dir {
        let rel = rel_name(root, path);
        let message = msg!(UNREAD_FILE, name = name, file = &rel);
        return vec![Diagnostic::warning(Span::file(&rel), message).hint(hint)];
    }
    let folder = rel_name(root, path);
    // Links are not followed, so a folder that links to itself is walked once.
    let walk = walkdir::WalkDir::new(path).sort_by_file_name().into_iter();
    walk.filter_entry(|e| e.depth() == 0 || !names::is_silent(&e.file_name().to_string_lossy()))
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let rel = rel_name(root, e.path());
            let message = msg!(UNREAD_IN_FOLDER, file = &rel, folder = &folder);
            Diagnostic::warning(Span::file(&rel), message).hint(hint.clone())
        })
        .collect()
}

/// The entries of `dir` that may be looked at and are not silent, sorted by name:
/// (path, name, is a folder).
fn entries(dir: &Path, access: &Access) -> Vec<(PathBuf, String, bool)> {
    if !access.allows(dir) {
        return Vec::new();
    }
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            (!names::is_silent(&name) && access.allows(&path)).then(|| {
                let is_dir = path.is_dir();
                (path, name, is_dir)
            })
        })
        .collect();
    out.sort();
    out
}

/// The choice closest to `name`, when it is close enough to be a slip.
fn closest(name: &str, choices: impl Iterator<Item = String>) -> Option<String> {
    let stem = names::yaml_stem(name).unwrap_or(name);
    choices
        .map(|c| {
            let c_stem = names::yaml_stem(&c).unwrap_or(&c).to_string();
            (strsim::normalized_levenshtein(stem, &c_stem), c)
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
