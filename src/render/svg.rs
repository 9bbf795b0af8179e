//! Build-time SVG swimlane diagram of a flow: one column (lane) per role, one row per step,
//! arrows from each step to the next. Each box links to its step on the page. No client
//! library: the SVG is inlined in the flow page and scales with its container.

use std::fmt::Write;

use crate::model::Flow;
use crate::render::escape;

const LANE_W: usize = 150;
const HEAD_H: usize = 44;
const ROW_H: usize = 70;
const BOX_W: usize = 132;
const BOX_H: usize = 50;
const PAD: usize = 8;
/// Width of a line of box text, in CJK characters (ASCII counts as about half).
const LINE_UNITS: f32 = 8.6;

pub fn swimlane(flow: &Flow) -> String {
    let roles = flow.roles();
    let width = roles.len() * LANE_W + 2 * PAD;
    let height = HEAD_H + flow.steps.len() * ROW_H + PAD;
    let mut s = String::with_capacity(512 + flow.steps.len() * 400);
    let title = escape(&flow.title);
    let _ = write!(
        s,
        "<svg class=\"swimlane\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" style=\"min-width:{min}px\" \
         role=\"img\" aria-labelledby=\"sl-{id}\"><title id=\"sl-{id}\">{title}：流程图</title>\
         <defs><marker id=\"arrow-{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">\
         <path d=\"M0 0L10 5L0 10z\" class=\"sl-arrowhead\"/></marker></defs>",
        id = escape(&flow.id),
        min = width * 3 / 4,
    );
    for (i, role) in roles.iter().enumerate() {
        let x = PAD + i * LANE_W;
        let _ = write!(
            s,
            "<rect class=\"sl-lane sl-lane-{}\" x=\"{x}\" y=\"0\" width=\"{LANE_W}\" height=\"{height}\"/>\
             <text class=\"sl-role\" x=\"{}\" y=\"28\" text-anchor=\"middle\">{}</text>",
            i % 2,
            x + LANE_W / 2,
            escape(role)
        );
    }
    let centre = |i: usize| -> (usize, usize) {
        let lane = roles
            .iter()
            .position(|r| *r == flow.steps[i].role)
            .unwrap_or(0);
        (
            PAD + lane * LANE_W + LANE_W / 2,
            HEAD_H + i * ROW_H + ROW_H / 2,
        )
    };
    for i in 1..flow.steps.len() {
        let (x0, y0) = centre(i - 1);
        let (x1, y1) = centre(i);
        let (top, bottom) = (y0 + BOX_H / 2, y1 - BOX_H / 2);
        let path = if x0 == x1 {
            format!("M{x0} {top}V{bottom}")
        } else {
            let mid = (top + bottom) / 2;
            format!("M{x0} {top}V{mid}H{x1}V{bottom}")
        };
        let _ = write!(
            s,
            "<path class=\"sl-edge\" d=\"{path}\" marker-end=\"url(#arrow-{})\"/>",
            escape(&flow.id)
        );
    }
    for (i, step) in flow.steps.iter().enumerate() {
        let (cx, cy) = centre(i);
        let (x, y) = (cx - BOX_W / 2, cy - BOX_H / 2);
        let lines = wrap(&format!("{}. {}", i + 1, step.title), 2, LINE_UNITS);
        let _ = write!(
            s,
            "<a href=\"#{}\" class=\"sl-step\"><rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"8\"/>",
            escape(&step.id)
        );
        let first = cy as f32 - (lines.len() as f32 - 1.0) * 8.5 + 5.0;
        for (li, line) in lines.iter().enumerate() {
            let _ = write!(
                s,
                "<text x=\"{cx}\" y=\"{:.0}\" text-anchor=\"middle\">{}</text>",
                first + li as f32 * 17.0,
                escape(line)
            );
        }
        s.push_str("</a>");
    }
    s.push_str("</svg>");
    s
}

/// Break `text` into at most `max` lines that fit a box, ending with … when cut.
pub fn wrap(text: &str, max: usize, line_units: f32) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut units = 0.0;
    for c in text.chars() {
        let w = if c.is_ascii() { 0.55 } else { 1.0 };
        if units + w > line_units {
            if lines.len() == max {
                let last = lines.last_mut().expect("a line");
                last.pop();
                last.push('…');
                return lines;
            }
            lines.push(String::new());
            units = 0.0;
        }
        lines.last_mut().expect("a line").push(c);
        units += w;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{wrap, LINE_UNITS};

    #[test]
    fn wraps_and_cuts_long_titles() {
        assert_eq!(wrap("短标题", 2, LINE_UNITS), ["短标题"]);
        let w = wrap("一二三四五六七八九十一二三四五六七八九十", 2, LINE_UNITS);
        assert_eq!(w.len(), 2);
        assert!(w[1].ends_with('…'));
    }
}
