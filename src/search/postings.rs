//! Every token's postings, encoded as the documents arrive (in ascending order, a batch at a
//! time), so the index holds its final compact form — a few bytes a posting — instead of
//! every document's text or a list of numbers per token. See [`encode_set`] for the format.

use std::collections::HashMap;

use super::encode::{encode_set, B64, STRONG};
use super::lunr::{FastBuild, Posting, TokenPostings};

/// A sorted set of document numbers, appended in ascending order as base-64 varint gaps.
#[derive(Default)]
struct Set {
    gaps: String,
    /// One past the last number added (0: none yet).
    next: u32,
}

impl Set {
    fn push(&mut self, id: u32) {
        debug_assert!(id >= self.next, "documents arrive in ascending order");
        let mut v = u64::from(id) + 1 - u64::from(self.next);
        self.next = id + 1;
        loop {
            let low = (v & 31) as usize;
            v >>= 5;
            if v == 0 {
                self.gaps.push(B64[low] as char);
                return;
            }
            self.gaps.push(B64[low | 32] as char);
        }
    }

    /// The set as [`encode_set`] writes it: the gaps, or the bitmap when that is shorter.
    fn finish(self) -> String {
        if self.next == 0 {
            return self.gaps;
        }
        let max = (self.next - 1) as usize;
        if 1 + max / 6 + 1 >= self.gaps.len() {
            return self.gaps;
        }
        encode_set(&decode_gaps(&self.gaps))
    }
}

/// The numbers of a gap-encoded set.
fn decode_gaps(gaps: &str) -> Vec<u32> {
    let mut ids = Vec::new();
    let (mut prev, mut v, mut shift) = (-1i64, 0i64, 0);
    for c in gaps.bytes() {
        let d = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            _ => 63,
        } as i64;
        v |= (d & 31) << shift;
        shift += 5;
        if d & 32 == 0 {
            prev += v;
            ids.push(prev as u32);
            (v, shift) = (0, 0);
        }
    }
    ids
}

/// One token: title, heads, body and strong-body sets, and the title length of each document
/// of its title set (one base-64 digit each, in the set's order).
#[derive(Default)]
struct Entry {
    sets: [Set; 4],
    lens: String,
}

/// Every token's encoded postings so far.
#[derive(Default)]
pub struct Postings {
    tokens: HashMap<String, Entry, FastBuild>,
}

impl Postings {
    /// Add the postings of one indexed chunk. Chunks must come in document order; `title_len`
    /// holds the length of every document's title so far, in query tokens.
    pub fn add(&mut self, chunk: TokenPostings, title_len: &[u8]) {
        for (token, field, list) in chunk {
            let entry = match self.tokens.get_mut(token.as_str()) {
                Some(e) => e,
                None => self.tokens.entry(token).or_default(),
            };
            add_field(entry, field, &list, title_len);
        }
    }

    /// Every token with its sets `[title, heads, body, strong body, title lengths]`, trailing
    /// empty ones dropped, sorted by token. The title lengths let search.js rank an exact or
    /// shorter title match first.
    pub fn finish(self) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = self
            .tokens
            .into_iter()
            .map(|(token, e)| {
                let mut sets: Vec<String> = e.sets.into_iter().map(Set::finish).collect();
                sets.push(e.lens);
                while sets.last().is_some_and(String::is_empty) {
                    sets.pop();
                }
                (token, sets)
            })
            .collect();
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        out
    }
}

fn add_field(entry: &mut Entry, field: usize, list: &[Posting], title_len: &[u8]) {
    for &(doc, tf) in list {
        entry.sets[field].push(doc);
        match field {
            0 => entry
                .lens
                .push(B64[usize::from(title_len[doc as usize])] as char),
            2 if tf >= STRONG => entry.sets[3].push(doc),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{decode_gaps, Set};
    use crate::search::encode::encode_set;

    #[test]
    fn sets_built_a_number_at_a_time_encode_as_a_whole() {
        let cases: [&[u32]; 5] = [
            &[],
            &[0],
            &[3, 40, 1000, 70_000],
            &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            &[
                5, 6, 7, 9, 10, 11, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
            ],
        ];
        for ids in cases {
            let mut set = Set::default();
            for &id in ids {
                set.push(id);
            }
            assert_eq!(decode_gaps(&set.gaps), ids);
            assert_eq!(set.finish(), encode_set(ids), "{ids:?}");
        }
    }
}
