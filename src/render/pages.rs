//! Site-wide pages: home, 404, the search results page, sitemap.xml, robots.txt.
//! Every list of platforms is in `weight` order, as the header navigation is.

use std::collections::BTreeSet;

use super::guides::platform_view;
use super::views::{LinkView, PageLink, PlatformView};
use super::{OutFile, Renderer};
use crate::diag::Diagnostic;
use crate::model::outputs::Source;
use crate::model::{Platform, Section};
use crate::output::{path, Role};

pub(super) fn robots(r: &Renderer) -> OutFile {
    let robots = format!(
        "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
        r.site.base_url
    );
    OutFile {
        path: "robots.txt".into(),
        bytes: robots.into_bytes(),
    }
}

/// Platforms in the order every list shows them: by `weight`, then id.
fn by_weight<'a>(r: &Renderer<'a>) -> Vec<&'a Platform> {
    let mut platforms: Vec<_> = r.model.platforms.iter().collect();
    platforms.sort_by_key(|p| (p.meta.weight, p.id().to_string()));
    platforms
}

pub(super) fn home(r: &Renderer) -> Result<OutFile, Diagnostic> {
    let base = r.base("", &r.site.title, &r.site.description, vec![]);
    let root = base.root.clone();
    #[derive(serde::Serialize)]
    struct V {
        platforms: Vec<PlatformView>,
        popular: Vec<LinkView>,
        sections: Vec<PageLink>,
        home_html: String,
    }
    let platforms = by_weight(r);
    let popular = r
        .model
        .config
        .popular
        .iter()
        .filter_map(|id| r.index.get(id))
        .map(|t| LinkView {
            title: format!("{}：{}", t.kind.label(), t.title),
            url: format!("{root}{}", t.url),
        })
        .collect();
    let top = r.model.sections.iter().find(|s| s.page.url.is_empty());
    let mut tops: Vec<&Section> = r
        .model
        .sections
        .iter()
        .filter(|s| s.page.url.matches('/').count() == 1)
        .collect();
    tops.sort_by_key(|s| (s.page.front.weight, s.page.front.title.clone(), &s.page.url));
    // The top sections, then the pages of the top `_index.md` (or README.md) itself; a top
    // SUMMARY.md lists its chapters in its own body, shown below.
    let root_pages = top
        .filter(|s| !s.page.rel.ends_with("SUMMARY.md"))
        .into_iter()
        .flat_map(|s| &s.pages)
        .map(|&i| &r.model.pages[i]);
    let sections = tops
        .into_iter()
        .map(|s| &s.page)
        .chain(root_pages)
        .map(|p| PageLink {
            title: p.front.title.clone(),
            url: p.url.clone(),
            description: p.front.description.clone(),
            updated: p.front.updated.map(|d| d.to_string()),
        })
        .collect();
    let home_html = top
        .map(|s| r.md_with(None, &s.page.body, "", &mut BTreeSet::new(), None))
        .unwrap_or_default();
    let view = V {
        platforms: platforms
            .iter()
            .map(|p| platform_view(r, p, &root))
            .collect(),
        popular,
        sections,
        home_html,
    };
    r.page("index.html", base, &view, "index.html".into())
}

/// The 404 page is served at any depth, so its links start from the site's absolute path.
pub(super) fn not_found(r: &Renderer) -> Result<OutFile, Diagnostic> {
    let abs = r
        .site
        .base_url
        .splitn(4, '/')
        .nth(3)
        .map(|p| format!("/{p}"))
        .unwrap_or_else(|| "/".into());
    let base = r.base_at(abs.clone(), "404.html", "页面不存在", "", vec![]);
    #[derive(serde::Serialize)]
    struct V {
        platforms: Vec<PlatformView>,
    }
    let view = V {
        platforms: by_weight(r)
            .into_iter()
            .map(|p| platform_view(r, p, &abs))
            .collect(),
    };
    r.page("404.html", base, &view, "404.html".into())
}

#[derive(serde::Serialize)]
pub(super) struct SitemapEntry {
    loc: String,
    lastmod: Option<String>,
}

/// Every page of the registry — each HTML file a visitor may land on, redirects and the 404
/// page left out — with its percent-encoded URL, in URL order. Made once per renderer: the
/// index and each part read it.
fn sitemap_entries<'r>(r: &'r Renderer) -> &'r [SitemapEntry] {
    r.sitemap.get_or_init(|| {
        let b = &r.site.base_url;
        let mut entries: Vec<SitemapEntry> = r
            .registry
            .claims()
            .filter_map(|c| match &c.role {
                Role::Page { lastmod } => Some(SitemapEntry {
                    loc: format!("{b}{}", path::encode_url(path::page_url(&c.path))),
                    lastmod: lastmod.clone(),
                }),
                _ => None,
            })
            .collect();
        entries.sort_by(|a, c| a.loc.cmp(&c.loc));
        entries
    })
}

/// The parts claimed for the sitemap (`model::outputs::sitemap_parts`), and the pages of part
/// `k` (from 0): the pages shared evenly among the parts, in URL order.
fn parts(r: &Renderer) -> usize {
    let parts = r.index.outputs.iter();
    parts
        .filter(|o| matches!(o.source, Source::SitemapPart(_)))
        .count()
}

fn part(entries: &[SitemapEntry], parts: usize, k: usize) -> &[SitemapEntry] {
    let size = entries.len().div_ceil(parts).max(1);
    entries.chunks(size).nth(k).unwrap_or(&[])
}

/// `entries` through the theme's `sitemap.xml` template, written to `out_path`.
fn urlset(r: &Renderer, entries: &[SitemapEntry], out_path: String) -> Result<OutFile, Diagnostic> {
    let base = r.base("", "sitemap", "", vec![]);
    #[derive(serde::Serialize)]
    struct V<'a> {
        entries: &'a [SitemapEntry],
    }
    r.page("sitemap.xml", base, &V { entries }, out_path)
}

/// `sitemap.xml`: every page, or, for a site too large for one file
/// ([`SITEMAP_URLS`](crate::model::outputs::SITEMAP_URLS)), a
/// sitemap index of its parts (`sitemap-1.xml` …), each dated by its newest page.
pub(super) fn sitemap(r: &Renderer) -> Result<OutFile, Diagnostic> {
    let entries = sitemap_entries(r);
    let parts = parts(r);
    if parts == 0 {
        return urlset(r, entries, "sitemap.xml".into());
    }
    let mut xml = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    ));
    let b = super::escape(&r.site.base_url);
    for k in 0..parts {
        let newest = part(entries, parts, k)
            .iter()
            .filter_map(|e| e.lastmod.as_deref())
            .max();
        let lastmod = newest
            .map(|d| format!("<lastmod>{}</lastmod>", super::escape(d)))
            .unwrap_or_default();
        let n = k + 1;
        xml.push_str(&format!(
            "<sitemap><loc>{b}sitemap-{n}.xml</loc>{lastmod}</sitemap>\n"
        ));
    }
    xml.push_str("</sitemapindex>\n");
    Ok(OutFile {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    })
}

/// `sitemap-N.xml`: the Nth part of the pages, through the theme's `sitemap.xml`.
pub(super) fn sitemap_part(r: &Renderer, n: usize) -> Result<OutFile, Diagnostic> {
    let entries = part(sitemap_entries(r), parts(r), n - 1);
    urlset(r, entries, format!("sitemap-{n}.xml"))
}

/// The full results page, `search/?q=…`: a form that works without JavaScript (it submits
/// to itself) and a list that search.js fills from the query in the URL.
pub(super) fn search(r: &Renderer) -> Result<OutFile, Diagnostic> {
    #[derive(serde::Serialize)]
    struct V {
        /// Decision trees and FAQ lists, suggested when nothing matches.
        suggest: Vec<LinkView>,
    }
    let path = "search/";
    let base = r.base(path, "搜索", "", vec![]);
    let root = base.root.clone();
    let suggest = crate::model::walk::suggestions(r.model, r.index)
        .into_iter()
        .map(|(title, url)| LinkView {
            title,
            url: format!("{root}{url}"),
        })
        .collect();
    r.page(
        "search.html",
        base,
        &V { suggest },
        format!("{path}index.html"),
    )
}
