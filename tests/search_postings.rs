//! The search index's postings (`search::lunr::build`, counted directly) are exactly those of
//! elasticlunr-rs's `InvertedIndex` over the same documents and tokens, on the bundled site
//! and on a small generated one: every token, field, document and count.

use std::collections::BTreeMap;
use std::path::Path;

use elasticlunr::inverted_index::InvertedIndex;
use guidepost::search::docs::{collect, Doc};
use guidepost::search::lunr::{build, is_single_cjk, Posting};
use guidepost::search::tokenize::tokenize;

type Flat = BTreeMap<(String, usize), Vec<Posting>>;

/// The postings as elasticlunr's `Index::add_doc` makes them (tf = sqrt(count) per distinct
/// token; the body skips single CJK characters), read back with `get_docs`.
fn elasticlunr_postings(docs: &[Doc]) -> Flat {
    let mut fields: Vec<InvertedIndex> = (0..3).map(|_| InvertedIndex::new()).collect();
    let mut vocab: [std::collections::BTreeSet<String>; 3] = Default::default();
    for (n, doc) in docs.iter().enumerate() {
        let doc_ref = n.to_string();
        for (f, value) in [&doc.title, &doc.heads, &doc.body].into_iter().enumerate() {
            let mut count: BTreeMap<String, u32> = BTreeMap::new();
            for t in tokenize(value) {
                if f == 2 && is_single_cjk(&t) {
                    continue;
                }
                *count.entry(t).or_default() += 1;
            }
            for (t, c) in count {
                fields[f].add_token(&doc_ref, &t, f64::from(c).sqrt());
                vocab[f].insert(t);
            }
        }
    }
    let mut flat = Flat::new();
    for (f, words) in vocab.iter().enumerate() {
        for t in words {
            let mut list: Vec<Posting> = fields[f]
                .get_docs(t)
                .unwrap()
                .into_iter()
                .map(|(r, tf)| (r.parse().unwrap(), (tf * tf).round() as u32))
                .collect();
            list.sort_unstable();
            flat.insert((t.clone(), f), list);
        }
    }
    flat
}

fn ours(docs: &[Doc]) -> Flat {
    let mut flat = Flat::new();
    for (t, lists) in build(docs) {
        for (f, list) in lists.into_iter().enumerate() {
            if !list.is_empty() {
                flat.insert((t.clone(), f), list);
            }
        }
    }
    flat
}

fn docs_of(root: &Path) -> Vec<Doc> {
    let (model, index, _) = guidepost::build::load_checked(root).expect("the site loads");
    collect(&model, &index)
}

#[test]
fn bundled_site_postings_equal_elasticlunr() {
    let docs = docs_of(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(docs.len() > 200, "{} documents", docs.len());
    let want = elasticlunr_postings(&docs);
    let got = ours(&docs);
    assert!(want.len() > 5000, "{} token-fields", want.len());
    assert_eq!(got.len(), want.len());
    for (key, list) in &want {
        assert_eq!(
            got.get(key),
            Some(list),
            "token {:?} field {}",
            key.0,
            key.1
        );
    }
}

#[test]
fn postings_across_many_chunks_stay_in_document_order() {
    // More documents than one parallel chunk holds, with repeated words: the merge of the
    // chunks must keep documents ascending and counts exact.
    let docs: Vec<Doc> = (0..1000)
        .map(|i| Doc {
            url: format!("p{i}/"),
            title: format!("保证金 第{}页", i % 7),
            context: String::new(),
            heads: if i % 3 == 0 {
                "退还 保证金".into()
            } else {
                String::new()
            },
            body: "入驻 保证金 ".repeat(i % 5 + 1) + &format!("code{i}"),
            kind: "页面",
            platform: None,
            anchors: Vec::new(),
        })
        .collect();
    let want = elasticlunr_postings(&docs);
    assert_eq!(ours(&docs), want);
    let body = &want[&("保证".to_string(), 2)];
    assert_eq!(body.len(), 1000);
    assert_eq!(body[4], (4, 5));
    assert_eq!(want[&("code999".to_string(), 2)], vec![(999, 1)]);
}
