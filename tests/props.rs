//! Property tests (bounded, so `cargo test` stays fast) for the URL policy, the YAML loader,
//! and Markdown → HTML: generated hostile input, checked against what a browser would do.

use std::sync::Arc;

use guidepost::load::yaml;
use guidepost::model::guide::FaqFile;
use guidepost::model::policy::{check_url, ALLOWED_SCHEMES};
use proptest::prelude::*;
use proptest::test_runner::{Config as RunConfig, TestRunner};

fn cases(n: u32) -> RunConfig {
    RunConfig {
        cases: n,
        failure_persistence: None,
        ..RunConfig::default()
    }
}

/// Pieces a URL attack is made of: scheme letters, separators, entities, invisible chars.
fn url_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "javascript",
            "JaVaScRiPt",
            "java",
            "script",
            "data",
            "vbscript",
            "file",
            "http",
            "https",
            "mailto",
            "tel",
            "x",
            "1",
            "%3A",
            "%6A",
            "a.b",
            "+",
            "-",
            "中文",
        ])
        .prop_map(String::from),
        prop::sample::select(vec![
            ":",
            "/",
            "//",
            "\\",
            "?",
            "#",
            "@",
            "&",
            ";",
            "&#58;",
            "&colon;",
            "&#x3A;",
            "&#106;",
            "&#x6A;",
            "&Tab;",
            "&NewLine;",
            "&amp;",
            "&#0000058",
            "\t",
            "\n",
            "\r",
            " ",
            "\u{0}",
            "\u{1}",
            "\u{7f}",
            "\u{a0}",
            "\u{200b}",
            "\u{feff}",
            "\u{2028}",
        ])
        .prop_map(String::from),
    ]
}

fn url_like() -> impl Strategy<Value = String> {
    prop::collection::vec(url_piece(), 0..10).prop_map(|v| v.concat())
}

/// The scheme a WHATWG URL parser (as in browsers) gives `s` on a page of the site, if any.
fn browser_scheme(s: &str) -> Option<String> {
    let base = url::Url::parse("https://site.example.cn/a/b/").unwrap();
    url::Url::options()
        .base_url(Some(&base))
        .parse(s)
        .ok()
        .map(|u| u.scheme().to_string())
}

#[test]
fn a_url_the_policy_passes_never_reaches_another_scheme_in_a_browser() {
    let mut runner = TestRunner::new(cases(2000));
    runner
        .run(&url_like(), |s| {
            if check_url(&s).is_ok() {
                // As written into an attribute (escaped), and as read once more through entities.
                let decoded = html_escape::decode_html_entities(&s).into_owned();
                for form in [&s, &decoded] {
                    if let Some(scheme) = browser_scheme(form) {
                        prop_assert!(
                            ALLOWED_SCHEMES.contains(&scheme.as_str()),
                            "{form:?} passed, a browser reads scheme {scheme}"
                        );
                    }
                }
            }
            Ok(())
        })
        .unwrap();
}

/// `javascript` and friends, hidden: mixed case, invisible characters, entities.
fn hidden_scheme() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec!["javascript", "data", "vbscript", "file"]);
    let per_char = prop::collection::vec((0u8..6, 0u8..4), 10);
    let colon = prop::sample::select(vec![":", "&#58;", "&colon;", "&#x3a;", "\t:", ":\u{0}"]);
    (scheme, per_char, colon, "[a-z()0-9]{0,12}").prop_map(|(scheme, how, colon, rest)| {
        let mut out = String::from(" ");
        for (c, (case, extra)) in scheme.chars().zip(how.iter().cycle()) {
            let c = if case % 2 == 0 {
                c.to_ascii_uppercase()
            } else {
                c
            };
            match case {
                4 => out.push_str(&format!("&#{};", c as u32)),
                5 => out.push_str(&format!("&#x{:x};", c as u32)),
                _ => out.push(c),
            }
            out.push_str(["", "\t", "\u{200b}", "\n"][*extra as usize]);
        }
        format!("{out}{colon}{rest}")
    })
}

#[test]
fn a_hidden_scheme_is_always_refused() {
    let mut runner = TestRunner::new(cases(1000));
    runner
        .run(&hidden_scheme(), |s| {
            prop_assert!(check_url(&s).is_err(), "{s:?} passed");
            Ok(())
        })
        .unwrap();
}

#[test]
fn web_addresses_and_relative_paths_pass() {
    let mut runner = TestRunner::new(cases(500));
    let strategy = (
        prop::sample::select(vec![
            "https://", "http://", "mailto:", "tel:", "", "../", "/", "#",
        ]),
        "[a-z0-9./_-]{0,20}",
        "([?#][a-z0-9=&:]{0,10})?",
    );
    runner
        .run(&strategy, |(prefix, path, tail)| {
            let u = format!(
                "{prefix}{}{path}{tail}",
                if prefix.is_empty() { "a" } else { "" }
            );
            prop_assert!(check_url(&u).is_ok(), "{u:?} refused");
            Ok(())
        })
        .unwrap();
}

/// Pieces of YAML that reach the parser's corners.
fn yaml_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "faqs:",
        "\n",
        "  ",
        "- ",
        "id: ",
        "question: ",
        "answer: ",
        "a",
        "说明",
        "[",
        "]",
        "{",
        "}",
        ",",
        ": ",
        "&x ",
        "*x",
        "!!str ",
        "|",
        ">",
        "\"",
        "'",
        "#",
        "---\n",
        "\t",
        "\u{7}",
        "\u{1b}",
        "\u{85}",
        "\u{feff}",
        "\r\n",
        "%YAML 1.2\n",
        "? ",
        "~",
        "1e9",
        "\\",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

#[test]
fn the_yaml_loader_never_panics_and_locates_every_error_inside_the_text() {
    let file: Arc<str> = Arc::from("guides/x/faq.yaml");
    let mut runner = TestRunner::new(cases(1500));
    runner
        .run(&(yaml_text(), 0usize..3), |(text, offset)| {
            let found = yaml::parse::<FaqFile>(&file, 0, &text, offset).err();
            prop_assert!(found.as_ref().is_none_or(|f| !f.is_empty()));
            for d in found.into_iter().flatten() {
                let lines: Vec<&str> = text.split('\n').collect();
                let line = d.span.line as usize;
                prop_assert!(
                    line > offset && line <= offset + lines.len(),
                    "{d} in {text:?}"
                );
                let width = lines[line - offset - 1].chars().count() + 1;
                prop_assert!(
                    d.span.col >= 1 && d.span.col as usize <= width.max(2),
                    "{d} in {text:?}"
                );
                prop_assert!(d.hint.is_some(), "{d}: no hint");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn every_generated_faq_is_read_with_the_place_of_each_item_and_answer() {
    let file: Arc<str> = Arc::from("guides/x/faq.yaml");
    let mut runner = TestRunner::new(cases(300));
    let faqs = prop::collection::vec(
        (
            "[a-z][a-z0-9-]{0,10}",
            "[^\\x00-\\x1f\\x7f-\\u{9f}\\u{fffe}\\u{ffff}\"\\\\]{1,20}",
        ),
        1..8,
    );
    runner
        .run(&faqs, |faqs| {
            let mut text = String::from("faqs:\n");
            for (id, q) in &faqs {
                text.push_str(&format!(
                    "  - id: {id}\n    question: \"{q}\"\n    answer: 答。\n"
                ));
            }
            let parsed = yaml::parse::<FaqFile>(&file, 3, &text, 0)
                .map_err(|d| TestCaseError::fail(format!("{d:?} in {text:?}")))?;
            prop_assert_eq!(parsed.faqs.len(), faqs.len());
            for (i, (id, _)) in faqs.iter().enumerate() {
                let faq = &parsed.faqs[i];
                prop_assert_eq!(&faq.id, id);
                let at = faq.origin;
                prop_assert_eq!((at.file, at.line, at.col), (3, 2 + 3 * i as u32, 9));
                prop_assert_eq!(
                    (faq.answer.at.line, faq.answer.at.col),
                    (4 + 3 * i as u32, 13)
                );
            }
            Ok(())
        })
        .unwrap();
}

#[path = "props/hostile.rs"]
mod hostile;
#[path = "props/html.rs"]
mod html;

/// Hostile Markdown: event handlers in raw HTML and heading attributes, hidden schemes in
/// links, images, autolinks and raw tags, mixed with ordinary Markdown.
fn hostile_markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "## 标题 {autofocus onfocus=alert(1)}\n",
            "### a {#x .c onclick=alert(1)}\n",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<script>alert(1)</script>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<iframe src=\"data:text/html,x\"></iframe>",
            "<style>*{}</style>",
            "<div style=\"background:url(javascript:alert(1))\">",
            "</div>",
            "<b onmouseover=alert(1)>",
            "<!-- x -->",
            "<form action=\"javascript:alert(1)\"><button>b</button></form>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "| a | b |\n| :-: | --- |\n| 1 | 2 |\n",
            "- [x] 任务\n",
            "```js\nalert(1)\n```\n",
            "\n\n",
            "文字 术语 ",
            "**粗** ",
            "<http://e.cn/>",
            "[r][ref]\n\n[ref]: javascript:alert(1)\n",
        ])
        .prop_map(String::from),
        url_like().prop_map(|u| format!("[链接]({u}) ")),
        url_like().prop_map(|u| format!("![图]({u}) ")),
        url_like().prop_map(|u| format!("<a href=\"{u}\">x</a> ")),
        url_like().prop_map(|u| format!("<{u}> ")),
    ];
    prop::collection::vec(piece, 1..12).prop_map(|v| v.concat())
}

#[test]
fn markdown_output_never_carries_an_event_handler_or_another_scheme() {
    // A real (small) site, so the index can place every output it claims.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let site = hostile::Site::load(&root);
    let mut runner = TestRunner::new(cases(300));
    runner
        .run(&hostile_markdown(), |md| {
            let out = site.render(&md);
            let found = hostile::unsafe_parts(&out);
            prop_assert!(found.is_empty(), "{found:?} in {out}\nfrom {md:?}");
            // And what passes the policy is a scheme a browser treats as such.
            for tag in html::tags(&out) {
                for (name, value) in &tag.attrs {
                    if let Some(s) =
                        browser_scheme(value).filter(|_| html::URL_ATTRS.contains(&name.as_str()))
                    {
                        prop_assert!(ALLOWED_SCHEMES.contains(&s.as_str()), "{value:?}");
                    }
                }
            }
            Ok(())
        })
        .unwrap();
}
