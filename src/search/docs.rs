//! The documents of the index: every content page, platform, flow and each of its steps,
//! material, FAQ answer, category rule, glossary term, decision tree and each of its
//! outcomes, checklist — each its own result with a deep link (the URL of its id in [`Index`]);
//! and every content page, split at its headings (one document per section). Tree question
//! pages are steps of a walk, not answers: they are not documents.

use std::sync::OnceLock;

use super::text::{plain_text_with, split_sections};
use crate::model::guide::{Platform, Rule, SharedRequirement};
use crate::model::index::{url, Index, Kind};
use crate::model::links::Resolver;
use crate::model::{Model, Page};

/// One searchable unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// Site-root-relative URL with its anchor (`xhs-partner/xp-approval/#fadada`).
    pub url: String,
    /// Title, question, term, category …: matches here rank highest.
    pub title: String,
    /// Context shown before the title (the flow of a step, the tree of an outcome).
    pub context: String,
    /// Words that rank between title and body: headings, tags, aliases, role, group.
    pub heads: String,
    /// Plain text of the body.
    pub body: String,
    /// What merchants call this kind of result (步骤, 常见问题 …).
    pub kind: &'static str,
    /// Index into `Model::platforms`, or `None` for content pages.
    pub platform: Option<usize>,
    /// A section of a content page: `title` is its heading (indexed as a heading, not as a
    /// title), `context` the page's title.
    pub section: bool,
}

impl Doc {
    /// The text of the indexed fields: title, heads, body.
    pub fn fields(&self) -> [&str; 3] {
        if self.section {
            ["", &self.heads, &self.body]
        } else {
            [&self.title, &self.heads, &self.body]
        }
    }
}

/// The label of content pages (the model's kinds cover guide items only).
pub const PAGE_KIND: &str = "页面";

/// Makes the documents of a site, in a fixed order: platforms in model order with their items
/// ([`Collector::guide_docs`]), then content pages by URL ([`Collector::pages`], each made by
/// [`Collector::page_docs`], so a large site's pages can be made a batch at a time).
/// Text is what readers see: a link without text (`[](@id)`) reads as the title it shows.
pub struct Collector<'a> {
    model: &'a Model,
    index: &'a Index,
    /// Made when the first link without text needs its title: a site without such links
    /// does not pay for it (a map of every page, tens of MB on a 100,000-page site).
    links: OnceLock<Resolver<'a>>,
}

/// All documents of a site (for tests and small sites: a build makes them a batch at a time).
pub fn collect(model: &Model, index: &Index) -> Vec<Doc> {
    let c = Collector::new(model, index);
    let mut docs = c.guide_docs();
    for page in c.pages() {
        docs.extend(c.page_docs(page));
    }
    docs
}

impl<'a> Collector<'a> {
    pub fn new(model: &'a Model, index: &'a Index) -> Self {
        Collector {
            model,
            index,
            links: OnceLock::new(),
        }
    }

    /// The title a link without text, written in `from_rel`, shows.
    fn title(&self, from_rel: &str, dest: &str) -> Option<String> {
        let links = self
            .links
            .get_or_init(|| Resolver::new(self.model, self.index));
        links.title(from_rel, dest)
    }

    /// The text a reader sees of a guide field (its links are relative to `content/`).
    fn md(&self, s: &str) -> String {
        plain_text_with(s, &|dest| self.title("", dest))
    }

    /// The documents of every platform and its items, in model order.
    pub fn guide_docs(&self) -> Vec<Doc> {
        let mut docs = Vec::new();
        for (pi, p) in self.model.platforms.iter().enumerate() {
            self.platform_docs(pi, p, &mut docs);
        }
        docs
    }

    /// The content pages (sections' index pages included), by URL, each once.
    pub fn pages(&self) -> Vec<&'a Page> {
        let model = self.model;
        let mut pages: Vec<&Page> = model
            .sections
            .iter()
            .map(|s| &s.page)
            .chain(model.pages.iter())
            .collect();
        pages.sort_by(|a, b| a.url.cmp(&b.url));
        pages.dedup_by(|a, b| a.url == b.url);
        pages
    }

    fn platform_docs(&self, pi: usize, p: &Platform, docs: &mut Vec<Doc>) {
        let url = |id: &str| {
            self.index
                .get(id)
                .map(|t| t.url.clone())
                .unwrap_or_default()
        };
        let md = |s: &str| self.md(s);
        let doc = |kind: Kind, url: String, title: &str, heads: String, body: String| Doc {
            url,
            title: title.to_string(),
            context: String::new(),
            heads,
            body,
            kind: kind.label(),
            platform: Some(pi),
            section: false,
        };
        docs.push(doc(
            Kind::Platform,
            url(p.id()),
            &p.meta.name,
            p.meta.owner.clone(),
            md(&p.meta.summary),
        ));
        for f in &p.flows {
            docs.push(doc(
                Kind::Flow,
                url(&f.id),
                &f.title,
                String::new(),
                md(&f.summary),
            ));
            for s in &f.steps {
                let mut body = md(&s.body);
                let next = s.next.as_ref().map(|n| &n.value);
                for extra in [s.wait.as_ref(), s.notify.as_ref(), next]
                    .into_iter()
                    .flatten()
                {
                    body.push(' ');
                    body.push_str(&md(extra));
                }
                let mut d = doc(
                    Kind::Step,
                    url(&format!("{}/{}", f.id, s.id)),
                    &s.title,
                    format!("{} {}", s.role, s.system),
                    body,
                );
                d.context = f.title.clone();
                docs.push(d);
            }
        }
        for m in &p.materials {
            let body = format!("{} {}", md(&m.description), m.requirements.join(" "));
            docs.push(doc(
                Kind::Material,
                url(&m.id),
                &m.name,
                String::new(),
                body,
            ));
        }
        for q in &p.faqs {
            let heads = q.tags.join(" ");
            docs.push(doc(
                Kind::Faq,
                url(&q.id),
                &q.question,
                heads,
                md(&q.answer),
            ));
        }
        for r in &p.rules {
            let body = rule_text(r, &p.shared, &md);
            let heads = r.group.clone().unwrap_or_default();
            docs.push(doc(Kind::Rule, url(&r.id), &r.category, heads, body));
        }
        for t in &p.terms {
            let heads = t.aliases.join(" ");
            docs.push(doc(
                Kind::Term,
                url(&t.id),
                &t.term,
                heads,
                md(&t.definition),
            ));
        }
        for t in &p.trees {
            docs.push(doc(
                Kind::Tree,
                url(&t.id),
                &t.title,
                String::new(),
                md(&t.summary),
            ));
            for o in &t.outcomes {
                let mut body = md(&o.body);
                if let Some(s) = &o.submit {
                    body.push(' ');
                    body.push_str(s);
                }
                let mut d = doc(Kind::Outcome, url(&o.id), &o.title, String::new(), body);
                d.context = t.title.clone();
                docs.push(d);
            }
        }
        // Checklists: those written by hand, and the one of every flow that names materials
        // (joined with 、: a space would join two names into one run of characters).
        let names = |ids: &mut dyn Iterator<Item = &String>| -> String {
            ids.filter_map(|id| p.material(id).map(|m| m.name.clone()))
                .collect::<Vec<_>>()
                .join("、")
        };
        for c in &p.checklists {
            let heads = names(&mut c.materials.iter().map(|m| &m.value));
            docs.push(doc(
                Kind::Checklist,
                url(&c.id),
                &c.title,
                heads,
                md(&c.summary),
            ));
        }
        for f in p.flows.iter().filter(|f| f.has_materials()) {
            let heads = names(&mut f.steps.iter().flat_map(|s| &s.materials).map(|m| &m.value));
            let title = format!("{} · 材料清单", f.title);
            let link = url::checklist_of(&url(&f.id));
            docs.push(doc(Kind::Checklist, link, &title, heads, String::new()));
        }
    }

    /// A content page as documents: its title with the text before the first heading, then
    /// one document per heading with the text up to the next heading, linked to the heading's
    /// anchor (a match deep in a long page shows that section's text and opens there).
    pub fn page_docs(&self, page: &Page) -> Vec<Doc> {
        let title_of = |dest: &str| self.title(&page.rel, dest);
        let (intro, sections) = split_sections(&page.body, &title_of);
        let mut body = page.front.description.clone();
        body.push(' ');
        body.push_str(&intro);
        let mut docs = Vec::with_capacity(1 + page.headings.len());
        docs.push(Doc {
            url: page.url.clone(),
            title: page.front.title.clone(),
            context: String::new(),
            heads: page.front.tags.join(" "),
            body: body.trim().to_string(),
            kind: PAGE_KIND,
            platform: None,
            section: false,
        });
        for (heading, text) in page.headings.iter().zip(sections) {
            docs.push(Doc {
                url: format!("{}#{}", page.url, heading.id),
                title: heading.text.clone(),
                context: page.front.title.clone(),
                heads: heading.text.clone(),
                body: text,
                kind: PAGE_KIND,
                platform: None,
                section: true,
            });
        }
        docs
    }
}

/// A rule's text as its row on the rules page reads — 须满足「shared title」(，另外：) for each
/// shared requirement, then what only this category requires, then its notes — followed by
/// the shared requirements' own text (stated once at the top of the page), so that words of
/// a shared requirement find every category that has it.
fn rule_text(r: &Rule, shared: &[SharedRequirement], md: &dyn Fn(&str) -> String) -> String {
    let requires = md(&r.requires);
    let named: Vec<&SharedRequirement> = r
        .shared
        .iter()
        .filter_map(|id| shared.iter().find(|s| &s.id == id))
        .collect();
    let mut body = String::new();
    for s in &named {
        body.push_str("须满足「");
        body.push_str(&s.title);
        body.push_str(if requires.is_empty() {
            "」 "
        } else {
            "」，另外："
        });
    }
    for part in [requires, md(&r.notes)]
        .into_iter()
        .chain(named.iter().map(|s| md(&s.text)))
    {
        if !part.is_empty() {
            if !body.is_empty() && !body.ends_with(['：', ' ']) {
                body.push(' ');
            }
            body.push_str(&part);
        }
    }
    body.truncate(body.trim_end().len());
    body
}
