//! Building: output shape, escaping, determinism, and the untouched-output guarantee.

mod common;
use common::{snapshot, Site};

#[test]
fn builds_every_page_kind_with_pretty_urls() {
    let site = Site::fixture("minimal");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    for page in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "demo/index.html",
        "demo/demo-apply/index.html",
        "demo/faq/index.html",
        "demo/faq/demo-faq-time/index.html",
        "demo/rules/index.html",
        "demo/materials/index.html",
        "glossary/index.html",
        "guide/index.html",
        "guide/a/index.html",
        "guide/b/index.html",
    ] {
        assert!(site.path("public").join(page).is_file(), "missing {page}");
    }
    let flow = site.read("public/demo/demo-apply/index.html");
    assert!(
        flow.contains("<svg class=\"diagram-svg swimlane\""),
        "flow page has its diagram"
    );
    assert!(
        flow.contains("<p class=\"source\">依据官方指南《<a href=\"https://demo.example.cn/guide\" rel=\"noopener\">演示平台入驻指南</a>》（<time datetime=\"2026-01\">2026-01</time> 版）</p>"),
        "flow names its source, kind and document date: {flow}"
    );
    // Internal links are relative to the page, so the site works under any base path.
    assert!(
        flow.contains("href=\"../../demo/faq/demo-faq-time/\""),
        "@id link rewritten: {flow}"
    );
    // The tree's index has its map; every node is a box that links to its page.
    let tree = site.read("public/demo/demo-which/index.html");
    assert!(
        tree.contains("<svg class=\"diagram-svg treemap\""),
        "tree map on the index"
    );
    for node in ["demo-q-company", "demo-o-company", "demo-o-person"] {
        assert!(
            tree.contains(&format!("<a href=\"{node}/\"")),
            "map box for {node}"
        );
    }
    let question = site.read("public/demo/demo-which/demo-q-company/index.html");
    assert!(
        !question.contains("treemap"),
        "node pages do not carry the map"
    );
    let a = site.read("public/guide/a/index.html");
    assert!(
        a.contains("href=\"../../guide/b/#xi-jie\""),
        "md link rewritten"
    );
    assert!(a.contains("class=\"hl-"), "code highlighted with classes");
}

#[test]
fn former_faq_ids_redirect_to_the_answer() {
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    let old = site.read("public/demo/faq/demo-faq-old-deposit/index.html");
    assert!(
        old.contains("url=../../../demo/faq/demo-faq-deposit/"),
        "{old}"
    );
    let list = site.read("public/demo/faq/index.html");
    assert!(
        list.contains("id=\"demo-faq-old-deposit\""),
        "old anchor kept on the list"
    );
}

#[test]
fn content_text_is_escaped_and_never_templated() {
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/faq.yaml",
        "answer: 只能线上缴纳。",
        "answer: \"{{ site.title }} <script>alert(1)</script> <b>粗</b>\"",
    );
    site.edit(
        "guides/demo/faq.yaml",
        "question: 保证金怎么交？",
        "question: \"<b>保证金</b>怎么交？\"",
    );
    assert_eq!(site.build().code, 0);
    let html = site.read("public/demo/faq/demo-faq-deposit/index.html");
    assert!(
        html.contains("{{ site.title }}"),
        "template syntax in content shows literally"
    );
    // Raw HTML in Markdown is cleaned (tests/security.rs has the attacks); URLs are refused by check.
    assert!(!html.contains("alert(1)"), "script removed");
    assert!(html.contains("<b>粗</b>"), "harmless markup kept");
    assert!(
        html.contains("&lt;b&gt;保证金&lt;/b&gt;怎么交？"),
        "YAML strings escaped in templates"
    );
}

#[test]
fn same_sources_give_byte_identical_output() {
    let site = Site::bundled();
    assert_eq!(site.run(&["build", "--output", "one"]).code, 0);
    assert_eq!(site.run(&["build", "--output", "two"]).code, 0);
    let (one, two) = (snapshot(&site.path("one")), snapshot(&site.path("two")));
    assert!(one.len() > 100, "the bundled site has many files");
    assert_eq!(one.len(), two.len());
    for (a, b) in one.iter().zip(&two) {
        assert_eq!(a.0, b.0);
        assert!(a.1 == b.1, "{} differs between builds", a.0);
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.path("public"));
    site.edit(
        "guides/demo/faq.yaml",
        "    tags: [审核]",
        "    tagz: [审核]",
    );
    let run = site.build();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("was left as it was"), "{}", run.stderr);
    assert_eq!(snapshot(&site.path("public")), before);
    // A template error at render time too.
    site.edit(
        "guides/demo/faq.yaml",
        "    tagz: [审核]",
        "    tags: [审核]",
    );
    site.write(
        "templates/faq.html",
        "{% extends \"base.html\" %}{% block main %}{{ nope.nothing }}{% endblock main %}",
    );
    assert_eq!(site.build().code, 1);
    assert_eq!(snapshot(&site.path("public")), before);
    // No staging folders are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(site.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".guidepost-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_successful_build_replaces_the_previous_output() {
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    site.edit("content/guide/b.md", "返回", "回到");
    assert_eq!(site.build().code, 0);
    assert!(site.read("public/guide/b/index.html").contains("回到"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(site.path("public"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o755,
            0o755,
            "the output folder is readable by a web server"
        );
    }
}

#[test]
fn dangerous_output_folders_are_refused() {
    let site = Site::fixture("minimal");
    let run = site.run(&["build", "--output", "."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("it is the site folder or contains it"),
        "{}",
        run.stderr
    );
    let run = site.run(&["build", "--output", "content/out"]);
    assert!(
        run.stderr.contains("inside the source folder content/"),
        "{}",
        run.stderr
    );
    site.write("mine/notes.txt", "my files");
    let run = site.run(&["build", "--output", "mine"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("holds files that guidepost did not write"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("mine/notes.txt"), "my files");
}

#[test]
fn base_url_flag_overrides_the_config() {
    let site = Site::fixture("minimal");
    assert_eq!(
        site.run(&["build", "--base-url", "https://help.example.com/kb"])
            .code,
        0
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://help.example.com/kb/demo/</loc>"),
        "{sitemap}"
    );
}

#[test]
fn check_writes_nothing_and_warns_about_stale_content() {
    let site = Site::fixture("minimal");
    site.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\nstale_after_days: 30",
    );
    let run = site.check();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: guides/demo/platform.yaml:12:9: 《演示平台入驻指南》 is dated 2026-01, more than 30 days ago"
        ),
        "{}",
        run.stderr
    );
    assert!(!site.path("public").exists());
}

#[test]
fn help_explains_each_command_with_an_example() {
    let site = Site::fixture("minimal");
    for cmd in ["build", "check"] {
        let run = site.run(&[cmd, "--help"]);
        assert_eq!(run.code, 0);
        assert!(
            run.stdout.contains("Example: guidepost"),
            "{cmd}: {}",
            run.stdout
        );
        assert!(run.stdout.contains("--root"), "{cmd}");
    }
}

/// The names in the site folder, sorted.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

#[test]
fn leftovers_of_an_interrupted_build_are_removed_by_the_next() {
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    let marker = "This folder is written by `guidepost build`; it is replaced on every build.\n";
    // Cut short while writing, and while removing the old output.
    site.write(".guidepost-new-a1B2c3/.guidepost-output", marker);
    site.write(".guidepost-new-a1B2c3/demo/index.html", "<p>half");
    site.write(".guidepost-old-x9Y8z7/.guidepost-output", marker);
    // An empty one from long ago (a build killed right after making it).
    std::fs::create_dir(site.path(".guidepost-new-empty0")).unwrap();
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::open(site.path(".guidepost-new-empty0"))
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    // Not guidepost's: no marker, files inside. And a build that is running now.
    site.write(".guidepost-new-notmine/notes.txt", "mine");
    site.write(".guidepost-new-running/.guidepost-output", marker);
    let running =
        std::fs::File::open(site.path(".guidepost-new-running/.guidepost-output")).unwrap();
    running.try_lock().unwrap();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        names(site.dir.path()),
        [
            ".guidepost-new-notmine",
            ".guidepost-new-running",
            "content",
            "guides",
            "public",
            "site.yaml"
        ]
    );
    assert_eq!(site.read(".guidepost-new-notmine/notes.txt"), "mine");
    drop(running);
    assert_eq!(site.build().code, 0);
    assert!(!site.path(".guidepost-new-running").exists());
}

#[test]
fn a_reader_never_sees_the_output_folder_missing() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    let page = site.path("public/index.html");
    let done = Arc::new(AtomicBool::new(false));
    let (looks, misses) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let reader = {
        let (done, looks, misses) = (done.clone(), looks.clone(), misses.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                looks.fetch_add(1, Ordering::Relaxed);
                if !page.is_file() {
                    misses.fetch_add(1, Ordering::Relaxed);
                }
            }
        })
    };
    for i in 0..8 {
        // A changed page each time, so every build swaps a different output in.
        site.edit("content/guide/a.md", "第一篇", &format!("第一篇{i}"));
        assert_eq!(site.build().code, 0);
    }
    done.store(true, Ordering::Relaxed);
    reader.join().unwrap();
    assert!(
        looks.load(Ordering::Relaxed) > 1000,
        "the reader kept looking"
    );
    if cfg!(target_os = "linux") {
        assert_eq!(
            misses.load(Ordering::Relaxed),
            0,
            "public/index.html went missing"
        );
    }
    assert_eq!(
        names(site.dir.path()),
        ["content", "guides", "public", "site.yaml"],
        "no staging folder stays behind"
    );
}

/// Each output file's modification time and (on Unix) inode, by path.
fn stamps(
    dir: &std::path::Path,
) -> std::collections::BTreeMap<String, (std::time::SystemTime, u64)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let m = e.metadata().unwrap();
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&m);
            #[cfg(not(unix))]
            let inode = 0;
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            (rel.replace('\\', "/"), (m.modified().unwrap(), inode))
        })
        .collect()
}

#[test]
fn a_one_page_change_rewrites_only_that_page_and_the_search_parts_that_hold_it() {
    let site = Site::bundled();
    assert_eq!(site.build().code, 0);
    let out = site.path("public");
    let (before, old) = (snapshot(&out), stamps(&out));
    // A sync tool compares modification times: let a rewritten file's time differ for sure.
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.edit(
        "content/multi-store/roles.md",
        "统筹全局、制定战略。",
        "统筹全局、制定战略和季度目标。",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (after, new) = (snapshot(&out), stamps(&out));
    assert_eq!(
        before.iter().map(|f| &f.0).collect::<Vec<_>>(),
        after.iter().map(|f| &f.0).collect::<Vec<_>>(),
        "the same files"
    );
    let differ: Vec<&str> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, _)| a.0.as_str())
        .collect();
    // The marker is made anew by every build (it holds the build's lock); it keeps its
    // modification time, which is what a sync tool compares.
    assert_eq!(old[".guidepost-output"].0, new[".guidepost-output"].0);
    let touched: Vec<&str> = old
        .iter()
        .filter(|(path, stamp)| *path != ".guidepost-output" && new[*path] != **stamp)
        .map(|(path, _)| path.as_str())
        .collect();
    assert_eq!(
        touched, differ,
        "exactly the files whose bytes changed are new"
    );
    assert!(
        differ.contains(&"multi-store/roles/index.html"),
        "{differ:?}"
    );
    let others: Vec<_> = differ
        .iter()
        .filter(|p| **p != "multi-store/roles/index.html" && !p.starts_with("search/"))
        .collect();
    assert!(
        others.is_empty(),
        "only the page and search parts changed: {others:?}"
    );
    let search = before.iter().filter(|f| f.0.starts_with("search/")).count();
    assert!(
        differ.len() < 10 && search > 40 && before.len() > 300,
        "{} of {} files changed ({search} search files): {differ:?}",
        differ.len(),
        before.len()
    );
}

/// A site with more pages than one sitemap may list (50,000, sitemaps.org) gets
/// `sitemap.xml` as a sitemap index of parts that share the pages evenly, each dated by its
/// newest page; every page is in exactly one part, copied HTML files from `static/` too, and
/// every part the index names exists.
#[test]
fn a_site_past_50000_pages_gets_a_sitemap_index() {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write(
        "site.yaml",
        "title: 大站点\nbase_url: https://help.example.cn/kb/\n",
    );
    let mut pages = Vec::new();
    for s in 0..50 {
        site.write(
            &format!("content/s{s:02}/_index.md"),
            &format!("---\ntitle: 栏目{s}\n---\n"),
        );
        for i in 0..1000 {
            let updated = match (s, i) {
                (0, 7) => "updated: 2025-03-01\n",
                (49, 999) => "updated: 2026-02-03\n",
                _ => "",
            };
            site.write(
                &format!("content/s{s:02}/p{i:04}.md"),
                &format!("---\ntitle: 页面{s}-{i}\n{updated}---\n正文。\n"),
            );
            pages.push(format!("https://help.example.cn/kb/s{s:02}/p{i:04}/"));
        }
        pages.push(format!("https://help.example.cn/kb/s{s:02}/"));
    }
    pages.push("https://help.example.cn/kb/".into());
    pages.push("https://help.example.cn/kb/search/".into());
    site.write("static/verify/google1.html", "google-site-verification");
    pages.push("https://help.example.cn/kb/verify/google1.html".into());
    pages.sort();
    assert_eq!(pages.len(), 50_053);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);

    assert_eq!(
        site.read("public/sitemap.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
         <sitemap><loc>https://help.example.cn/kb/sitemap-1.xml</loc><lastmod>2025-03-01</lastmod></sitemap>\n\
         <sitemap><loc>https://help.example.cn/kb/sitemap-2.xml</loc><lastmod>2026-02-03</lastmod></sitemap>\n\
         </sitemapindex>\n"
    );
    let locs = |part: &str| -> Vec<String> {
        let xml = site.read(&format!("public/{part}"));
        assert!(xml.starts_with("<?xml"), "{part} is XML");
        assert!(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
        xml.split("<loc>")
            .skip(1)
            .map(|s| s.split("</loc>").next().unwrap().to_string())
            .collect()
    };
    let (one, two) = (locs("sitemap-1.xml"), locs("sitemap-2.xml"));
    assert_eq!((one.len(), two.len()), (25_027, 25_026));
    assert_eq!([one, two].concat(), pages, "every page once, in URL order");
    assert!(!site.path("public/sitemap-3.xml").exists());
    // robots.txt names the index, which search engines follow to the parts.
    assert_eq!(
        site.read("public/robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://help.example.cn/kb/sitemap.xml\n"
    );
}
