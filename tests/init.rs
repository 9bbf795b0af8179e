//! `guidepost init`: a new site that checks without a warning and builds, in the folder named
//! (relative, as typed); a folder that holds anything is refused and left as it was.

mod common;

use common::{snapshot, Site};

fn empty() -> Site {
    Site {
        dir: tempfile::tempdir().unwrap(),
    }
}

#[test]
fn init_check_build_round_trip() {
    let here = empty();
    let init = here.run(&["init", "my-site"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    assert_eq!(init.stderr, "");
    let root = here.path("my-site");
    let root = dunce::canonicalize(root).unwrap();
    assert_eq!(
        init.stdout,
        format!(
            "created a site in {}:\n  content/_index.md\n  content/help/_index.md\n  \
             content/help/first-week.md\n  guides/shop/checklists.yaml\n  guides/shop/faq.yaml\n  \
             guides/shop/flows/apply.yaml\n  guides/shop/materials.yaml\n  \
             guides/shop/platform.yaml\n  guides/shop/trees/which.yaml\n  schemas/checklists.json\n  \
             schemas/faq.json\n  schemas/flow.json\n  schemas/glossary.json\n  \
             schemas/materials.json\n  schemas/platform.json\n  schemas/rules.json\n  \
             schemas/site.json\n  schemas/tree.json\n  site.yaml\nnext:\n  \
             cd my-site\n  guidepost serve      preview it at http://127.0.0.1:8000/ while you \
             edit\n  guidepost build      write the site into public/\n",
            root.display()
        )
    );
    let check = here.run_in("my-site", &["check"]);
    assert_eq!(check.code, 0);
    assert_eq!(check.stderr, "ok: 1 platforms, 15 ids, 3 pages checked\n");
    let build = here.run_in("my-site", &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!build.stderr.contains("warning"), "{}", build.stderr);
    // Every kind of page the example is there to show.
    for page in [
        "index.html",
        "shop/index.html",
        "shop/shop-apply/index.html",
        "shop/shop-apply/checklist/index.html",
        "shop/faq/shop-faq-license/index.html",
        "shop/shop-which/index.html",
        "shop/shop-which/shop-o-other/index.html",
        "shop/checklists/shop-checklist-before-submit/index.html",
        "help/first-week/index.html",
    ] {
        assert!(here.path("my-site/public").join(page).is_file(), "{page}");
    }
    let first_week = here.read("my-site/public/help/first-week/index.html");
    assert!(
        first_week.contains(">开店申请</a>"),
        "the @id link resolves"
    );
}

#[test]
fn init_in_the_current_folder_needs_no_cd() {
    let here = empty();
    let init = here.run(&["init"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    assert!(init.stdout.ends_with(
        "next:\n  guidepost serve      preview it at http://127.0.0.1:8000/ while you edit\n  \
         guidepost build      write the site into public/\n"
    ));
    assert_eq!(here.check().code, 0);
}

#[test]
fn a_folder_that_holds_anything_is_refused_and_left_alone() {
    let here = empty();
    here.write("my-site/notes.txt", "mine");
    let before = snapshot(here.dir.path());
    let init = here.run(&["init", "my-site"]);
    assert_eq!(init.code, 1);
    let root = dunce::canonicalize(here.path("my-site")).unwrap();
    assert_eq!(
        init.stderr,
        format!(
            "error: {} is not empty; guidepost init writes only into a new or empty folder\n  \
             hint: name a new folder, e.g. `guidepost init my-site`\n",
            root.display()
        )
    );
    assert_eq!(init.stdout, "");
    assert_eq!(snapshot(here.dir.path()), before);
}
