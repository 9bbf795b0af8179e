//! Markdown to HTML for one page: internal links rewritten (relative to the page), a link
//! without text given its target's title, bare `https://` URLs and e-mail addresses made links, glossary terms
//! linked where they first appear, fenced code highlighted with syntect. The site's
//! policy ([`crate::model::policy`]) holds here too, whatever `check` let through: a refused
//! URL is never written, heading attributes other than `{#id .class}` are dropped, and raw
//! HTML is cleaned by ammonia unless the site says `trusted_html: true`. Content text never
//! passes through tera.

use std::collections::BTreeSet;

use aho_corasick::{AhoCorasick, MatchKind};
use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::load::markdown::{is_internal, options};
use crate::model::links::{anchors, Anchors, Resolver};
use crate::model::policy::{check_url, sanitize_html};

/// Glossary terms to link: patterns (terms and aliases) and the URL of each.
pub struct Glossary {
    matcher: Option<AhoCorasick>,
    /// For each pattern: (term id, URL relative to the site root).
    targets: Vec<(String, String)>,
}

impl Glossary {
    pub fn new(terms: Vec<(String, String, String)>) -> Self {
        let patterns: Vec<&str> = terms.iter().map(|(p, _, _)| p.as_str()).collect();
        let matcher = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("glossary patterns build")
        });
        let targets = terms.into_iter().map(|(_, id, url)| (id, url)).collect();
        Glossary { matcher, targets }
    }
}

/// What rendering one page's Markdown needs. `linked` carries the terms already linked on the
/// page, so each term is linked once per page.
pub struct Ctx<'a> {
    pub resolver: &'a Resolver<'a>,
    pub glossary: &'a Glossary,
    pub syntax: &'a dyn Fn() -> &'a SyntaxSet,
    /// Prefix from this page to the site root (`../../`).
    pub root: &'a str,
    /// The content file the text is in (`a/b.md`), "" for guide sources.
    pub from_rel: &'a str,
    /// Anchor ids of the page's headings, in order (from loading), for content pages.
    pub heading_ids: &'a [String],
    /// Do not link this term (on its own definition).
    pub skip_term: Option<&'a str>,
    /// `site.yaml` `trusted_html`: raw HTML is written as it is instead of cleaned.
    pub trusted_html: bool,
}

pub fn render(text: &str, ctx: &Ctx, linked: &mut BTreeSet<String>) -> String {
    let mut events: Vec<Event> = Vec::new();
    let mut in_link = 0usize;
    // Each open link: where its start event is, and its target as written.
    let mut open_links: Vec<(usize, String)> = Vec::new();
    let mut in_heading = false;
    let mut heading_no = 0usize;
    let mut code: Option<(String, String)> = None;
    let mut raw_html = false;
    let own = anchors(ctx.heading_ids);
    for event in pulldown_cmark::Parser::new_ext(text, options()) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                in_link += 1;
                open_links.push((events.len(), dest_url.to_string()));
                let dest = rewrite_link(&dest_url, ctx, &own);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                if let Some((start, dest)) = open_links.pop() {
                    if events.len() == start + 1 {
                        // `[](@id)`: the link shows the item's current title.
                        events.push(Event::Text(empty_link_text(&dest, ctx).into()));
                    }
                }
                events.push(event);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = if check_url(&dest_url).is_ok() {
                    dest_url
                } else {
                    CowStr::from("")
                };
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: _,
            }) => {
                in_heading = true;
                let id = ctx
                    .heading_ids
                    .get(heading_no)
                    .map(|s| CowStr::from(s.clone()))
                    .or(id)
                    .unwrap_or_else(|| CowStr::from(String::new()));
                heading_no += 1;
                let id = (!id.is_empty()).then_some(id);
                // `check` refuses other attributes; they are never written.
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                events.push(event);
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => {
                        l.split([' ', ',']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, src)) = code.take() {
                    events.push(Event::Html(highlight(&lang, &src, ctx).into()));
                }
            }
            Event::Text(t) if code.is_some() => {
                if let Some((_, src)) = code.as_mut() {
                    src.push_str(&t);
                }
            }
            Event::Text(t) if in_link == 0 && !in_heading => {
                link_text(&t, ctx, linked, &mut events)
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                raw_html = true;
                events.push(event);
            }
            e => events.push(e),
        }
    }
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if raw_html && !ctx.trusted_html {
        // The whole fragment, so tags opened and closed in different events stay paired.
        out = sanitize_html(&out);
    }
    out
}

/// Internal links become page-relative URLs; a URL the policy refuses becomes `#`.
fn rewrite_link(dest: &str, ctx: &Ctx, own: &Anchors) -> String {
    if is_internal(dest) {
        return match ctx.resolver.resolve(ctx.from_rel, dest, own) {
            Ok(url) if url.starts_with('#') => url,
            Ok(url) => format!("{}{url}", ctx.root),
            // check reported it; a build never gets here with a broken link.
            Err(_) => "#".to_string(),
        };
    }
    match check_url(dest) {
        Ok(()) => dest.to_string(),
        Err(_) => "#".to_string(),
    }
}

/// The text of a link written without any (`[](@id)`): the title of what it names, or the
/// target itself when that has no title (a URL).
fn empty_link_text(dest: &str, ctx: &Ctx) -> String {
    is_internal(dest)
        .then(|| ctx.resolver.title(ctx.from_rel, dest))
        .flatten()
        .unwrap_or_else(|| dest.to_string())
}

/// Text outside links: a bare `https://…` becomes a link to itself and an e-mail address a
/// `mailto:` link (merchants tap them on a phone), the rest gets its glossary terms linked.
fn link_text<'e>(
    text: &str,
    ctx: &Ctx,
    linked: &mut BTreeSet<String>,
    events: &mut Vec<Event<'e>>,
) {
    let mut finder = linkify::LinkFinder::new();
    finder
        .kinds(&[linkify::LinkKind::Url, linkify::LinkKind::Email])
        .url_can_be_iri(false);
    for span in finder.spans(text) {
        let mut part = span.as_str();
        let mut after = "";
        if span.kind() == Some(&linkify::LinkKind::Email) {
            // An address ends where ASCII does: `open@kuaishou.com，一般` (linkify reads on).
            if let Some(i) = part.find(|c: char| !c.is_ascii()) {
                (part, after) = part.split_at(i);
            }
        }
        let dest = match span.kind() {
            Some(linkify::LinkKind::Email) => format!("mailto:{part}"),
            Some(_) if part.starts_with("https://") || part.starts_with("http://") => {
                part.to_string()
            }
            _ => String::new(),
        };
        if dest.is_empty() || check_url(&dest).is_err() {
            link_terms(part, ctx, linked, events);
            continue;
        }
        events.push(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Autolink,
            dest_url: dest.into(),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        events.push(Event::Text(part.to_string().into()));
        events.push(Event::End(TagEnd::Link));
        if !after.is_empty() {
            link_terms(after, ctx, linked, events);
        }
    }
}

fn link_terms<'e>(
    text: &str,
    ctx: &Ctx,
    linked: &mut BTreeSet<String>,
    events: &mut Vec<Event<'e>>,
) {
    let Some(matcher) = &ctx.glossary.matcher else {
        events.push(Event::Text(text.to_string().into()));
        return;
    };
    let mut last = 0;
    for m in matcher.find_iter(text) {
        let (id, url) = &ctx.glossary.targets[m.pattern().as_usize()];
        if linked.contains(id) || ctx.skip_term == Some(id.as_str()) {
            continue;
        }
        linked.insert(id.clone());
        if m.start() > last {
            events.push(Event::Text(text[last..m.start()].to_string().into()));
        }
        let href = crate::render::escape(&format!("{}{url}", ctx.root));
        let word = crate::render::escape(&text[m.start()..m.end()]);
        events.push(Event::InlineHtml(
            format!("<a class=\"term\" href=\"{href}\">{word}</a>").into(),
        ));
        last = m.end();
    }
    if last < text.len() {
        events.push(Event::Text(text[last..].to_string().into()));
    }
}

fn highlight(lang: &str, src: &str, ctx: &Ctx) -> String {
    let esc_lang = crate::render::escape(lang);
    if lang.is_empty() {
        return format!(
            "<pre class=\"code\"><code>{}</code></pre>\n",
            crate::render::escape(src)
        );
    }
    let ss = (ctx.syntax)();
    let Some(syntax) = ss.find_syntax_by_token(lang) else {
        return format!(
            "<pre class=\"code\" data-lang=\"{esc_lang}\"><code>{}</code></pre>\n",
            crate::render::escape(src)
        );
    };
    let mut gen = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        ss,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(src) {
        if gen
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!(
                "<pre class=\"code\"><code>{}</code></pre>\n",
                crate::render::escape(src)
            );
        }
    }
    format!(
        "<pre class=\"code\" data-lang=\"{esc_lang}\"><code>{}</code></pre>\n",
        gen.finalize()
    )
}

/// Heading anchors for Markdown that was not analysed at load time (guide fields).
pub fn heading_ids(text: &str) -> Vec<String> {
    crate::load::markdown::analyze(text, 1)
        .headings
        .into_iter()
        .map(|h| h.id)
        .collect()
}
