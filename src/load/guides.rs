//! `guides/<platform>/`: platform.yaml, materials, flows, FAQs, rules, glossary, trees.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::names::{find_yaml, yaml_files};
use super::{read_text, yaml, Files};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::guide::{
    ChecklistsFile, FaqFile, Flow, GlossaryFile, MaterialsFile, Platform, PlatformMeta, RulesFile,
    Tree,
};
use crate::msg;

/// The sources of a platform folder, by name without `.yaml`/`.yml`; flows and trees are folders.
pub const SOURCES: &[&str] = &[
    "platform",
    "materials",
    "faq",
    "rules",
    "glossary",
    "checklists",
];
pub const FOLDERS: &[&str] = &["flows", "trees"];

/// Every platform folder under `guides/`, in folder-name order.
pub fn load_all(root: &Path, files: &Files, diags: &mut Diagnostics) -> Vec<Platform> {
    let dir = root.join("guides");
    let mut dirs: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && files.access.allows(p))
        .collect();
    dirs.sort();
    dirs.iter()
        .filter_map(|d| load_platform(root, d, files, diags))
        .collect()
}

/// Read one YAML file: register it, then every mistake in it is reported at once.
fn read<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    files: &Files,
    diags: &mut Diagnostics,
) -> Option<T> {
    let (rel, text) = match read_text(root, path) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let id = files.add(rel.clone());
    match yaml::parse::<T>(&rel, id, &text, 0) {
        Ok(value) => Some(value),
        Err(found) => {
            diags.extend(found);
            None
        }
    }
}

fn optional<T: DeserializeOwned>(
    root: &Path,
    dir: &Path,
    stem: &str,
    files: &Files,
    diags: &mut Diagnostics,
) -> Option<T> {
    match find_yaml(root, dir, stem, &files.access) {
        Ok(path) => path.and_then(|p| read(root, &p, files, diags)),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

/// The YAML files of `dir` (flows/ or trees/), each read as a `T`.
fn each<T: DeserializeOwned>(
    root: &Path,
    dir: &Path,
    files: &Files,
    diags: &mut Diagnostics,
) -> Vec<T> {
    let (paths, twice) = yaml_files(root, dir, &files.access);
    diags.extend(twice);
    paths
        .iter()
        .filter_map(|p| read::<T>(root, p, files, diags))
        .collect()
}

fn load_platform(
    root: &Path,
    dir: &Path,
    files: &Files,
    diags: &mut Diagnostics,
) -> Option<Platform> {
    let dir_name = dir.file_name()?.to_string_lossy().to_string();
    let meta_path = match find_yaml(root, dir, "platform", &files.access) {
        Ok(Some(p)) => p,
        Ok(None) => {
            let meta_path = dir.join("platform.yaml");
            if !files.access.allows(&meta_path) {
                return None;
            }
            let rel = super::rel_name(root, &meta_path);
            diags.push(
                Diagnostic::error(
                    Span::file(&rel),
                    msg!(NO_PLATFORM_YAML, dir = dir_name.to_string()),
                )
                .hint(msg!(NO_PLATFORM_YAML_HINT)),
            );
            return None;
        }
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let meta = read::<PlatformMeta>(root, &meta_path, files, diags);
    let materials = optional::<MaterialsFile>(root, dir, "materials", files, diags)
        .map(|f| f.materials)
        .unwrap_or_default();
    let faqs = optional::<FaqFile>(root, dir, "faq", files, diags)
        .map(|f| f.faqs)
        .unwrap_or_default();
    let (rules, shared) = optional::<RulesFile>(root, dir, "rules", files, diags)
        .map(|f| (f.rules, f.shared))
        .unwrap_or_default();
    let terms = optional::<GlossaryFile>(root, dir, "glossary", files, diags)
        .map(|f| f.terms)
        .unwrap_or_default();
    let checklists = optional::<ChecklistsFile>(root, dir, "checklists", files, diags)
        .map(|f| f.checklists)
        .unwrap_or_default();
    let mut flows: Vec<Flow> = each::<Flow>(root, &dir.join("flows"), files, diags);
    flows.sort_by(|a, b| (a.weight, &a.id).cmp(&(b.weight, &b.id)));
    let trees: Vec<Tree> = each::<Tree>(root, &dir.join("trees"), files, diags);
    Some(Platform {
        meta: meta?,
        dir: dir_name,
        materials,
        flows,
        faqs,
        rules,
        shared,
        terms,
        trees,
        checklists,
    })
}
