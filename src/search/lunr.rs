//! Build the inverted index with elasticlunr-rs, then read its postings back.
//!
//! elasticlunr-rs does the indexing: its `InvertedIndex` per field (title, heads, body),
//! its `DocumentStore` for field lengths, and a [`Language`] whose tokenizer is ours, so the
//! browser's tokenizer and the index's agree by construction (elasticlunr's own `zh` uses
//! jieba at build time only). Chunks of documents are indexed in parallel and their
//! postings merged in document order; the result is deterministic.

use std::collections::{HashMap, HashSet};

use elasticlunr::document_store::DocumentStore;
use elasticlunr::inverted_index::InvertedIndex;
use elasticlunr::{Language, Pipeline};
use rayon::prelude::*;

use super::docs::Doc;
use super::tokenize::tokenize;

/// The fields of a document, in posting order.
pub const FIELDS: [&str; 3] = ["title", "heads", "body"];

/// Documents indexed per parallel task.
const CHUNK: usize = 32;

/// Our analyzer, for elasticlunr-rs: the shared tokenizer, an empty pipeline (no stemming,
/// no stop words: a two-character query must find its bigram).
pub struct Analyzer;

impl Language for Analyzer {
    fn name(&self) -> String {
        "Guidepost".into()
    }
    fn code(&self) -> String {
        "zh".into()
    }
    fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize(text)
    }
    fn make_pipeline(&self) -> Pipeline {
        Pipeline { queue: Vec::new() }
    }
}

/// One posting: document number and how often the token occurs in the field.
pub type Posting = (u32, u32);

/// Token → postings per field (title, heads, body), documents ascending.
pub type Postings = HashMap<String, [Vec<Posting>; 3]>;

/// Index `docs` and return every token's postings.
pub fn build(docs: &[Doc]) -> Postings {
    let parts: Vec<Postings> = docs
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(i, chunk)| index_chunk(i * CHUNK, chunk))
        .collect();
    let mut all: Postings = HashMap::new();
    for part in parts {
        for (token, lists) in part {
            let entry = all.entry(token).or_default();
            for (dst, src) in entry.iter_mut().zip(lists) {
                dst.extend(src);
            }
        }
    }
    all
}

fn index_chunk(first: usize, docs: &[Doc]) -> Postings {
    let lang = Analyzer;
    let pipeline = lang.make_pipeline();
    let mut fields: Vec<InvertedIndex> = FIELDS.iter().map(|_| InvertedIndex::new()).collect();
    let mut store = DocumentStore::new(false);
    let mut vocab: [HashSet<String>; 3] = Default::default();
    let mut freq: HashMap<String, u32> = HashMap::new();
    for (k, doc) in docs.iter().enumerate() {
        let doc_ref = (first + k).to_string();
        for (f, value) in [&doc.title, &doc.heads, &doc.body].into_iter().enumerate() {
            // As elasticlunr's `Index::add_doc`: tokens through the pipeline, the field
            // length, then each distinct token with tf = sqrt(count).
            let tokens = pipeline.run(lang.tokenize(value));
            store.add_field_length(&doc_ref, FIELDS[f], tokens.len());
            freq.clear();
            for t in tokens {
                // Body text keeps CJK pairs, not single characters: a one-character query
                // looks at titles and headings only (see search.js `queryTokens`).
                if f == BODY && is_single_cjk(&t) {
                    continue;
                }
                *freq.entry(t).or_insert(0) += 1;
            }
            for (token, &count) in &freq {
                fields[f].add_token(&doc_ref, token, f64::from(count).sqrt());
                if !vocab[f].contains(token) {
                    vocab[f].insert(token.clone());
                }
            }
        }
        store.add_doc(&doc_ref, Default::default());
    }
    let mut out: Postings = HashMap::new();
    for (f, words) in vocab.iter().enumerate() {
        for token in words {
            let Some(found) = fields[f].get_docs(token) else {
                continue;
            };
            let mut list: Vec<Posting> = found
                .into_iter()
                .filter_map(|(r, tf)| Some((r.parse().ok()?, (tf * tf).round() as u32)))
                .collect();
            list.sort_unstable();
            out.entry(token.clone()).or_default()[f] = list;
        }
    }
    out
}

const BODY: usize = 2;

/// One CJK character: a unigram.
pub fn is_single_cjk(token: &str) -> bool {
    let mut cs = token.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if super::tokenize::is_cjk(c as u32))
}
