//! The URL and HTML policy ([`crate::model::policy`]) over every source: Markdown links and
//! images (content pages and the Markdown fields of guides), heading attributes, and every
//! YAML URL field (`base_url`, `entry_url`, `source.url`, a material template's `url`).

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::markdown::Analysis;
use crate::model::policy::{check_url, Refused};
use crate::model::{Attr, Model, Origin, Page};
use crate::msg;

fn refused(span: Span, url: &str, r: &Refused) -> Diagnostic {
    Diagnostic::error(span, r.message(url)).hint(msg!(URL_REFUSED_HINT))
}

fn attr(span: Span, a: &Attr) -> Diagnostic {
    Diagnostic::error(span, msg!(HEADING_ATTR, attr = &a.text)).hint(msg!(HEADING_ATTR_HINT))
}

/// The URLs and heading attributes of one content page, each at its own line and column.
pub fn page(model: &Model, page: &Page, diags: &mut Diagnostics) {
    let file = model.file_name(page.origin.file);
    let at = |line, col| Span {
        file: file.clone(),
        line,
        col,
    };
    for l in &page.urls {
        if let Err(r) = check_url(&l.dest) {
            diags.push(refused(at(l.line, l.col), &l.dest, &r));
        }
    }
    for a in &page.attrs {
        diags.push(attr(at(a.line, a.col), a));
    }
}

/// The place of something found at `line:col` of a Markdown value, counted from the value's
/// start in its YAML file (block scalars keep their lines and indentation).
pub fn in_field(model: &Model, origin: &Origin, field: &str, line: u32, col: u32) -> Span {
    let at = model.span(origin, field);
    Span {
        line: at.line + line - 1,
        col: at.col + col - 1,
        file: at.file,
    }
}

/// The URLs and heading attributes of one Markdown field of a guide source.
pub fn guide_markdown(
    model: &Model,
    origin: &Origin,
    field: &str,
    analysis: &Analysis,
    diags: &mut Diagnostics,
) {
    for l in &analysis.urls {
        if let Err(r) = check_url(&l.dest) {
            let span = in_field(model, origin, field, l.line, l.col);
            diags.push(refused(span, &l.dest, &r));
        }
    }
    for a in &analysis.attrs {
        diags.push(attr(in_field(model, origin, field, a.line, a.col), a));
    }
}

/// Every URL field of `site.yaml` and the guide sources.
pub fn yaml_urls(model: &Model, diags: &mut Diagnostics) {
    let mut url = |value: Option<&String>, origin: &Origin, field: &str| {
        if let Some(v) = value {
            if let Err(r) = check_url(v) {
                diags.push(refused(model.span(origin, field), v, &r));
            }
        }
    };
    // site.yaml is the first file read: its origin is the default one.
    url(Some(&model.config.base_url), &Origin::default(), "base_url");
    for p in &model.platforms {
        let m = &p.meta;
        url(m.entry_url.as_ref(), &m.origin, "entry_url");
        url(m.source.url.as_ref(), &m.origin, "source.url");
        for f in &p.flows {
            let u = f.source.as_ref().and_then(|s| s.url.as_ref());
            url(u, &f.origin, "source.url");
        }
        for t in &p.trees {
            let u = t.source.as_ref().and_then(|s| s.url.as_ref());
            url(u, &t.origin, "source.url");
        }
        for mat in &p.materials {
            let u = mat.template.as_ref().and_then(|t| t.url.as_ref());
            url(u, &mat.origin, "template.url");
        }
    }
}
