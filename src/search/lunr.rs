//! Build the inverted index with elasticlunr-rs, then read its postings back.
//!
//! elasticlunr-rs does the indexing: its `InvertedIndex` per field (title, heads, body) and a
//! [`Language`] whose tokenizer is ours, so the
//! browser's tokenizer and the index's agree by construction (elasticlunr's own `zh` uses
//! jieba at build time only). Chunks of [`CHUNK`] documents are indexed in parallel and
//! their postings merged in document order ([`super::postings`]); the result is
//! deterministic.

use std::collections::HashMap;

use elasticlunr::inverted_index::InvertedIndex;
use elasticlunr::{Language, Pipeline};

use super::docs::Doc;
use super::tokenize::{tokenize, tokenize_into};

/// The fields of a document, in posting order.
pub const FIELDS: [&str; 3] = ["title", "heads", "body"];

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

/// What one chunk of documents adds: each token with its field (index into [`FIELDS`]) and
/// its postings there, documents ascending.
pub type TokenPostings = Vec<(String, usize, Vec<Posting>)>;

/// Documents indexed per elasticlunr index: small, so elasticlunr's trie stays in cache
/// while it is built (one index over thousands of documents is several times slower), and
/// chunks can run in parallel.
pub const CHUNK: usize = 32;

/// Index `docs` (at most [`CHUNK`], numbered from `first`) into one elasticlunr
/// `InvertedIndex` per field, and read every token's postings back ([`super::trie`]). Field
/// lengths are not kept (elasticlunr's `DocumentStore`): nothing reads them.
pub fn index_chunk(first: usize, docs: &[Doc]) -> TokenPostings {
    // Every token of the chunk in one arena (the tokenizer's allocation-free path): per
    // document and field, the range of its tokens in `ends`.
    let mut arena = String::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut spans: Vec<[(usize, usize); 3]> = Vec::with_capacity(docs.len());
    for doc in docs {
        let mut span = [(0, 0); 3];
        for (f, value) in doc.fields().into_iter().enumerate() {
            let from = ends.len();
            tokenize_into(value, &mut arena, &mut ends);
            span[f] = (from, ends.len());
        }
        spans.push(span);
    }
    let token = |i: usize| &arena[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
    let mut fields: Vec<InvertedIndex> = FIELDS.iter().map(|_| InvertedIndex::new()).collect();
    let mut freq: FastMap<&str, u32> = FastMap::default();
    for (k, span) in spans.iter().enumerate() {
        // The document's place in the chunk: a short reference is cheaper to store and
        // compare in elasticlunr's maps than its number in the site.
        let doc_ref = k.to_string();
        for (f, &(from, to)) in span.iter().enumerate() {
            // As elasticlunr's `Index::add_doc`: each distinct token with tf = sqrt(count).
            // The pipeline is empty (see `Analyzer`).
            freq.clear();
            for t in (from..to).map(token) {
                // Body text keeps CJK pairs, not single characters: a one-character query
                // looks at titles and headings only (see search.js `queryTokens`).
                if f == BODY && is_single_cjk(t) {
                    continue;
                }
                *freq.entry(t).or_insert(0) += 1;
            }
            for (&t, &count) in &freq {
                fields[f].add_token(&doc_ref, t, f64::from(count).sqrt());
            }
        }
    }
    let mut out = Vec::new();
    for (f, field) in fields.iter().enumerate() {
        let read = super::trie::postings(field, first as u32);
        out.extend(read.into_iter().map(|(token, list)| (token, f, list)));
    }
    out
}

const BODY: usize = 2;

/// One CJK character: a unigram.
pub fn is_single_cjk(token: &str) -> bool {
    let mut cs = token.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if super::tokenize::is_cjk(c as u32))
}

/// FNV-style hashing for tokens (std's SipHash is built for hostile input; the tokens of
/// the site's own text are not).
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

pub type FastBuild = std::hash::BuildHasherDefault<FastHasher>;
type FastMap<K, V> = HashMap<K, V, FastBuild>;
