//! `site.yaml` edits while serving: the new title on the open page before the reload and on
//! pages nobody opened, as a clean build makes them; a broken `site.yaml` shown in the overlay
//! at its line and column while the last good build stays served, and cleared by the fix.

use crate::common::Site;
use crate::support::Serve;

/// The minimal fixture with enough pages that a title edit renders most of them after the
/// reload, not before.
fn big_site() -> Site {
    let site = Site::fixture("minimal");
    for i in 0..120 {
        site.write(
            &format!("content/guide/p-{i:03}.md"),
            &format!("---\ntitle: 第 {i} 篇\nweight: {i}\n---\n第 {i} 篇的正文。\n"),
        );
    }
    site
}

/// `pages` are served as a clean build makes them, and each shows `shows`.
fn assert_as_built(s: &Serve, pages: &[(&str, &str)], shows: &str) {
    for (clean, (url, _)) in s.assert_as_built(pages).iter().zip(pages) {
        assert!(clean.contains(shows), "{url}: {shows}");
    }
}

/// The errors of a `problems` event (its build id left out).
fn errors(data: &str) -> &str {
    let at = data
        .find(r#""errors":"#)
        .expect("a problems event lists errors");
    &data[at + r#""errors":"#.len()..data.len() - 1]
}

#[test]
fn a_title_edit_shows_on_open_and_never_opened_pages() {
    let s = Serve::start(big_site(), &[]);
    let mut ev = s.events_at("/guide/a/");
    let first = ev.wait_for("build", 5);
    assert!(s
        .get("/guide/a/")
        .body
        .contains("<title>第一篇 · 演示站点</title>"));
    s.site
        .edit("site.yaml", "title: 演示站点", "title: 新的站点名");
    let next = ev.wait_for("build", 30);
    assert_ne!(next.data, first.data);
    // The open page, rendered before the reload; then pages nobody opened, each rendered
    // when asked (or by the background worker): none shows the old title.
    let open = s.get("/guide/a/");
    assert!(
        open.body.contains("<title>第一篇 · 新的站点名</title>"),
        "{}",
        open.body
    );
    for url in ["/guide/p-119/", "/demo/faq/demo-faq-time/", "/"] {
        let r = s.get(url);
        assert_eq!(r.status, 200, "{url}");
        assert!(r.body.contains("新的站点名"), "{url}");
        assert!(!r.body.contains("演示站点"), "{url}: the old title");
    }
    assert_as_built(
        &s,
        &[
            ("/guide/a/", "guide/a/index.html"),
            ("/guide/p-077/", "guide/p-077/index.html"),
            ("/guide/", "guide/index.html"),
            ("/demo/faq/", "demo/faq/index.html"),
            ("/", "index.html"),
        ],
        "新的站点名",
    );
}

#[test]
fn a_popular_edit_changes_the_home_page() {
    let s = Serve::start(Site::fixture("minimal"), &[]);
    let mut ev = s.events();
    ev.wait_for("build", 5);
    assert!(!s.get("/").body.contains("审核要多久？"));
    s.site.edit(
        "site.yaml",
        "popular: [demo-apply]",
        "popular: [demo-apply, demo-faq-time]",
    );
    ev.wait_for("build", 20);
    assert_as_built(&s, &[("/", "index.html")], "审核要多久？");
}

#[test]
fn a_broken_site_yaml_is_shown_located_and_its_fix_clears_it() {
    let s = Serve::start(big_site(), &[]);
    let mut ev = s.events_at("/guide/a/");
    ev.wait_for("build", 5);
    s.site
        .edit("site.yaml", "title: 演示站点", "titel: 新的站点名");
    let p = ev.wait_for("problems", 20);
    assert_eq!(
        errors(&p.data),
        r#"[{"col":1,"file":"site.yaml","hint":"did you mean `title`? check the spelling of this key; the keys allowed here: `title`, `description`, `base_url`, `language`, `theme`, `stale_after_days`, `popular`, `trusted_html`, `allow_outside_symlinks` (docs/format.md describes each)","line":1,"message":"unknown key `titel`"}]"#
    );
    // The last good build is still served, old title and all.
    let still = s.get("/guide/p-050/");
    assert_eq!(still.status, 200);
    assert!(still.body.contains("演示站点"), "the last good build stays");

    // A popular id that does not exist: located at the id, in the overlay.
    s.site
        .edit("site.yaml", "titel: 新的站点名", "title: 新的站点名");
    ev.wait_for("build", 20);
    s.site.edit("site.yaml", "[demo-apply]", "[demo-nope]");
    let p = ev.wait_for("problems", 20);
    assert_eq!(
        errors(&p.data),
        r#"[{"col":11,"file":"site.yaml","hint":"did you mean `demo-apply`? no guide item has this id: check the spelling, or define it","line":3,"message":"unknown id `demo-nope`"}]"#
    );
    let home = s.get("/").body;
    assert!(
        home.contains(r#"<a href="demo/demo-apply/">流程：入驻申请</a>"#),
        "the last good home page"
    );

    s.site.edit("site.yaml", "[demo-nope]", "[demo-apply]");
    ev.wait_for("build", 20);
    assert!(s.get("/guide/p-050/").body.contains("新的站点名"));
    assert!(!s.get("/guide/p-050/").body.contains("演示站点"));
}
