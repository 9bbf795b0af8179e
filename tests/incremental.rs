//! The preview server's one incremental mechanism, tested at library level: after every step
//! of a random sequence of edits (a page's body or title, pages added and removed, a FAQ's
//! answer or id, a flow's materials, site.yaml, a template override, a static file, an error and its fix),
//! the in-memory site the rebuilder serves — once every affected output is rendered — is
//! byte-identical to a clean build of the same sources: the same paths, the same bytes, the
//! same warnings. A step that breaks the sources fails as the clean build does and keeps the
//! last good site.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use common::Site;
use guidepost::build::render_site;
use guidepost::diag::Diagnostic;
use guidepost::serve::{Batch, Outcome, Rebuilder};
use proptest::prelude::*;
use proptest::test_runner::{Config as RunConfig, TestRunner};

const BASE: &str = "http://127.0.0.1:9/";

#[derive(Debug, Clone)]
enum Edit {
    /// Append a line to the body of `content/guide/{a,b}.md`.
    Body(bool, String),
    /// Retitle `content/guide/b.md`.
    Title(String),
    /// Add `content/guide/new-N.md`, or remove it.
    AddPage(u8),
    RemovePage(u8),
    /// A FAQ's answer.
    Faq(String),
    /// The id of the FAQ pages may link to with `@demo-faq-deposit`: as it is, or renamed
    /// (then such a link is an error until the id comes back).
    FaqId(bool),
    /// The materials a flow step names: both, or one.
    Materials(bool),
    SiteTitle(String),
    /// site.yaml's `popular`: a FAQ, a flow and a FAQ, none, or an id that does not exist.
    Popular(u8),
    /// site.yaml's `stale_after_days` (the fixture's dates are some 300 days old).
    StaleDays(u32),
    /// site.yaml's `description`, added or changed.
    Description(String),
    /// A comment line added to site.yaml: positions move, nothing shown changes.
    ConfigComment(String),
    /// site.yaml's `base_url`: a good one, or one the URL policy refuses.
    BaseUrl(bool),
    /// site.yaml gets a misspelled key (an error), or loses it.
    BreakConfig,
    FixConfig,
    /// A template override with this text in it, or none.
    Template(Option<String>),
    Static(String),
    /// `content/guide/a.md` loses its front matter (an error), or gets it back.
    Break,
    Fix,
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "审核",
        "保证金",
        "入驻",
        "**粗体",
        "[链接](a.md)",
        "新的一行",
        "[保证金](@demo-faq-deposit)",
    ])
    .prop_map(String::from)
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<bool>(), word()).prop_map(|(a, w)| Edit::Body(a, w)),
        1 => word().prop_map(Edit::Title),
        1 => (0u8..3).prop_map(Edit::AddPage),
        1 => (0u8..3).prop_map(Edit::RemovePage),
        1 => word().prop_map(Edit::Faq),
        1 => any::<bool>().prop_map(Edit::FaqId),
        1 => any::<bool>().prop_map(Edit::Materials),
        1 => word().prop_map(Edit::SiteTitle),
        1 => (0u8..4).prop_map(Edit::Popular),
        1 => prop::sample::select(vec![30u32, 365, 100_000]).prop_map(Edit::StaleDays),
        1 => word().prop_map(Edit::Description),
        1 => word().prop_map(Edit::ConfigComment),
        1 => any::<bool>().prop_map(Edit::BaseUrl),
        1 => Just(Edit::BreakConfig),
        1 => Just(Edit::FixConfig),
        2 => prop::option::of(word()).prop_map(Edit::Template),
        1 => word().prop_map(Edit::Static),
        1 => Just(Edit::Break),
        1 => Just(Edit::Fix),
    ]
}

const A: &str = "content/guide/a.md";

/// Set site.yaml's `key` to `value` (a line of its own), or remove it (`None`).
fn set_config(site: &Site, key: &str, value: Option<&str>) -> Vec<String> {
    let text = site.read("site.yaml");
    let prefix = format!("{key}:");
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(String::from)
        .collect();
    if let Some(v) = value {
        lines.push(format!("{key}: {v}"));
    }
    site.write("site.yaml", &(lines.join("\n") + "\n"));
    vec!["site.yaml".into()]
}

/// A word as it can stand in YAML unquoted.
fn plain(w: &str) -> String {
    w.replace(['*', '[', ']', '(', ')', ':'], "")
}

/// Do `edit` to the site's files; the paths it wrote or removed.
fn apply(site: &Site, edit: &Edit, a_text: &str) -> Vec<String> {
    let theme_page = include_str!("../themes/default/templates/page.html");
    match edit {
        Edit::Body(a, w) => {
            let rel = if *a { A } else { "content/guide/b.md" };
            let text = site.read(rel);
            site.write(rel, &format!("{text}\n{w}\n"));
            vec![rel.into()]
        }
        Edit::Title(w) => {
            let rel = "content/guide/b.md";
            let text = site.read(rel);
            let line = text.lines().find(|l| l.starts_with("title:")).unwrap();
            site.write(rel, &text.replacen(line, &format!("title: 第二篇{w}"), 1));
            vec![rel.into()]
        }
        Edit::AddPage(n) => {
            let rel = format!("content/guide/new-{n}.md");
            site.write(
                &rel,
                &format!("---\ntitle: 新页 {n}\nweight: {n}\n---\n正文 {n}。\n"),
            );
            vec![rel]
        }
        Edit::RemovePage(n) => {
            let rel = format!("content/guide/new-{n}.md");
            let _ = std::fs::remove_file(site.path(&rel));
            vec![rel]
        }
        Edit::Faq(w) => {
            let rel = "guides/demo/faq.yaml";
            let text = site.read(rel);
            let line = text.lines().find(|l| l.contains("answer: ")).unwrap();
            let new = format!(
                "    answer: 只能线上缴纳{}。",
                w.replace(['*', '[', ']', '(', ')'], "")
            );
            site.write(rel, &text.replacen(line, &new, 1));
            vec![rel.into()]
        }
        Edit::FaqId(renamed) => {
            let rel = "guides/demo/faq.yaml";
            let (from, to) = if *renamed {
                ("id: demo-faq-deposit\n", "id: demo-faq-deposit-new\n")
            } else {
                ("id: demo-faq-deposit-new\n", "id: demo-faq-deposit\n")
            };
            site.write(rel, &site.read(rel).replacen(from, to, 1));
            vec![rel.into()]
        }
        Edit::Materials(both) => {
            let rel = "guides/demo/flows/apply.yaml";
            let text = site.read(rel);
            let line = text.lines().find(|l| l.contains("materials: [")).unwrap();
            let m = if *both {
                "demo-license, demo-pledge"
            } else {
                "demo-license"
            };
            site.write(
                rel,
                &text.replacen(line, &format!("    materials: [{m}]"), 1),
            );
            vec![rel.into()]
        }
        Edit::SiteTitle(w) => {
            let text = site.read("site.yaml");
            let line = text.lines().find(|l| l.starts_with("title:")).unwrap();
            let w = plain(w);
            site.write(
                "site.yaml",
                &text.replacen(line, &format!("title: 演示站点{w}"), 1),
            );
            vec!["site.yaml".into()]
        }
        Edit::Popular(n) => {
            let ids = [
                "[demo-faq-time]",
                "[demo-apply, demo-faq-deposit]",
                "[]",
                "[demo-nope]",
            ];
            set_config(site, "popular", Some(ids[*n as usize]))
        }
        Edit::StaleDays(n) => set_config(site, "stale_after_days", Some(&n.to_string())),
        Edit::Description(w) => set_config(site, "description", Some(&format!("演示{}", plain(w)))),
        Edit::ConfigComment(w) => {
            let text = site.read("site.yaml");
            site.write("site.yaml", &format!("# {w}\n{text}"));
            vec!["site.yaml".into()]
        }
        Edit::BaseUrl(good) => {
            let url = if *good {
                "https://demo.example.cn/"
            } else {
                "javascript:alert(1)"
            };
            set_config(site, "base_url", Some(url))
        }
        Edit::BreakConfig => set_config(site, "titel", Some("拼错的键")),
        Edit::FixConfig => set_config(site, "titel", None),
        Edit::Template(Some(w)) => {
            let marked = theme_page.replacen("</article>", &format!("<p>{w}</p></article>"), 1);
            assert_ne!(marked, theme_page, "page.html has an </article> to mark");
            site.write("templates/page.html", &marked);
            vec!["templates/page.html".into()]
        }
        Edit::Template(None) => {
            let _ = std::fs::remove_file(site.path("templates/page.html"));
            vec!["templates/page.html".into()]
        }
        Edit::Static(w) => {
            site.write("static/note.txt", w);
            vec!["static/note.txt".into()]
        }
        Edit::Break => {
            site.write(A, "title: 没有前言\n正文。\n");
            vec![A.into()]
        }
        Edit::Fix => {
            let text = site.read(A);
            if !text.starts_with("---") {
                site.write(A, a_text);
            }
            vec![A.into()]
        }
    }
}

fn sorted(d: impl IntoIterator<Item = Diagnostic>) -> Vec<String> {
    let mut v: Vec<String> = d.into_iter().map(|d| format!("{d:?}")).collect();
    v.sort();
    v
}

type Files = Vec<(String, Vec<u8>)>;

/// Compare two file lists and say where they differ first.
fn assert_same(served: &Files, clean: &Files, step: &str) {
    let a: BTreeSet<&String> = served.iter().map(|f| &f.0).collect();
    let b: BTreeSet<&String> = clean.iter().map(|f| &f.0).collect();
    assert_eq!(
        a, b,
        "after {step}: the served paths differ from a clean build's"
    );
    for ((p, x), (_, y)) in served.iter().zip(clean) {
        assert!(
            x == y,
            "after {step}: {p} differs from a clean build's:\nserved: {}\nclean:  {}",
            String::from_utf8_lossy(x),
            String::from_utf8_lossy(y)
        );
    }
}

fn run(edits: &[Edit]) {
    let site = Site::fixture("minimal");
    let a_text = site.read(A);
    let root = site.dir.path().to_path_buf();
    let notice = Arc::new(|_| {});
    let mut rb = Rebuilder::new(root.clone(), BASE.into(), 1, notice);
    let Outcome::Built(first) = rb.first() else {
        panic!("the fixture builds")
    };
    let mut good: Files = files(&first.files());
    drop(first);
    let mut history = String::new();
    for (step, e) in edits.iter().enumerate() {
        let before = rb.last().expect("a good build").clone();
        // Every third edit patches a copy of the model made on the save; the others the
        // one the server makes ahead while the editor reads: the model of the build before
        // taken back and patched as this one was (or, after a whole reload, a copy).
        if step % 3 == 1 {
            before.prepare_spare();
        }
        let paths = apply(&site, e, &a_text);
        history.push_str(&format!("{e:?}; "));
        let batch = Batch {
            paths: paths.into_iter().collect(),
            ..Batch::default()
        };
        let out = rb.apply(&batch, &[]);
        if step % 3 != 1 && matches!(out, Outcome::Built(_)) {
            rb.prepare_spare(before);
        }
        match (render_site(&root, Some(BASE)), out) {
            (Ok(clean), Outcome::Built(b)) => {
                let served = files(&b.files());
                assert_same(&served, &files(clean.files.files()), &history);
                assert_eq!(
                    sorted(b.warnings()),
                    sorted(clean.warnings),
                    "after {history}: warnings"
                );
                good = served;
            }
            (Err(clean), Outcome::Failed(d)) => {
                assert_eq!(sorted(d), sorted(clean.0), "after {history}: errors");
                // The last good build is still what is served.
                let kept = rb.last().expect("a good build").files();
                assert_same(&files(&kept), &good, &history);
            }
            (Ok(_), Outcome::Failed(d)) => {
                panic!("after {history}: the clean build passes, the rebuild failed: {d:?}")
            }
            (Err(clean), Outcome::Built(_)) => {
                panic!("after {history}: the clean build failed, the rebuild passed: {clean:?}")
            }
        }
    }
}

fn files(f: &[guidepost::output::OutFile]) -> Files {
    f.iter()
        .map(|f| (f.path.clone(), f.bytes.clone()))
        .collect()
}

#[test]
fn every_edit_sequence_serves_what_a_clean_build_makes() {
    let cfg = RunConfig {
        cases: 16,
        failure_persistence: None,
        ..RunConfig::default()
    };
    let mut runner = TestRunner::new(cfg);
    runner
        .run(&prop::collection::vec(edit(), 1..8), |edits| {
            run(&edits);
            Ok(())
        })
        .unwrap();
}

/// Every kind of edit, one after the other, so each is exercised whatever proptest picks.
#[test]
fn each_kind_of_edit_in_turn() {
    run(&[
        Edit::Body(true, "审核".into()),
        Edit::Body(false, "**粗体".into()),
        Edit::Title("新".into()),
        Edit::AddPage(1),
        Edit::Faq("改".into()),
        Edit::Materials(false),
        Edit::Template(Some("模板".into())),
        Edit::Break,
        Edit::Body(false, "错误时".into()),
        Edit::Fix,
        Edit::SiteTitle("新".into()),
        Edit::Popular(3),
        Edit::Popular(1),
        Edit::StaleDays(30),
        Edit::ConfigComment("注释".into()),
        Edit::BreakConfig,
        Edit::Description("说明".into()),
        Edit::FixConfig,
        Edit::BaseUrl(false),
        Edit::BaseUrl(true),
        Edit::StaleDays(365),
        Edit::Description("改".into()),
        Edit::Popular(2),
        Edit::Static("静态".into()),
        Edit::RemovePage(1),
        Edit::Materials(true),
        Edit::Template(None),
        Edit::Body(true, "[保证金](@demo-faq-deposit)".into()),
        Edit::FaqId(true),
        Edit::Faq("改名时".into()),
        Edit::FaqId(false),
    ]);
}

/// A template that fails only for pages without a date, when the first page of that kind has
/// one: the probe before publishing renders a page of each shape, so the edit fails at once
/// (located in the template) and the last good build stays served; the fix publishes.
#[test]
fn a_template_failing_for_one_shape_of_page_fails_before_publishing() {
    let site = Site::fixture("minimal");
    // More affected outputs than are rendered before publishing.
    for i in 0..100 {
        site.write(
            &format!("content/guide/p-{i:03}.md"),
            &format!("---\ntitle: 第 {i} 篇\nweight: {i}\n---\n正文 {i}。\n"),
        );
    }
    let root = site.dir.path().to_path_buf();
    let mut rb = Rebuilder::new(root, BASE.into(), 1, Arc::new(|_| {}));
    let Outcome::Built(first) = rb.first() else {
        panic!("the fixture builds")
    };
    let page = include_str!("../themes/default/templates/page.html");
    let broken = page.replacen(
        "<h1>{{ page.title }}</h1>",
        "<h1>{{ page.title }}</h1>\n  {% if not page.updated %}{{ page.nope.x }}{% endif %}",
        1,
    );
    assert_ne!(broken, page);
    site.write("templates/page.html", &broken);
    let batch = Batch {
        paths: ["templates/page.html".to_string()].into(),
        ..Batch::default()
    };
    let Outcome::Failed(d) = rb.apply(&batch, &[]) else {
        panic!("the template fails for pages without a date, before publishing")
    };
    let errors: Vec<String> = d.errors().map(|e| format!("{}", e.span)).collect();
    assert!(!errors.is_empty());
    assert!(
        errors.iter().all(|e| e == "templates/page.html:6:31"),
        "{errors:?}"
    );
    assert_eq!(rb.last().unwrap().id, first.id, "the last good build stays");

    site.write("templates/page.html", page);
    let Outcome::Built(fixed) = rb.apply(&batch, &[]) else {
        panic!("the fix builds")
    };
    assert_ne!(fixed.id, first.id);
}
