//! Markdown to HTML for one page: internal links rewritten (relative to the page), glossary
//! terms linked where they first appear, fenced code highlighted with syntect, raw HTML and
//! `javascript:`/`data:` links neutralised. Content text never passes through tera.

use std::collections::BTreeSet;

use aho_corasick::{AhoCorasick, MatchKind};
use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::load::markdown::{is_internal, options};
use crate::model::links::Resolver;

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
}

pub fn render(text: &str, ctx: &Ctx, linked: &mut BTreeSet<String>) -> String {
    let mut events: Vec<Event> = Vec::new();
    let mut in_link = 0usize;
    let mut in_heading = false;
    let mut heading_no = 0usize;
    let mut code: Option<(String, String)> = None;
    for event in pulldown_cmark::Parser::new_ext(text, options()) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                in_link += 1;
                let dest = rewrite_link(&dest_url, ctx);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                events.push(event);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = safe_url(&dest_url).unwrap_or_default();
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
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
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
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
                link_terms(&t, ctx, linked, &mut events)
            }
            // Raw HTML in sources is shown as text, never passed through.
            Event::Html(h) | Event::InlineHtml(h) => events.push(Event::Text(h)),
            e => events.push(e),
        }
    }
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Internal links become page-relative URLs; unsafe schemes become `#`.
fn rewrite_link(dest: &str, ctx: &Ctx) -> String {
    if is_internal(dest) {
        return match ctx.resolver.resolve(ctx.from_rel, dest, ctx.heading_ids) {
            Ok(url) if url.starts_with('#') => url,
            Ok(url) => format!("{}{url}", ctx.root),
            // check reported it; a build never gets here with a broken link.
            Err(_) => "#".to_string(),
        };
    }
    safe_url(dest).unwrap_or_else(|| "#".to_string())
}

/// None for `javascript:`, `data:`, `vbscript:` (ignoring case, spaces and control chars).
pub fn safe_url(dest: &str) -> Option<String> {
    let folded: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let bad = ["javascript:", "data:", "vbscript:"]
        .iter()
        .any(|s| folded.starts_with(s));
    (!bad).then(|| dest.to_string())
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
