//! Live reload: edits, broken and fixed sources, editors' odd saves, bursts of writes.

use std::time::Duration;

use crate::common::Site;
use crate::support::Serve;

fn serve() -> Serve {
    Serve::start(Site::fixture("minimal"), &[])
}

#[test]
fn a_broken_yaml_edit_keeps_the_last_build_and_streams_the_problem() {
    let s = serve();
    let mut ev = s.events();
    ev.wait_for("build", 5);
    s.site
        .edit("guides/demo/faq.yaml", "审核要多久？", "审核需要多久？");
    ev.wait_for("build", 20);
    assert!(s.get("/demo/faq/").body.contains("审核需要多久？"));

    s.site
        .edit("guides/demo/faq.yaml", "审核需要多久？", "审核到底要多久？");
    s.site.edit(
        "guides/demo/faq.yaml",
        "    tags: [审核]",
        "    tagz: [审核]",
    );
    let problem = ev.wait_for("problems", 20);
    assert!(
        problem.data.contains(r#""file":"guides/demo/faq.yaml""#),
        "{}",
        problem.data
    );
    assert!(problem.data.contains(r#""line":6"#), "{}", problem.data);
    assert!(problem.data.contains(r#""col":5"#), "{}", problem.data);
    assert!(problem.data.contains("tagz"), "{}", problem.data);
    let still = s.get("/demo/faq/");
    assert_eq!(still.status, 200);
    assert!(
        still.body.contains("审核需要多久？"),
        "the last good build stays"
    );
    // A page opened now learns of the problem at once.
    let mut late = s.events();
    late.wait_for("problems", 5);

    s.site.edit(
        "guides/demo/faq.yaml",
        "    tagz: [审核]",
        "    tags: [审核]",
    );
    let fixed = ev.wait_for("build", 20);
    late.wait_for("build", 5);
    assert!(!fixed.data.is_empty());
    assert!(s.get("/demo/faq/").body.contains("审核到底要多久？"));
}

#[test]
fn a_template_edit_serves_a_clean_builds_bytes_for_open_and_never_opened_pages() {
    let site = Site::fixture("minimal");
    // Enough pages that a template edit renders most of them after the reload, not before.
    for i in 0..120 {
        site.write(
            &format!("content/guide/p-{i:03}.md"),
            &format!("---\ntitle: 第 {i} 篇\nweight: {i}\n---\n第 {i} 篇的正文。\n"),
        );
    }
    let s = Serve::start(site, &[]);
    let mut ev = s.events_at("/guide/a/");
    let first = ev.wait_for("build", 5);
    let page = include_str!("../../themes/default/templates/page.html");
    let marked = page.replacen("</article>", "<p>模板改过了</p></article>", 1);
    assert_ne!(marked, page);
    s.site.write("templates/page.html", &marked);
    let next = ev.wait_for("build", 30);
    assert_ne!(next.data, first.data);
    assert!(s.log_until("built the site", 5).contains("built the site"));

    // The open page (rendered before the reload) and pages nobody opened (rendered when
    // asked, or in the background): each as a clean build of the edited sources makes it.
    let pages = [
        ("/guide/a/", "guide/a/index.html"),
        ("/guide/p-077/", "guide/p-077/index.html"),
        ("/guide/p-119/", "guide/p-119/index.html"),
        ("/guide/", "guide/index.html"),
    ];
    for (clean, (url, _)) in s.assert_as_built(&pages).iter().zip(pages) {
        if url != "/guide/" {
            assert!(clean.contains("<p>模板改过了</p>"), "{url}");
        }
    }
}

#[test]
fn one_edited_page_is_rebuilt_alone_and_a_broken_one_is_reported() {
    let s = serve();
    let mut ev = s.events();
    ev.wait_for("build", 5);
    s.site.edit("content/guide/b.md", "返回", "回到");
    ev.wait_for("build", 20);
    assert!(s.get("/guide/b/").body.contains("回到"));
    s.log_until("built content/guide/b.md", 5);
    s.site.edit("content/guide/b.md", "(a.md)", "(nope.md)");
    let p = ev.wait_for("problems", 20);
    assert!(
        p.data.contains(r#""file":"content/guide/b.md""#),
        "{}",
        p.data
    );
    assert!(p.data.contains(r#""line":7"#), "{}", p.data);
    s.site.edit("content/guide/b.md", "(nope.md)", "(a.md)");
    ev.wait_for("build", 20);
    // A changed title shows on other pages: the whole site is rebuilt.
    s.site
        .edit("content/guide/b.md", "title: 第二篇", "title: 第二篇文章");
    ev.wait_for("build", 20);
    assert!(s.get("/guide/").body.contains("第二篇文章"));
}

#[test]
fn editor_saves_in_odd_shapes_end_in_the_right_build() {
    let s = serve();
    let mut ev = s.events();
    ev.wait_for("build", 5);
    // Swap, backup and test files of editors change nothing.
    s.site.write("content/guide/.a.md.swp", "swap");
    s.site.write("content/guide/4913", "");
    s.site.write("content/guide/a.md~", "backup");
    s.site.write("content/guide/.#a.md", "lock");
    let quiet = ev.drain(Duration::from_millis(800));
    assert!(quiet.is_empty(), "{quiet:?}");
    // Rename over the original.
    let text = s
        .site
        .read("content/guide/a.md")
        .replace("## 开始", "## 开始\n\n改名保存。");
    s.site.write("content/guide/a.md.tmp", &text);
    std::fs::rename(
        s.site.path("content/guide/a.md.tmp"),
        s.site.path("content/guide/a.md"),
    )
    .unwrap();
    ev.wait_for("build", 20);
    assert!(s.get("/guide/a/").body.contains("改名保存。"));
    // A folder deleted, then made again.
    std::fs::remove_dir_all(s.site.path("content/guide")).unwrap();
    ev.wait_for("build", 20);
    assert_eq!(s.get("/guide/a/").status, 404);
    s.site
        .write("content/guide/c.md", "---\ntitle: 新文章\n---\n新的。\n");
    ev.wait_for("build", 20);
    s.get_until("/guide/c/", 10, |r| r.status == 200);
}

#[test]
fn a_burst_of_500_writes_ends_in_one_consistent_build() {
    let s = serve();
    let mut ev = s.events();
    let first = ev.wait_for("build", 5);
    for i in 0..500 {
        s.site.write(
            &format!("content/burst/p-{i:03}.md"),
            &format!("---\ntitle: 第 {i} 页\n---\n正文 {i}。\n"),
        );
    }
    // The first build after the burst (a loaded machine may take a while), then whatever
    // follows until three quiet seconds.
    let mut events = vec![ev.wait_for("build", 60)];
    events.extend(ev.drain(Duration::from_secs(3)));
    let builds: Vec<_> = events.iter().filter(|e| e.name == "build").collect();
    assert!(!builds.is_empty(), "no build after the burst");
    assert!(
        builds.len() <= 10,
        "the burst was not debounced: {} builds",
        builds.len()
    );
    assert_eq!(events.last().unwrap().name, "build", "{events:?}");
    let last = &builds.last().unwrap().data;
    assert_ne!(last, &first.data);
    let id = last.trim_start_matches("{\"id\":").trim_end_matches('}');
    for i in 0..500 {
        let r = s.get(&format!("/burst/p-{i:03}/"));
        assert_eq!(r.status, 200, "p-{i:03}");
        assert!(r.body.contains(&format!("正文 {i}。")));
        assert!(
            r.body.contains(&format!("data-build=\"{id}\"")),
            "one build serves them all"
        );
    }
}

#[test]
fn a_site_that_never_built_shows_its_problems_until_fixed() {
    let site = Site::fixture("minimal");
    site.edit("site.yaml", "title:", "titel:");
    let s = Serve::start(site, &[]);
    let r = s.get("/");
    assert_eq!(r.status, 503);
    assert!(r.body.contains("live.js"));
    let mut ev = s.events();
    let p = ev.wait_for("problems", 5);
    assert!(p.data.contains(r#""file":"site.yaml""#), "{}", p.data);
    s.site.edit("site.yaml", "titel:", "title:");
    ev.wait_for("build", 20);
    assert_eq!(s.get("/").status, 200);
}

#[test]
fn the_overlay_speaks_chinese_by_default() {
    let site = Site::fixture("minimal");
    site.edit("site.yaml", "title:", "titel:");
    let s = Serve::start_default_language(site, &[]);
    let page = s.get("/");
    assert_eq!(page.status, 503);
    assert!(page.body.contains("站点还没有成功构建过"), "{}", page.body);
    assert!(page.body.contains(r#"data-hint="提示：""#), "{}", page.body);
    let mut ev = s.events();
    let p = ev.wait_for("problems", 5);
    assert!(
        p.data.contains(r#""message":"未知的键 `titel`""#),
        "{}",
        p.data
    );
    assert!(
        p.data
            .contains(r#""hint":"是不是要写 `title`？检查这个键的拼写；"#),
        "{}",
        p.data
    );
}
