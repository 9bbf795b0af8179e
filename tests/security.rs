//! Hostile content, fed as an attacker would write it: what the editor sees (the whole located
//! error with its hint, the exit code) and what the built site holds. Script execution in a
//! real browser is tested in tests/browser/security.test.mjs; the property tests of the
//! policy are in tests/props.rs.

mod common;
#[path = "serve/support.rs"]
mod support;
use common::{snapshot, Site};

const URL_HINT: &str = "  hint: a link may be a relative path (`../a.md`, `images/x.png`) or start with http://, https://, mailto: or tel: — remove this URL or write the web address out (docs/security.md)";
const ATTR_HINT: &str = "  hint: a heading may carry only its anchor and classes, `{#id .class}`: remove the other attributes (docs/security.md)";

/// Every error of the run, each with its hint line, as stderr shows them.
fn errors_with_hints(stderr: &str) -> Vec<String> {
    let lines: Vec<&str> = stderr.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("error: "))
        .map(|(i, l)| format!("{l}\n{}", lines.get(i + 1).unwrap_or(&"")))
        .collect()
}

#[track_caller]
fn assert_errors(stderr: &str, expected: &[String]) {
    assert_eq!(errors_with_hints(stderr), expected, "stderr:\n{stderr}");
}

fn url_error(at: &str, url: &str, scheme: &str) -> String {
    format!(
        "error: {at}: the URL `{url}` uses the scheme `{scheme}:`, which is not allowed\n{URL_HINT}"
    )
}

#[test]
fn markdown_links_and_images_with_other_schemes_are_located_errors() {
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.path("public"));
    site.edit(
        "content/guide/b.md",
        "返回 [第一篇](a.md)。",
        "返回 [第一篇](a.md)。\n[点我](javascript:alert(1)) ![图](data:image/svg+xml,x)\n\
         [藏](JaVa&#x09;Script&colon;alert(2)) [文件](file:///etc/passwd) <vbscript:msgbox(1)>\n\
         [好](https://example.cn/a:b) [信](mailto:kf@example.cn) [电](tel:+861012345678)",
    );
    // In a quoted YAML string, columns count from the text inside the quote.
    site.edit(
        "guides/demo/faq.yaml",
        "answer: 只能线上缴纳。",
        "answer: \"见 [链接](javascript:alert(3))。\"",
    );
    let expected = [
        url_error(
            "content/guide/b.md:8:1",
            "javascript:alert(1)",
            "javascript",
        ),
        url_error("content/guide/b.md:8:27", "data:image/svg+xml,x", "data"),
        url_error(
            "content/guide/b.md:9:1",
            "JaVa\\tScript:alert(2)",
            "javascript",
        ),
        url_error("content/guide/b.md:9:38", "file:///etc/passwd", "file"),
        url_error("content/guide/b.md:9:63", "vbscript:msgbox(1)", "vbscript"),
        url_error(
            "guides/demo/faq.yaml:10:16",
            "javascript:alert(3)",
            "javascript",
        ),
    ];
    let check = site.check();
    assert_eq!(check.code, 1);
    assert_errors(&check.stderr, &expected);
    let build = site.build();
    assert_eq!(build.code, 1);
    assert_errors(&build.stderr, &expected);
    assert_eq!(
        snapshot(&site.path("public")),
        before,
        "a failed build leaves the previous output as it was"
    );
}

#[test]
fn yaml_url_fields_pass_the_same_policy() {
    let site = Site::fixture("minimal");
    site.edit(
        "site.yaml",
        "base_url: https://demo.example.cn/",
        "base_url: javascript:alert(0)//",
    );
    let p = "guides/demo/platform.yaml";
    site.edit(
        p,
        "entry_url: https://demo.example.cn/login",
        "entry_url: javascript:alert(1)",
    );
    site.edit(
        p,
        "url: https://demo.example.cn/guide",
        "url: vbscript:msgbox(2)",
    );
    site.edit(
        "guides/demo/materials.yaml",
        "      title: 承诺书模板",
        "      title: 承诺书模板\n      url: \" JAVASCRIPT:alert(3)\"",
    );
    let tree = "guides/demo/trees/which.yaml";
    site.write(
        tree,
        &format!(
            "{}source:\n  title: 来源\n  kind: official\n  url: data:text/html,x\n",
            site.read(tree)
        ),
    );
    site.edit(
        "guides/demo/flows/apply.yaml",
        "summary: |",
        "source:\n  title: 来源\n  kind: official\n  url: file:///etc/passwd\nsummary: |",
    );
    let expected = [
        url_error(
            "guides/demo/flows/apply.yaml:6:8",
            "file:///etc/passwd",
            "file",
        ),
        url_error(
            "guides/demo/materials.yaml:11:13",
            " JAVASCRIPT:alert(3)",
            "javascript",
        ),
        url_error(
            "guides/demo/platform.yaml:4:12",
            "javascript:alert(1)",
            "javascript",
        ),
        url_error(
            "guides/demo/platform.yaml:11:8",
            "vbscript:msgbox(2)",
            "vbscript",
        ),
        url_error(
            "guides/demo/trees/which.yaml:23:8",
            "data:text/html,x",
            "data",
        ),
        url_error("site.yaml:2:11", "javascript:alert(0)//", "javascript"),
    ];
    let run = site.build();
    assert_eq!(run.code, 1);
    assert_errors(&run.stderr, &expected);
    assert!(!site.path("public").exists(), "nothing written");
}

#[test]
fn heading_attributes_other_than_id_and_class_are_located_errors() {
    let site = Site::fixture("minimal");
    site.edit(
        "content/guide/b.md",
        "## 细节",
        "## 细节 {#xi-jie .wide autofocus onfocus=alert(1)}",
    );
    site.edit(
        "guides/demo/faq.yaml",
        "    answer: 只能线上缴纳。",
        "    answer: |\n      ## 缴纳 {onclick=alert(2)}\n      只能线上缴纳。",
    );
    let run = site.check();
    assert_eq!(run.code, 1);
    assert_errors(
        &run.stderr,
        &[
            format!("error: content/guide/b.md:5:7: the heading attribute `autofocus onfocus=alert(1)` is not allowed\n{ATTR_HINT}"),
            format!("error: guides/demo/faq.yaml:11:13: the heading attribute `onclick=alert(2)` is not allowed\n{ATTR_HINT}"),
        ],
    );
    // `{#id .class}` alone is what editors use for anchors: it stays.
    let site = Site::fixture("minimal");
    site.edit("content/guide/b.md", "## 细节", "## 细节 {#xi-jie .wide}");
    assert_eq!(site.build().code, 0);
    let html = site.read("public/guide/b/index.html");
    assert!(
        html.contains("<h2 id=\"xi-jie\" class=\"wide\">细节</h2>"),
        "{html}"
    );
}

const RAW: &str = "<img src=x onerror=alert(1)>\n\n<script>alert(2)</script>\n\n\
    <p><a href=\"javascript:alert(3)\">链接</a> <svg onload=alert(4)></svg> \
    <b onmouseover=alert(5)>粗</b> <a href=\"https://example.cn/\">官网</a></p>\n";

#[test]
fn raw_html_is_cleaned_unless_the_site_trusts_it() {
    let site = Site::fixture("minimal");
    site.edit("content/guide/b.md", "返回 [第一篇](a.md)。", RAW);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read("public/guide/b/index.html");
    let start = html.find("<article").expect("an article");
    let body = &html[start..start + html[start..].find("</article>").expect("its end")];
    for bad in [
        "onerror",
        "onload",
        "onmouseover",
        "<script",
        "javascript:",
        "alert(",
    ] {
        assert!(!body.contains(bad), "`{bad}` left in:\n{body}");
    }
    assert!(body.contains("<b>粗</b>"), "{body}");
    assert!(
        body.contains("<a href=\"https://example.cn/\">官网</a>"),
        "{body}"
    );
    assert_eq!(site.run(&["build", "--output", "again"]).code, 0);
    assert_eq!(
        snapshot(&site.path("again")),
        snapshot(&site.path("public")),
        "cleaned output is byte-identical from build to build"
    );

    site.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\ntrusted_html: true",
    );
    assert_eq!(site.build().code, 0);
    let html = site.read("public/guide/b/index.html");
    assert!(
        html.contains("<img src=x onerror=alert(1)>"),
        "trusted: as written"
    );
}

#[cfg(unix)]
#[path = "security/symlinks.rs"]
mod symlinks;

#[test]
fn a_control_character_in_yaml_is_located() {
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/faq.yaml",
        "answer: 只能线上缴纳。",
        "answer: 只能线上\u{7}缴纳。",
    );
    site.edit(
        "content/guide/a.md",
        "weight: 1",
        "weight: 1\ndescription: 说\u{1b}明",
    );
    let hint = "  hint: delete this invisible character (it often comes with text pasted from a chat or an office document); if your editor does not show it, delete and retype the character after it";
    assert_errors(
        &site.check().stderr,
        &[
            format!("error: content/guide/a.md:4:15: an invisible control character (U+001B) in the text\n{hint}"),
            format!("error: guides/demo/faq.yaml:10:17: an invisible control character (U+0007) in the text\n{hint}"),
        ],
    );
}

#[test]
fn every_defect_of_a_tree_is_reported_in_one_run() {
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/trees/which.yaml",
        "        next: demo-o-person\n",
        "        next: demo-q-size\n  - id: demo-q-size\n    text: 规模？\n    answers:\n      \
         - label: 大\n        next: demo-q-company\n      - label: 小\n        next: demo-o-nowhere\n",
    );
    let run = site.check();
    assert_eq!(run.code, 1);
    assert_errors(
        &run.stderr,
        &[
            "error: guides/demo/trees/which.yaml:16:15: this answer loops back to `demo-q-company` (demo-q-company → demo-q-size → demo-q-company)\n  hint: a decision tree must always move forward: point `next` at a later question or an outcome".to_string(),
            "error: guides/demo/trees/which.yaml:18:15: `next` names no question or outcome of this tree: `demo-o-nowhere`\n  hint: use the id of a question or an outcome defined in this file".to_string(),
            "error: guides/demo/trees/which.yaml:24:9: no path reaches outcome `demo-o-person`\n  hint: point an answer's `next` at it, or remove it".to_string(),
        ],
    );
}

#[test]
fn serve_refuses_a_hostile_edit_and_keeps_serving_the_last_good_page() {
    let s = support::Serve::start(Site::fixture("minimal"), &["--lang", "en"]);
    let mut ev = s.events();
    ev.wait_for("build", 5);
    // A body-only edit: the preview server re-renders this one page and checks it alone.
    s.site.edit(
        "content/guide/b.md",
        "返回 [第一篇](a.md)。",
        "返回 [第一篇](a.md)。[点我](JAVA&#9;SCRIPT:alert(1))",
    );
    let p = ev.wait_for("problems", 20);
    for part in [
        r#""file":"content/guide/b.md""#,
        r#""line":7"#,
        r#""col":16"#,
        "uses the scheme `javascript:`, which is not allowed",
    ] {
        assert!(p.data.contains(part), "{part} not in {}", p.data);
    }
    let page = s.get("/guide/b/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("返回"), "{}", page.body);
    assert!(!page.body.contains("alert"), "{}", page.body);
}
