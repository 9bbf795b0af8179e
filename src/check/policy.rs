//! The URL and HTML policy ([`crate::model::policy`]) over every source: Markdown links and
//! images (content pages and the Markdown fields of guides), heading attributes, and every
//! YAML URL field (`base_url`, `entry_url`, `source.url`, a material template's `url`).

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::markdown::Analysis;
use crate::model::policy::{check_url, Refused};
use crate::model::{Attr, Model, Page, Spanned};
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

/// The URLs and heading attributes of one Markdown field of a guide source, each at its
/// place inside the field (block scalars keep their lines and indentation).
pub fn guide_markdown(
    model: &Model,
    field: &Spanned<String>,
    analysis: &Analysis,
    diags: &mut Diagnostics,
) {
    let at = |line, col| model.span(field.at.inside(line, col));
    for l in &analysis.urls {
        if let Err(r) = check_url(&l.dest) {
            diags.push(refused(at(l.line, l.col), &l.dest, &r));
        }
    }
    for a in &analysis.attrs {
        diags.push(attr(at(a.line, a.col), a));
    }
}

/// Every URL field of `site.yaml` and the guide sources.
pub fn yaml_urls(model: &Model, diags: &mut Diagnostics) {
    let mut url = |value: Option<&Spanned<String>>| {
        if let Some(v) = value {
            if let Err(r) = check_url(v) {
                diags.push(refused(model.span(v.at), v, &r));
            }
        }
    };
    url(Some(&model.config.base_url));
    for p in &model.platforms {
        let m = &p.meta;
        url(m.entry_url.as_ref());
        url(m.source.url.as_ref());
        for f in &p.flows {
            url(f.source.as_ref().and_then(|s| s.url.as_ref()));
        }
        for t in &p.trees {
            url(t.source.as_ref().and_then(|s| s.url.as_ref()));
        }
        for mat in &p.materials {
            url(mat.template.as_ref().and_then(|t| t.url.as_ref()));
        }
    }
}
