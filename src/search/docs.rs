//! The documents of the index: every content page, platform, flow and each of its steps,
//! material, FAQ answer, category rule, glossary term, decision tree and each of its
//! outcomes, checklist — each its own result with a deep link (the URL of its id in [`Index`]).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::index::{url, Index, Kind};
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
    /// Headings of a content page: (anchor, text), for a deep link to the matching one.
    pub anchors: Vec<(String, String)>,
}

/// The label of content pages (the model's kinds cover guide items only).
pub const PAGE_KIND: &str = "页面";

/// All documents, in a fixed order: platforms in model order with their items, then pages.
pub fn collect(model: &Model, index: &Index) -> Vec<Doc> {
    let mut docs = Vec::new();
    let url = |id: &str| index.get(id).map(|t| t.url.clone()).unwrap_or_default();
    let md = |s: &str| plain_text(s);
    for (pi, p) in model.platforms.iter().enumerate() {
        let doc = |kind: Kind, url: String, title: &str, heads: String, body: String| Doc {
            url,
            title: title.to_string(),
            context: String::new(),
            heads,
            body,
            kind: kind.label(),
            platform: Some(pi),
            anchors: Vec::new(),
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
                for extra in [&s.wait, &s.notify, &s.next].into_iter().flatten() {
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
            let body = format!("{} {}", md(&r.requires), md(&r.notes));
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
        // Checklists: those written by hand, and the one of every flow that names materials.
        let names = |ids: &mut dyn Iterator<Item = &String>| -> String {
            ids.filter_map(|id| p.material(id).map(|m| m.name.clone()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        for c in &p.checklists {
            let heads = names(&mut c.materials.iter());
            docs.push(doc(
                Kind::Checklist,
                url(&c.id),
                &c.title,
                heads,
                md(&c.summary),
            ));
        }
        for f in p.flows.iter().filter(|f| f.has_materials()) {
            let heads = names(&mut f.steps.iter().flat_map(|s| &s.materials));
            let title = format!("{} · 材料清单", f.title);
            let link = url::checklist_of(&url(&f.id));
            docs.push(doc(Kind::Checklist, link, &title, heads, String::new()));
        }
    }
    let mut pages: Vec<&Page> = model
        .sections
        .iter()
        .map(|s| &s.page)
        .chain(model.pages.iter())
        .collect();
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    pages.dedup_by(|a, b| a.url == b.url);
    for page in pages {
        docs.push(page_doc(page));
    }
    docs
}

fn page_doc(page: &Page) -> Doc {
    let anchors: Vec<(String, String)> = page
        .headings
        .iter()
        .map(|h| (h.id.clone(), h.text.clone()))
        .collect();
    let mut heads: Vec<&str> = anchors.iter().map(|(_, t)| t.as_str()).collect();
    heads.extend(page.front.tags.iter().map(String::as_str));
    let mut body = page.front.description.clone();
    body.push(' ');
    body.push_str(&plain_text(&page.body));
    Doc {
        url: page.url.clone(),
        title: page.front.title.clone(),
        context: String::new(),
        heads: heads.join(" "),
        body: body.trim().to_string(),
        kind: PAGE_KIND,
        platform: None,
        anchors,
    }
}

/// The text a reader sees in Markdown: no markup, no link targets, blocks separated by a
/// space. Raw HTML is text on the site too, so it stays.
pub fn plain_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let opts = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::TableCell) => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            )
            | Event::Start(Tag::Item)
                if !out.ends_with(' ') =>
            {
                out.push(' ')
            }
            _ => {}
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn markdown_becomes_text() {
        assert_eq!(
            plain_text(
                "## 标题 {#t}\n\n**保证金**见[这里](@faq)。\n\n| a | b |\n|---|---|\n| 1 | 2 |"
            ),
            "标题 保证金见这里。 a b 1 2"
        );
    }
}
