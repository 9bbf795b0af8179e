//! Traditional → simplified folding of single characters, from OpenCC's `TSCharacters.txt`
//! (`src/search/data/`, Apache-2.0): `保證金` is indexed and searched as `保证金`.
//!
//! One table for both tokenizers: the index folds with [`fold_char`], and every build writes
//! the same table for the browser as `search/fold.js` ([`js`]), which search.js loads with
//! the index before it tokenizes a query.

use std::sync::LazyLock;

use super::encode::encode_set;

/// The OpenCC table, as published.
const TABLE: &str = include_str!("data/TSCharacters.txt");

/// Code points below this go through the dense array (the CJK blocks most text is in).
const DENSE_FROM: u32 = 0x3400;
const DENSE_TO: u32 = 0xa000;

/// The table, parsed once: a dense array for the common blocks, sorted pairs for the rest.
pub struct Folding {
    dense: Vec<u32>,
    pairs: Vec<(u32, u32)>,
}

static FOLDING: LazyLock<Folding> = LazyLock::new(|| Folding::new(&pairs()));

/// Every (traditional, simplified) pair, sorted by the traditional character: the first
/// candidate of each line, single characters only, chains resolved (so folding twice
/// changes nothing), lines whose first candidate is the character itself left out.
pub fn pairs() -> Vec<(u32, u32)> {
    let mut map = std::collections::BTreeMap::new();
    for line in TABLE.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((key, values)) = line.split_once('\t') else {
            continue;
        };
        let value = values.split(' ').next().unwrap_or_default();
        let (mut k, mut v) = (key.chars(), value.chars());
        if let (Some(k), None, Some(v), None) = (k.next(), k.next(), v.next(), v.next()) {
            if k != v {
                map.insert(k as u32, v as u32);
            }
        }
    }
    let resolved: Vec<(u32, u32)> = map
        .iter()
        .map(|(&k, &v)| {
            let mut to = v;
            for _ in 0..4 {
                match map.get(&to) {
                    Some(&next) if next != k => to = next,
                    _ => break,
                }
            }
            (k, to)
        })
        .collect();
    resolved
}

impl Folding {
    fn new(pairs: &[(u32, u32)]) -> Self {
        let mut dense: Vec<u32> = (DENSE_FROM..DENSE_TO).collect();
        let mut rest = Vec::new();
        for &(k, v) in pairs {
            if (DENSE_FROM..DENSE_TO).contains(&k) {
                dense[(k - DENSE_FROM) as usize] = v;
            } else {
                rest.push((k, v));
            }
        }
        Folding { dense, pairs: rest }
    }

    /// The simplified form of `c`, or `c`.
    pub fn get(&self, c: u32) -> u32 {
        if (DENSE_FROM..DENSE_TO).contains(&c) {
            return self.dense[(c - DENSE_FROM) as usize];
        }
        if c < 0x2e80 {
            return c;
        }
        match self.pairs.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => self.pairs[i].1,
            Err(_) => c,
        }
    }
}

/// The parsed table (built on first use).
pub fn folding() -> &'static Folding {
    &FOLDING
}

/// The simplified form of the character `c`, or `c` itself.
pub fn fold_char(c: u32) -> u32 {
    folding().get(c)
}

/// `search/fold.js`: the traditional characters as a document-number set (the encoding of
/// [`encode_set`], which search.js decodes) and their simplified forms as a string, in the
/// same order.
pub fn js() -> String {
    let pairs = pairs();
    let keys: Vec<u32> = pairs.iter().map(|p| p.0).collect();
    let values: String = pairs.iter().filter_map(|p| char::from_u32(p.1)).collect();
    format!(
        "guidepostSearch.f({},{});\n",
        serde_json::Value::from(encode_set(&keys)),
        serde_json::Value::from(values)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_folds_to_simplified_once() {
        let f = |s: &str| -> String {
            s.chars()
                .map(|c| char::from_u32(fold_char(c as u32)).unwrap())
                .collect()
        };
        assert_eq!(f("保證金"), "保证金");
        assert_eq!(f("閉包與迭代器"), "闭包与迭代器");
        assert_eq!(f("保证金 abc"), "保证金 abc");
        for (k, v) in pairs() {
            assert_eq!(fold_char(k), v);
            assert_eq!(fold_char(v), v, "{k:x} → {v:x} folds again");
        }
        assert!(pairs().len() > 3000, "the whole OpenCC table is read");
    }
}
