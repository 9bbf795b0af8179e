//! Every kind of source error, as a content editor sees it: file, line, column, message, hint.

mod common;
use common::Site;

const FAQ: &str = "guides/demo/faq.yaml";

#[test]
fn the_fixture_is_valid() {
    let run = Site::fixture("minimal").check();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn malformed_yaml() {
    let site = Site::fixture("minimal");
    site.edit(FAQ, "    tags: [审核]", "    tags: [审核");
    let run = site.check();
    // The parser notices the open list where the next item starts.
    run.assert_error("error: guides/demo/faq.yaml:7:12: YAML syntax:");
    assert!(
        run.stderr.contains("hint: check the indentation"),
        "{}",
        run.stderr
    );
}

#[test]
fn duplicate_key_names_both_places() {
    let site = Site::fixture("minimal");
    site.edit(
        FAQ,
        "    tags: [审核]",
        "    tags: [审核]\n    question: 又一个",
    );
    let run = site.check();
    run.assert_error("error: guides/demo/faq.yaml:7:5: duplicate key `question`");
    assert!(
        run.stderr
            .contains("note: guides/demo/faq.yaml:3:5: first given here"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_field_suggests_spelling() {
    let site = Site::fixture("minimal");
    site.edit(FAQ, "    tags: [审核]", "    tagz: [审核]");
    let run = site.check();
    run.assert_error(
        "error: guides/demo/faq.yaml:6:5: faqs[0]: unknown field `tagz`, expected one of",
    );
    assert!(
        run.stderr.contains("hint: check the spelling"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_required_field() {
    let site = Site::fixture("minimal");
    site.edit(FAQ, "    question: 保证金怎么交？\n", "");
    let run = site.check();
    run.assert_error("error: guides/demo/faq.yaml:8:5: faqs[1]: missing field `question`");
    assert!(
        run.stderr.contains("hint: add `question: …`"),
        "{}",
        run.stderr
    );
}

#[test]
fn wrong_type() {
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/flows/apply.yaml",
        "materials: [demo-license, demo-pledge]",
        "materials: 营业执照",
    );
    let run = site.check();
    run.assert_error("error: guides/demo/flows/apply.yaml:12:16: steps[0].materials: invalid type");
}

#[test]
fn bad_date() {
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/platform.yaml",
        "  date: 2026-01",
        "  date: 2026-13",
    );
    let run = site.check();
    run.assert_error(
        "error: guides/demo/platform.yaml:12:9: source.date: invalid date `2026-13`, expected YYYY, YYYY-MM or YYYY-MM-DD",
    );
    assert!(
        run.stderr
            .contains("hint: write the date in digits with leading zeros, like 2025-06-26"),
        "{}",
        run.stderr
    );
}

#[test]
fn duplicate_id_across_files_names_both() {
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/rules.yaml",
        "id: demo-rule-food",
        "id: demo-faq-time",
    );
    let run = site.check();
    // The FAQ file is read before the rules file, so the rule is the duplicate.
    run.assert_error("error: guides/demo/rules.yaml:2:9: duplicate id `demo-faq-time`");
    assert!(
        run.stderr
            .contains("note: guides/demo/faq.yaml:2:9: first used here"),
        "{}",
        run.stderr
    );
}

#[test]
fn reference_to_missing_id() {
    let site = Site::fixture("minimal");
    site.edit(
        FAQ,
        "related: [demo-apply, demo-apply/review]",
        "related: [demo-apply, demo-apply/revue]",
    );
    site.check()
        .assert_error("error: guides/demo/faq.yaml:7:27: unknown id `demo-apply/revue`");
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/flows/apply.yaml",
        "[demo-license, demo-pledge]",
        "[demo-license, demo-pledg]",
    );
    site.check()
        .assert_error("error: guides/demo/flows/apply.yaml:12:31: unknown id `demo-pledg`");
}

#[test]
fn link_to_missing_page_and_anchor() {
    let site = Site::fixture("minimal");
    site.edit("content/guide/a.md", "(b.md#xi-jie)", "(c.md)");
    site.check()
        .assert_error("error: content/guide/a.md:8:3: link to a missing page `guide/c.md`");
    let site = Site::fixture("minimal");
    site.edit("content/guide/a.md", "(b.md#xi-jie)", "(b.md#nope)");
    let run = site.check();
    run.assert_error(
        "error: content/guide/a.md:8:3: link to a missing anchor `#nope` in `guide/b.md`",
    );
    assert!(
        run.stderr
            .contains("hint: anchors come from the target's headings"),
        "{}",
        run.stderr
    );
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/flows/apply.yaml",
        "(@demo-faq-time)",
        "(@demo-faq-tme)",
    );
    site.check().assert_error(
        "error: guides/demo/flows/apply.yaml:11:18: link to an unknown id `@demo-faq-tme`",
    );
}

#[test]
fn file_that_is_not_utf8() {
    let site = Site::fixture("minimal");
    let mut bytes = "---\ntitle: 第二篇\n---\n## 细节\n\n返回 "
        .as_bytes()
        .to_vec();
    bytes.extend([0xB7, 0xB5, 0xBB, 0xD8]); // 返回 in GBK
    site.write_bytes("content/guide/b.md", &bytes);
    let run = site.check();
    run.assert_error("error: content/guide/b.md:6:4: the file is not UTF-8 text");
    assert!(
        run.stderr.contains("hint: save the file as UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn front_matter_errors_count_lines_from_the_file_start() {
    let site = Site::fixture("minimal");
    site.edit(
        "content/guide/a.md",
        "weight: 1\n",
        "weight: 1\nwieght: 2\n",
    );
    site.check()
        .assert_error("error: content/guide/a.md:4:1: unknown field `wieght`");
}

#[test]
fn unknown_theme_and_broken_template() {
    let site = Site::fixture("minimal");
    site.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\ntheme: fancy",
    );
    site.build()
        .assert_error("error: site.yaml:1:1: unknown theme `fancy`");
    let site = Site::fixture("minimal");
    site.write("templates/page.html", "{% extends \"nothing.html\" %}");
    let run = site.build();
    run.assert_error("error: templates/page.html:1:1: template `page.html`");
    assert!(run.stderr.contains("nothing.html"), "{}", run.stderr);
}

#[test]
fn alias_bomb_and_deep_nesting_end_in_located_errors() {
    let site = Site::fixture("minimal");
    site.write(FAQ, "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n");
    site.check()
        .assert_error("error: guides/demo/faq.yaml:2:8: YAML alias");
    let site = Site::fixture("minimal");
    site.write(
        FAQ,
        &format!("faqs: {}{}\n", "[".repeat(5000), "]".repeat(5000)),
    );
    site.check().assert_error("error: guides/demo/faq.yaml:1:");
}

#[test]
fn every_problem_of_a_run_is_reported_together() {
    let site = Site::fixture("minimal");
    site.edit(FAQ, "    tags: [审核]", "    tagz: [审核]");
    site.edit(
        "content/guide/a.md",
        "weight: 1\n",
        "weight: 1\nwieght: 2\n",
    );
    site.edit(
        "guides/demo/rules.yaml",
        "category: 食品",
        "category: [食品",
    );
    let run = site.check();
    assert_eq!(run.errors().len(), 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("check failed: 3 error(s)"),
        "{}",
        run.stderr
    );
}

#[test]
fn tree_defects_are_located() {
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/trees/which.yaml",
        "next: demo-o-person",
        "next: demo-q-company",
    );
    let run = site.check();
    run.assert_error(
        "error: guides/demo/trees/which.yaml:11:15: this answer loops back to `demo-q-company`",
    );
    run.assert_error(
        "error: guides/demo/trees/which.yaml:17:9: no path reaches outcome `demo-o-person`",
    );
}

#[test]
fn unknown_file_in_a_platform_folder_is_a_warning_with_a_guess() {
    let site = Site::fixture("minimal");
    site.write("guides/demo/faqs.yaml", "faqs: []\n");
    let run = site.check();
    assert_eq!(run.code, 0, "a warning, not an error: {}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: guides/demo/faqs.yaml:1:1: `faqs.yaml` is not read: `guides/demo/faqs.yaml` is not a source guidepost knows\n  hint: did you mean `faq.yaml`? a platform folder holds platform.yaml, "
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn bold_that_does_not_close_is_a_located_warning() {
    let site = Site::fixture("minimal");
    site.edit(
        FAQ,
        "answer: 只能线上缴纳。",
        "answer: 只能**线上（网银）**缴纳。",
    );
    let run = site.check();
    assert_eq!(run.code, 0, "a warning, not an error: {}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: guides/demo/faq.yaml:10:15: `**` shows as asterisks: the bold did not close"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: after Chinese punctuation"),
        "{}",
        run.stderr
    );
}
