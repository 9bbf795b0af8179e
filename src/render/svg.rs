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
const ROLE_FONT: f32 = 14.0;
const ROLE_LEAD: f32 = 19.0;

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
    for (i, step) in flow.steps.iter().enumerate() {
        let lane = roles.iter().position(|r| *r == step.role).unwrap_or(0);
        let lines = wrap_balanced(&format!("{}. {}", i + 1, step.title), text_em);
        let h = lines.len() as f32 * lead + 2.0 * PAD_Y;
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
    Swimlane {
        lane_w,
        head_h,
        font,
        lead,
        roles: role_lines,
        boxes,
        width: roles.len() as f32 * lane_w,
        height: y - ROW_GAP / 2.0,
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
             <path class=\"sl-life\" d=\"M{cx} {}V{h}\"/><g class=\"sl-role\">",
            i % 2,
            l.lane_w,
            l.head_h
        );
        text_block(&mut s, ROLE_FONT, role, cx, l.head_h / 2.0, ROLE_LEAD);
        s.push_str("</g>");
    }
    let _ = write!(s, "<path class=\"sl-head\" d=\"M0 {}H{w}\"/>", l.head_h);
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
    for (b, step) in l.boxes.iter().zip(&flow.steps) {
        let _ = write!(
            s,
            "<a href=\"#{}\" class=\"sl-step\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\"/>",
            escape(&step.id),
            b.x,
            b.y,
            b.w,
            b.h
        );
        text_block(
            &mut s,
            l.font,
            &b.lines,
            b.x + b.w / 2.0,
            b.y + b.h / 2.0,
            l.lead,
        );
        s.push_str("</a>");
    }
    s.push_str("</svg>");
    framed(&s, w)
}
