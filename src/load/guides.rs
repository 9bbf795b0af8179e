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
use crate::model::Origin;
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

/// Read one YAML file; on success register it and return the value with its origin.
fn read<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    files: &Files,
    diags: &mut Diagnostics,
) -> Option<(T, Origin)> {
    let result = read_text(root, path).and_then(|(rel, text)| yaml::parse::<T>(&rel, &text, 0));
    match result {
        Ok((value, spans)) => Some((
            value,
            Origin {
                file: files.add(spans),
                path: String::new(),
            },
        )),
        Err(d) => {
            diags.push(d);
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
) -> Option<(T, Origin)> {
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
) -> Vec<(T, Origin)> {
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
    let meta = read::<PlatformMeta>(root, &meta_path, files, diags).map(|(mut m, o)| {
        m.origin = o;
        m
    });
    let materials = optional::<MaterialsFile>(root, dir, "materials", files, diags)
        .map(|(f, o)| with_origins(f.materials, &o.child("materials"), |m, o| m.origin = o))
        .unwrap_or_default();
    let faqs = optional::<FaqFile>(root, dir, "faq", files, diags)
        .map(|(f, o)| with_origins(f.faqs, &o.child("faqs"), |m, o| m.origin = o))
        .unwrap_or_default();
    let (rules, shared) = optional::<RulesFile>(root, dir, "rules", files, diags)
        .map(|(f, o)| {
            (
                with_origins(f.rules, &o.child("rules"), |m, o| m.origin = o),
                with_origins(f.shared, &o.child("shared"), |m, o| m.origin = o),
            )
        })
        .unwrap_or_default();
    let terms = optional::<GlossaryFile>(root, dir, "glossary", files, diags)
        .map(|(f, o)| with_origins(f.terms, &o.child("terms"), |m, o| m.origin = o))
        .unwrap_or_default();
    let checklists = optional::<ChecklistsFile>(root, dir, "checklists", files, diags)
        .map(|(f, o)| with_origins(f.checklists, &o.child("checklists"), |m, o| m.origin = o))
        .unwrap_or_default();
    let mut flows: Vec<Flow> = each::<Flow>(root, &dir.join("flows"), files, diags)
        .into_iter()
        .map(|(mut f, o)| {
            f.steps = with_origins(std::mem::take(&mut f.steps), &o.child("steps"), |s, o| {
                s.origin = o
            });
            f.origin = o;
            f
        })
        .collect();
    flows.sort_by(|a, b| (a.weight, &a.id).cmp(&(b.weight, &b.id)));
    let trees: Vec<Tree> = each::<Tree>(root, &dir.join("trees"), files, diags)
        .into_iter()
        .map(|(mut t, o)| {
            t.questions = with_origins(
                std::mem::take(&mut t.questions),
                &o.child("questions"),
                |q, o| q.origin = o,
            );
            t.outcomes = with_origins(
                std::mem::take(&mut t.outcomes),
                &o.child("outcomes"),
                |q, o| q.origin = o,
            );
            t.origin = o;
            t
        })
        .collect();
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

/// Give each item of a list its origin `list.<index>`.
fn with_origins<T>(mut items: Vec<T>, list: &Origin, set: impl Fn(&mut T, Origin)) -> Vec<T> {
    for (i, item) in items.iter_mut().enumerate() {
        set(item, list.child(i));
    }
    items
}
