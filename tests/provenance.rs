//! Provenance as readers see it: the source line (kind, the document's own date, and "核实于"
//! only when a person set a verification date), the footer, a checklist's print footer, and
//! the freshness warnings and source errors as `check` prints them.

mod common;
use common::{snapshot, Site};

const PLATFORM: &str = "guides/demo/platform.yaml";
const DATE_LINE: &str = "  date: 2026-01\n";
const FLOW: &str = "public/demo/demo-apply/index.html";
const CHECKLIST: &str = "public/demo/demo-apply/checklist/index.html";
const DEMO_LINK: &str =
    "《<a href=\"https://demo.example.cn/guide\" rel=\"noopener\">演示平台入驻指南</a>》";

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Every output file that is text, with its path.
fn texts(site: &Site) -> Vec<(String, String)> {
    snapshot(&site.path("public"))
        .into_iter()
        .filter_map(|(p, b)| String::from_utf8(b).ok().map(|t| (p, t)))
        .collect()
}

#[test]
fn the_bundled_site_claims_no_verification_nobody_set() {
    let site = Site::bundled();
    let sources = snapshot(site.dir.path());
    for (path, bytes) in &sources {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text
                .lines()
                .any(|l| l.trim_start().starts_with("verified:")),
            "{path}: the bundled sources set no verification date, nobody verified them"
        );
    }
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files = texts(&site);
    assert!(files.len() > 100);
    for (path, text) in &files {
        assert!(!text.contains("核实于"), "{path} claims a verification");
    }
    // Each page names its document, what kind it is, and the date the document carries.
    let line = |page: &str| {
        let html = site.read(page);
        let start = html.find("<p class=\"source\">").expect(page);
        let end = start + html[start..].find("</p>").unwrap() + 4;
        html[start..end].to_string()
    };
    assert_eq!(
        line("public/xhs-partner/xp-partner-onboarding/index.html"),
        "<p class=\"source\">依据官方指南《效果代理商入驻合作伙伴平台操作指南》</p>"
    );
    assert_eq!(
        line("public/kuaishou-service/index.html"),
        "<p class=\"source\">依据官方指南《服务市场入驻指南》（<time datetime=\"2025-06-26\">2025-06-26</time> 版）</p>"
    );
    // A document without a date gets none.
    assert_eq!(
        line("public/channels-shop/wx-live-filing/index.html"),
        "<p class=\"source\">依据官方指南《视频号小店-商家指南-「定向准入」开通指引》</p>"
    );
    // The multi-store pages come from a third-party article, and say so, page by page.
    for page in [
        "multi-store/index.html",
        "multi-store/permissions/index.html",
    ] {
        assert_eq!(
            line(&format!("public/{page}")),
            "<p class=\"source\">依据第三方文章《<a href=\"https://www.jinhanchuan.com/419746.html\" rel=\"noopener\">如何高效管理多个小红书店铺并绑定多个账号</a>》（小川电商）</p>"
        );
    }
    let home = site.read("public/index.html");
    assert!(
        home.contains("内容整理自公开文档（平台的官方指南，或注明为“第三方文章”的资料），每篇的依据写在标题下方。办理时请以平台页面为准。"),
        "the footer says what the content is: {home}"
    );
    // The sitemap dates a guide by its document, never by a verification.
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains(
        "<loc>https://guidepost.example.cn/kuaishou-service/</loc><lastmod>2025-06-26</lastmod>"
    ));
    assert!(sitemap.contains("<loc>https://guidepost.example.cn/channels-shop/</loc></url>"));
    assert!(sitemap.contains("<loc>https://guidepost.example.cn/xhs-partner/</loc></url>"));
}

#[test]
fn a_verification_date_shows_only_where_a_person_set_it() {
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    for (path, text) in texts(&site) {
        assert!(!text.contains("核实于"), "{path}");
    }
    assert!(site.read(CHECKLIST).contains(
        "<footer class=\"print-footer\">https://demo.example.cn/demo/demo-apply/checklist/ · 依据官方指南《演示平台入驻指南》（2026-01 版）</footer>"
    ));
    // Every page of a tree names its source, questions too: an outcome reached in place
    // from a question keeps the line.
    assert!(site
        .read("public/demo/demo-which/demo-q-company/index.html")
        .contains(&format!(
            "<p class=\"source\">依据官方指南{DEMO_LINK}（<time datetime=\"2026-01\">2026-01</time> 版）</p>"
        )));

    site.edit(
        PLATFORM,
        DATE_LINE,
        "  date: 2026-01\n  verified: 2026-02-01\n",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.read(FLOW).contains(&format!(
        "<p class=\"source\">依据官方指南{DEMO_LINK}（<time datetime=\"2026-01\">2026-01</time> 版），核实于 <time datetime=\"2026-02-01\">2026-02-01</time></p>"
    )));
    assert!(site.read(CHECKLIST).contains(
        "<footer class=\"print-footer\">https://demo.example.cn/demo/demo-apply/checklist/ · 依据官方指南《演示平台入驻指南》（2026-01 版），核实于 2026-02-01</footer>"
    ));
}

#[test]
fn a_section_source_labels_its_pages_and_a_page_may_name_its_own() {
    let site = Site::fixture("minimal");
    site.edit(
        "content/guide/_index.md",
        "weight: 1\n",
        "weight: 1\nsource:\n  title: 运营心得\n  kind: 第三方文章\n  publisher: 某某网\n",
    );
    site.edit(
        "content/guide/b.md",
        "---\n",
        "---\nsource: {title: 演示平台入驻指南, kind: official, date: 2025}\n",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let third = "<p class=\"source\">依据第三方文章《运营心得》（某某网）</p>";
    assert!(site.read("public/guide/index.html").contains(third));
    assert!(site.read("public/guide/a/index.html").contains(third));
    let b = site.read("public/guide/b/index.html");
    assert!(b.contains(
        "<p class=\"source\">依据官方指南《演示平台入驻指南》（<time datetime=\"2025\">2025</time> 版）</p>"
    ), "{b}");
    assert!(!b.contains("依据第三方文章"), "the page's own source wins");
}

#[test]
fn an_old_document_is_a_warning_at_its_date() {
    let site = Site::fixture("minimal");
    site.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\nstale_after_days: 30",
    );
    let run = site.check();
    assert_eq!(run.code, 0, "a warning, not an error: {}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: guides/demo/platform.yaml:12:9: 《演示平台入驻指南》 is dated 2026-01, more than 30 days ago\n  \
             hint: look up the platform's current version of this document: if it changed, update the guide and `date`; \
             if the facts still hold, add `verified:` with the day you checked\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_recent_verification_answers_the_warning_and_an_old_one_is_located() {
    let site = Site::fixture("minimal");
    site.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\nstale_after_days: 30",
    );
    let yesterday = today().pred_opt().unwrap();
    site.edit(
        PLATFORM,
        DATE_LINE,
        &format!("  date: 2026-01\n  verified: {yesterday}\n"),
    );
    let run = site.check();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    let site = Site::fixture("minimal");
    site.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\nstale_after_days: 30",
    );
    site.edit(
        PLATFORM,
        DATE_LINE,
        "  date: 2026-01\n  verified: 2026-02-01\n",
    );
    let days = (today() - chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()).num_days();
    let run = site.check();
    assert!(
        run.stderr.contains(&format!(
            "warning: guides/demo/platform.yaml:13:13: 《演示平台入驻指南》 was last verified {days} days ago (2026-02-01)\n  \
             hint: compare the guide with the platform's current document again, then set `verified` to that day \
             (site.yaml `stale_after_days` allows 30 days)\n"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_date_after_today_is_an_error() {
    let site = Site::fixture("minimal");
    site.edit(
        PLATFORM,
        DATE_LINE,
        "  date: 2026-01\n  verified: 2999-01-01\n",
    );
    let run = site.check();
    run.assert_error(&format!(
        "error: guides/demo/platform.yaml:13:13: `verified` of 《演示平台入驻指南》 is after today ({})",
        today()
    ));
    assert!(
        run.stderr.contains(
            "hint: write the day you compared the guide with the platform, not a day to come"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn source_fields_are_checked_where_they_are_written() {
    let site = Site::fixture("minimal");
    site.edit(PLATFORM, "  kind: official\n", "");
    let run = site.check();
    run.assert_error("error: guides/demo/platform.yaml:9:3: `source`: missing key `kind`");
    assert!(run.stderr.contains("hint: add `kind: …`"), "{}", run.stderr);

    let site = Site::fixture("minimal");
    site.edit(PLATFORM, "  kind: official", "  kind: 官方");
    let run = site.check();
    run.assert_error(
        "error: guides/demo/platform.yaml:10:9: `source` › `kind`: unknown value `官方`",
    );
    assert!(
        run.stderr
            .contains("hint: did you mean `官方指南`? use one of: `official`, `官方指南`, `third-party`, `第三方文章`"),
        "{}",
        run.stderr
    );

    // `verified` belongs to the source it vouches for.
    let site = Site::fixture("minimal");
    site.edit(
        PLATFORM,
        DATE_LINE,
        "  date: 2026-01\nverified: 2026-02-01\n",
    );
    site.check()
        .assert_error("error: guides/demo/platform.yaml:13:1: unknown key `verified`");
}

#[test]
fn a_page_source_is_checked_in_its_front_matter() {
    let site = Site::fixture("minimal");
    site.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\nstale_after_days: 30",
    );
    site.edit(
        "content/guide/b.md",
        "---\n",
        "---\nsource:\n  title: 运营心得\n  kind: third-party\n  date: 2025-03\n",
    );
    let run = site.check();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: content/guide/b.md:5:9: 《运营心得》 is dated 2025-03, more than 30 days ago\n"
        ),
        "{}",
        run.stderr
    );
}
