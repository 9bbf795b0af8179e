//! The documents of the index: every content page, platform, flow and each of its steps,
//! material, FAQ answer, category rule, glossary term, decision tree and each of its
//! outcomes, checklist — each its own result with a deep link (the URL of its id in [`Index`]);
//! and every content page, split at its headings (one document per section). Tree question
//! pages are steps of a walk, not answers: they are not documents.

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
    let mut pages: Vec<&Page> = model
        .sections
        .iter()
        .map(|s| &s.page)
        .chain(model.pages.iter())
        .collect();
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    pages.dedup_by(|a, b| a.url == b.url);
    for page in pages {
        page_docs(page, &mut docs);
    }
    docs
}

/// A content page as documents: its title with the text before the first heading, then one
/// document per heading with the text up to the next heading, linked to the heading's anchor
/// (a match deep in a long page shows that section's text and opens there).
fn page_docs(page: &Page, docs: &mut Vec<Doc>) {
    let (intro, sections) = split_sections(&page.body);
    let mut body = page.front.description.clone();
    body.push(' ');
    body.push_str(&intro);
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
}

/// The plain text of a Markdown body before its first heading, and after each heading up to
/// the next (one entry per heading, in the order of `Page::headings`: both come from the
/// same parser with the same options).
pub fn split_sections(md: &str) -> (String, Vec<String>) {
    let mut parts = vec![String::new()];
    let mut in_heading = false;
    for ev in Parser::new_ext(md, crate::load::markdown::options()) {
        match ev {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                parts.push(String::new());
            }
            _ if in_heading => {}
            ev => push_text(parts.last_mut().expect("one part"), ev),
        }
    }
    for p in &mut parts {
        p.truncate(p.trim_end().len());
    }
    let intro = parts.remove(0);
    (intro, parts)
}

/// Add the text of one Markdown event to `out` (blocks separated by a space).
fn push_text(out: &mut String, ev: Event) {
    match ev {
        Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
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
            if !out.ends_with(' ') && !out.is_empty() =>
        {
            out.push(' ')
        }
        _ => {}
    }
}

/// The text a reader sees in Markdown: no markup, no link targets, blocks separated by a
/// space. Raw HTML is text on the site too, so it stays.
pub fn plain_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let opts = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    for ev in Parser::new_ext(md, opts) {
        push_text(&mut out, ev);
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::{plain_text, split_sections};

    #[test]
    fn markdown_becomes_text() {
        let (intro, sections) =
            split_sections("导语\n\n## 一 {#a}\n\n甲**乙**\n\n### 二\n\n- 丙\n- 丁\n");
        assert_eq!(intro, "导语");
        assert_eq!(sections, ["甲乙", "丙 丁"]);
        assert_eq!(
            plain_text(
                "## 标题 {#t}\n\n**保证金**见[这里](@faq)。\n\n| a | b |\n|---|---|\n| 1 | 2 |"
            ),
            "标题 保证金见这里。 a b 1 2"
        );
    }
}
