//! The full results page, `search/?q=…`: a form that works without JavaScript (it submits to
//! itself) and a list that search.js fills from the query in the URL.

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::render::views::LinkView;
use crate::render::{OutFile, Renderer};

#[derive(Serialize)]
struct View {
    /// Decision trees and FAQ lists, suggested when nothing matches.
    suggest: Vec<LinkView>,
}

pub fn render(r: &Renderer) -> Result<OutFile, Diagnostic> {
    let path = "search/";
    let base = r.base(path, "搜索", "", vec![]);
    let root = base.root.clone();
    let suggest = super::suggestions(r.model, r.index)
        .into_iter()
        .map(|(title, url)| LinkView {
            title,
            url: format!("{root}{url}"),
        })
        .collect();
    r.page(
        "search.html",
        base,
        &View { suggest },
        format!("{path}index.html"),
    )
}
