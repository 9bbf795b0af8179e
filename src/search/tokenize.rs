//! The one tokenizer of search, for the index (here) and for queries (its line-for-line twin
//! `tokenize` in `themes/default/static/search.js`; `tests/search.rs` runs both on the same
//! strings and requires the same tokens).
//!
//! Rules, applied to Unicode code points:
//! - full-width ASCII (`ＡＰＰ１０`) folds to ASCII, `A`–`Z` lowercases, a traditional
//!   character folds to its simplified form (`證` → `证`, OpenCC's table: [`super::fold`]);
//! - a run of CJK characters (Han, kana, Hangul) gives each character (unigram) and each
//!   adjacent pair (bigram), in text order; whitespace between two CJK characters does not
//!   break the run (`保 证金` = `保证金`), any other character does;
//! - a run of ASCII letters and digits is one word (`gmv`, `10w`); a word mixing letters and
//!   digits also gives its letter and digit parts (`10w` → `10w`, `10`, `w`);
//! - two words separated only by spaces also give their concatenation (`App ID` → `appid`),
//!   and two numbers joined by one of `-` `.` `~` `/` give the whole (`3-5`, `0.6`);
//! - words longer than [`MAX_WORD`] characters are dropped.
//!
//! The map zh-CN / zh-Hans / zh-TW → this one analyzer is deliberate: there is no
//! dictionary, so the browser needs nothing but this function.

/// Longest ASCII word kept (longer ones are hashes, ids, base64 …).
pub const MAX_WORD: usize = 32;

/// Is `c` a character of a CJK run?
pub fn is_cjk(c: u32) -> bool {
    (0x3040..=0x30ff).contains(&c)          // hiragana, katakana
        || (0x3400..=0x4dbf).contains(&c)   // CJK extension A
        || (0x4e00..=0x9fff).contains(&c)   // CJK unified ideographs
        || (0xac00..=0xd7af).contains(&c)   // Hangul syllables
        || (0xf900..=0xfaff).contains(&c)   // CJK compatibility ideographs
        || (0x20000..=0x3134f).contains(&c) // extensions B–G
}

/// Full-width ASCII to ASCII, ASCII upper case to lower case, traditional to simplified.
pub fn fold(c: u32) -> u32 {
    let c = fold_width_case(c);
    if c >= 0x2e80 {
        super::fold::fold_char(c)
    } else {
        c
    }
}

fn fold_width_case(c: u32) -> u32 {
    let c = if (0xff01..=0xff5e).contains(&c) {
        c - 0xfee0
    } else if c == 0x3000 {
        0x20
    } else {
        c
    };
    if (0x41..=0x5a).contains(&c) {
        c + 0x20
    } else {
        c
    }
}

fn is_alnum(c: u32) -> bool {
    (0x30..=0x39).contains(&c) || (0x61..=0x7a).contains(&c)
}

fn is_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}

fn is_space(c: u32) -> bool {
    c == 0x20 || (0x09..=0x0d).contains(&c) || c == 0xa0
}

fn is_num_joiner(c: u32) -> bool {
    c == 0x2d || c == 0x2e || c == 0x7e || c == 0x2f // - . ~ /
}

fn push_chars(out: &mut String, cs: &[u32]) {
    out.extend(cs.iter().filter_map(|&c| char::from_u32(c)));
}

/// The tokens of `s`, in text order, duplicates kept.
pub fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    scan(s, &mut |cs| {
        let mut t = String::with_capacity(cs.len() * 3);
        push_chars(&mut t, cs);
        out.push(t);
    });
    out
}

/// The same tokens appended to `arena`, each ending at the offset pushed to `ends`: no
/// allocation per token (the index builder's path; `tokenize` is this with a `Vec`).
pub fn tokenize_into(s: &str, arena: &mut String, ends: &mut Vec<usize>) {
    scan(s, &mut |cs| {
        push_chars(arena, cs);
        ends.push(arena.len());
    });
}

/// Find the tokens of `s`; `emit` gets each as folded code points.
fn scan(s: &str, emit: &mut impl FnMut(&[u32])) {
    let cs: Vec<u32> = s.chars().map(|c| fold(c as u32)).collect();
    // The previous ASCII word and what lay between it and here: (word, only spaces since?, joiner).
    let mut prev_word: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if is_cjk(c) {
            prev_word = None;
            let mut run: Vec<u32> = Vec::new();
            while i < cs.len() {
                if is_cjk(cs[i]) {
                    run.push(cs[i]);
                    i += 1;
                } else if is_space(cs[i]) {
                    let mut j = i;
                    while j < cs.len() && is_space(cs[j]) {
                        j += 1;
                    }
                    if j < cs.len() && is_cjk(cs[j]) {
                        i = j;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            for k in 0..run.len() {
                emit(&run[k..k + 1]);
                if k + 1 < run.len() {
                    emit(&run[k..k + 2]);
                }
            }
        } else if is_alnum(c) {
            let start = i;
            while i < cs.len() && is_alnum(cs[i]) {
                i += 1;
            }
            let word = &cs[start..i];
            if word.len() > MAX_WORD {
                prev_word = None;
                continue;
            }
            emit(word);
            let has_digit = word.iter().any(|&c| is_digit(c));
            let has_alpha = word.iter().any(|&c| !is_digit(c));
            if has_digit && has_alpha {
                let mut k = 0;
                while k < word.len() {
                    let d = is_digit(word[k]);
                    let s = k;
                    while k < word.len() && is_digit(word[k]) == d {
                        k += 1;
                    }
                    emit(&word[s..k]);
                }
            }
            if let Some((ps, pe)) = prev_word {
                let gap = &cs[pe..start];
                let prev = &cs[ps..pe];
                let all_digits = |w: &[u32]| w.iter().all(|&c| is_digit(c));
                if gap.iter().all(|&c| is_space(c)) {
                    let mut joined = prev.to_vec();
                    joined.extend_from_slice(word);
                    if joined.len() <= MAX_WORD {
                        emit(&joined);
                    }
                } else if gap.len() == 1
                    && is_num_joiner(gap[0])
                    && all_digits(prev)
                    && all_digits(word)
                {
                    emit(&cs[ps..i]);
                }
            }
            prev_word = Some((start, i));
        } else if is_space(c) {
            i += 1;
        } else {
            // Punctuation: a number joiner keeps the previous word for `3-5`; anything else
            // ends it.
            if !(is_num_joiner(c) && i + 1 < cs.len() && is_digit(cs[i + 1])) {
                prev_word = None;
            }
            i += 1;
        }
    }
}

/// The tokens a query looks up (search.js `queryTokens`): each distinct token once, in text
/// order, less a single CJK character that a pair of the same text covers (the body keeps
/// pairs only). Also the length of a title, for ranking a shorter title first.
pub fn query_tokens(s: &str) -> Vec<String> {
    let all = tokenize(s);
    let mut covered = std::collections::HashSet::new();
    for t in &all {
        let mut cs = t.chars();
        if let (Some(a), Some(b), None) = (cs.next(), cs.next(), cs.next()) {
            if is_cjk(a as u32) {
                covered.insert(a);
                covered.insert(b);
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    all.into_iter()
        .filter(|t| {
            let mut cs = t.chars();
            let single = match (cs.next(), cs.next()) {
                (Some(c), None) if is_cjk(c as u32) => Some(c),
                _ => None,
            };
            !single.is_some_and(|c| covered.contains(&c)) && seen.insert(t.clone())
        })
        .collect()
}

/// FNV-1a over code points: which shard a token lives in. search.js computes the same.
pub fn hash(token: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for c in token.chars() {
        h ^= c as u32;
        h = h.wrapping_mul(16_777_619);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_gives_unigrams_and_bigrams() {
        assert_eq!(tokenize("保证金"), ["保", "保证", "证", "证金", "金"]);
        assert_eq!(tokenize("保 证金"), tokenize("保证金"));
        assert_eq!(tokenize("保，证"), ["保", "证"]);
        assert_eq!(tokenize("保證 金"), tokenize("保证金"));
        assert_eq!(query_tokens("保证金保证"), ["保证", "证金", "金保"]);
        assert_eq!(query_tokens("闭"), ["闭"]);
    }

    #[test]
    fn mixed_words_and_numbers() {
        assert_eq!(tokenize("App ID"), ["app", "id", "appid"]);
        assert_eq!(tokenize("ＧＭＶ 10w"), ["gmv", "10w", "10", "w", "gmv10w"]);
        assert_eq!(tokenize("3-5 个工作日")[..3], ["3", "5", "3-5"]);
        assert_eq!(tokenize("a-b"), ["a", "b"]);
    }
}
