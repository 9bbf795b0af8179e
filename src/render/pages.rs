//! Site-wide pages: home, 404, the search results page, sitemap.xml, robots.txt.

use std::collections::BTreeSet;

use super::guides::platform_view;
use super::views::{LinkView, PageLink, PlatformView};
use super::{OutFile, Renderer};
use crate::diag::{Diagnostic, Diagnostics};

pub fn site_pages(r: &Renderer, out: &mut Vec<OutFile>, diags: &mut Diagnostics) {
    for res in [home(r), not_found(r), sitemap(r), search(r)] {
        match res {
            Ok(f) => out.push(f),
            Err(d) => diags.push(d),
        }
    }
    let robots = format!(
        "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
        r.site.base_url
    );
    out.push(OutFile {
        path: "robots.txt".into(),
        bytes: robots.into_bytes(),
    });
}

fn home(r: &Renderer) -> Result<OutFile, Diagnostic> {
    let base = r.base("", &r.site.title, &r.site.description, vec![]);
    let root = base.root.clone();
    #[derive(serde::Serialize)]
    struct V {
        platforms: Vec<PlatformView>,
        popular: Vec<LinkView>,
        sections: Vec<PageLink>,
        home_html: String,
    }
    let mut platforms: Vec<_> = r.model.platforms.iter().collect();
    platforms.sort_by_key(|p| (p.meta.weight, p.id().to_string()));
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
    let sections = r
        .model
        .sections
        .iter()
        .filter(|s| s.page.url.matches('/').count() == 1)
        .map(|s| PageLink {
            title: s.page.front.title.clone(),
            url: s.page.url.clone(),
            description: s.page.front.description.clone(),
            updated: s.page.front.updated.map(|d| d.to_string()),
        })
        .collect();
    let home_html = top
        .map(|s| r.md(&s.page.body, "", &mut BTreeSet::new()))
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
fn not_found(r: &Renderer) -> Result<OutFile, Diagnostic> {
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
        platforms: r
            .model
            .platforms
            .iter()
            .map(|p| platform_view(r, p, &abs))
            .collect(),
    };
    r.page("404.html", base, &view, "404.html".into())
}

fn sitemap(r: &Renderer) -> Result<OutFile, Diagnostic> {
    #[derive(serde::Serialize)]
    struct Entry {
        loc: String,
        lastmod: Option<String>,
    }
    let b = &r.site.base_url;
    let mut entries: Vec<Entry> = vec![Entry {
        loc: b.clone(),
        lastmod: None,
    }];
    for p in &r.model.platforms {
        let lastmod = p.meta.source.date.map(|d| d.to_string());
        let mut add = |u: String, lastmod: Option<String>| {
            entries.push(Entry {
                loc: format!("{b}{u}"),
                lastmod,
            })
        };
        add(format!("{}/", p.id()), lastmod.clone());
        for f in &p.flows {
            add(
                format!("{}/{}/", p.id(), f.id),
                p.source_of(&f.source).date.map(|d| d.to_string()),
            );
        }
        for q in &p.faqs {
            add(format!("{}/faq/{}/", p.id(), q.id), lastmod.clone());
        }
    }
    for page in r
        .model
        .pages
        .iter()
        .chain(r.model.sections.iter().map(|s| &s.page))
    {
        if !page.url.is_empty() {
            entries.push(Entry {
                loc: format!("{b}{}", page.url),
                lastmod: page.front.updated.map(|d| d.to_string()),
            });
        }
    }
    entries.sort_by(|a, c| a.loc.cmp(&c.loc));
    entries.dedup_by(|a, c| a.loc == c.loc);
    let base = r.base("", "sitemap", "", vec![]);
    #[derive(serde::Serialize)]
    struct V {
        entries: Vec<Entry>,
    }
    r.page("sitemap.xml", base, &V { entries }, "sitemap.xml".into())
}

/// The full results page, `search/?q=…`: a form that works without JavaScript (it submits
/// to itself) and a list that search.js fills from the query in the URL.
fn search(r: &Renderer) -> Result<OutFile, Diagnostic> {
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
