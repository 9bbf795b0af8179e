//! The located read of YAML: positions by path, and each kind of mistake at its place.

use super::*;
use crate::diag::Diagnostic;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    #[allow(dead_code)]
    title: String,
    #[serde(default)]
    #[allow(dead_code)]
    items: Vec<Item>,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    #[allow(dead_code)]
    id: String,
}

fn file() -> Arc<str> {
    Arc::from("guides/x/faq.yaml")
}

fn err(text: &str) -> Diagnostic {
    parse::<Doc>(&file(), text, 0).unwrap_err()
}

#[test]
fn records_value_positions_by_path() {
    let (_, spans) = parse::<Doc>(&file(), "title: t\nitems:\n  - id: a\n  - id: b\n", 0).unwrap();
    assert_eq!(
        spans.span("items.1.id").to_string(),
        "guides/x/faq.yaml:4:9"
    );
    assert_eq!(spans.span("items.1").to_string(), "guides/x/faq.yaml:4:5");
    assert_eq!(
        spans.span("items.1.nope").to_string(),
        "guides/x/faq.yaml:4:5"
    );
}

#[test]
fn duplicate_key_names_both_places() {
    let d = err("title: a\nitems: []\ntitle: b\n");
    assert_eq!(d.span.to_string(), "guides/x/faq.yaml:3:1");
    assert_eq!(d.message.to_string(), "duplicate key `title`");
    assert_eq!(d.related[0].0.to_string(), "guides/x/faq.yaml:1:1");
}

/// The whole diagnostic as an English reader sees it.
fn en(d: &Diagnostic) -> String {
    d.to_string()
}

#[test]
fn unknown_and_missing_fields_are_located() {
    let d = err("title: a\nitems:\n  - id: a\n    idd: b\n");
    assert_eq!(
        en(&d),
        "error: guides/x/faq.yaml:4:5: item #1: unknown key `idd`\n  \
         hint: did you mean `id`? check the spelling of this key; the keys allowed here: `id` (docs/format.md describes each)"
    );
    let d = err("title: a\nitems:\n  - {}\n");
    assert_eq!(d.message.to_string(), "item #1: missing key `id`");
    assert_eq!(d.span.line, 3);
}

#[test]
fn wrong_type_is_located() {
    let d = err("title: a\nitems: 3\n");
    assert_eq!((d.span.line, d.span.col), (2, 8));
    assert_eq!(
        d.message.to_string(),
        "`items`: wrong kind of value: expected a list, found a whole number"
    );
}

#[test]
fn syntax_errors_get_their_own_message_at_the_place_to_fix() {
    let cases = [
        (
            "title: a\ntags: [a, b\nitems: []\n",
            "3:7",
            "yaml-unclosed-list",
        ),
        ("title: a\n  items: - [\n", "3:3", "yaml-indent"),
        ("title: a\nitems:\n\t- id: a\n", "4:1", "yaml-tab"),
        ("title: \"abc\nitems: []\n", "2:8", "yaml-unclosed-quote"),
        ("title: a\nitems\n  - id: a\n", "3:6", "yaml-missing-colon"),
        ("title: a: b\nitems: []\n", "2:8", "yaml-colon-in-value"),
        (
            "items:\n  - id: a\n    x: q\n   y: x\n",
            "5:4",
            "yaml-indent",
        ),
        ("title: “a: b”\nitems: []\n", "2:8", "curly-quote"),
        ("title: a\nitems：[]\n", "3:6", "fullwidth-colon"),
    ];
    for (text, at, id) in cases {
        let d = parse::<Doc>(&file(), text, 1).unwrap_err();
        assert_eq!(
            (format!("{}:{}", d.span.line, d.span.col), d.message.key()),
            (at.to_string(), Some(id)),
            "{text:?}: {d}"
        );
    }
}

#[test]
fn control_characters_are_located() {
    let d = parse::<Doc>(&file(), "title: a\nitems:\n  - id: 说\u{7}明\n", 1).unwrap_err();
    assert_eq!(d.span.to_string(), "guides/x/faq.yaml:4:10");
    assert_eq!(
        d.message.to_string(),
        "an invisible control character (U+0007) in the text"
    );
    let ok = parse::<Doc>(&file(), "title: \"a\tb\"\r\nitems: []\r\n", 0);
    assert!(ok.is_ok(), "tab and CRLF are allowed");
}

#[test]
fn alias_bomb_and_deep_nesting_are_refused() {
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n";
    let d = err(bomb);
    assert_eq!((d.span.line, d.span.col), (2, 8));
    let deep = format!("title: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let d = err(&deep);
    assert_eq!(d.message.key(), Some("yaml-too-deep"));
    assert_eq!(d.span.line, 1);
}
