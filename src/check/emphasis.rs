//! Bold that did not take effect. CommonMark closes `**` only when it is "right-flanking":
//! after Chinese punctuation (`）`, `。`, `”` …) it closes only before a space or more
//! punctuation, so `**主账号（管理员）**授权` shows its asterisks. Merchants would see them;
//! editors get a warning at the place, with the fix.

use pulldown_cmark::{Event, Parser};

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::markdown::{options, Locator};
use crate::model::walk::for_each_guide_markdown;
use crate::model::Model;
use crate::msg;

/// (line, column) within `text` (both from 1) of each `**` left as text. pulldown-cmark
/// gives unmatched delimiters as text events of their own, so adjacent text is joined first.
fn stray_markers(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut run_start = 0;
    // Counts lines and columns on from the last place, so many markers stay linear.
    let mut at = Locator::new(text, 1);
    let mut flush = |run: &mut String, start: usize| {
        if let Some(i) = run.find("**") {
            out.push(at.at((start + i).min(text.len())));
        }
        run.clear();
    };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Text(t) if text.get(range.clone()) == Some(t.as_ref()) => {
                if run.is_empty() || run_start + run.len() != range.start {
                    flush(&mut run, run_start);
                    run_start = range.start;
                }
                run.push_str(&t);
            }
            _ => flush(&mut run, run_start),
        }
    }
    flush(&mut run, run_start);
    out
}

/// Bold left open in the guide sources, and in the content pages when `pages` is set.
pub fn check(model: &Model, pages: bool, diags: &mut Diagnostics) {
    let warn =
        |span: Span| Diagnostic::warning(span, msg!(BOLD_UNCLOSED)).hint(msg!(BOLD_UNCLOSED_HINT));
    let all = model
        .pages
        .iter()
        .chain(model.sections.iter().map(|s| &s.page));
    for page in all.filter(|_| pages) {
        let file = model.file_name(page.origin.file);
        for (line, col) in stray_markers(&page.body) {
            diags.push(warn(Span {
                file: file.clone(),
                line: page.body_line + line - 1,
                col,
            }));
        }
    }
    for_each_guide_markdown(model, |text| {
        for (line, col) in stray_markers(text) {
            diags.push(warn(model.span(text.at.inside(line, col))));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::stray_markers;

    #[test]
    fn finds_bold_that_did_not_close() {
        assert_eq!(stray_markers("由**主账号（管理员）**授权"), vec![(1, 2)]);
        assert!(stray_markers("由**主账号**（管理员）授权").is_empty());
        assert!(stray_markers("**加盖公章**后上传").is_empty());
        assert_eq!(stray_markers("a\n\n**只交报备函不够。**如果").len(), 1);
    }
}
