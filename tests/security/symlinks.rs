//! Symlinks in the source folders: outside the site, loops, broken, allowed (docs/security.md).

use crate::assert_errors;
use crate::common::Site;
use std::os::unix::fs::symlink;

const OUTSIDE_HINT: &str = "  hint: copy what you need into the site folder, or, if this folder is meant to be shared between sites, set `allow_outside_symlinks: true` in site.yaml (docs/security.md)";
const LOOP_HINT: &str =
    "  hint: remove this link, or point it at a folder that does not contain it (docs/security.md)";
const SECRET: &str = "root:x:0:0:SECRET";

/// A folder beside the site with a page and a YAML file whose text must never be shown.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("leak.md"), format!("{SECRET}\n")).unwrap();
    std::fs::write(
        dir.path().join("faq.yaml"),
        format!("faqs: [{{id: \"{SECRET}\"}}]\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("shared.md"),
        "---\ntitle: 共享页面\n---\n共享的内容。\n",
    )
    .unwrap();
    dir
}

fn outside_error(rel: &str, target: &std::path::Path) -> String {
    format!(
        "error: {rel}:1:1: `{rel}` is a symlink to `{}`, outside the site\n{OUTSIDE_HINT}",
        target.display()
    )
}

#[test]
fn links_that_lead_outside_are_located_errors_and_never_read() {
    let out = outside();
    let site = Site::fixture("minimal");
    symlink("/etc", site.path("static")).unwrap();
    symlink(
        out.path().join("leak.md"),
        site.path("content/guide/leak.md"),
    )
    .unwrap();
    std::fs::remove_file(site.path("guides/demo/faq.yaml")).unwrap();
    symlink(
        out.path().join("faq.yaml"),
        site.path("guides/demo/faq.yaml"),
    )
    .unwrap();
    std::fs::create_dir(site.path("templates")).unwrap();
    symlink(out.path(), site.path("templates/shared")).unwrap();
    let expected = [
        outside_error("content/guide/leak.md", &out.path().join("leak.md")),
        outside_error("guides/demo/faq.yaml", &out.path().join("faq.yaml")),
        outside_error("static", std::path::Path::new("/etc")),
        outside_error("templates/shared", out.path()),
    ];
    for run in [site.check(), site.build()] {
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_errors(&run.stderr, &expected);
        assert!(!run.stderr.contains("SECRET"), "{}", run.stderr);
    }
    assert!(!site.path("public").exists(), "nothing published");
}

#[test]
fn loops_are_reported_not_skipped() {
    let site = Site::fixture("minimal");
    symlink("..", site.path("content/guide/up")).unwrap();
    symlink("self.md", site.path("content/guide/self.md")).unwrap();
    symlink("missing.md", site.path("content/guide/gone.md")).unwrap();
    let run = site.check();
    assert!(
        run.stderr.contains("warning: content/guide/gone.md:1:1: `content/guide/gone.md` is a broken symlink: `missing.md` does not exist\n  hint: remove the link or fix where it points; it is skipped"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 1);
    assert_errors(
        &run.stderr,
        &[
            format!("error: content/guide/self.md:1:1: `content/guide/self.md` is a symlink that loops (to `self.md`)\n{LOOP_HINT}"),
            format!("error: content/guide/up:1:1: symlink loop: `content/guide/up` leads back to `content`, a folder it is in\n{LOOP_HINT}"),
        ],
    );
}

#[test]
fn the_site_may_allow_links_outside_and_links_inside_are_followed() {
    let out = outside();
    let site = Site::fixture("minimal");
    symlink(
        out.path().join("shared.md"),
        site.path("content/guide/shared.md"),
    )
    .unwrap();
    site.run(&["check"]).assert_error(
        "error: content/guide/shared.md:1:1: `content/guide/shared.md` is a symlink to",
    );
    site.edit(
        "site.yaml",
        "title: 演示站点",
        "title: 演示站点\nallow_outside_symlinks: true",
    );
    symlink("b.md", site.path("content/guide/alias.md")).unwrap();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .read("public/guide/shared/index.html")
        .contains("共享的内容。"));
    assert!(site
        .read("public/guide/alias/index.html")
        .contains("第二篇"));
}
