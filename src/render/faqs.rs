//! FAQ pages: the list with a permalink anchor per answer, a page per answer, and redirect
//! pages from former ids, so a reworded or renamed FAQ breaks no link pasted in a chat.

use std::collections::BTreeSet;

use super::guides::{crumb_platform, index_html, source_view};
use super::views::{FaqView, LinkView, SourceView};
use super::{root_prefix, OutFile, Renderer};

use crate::model::index::url;
use crate::model::Platform;

fn faq_view(
    r: &Renderer,
    p: &Platform,
    q: &crate::model::Faq,
    root: &str,
    linked: &mut BTreeSet<String>,
) -> FaqView {
    FaqView {
        id: q.id.clone(),
        question: q.question.clone(),
        answer_html: r.md(p, &q.answer, root, linked),
        tags: q.tags.clone(),
        related: q
            .related
            .iter()
            .filter_map(|id| r.index.get(id))
            .map(|t| LinkView {
                title: format!("{}：{}", t.kind.label(), t.title),
                url: format!("{root}{}", t.url),
            })
            .collect(),
        former_ids: q.former_ids.iter().map(|f| f.value.clone()).collect(),
        url: format!("{root}{}", url::faq(p.id(), &q.id)),
        permalink: format!("{}{}", r.site.base_url, url::faq(p.id(), &q.id)),
    }
}

#[derive(serde::Serialize)]
struct FaqListView {
    source: SourceView,
    faqs: Vec<FaqView>,
}

pub(super) fn faq_list(r: &Renderer, p: &Platform) -> Result<OutFile, crate::diag::Diagnostic> {
    let path = url::faq_list(p.id());
    let title = format!("{} 常见问题", p.meta.name);
    let base = r.base(&path, &title, "", vec![crumb_platform(p)]);
    let root = base.root.clone();
    let mut linked = BTreeSet::new();
    let faqs = p
        .faqs
        .iter()
        .map(|q| faq_view(r, p, q, &root, &mut linked))
        .collect();
    let view = FaqListView {
        source: source_view(&p.meta.source),
        faqs,
    };
    r.page("faq_list.html", base, &view, index_html(&path))
}

pub(super) fn faq_page(
    r: &Renderer,
    p: &Platform,
    q: &crate::model::Faq,
) -> Result<OutFile, crate::diag::Diagnostic> {
    let path = url::faq(p.id(), &q.id);
    let list = LinkView {
        title: "常见问题".into(),
        url: url::faq_list(p.id()),
    };
    let base = r.base(&path, &q.question, "", vec![crumb_platform(p), list]);
    let root = base.root.clone();
    #[derive(serde::Serialize)]
    struct V {
        source: SourceView,
        faq: FaqView,
        list_url: String,
    }
    let view = V {
        source: source_view(&p.meta.source),
        faq: faq_view(r, p, q, &root, &mut BTreeSet::new()),
        list_url: format!("{root}{}#{}", url::faq_list(p.id()), q.id),
    };
    r.page("faq.html", base, &view, index_html(&path))
}

/// A page at `from` that sends the visitor to `to` (both site-root-relative).
pub fn redirect(
    r: &Renderer,
    from: &str,
    to: &str,
    title: &str,
) -> Result<OutFile, crate::diag::Diagnostic> {
    let base = r.base(from, title, "", vec![]);
    #[derive(serde::Serialize)]
    struct V {
        target: String,
        target_permalink: String,
    }
    let view = V {
        target: format!("{}{to}", root_prefix(from)),
        target_permalink: format!("{}{to}", r.site.base_url),
    };
    r.page("redirect.html", base, &view, index_html(from))
}
