//! `guides/<platform>/`: platform.yaml, materials, flows, FAQs, rules, glossary, trees.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::{files_with_ext, read_text, yaml, Files};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::guide::{
    ChecklistsFile, FaqFile, Flow, GlossaryFile, MaterialsFile, Platform, PlatformMeta, RulesFile,
    Tree,
};
use crate::model::Origin;

const KNOWN: &[&str] = &[
    "platform.yaml",
    "materials.yaml",
    "faq.yaml",
    "rules.yaml",
    "glossary.yaml",
    "checklists.yaml",
    "flows",
    "trees",
];

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
    name: &str,
    files: &Files,
    diags: &mut Diagnostics,
) -> Option<(T, Origin)> {
    let path = dir.join(name);
    (path.is_file() && files.access.allows(&path))
        .then(|| read(root, &path, files, diags))
        .flatten()
}

fn load_platform(
    root: &Path,
    dir: &Path,
    files: &Files,
    diags: &mut Diagnostics,
) -> Option<Platform> {
    let dir_name = dir.file_name()?.to_string_lossy().to_string();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !KNOWN.contains(&name.as_str()) && !name.starts_with('.') {
            let rel = super::rel_name(root, &entry.path());
            diags.push(
                Diagnostic::error(
                    Span::file(&rel),
                    format!("unknown file `{name}` in a platform folder"),
                )
                .hint(format!(
                    "a platform folder holds {}; rename or move this file",
                    KNOWN.join(", ")
                )),
            );
        }
    }
    let meta_path = dir.join("platform.yaml");
    if !files.access.allows(&meta_path) {
        return None;
    }
    if !meta_path.is_file() {
        let rel = super::rel_name(root, &meta_path);
        diags.push(
            Diagnostic::error(
                Span::file(&rel),
                format!("the platform folder guides/{dir_name}/ has no platform.yaml"),
            )
            .hint("add platform.yaml with id, name, owner and source (docs/format.md)"),
        );
        return None;
    }
    let meta = read::<PlatformMeta>(root, &meta_path, files, diags).map(|(mut m, o)| {
        m.origin = o;
        m
    });
    let materials = optional::<MaterialsFile>(root, dir, "materials.yaml", files, diags)
        .map(|(f, o)| with_origins(f.materials, &o.child("materials"), |m, o| m.origin = o))
        .unwrap_or_default();
    let faqs = optional::<FaqFile>(root, dir, "faq.yaml", files, diags)
        .map(|(f, o)| with_origins(f.faqs, &o.child("faqs"), |m, o| m.origin = o))
        .unwrap_or_default();
    let rules = optional::<RulesFile>(root, dir, "rules.yaml", files, diags)
        .map(|(f, o)| with_origins(f.rules, &o.child("rules"), |m, o| m.origin = o))
        .unwrap_or_default();
    let terms = optional::<GlossaryFile>(root, dir, "glossary.yaml", files, diags)
        .map(|(f, o)| with_origins(f.terms, &o.child("terms"), |m, o| m.origin = o))
        .unwrap_or_default();
    let checklists = optional::<ChecklistsFile>(root, dir, "checklists.yaml", files, diags)
        .map(|(f, o)| with_origins(f.checklists, &o.child("checklists"), |m, o| m.origin = o))
        .unwrap_or_default();
    let mut flows: Vec<Flow> = files_with_ext(&dir.join("flows"), "yaml", &files.access)
        .iter()
        .filter_map(|p| read::<Flow>(root, p, files, diags))
        .map(|(mut f, o)| {
            f.steps = with_origins(std::mem::take(&mut f.steps), &o.child("steps"), |s, o| {
                s.origin = o
            });
            f.origin = o;
            f
        })
        .collect();
    flows.sort_by(|a, b| (a.weight, &a.id).cmp(&(b.weight, &b.id)));
    let trees: Vec<Tree> = files_with_ext(&dir.join("trees"), "yaml", &files.access)
        .iter()
        .filter_map(|p| read::<Tree>(root, p, files, diags))
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
