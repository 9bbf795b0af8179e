//! Markdown → HTML under libFuzzer: whatever the input, the rendered HTML (raw HTML cleaned,
//! the default) has no event-handler attribute, no script-capable element and no URL outside
//! the policy. Run: `cargo +nightly fuzz run markdown` (in this folder's parent).
//! The bounded twin that runs in `cargo test` is tests/props.rs; both use tests/props/hostile.rs.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/props/html.rs"]
mod html;
#[path = "../../tests/props/hostile.rs"]
mod hostile;

fn site() -> &'static hostile::Site {
    static SITE: OnceLock<hostile::Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal");
        hostile::Site::load(&root)
    })
}

fuzz_target!(|md: &str| {
    let out = site().render(md);
    let found = hostile::unsafe_parts(&out);
    assert!(found.is_empty(), "{found:?} in {out}");
});
