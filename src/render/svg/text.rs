//! Text measurement and line breaking for build-time diagrams. There is no font at build
//! time, so widths are estimated: a CJK character (or any non-ASCII one) is 1 em wide, an
//! ASCII one about 0.55 em. Lines are broken without ever cutting text off; a run of ASCII
//! letters and digits stays whole when it fits a line, and closing punctuation never starts
//! a line.

use std::fmt::Write;

use crate::render::escape;

/// Width of `c` in em.
pub fn char_em(c: char) -> f32 {
    if c.is_ascii() {
        0.55
    } else {
        1.0
    }
}

/// Width of `s` in em.
pub fn text_em(s: &str) -> f32 {
    s.chars().map(char_em).sum()
}

/// Punctuation that must not begin a line (it stays with the character before it).
fn no_line_start(c: char) -> bool {
    "，。、；：？！）」』》〉】’”…,.;:?!)]}%".contains(c)
}

/// Punctuation that must not end a line (it goes with the character after it).
fn no_line_end(c: char) -> bool {
    "（「『《〈【‘“([{".contains(c)
}

/// Pieces that are not split across lines: a run of ASCII letters and digits, or one other
/// character, each with the opening punctuation before it and the closing punctuation after.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut prev_word = false;
    for c in text.chars() {
        let word = c.is_ascii_alphanumeric();
        let after_open = out
            .last()
            .and_then(|l| l.chars().last())
            .is_some_and(no_line_end);
        let join = (word && prev_word) || after_open || (no_line_start(c) && !out.is_empty());
        match out.last_mut() {
            Some(last) if join => last.push(c),
            _ => out.push(c.to_string()),
        }
        prev_word = word;
    }
    out
}

/// Break `text` into lines at most `max_em` wide (a single piece wider than that is broken
/// between characters). Nothing is dropped: the lines joined give back `text`, less the
/// spaces at line ends.
pub fn wrap(text: &str, max_em: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    for piece in pieces(text.trim()) {
        let w = text_em(&piece);
        if width + w > max_em + 0.01 && !line.is_empty() {
            lines.push(line.trim_end().to_string());
            line = String::new();
            width = 0.0;
        }
        if w > max_em {
            for c in piece.chars() {
                if width + char_em(c) > max_em + 0.01 && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    width = 0.0;
                }
                line.push(c);
                width += char_em(c);
            }
            continue;
        }
        if line.is_empty() && piece == " " {
            continue;
        }
        line.push_str(&piece);
        width += w;
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Break after clause punctuation only, packing whole clauses into lines (a clause wider
/// than a line is wrapped on its own); `None` for a text of one clause.
fn wrap_clauses(text: &str, max_em: f32) -> Option<Vec<String>> {
    let mut clauses: Vec<String> = vec![String::new()];
    for c in text.trim().chars() {
        clauses.last_mut().expect("a clause").push(c);
        if "，、；：。？！".contains(c) {
            clauses.push(String::new());
        }
    }
    clauses.retain(|c| !c.is_empty());
    if clauses.len() < 2 {
        return None;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut open = false; // may the last line take another clause?
    for clause in &clauses {
        let w = text_em(clause);
        match lines.last_mut() {
            Some(last) if open && text_em(last) + w <= max_em + 0.01 => last.push_str(clause),
            _ if w <= max_em + 0.01 => {
                lines.push(clause.clone());
                open = true;
            }
            _ => {
                lines.extend(wrap(clause, max_em));
                open = false;
            }
        }
    }
    Some(lines)
}

/// Like [`wrap`], in as few lines, but broken after clause punctuation where that costs no
/// extra line, and otherwise with the lines as even as they can be (no lone character on a
/// last line): the narrowest width that needs no more lines than `max_em`.
pub fn wrap_balanced(text: &str, max_em: f32) -> Vec<String> {
    let mut best = wrap(text, max_em);
    if let Some(clauses) = wrap_clauses(text, max_em) {
        if clauses.len() == best.len() {
            return clauses;
        }
    }
    let mut em = max_em - 0.5;
    while em >= 1.0 {
        let lines = wrap(text, em);
        if lines.len() > best.len() {
            break;
        }
        best = lines;
        em -= 0.5;
    }
    best
}

/// Width in em of the widest line.
pub fn widest_em(lines: &[String]) -> f32 {
    lines.iter().map(|l| text_em(l)).fold(0.0, f32::max)
}

/// A `<text>` element with one `<tspan>` per line, centred on `cx`, the block of lines
/// centred vertically on `cy`. `font` is the font size and `lead` the line height, in px.
pub fn text_block(s: &mut String, font: f32, lines: &[String], cx: f32, cy: f32, lead: f32) {
    let first = cy - (lines.len() as f32 - 1.0) * lead / 2.0;
    let _ = write!(
        s,
        "<text font-size=\"{font}\" text-anchor=\"middle\" dominant-baseline=\"central\">"
    );
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            s,
            "<tspan x=\"{cx:.0}\" y=\"{:.0}\">{}</tspan>",
            first + i as f32 * lead,
            escape(line)
        );
    }
    s.push_str("</text>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_cjk_as_one_em_and_ascii_as_about_half() {
        assert_eq!(text_em("类目资质"), 4.0);
        assert!((text_em("GMV 10w") - 3.85).abs() < 0.001);
    }

    #[test]
    fn wraps_without_losing_text() {
        let text = "准备清单：办公场所实景图 + 以往经营平台材料，并申请橱窗带货资质";
        let lines = wrap(text, 9.0);
        assert_eq!(
            lines,
            [
                "准备清单：办公场所",
                "实景图 + 以往经营",
                "平台材料，并申请橱",
                "窗带货资质"
            ]
        );
        for l in &lines {
            assert!(text_em(l) <= 9.0, "{l} is wider than 9 em");
        }
    }

    #[test]
    fn balances_lines() {
        assert_eq!(wrap("要上架视频号橱窗", 7.0), ["要上架视频号橱", "窗"]);
        assert_eq!(
            wrap_balanced("要上架视频号橱窗", 7.0),
            ["要上架视", "频号橱窗"]
        );
        assert_eq!(wrap_balanced("有线下实体店铺", 7.0), ["有线下实体店铺"]);
        assert_eq!(wrap_balanced("是，珠宝首饰类", 7.0), ["是，珠宝首饰类"]);
        // A line breaks after a clause where that costs no extra line.
        assert_eq!(
            wrap_balanced("点击「上架」，服务在服务市场展示", 11.8),
            ["点击「上架」，", "服务在服务市场展示"]
        );
        assert_eq!(
            wrap_balanced("是，我们是受让方", 6.0),
            ["是，", "我们是受让方"]
        );
        let long = "不要求；我们是贸易公司，可以提供办公场所实景图";
        assert_eq!(wrap_balanced(long, 6.0).len(), wrap(long, 6.0).len());
    }

    #[test]
    fn keeps_ascii_words_whole_and_punctuation_off_line_starts() {
        let lines = wrap("至少 1 个主播月 GMV 超过 10w（附截图）", 6.0);
        assert_eq!(
            lines,
            ["至少 1 个主", "播月 GMV 超", "过 10w（附", "截图）"]
        );
        assert!(!lines
            .iter()
            .any(|l| l.starts_with('）') || l.ends_with('（')));
        assert_eq!(wrap("短", 6.0), ["短"]);
        assert_eq!(wrap("一二三，四五六", 3.0), ["一二", "三，四", "五六"]);
    }
}
