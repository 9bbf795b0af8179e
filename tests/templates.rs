//! Templates fail politely: loops of includes and macros, dangling names, syntax and render
//! errors end in a located error (template:line:col, hint) in check, build and serve — never
//! in a stack overflow.

mod common;
#[path = "serve/support.rs"]
mod support;

use common::{snapshot, Site};

const LOOP_HINT: &str = "  hint: tera follows includes and macro calls with no depth limit, so this loop never ends: remove the call that closes it\n";

/// `check` and `build` both fail with exit 1 and exactly these errors; the previous output
/// stays as it was.
#[track_caller]
fn refused(site: &Site, errors: &[&str]) -> String {
    let check = site.check();
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert_eq!(check.errors(), errors, "{}", check.stderr);
    let before = snapshot(&site.path("public"));
    let build = site.build();
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert_eq!(build.errors(), errors);
    assert!(snapshot(&site.path("public")) == before);
    check.stderr
}

fn built() -> Site {
    let site = Site::fixture("minimal");
    assert_eq!(site.build().code, 0);
    site
}

#[test]
fn a_template_that_includes_itself() {
    let site = built();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>x</p>\n  {% include \"page.html\" %}\n{% endblock main %}\n",
    );
    let stderr = refused(
        &site,
        &["error: templates/page.html:4:14: a template includes itself: page.html → page.html"],
    );
    assert!(stderr.contains(LOOP_HINT), "{stderr}");
}

#[test]
fn an_include_that_comes_back_through_the_parent_is_shown_where_it_was_added() {
    let site = built();
    let base = include_str!("../themes/default/templates/base.html");
    let line = base.lines().position(|l| l.contains("<main")).unwrap() + 1;
    site.write(
        "templates/base.html",
        &base.replacen("<main", "{% include \"page.html\" %}<main", 1),
    );
    refused(
        &site,
        &[&format!(
            "error: templates/base.html:{line}:12: a template includes itself: base.html → page.html → base.html"
        )],
    );
}

#[test]
fn a_template_that_extends_itself() {
    let site = built();
    site.write("templates/page.html", "{% extends \"page.html\" %}\n");
    refused(
        &site,
        &["error: templates/page.html:1:1: template `page.html`: Circular extend detected for template 'page.html'. Inheritance chain: `[\"page.html\"]`"],
    );
}

#[test]
fn macros_that_call_each_other_and_a_misspelled_macro() {
    let site = built();
    site.write(
        "templates/loop.html",
        "{% macro a() %}{{ self::b() }}{% endmacro a %}\n{% macro b() %}\n  {{ self::a() }}\n{% endmacro b %}\n{% macro c() %}{{ self::cc() }}{% endmacro c %}\n",
    );
    let stderr = refused(
        &site,
        &[
            "error: templates/loop.html:1:19: a macro calls itself: loop.html: macro a → loop.html: macro b → loop.html: macro a",
            "error: templates/loop.html:5:19: template `loop.html` calls `self::cc`, which loop.html does not define",
        ],
    );
    assert!(stderr.contains(LOOP_HINT), "{stderr}");
    assert!(
        stderr.contains("  hint: did you mean `self::c`? Change the call to that name\n"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_template_name_suggests_the_nearest() {
    let site = built();
    site.write(
        "templates/tree_outcome.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{% include \"tree_outcome_bodi.html\" %}\n{% endblock main %}\n",
    );
    let stderr = refused(
        &site,
        &["error: templates/tree_outcome.html:3:12: template `tree_outcome.html` includes `tree_outcome_bodi.html`, which does not exist"],
    );
    assert!(
        stderr.contains("  hint: did you mean `tree_outcome_body.html`? Templates are named by their path under templates/\n"),
        "{stderr}"
    );
}

#[test]
fn syntax_and_render_errors_carry_the_line() {
    let site = built();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n  {{ oops( }}\n{% endblock main %}\n",
    );
    refused(
        &site,
        &["error: templates/page.html:3:12: template `page.html`: Failed to parse 'page.html': expected an identifier (must start with a-z)"],
    );
    // Unknown variables are found only when a page is rendered: build reports them, at the
    // variable's first use.
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>\n  {{ page.nosuch }}</p>\n{% endblock main %}\n",
    );
    assert_eq!(site.check().code, 0);
    let run = site.build();
    assert_eq!(run.code, 1);
    assert_eq!(
        run.errors(),
        ["error: templates/page.html:4:6: rendering `page.html`: Failed to render 'page.html': Variable `page.nosuch` not found in context while rendering 'page.html'"]
    );
}

#[test]
fn serve_reports_a_recursive_template_and_keeps_serving() {
    let s = support::Serve::start(Site::fixture("minimal"), &["--lang", "en"]);
    let mut ev = s.events();
    ev.wait_for("build", 10);
    s.site.write(
        "templates/macros.html",
        "{% macro source(s) %}{{ self::source(s=s) }}{% endmacro source %}\n{% macro material(m) %}{% endmacro material %}\n",
    );
    let p = ev.wait_for("problems", 20);
    assert!(
        p.data.contains(r#""file":"templates/macros.html""#),
        "{}",
        p.data
    );
    assert!(p.data.contains("a macro calls itself"), "{}", p.data);
    let still = s.get("/demo/faq/");
    assert_eq!(
        still.status,
        200,
        "the last good build is served: {}",
        s.log()
    );
}
