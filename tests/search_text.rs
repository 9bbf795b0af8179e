//! Search indexes what readers see: a link written without text (`[](@id)`) as the title the
//! page shows for it, and a rule with the shared requirements its row names. Checked on the
//! bundled site's index files, as the browser reads them.

use std::collections::BTreeMap;
use std::path::Path;

use guidepost::search::tokenize::hash;
use serde_json::Value;

struct Index {
    /// Every document's row: URL, title, context, kind, platform, snippet text.
    docs: Vec<Value>,
    shards: BTreeMap<u32, Value>,
    nshards: u32,
}

/// The bundled site's search index, from its rendered files.
fn bundled() -> Index {
    let site = guidepost::build::render_site(Path::new(env!("CARGO_MANIFEST_DIR")), None)
        .expect("the bundled site renders");
    let files: BTreeMap<String, String> = site
        .files
        .into_iter()
        .filter(|f| f.path.starts_with("search/"))
        .map(|f| (f.path, String::from_utf8(f.bytes).unwrap()))
        .collect();
    let nshards = payload(&files["search/meta.js"])["shards"]
        .as_u64()
        .unwrap() as u32;
    let mut docs = Vec::new();
    for n in 0.. {
        let Some(js) = files.get(&format!("search/d/{n}.js")) else {
            break;
        };
        docs.extend(payload(js).as_array().unwrap().iter().cloned());
    }
    let shards = (0..nshards)
        .map(|n| (n, payload(&files[&format!("search/t/{n}.js")])))
        .collect();
    Index {
        docs,
        shards,
        nshards,
    }
}

impl Index {
    fn doc(&self, url: &str) -> &Value {
        self.docs
            .iter()
            .find(|d| d[0] == url)
            .unwrap_or_else(|| panic!("no document for {url}"))
    }

    fn snippet(&self, url: &str) -> &str {
        self.doc(url)[5].as_str().unwrap()
    }

    /// The URLs of the documents whose body has `token`.
    fn body_matches(&self, token: &str) -> Vec<&str> {
        let sets = &self.shards[&(hash(token) % self.nshards)][token];
        let body = sets.get(2).and_then(Value::as_str).unwrap_or_default();
        decode_set(body)
            .into_iter()
            .map(|d| self.docs[d as usize][0].as_str().unwrap())
            .collect()
    }
}

#[test]
fn an_empty_link_is_indexed_and_shown_as_its_title() {
    let idx = bundled();
    // approval.yaml: 具体操作见[](@xp-partner-onboarding/submit-basic-info)。 — the flow page
    // shows the step's title with its flow's.
    let step = "xhs-partner/xp-approval/#submit-basic-info";
    let shown = "具体操作见合作伙伴平台入驻操作（效果代理商七个阶段）：提交基本信息申请表（支持电脑 / 手机）。";
    assert!(
        idx.snippet(step).contains(shown),
        "snippet of {step}: {}",
        idx.snippet(step)
    );
    // The title's words find the step: 七个阶段 is in no other text of it.
    assert!(idx.body_matches("七个").contains(&step));
    // No snippet reads 见。 or 见） where the page shows a title.
    for d in &idx.docs {
        let text = d[5].as_str().unwrap();
        for bare in ["见。", "见）", "见 。", "见[]", "：；"] {
            assert!(!text.contains(bare), "{} shows {bare:?}: {text}", d[0]);
        }
    }
}

#[test]
fn a_rule_reads_as_its_row_and_is_found_by_its_shared_requirement() {
    let idx = bundled();
    // rules.yaml of channels-shop: 钟表类 has only notes and the shared requirement
    // wx-req-restricted; its row reads 须满足「定向准入类目的共同要求」.
    let watches = "channels-shop/rules/#wx-rule-watches";
    let snippet = idx.snippet(watches);
    assert!(
        snippet.starts_with("须满足「定向准入类目的共同要求」 专项答疑："),
        "{snippet}"
    );
    let jewelry = idx.snippet("channels-shop/rules/#wx-rule-jewelry");
    assert!(
        jewelry.starts_with("须满足「定向准入类目的共同要求」，另外：以往经营平台材料"),
        "{jewelry}"
    );
    // 每个类目单独申请 is written once, under shared: — every category that names it is found.
    let found = idx.body_matches("单独");
    for id in ["wx-rule-jewelry", "wx-rule-watches", "wx-rule-liquor"] {
        let url = format!("channels-shop/rules/#{id}");
        assert!(found.contains(&url.as_str()), "{url} not in {found:?}");
    }
}

/// The JSON argument of `guidepostSearch.x(…)` (the last argument).
fn payload(js: &str) -> Value {
    let open = js.find('(').unwrap();
    let inner = &js[open + 1..js.rfind(')').unwrap()];
    let arg = match inner.find(',') {
        Some(i) if inner[..i].bytes().all(|b| b.is_ascii_digit()) => &inner[i + 1..],
        _ => inner,
    };
    serde_json::from_str(arg).unwrap()
}

/// A document set as search.js `decodeSet` reads it: base-64 varint gaps, or `~` and a bitmap.
fn decode_set(s: &str) -> Vec<u32> {
    const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let val = |c: char| B64.find(c).unwrap() as u32;
    let mut out = Vec::new();
    if let Some(bits) = s.strip_prefix('~') {
        for (i, c) in bits.chars().enumerate() {
            out.extend(
                (0..6)
                    .filter(|b| val(c) & (1 << b) != 0)
                    .map(|b| i as u32 * 6 + b),
            );
        }
        return out;
    }
    let (mut prev, mut v, mut shift) = (-1i64, 0i64, 0);
    for c in s.chars() {
        let x = val(c);
        v += i64::from(x & 31) << shift;
        if x & 32 != 0 {
            shift += 5;
            continue;
        }
        prev += v;
        out.push(prev as u32);
        (v, shift) = (0, 0);
    }
    out
}
