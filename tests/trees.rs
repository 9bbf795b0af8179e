//! Decision trees: every path of every bundled tree pinned in a snapshot, so a content edit
//! that changes where a path ends shows up in review; and the validator's errors, located.

mod common;
use common::Site;

use std::fmt::Write;

/// Every path of every bundled tree, one line each: the answers' labels, then the outcome.
#[test]
fn bundled_tree_paths() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let model = guidepost::build::load_checked(root)
        .expect("the bundled site checks")
        .model;
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

/// What a merchant reads on the built pages of a bundled tree, JavaScript off.
#[test]
fn pages_say_where_a_question_sits_and_outcomes_open_with_the_answer() {
    let site = Site::bundled();
    assert_eq!(site.build().code, 0);
    let page = |node: &str| site.read(&format!("public/xhs-juguang/jg-trademark/{node}index.html"));
    // The longest way from the start: 用了 → 状态 → 本人 → 注册人 → 申请主体 → outcome.
    assert!(page("").contains("开始回答（最多 5 个问题）"));
    let title = |html: &str| {
        let start = html
            .find("<p class=\"tree-title\">")
            .expect("a tree-title line");
        html[start..start + html[start..].find("</p>").unwrap() + 4].to_string()
    };
    let kind = |n: &str| {
        format!("<p class=\"tree-title\"><a href=\"../\">我需要哪些商标授权材料</a> <span class=\"tree-kind\">{n}</span></p>")
    };
    let start = page("jg-q-tm-used/");
    assert_eq!(title(&start), kind("第 1 题 · 最多还有 4 个问题"));
    assert!(
        !start.contains("class=\"tree-up\""),
        "the start has no previous question"
    );
    let status = page("jg-q-tm-status/");
    assert_eq!(title(&status), kind("第 2 题 · 最多还有 3 个问题"));
    assert!(status.contains("<li class=\"back\"><a class=\"tree-up\" href=\"../../../xhs-juguang/jg-trademark/jg-q-tm-used/\" data-node=\"jg-q-tm-used\" aria-label=\"上一题：你的聚光账号名称用了商标名称吗？\">上一题</a></li>"), "a 上一题 link to the only question that leads here");
    assert_eq!(
        title(&page("jg-q-tm-registrant-kind/")),
        kind("第 4 题 · 最多还有 1 个问题")
    );
    assert_eq!(
        title(&page("jg-q-tm-applicant-person/")),
        kind("第 5 题 · 答完这题就有结论")
    );

    // An outcome: 结论, the heading, then how to submit and what to prepare, before details.
    let o = page("jg-o-tm-person-foreign/");
    assert!(o.contains("<a href=\"../\">我需要哪些商标授权材料</a> <span class=\"tree-kind verdict\">结论</span></p>\n  <h1>个人注册的商标，境外公司申请"));
    let at = |s: &str| o.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at("<h1>") < at("class=\"submit\"><strong>提交方式：</strong>邮件申请"));
    assert!(at("class=\"submit\"") < at("<strong>要准备（3 项）：</strong>"));
    assert!(
        at("要准备（3 项）")
            < at("<li><a href=\"#m-jg-trademark-certificate\">商标注册证</a></li>")
    );
    assert!(at("#m-jg-trademark-certificate") < at("<h2>材料要求</h2>"));
    assert!(
        at("<h2>材料要求</h2>") < at("<li class=\"material\" id=\"m-jg-trademark-certificate\">")
    );

    // Reached from two questions: no single previous question to offer.
    let shared =
        site.read("public/channels-shop/wx-restricted-prep/wx-o-platform-not-accepted/index.html");
    assert!(shared.contains("<span class=\"tree-kind verdict\">结论</span>"));
    assert!(!shared.contains("class=\"tree-up\""), "no 上一题 link");
}
