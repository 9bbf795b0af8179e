//! What is read and what is not: `.yml` beside `.yaml`, files under `guides/` that no loader
//! reads (a warning each), editor temporaries (silence), and links written the way editors
//! write them.

mod common;
use common::Site;

fn rename(site: &Site, from: &str, to: &str) {
    std::fs::rename(site.path(from), site.path(to)).unwrap();
}

/// The warning lines with the hint line that follows each.
fn warnings(stderr: &str) -> Vec<String> {
    let lines: Vec<&str> = stderr.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("warning: "))
        .map(|(i, l)| format!("{l}\n{}", lines.get(i + 1).unwrap_or(&"")))
        .collect()
}

#[test]
fn yml_is_read_like_yaml_everywhere() {
    let site = Site::fixture("minimal");
    for f in [
        "site",
        "guides/demo/platform",
        "guides/demo/faq",
        "guides/demo/rules",
        "guides/demo/materials",
        "guides/demo/glossary",
        "guides/demo/flows/apply",
        "guides/demo/trees/which",
    ] {
        rename(&site, &format!("{f}.yaml"), &format!("{f}.yml"));
    }
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.starts_with("built "), "{}", run.stderr);
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "no warning for .yml files: {}",
        run.stderr
    );
    for page in [
        "public/demo/index.html",
        "public/demo/faq/demo-faq-time/index.html",
        "public/demo/demo-apply/index.html",
        "public/demo/demo-which/index.html",
        "public/demo/rules/index.html",
        "public/glossary/index.html",
    ] {
        assert!(site.path(page).is_file(), "{page} missing");
    }
    assert!(site
        .read("public/demo/faq/demo-faq-time/index.html")
        .contains("审核要多久"));
}

#[test]
fn yml_beside_yaml_is_an_error_naming_both() {
    let site = Site::fixture("minimal");
    site.write("guides/demo/faq.yml", "faqs: []\n");
    site.write("guides/demo/flows/apply.yml", "id: x\n");
    let run = site.check();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let hint =
        "  hint: keep one of the two files: merge what you need into it and delete the other";
    for (yml, yaml) in [
        ("guides/demo/faq.yml", "guides/demo/faq.yaml"),
        (
            "guides/demo/flows/apply.yml",
            "guides/demo/flows/apply.yaml",
        ),
    ] {
        let expected = format!(
            "error: {yml}:1:1: `{yml}` and `{yaml}` are the same source twice (.yml and .yaml are read alike)\n{hint}\n"
        );
        assert!(
            run.stderr.contains(&expected),
            "{expected}\n---\n{}",
            run.stderr
        );
    }
}

#[test]
fn site_yml_beside_site_yaml_is_an_error() {
    let site = Site::fixture("minimal");
    site.write("site.yml", "title: x\n");
    let run = site.check();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "error: site.yml:1:1: `site.yml` and `site.yaml` are the same source twice (.yml and .yaml are read alike)\n  hint: keep one of the two files"
        ),
        "{}",
        run.stderr
    );
}

const PLATFORM_HINT: &str = "a platform folder holds platform.yaml, materials.yaml, faq.yaml, rules.yaml, glossary.yaml, checklists.yaml (each may end in .yml instead) and the folders flows/, trees/";

#[test]
fn files_that_are_not_read_are_warned_about() {
    let site = Site::fixture("minimal");
    site.write("guides/demo/notes.txt", "草稿\n");
    site.write("guides/demo/flows/old.yaml.bak", "id: old\n");
    site.write("guides/demo/extra/faq.yaml", "faqs: []\n");
    site.write("guides/demo/x/foo.yaml", "a: 1\n");
    site.write("guides/README.md", "说明\n");
    site.write("guides/demo/trees/old/which.yaml", "id: old\n");
    let run = site.build();
    assert_eq!(run.code, 0, "warnings only: {}", run.stderr);
    let flows_hint = "flows/ holds one flow per .yaml (or .yml) file, no sub-folders; rename the file to end in .yaml, or move it out of flows/";
    assert_eq!(
        warnings(&run.stderr),
        [
            "warning: guides/README.md:1:1: `README.md` is not read: `guides/README.md` is not a source guidepost knows\n  hint: guides/ holds one folder per platform (guides/<platform>/); move this file into the platform folder it belongs to, or out of guides/".to_string(),
            format!("warning: guides/demo/extra/faq.yaml:1:1: `guides/demo/extra/faq.yaml` is not read: guidepost does not read the folder `guides/demo/extra/`\n  hint: {PLATFORM_HINT}"),
            format!("warning: guides/demo/flows/old.yaml.bak:1:1: `old.yaml.bak` is not read: `guides/demo/flows/old.yaml.bak` is not a source guidepost knows\n  hint: {flows_hint}"),
            format!("warning: guides/demo/notes.txt:1:1: `notes.txt` is not read: `guides/demo/notes.txt` is not a source guidepost knows\n  hint: {PLATFORM_HINT}"),
            "warning: guides/demo/trees/old/which.yaml:1:1: `guides/demo/trees/old/which.yaml` is not read: guidepost does not read the folder `guides/demo/trees/old/`\n  hint: trees/ holds one decision tree per .yaml (or .yml) file, no sub-folders; move the file up into trees/".to_string(),
            format!("warning: guides/demo/x/foo.yaml:1:1: `guides/demo/x/foo.yaml` is not read: guidepost does not read the folder `guides/demo/x/`\n  hint: {PLATFORM_HINT}"),
        ]
    );
    assert!(site.path("public/demo/index.html").is_file());
}

#[test]
fn a_misspelt_source_gets_a_did_you_mean() {
    let site = Site::fixture("minimal");
    site.write("guides/demo/faqs.yaml", "faqs: []\n");
    let run = site.check();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        warnings(&run.stderr),
        [format!("warning: guides/demo/faqs.yaml:1:1: `faqs.yaml` is not read: `guides/demo/faqs.yaml` is not a source guidepost knows\n  hint: did you mean `faq.yaml`? {PLATFORM_HINT}")]
    );
}

#[test]
fn editor_temporaries_are_ignored_silently() {
    let site = Site::fixture("minimal");
    for f in [
        "guides/demo/.faq.yaml.swp",
        "guides/demo/faq.yaml~",
        "guides/demo/.DS_Store",
        "guides/demo/flows/Thumbs.db",
        "guides/.DS_Store",
        "guides/demo/trees/.which.yaml.swp",
    ] {
        site.write(f, "x");
    }
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.starts_with("built "), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

/// The `href` of the first link whose text is `text` in `html`.
fn href<'a>(html: &'a str, text: &str) -> &'a str {
    let end = html
        .find(&format!(">{text}</a>"))
        .unwrap_or_else(|| panic!("no link {text}"));
    let start = html[..end].rfind("href=\"").unwrap() + 6;
    &html[start..start + html[start..end].find('"').unwrap()]
}

#[test]
fn links_written_the_way_editors_write_them_resolve() {
    let site = Site::fixture("minimal");
    site.edit(
        "content/guide/a.md",
        "见 [第二篇](b.md#xi-jie)",
        "见 [无后缀](b#xi-jie)、[网址](/guide/b/#xi-jie)、[网页](b.html)、[栏目](./)、[平台](/demo/faq/)、[首页](/)、[第二篇](b.md#xi-jie)",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read("public/guide/a/index.html");
    for (text, url) in [
        ("无后缀", "../../guide/b/#xi-jie"),
        ("网址", "../../guide/b/#xi-jie"),
        ("网页", "../../guide/b/"),
        ("栏目", "../../guide/"),
        ("平台", "../../demo/faq/"),
        ("首页", "../../"),
        ("第二篇", "../../guide/b/#xi-jie"),
    ] {
        assert_eq!(href(&html, text), url, "{text}");
    }
}

#[test]
fn a_link_to_no_page_is_located_with_a_guess() {
    let site = Site::fixture("minimal");
    site.edit(
        "content/guide/a.md",
        "见 [第二篇](b.md#xi-jie)",
        "见 [x](bb) [y](/guide/c/) [z](b#nope) [w](/demo/faqs/)",
    );
    let run = site.check();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let paths = "a link names a .md file under content/ relative to this file's folder (`b.md`, `../a/b.md`, `.md` may be left out), or a page from the site root (`/a/b/`)";
    let expected = [
        format!("error: content/guide/a.md:8:3: link to a missing page `guide/bb`\n  hint: did you mean `/guide/b/`? {paths}"),
        format!("error: content/guide/a.md:8:11: link to a missing page `/guide/c/`\n  hint: did you mean `/guide/a/`? {paths}"),
        "error: content/guide/a.md:8:26: link to a missing anchor `#nope` in `guide/b.md`\n  hint: anchors come from the target's headings (Chinese is written in pinyin: ## 角色分工 → #jiao-se-fen-gong); check the heading or the anchor".to_string(),
        format!("error: content/guide/a.md:8:38: link to a missing page `/demo/faqs/`\n  hint: did you mean `/demo/faq/`? {paths}"),
    ];
    for e in expected {
        assert!(run.stderr.contains(&e), "{e}\n---\n{}", run.stderr);
    }
}

#[test]
fn external_files_and_ids_are_unchanged() {
    let site = Site::fixture("minimal");
    site.edit(
        "content/guide/a.md",
        "见 [第二篇](b.md#xi-jie)",
        "见 [外链](https://demo.example.cn/a)、[编号](@demo-faq-time)、[邮件](mailto:a@example.cn)、[第二篇](b.md#xi-jie)",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read("public/guide/a/index.html");
    assert_eq!(href(&html, "外链"), "https://demo.example.cn/a");
    assert_eq!(href(&html, "编号"), "../../demo/faq/demo-faq-time/");
    assert_eq!(href(&html, "邮件"), "mailto:a@example.cn");
}

#[test]
fn a_tree_nobody_links_to_is_still_published() {
    let site = Site::fixture("minimal");
    site.write(
        "guides/demo/trees/alone.yml",
        "id: demo-alone\ntitle: 没人链接的决策\nstart: demo-q-alone\nquestions:\n  - id: demo-q-alone\n    text: 开店了吗？\n    answers:\n      - label: 是\n        next: demo-o-alone\n      - label: 不是\n        next: demo-o-alone\noutcomes:\n  - id: demo-o-alone\n    title: 继续\n    body: 看下一步。\n",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(site
        .read("public/demo/demo-alone/index.html")
        .contains("开店了吗？"));
    assert!(site
        .path("public/demo/demo-alone/demo-o-alone/index.html")
        .is_file());
    assert!(site
        .read("public/demo/index.html")
        .contains("<a href=\"../demo/demo-alone/\">没人链接的决策</a>"));
    assert!(site
        .read("public/sitemap.xml")
        .contains("<loc>https://demo.example.cn/demo/demo-alone/</loc>"));
}

#[test]
fn links_in_guide_fields_name_pages_the_same_ways() {
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/faq.yaml",
        "answer: 只能线上缴纳。",
        "answer: 见 [第二篇](guide/b#xi-jie) 与 [栏目](/guide/)，不是 [旧页](/guide/bb/)。",
    );
    let run = site.check();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.errors(),
        ["error: guides/demo/faq.yaml:10:56: link to a missing page `/guide/bb/`"]
    );
    assert!(
        run.stderr
            .contains("  hint: did you mean `/guide/b/`? a link names a .md file"),
        "{}",
        run.stderr
    );
    site.edit("guides/demo/faq.yaml", "，不是 [旧页](/guide/bb/)", "");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read("public/demo/faq/demo-faq-deposit/index.html");
    assert_eq!(href(&html, "第二篇"), "../../../guide/b/#xi-jie");
    assert_eq!(href(&html, "栏目"), "../../../guide/");
}
