//! The text a reader sees in Markdown, for the index and its snippets: no markup, no link
//! targets, blocks separated by a space, and a link written without text (`[](@id)`,
//! `[](page.md#x)`) read as the title the page shows for it, never as nothing ("见。").

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// The title an empty link shows, by its destination (`@id`, `page.md#x`); `None` when the
/// page shows no title for it.
pub type TitleOf<'f> = &'f dyn Fn(&str) -> Option<String>;

/// Text of a Markdown fragment being collected.
struct Plain<'f, 'e> {
    out: String,
    title_of: TitleOf<'f>,
    /// The open link: its destination and where its text starts in `out`.
    link: Option<(CowStr<'e>, usize)>,
}

impl<'e> Plain<'_, 'e> {
    /// Add the text of one Markdown event (blocks separated by a space).
    fn push(&mut self, ev: Event<'e>) {
        let out = &mut self.out;
        match ev {
            Event::Start(Tag::Link { dest_url, .. }) => self.link = Some((dest_url, out.len())),
            Event::End(TagEnd::Link) => {
                if let Some((dest, start)) = self.link.take() {
                    if out.len() == start {
                        if let Some(title) = (self.title_of)(&dest) {
                            out.push_str(&title);
                        }
                    }
                }
            }
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
                if !out.ends_with(' ') && !out.is_empty() =>
            {
                out.push(' ')
            }
            _ => {}
        }
    }

    /// The collected text, without trailing space.
    fn finish(mut self) -> String {
        self.out.truncate(self.out.trim_end().len());
        self.out
    }
}

/// The plain text of a Markdown body before its first heading, and after each heading up to
/// the next (one entry per heading, in the order of `Page::headings`: both come from the
/// same parser with the same options).
pub fn split_sections(md: &str, title_of: TitleOf) -> (String, Vec<String>) {
    let mut parts = Vec::new();
    let mut part = Plain {
        out: String::new(),
        title_of,
        link: None,
    };
    let mut in_heading = false;
    for ev in Parser::new_ext(md, crate::load::markdown::options()) {
        match ev {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                let next = Plain {
                    out: String::new(),
                    title_of,
                    link: None,
                };
                parts.push(std::mem::replace(&mut part, next).finish());
            }
            _ if in_heading => {}
            ev => part.push(ev),
        }
    }
    parts.push(part.finish());
    let intro = parts.remove(0);
    (intro, parts)
}

/// The text a reader sees of a Markdown fragment (a guide field), with the titles of its
/// empty links from `title_of`. Raw HTML is text on the site too, so it stays.
pub fn plain_text_with(md: &str, title_of: TitleOf) -> String {
    let mut text = Plain {
        out: String::with_capacity(md.len()),
        title_of,
        link: None,
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    for ev in Parser::new_ext(md, opts) {
        text.push(ev);
    }
    text.finish()
}

/// [`plain_text_with`] for text whose empty links have no title to show.
pub fn plain_text(md: &str) -> String {
    plain_text_with(md, &|_| None)
}

#[cfg(test)]
mod tests {
    use super::{plain_text, plain_text_with, split_sections};

    #[test]
    fn markdown_becomes_text() {
        let (intro, sections) = split_sections(
            "导语\n\n## 一 {#a}\n\n甲**乙**\n\n### 二\n\n- 丙\n- 丁\n",
            &|_| None,
        );
        assert_eq!(intro, "导语");
        assert_eq!(sections, ["甲乙", "丙 丁"]);
        assert_eq!(
            plain_text(
                "## 标题 {#t}\n\n**保证金**见[这里](@faq)。\n\n| a | b |\n|---|---|\n| 1 | 2 |"
            ),
            "标题 保证金见这里。 a b 1 2"
        );
    }

    #[test]
    fn an_empty_link_reads_as_the_title_it_shows() {
        let title_of = |dest: &str| (dest == "@faq").then(|| "保证金怎么交？".to_string());
        assert_eq!(
            plain_text_with("详见[](@faq)。另见[原话](@faq)与[](x.md)。", &title_of),
            "详见保证金怎么交？。另见原话与。"
        );
        let (intro, sections) =
            split_sections("先看[](@faq)\n\n## 二\n\n再看[](@faq)。", &title_of);
        assert_eq!(intro, "先看保证金怎么交？");
        assert_eq!(sections, ["再看保证金怎么交？。"]);
    }
}
