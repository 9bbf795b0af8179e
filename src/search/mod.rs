//! Stage: full-text search. Builds a sharded index of every guide item and of every section
//! of every content page (with elasticlunr-rs, through the one tokenizer the browser shares,
//! which folds traditional characters to simplified), writes it as script files under
//! `search/` — a batch of pages at a time, each file handed to the build's sink as soon as it
//! is complete ([`stream`]), so memory does not grow with the site's text. The `/search/`
//! results page is rendered with the site's other pages.
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
pub mod postings;
pub mod stream;
pub mod text;
pub mod tokenize;
pub mod trie;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::index::Index;
use crate::model::{Model, Page};
use crate::output::{Collect, OutFile, Sink};
use docs::{Collector, Doc};
use stream::IndexWriter;

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
/// Content pages made into documents and indexed at a time (their documents' text and
/// elasticlunr's indexes are what the search stage holds beside the model).
const BATCH_PAGES: usize = 512;
/// Pages whose documents size the chunks (all of them on a site this small; evenly spread
/// over a larger one).
const SAMPLE_PAGES: usize = 512;

/// Add the search index to the site's files (the `/search/` page is rendered with the
/// other site pages).
pub fn add(model: &Model, index: &Index, out: &mut Vec<OutFile>, diags: &mut Diagnostics) {
    let files = Collect::default();
    write(model, index, &files, diags);
    out.extend(files.into_files());
}

/// Set, this environment variable makes a build print the time its search index took to
/// stderr (for `bench/search.sh` and `bench/search/compare.sh`). The build then makes the
/// index after the pages instead of beside them, and in memory before writing it, so the time
/// (wall and CPU) is the index's own, not the pages' or the disk's.
pub const TIMING: &str = "GUIDEPOST_SEARCH_TIMING";

/// Whether [`TIMING`] is set.
pub fn timing() -> bool {
    std::env::var_os(TIMING).is_some()
}

/// Write the search index into `sink` as it is built, a batch of pages at a time (with
/// [`TIMING`] set: built whole in memory, timed, then written).
pub fn write(model: &Model, index: &Index, sink: &dyn Sink, diags: &mut Diagnostics) {
    let (bytes, largest) = if timing() {
        let start = std::time::Instant::now();
        let cpu = crate::write::process_cpu();
        let files = Collect::default();
        let w = build(model, index, &files);
        let (bytes, nfiles, largest) = (w.bytes, w.files, w.largest_shard);
        let cpu = cpu
            .zip(crate::write::process_cpu())
            .map_or(String::new(), |(a, b)| {
                format!(", CPU {:.3} s", (b - a).as_secs_f64())
            });
        eprintln!(
            "search index: {bytes} bytes in {nfiles} files{cpu}, built in {:.3} s",
            start.elapsed().as_secs_f64()
        );
        for f in files.into_files() {
            sink.put(f);
        }
        (bytes, largest)
    } else {
        let w = build(model, index, sink);
        (w.bytes, w.largest_shard)
    };
    let (big, size) = largest;
    if size > LARGE_SHARD {
        let file: std::sync::Arc<str> = "site.yaml".into();
        diags.push(
            Diagnostic::warning(
                Span::file(&file),
                format!(
                    "search index part {big} is {} KB: a query that needs it loads it whole",
                    size / 1024
                ),
            )
            .hint(format!(
                "very common words make large parts; the index is {bytes} bytes in all"
            )),
        );
    }
}

/// Build the index into `sink`; the writer is returned for what it wrote.
fn build<'s>(model: &Model, index: &Index, sink: &'s dyn Sink) -> IndexWriter<'s> {
    let c = Collector::new(model, index);
    let guide = c.guide_docs();
    let pages = c.pages();
    let mut w = IndexWriter::new(sink, per_chunk(&c, &guide, &pages));
    let mut first = guide.len();
    let mut indexed = stream::index(0, guide);
    // Each batch of pages is made into documents and indexed while the batch before is
    // merged into the index (which is serial): both cores stay busy.
    for batch in pages.chunks(BATCH_PAGES) {
        let (_, next) = rayon::join(
            || w.merge(indexed),
            || {
                let docs: Vec<Doc> = batch.par_iter().flat_map_iter(|p| c.page_docs(p)).collect();
                let n = docs.len();
                (stream::index(first, docs), n)
            },
        );
        indexed = next.0;
        first += next.1;
    }
    w.merge(indexed);
    w.finish(model, index);
    w
}

/// Documents per chunk: from the rows of every guide document and of a sample of the pages'
/// (every page's on a small site), scaled to the number of page documents.
fn per_chunk(c: &Collector, guide: &[Doc], pages: &[&Page]) -> usize {
    let step = pages.len().div_ceil(SAMPLE_PAGES).max(1);
    let (sample_docs, sample_bytes) = pages
        .par_iter()
        .step_by(step)
        .map(|p| {
            let docs = c.page_docs(p);
            (
                docs.len(),
                docs.iter().map(encode::row_bytes).sum::<usize>(),
            )
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let page_docs: usize = pages.iter().map(|p| 1 + p.headings.len()).sum();
    let page_bytes = sample_bytes * page_docs / sample_docs.max(1);
    let guide_bytes: usize = guide.iter().map(encode::row_bytes).sum();
    encode::docs_per_chunk(guide_bytes + page_bytes, guide.len() + page_docs)
}

/// Is `path` one of the files [`write`] makes (not the `/search/` page)?
pub fn is_index_path(path: &str) -> bool {
    matches!(path, "search/meta.js" | "search/fold.js")
        || path.starts_with("search/t/")
        || path.starts_with("search/d/")
}

/// The index files (`search/meta.js`, `search/fold.js`, `search/t/*.js`, `search/d/*.js`)
/// of a site.
pub fn index_files(model: &Model, index: &Index) -> Vec<OutFile> {
    let mut files = Vec::new();
    add(model, index, &mut files, &mut Diagnostics::default());
    files
}
