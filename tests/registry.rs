//! One owner per output path: hostile slugs and file names, collisions (also by case), the
//! sitemap against the real output, navigation order.

mod common;
use common::{snapshot, Site};

fn page(title: &str, extra: &str) -> String {
    format!("---\ntitle: {title}\n{extra}---\n正文。\n")
}

/// Build once (ok), then break the site: the build fails with exit 1, `public/` is as it was
/// and nothing appeared beside it.
#[track_caller]
fn fails_and_keeps_output(site: &Site, breaks: impl FnOnce(&Site)) -> common::Run {
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.path("public"));
    let top = |s: &Site| {
        let mut v: Vec<_> = std::fs::read_dir(s.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n != "static")
            .collect();
        v.sort();
        v
    };
    let top_before = top(site);
    breaks(site);
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.ends_with("public was left as it was\n"),
        "{}",
        run.stderr
    );
    assert!(snapshot(&site.path("public")) == before, "output changed");
    assert_eq!(top(site), top_before, "nothing appeared beside the output");
    run
}

#[test]
fn a_slug_cannot_leave_its_folder() {
    let site = Site::fixture("minimal");
    let run = fails_and_keeps_output(&site, |s| {
        s.write("content/guide/evil.md", &page("逃逸", "slug: ../../x\n"));
    });
    assert!(
        run.stderr.contains(
            "error: content/guide/evil.md:3:7: slug `../../x` of content/guide/evil.md cannot be a folder name: it holds `/`\n  \
             hint: a slug is one folder name of the page's URL, such as `store-roles` or `店铺角色`; the page stays in its own folder\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !site.path("x").exists(),
        "nothing written beside the output"
    );
    assert_eq!(site.check().code, 1, "check finds it too");
}

#[test]
fn a_dot_dot_slug_does_not_replace_the_home_page() {
    let site = Site::fixture("minimal");
    let run = fails_and_keeps_output(&site, |s| {
        s.write("content/up.md", &page("上一级", "slug: \"..\"\n"));
    });
    assert!(
        run.stderr.contains(
            "error: content/up.md:3:8: slug `..` of content/up.md cannot be a folder name: `..` would leave its folder\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn pages_that_differ_only_in_case_are_one_file_on_windows_and_macos() {
    let site = Site::fixture("minimal");
    let run = fails_and_keeps_output(&site, |s| {
        s.write("content/guide/faq.md", &page("常见问题", ""));
        s.write("content/guide/FAQ.md", &page("常见问题（大写）", ""));
    });
    assert!(
        run.stderr.contains(
            "error: content/guide/faq.md:1:1: the page content/guide/faq.md would be written at `guide/faq/index.html`, \
             which differs from `guide/FAQ/index.html` of the page content/guide/FAQ.md only in case\n  \
             note: content/guide/FAQ.md:1:1: the page content/guide/FAQ.md claims `guide/FAQ/index.html` here\n  \
             hint: Windows and macOS disks do not tell these names apart: rename one (or set its `slug`)\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn two_pages_with_one_url_are_an_error_every_time() {
    let site = Site::fixture("minimal");
    let run = fails_and_keeps_output(&site, |s| {
        s.write("content/guide/c.md", &page("第三篇", "slug: a\n"));
    });
    assert!(
        run.stderr.contains(
            "error: content/guide/c.md:3:7: the page content/guide/c.md would be written at `guide/a/index.html`, as the page content/guide/a.md is\n  \
             note: content/guide/a.md:1:1: the page content/guide/a.md claims `guide/a/index.html` here\n  \
             hint: two sources cannot publish the same path: rename one (or set a page's `slug`)\n"
        ),
        "{}",
        run.stderr
    );
    // The same sources give the same answer: no run picks a winner.
    for _ in 0..3 {
        assert_eq!(site.build().stderr, run.stderr);
    }
}

#[test]
fn a_static_file_cannot_replace_a_generated_one() {
    let site = Site::fixture("minimal");
    let run = fails_and_keeps_output(&site, |s| {
        s.write("static/robots.txt", "User-agent: *\nDisallow: /\n");
    });
    assert!(
        run.stderr.contains(
            "error: static/robots.txt:1:1: static/robots.txt would be written at `robots.txt`, as the built-in `robots.txt` is\n  \
             note: site.yaml:1:1: the built-in `robots.txt` claims `robots.txt` here\n"
        ),
        "{}",
        run.stderr
    );
    let site = Site::fixture("minimal");
    site.write("static/guide/a/index.html", "<p>copy</p>");
    site.write("static/search/t/0.js", "x");
    site.write("static/.guidepost-output", "x");
    let run = site.check();
    assert_eq!(run.code, 1);
    assert_eq!(
        run.errors(),
        [
            "error: static/.guidepost-output:1:1: static/.guidepost-output would be written at `.guidepost-output`, as the built-in `.guidepost-output` is",
            "error: static/guide/a/index.html:1:1: static/guide/a/index.html would be written at `guide/a/index.html`, as the page content/guide/a.md is",
            "error: static/search/t/0.js:1:1: static/search/t/0.js would be written at `search/t/0.js`, inside `search/t`, which belongs to the search index",
        ]
    );
}

#[test]
fn file_names_that_break_urls_are_refused_with_their_place() {
    let site = Site::fixture("minimal");
    site.write("content/guide/q#1.md", &page("问与答", ""));
    site.write("static/申请表 v2.pdf", "%PDF");
    site.write("content/guide/100%.md", &page("百分百", ""));
    let run = site.check();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.errors(),
        [
            "error: content/guide/100%.md:1:1: the page content/guide/100%.md would be written at `guide/100%/index.html`: it holds `%`: `%` starts an escape in a URL",
            "error: content/guide/q#1.md:1:1: the page content/guide/q#1.md would be written at `guide/q#1/index.html`: it holds `#`: `#` starts a fragment in a URL",
            "error: static/申请表 v2.pdf:1:1: static/申请表 v2.pdf would be written at `申请表 v2.pdf`: it holds a space: a space breaks URLs in links and chats",
        ]
    );
    assert!(run.stderr.contains(
        "  hint: rename the file or `slug` so its path has plain folder names: letters (汉字 too), digits, `-`, `_`, `.`\n"
    ));
}

/// The HTML pages of an output folder as site URLs: redirects and 404.html left out.
fn html_pages(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = snapshot(dir)
        .into_iter()
        .filter(|(p, bytes)| {
            p.ends_with(".html")
                && p != "404.html"
                && !String::from_utf8_lossy(bytes).contains("http-equiv=\"refresh\"")
        })
        .map(|(p, _)| p.strip_suffix("index.html").unwrap_or(&p).to_string())
        .collect();
    v.sort();
    v
}

fn sitemap_urls(xml: &str, base: &str) -> Vec<String> {
    let mut v: Vec<String> = xml
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .map(|u| u.strip_prefix(base).unwrap_or_else(|| panic!("{u}")))
        .map(|u| {
            percent_encoding::percent_decode_str(u)
                .decode_utf8()
                .unwrap()
                .into_owned()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn the_sitemap_lists_every_page_of_the_bundled_site() {
    let site = Site::bundled();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let xml = site.read("public/sitemap.xml");
    let pages = html_pages(&site.path("public"));
    assert!(pages.len() > 200, "{} pages", pages.len());
    assert_eq!(sitemap_urls(&xml, "https://guidepost.example.cn/"), pages);
    for kind in [
        "/materials/",
        "/rules/",
        "glossary/",
        "/checklist/",
        "/faq/",
    ] {
        assert!(pages.iter().any(|p| p.contains(kind)), "{kind}");
    }
}

#[test]
fn sitemap_urls_are_percent_encoded_and_static_pages_listed() {
    let site = Site::fixture("minimal");
    site.write("content/guide/店铺角色.md", &page("店铺角色", ""));
    site.write("static/verify/google1.html", "google-site-verification");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let xml = site.read("public/sitemap.xml");
    assert!(
        xml.contains(
            "<loc>https://demo.example.cn/guide/%E5%BA%97%E9%93%BA%E8%A7%92%E8%89%B2/</loc>"
        ),
        "{xml}"
    );
    assert!(xml.is_ascii(), "{xml}");
    assert_eq!(
        sitemap_urls(&xml, "https://demo.example.cn/"),
        html_pages(&site.path("public"))
    );
}

#[test]
fn navigation_lists_platforms_by_weight_as_the_home_page_does() {
    let site = Site::bundled();
    assert_eq!(site.build().code, 0);
    let names = [
        "小红书合作伙伴平台",
        "小红书聚光平台",
        "快手服务市场",
        "微信视频号小店",
    ];
    let order = |html: &str| {
        let mut v: Vec<(usize, &str)> = names.iter().map(|n| (html.find(n).unwrap(), *n)).collect();
        v.sort();
        v.into_iter().map(|(_, n)| n).collect::<Vec<_>>()
    };
    let home = site.read("public/index.html");
    let nav = |html: &str| {
        let start = html.find("class=\"site-nav\"").unwrap();
        let end = start + html[start..].find("</nav>").unwrap();
        html[start..end].to_string()
    };
    let main_start = home.find("class=\"platforms\"").unwrap();
    // weight: 10, 20, 30, 40 in the guides' platform.yaml
    assert_eq!(order(&nav(&home)), names);
    assert_eq!(order(&home[main_start..]), names);
    assert_eq!(order(&nav(&site.read("public/404.html"))), names);
}
