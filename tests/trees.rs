//! Decision trees: every path of every bundled tree pinned in a snapshot, so a content edit
//! that changes where a path ends shows up in review; and the validator's errors, located.

mod common;
use common::Site;

use std::fmt::Write;

/// Every path of every bundled tree, one line each: the answers' labels, then the outcome.
#[test]
fn bundled_tree_paths() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (model, _, _) = guidepost::build::load_checked(root).expect("the bundled site checks");
    let mut out = String::new();
    let mut trees = 0;
    for p in &model.platforms {
        for t in &p.trees {
            trees += 1;
            let paths = t.paths();
            writeln!(out, "## {} ({}): {} paths", t.id, t.title, paths.len()).unwrap();
            for path in paths {
                let labels: Vec<String> = path
                    .answers
                    .iter()
                    .map(|(q, i)| {
                        let q = t.questions.iter().find(|x| &x.id == q).unwrap();
                        q.answers[*i].label.clone()
                    })
                    .collect();
                let outcome = t.outcomes.iter().find(|o| o.id == path.outcome).unwrap();
                writeln!(
                    out,
                    "{}\n    => {} [{}]",
                    labels.join(" / "),
                    outcome.title,
                    outcome.id
                )
                .unwrap();
            }
            // Every outcome is the end of at least one path.
            for o in &t.outcomes {
                assert!(out.contains(&format!("[{}]", o.id)), "{} unreachable", o.id);
            }
        }
    }
    assert!(trees >= 4, "the bundled site has at least four trees");
    insta::assert_snapshot!(out);
}

const TREE: &str = "guides/demo/trees/which.yaml";

#[test]
fn unknown_reference() {
    let site = Site::fixture("minimal");
    site.edit(TREE, "next: demo-o-person", "next: demo-o-persn");
    let run = site.check();
    run.assert_error("error: guides/demo/trees/which.yaml:11:15: `next` names no question or outcome of this tree: `demo-o-persn`");
    let site = Site::fixture("minimal");
    site.edit(TREE, "start: demo-q-company", "start: demo-q-firm");
    site.check().assert_error("error: guides/demo/trees/which.yaml:3:8: `start` names no question of this tree: `demo-q-firm`");
}

#[test]
fn cycle() {
    let site = Site::fixture("minimal");
    site.edit(TREE, "next: demo-o-person", "next: demo-q-company");
    site.check().assert_error(
        "error: guides/demo/trees/which.yaml:11:15: this answer loops back to `demo-q-company`",
    );
}

#[test]
fn unreachable_question_and_outcome() {
    let site = Site::fixture("minimal");
    site.edit(
        TREE,
        "outcomes:",
        "  - id: demo-q-orphan\n    text: 没人问的问题\n    answers:\n      - label: 甲\n        next: demo-o-company\n      - label: 乙\n        next: demo-o-person\noutcomes:",
    );
    site.edit(
        TREE,
        "next: demo-o-person\noutcomes",
        "next: demo-o-company\noutcomes",
    );
    let run = site.check();
    run.assert_error(
        "error: guides/demo/trees/which.yaml:12:9: no path reaches question `demo-q-orphan`",
    );
    let site = Site::fixture("minimal");
    site.edit(TREE, "next: demo-o-person", "next: demo-o-company");
    site.check().assert_error(
        "error: guides/demo/trees/which.yaml:17:9: no path reaches outcome `demo-o-person`",
    );
}

#[test]
fn question_with_fewer_than_two_answers() {
    let site = Site::fixture("minimal");
    site.edit(
        TREE,
        "      - label: 不是\n        next: demo-o-person\n",
        "",
    );
    let run = site.check();
    run.assert_error(
        "error: guides/demo/trees/which.yaml:8:7: question `demo-q-company` has 1 answer(s)",
    );
}

#[test]
fn duplicate_ids_in_a_tree() {
    let site = Site::fixture("minimal");
    site.edit(TREE, "  - id: demo-o-person", "  - id: demo-o-company");
    let run = site.check();
    run.assert_error("error: guides/demo/trees/which.yaml:17:9: duplicate id `demo-o-company`");
    assert!(
        run.stderr
            .contains("note: guides/demo/trees/which.yaml:13:9: first used here"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_tree_that_fails_validation_does_not_build() {
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    site.edit(TREE, "next: demo-o-person", "next: demo-q-company");
    assert_eq!(site.build().code, 1);
    // The previous build is still there, and still has the outcome page.
    assert!(site
        .path("public/demo/demo-which/demo-o-person/index.html")
        .is_file());
}
