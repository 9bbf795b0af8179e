//! The inverted index: for every token, the documents of each field (title, heads, body) that
//! hold it and how often, through the one tokenizer the browser shares.
//!
//! These are the postings elasticlunr's `InvertedIndex` holds (the browser's scoring follows
//! elasticlunr.js), counted directly: elasticlunr-rs's trie allocated a map node per character
//! and a `String` per posting, then copied every posting out again, which made the index the
//! part of a build that grew faster than the site (glibc's allocator slows down as the heap of
//! a large build grows). `tests/search_postings.rs` checks these postings against
//! elasticlunr-rs's on the bundled site. Chunks of documents are counted in parallel and
//! merged in document order; the result is deterministic.

use std::collections::HashMap;

use rayon::prelude::*;

use super::docs::Doc;
use super::tokenize::tokenize_into;

/// The fields of a document, in posting order.
pub const FIELDS: [&str; 3] = ["title", "heads", "body"];

/// One posting: document number and how often the token occurs in the field.
pub type Posting = (u32, u32);

/// Token → postings per field (title, heads, body), documents ascending.
pub type Postings = HashMap<String, [Vec<Posting>; 3], FastBuild>;

/// Index `docs` and return every token's postings.
pub fn build(docs: &[Doc]) -> Postings {
    let parts: Vec<Vec<(String, usize, Vec<Posting>)>> = docs
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(i, chunk)| index_chunk(i * CHUNK, chunk))
        .collect();
    let mut all: Postings = HashMap::default();
    for part in parts {
        for (token, f, list) in part {
            match all.get_mut(token.as_str()) {
                Some(entry) => entry[f].extend(list),
                None => {
                    let mut entry: [Vec<Posting>; 3] = Default::default();
                    entry[f] = list;
                    all.insert(token, entry);
                }
            }
        }
    }
    all
}

/// Documents counted per parallel task: enough that merging the parts stays cheap.
const CHUNK: usize = 256;

/// Count the tokens of `docs` (numbered from `first`): each token of each field with its
/// postings, documents ascending.
fn index_chunk(first: usize, docs: &[Doc]) -> Vec<(String, usize, Vec<Posting>)> {
    // Every token of a document in one arena (the tokenizer's allocation-free path).
    let mut arena = String::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut lists: [FastMap<String, Vec<Posting>>; 3] = Default::default();
    for (k, doc) in docs.iter().enumerate() {
        let n = (first + k) as u32;
        for (f, value) in [&doc.title, &doc.heads, &doc.body].into_iter().enumerate() {
            arena.clear();
            ends.clear();
            tokenize_into(value, &mut arena, &mut ends);
            let mut freq: FastMap<&str, u32> = FastMap::default();
            let mut from = 0;
            for &to in &ends {
                let t = &arena[from..to];
                from = to;
                // Body text keeps CJK pairs, not single characters: a one-character query
                // looks at titles and headings only (see search.js `queryTokens`).
                if f == BODY && is_single_cjk(t) {
                    continue;
                }
                *freq.entry(t).or_insert(0) += 1;
            }
            for (&t, &count) in &freq {
                match lists[f].get_mut(t) {
                    Some(list) => list.push((n, count)),
                    None => {
                        lists[f].insert(t.to_string(), vec![(n, count)]);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for (f, field) in lists.into_iter().enumerate() {
        out.extend(field.into_iter().map(|(t, list)| (t, f, list)));
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
