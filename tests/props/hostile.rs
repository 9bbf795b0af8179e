//! The check shared by the bounded property test (tests/props.rs) and the fuzz target
//! (fuzz/fuzz_targets/markdown.rs): Markdown rendered as a page of a real small site, and
//! everything in the output a browser could run, or follow outside the URL policy.

use std::collections::BTreeSet;
use std::path::Path;

use guidepost::model::index::Index;
use guidepost::model::links::Resolver;
use guidepost::model::policy::check_url;
use guidepost::model::Model;
use guidepost::render::markdown::{self, Ctx, Glossary};
use syntect::parsing::SyntaxSet;

use crate::html;

/// Elements that run script or take over the page; none may come out of Markdown.
const ELEMENTS: [&str; 6] = ["script", "iframe", "style", "form", "object", "embed"];

/// A site to render Markdown as one of its pages (so links resolve as in a build).
pub struct Site {
    model: Model,
    index: Index,
    glossary: Glossary,
    syntax: SyntaxSet,
}

impl Site {
    /// The site at `root` (tests/fixtures/minimal), loaded.
    pub fn load(root: &Path) -> Site {
        let (model, _) =
            guidepost::load::load(root).unwrap_or_else(|_| panic!("the fixture loads"));
        let (index, _) = Index::build(&model);
        Site {
            model,
            index,
            glossary: Glossary::new(vec![("术语".into(), "t".into(), "glossary/#t".into())]),
            syntax: SyntaxSet::load_defaults_newlines(),
        }
    }

    /// `md` as the HTML of a page (raw HTML cleaned: the default).
    pub fn render(&self, md: &str) -> String {
        let resolver = Resolver::new(&self.model, &self.index);
        let ids = markdown::heading_ids(md);
        let syntax = || &self.syntax;
        let ctx = Ctx {
            resolver: &resolver,
            glossary: &self.glossary,
            syntax: &syntax,
            root: "../",
            from_rel: "a.md",
            heading_ids: &ids,
            skip_term: None,
            trusted_html: false,
        };
        markdown::render(md, &ctx, &mut BTreeSet::new())
    }
}

/// What in `out` a browser could run or follow outside the policy, each in words; empty
/// when nothing. Inline styles only ever align table cells.
pub fn unsafe_parts(out: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in html::tags(out) {
        if ELEMENTS.contains(&tag.name.as_str()) {
            found.push(format!("<{}>", tag.name));
        }
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                found.push(format!("{name}= on <{}>", tag.name));
            }
            if name == "style" && !value.starts_with("text-align") {
                found.push(format!("style={value:?}"));
            }
            if html::URL_ATTRS.contains(&name.as_str()) && check_url(value).is_err() {
                found.push(format!("{name}={value:?}"));
            }
        }
    }
    found
}
