//! The JSON Schemas editors' tools use (`schemas/*.json`) are the ones generated from the
//! loader's own types, every bundled source names its schema on its first line and passes it,
//! and a schema refuses what the loader refuses.

mod common;

use std::path::{Path, PathBuf};

use common::Site;
use guidepost::model::schema;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    let dir = repo().join("schemas");
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for (name, _, value) in schema::all() {
        let path = dir.join(name);
        let want = pretty(&value);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &want).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(&want) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "schemas/{stale:?} differ from the loader's types: run `UPDATE_SCHEMAS=1 cargo test --test schemas` and commit them"
    );
}

/// The schema a file of the site must name, by where it lives.
fn schema_for(rel: &str) -> Option<&'static str> {
    let parts: Vec<&str> = rel.split('/').collect();
    Some(match parts[..] {
        ["site.yaml"] => "site.json",
        ["guides", _, "platform.yaml"] => "platform.json",
        ["guides", _, "materials.yaml"] => "materials.json",
        ["guides", _, "faq.yaml"] => "faq.json",
        ["guides", _, "rules.yaml"] => "rules.json",
        ["guides", _, "glossary.yaml"] => "glossary.json",
        ["guides", _, "checklists.yaml"] => "checklists.json",
        ["guides", _, "flows", _] => "flow.json",
        ["guides", _, "trees", _] => "tree.json",
        _ => return None,
    })
}

fn yaml_files(root: &Path) -> Vec<(String, PathBuf)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                e.path().to_path_buf(),
            )
        })
        .filter(|(rel, _)| rel == "site.yaml" || rel.starts_with("guides/"))
        .collect();
    v.sort();
    v
}

/// Validate every source of the site at `root` against its schema; the problems found.
fn validate(root: &Path, schemas: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let files = yaml_files(root);
    assert!(!files.is_empty(), "no YAML under {}", root.display());
    for (rel, path) in files {
        let Some(name) = schema_for(&rel) else {
            problems.push(format!("{rel}: not a known source file"));
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(schemas.join(name)).unwrap()).unwrap();
        let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        for e in validator.iter_errors(&value) {
            problems.push(format!("{rel}: {} at {}", e, e.instance_path()));
        }
    }
    problems
}

#[test]
fn every_bundled_source_passes_its_schema() {
    let problems = validate(repo(), &repo().join("schemas"));
    assert!(problems.is_empty(), "{problems:#?}");
    let problems = validate(
        &repo().join("tests/fixtures/minimal"),
        &repo().join("schemas"),
    );
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_bundled_source_names_its_schema_on_its_first_line() {
    for (rel, path) in yaml_files(repo()) {
        let name = schema_for(&rel).unwrap();
        let depth = rel.matches('/').count();
        let want = format!(
            "# yaml-language-server: $schema={}schemas/{name}",
            "../".repeat(depth)
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().next(), Some(want.as_str()), "{rel}");
        let target = want
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap();
        assert!(path.parent().unwrap().join(target).is_file(), "{rel}");
    }
}

#[test]
fn a_site_made_by_init_carries_its_schemas_and_passes_them() {
    let here = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    assert_eq!(here.run(&["init", "s"]).code, 0);
    let root = here.path("s");
    let problems = validate(&root, &root.join("schemas"));
    assert!(problems.is_empty(), "{problems:#?}");
    for (name, _, value) in schema::all() {
        let copy = std::fs::read_to_string(root.join("schemas").join(name)).unwrap();
        assert_eq!(copy, pretty(&value), "{name}");
    }
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let schemas = repo().join("schemas");
    for (file, from, to) in [
        (
            "guides/demo/faq.yaml",
            "    tags: [审核]",
            "    tagz: [审核]",
        ),
        ("guides/demo/platform.yaml", "name: 演示平台\n", ""),
        ("guides/demo/platform.yaml", "kind: official", "kind: 官方"),
        (
            "guides/demo/platform.yaml",
            "date: 2026-01",
            "date: 2026年1月",
        ),
        ("site.yaml", "title:", "titel:"),
    ] {
        let site = Site::fixture("minimal");
        site.edit(file, from, to);
        assert_eq!(site.check().code, 1, "the loader refuses {file}: {to:?}");
        let problems = validate(site.dir.path(), &schemas);
        assert!(
            problems.iter().any(|p| p.starts_with(file)),
            "the schema lets {file} with {to:?} pass"
        );
    }
}
