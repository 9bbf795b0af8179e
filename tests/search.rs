//! Search: the tokenizer (and its JavaScript twin), what the index holds, how it is sharded,
//! and that it is byte-identical from one build to the next.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::{snapshot, Site};
use guidepost::search::encode::encode_set;
use guidepost::search::tokenize::{hash, tokenize};
use serde_json::Value;

/// Strings both tokenizers must split the same way.
const SAMPLES: &[&str] = &[
    "保证金怎么交？",
    "保证金怎么交",
    "  保证金，，怎么 交？ ",
    "商标授权书",
    "法大大认证",
    "报备函盖章",
    "个体户能入驻吗",
    "App ID",
    "AppID",
    "appid 是什么",
    "10w",
    "GMV 超过 10w",
    "3-5 个工作日",
    "3 - 5 个工作日",
    "0.6% 技术服务费",
    "2026/11/24",
    "１０ｗ　ＡＰＰ",
    "效果代理商线上入驻审批流程（Partner 入驻申请）",
    "e-mail: partner_service@xiaohongshu.com",
    "<img src=x onerror=alert(1)>",
    "ひらがなカタカナ 한국어",
    "𠀀𠀁 rare ideographs",
    "Open API 提交资质（1918）",
    "averyveryveryveryveryveryverylongwordthatisdropped ok",
    "a b c d",
    "",
    "！？。、",
    "Ｈello　世界",
    "保證金怎麼交",
    "閉包與迭代器",
    "後臺審覈 App 帳號",
];

#[test]
fn tokenizer_splits_chinese_mixed_and_numbers() {
    assert_eq!(tokenize("法大大"), ["法", "法大", "大", "大大", "大"]);
    assert_eq!(tokenize("个体户 能"), tokenize("个体户能"));
    assert_eq!(tokenize("App ID"), ["app", "id", "appid"]);
    assert!(tokenize("AppID").contains(&"appid".to_string()));
    assert_eq!(tokenize("10w"), ["10w", "10", "w"]);
    let t = tokenize("3-5 个工作日");
    assert!(t.contains(&"3-5".to_string()), "{t:?}");
    assert!(t.contains(&"工作".to_string()), "{t:?}");
    assert_eq!(tokenize("１０ｗ"), tokenize("10W"));
    assert_eq!(tokenize("！？。、"), Vec::<String>::new());
    assert!(
        tokenize(&"x".repeat(40)).is_empty(),
        "over-long words are dropped"
    );
}

/// The JavaScript tokenizer, run by node on `samples` (search.js with a stub DOM, and the
/// folding table the build writes as `search/fold.js`).
fn js_tokens(samples: &[&str]) -> Vec<Vec<String>> {
    let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search.js");
    let script = r#"
const fs = require("fs"), vm = require("vm");
const noop = () => {};
const document = { currentScript: { src: "http://x/assets/search.js" }, addEventListener: noop,
  querySelectorAll: () => [], querySelector: () => null, getElementById: () => null };
const window = {};
const ctx = { window, document, location: { href: "http://x/", protocol: "http:", search: "" },
  URL, URLSearchParams, Promise, Math, String, Array, Object };
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), ctx);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
ctx.guidepostSearch = window.guidepostSearch;
vm.runInContext(input.fold, ctx);
const samples = input.samples;
process.stdout.write(JSON.stringify(samples.map((s) => Array.from(window.guidepostSearch.tokenize(s)))));
"#;
    let mut child = Command::new("node")
        .arg("-e")
        .arg(script)
        .arg(&js)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("node must be installed to compare the tokenizers (scripts/setup installs it)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            serde_json::json!({ "fold": guidepost::search::fold::js(), "samples": samples })
                .to_string()
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "node failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn browser_and_index_tokenizers_agree() {
    let js = js_tokens(SAMPLES);
    for (s, js) in SAMPLES.iter().zip(js) {
        assert_eq!(tokenize(s), js, "tokens of {s:?}");
    }
}

#[test]
fn browser_and_index_fold_every_traditional_character_alike() {
    // Every character of the table, in runs both sides must fold, pair and split alike.
    let pairs = guidepost::search::fold::pairs();
    let traditional: String = pairs.iter().filter_map(|p| char::from_u32(p.0)).collect();
    let simplified: String = pairs.iter().filter_map(|p| char::from_u32(p.1)).collect();
    let samples = [traditional.as_str(), simplified.as_str()];
    let js = js_tokens(&samples);
    assert_eq!(tokenize(&traditional), js[0]);
    assert_eq!(
        js[0], js[1],
        "traditional text tokenizes as its simplified form"
    );
    assert_eq!(tokenize("保證金"), tokenize("保证金"));
}

#[test]
fn browser_and_index_hash_tokens_alike() {
    // The shard of a token is hash % shards on both sides: compare the hash through node.
    let tokens = ["保证", "appid", "3-5", "𠀀𠀁", "w"];
    let script = format!(
        "const t={};const h=(s)=>{{let h=0x811c9dc5;for(const c of s)h=Math.imul(h^c.codePointAt(0),16777619)>>>0;return h}};process.stdout.write(JSON.stringify(t.map(h)))",
        serde_json::to_string(&tokens).unwrap()
    );
    let js = include_str!("../themes/default/static/search.js");
    assert!(
        js.contains("h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0"),
        "search.js hashes as this test does"
    );
    let out = Command::new("node").arg("-e").arg(script).output().unwrap();
    let hashes: Vec<u32> = serde_json::from_slice(&out.stdout).unwrap();
    for (t, h) in tokens.iter().zip(hashes) {
        assert_eq!(hash(t), h, "hash of {t}");
    }
}

#[test]
fn sets_encode_as_gaps_or_bitmap() {
    assert_eq!(encode_set(&[]), "");
    assert_eq!(encode_set(&[0]), "B");
    assert_eq!(encode_set(&[0, 10, 20]), "BKK");
    assert_eq!(encode_set(&[0, 1, 2]), "~H", "a bitmap when shorter");
    assert_eq!(encode_set(&[40]), "pB"); // 41 = 9 + 32·1: `p` (9, more follows), then `B` (1)
    let dense: Vec<u32> = (0..60).collect();
    assert!(
        encode_set(&dense).starts_with('~'),
        "dense sets become bitmaps"
    );
}

/// The search files of a rendered site: path → text.
fn search_files(root: &Path) -> BTreeMap<String, String> {
    let site = guidepost::build::render_site(root, None).expect("site renders");
    site.files
        .into_iter()
        .filter(|f| f.path.starts_with("search/"))
        .map(|f| (f.path, String::from_utf8(f.bytes).unwrap()))
        .collect()
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

const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn b64(c: char) -> u32 {
    B64.find(c).unwrap() as u32
}

fn decode_set(s: &str) -> Vec<u32> {
    let val = b64;
    let mut out = Vec::new();
    if let Some(bits) = s.strip_prefix('~') {
        for (i, c) in bits.chars().enumerate() {
            for b in 0..6 {
                if val(c) & (1 << b) != 0 {
                    out.push(i as u32 * 6 + b);
                }
            }
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
        v = 0;
        shift = 0;
    }
    out
}

struct Loaded {
    meta: Value,
    docs: Vec<Value>,
    /// token → [title, heads, body, strong] document sets.
    tokens: BTreeMap<String, Vec<Vec<u32>>>,
    /// token → the title length of each document of its title set.
    title_len: BTreeMap<String, Vec<u32>>,
}

fn load(files: &BTreeMap<String, String>) -> Loaded {
    let meta = payload(&files["search/meta.js"]);
    let shards = meta["shards"].as_u64().unwrap() as u32;
    let mut docs = Vec::new();
    for n in 0.. {
        let Some(js) = files.get(&format!("search/d/{n}.js")) else {
            break;
        };
        docs.extend(payload(js).as_array().unwrap().iter().cloned());
    }
    let mut tokens = BTreeMap::new();
    let mut title_len = BTreeMap::new();
    for n in 0..shards {
        let js = &files[&format!("search/t/{n}.js")];
        assert!(js.starts_with(&format!("guidepostSearch.t({n},")), "{js}");
        for (token, sets) in payload(js).as_object().unwrap() {
            assert_eq!(
                hash(token) % shards,
                n,
                "token {token} is in its hash's shard"
            );
            let sets = sets.as_array().unwrap();
            let lens: Vec<u32> = sets
                .get(4)
                .map(|l| l.as_str().unwrap().chars().map(b64).collect())
                .unwrap_or_default();
            let sets: Vec<Vec<u32>> = sets
                .iter()
                .take(4)
                .map(|s| decode_set(s.as_str().unwrap()))
                .collect();
            assert_eq!(lens.len(), sets[0].len(), "a title length per title match");
            tokens.insert(token.clone(), sets);
            title_len.insert(token.clone(), lens);
        }
    }
    Loaded {
        meta,
        docs,
        tokens,
        title_len,
    }
}

impl Loaded {
    /// The snippet text of the document at `url`.
    fn snippet(&self, url: &str) -> &str {
        let doc = self.docs.iter().find(|d| d[0] == url);
        doc.unwrap_or_else(|| panic!("no document for {url}"))[5]
            .as_str()
            .unwrap()
    }

    /// The URLs of the documents whose body has `token`.
    fn body_matches(&self, token: &str) -> Vec<&str> {
        self.tokens.get(token).map_or(Vec::new(), |sets| {
            sets[2]
                .iter()
                .map(|&d| self.docs[d as usize][0].as_str().unwrap())
                .collect()
        })
    }
}

/// The bundled site's index.
fn bundled() -> Loaded {
    load(&search_files(Path::new(env!("CARGO_MANIFEST_DIR"))))
}

// Search indexes what readers see: a link written without text (`[](@id)`) as the title the
// page shows for it, and a rule with the shared requirements its row names.

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

fn fixture_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal")
}

#[test]
fn index_holds_every_kind_of_result_with_a_deep_link() {
    let files = search_files(&fixture_root());
    let idx = load(&files);
    assert_eq!(idx.meta["docs"].as_u64().unwrap() as usize, idx.docs.len());
    let by_url = |url: &str| {
        idx.docs
            .iter()
            .position(|d| d[0] == url)
            .unwrap_or_else(|| panic!("no document for {url}: {:?}", idx.docs))
    };
    let kinds = idx.meta["kinds"].as_array().unwrap();
    let kind_of = |i: usize| kinds[idx.docs[i][3].as_u64().unwrap() as usize].clone();
    let faq = by_url("demo/faq/demo-faq-deposit/");
    assert_eq!(kind_of(faq), "常见问题");
    assert_eq!(idx.docs[faq][1], "保证金怎么交？");
    assert_eq!(idx.docs[faq][5], "只能线上缴纳。");
    assert_eq!(kind_of(by_url("demo/rules/#demo-rule-food")), "规则");
    assert_eq!(kind_of(by_url("glossary/#demo-term-review")), "术语");
    assert_eq!(kind_of(by_url("guide/a/")), "页面");
    let step = idx
        .docs
        .iter()
        .position(|d| d[0].as_str().unwrap().starts_with("demo/demo-apply/#"))
        .expect("a step links to its anchor on the flow page");
    assert_eq!(kind_of(step), "步骤");
    assert!(
        (0..idx.docs.len()).any(|i| kind_of(i) == "决策" && idx.docs[i][2] != ""),
        "decision-tree outcomes are results, with their tree as context"
    );
    let checklist = by_url("demo/demo-apply/checklist/");
    assert_eq!(kind_of(checklist), "清单");
    assert_eq!(idx.docs[checklist][1], "入驻申请 · 材料清单");
    // The question's words are in the title field, the answer's in the body field.
    assert!(idx.tokens["保证"][0].contains(&(faq as u32)));
    assert!(idx.tokens["缴纳"][2].contains(&(faq as u32)));
    assert!(!idx.tokens["缴纳"][0].contains(&(faq as u32)));
    // Body text keeps pairs only; titles keep single characters too.
    assert!(idx.tokens["交"][0].contains(&(faq as u32)));
    assert!(idx
        .tokens
        .get("纳")
        .is_none_or(|s| s.len() < 3 || s[2].is_empty()));
    // A content page is a document per section: the heading's own, linked to its anchor,
    // with the page's title as context and the section's text as its snippet.
    let a = by_url("guide/a/");
    let section = by_url("guide/a/#kai-shi");
    assert_eq!(section, a + 1);
    assert_eq!(idx.docs[section][1], "开始");
    assert_eq!(idx.docs[section][2], "第一篇");
    assert_eq!(idx.docs[section][5], "见 第二篇 与 本页。 fn main() {}");
    assert_eq!(idx.docs[a][5], "", "no text before the first heading");
    // The heading is indexed as a heading, not as a title.
    assert!(idx.tokens["开始"][1].contains(&(section as u32)));
    assert!(!idx.tokens["开始"][0].contains(&(section as u32)));
}

#[test]
fn bundled_index_finds_merchant_words_in_titles() {
    let files = search_files(Path::new(env!("CARGO_MANIFEST_DIR")));
    let idx = load(&files);
    for (token, url) in [
        ("法大", "xhs-partner/faq/xp-faq-fadada-where/"),
        ("appid", "glossary/#wx-term-appid"),
        ("3-5", "kuaishou-service/faq/"),
        ("10w", "kuaishou-service/faq/ks-faq-peipao-proof/"),
    ] {
        let sets = idx
            .tokens
            .get(token)
            .unwrap_or_else(|| panic!("{token} not indexed"));
        let urls: Vec<&str> = sets
            .iter()
            .flatten()
            .map(|&d| idx.docs[d as usize][0].as_str().unwrap())
            .collect();
        assert!(
            urls.iter().any(|u| u.starts_with(url)),
            "{token}: {url} not in {urls:?}"
        );
    }
    let raw: usize = files.values().map(String::len).sum();
    assert!(raw < 2_000_000, "bundled index is {raw} bytes");
}

#[test]
fn index_is_byte_identical_across_builds() {
    let a = search_files(&fixture_root());
    let b = search_files(&fixture_root());
    assert_eq!(a, b);
    // And through the binary, written to disk.
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    let first = snapshot(&site.path("public/search"));
    std::fs::remove_dir_all(site.path("public")).unwrap();
    assert_eq!(site.build().code, 0);
    assert_eq!(first, snapshot(&site.path("public/search")));
    assert!(first.iter().any(|(p, _)| p == "index.html"));
}

#[test]
fn every_page_has_a_search_box_that_works_without_javascript() {
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    let page = site.read("public/demo/faq/demo-faq-time/index.html");
    assert!(
        page.contains("<form class=\"site-search\" role=\"search\" aria-label=\"全站搜索\" action=\"../../../search/\" method=\"get\">"),
        "{page}"
    );
    assert!(page.contains("name=\"q\""));
    let search = site.read("public/search/index.html");
    assert!(search.contains("id=\"search-results\""));
    assert!(
        search.contains("href=\"../demo/faq/\""),
        "suggests the FAQ list"
    );
}

#[test]
fn every_result_links_to_a_page_and_anchor_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = guidepost::build::render_site(root, None).expect("site renders");
    let pages: BTreeMap<String, String> = site
        .files
        .into_iter()
        .filter(|f| f.path.ends_with(".html") || f.path.ends_with(".js"))
        .map(|f| (f.path, String::from_utf8(f.bytes).unwrap()))
        .collect();
    let search: BTreeMap<String, String> = pages
        .iter()
        .filter(|(p, _)| p.starts_with("search/"))
        .map(|(p, t)| (p.clone(), t.clone()))
        .collect();
    let idx = load(&search);
    let mut kinds = std::collections::BTreeSet::new();
    for doc in &idx.docs {
        let url = doc[0].as_str().unwrap();
        let (page, anchor) = url.split_once('#').unwrap_or((url, ""));
        let html = pages
            .get(&format!("{page}index.html"))
            .unwrap_or_else(|| panic!("{url}: no page {page}index.html"));
        if !anchor.is_empty() {
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "{url}: no anchor"
            );
        }
        assert!(
            !html.contains("class=\"tree-question\""),
            "{url}: a tree question page is not a result"
        );
        kinds.insert(idx.meta["kinds"][doc[3].as_u64().unwrap() as usize].to_string());
    }
    for k in ["页面", "步骤", "常见问题", "规则", "术语", "决策", "材料"] {
        assert!(kinds.contains(&format!("{k:?}")), "no result of kind {k}");
    }
}

#[test]
fn book_index_ranks_by_title_length_and_folds_traditional_text() {
    let site = Site::fixture("book");
    site.write(
        "content/errors/trad.md",
        "---\ntitle: 繁體範例\nweight: 9\n---\n## 傳播錯誤的寫法\n\n保證金與閉包。\n",
    );
    let files = search_files(&site.path(""));
    let idx = load(&files);
    let by_title = |t: &str| {
        idx.docs
            .iter()
            .position(|d| d[1] == t)
            .unwrap_or_else(|| panic!("no document titled {t}")) as u32
    };
    // "闭包" is the whole title of its chapter (length 1: one pair), one of five pairs of
    // the part overview "迭代器与闭包": search.js ranks the chapter first.
    let chapter = by_title("闭包");
    let part = by_title("迭代器与闭包");
    let lens = |doc: u32| {
        let i = idx.tokens["闭包"][0]
            .iter()
            .position(|&d| d == doc)
            .unwrap();
        idx.title_len["闭包"][i]
    };
    assert_eq!((lens(chapter), lens(part)), (1, 5));
    // A section's heading is not a title: it has no title length.
    let section = by_title("捕获环境");
    assert!(!idx.tokens["捕获"][0].contains(&section));
    assert!(idx.tokens["捕获"][1].contains(&section));
    // Traditional text is indexed as simplified: its title, heading and body.
    let trad = by_title("繁體範例");
    assert!(idx.tokens["范例"][0].contains(&trad));
    assert!(idx.tokens["传播"][1].contains(&(trad + 1)));
    assert!(idx.tokens["保证"][2].contains(&(trad + 1)));
    assert!(!idx.tokens.contains_key("保證"), "no traditional token");
    // The table for the browser is written with the index.
    assert_eq!(files["search/fold.js"], guidepost::search::fold::js());
}

#[test]
fn small_sites_get_small_chunks() {
    // A first query loads the chunks of the results it shows: on a small site those hold a
    // few documents each (about 2 KB), not 6 KB of documents nobody looks at.
    let files = search_files(&fixture_root());
    let idx = load(&files);
    let chunk = idx.meta["chunk"].as_u64().unwrap() as usize;
    let chunks = files.keys().filter(|p| p.starts_with("search/d/")).count();
    assert_eq!(chunks, idx.docs.len().div_ceil(chunk));
    let bundled = search_files(Path::new(env!("CARGO_MANIFEST_DIR")));
    let meta = payload(&bundled["search/meta.js"]);
    let per = meta["chunk"].as_u64().unwrap();
    assert!((2..=6).contains(&per), "bundled: {per} documents per chunk");
    let sizes: Vec<usize> = bundled
        .iter()
        .filter(|(p, _)| p.starts_with("search/d/"))
        .map(|(_, text)| text.len())
        .collect();
    let avg = sizes.iter().sum::<usize>() / sizes.len();
    assert!(
        (1024..=2560).contains(&avg),
        "bundled: chunks of {avg} bytes on average"
    );
}
