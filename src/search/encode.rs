//! The index as files a browser loads with `<script>` (so it works from file://), split so a
//! query fetches only what it needs:
//!
//! - `search/meta.js`: counts, shard count, kinds and platforms (a few hundred bytes);
//! - `search/t/<n>.js`: the tokens whose [`hash`] falls in shard `n`, each with its
//!   postings per field as compact strings (see [`encode_set`]) and, for the documents it
//!   matches by title, the length of each title (see [`encode_tokens`]);
//! - `search/d/<n>.js`: [`docs_per_chunk`] documents each: URL (with the anchor of a page
//!   section), title, context, kind, platform, the start of the text for the snippet.
//!
//! Every file calls a function of `window.guidepostSearch` (search.js) with its part.

use serde_json::{json, Value};

use super::docs::Doc;
use super::tokenize::{hash, query_tokens};

/// Documents per metadata chunk, for documents whose rows take `bytes` in all: chunks of
/// about `bytes / CHUNKS` (a small site's first query loads a few small chunks, where most
/// documents of a large chunk are bytes for nothing) but at most [`CHUNK_BYTES`] (a large
/// site's chunks stay few enough to write, and the sections of one page — neighbours in the
/// index, often found together — share one), at least 2 and at most 16 documents. A result
/// page loads the chunks of the results it shows: a chunk is a request.
pub fn docs_per_chunk(bytes: usize, docs: usize) -> usize {
    let avg = bytes / docs.max(1);
    let target = (bytes / CHUNKS).clamp(MIN_CHUNK_BYTES, CHUNK_BYTES);
    (target / avg.max(1)).clamp(2, 16)
}
/// About how many chunks a small site's documents make …
const CHUNKS: usize = 96;
/// … with chunks of at least this many bytes …
const MIN_CHUNK_BYTES: usize = 1024;
/// … and at most this many.
const CHUNK_BYTES: usize = 6 * 1024;
/// Characters of body text kept for the snippet.
pub const SNIPPET_CHARS: usize = 240;
/// Longest title length written (titles longer rank as this long).
pub const MAX_TITLE_LEN: usize = 63;
/// Aim for shards of about this many bytes on a large site (fewer files to write) …
const SHARD_TARGET: usize = 24 * 1024;
/// … and of this many on a small one, up to `SMALL_SHARDS` shards (a query loads less).
const SMALL_SHARD: usize = 2 * 1024;
const SMALL_SHARDS: usize = 128;
const MAX_SHARDS: usize = 4096;
/// A body posting with at least this many occurrences counts as a strong match.
pub const STRONG: u32 = 3;

pub const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A sorted set of document numbers as text: either gaps as little-endian base-64 varints
/// (5 bits a character, 32 = more follows; the first gap is from -1), or, when shorter, `~`
/// and a bitmap (6 documents a character). search.js `decodeSet` reads both.
pub fn encode_set(ids: &[u32]) -> String {
    let mut gaps = String::new();
    let mut prev: i64 = -1;
    for &id in ids {
        let mut v = (i64::from(id) - prev) as u64;
        prev = i64::from(id);
        loop {
            let low = (v & 31) as usize;
            v >>= 5;
            if v == 0 {
                gaps.push(B64[low] as char);
                break;
            }
            gaps.push(B64[low | 32] as char);
        }
    }
    let Some(&max) = ids.last() else {
        return gaps;
    };
    let bitmap_len = 1 + max as usize / 6 + 1;
    if bitmap_len >= gaps.len() {
        return gaps;
    }
    let mut bits = vec![0u8; max as usize / 6 + 1];
    for &id in ids {
        bits[id as usize / 6] |= 1 << (id % 6);
    }
    let mut out = String::with_capacity(bitmap_len);
    out.push('~');
    out.extend(bits.iter().map(|&b| B64[b as usize] as char));
    out
}

/// How many shards for postings of `bytes` encoded bytes: a power of two.
pub fn shard_count(bytes: usize) -> usize {
    (bytes / SHARD_TARGET)
        .max((bytes / SMALL_SHARD).min(SMALL_SHARDS))
        .max(1)
        .next_power_of_two()
        .min(MAX_SHARDS)
}

/// How long a document's title is, in query tokens (see [`query_tokens`]): 1 for a title a
/// query can match exactly.
pub fn title_length(d: &Doc) -> u8 {
    query_tokens(d.fields()[0]).len().clamp(1, MAX_TITLE_LEN) as u8
}

/// The encoded size of tokens and their sets, about as they are written in shards.
pub fn tokens_bytes(tokens: &[(String, Vec<String>)]) -> usize {
    tokens
        .iter()
        .map(|(t, s)| t.len() + s.iter().map(|x| x.len() + 3).sum::<usize>() + 6)
        .sum()
}

/// The shard files' contents, shard `n` at position `n`.
pub fn shards(tokens: &[(String, Vec<String>)], count: usize) -> Vec<String> {
    let mut parts: Vec<serde_json::Map<String, Value>> = vec![Default::default(); count];
    for (token, sets) in tokens {
        let n = hash(token) as usize % count;
        parts[n].insert(token.clone(), json!(sets));
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(n, m)| format!("guidepostSearch.t({n},{});\n", Value::Object(m)))
        .collect()
}

/// The first `SNIPPET_CHARS` characters of `s`, cut at a character boundary.
fn snippet(s: &str) -> &str {
    match s.char_indices().nth(SNIPPET_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The content of document chunk `n`, from the rows of its documents (see [`row`]).
pub fn chunk_file(n: usize, rows: &[String]) -> String {
    let mut out = format!("guidepostSearch.d({n},[");
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r);
    }
    out.push_str("]);\n");
    out
}

/// A document as search.js reads it: URL, title, context, kind, platform, snippet text (the
/// body's, or the headings' when there is no body: a flow's checklist lists its materials).
pub fn row(d: &Doc, kinds: &[&str]) -> String {
    let kind = kinds.iter().position(|k| *k == d.kind).unwrap_or(0);
    let platform = d.platform.map_or(-1, |p| p as i64);
    let row = json!([
        d.url,
        d.title,
        d.context,
        kind,
        platform,
        snippet(shown_text(d))
    ]);
    row.to_string()
}

fn shown_text(d: &Doc) -> &str {
    if d.body.is_empty() && !d.section {
        &d.heads
    } else {
        &d.body
    }
}

/// About how many bytes a document takes in its chunk.
pub fn row_bytes(d: &Doc) -> usize {
    let text = shown_text(d).len().min(SNIPPET_CHARS * 3);
    d.url.len() + d.title.len() + d.context.len() + text + 16
}

#[cfg(test)]
mod tests {
    use super::docs_per_chunk;

    #[test]
    fn small_sites_get_small_chunks_large_sites_larger_ones() {
        // The bundled site: 407 documents of about 440 bytes.
        assert_eq!(docs_per_chunk(407 * 440, 407), 4);
        // 10,000 generated pages: 73,000 documents of about 470 bytes.
        assert_eq!(docs_per_chunk(73_000 * 470, 73_000), 13);
        // Never fewer than 2 documents, nor more than 16.
        assert_eq!(docs_per_chunk(20 * 3000, 20), 2);
        assert_eq!(docs_per_chunk(100_000 * 100, 100_000), 16);
        assert_eq!(docs_per_chunk(0, 0), 16);
    }
}
