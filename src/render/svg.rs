//! Build-time SVG swimlane diagram of a flow, drawn at reading size: one lane (column) per
//! role, one row per step, arrows from each step to the next. The SVG is 1:1 with CSS px
//! (its `width` is its viewBox width), so text keeps the size set here at any viewport; a
//! diagram wider than the page scrolls inside its figure. Each lane has a dashed lifeline,
//! so a lane with no step in a row reads as "this role waits", not as a missing step. Each
//! box is a link to its step on the page. Colours come from the theme's CSS classes.
//!
//! One-role flows and narrow screens get the HTML stepper of the flow template instead.

pub mod text;

use std::fmt::Write;

use crate::model::Flow;
use crate::render::escape;
use text::{text_block, wrap, wrap_balanced};

/// Width the lanes share at most before the diagram scrolls: the page column (52rem less
/// padding and the figure border) in px.
pub const COLUMN_PX: f32 = 796.0;
const LANE_MIN: f32 = 99.0;
const LANE_MAX: f32 = 190.0;
/// Gap between a box and its lane's edges, and between rows (where the arrows turn).
const BOX_INSET: f32 = 5.0;
const ROW_GAP: f32 = 26.0;
const PAD_X: f32 = 7.0;
const PAD_Y: f32 = 7.0;
/// The step number sits in a badge on the box's top-left corner; the text starts below it.
const BADGE_R: f32 = 10.0;
const PAD_TOP: f32 = 12.0;
/// How far the badge reaches left of the box (into the lane's inset).
const BADGE_INSET: f32 = 7.0;
const ROLE_FONT: f32 = 14.0;
const ROLE_LEAD: f32 = 19.0;
/// A swimlane taller than this repeats its role names at the bottom.
const FOOT_AFTER: f32 = 900.0;

/// A step box of the swimlane, placed.
#[derive(Debug, Clone)]
pub struct StepBox {
    pub lane: usize,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub lines: Vec<String>,
}

/// The laid-out swimlane: lane width, role headers, boxes, total size.
#[derive(Debug)]
pub struct Swimlane {
    pub lane_w: f32,
    pub head_h: f32,
    /// Height of the role names repeated at the bottom (0 when not repeated).
    pub foot_h: f32,
    pub font: f32,
    pub lead: f32,
    pub roles: Vec<Vec<String>>,
    pub boxes: Vec<StepBox>,
    pub width: f32,
    pub height: f32,
}

pub fn layout(flow: &Flow) -> Swimlane {
    let roles = flow.roles();
    let lane_w = (COLUMN_PX / roles.len().max(1) as f32)
        .clamp(LANE_MIN, LANE_MAX)
        .floor();
    let (font, lead) = if lane_w >= 140.0 {
        (14.0, 20.0)
    } else {
        (13.0, 18.0)
    };
    let box_w = lane_w - 2.0 * BOX_INSET;
    let text_em = (box_w - 2.0 * PAD_X) / font;
    let role_lines: Vec<Vec<String>> = roles
        .iter()
        .map(|r| wrap(r, (lane_w - 8.0) / ROLE_FONT))
        .collect();
    let head_lines = role_lines.iter().map(Vec::len).max().unwrap_or(1);
    let head_h = head_lines as f32 * ROLE_LEAD + 18.0;
    let mut y = head_h + ROW_GAP / 2.0;
    let mut boxes = Vec::with_capacity(flow.steps.len());
    for step in &flow.steps {
        let lane = roles.iter().position(|r| *r == step.role).unwrap_or(0);
        let lines = wrap_balanced(&step.title, text_em);
        let h = lines.len() as f32 * lead + PAD_TOP + PAD_Y;
        boxes.push(StepBox {
            lane,
            x: lane as f32 * lane_w + BOX_INSET,
            y,
            w: box_w,
            h,
            lines,
        });
        y += h + ROW_GAP;
    }
    let body_end = y - ROW_GAP / 2.0;
    let foot_h = if body_end > FOOT_AFTER { head_h } else { 0.0 };
    Swimlane {
        lane_w,
        head_h,
        foot_h,
        font,
        lead,
        roles: role_lines,
        boxes,
        width: roles.len() as f32 * lane_w,
        height: body_end + foot_h,
    }
}

/// A diagram in its scroll container, after a "swipe" hint that CSS shows only when the
/// diagram is wider than the figure (the hint knows the diagram's width from `--diagram-w`).
pub fn framed(svg: &str, width: f32) -> String {
    format!(
        "<div class=\"diagram-frame\" style=\"--diagram-w:{}px\">\
         <p class=\"scroll-hint\" aria-hidden=\"true\">← 左右滑动查看 →</p>\
         <div class=\"diagram-scroll\">{svg}</div></div>",
        width + 2.0
    )
}

/// The swimlane in its frame; empty for a flow with one role (the stepper shows it).
pub fn swimlane(flow: &Flow) -> String {
    if flow.roles().len() < 2 {
        return String::new();
    }
    let l = layout(flow);
    let id = escape(&flow.id);
    let (w, h) = (l.width, l.height);
    let mut s = String::with_capacity(1024 + flow.steps.len() * 400);
    let _ = write!(
        s,
        "<svg class=\"diagram-svg swimlane\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         role=\"group\" aria-labelledby=\"sl-{id}\"><title id=\"sl-{id}\">{}：流程图</title>\
         <defs><marker id=\"arrow-{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">\
         <path d=\"M0 0L10 5L0 10z\" class=\"arrowhead\"/></marker></defs>",
        escape(&flow.title)
    );
    for (i, role) in l.roles.iter().enumerate() {
        let x = i as f32 * l.lane_w;
        let cx = x + l.lane_w / 2.0;
        let _ = write!(
            s,
            "<rect class=\"sl-lane sl-lane-{}\" x=\"{x}\" y=\"0\" width=\"{}\" height=\"{h}\"/>\
             <path class=\"sl-life\" d=\"M{cx} {}V{}\"/><g class=\"sl-role\">",
            i % 2,
            l.lane_w,
            l.head_h,
            h - l.foot_h
        );
        text_block(&mut s, ROLE_FONT, role, cx, l.head_h / 2.0, ROLE_LEAD);
        s.push_str("</g>");
        if l.foot_h > 0.0 {
            s.push_str("<g class=\"sl-role\" aria-hidden=\"true\">");
            text_block(&mut s, ROLE_FONT, role, cx, h - l.foot_h / 2.0, ROLE_LEAD);
            s.push_str("</g>");
        }
    }
    let _ = write!(s, "<path class=\"sl-head\" d=\"M0 {}H{w}\"/>", l.head_h);
    if l.foot_h > 0.0 {
        let _ = write!(s, "<path class=\"sl-head\" d=\"M0 {}H{w}\"/>", h - l.foot_h);
    }
    for pair in l.boxes.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (x0, x1) = (a.x + a.w / 2.0, b.x + b.w / 2.0);
        let (top, bottom) = (a.y + a.h, b.y);
        let path = if a.lane == b.lane {
            format!("M{x0} {top}V{bottom}")
        } else {
            let mid = (top + bottom) / 2.0;
            format!("M{x0} {top}V{mid}H{x1}V{bottom}")
        };
        let _ = write!(
            s,
            "<path class=\"edge\" d=\"{path}\" marker-end=\"url(#arrow-{id})\"/>"
        );
    }
    for (i, (b, step)) in l.boxes.iter().zip(&flow.steps).enumerate() {
        let _ = write!(
            s,
            "<a href=\"#{}\" class=\"sl-step\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\"/>",
            escape(&step.id),
            b.x,
            b.y,
            b.w,
            b.h
        );
        let mid = b.y + PAD_TOP + b.lines.len() as f32 * l.lead / 2.0;
        text_block(&mut s, l.font, &b.lines, b.x + b.w / 2.0, mid, l.lead);
        let (nx, ny) = (b.x + BADGE_R - BADGE_INSET, b.y + 1.0);
        let _ = write!(
            s,
            "<g class=\"sl-num\"><circle cx=\"{nx}\" cy=\"{ny}\" r=\"{BADGE_R}\"/>\
             <text x=\"{nx}\" y=\"{ny}\" font-size=\"13\" text-anchor=\"middle\" dominant-baseline=\"central\">{}</text></g>",
            i + 1
        );
        s.push_str("</a>");
    }
    s.push_str("</svg>");
    framed(&s, w)
}

#[cfg(test)]
mod tests {
    use super::{layout, swimlane, text::text_em, COLUMN_PX, PAD_X};
    use crate::model::Flow;

    fn flow(roles: &[&str], steps: usize) -> Flow {
        let mut y = String::from("id: f\ntitle: 入驻审批\nsteps:\n");
        for i in 0..steps {
            let role = roles[i % roles.len()];
            let title = [
                "提交入驻申请信息表（包含提交商务标）",
                "广告审批",
                "归档《小红书推广服务使用确认函》",
            ][i % 3];
            y.push_str(&format!(
                "  - {{ id: s{i}, title: \"{title}\", role: {role}, system: CRM }}\n"
            ));
        }
        crate::load::yaml::parse(&std::sync::Arc::from("test.yaml"), 0, &y, 0).expect("test flow")
    }

    const EIGHT: [&str; 8] = [
        "代理商",
        "渠道经理",
        "渠道负责人",
        "廉政团队",
        "销管团队",
        "广告审核团队",
        "法务团队",
        "财务团队",
    ];

    #[test]
    fn eight_roles_fit_the_column_at_reading_size() {
        let l = layout(&flow(&EIGHT, 17));
        assert_eq!(l.roles.len(), 8);
        assert!(l.width <= COLUMN_PX, "{} px wide", l.width);
        assert!(l.font >= 13.0);
        // Role names stay on one line, step titles wrap inside their box, whole.
        assert!(l.roles.iter().all(|r| r.len() == 1), "{:?}", l.roles);
        for (i, b) in l.boxes.iter().enumerate() {
            assert_eq!(b.lane, i % 8);
            assert!(b.x >= b.lane as f32 * l.lane_w && b.x + b.w <= (b.lane + 1) as f32 * l.lane_w);
            for line in &b.lines {
                assert!(
                    text_em(line) * l.font <= b.w - 2.0 * PAD_X + 0.5,
                    "{line} spills"
                );
            }
        }
        let titles: Vec<String> = l.boxes.iter().map(|b| b.lines.concat()).collect();
        assert_eq!(titles[0], "提交入驻申请信息表（包含提交商务标）");
        // Rows follow each other without overlapping, in step order.
        for pair in l.boxes.windows(2) {
            assert!(pair[0].y + pair[0].h < pair[1].y);
        }
        assert!(l
            .boxes
            .last()
            .map(|b| b.y + b.h <= l.height)
            .unwrap_or(false));
    }

    #[test]
    fn few_roles_get_wider_lanes_and_larger_text() {
        let l = layout(&flow(&["服务商", "快手平台"], 4));
        assert_eq!((l.lane_w, l.font), (190.0, 14.0));
        assert_eq!(l.width, 380.0);
        assert_eq!(l.foot_h, 0.0, "a short swimlane names its roles once");
    }

    #[test]
    fn one_role_gets_no_swimlane_and_the_svg_is_one_to_one() {
        assert_eq!(swimlane(&flow(&["商家"], 5)), "");
        let f = flow(&EIGHT, 17);
        let (svg, l) = (swimlane(&f), layout(&f));
        assert!(svg.contains(&format!(
            "viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\"",
            w = l.width,
            h = l.height
        )));
        assert!(svg.contains(&format!("style=\"--diagram-w:{}px\"", l.width + 2.0)));
        assert_eq!(svg.matches("<a href=\"#s").count(), 17);
        assert_eq!(
            svg.matches("class=\"sl-life\"").count(),
            8,
            "a lifeline per lane"
        );
        assert!(
            !svg.contains("role=\"img\"") && !svg.contains("fill=") && !svg.contains("stroke=")
        );
        assert!(svg.contains("<g class=\"sl-num\"><circle"));
    }
}
