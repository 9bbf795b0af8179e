//! Build-time SVG map of a decision tree, drawn at reading size. The layered layout
//! (layers by depth, crossings reduced, no two boxes overlapping) comes from the
//! `layout-rs` crate; this module sizes the boxes from their wrapped text, gives every
//! answer a box of its own on its edge so the labels are laid out like nodes and never
//! overlap, routes the edges between adjacent layers through the free bands between them
//! (`route.rs`), and writes the SVG. Every question and outcome box is a link to its page (the
//! `<a>` wraps the shape and its text); colours come from the theme's CSS classes.

use std::collections::BTreeMap;
use std::fmt::Write;

use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::{Point, Position};
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use crate::model::Tree;
use crate::render::escape;
use crate::render::svg::text::{text_block, widest_em, wrap_balanced};

/// Font size and line height of question and outcome text, in px (1:1 with CSS px).
const FONT: f32 = 14.0;
const LEAD: f32 = 20.0;
/// Widest line of a question or outcome, in em.
const NODE_EM: f32 = 8.0;
/// The same for answer labels on the edges.
const LABEL_FONT: f32 = 13.0;
const LABEL_LEAD: f32 = 18.0;
const LABEL_EM: f32 = 6.0;
/// Padding inside a box, and the free space kept around each box by the layout.
const PAD_X: f32 = 10.0;
const PAD_Y: f32 = 8.0;
const HALO_X: f64 = 6.0;
const HALO_Y: f64 = 12.0;
const MARGIN: f32 = 6.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Question,
    Outcome,
    Answer,
}

/// A box of the map, placed: centre, size, lines of text, and the page it links to.
#[derive(Debug, Clone)]
pub struct Placed {
    pub kind: Kind,
    pub href: Option<String>,
    pub lines: Vec<String>,
    pub cx: f32,
    pub cy: f32,
    pub w: f32,
    pub h: f32,
}

impl Placed {
    pub fn left(&self) -> f32 {
        self.cx - self.w / 2.0
    }
    pub fn top(&self) -> f32 {
        self.cy - self.h / 2.0
    }
}

/// An edge as an SVG path; `arrow` when it ends at a question or outcome.
#[derive(Debug, Clone)]
pub struct Edge {
    pub d: String,
    pub arrow: bool,
}

/// The laid-out map, with (0, 0) at the top left.
#[derive(Debug)]
pub struct Map {
    pub width: f32,
    pub height: f32,
    pub boxes: Vec<Placed>,
    pub edges: Vec<Edge>,
}

/// Records the edge paths the layout computes (nodes are read from the graph itself).
#[derive(Default)]
struct Paths(BTreeMap<usize, Vec<(Point, Point)>>);

impl RenderBackend for Paths {
    fn draw_rect(
        &mut self,
        _: Point,
        _: Point,
        _: &StyleAttr,
        _: Option<String>,
        _: Option<ClipHandle>,
    ) {
    }
    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}
    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _: bool,
        _: (bool, bool),
        _: &StyleAttr,
        properties: Option<String>,
        _: &str,
    ) {
        if let Some(i) = properties.and_then(|p| p.parse().ok()) {
            self.0.insert(i, path.to_vec());
        }
    }
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

fn unplaced(kind: Kind, href: Option<String>, text: &str) -> Placed {
    let (font, lead, max) = match kind {
        Kind::Answer => (LABEL_FONT, LABEL_LEAD, LABEL_EM),
        _ => (FONT, LEAD, NODE_EM),
    };
    let lines = wrap_balanced(text, max);
    let w = (widest_em(&lines) * font + 2.0 * PAD_X).ceil();
    let h = (lines.len() as f32 * lead + 2.0 * PAD_Y).ceil();
    Placed {
        kind,
        href,
        lines,
        cx: 0.0,
        cy: 0.0,
        w,
        h,
    }
}

/// Lay the tree out top to bottom: questions and outcomes, an answer box on every edge.
pub fn layout(tree: &Tree) -> Map {
    let mut boxes: Vec<Placed> = Vec::new();
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for q in &tree.questions {
        by_id.insert(&q.id, boxes.len());
        boxes.push(unplaced(
            Kind::Question,
            Some(format!("{}/", q.id)),
            &q.text,
        ));
    }
    for o in &tree.outcomes {
        by_id.insert(&o.id, boxes.len());
        boxes.push(unplaced(
            Kind::Outcome,
            Some(format!("{}/", o.id)),
            &o.title,
        ));
    }
    // (from box, to box, ends with an arrow)
    let mut links: Vec<(usize, usize, bool)> = Vec::new();
    for q in &tree.questions {
        for a in &q.answers {
            let Some(&to) = by_id.get(a.next.as_str()) else {
                continue;
            };
            let label = boxes.len();
            boxes.push(unplaced(Kind::Answer, None, &a.label));
            links.push((by_id[q.id.as_str()], label, false));
            links.push((label, to, true));
        }
    }

    let mut vg = VisualGraph::new(Orientation::TopToBottom);
    let handles: Vec<_> = boxes
        .iter()
        .map(|b| {
            let size = Point::new(b.w as f64, b.h as f64);
            let mut e = Element::create(
                ShapeKind::Box(String::new()),
                StyleAttr::simple(),
                Orientation::TopToBottom,
                size,
            );
            e.pos = Position::new(
                Point::zero(),
                size,
                Point::zero(),
                Point::new(HALO_X, HALO_Y),
            );
            vg.add_node(e)
        })
        .collect();
    for (i, &(from, to, arrow)) in links.iter().enumerate() {
        let mut a = Arrow::simple_with_properties("", i.to_string());
        if !arrow {
            a.end = LineEndKind::None;
        }
        vg.add_edge(a, handles[from], handles[to]);
    }
    let mut paths = Paths::default();
    vg.do_it(false, false, false, &mut paths);

    for (b, &h) in boxes.iter_mut().zip(&handles) {
        let c = vg.pos(h).center();
        (b.cx, b.cy) = (c.x as f32, c.y as f32);
    }
    let curves: Vec<(Vec<(Point, Point)>, bool)> = links
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((paths.0.remove(&i)?, l.2)))
        .collect();

    // Shift everything so the top-left corner of the drawing is at (MARGIN, MARGIN).
    let mut min = (f32::MAX, f32::MAX);
    let mut max = (f32::MIN, f32::MIN);
    for b in &boxes {
        min = (min.0.min(b.left()), min.1.min(b.top()));
        max = (max.0.max(b.left() + b.w), max.1.max(b.top() + b.h));
    }
    for (curve, _) in &curves {
        for p in curve.iter().flat_map(|s| [s.0, s.1]) {
            min = (min.0.min(p.x as f32), min.1.min(p.y as f32));
            max = (max.0.max(p.x as f32), max.1.max(p.y as f32));
        }
    }
    let width = (max.0 - min.0 + 2.0 * MARGIN).ceil();
    // A map wider than the screen opens scrolled to its left edge: mirror it when that puts
    // the start question nearer that edge (a mirror image keeps the layout's properties).
    let start = by_id
        .get(tree.start.as_str())
        .map_or(0.0, |&i| boxes[i].cx - min.0);
    let mirror = start > (max.0 - min.0) / 2.0;
    let place = |x: f32| {
        let x = x - min.0 + MARGIN;
        if mirror {
            width - x
        } else {
            x
        }
    };
    let dy = MARGIN - min.1;
    for b in &mut boxes {
        (b.cx, b.cy) = (place(b.cx), b.cy + dy);
    }
    let routes = route::route(&boxes, &links);
    let edges = curves
        .iter()
        .zip(routes)
        .map(|((c, arrow), r)| Edge {
            d: r.unwrap_or_else(|| svg_path(c, &place, dy)),
            arrow: *arrow,
        })
        .collect();
    Map {
        width,
        height: (max.1 - min.1 + 2.0 * MARGIN).ceil(),
        boxes,
        edges,
    }
}

/// layout-rs paths are an exit vector then entry vectors: `M p C c, p, c S c, p …`.
fn svg_path(c: &[(Point, Point)], place: &dyn Fn(f32) -> f32, dy: f32) -> String {
    let p = |q: Point| format!("{:.1} {:.1}", place(q.x as f32), q.y as f32 + dy);
    let mut d = String::new();
    if c.len() < 2 {
        return d;
    }
    let _ = write!(
        d,
        "M{}C{} {} {}",
        p(c[0].0),
        p(c[0].1),
        p(c[1].0),
        p(c[1].1)
    );
    for s in &c[2..] {
        let _ = write!(d, "S{} {}", p(s.0), p(s.1));
    }
    d
}

/// The SVG, 1:1 with CSS px; node links are relative to the tree's index page (`<node>/`).
pub fn tree_map(tree: &Tree) -> String {
    let map = layout(tree);
    let id = escape(&tree.id);
    let (w, h) = (map.width, map.height);
    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        "<svg class=\"diagram-svg treemap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"group\" aria-labelledby=\"tm-{id}\">\
         <title id=\"tm-{id}\">{}：决策图</title><defs><marker id=\"tm-arrow-{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" class=\"arrowhead\"/></marker></defs>",
        escape(&tree.title)
    );
    for e in &map.edges {
        let marker = if e.arrow {
            format!(" marker-end=\"url(#tm-arrow-{id})\"")
        } else {
            String::new()
        };
        let _ = write!(s, "<path class=\"edge\" d=\"{}\"{marker}/>", e.d);
    }
    for b in &map.boxes {
        let (class, font, lead, rx) = match b.kind {
            Kind::Question => ("tm-question", FONT, LEAD, 4.0),
            Kind::Outcome => ("tm-outcome", FONT, LEAD, 14.0),
            Kind::Answer => ("tm-answer", LABEL_FONT, LABEL_LEAD, (b.h / 2.0).min(12.0)),
        };
        match &b.href {
            Some(href) => {
                let _ = write!(s, "<a href=\"{}\" class=\"{class}\">", escape(href));
            }
            None => {
                let _ = write!(s, "<g class=\"{class}\">");
            }
        }
        let _ = write!(
            s,
            "<rect x=\"{:.0}\" y=\"{:.0}\" width=\"{}\" height=\"{}\" rx=\"{rx:.0}\"/>",
            b.left(),
            b.top(),
            b.w,
            b.h
        );
        text_block(&mut s, font, &b.lines, b.cx, b.cy, lead);
        s.push_str(if b.href.is_some() { "</a>" } else { "</g>" });
    }
    s.push_str("</svg>");
    crate::render::svg::framed(&s, w)
}

mod route;
#[cfg(test)]
mod tests;
