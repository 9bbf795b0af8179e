//! Stage: full-text search. Builds a sharded index of every guide item and of every section
//! of every content page (with elasticlunr-rs, through the one tokenizer the browser shares,
//! which folds traditional characters to simplified), writes it as script files under
//! `search/`. The `/search/` results page is rendered with the site's other pages.
//!
//! Reads the model only; never changes other pages. The browser side is
//! `themes/default/static/search.js`: it loads `search/meta.js` when the reader starts
//! typing, then only the shards of the query's tokens and the chunks of the shown results,
//! and `search/fold.js` (the folding table) only for a query with a character the index
//! does not know.

pub mod docs;
pub mod encode;
pub mod fold;
pub mod lunr;
pub mod tokenize;

use serde_json::json;
use sha2::{Digest, Sha256};

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::index::Index;
use crate::model::Model;
use crate::output::OutFile;

/// Kinds in the order `meta.js` lists them (documents name theirs by position).
pub const KINDS: [&str; 10] = [
    docs::PAGE_KIND,
    "平台",
    "流程",
    "步骤",
    "材料",
    "常见问题",
    "规则",
    "术语",
    "决策",
    "清单",
];

/// A shard larger than this means one token's postings outgrew the sharding: warn.
const LARGE_SHARD: usize = 1 << 20;

/// Add the search index to the site's files (the `/search/` page is rendered with the
/// other site pages). With `GUIDEPOST_SEARCH_TIMING` set, the time the index took is
/// printed to stderr (for `bench/search.sh`).
pub fn add(model: &Model, index: &Index, out: &mut Vec<OutFile>, diags: &mut Diagnostics) {
    let start = std::time::Instant::now();
    let files = index_files(model, index);
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    if std::env::var_os("GUIDEPOST_SEARCH_TIMING").is_some() {
        eprintln!(
            "search index: {bytes} bytes in {} files, {:.3} s",
            files.len(),
            start.elapsed().as_secs_f64()
        );
    }
    if let Some(big) = files.iter().find(|f| f.bytes.len() > LARGE_SHARD) {
        let file: std::sync::Arc<str> = "site.yaml".into();
        diags.push(
            Diagnostic::warning(
                Span::file(&file),
                format!(
                    "search index part {} is {} KB: a query that needs it loads it whole",
                    big.path,
                    big.bytes.len() / 1024
                ),
            )
            .hint(format!(
                "very common words make large parts; the index is {bytes} bytes in all"
            )),
        );
    }
    out.extend(files);
}

/// Is `path` one of the files [`index_files`] makes (not the `/search/` page)?
pub fn is_index_path(path: &str) -> bool {
    matches!(path, "search/meta.js" | "search/fold.js")
        || path.starts_with("search/t/")
        || path.starts_with("search/d/")
}

/// The index files (`search/meta.js`, `search/fold.js`, `search/t/*.js`, `search/d/*.js`)
/// of a site.
pub fn index_files(model: &Model, index: &Index) -> Vec<OutFile> {
    let docs = docs::collect(model, index);
    let postings = lunr::build(&docs);
    let tokens = encode::encode_tokens(&postings, &encode::title_lengths(&docs));
    let bytes: usize = tokens
        .iter()
        .map(|(t, s)| t.len() + s.iter().map(|x| x.len() + 3).sum::<usize>() + 6)
        .sum();
    let nshards = encode::shard_count(bytes);
    let shards = encode::shards(&tokens, nshards);
    let chunks = encode::doc_chunks(&docs, &KINDS);
    let mut id = Sha256::new();
    for part in shards.iter().chain(&chunks) {
        id.update(part.as_bytes());
    }
    let id: String = id.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let meta = json!({
        "v": 2,
        "id": id,
        "docs": docs.len(),
        "shards": nshards,
        "chunk": encode::docs_per_chunk(&docs),
        "kinds": KINDS,
        "platforms": model.platforms.iter().map(|p| &p.meta.name).collect::<Vec<_>>(),
        "suggest": crate::model::walk::suggestions(model, index),
    });
    let mut files = vec![OutFile {
        path: "search/meta.js".into(),
        bytes: format!("guidepostSearch.m({meta});\n").into_bytes(),
    }];
    let named = |dir: &str, parts: Vec<String>| {
        parts.into_iter().enumerate().map({
            let dir = dir.to_string();
            move |(n, s)| OutFile {
                path: format!("search/{dir}/{n}.js"),
                bytes: s.into_bytes(),
            }
        })
    };
    files.push(OutFile {
        path: "search/fold.js".into(),
        bytes: fold::js().into_bytes(),
    });
    files.extend(named("t", shards));
    files.extend(named("d", chunks));
    files
}
