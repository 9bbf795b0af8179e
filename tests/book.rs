//! Markdown written for mdBook builds as it is: a real book (tests/fixtures/book-mdbook-zh,
//! the Chinese mdBook guide) and a generated one with nested SUMMARY, includes, `.html`
//! links, Unicode anchors and no front matter.

mod common;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use common::{snapshot, Site};

/// The fixture, built once (English messages), and its `check` run in Chinese.
fn fixture() -> &'static (Site, common::Run) {
    static SITE: OnceLock<(Site, common::Run)> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = Site::fixture("book-mdbook-zh");
        let run = site.build();
        assert_eq!(run.code, 0, "{}", run.stderr);
        let check = site.run_lang(Some("zh_CN.UTF-8"), &["check"]);
        (site, check)
    })
}

/// The problem lines (`warning: …` / `error: …`) that are about reading the book, in order.
fn book_problems(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning: ") || l.starts_with("error: "))
        .filter(|l| !l.contains("`**`"))
        .collect()
}

#[test]
fn the_fixture_builds_with_what_mdbook_left_broken_as_warnings() {
    let (site, _) = fixture();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Dead links the book had under mdBook (English anchors the translation never updated,
    // `.md.md`, a README it never built), its draft and the pages nothing leads to.
    assert_eq!(
        book_problems(&run.stderr),
        [
            "warning: content/README.zh.md:7:14: link to a missing anchor `#search` in `guide/reading.zh.md`",
            "warning: content/README.zh.md:9:13: link to a missing page `format/theme/index.html`",
            "warning: content/SUMMARY.md:23:7: draft chapter “Draft chapter” has no file yet and is left out",
            "warning: content/continuous-integration.zh.md:50:49: link to a missing anchor `#search` in `guide/reading.zh.md`",
            "warning: content/continuous-integration.zh.md:63:1: link to a missing page `cli/test.md.md`",
            "warning: content/continuous-integration.zh.md:95:21: link to a missing anchor `#html-renderer-options` in `format/configuration/renderers.zh.md`",
            "warning: content/continuous-integration.zh.md:106:10: link to a missing anchor `#html-renderer-options` in `format/configuration/renderers.zh.md`",
            "warning: content/format/config.zh.md:1:1: nothing links to this page, so readers cannot find it",
            "warning: content/format/config.zh.md:218:4: link to a missing anchor `#配置,预处理器` in `format/config.zh.md`",
            "warning: content/format/config.zh.md:222:50: link to a missing anchor `#配置,预处理器` in `format/config.zh.md`",
            "warning: content/format/configuration/preprocessors.zh.md:7:98: link to a missing anchor `#including-files` in `format/mdbook.zh.md`",
            "warning: content/format/configuration/preprocessors.zh.md:10:13: link to a missing anchor `#build-options` in `format/configuration/general.zh.md`",
            "warning: content/format/configuration/renderers.zh.md:7:3: link to a missing anchor `#html-renderer-options` in `format/configuration/renderers.zh.md`",
            "warning: content/format/configuration/renderers.zh.md:9:3: link to a missing anchor `#markdown-renderer` in `format/configuration/renderers.zh.md`",
            "warning: content/format/configuration/renderers.zh.md:52:34: link to a missing anchor `#build-options` in `format/configuration/general.zh.md`",
            "warning: content/format/configuration/renderers.zh.md:117:46: link to a missing page `format/configuration/mathjax.zh.md`",
            "warning: content/format/configuration/renderers.zh.md:183:27: link to a missing page `guide/reading.md`",
            "warning: content/format/configuration/renderers.zh.md:247:4: link to a missing anchor `#配置,预处理器` in `format/configuration/renderers.zh.md`",
            "warning: content/format/theme/README.zh.md:31:1: link to a missing anchor `#html-renderer-options` in `format/configuration/renderers.zh.md`",
            "warning: content/guide/README.zh.md:1:1: nothing links to this page, so readers cannot find it",
            "warning: content/misc/introduction.zh.md:1:1: nothing links to this page, so readers cannot find it",
        ]
    );
    // Chapters that link to Chinese headings (percent-encoded, as mdBook users paste them) do not warn.
    assert!(!run.stderr.contains("backends.zh.md"), "{}", run.stderr);
}

#[test]
fn check_says_what_it_applied() {
    let (_, check) = fixture();
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(!check.stderr.contains("错误"), "{}", check.stderr);
    let last: Vec<&str> = check.stderr.lines().rev().take(2).collect();
    assert_eq!(
        last,
        [
            "用了 SUMMARY.md 的目录（32 章）；34 个页面没有 front matter，标题取自第一个标题，锚点照 mdBook 保留中文；展开了 4 个 mdBook 指令（include、playground、title）",
            "检查通过：0 个平台，0 个 id，35 个页面",
        ]
    );
    let en = fixture().0.check();
    assert_eq!(
        en.stderr.lines().last().unwrap(),
        "used the table of contents of SUMMARY.md (32 chapters); 34 pages have no front matter: titles come from their first heading, anchors keep their Chinese as mdBook writes them; expanded 4 mdBook directives (include, playground, title)"
    );
}

/// The chapter links of a SUMMARY.md, as written, drafts left out.
fn summary_links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            let end = rest[i..].find(')').unwrap() + i;
            let dest = &rest[i + 2..end];
            if !dest.is_empty() {
                out.push(dest.to_string());
            }
            rest = &rest[end..];
        }
    }
    out
}

/// The `href`s of an HTML text, in order.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].replace("&amp;", "&"))
        .collect()
}

#[test]
fn every_summary_chapter_is_on_the_home_page_in_summary_order() {
    let (site, _) = fixture();
    let home = site.read("public/index.html");
    let main = &home[home.find("<main").unwrap()..];
    let expected: Vec<String> = summary_links(&site.read("content/SUMMARY.md"))
        .iter()
        .map(|d| format!("{}/", d.trim_end_matches(".md")))
        .collect();
    assert_eq!(expected.len(), 31);
    let shown: Vec<String> = hrefs(main)
        .into_iter()
        .filter(|h| expected.contains(h))
        .collect();
    assert_eq!(shown, expected);
    // Titles come from each chapter's first heading.
    let reading = site.read("public/guide/reading.zh/index.html");
    assert!(reading.contains("<title>读读读 · mdBook 中文文档"));
}

#[test]
fn no_directive_is_left_as_text_and_included_files_are_on_the_page() {
    let (site, _) = fixture();
    for (path, bytes) in snapshot(&site.path("public")) {
        if !path.ends_with("index.html") || path.starts_with("search") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        // Only what the source shows as text: `\{{#…}}`, or `{{#name}}` with nothing to
        // include (mdBook leaves both as text; `{{#toc}}` in a template example).
        let shown = html.matches("{{#").count();
        let source = format!("content/{}.md", path.trim_end_matches("/index.html"));
        let as_text = match Path::new(&site.path(&source)).exists() {
            true => {
                let md = site.read(&source);
                let bare = md
                    .split("{{#")
                    .skip(1)
                    .filter(|rest| {
                        let name = rest
                            .split(|c: char| !c.is_alphanumeric() && c != '_')
                            .next();
                        rest[name.unwrap_or("").len()..].starts_with("}}")
                    })
                    .count();
                md.matches("\\{{#").count() + bare
            }
            false => 0,
        };
        assert_eq!(shown, as_text, "{path}");
    }
    let pre = site.read("public/for_developers/preprocessors.zh/index.html");
    assert!(pre.contains("nop-preprocessor"), "{pre}");
    assert!(
        pre.contains("supports_renderer"),
        "the included example is shown"
    );
    let mdbook = site.read("public/format/mdbook.zh/index.html");
    assert!(
        mdbook.contains("{{#include file.rs:2:10}}"),
        "escaped directives stay text"
    );
}

/// Every link of every page leads to a file of the output, and to an element with that id.
#[test]
fn every_internal_link_of_the_output_resolves() {
    let (site, _) = fixture();
    assert_links_resolve(&site.path("public"));
}

fn assert_links_resolve(public: &Path) {
    let files: BTreeMap<String, String> = snapshot(public)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (path, html) in &files {
        if path == "404.html" {
            continue; // its links start from the site's absolute path
        }
        let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        for href in hrefs(html) {
            if href.contains(':') || href.starts_with("//") {
                continue;
            }
            let (target, anchor) = href.split_once('#').unwrap_or((&href, ""));
            let target = percent_encoding::percent_decode_str(target).decode_utf8_lossy();
            let anchor = percent_encoding::percent_decode_str(anchor).decode_utf8_lossy();
            let file = if target.is_empty() {
                path.clone()
            } else {
                let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
                for seg in target.split('/') {
                    match seg {
                        "" | "." => {}
                        ".." => {
                            parts.pop();
                        }
                        s => parts.push(s),
                    }
                }
                let joined = parts.join("/");
                if target.ends_with('/') || joined.is_empty() {
                    format!("{joined}/index.html")
                        .trim_start_matches('/')
                        .to_string()
                } else {
                    joined
                }
            };
            checked += 1;
            if !public.join(&file).exists() {
                broken.push(format!("{path}: {href} (no {file})"));
            } else if !anchor.is_empty() {
                let text = files.get(&file).map(String::as_str).unwrap_or("");
                if !text.contains(&format!("id=\"{anchor}\"")) {
                    broken.push(format!("{path}: {href} (no #{anchor} in {file})"));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} links");
    assert!(broken.is_empty(), "{broken:#?}");
}

/// A book written by the test: nested SUMMARY in a folder of content/, includes, `.html`
/// links, Unicode anchors, no front matter.
fn generated() -> Site {
    let site = Site::fixture("minimal");
    site.write(
        "content/book/SUMMARY.md",
        "# 商家手册\n\n[前言](intro.md)\n\n# 开店\n\n- [准备材料](open/materials.md)\n  - [证件](open/papers.md)\n  - [以后再写]()\n- [上架](list.md)\n\n---\n\n[附录](appendix.md)\n",
    )
    .write(
        "content/book/intro.md",
        "# 欢迎\n\n先看[证件要求](open/papers.html#原始-标识符)，再看[上架](./list.html)。\n",
    )
    .write(
        "content/book/open/materials.md",
        "准备这些：\n\n```\n{{#include ../snippets/code.rs:2:3}}\n```\n\n{{#include ../snippets/code.rs:tail}}\n\n见[附录](../appendix.md#附录-a)\n",
    )
    .write("content/book/open/papers.md", "# 证件\n\n## 原始 标识符\n\n营业执照。\n")
    .write("content/book/list.md", "{{#title 上架商品}}\n\n上架步骤。[更多](extra.md)\n")
    .write("content/book/appendix.md", "# 附录\n\n## 附录 A\n\n表格。\n")
    .write("content/book/extra.md", "# 不在目录里\n\n但有链接。\n")
    .write("content/book/orphan.md", "# 孤儿\n")
    .write(
        "content/book/snippets/code.rs",
        "fn a() {}\nlet x = 1;\nlet y = 2;\n// ANCHOR: tail\n尾部文字 **粗体**。\n// ANCHOR_END: tail\n",
    );
    site
}

#[test]
fn a_generated_book_builds_in_summary_order_with_its_includes_and_anchors() {
    let site = generated();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = book_problems(&run.stderr);
    assert_eq!(
        warnings,
        [
            "warning: content/book/SUMMARY.md:9:5: draft chapter “以后再写” has no file yet and is left out",
            "warning: content/book/orphan.md:1:1: nothing links to this page, so readers cannot find it",
        ]
    );
    // The section page is the SUMMARY; its page list follows the SUMMARY.
    let section = site.read("public/book/index.html");
    let list_html = &section[section.find("page-list").expect("a page list")..];
    let listed: Vec<String> = hrefs(&list_html[..list_html.find("</ol>").unwrap()]);
    assert_eq!(
        listed,
        [
            "../book/intro/",
            "../book/open/materials/",
            "../book/open/papers/",
            "../book/list/",
            "../book/appendix/",
        ]
    );
    assert_eq!(section.matches("商家手册</h1>").count(), 1, "{section}");
    assert!(section.contains("<li>以后再写</li>"), "a draft is text");
    assert!(
        !section.contains("orphan/"),
        "only SUMMARY chapters are listed"
    );
    // Titles: {{#title}}, the first heading, else the file name.
    let list = site.read("public/book/list/index.html");
    assert!(list.contains("<title>上架商品"), "{list}");
    let intro_page = site.read("public/book/intro/index.html");
    assert!(
        intro_page.contains("<title>欢迎 · 演示站点"),
        "{intro_page}"
    );
    assert_eq!(
        intro_page.matches("欢迎</h1>").count(),
        1,
        "the title is shown once"
    );
    let materials = site.read("public/book/open/materials/index.html");
    assert!(materials.contains("<title>materials"), "{materials}");
    // Includes: lines 2–3, and the anchored part with its Markdown rendered.
    assert!(materials.contains("let x = 1;"), "{materials}");
    assert!(materials.contains("let y = 2;"));
    assert!(!materials.contains("fn a()"));
    assert!(materials.contains("尾部文字 <strong>粗体</strong>。"));
    assert!(!materials.contains("ANCHOR"));
    // `.html` links and Unicode anchors resolve to the pages built from the .md files.
    let intro = site.read("public/book/intro/index.html");
    // (pulldown-cmark writes the href percent-encoded; the browser matches it to the id.)
    let anchor = "%E5%8E%9F%E5%A7%8B-%E6%A0%87%E8%AF%86%E7%AC%A6";
    let href = format!("href=\"../../book/open/papers/#{anchor}\"");
    assert!(intro.contains(&href), "{intro}");
    assert!(intro.contains("href=\"../../book/list/\""));
    let papers = site.read("public/book/open/papers/index.html");
    assert!(papers.contains("id=\"原始-标识符\""), "{papers}");
    assert_links_resolve(&site.path("public"));
    let check = site.run_lang(Some("zh_CN.UTF-8"), &["check"]);
    assert_eq!(
        check.stderr.lines().last().unwrap(),
        "用了 SUMMARY.md 的目录（6 章）；7 个页面没有 front matter，标题取自第一个标题，锚点照 mdBook 保留中文；展开了 3 个 mdBook 指令（include、playground、title）"
    );
}

#[test]
fn a_problem_after_an_include_is_reported_at_its_own_line() {
    let site = generated();
    site.write(
        "content/book/open/materials.md",
        "{{#include ../snippets/code.rs}}\n\n[坏](@no-such-id)\n",
    );
    let run = site.build();
    run.assert_error("error: content/book/open/materials.md:3:1: ");
}

#[test]
fn a_page_that_includes_itself_is_an_error_not_a_page_that_vanishes() {
    let site = generated();
    site.write(
        "content/book/open/loop.md",
        "# 循环\n\n{{#include other.md}}\n",
    )
    .write(
        "content/book/open/other.md",
        "另一页 {{#include loop.md}}\n",
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.assert_error(
        "error: content/book/open/loop.md:3:1: this page includes itself through other.md",
    );
    assert!(
        run.stderr.contains(
            "  hint: remove this include directive or include another file: a page cannot include itself"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn includes_that_cannot_be_read_are_located_errors_and_the_output_stays() {
    let site = generated();
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.path("public"));
    site.write(
        "content/book/open/papers.md",
        "# 证件\n\n前面\n\n  {{#include nothing.rs}}\n\n{{#include /etc/passwd}}\n\n{{#include ../snippets/code.rs:nope}}\n\n{{#unknown x}}\n\n见[](@no-such-id)。\n",
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    // The page is whole but for its includes: the check still runs on it and on the pages
    // that link to it, in the same run.
    assert!(
        run.stderr.contains(
            "error: content/book/open/papers.md:13:2: link to an unknown id `@no-such-id`"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("warning: content/book/intro.md:3:3: link to a missing anchor `#原始-标识符` in `book/open/papers.md`"),
        "{}",
        run.stderr
    );
    let problems: Vec<&str> = run
        .stderr
        .lines()
        .skip_while(|l| !l.starts_with("error: content/book/open/papers.md"))
        .filter(|l| l.contains("papers.md") || l.starts_with("  hint"))
        .take(8)
        .collect();
    assert_eq!(
        problems,
        [
            "error: content/book/open/papers.md:5:3: the file to include nothing.rs does not exist",
            "  hint: the path is relative to the folder of this Markdown file: check the file name and its case",
            "error: content/book/open/papers.md:7:1: the file to include /etc/passwd is outside the site folder",
            "  hint: only files inside the site folder can be included: copy it in and change the path here",
            "error: content/book/open/papers.md:9:1: ../snippets/code.rs has no anchor `nope`",
            "  hint: mark the part to include with the lines `ANCHOR: name` and `ANCHOR_END: name` in the file, or use line numbers (file:first:last)",
            "warning: content/book/open/papers.md:11:1: unknown mdBook directive `#unknown`, shown on the page as written",
            "  hint: guidepost knows include, rustdoc_include, playground and title; remove it, or put \\ before the {{ to show it as text",
        ]
    );
    assert_eq!(snapshot(&site.path("public")), before, "output kept");
}

#[test]
fn a_summary_orders_a_section_that_has_its_own_index_and_includes_nest() {
    let site = Site::fixture("minimal");
    // minimal's guide/ has _index.md, a.md, b.md (by weight: a, b); SUMMARY reverses them.
    site.write("content/guide/SUMMARY.md", "- [B](b.md)\n- [A](a.md)\n")
        .write("content/guide/parts/outer.md", "外层 {{#include inner.md}}")
        .write("content/guide/parts/inner.md", "内层文字\n")
        .edit(
            "content/guide/a.md",
            "\n---\n",
            "\n---\n\n{{#include parts/outer.md}}\n",
        );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let section = site.read("public/guide/index.html");
    let list = &section[section.find("page-list").unwrap()..];
    let listed = hrefs(&list[..list.find("</ol>").unwrap()]);
    assert_eq!(listed, ["../guide/b/", "../guide/a/"]);
    let a = site.read("public/guide/a/index.html");
    assert!(a.contains("外层 内层文字"), "{a}");
    // Markdown another page includes is part of that page, not a page of its own.
    assert_eq!(book_problems(&run.stderr), Vec::<&str>::new());
    assert!(!site.path("public/guide/parts/outer/index.html").exists());
    assert!(!site.path("public/guide/parts/inner/index.html").exists());
}

#[test]
fn a_book_section_is_titled_by_book_toml_else_its_folder() {
    let site = Site::fixture("minimal");
    site.write(
        "content/manual/book.toml",
        "[build]\ntitle = \"no\"\n[book]\ntitle = \"开店手册\"\n",
    )
    .write("content/manual/SUMMARY.md", "# Summary\n\n- [开始](a.md)\n")
    .write("content/manual/a.md", "# 开始\n")
    .write("content/notes/SUMMARY.md", "# Summary\n\n- [笔记](n.md)\n")
    .write("content/notes/n.md", "# 笔记\n");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let manual = site.read("public/manual/index.html");
    assert!(manual.contains("<title>开店手册 · 演示站点"), "{manual}");
    assert!(
        !manual.contains(">Summary<"),
        "the SUMMARY's own heading is not repeated"
    );
    let notes = site.read("public/notes/index.html");
    assert!(notes.contains("<title>notes · 演示站点"), "{notes}");
    // Both are top sections: the header navigation names them by those titles.
    let home = site.read("public/index.html");
    assert!(
        home.contains(">开店手册</a>") && home.contains(">notes</a>"),
        "{home}"
    );
}

/// A folder written for Hugo, Docusaurus or GitHub: pages beside the top `_index.md`, a
/// folder whose README.md is its index, Docusaurus's `sidebar_position`, a Hugo draft.
#[test]
fn pages_of_other_tools_are_listed_ordered_and_drafts_left_out() {
    let site = Site::fixture("minimal");
    site.write(
        "content/start.md",
        "---\ntitle: 开始使用\nsidebar_position: 2\n---\n先读这里。\n",
    )
    .write(
        "content/first.md",
        "---\ntitle: 第一步\nsidebar_position: 1\n---\n第一步。\n",
    )
    .write(
        "content/help/README.md",
        "# 帮助中心\n\n见[联系我们](contact.md)。\n",
    )
    .write("content/help/contact.md", "# 联系我们\n\n客服电话。\n")
    .write(
        "content/help/old.md",
        "---\ntitle: 旧版说明\ndraft: true\n---\n不再适用。\n",
    );
    let run = site.run_lang(Some("en_US.UTF-8"), &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    // The home page lists the top sections, then the top pages by their sidebar position.
    let home = site.read("public/index.html");
    let at = |text: &str| home.find(text).unwrap_or_else(|| panic!("{text}: {home}"));
    assert!(at(">运营指南</a>") < at(">第一步</a>"));
    assert!(at(">第一步</a>") < at(">开始使用</a>"));
    assert!(at(">帮助中心</a>") < at(">第一步</a>"));
    // The README is the folder's page and lists its other pages.
    let help = site.read("public/help/index.html");
    assert!(help.contains("<h1>帮助中心</h1>"), "{help}");
    assert!(
        help.contains("<li><a href=\"../help/contact/\">联系我们</a>"),
        "{help}"
    );
    assert!(!site.dir.path().join("public/help/README").exists());
    assert!(!site.dir.path().join("public/help/old").exists());
    let check = site.run_lang(Some("en_US.UTF-8"), &["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stderr.contains("a folder without _index.md has its README.md as its index page; left out 1 draft page (draft: true)"),
        "{}",
        check.stderr
    );
}
