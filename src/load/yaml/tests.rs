//! The located read of YAML: positions that travel with the values, every item's mistake in
//! one run, and each kind of mistake at its place.

use super::*;
use crate::diag::Diagnostic;
use crate::model::spans::{items, Origin, Spanned};
use serde::Deserialize;
use std::sync::Arc;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    #[allow(dead_code)]
    title: String,
    #[serde(default, deserialize_with = "items")]
    items: Vec<Item>,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    id: Spanned<String>,
    #[serde(default)]
    weight: u32,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    #[serde(rename = "$__origin", default)]
    origin: Origin,
}

fn file() -> Arc<str> {
    Arc::from("guides/x/faq.yaml")
}

fn errs(text: &str) -> Vec<Diagnostic> {
    parse::<Doc>(&file(), 7, text, 0).unwrap_err()
}

fn err(text: &str) -> Diagnostic {
    errs(text).remove(0)
}

#[test]
fn positions_travel_with_the_values() {
    let text = "title: t\nitems:\n  - id: a\n  - weight: 2\n    id: \"b\"\n    related: [a, c]\n";
    let doc = parse::<Doc>(&file(), 7, text, 0).unwrap();
    let b = &doc.items[1];
    let at = |p: crate::model::Pos| (p.file, p.line, p.col);
    assert_eq!(at(b.origin), (7, 5, 10), "an item is shown at its id");
    assert_eq!(at(doc.items[0].origin), (7, 3, 9));
    assert_eq!(
        at(b.id.at),
        (7, 5, 10),
        "a quoted value starts inside its quote"
    );
    assert_eq!(b.id.value, "b");
    assert_eq!(at(b.related[1].at), (7, 6, 18));
    assert_eq!(b.weight, 2);
    // Front matter: lines count from the top of the whole file.
    let doc = parse::<Doc>(&file(), 7, "title: t\nitems:\n  - id: a\n", 1).unwrap();
    assert_eq!(at(doc.items[0].id.at), (7, 4, 9));
}

#[test]
fn every_item_with_a_mistake_is_reported_in_one_run() {
    let text = "title: t\nitems:\n  - id: a\n    wieght: 1\n  - id: b\n  - id: c\n    weight: many\n  - id: d\n    related: x\n  - {}\n";
    let found: Vec<String> = errs(text).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        found,
        [
            "error: guides/x/faq.yaml:4:5: item #1: unknown key `wieght`\n  hint: did you mean `weight`? check the spelling of this key; the keys allowed here: `id`, `weight`, `related` (docs/format.md describes each)",
            "error: guides/x/faq.yaml:7:13: item #3 › `weight`: wrong kind of value: expected a whole number, found the text \"many\"\n  hint: a list is written `[a, b]` or as `- ` lines, text may need quotes, dates are YYYY-MM-DD",
            "error: guides/x/faq.yaml:9:14: item #4 › `related`: wrong kind of value: expected a list, found the text \"x\"\n  hint: a list is written `[a, b]` or as `- ` lines, text may need quotes, dates are YYYY-MM-DD",
            "error: guides/x/faq.yaml:10:5: item #5: missing key `id`\n  hint: add `id: …` to this item (docs/format.md describes it)",
        ]
    );
}

#[test]
fn reserved_names_cannot_be_written() {
    let d = err("title: t\nitems:\n  - id: a\n    $__origin: 1\n");
    assert_eq!(d.span.to_string(), "guides/x/faq.yaml:4:5");
    assert_eq!(d.message.to_string(), "item #1: unknown key `$__origin`");
    assert!(!d.hint.unwrap().to_string().contains("$__"));
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
         hint: did you mean `id`? check the spelling of this key; the keys allowed here: `id`, `weight`, `related` (docs/format.md describes each)"
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
        let d = parse::<Doc>(&file(), 0, text, 1).unwrap_err().remove(0);
        assert_eq!(
            (format!("{}:{}", d.span.line, d.span.col), d.message.key()),
            (at.to_string(), Some(id)),
            "{text:?}: {d}"
        );
    }
}

#[test]
fn control_characters_are_located() {
    let d = parse::<Doc>(&file(), 0, "title: a\nitems:\n  - id: 说\u{7}明\n", 1)
        .unwrap_err()
        .remove(0);
    assert_eq!(d.span.to_string(), "guides/x/faq.yaml:4:10");
    assert_eq!(
        d.message.to_string(),
        "an invisible control character (U+0007) in the text"
    );
    let ok = parse::<Doc>(&file(), 0, "title: \"a\tb\"\r\nitems: []\r\n", 0);
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

#[test]
fn a_misspelt_key_after_another_mistake_of_its_item_is_reported_too() {
    let text = "title: t\nitems:\n  - id: a\n    weight: many\n    relatd: [b]\n    colour: red\n";
    let found: Vec<String> = errs(text)
        .iter()
        .map(|d| format!("{} {}", d.span, d.message))
        .collect();
    assert_eq!(
        found,
        [
            "guides/x/faq.yaml:4:13 item #1 › `weight`: wrong kind of value: expected a whole number, found the text \"many\"",
            "guides/x/faq.yaml:5:5 item #1: unknown key `relatd`",
            "guides/x/faq.yaml:6:5 item #1: unknown key `colour`",
        ]
    );
}

#[test]
fn a_key_the_parser_places_after_the_end_is_shown_on_the_last_line() {
    // The second (empty) key's mark is on a line after the text: the error stays inside it.
    let d = err(": \r\n? ");
    assert_eq!(d.message.to_string(), "duplicate key ``");
    assert_eq!((d.span.line, d.span.col), (2, 3));
}
