//! Markdown → HTML under libFuzzer: whatever the input, the rendered HTML (raw HTML cleaned,
//! the default) has no event-handler attribute, no script-capable element and no URL outside
//! the policy. Run: `cargo +nightly fuzz run markdown` (in this folder's parent).
//! The bounded twin that runs in `cargo test` is tests/props.rs.

#![no_main]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use guidepost::model::index::Index;
use guidepost::model::links::Resolver;
use guidepost::model::policy::check_url;
use guidepost::model::{Config, Model};
use guidepost::render::markdown::{self, Ctx, Glossary};
use libfuzzer_sys::fuzz_target;
use syntect::parsing::SyntaxSet;

#[path = "../../tests/props/html.rs"]
mod html;

fn syntax_set() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

fuzz_target!(|md: &str| {
    let config: Config =
        serde_yaml::from_str("title: t\nbase_url: https://site.example.cn/\n").unwrap();
    let model = Model {
        config,
        platforms: Vec::new(),
        sections: Vec::new(),
        pages: Vec::new(),
        files: Vec::new(),
    };
    let (index, _) = Index::build(&model);
    let resolver = Resolver::new(&model, &index);
    let glossary = Glossary::new(vec![("术语".into(), "t".into(), "glossary/#t".into())]);
    let ids = markdown::heading_ids(md);
    let syntax = || syntax_set();
    let ctx = Ctx {
        resolver: &resolver,
        glossary: &glossary,
        syntax: &syntax,
        root: "../",
        from_rel: "a.md",
        heading_ids: &ids,
        skip_term: None,
        trusted_html: false,
    };
    let out = markdown::render(md, &ctx, &mut BTreeSet::new());
    for tag in html::tags(&out) {
        assert!(
            !["script", "iframe", "style", "form", "object", "embed"].contains(&tag.name.as_str()),
            "<{}> in {out}",
            tag.name
        );
        for (name, value) in &tag.attrs {
            assert!(!name.starts_with("on"), "{name}= in {out}");
            if html::URL_ATTRS.contains(&name.as_str()) {
                assert!(check_url(value).is_ok(), "{name}={value:?} in {out}");
            }
        }
    }
});
