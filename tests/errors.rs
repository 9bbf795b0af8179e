//! Every kind of source error and the main warnings, as a content editor sees them: the real
//! binary on a broken copy of tests/fixtures/minimal, its whole stderr pinned (insta
//! snapshots in tests/snapshots/errors__*.snap, as mdBook's testsuite pins its output), in
//! Chinese (no locale: the default) and in English (`LANG=en_US.UTF-8`), with the exit code.

mod common;
use common::Site;

const FAQ: &str = "guides/demo/faq.yaml";
const FLOW: &str = "guides/demo/flows/apply.yaml";
const TREE: &str = "guides/demo/trees/which.yaml";
const PAGE: &str = "content/guide/a.md";

/// Run `guidepost ARGS` on `site` in both languages; pin each stderr whole (the temp folder
/// shown as `[SITE]`) and check the exit code.
#[track_caller]
fn pin(name: &str, site: &Site, args: &[&str], code: i32) {
    let dir = site.dir.path();
    let real = dunce::canonicalize(dir).unwrap();
    for (lang, env) in [("zh", None), ("en", Some("en_US.UTF-8"))] {
        let run = site.run_lang(env, args);
        assert_eq!(run.code, code, "{name} ({lang}):\n{}", run.stderr);
        let shown = run
            .stderr
            .replace(&real.display().to_string(), "[SITE]")
            .replace(&dir.display().to_string(), "[SITE]");
        insta::assert_snapshot!(format!("{name}_{lang}"), shown);
    }
}

fn site() -> Site {
    Site::fixture("minimal")
}

/// A fixture with one edit, checked: the common case.
#[track_caller]
fn check_edit(name: &str, file: &str, from: &str, to: &str) {
    let s = site();
    s.edit(file, from, to);
    pin(name, &s, &["check"], 1);
}

#[test]
fn the_fixture_is_valid_and_says_so() {
    pin("ok", &site(), &["check"], 0);
}

#[test]
fn c_and_posix_locales_and_the_flag_choose_the_language() {
    let s = site();
    s.edit(FAQ, "    tags: [审核]", "    tagz: [审核]");
    let zh = s.run_lang(None, &["check"]).stderr;
    assert!(
        zh.starts_with("错误: guides/demo/faq.yaml:6:5: 第 1 条 FAQ：未知的键 `tagz`"),
        "{zh}"
    );
    for lang in ["C", "POSIX", "C.UTF-8", "zh_CN.UTF-8"] {
        assert_eq!(s.run_lang(Some(lang), &["check"]).stderr, zh, "LANG={lang}");
    }
    assert_eq!(
        s.run_lang(Some("en_US.UTF-8"), &["--lang", "zh", "check"])
            .stderr,
        zh
    );
    let en = s.run_lang(Some("en_US.UTF-8"), &["check"]).stderr;
    assert_eq!(s.run_lang(None, &["check", "--lang", "en"]).stderr, en);
    assert!(
        en.starts_with("error: guides/demo/faq.yaml:6:5: FAQ #1: unknown key `tagz`"),
        "{en}"
    );
}

/// Three mistakes in three different steps of one flow, and one in another file: all four are
/// reported in one run, each at its own line and column, in the order of the file.
#[test]
fn every_mistake_of_a_file_at_once() {
    let s = site();
    s.edit(FLOW, "    title: 提交申请", "    titel: 提交申请");
    s.edit(FLOW, "    wait: 3-5 个工作日", "    wait: [3, 5]");
    s.edit(
        FLOW,
        "    role: 商家\n    system: 商家后台\n    body: 开始经营。",
        "    system: 商家后台\n    body: 开始经营。",
    );
    s.edit(FAQ, "    tags: [审核]", "    tagz: [审核]");
    pin("every_mistake_of_a_file_at_once", &s, &["check"], 1);
}

/// Two sources that would publish the same path, and a file name a URL cannot hold: both
/// owners are named in the editor's language.
#[test]
fn output_paths_that_collide_or_break_urls() {
    let s = site();
    s.edit(PAGE, "title: ", "slug: b\ntitle: ");
    s.write("content/guide/q#1.md", "---\ntitle: 问与答\n---\n正文。\n");
    pin("output_paths_that_collide_or_break_urls", &s, &["check"], 1);
}

// --- YAML syntax ---------------------------------------------------------------------------

#[test]
fn unclosed_list() {
    check_edit("unclosed_list", FAQ, "    tags: [审核]", "    tags: [审核");
}

#[test]
fn unclosed_quote() {
    check_edit(
        "unclosed_quote",
        FAQ,
        "question: 保证金怎么交？",
        "question: \"保证金怎么交？",
    );
}

#[test]
fn tab_in_indentation() {
    check_edit("tab", FAQ, "    tags: [审核]", "\ttags: [审核]");
}

#[test]
fn wrong_indentation() {
    check_edit("indentation", FAQ, "    tags: [审核]", "   tags: [审核]");
}

#[test]
fn missing_colon() {
    check_edit("missing_colon", FLOW, "steps:", "steps");
}

#[test]
fn colon_inside_a_value() {
    check_edit(
        "colon_in_value",
        FLOW,
        "title: 入驻申请",
        "title: 注意: 入驻申请",
    );
}

#[test]
fn duplicate_key() {
    check_edit(
        "duplicate_key",
        FAQ,
        "    tags: [审核]",
        "    tags: [审核]\n    question: 又一个",
    );
}

#[test]
fn alias() {
    let s = site();
    s.write(FAQ, "a: &a [x, x]\nb: [*a, *a]\n");
    pin("alias", &s, &["check"], 1);
}

#[test]
fn nested_too_deeply() {
    let s = site();
    s.write(
        FAQ,
        &format!("faqs: {}{}\n", "[".repeat(5000), "]".repeat(5000)),
    );
    pin("too_deep", &s, &["check"], 1);
}

#[test]
fn invisible_control_character() {
    check_edit("control_char", FAQ, "保证金怎么交？", "保证金\u{7}怎么交？");
}

#[test]
fn not_utf8() {
    let s = site();
    let mut bytes = "---\ntitle: 第二篇\n---\n## 细节\n\n返回 "
        .as_bytes()
        .to_vec();
    bytes.extend([0xB7, 0xB5, 0xBB, 0xD8]); // 返回 in GBK
    s.write_bytes("content/guide/b.md", &bytes);
    pin("not_utf8", &s, &["check"], 1);
}

// --- Full-width punctuation ------------------------------------------------------------------

#[test]
fn full_width_colon_after_a_key() {
    check_edit(
        "fullwidth_colon",
        FAQ,
        "    question: 保证金怎么交？",
        "    question：保证金怎么交？",
    );
}

#[test]
fn full_width_comma_in_a_list() {
    check_edit(
        "fullwidth_comma",
        FLOW,
        "[demo-license, demo-pledge]",
        "[demo-license，demo-pledge]",
    );
}

#[test]
fn full_width_brackets_as_a_list() {
    check_edit(
        "fullwidth_bracket",
        FAQ,
        "    tags: [审核]",
        "    tags: 【审核】",
    );
}

#[test]
fn curly_quotes_as_yaml_quotes() {
    check_edit(
        "curly_quote",
        FLOW,
        "title: 入驻申请",
        "title: “注意: 入驻申请”",
    );
}

#[test]
fn full_width_punctuation_inside_values_stays_valid() {
    let s = site();
    s.edit(FLOW, "title: 入驻申请", "title: 【必读】入驻申请：三步");
    s.edit(
        FAQ,
        "answer: 只能线上缴纳。",
        "answer: “线上”缴纳，见下：网银。",
    );
    let run = s.run_lang(None, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// --- Keys and values -------------------------------------------------------------------------

#[test]
fn unknown_key_suggests_the_closest() {
    check_edit("unknown_key", FAQ, "    tags: [审核]", "    tagz: [审核]");
}

#[test]
fn unknown_key_in_front_matter_counts_from_the_file_start() {
    check_edit(
        "unknown_key_front_matter",
        PAGE,
        "weight: 1\n",
        "weight: 1\nwieght: 2\n",
    );
}

#[test]
fn missing_key() {
    check_edit("missing_key", FAQ, "    question: 保证金怎么交？\n", "");
}

#[test]
fn wrong_kind_of_value() {
    check_edit(
        "wrong_type",
        FLOW,
        "materials: [demo-license, demo-pledge]",
        "materials: 营业执照",
    );
}

#[test]
fn bad_date() {
    check_edit(
        "bad_date",
        "guides/demo/platform.yaml",
        "  date: 2026-01",
        "  date: 2026-13",
    );
}

#[test]
fn unknown_value_suggests_the_closest() {
    check_edit(
        "unknown_value",
        "guides/demo/platform.yaml",
        "  kind: official",
        "  kind: oficial",
    );
}

#[test]
fn no_front_matter() {
    check_edit(
        "no_front_matter",
        PAGE,
        "---\ntitle: 第一篇\n",
        "title: 第一篇\n",
    );
}

// --- Ids and references ----------------------------------------------------------------------

#[test]
fn duplicate_id_names_both_places() {
    check_edit(
        "duplicate_id",
        "guides/demo/rules.yaml",
        "id: demo-rule-food",
        "id: demo-faq-time",
    );
}

#[test]
fn invalid_id() {
    check_edit(
        "invalid_id",
        FAQ,
        "id: demo-faq-deposit",
        "id: Demo_Deposit",
    );
}

#[test]
fn unknown_id_suggests_the_closest() {
    check_edit("unknown_id", FAQ, "demo-apply/review]", "demo-apply/revue]");
}

#[test]
fn unknown_material_suggests_the_closest() {
    check_edit(
        "unknown_material",
        FLOW,
        "[demo-license, demo-pledge]",
        "[demo-license, demo-pledg]",
    );
}

#[test]
fn reference_to_the_wrong_kind() {
    check_edit(
        "wrong_kind",
        FLOW,
        "[demo-license, demo-pledge]",
        "[demo-license, demo-faq-time]",
    );
}

#[test]
fn reserved_name() {
    check_edit("reserved_name", TREE, "id: demo-which", "id: search");
}

// --- Decision trees --------------------------------------------------------------------------

#[test]
fn tree_loop_and_unreachable_outcome() {
    check_edit(
        "tree_loop",
        TREE,
        "next: demo-o-person",
        "next: demo-q-company",
    );
}

#[test]
fn tree_unknown_next_suggests_the_closest() {
    check_edit(
        "tree_next_unknown",
        TREE,
        "next: demo-o-person",
        "next: demo-o-persn",
    );
}

#[test]
fn tree_question_with_one_answer() {
    check_edit(
        "tree_few_answers",
        TREE,
        "      - label: 不是\n        next: demo-o-person\n",
        "",
    );
}

#[test]
fn tree_start_unknown() {
    check_edit(
        "tree_start_unknown",
        TREE,
        "start: demo-q-company",
        "start: demo-q-compnay",
    );
}

// --- Files and folders -----------------------------------------------------------------------

#[test]
fn no_platform_yaml() {
    let s = site();
    std::fs::remove_file(s.path("guides/demo/platform.yaml")).unwrap();
    pin("no_platform_yaml", &s, &["check"], 1);
}

#[test]
fn same_source_twice() {
    let s = site();
    s.write("guides/demo/faq.yml", "faqs: []\n");
    pin("same_source_twice", &s, &["check"], 1);
}

#[test]
fn no_site_yaml() {
    let s = site();
    std::fs::remove_file(s.path("site.yaml")).unwrap();
    pin("no_site_yaml", &s, &["check"], 1);
}

#[test]
fn unknown_file_in_a_platform_folder_is_a_warning_with_a_guess() {
    let s = site();
    s.write("guides/demo/faqs.yaml", "faqs: []\n");
    pin("unread_file", &s, &["check"], 0);
}

// --- Markdown and URLs -----------------------------------------------------------------------

#[test]
fn bold_that_does_not_close_is_a_warning() {
    check_edit_ok(
        "bold_unclosed",
        FAQ,
        "answer: 只能线上缴纳。",
        "answer: 只能**线上（网银）**缴纳。",
    );
}

#[test]
fn refused_url_scheme() {
    check_edit(
        "url_refused",
        PAGE,
        "[本页](#kai-shi)",
        "[本页](javascript:alert(1))",
    );
}

#[test]
fn heading_attribute() {
    check_edit("heading_attr", PAGE, "## 开始", "## 开始 {onclick=x}");
}

/// A fixture with one edit that still passes `check`, with a warning.
#[track_caller]
fn check_edit_ok(name: &str, file: &str, from: &str, to: &str) {
    let s = site();
    s.edit(file, from, to);
    pin(name, &s, &["check"], 0);
}

// --- Themes and templates --------------------------------------------------------------------

#[test]
fn unknown_theme() {
    let s = site();
    s.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\ntheme: fancy",
    );
    pin("unknown_theme", &s, &["build"], 1);
}

#[test]
fn template_syntax_error() {
    let s = site();
    s.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}{{ page.title }\n{% endblock %}\n",
    );
    pin("template_syntax", &s, &["build"], 1);
}

#[test]
fn missing_template_suggests_the_closest() {
    let s = site();
    s.write("templates/page.html", "{% extends \"base.html\" %}\n{% block content %}{% include \"tree_outcome_bdy.html\" %}{% endblock %}\n");
    pin("template_missing", &s, &["build"], 1);
}

// --- Many at once ----------------------------------------------------------------------------

#[test]
fn every_problem_of_a_run_is_reported_together() {
    let s = site();
    s.edit(FAQ, "    tags: [审核]", "    tagz: [审核]");
    s.edit(PAGE, "weight: 1\n", "weight: 1\nwieght: 2\n");
    s.edit(
        "guides/demo/rules.yaml",
        "category: 食品",
        "category: [食品",
    );
    pin("three_files", &s, &["check"], 1);
}

#[test]
fn full_width_colon_in_front_matter_counts_from_the_file_start() {
    check_edit(
        "fullwidth_colon_front_matter",
        PAGE,
        "weight: 1\n",
        "weight：1\n",
    );
}

#[test]
fn a_step_is_counted_from_one() {
    check_edit(
        "step_missing_key",
        FLOW,
        "  - id: review\n    title: 审核\n",
        "  - id: review\n",
    );
}
