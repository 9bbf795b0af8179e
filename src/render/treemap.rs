//! Build-time SVG map of a decision tree: questions and outcomes in columns by depth (the
//! longest path from the start), arrows from each question to where its answers lead. Every
//! node links to its own page. No client library.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::model::Tree;
use crate::render::escape;

const COL_W: usize = 190;
const BOX_W: usize = 160;
const ROW_H: usize = 64;
const BOX_H: usize = 48;
const PAD: usize = 10;

struct Node<'t> {
    id: &'t str,
    label: &'t str,
    outcome: bool,
    depth: usize,
    row: usize,
}

/// Depth of every node: the longest path from `start` (the tree has no cycles once checked).
fn depths(tree: &Tree) -> BTreeMap<&str, usize> {
    let mut depth: BTreeMap<&str, usize> = BTreeMap::new();
    depth.insert(&tree.start, 0);
    // Relax edges |nodes| times: enough for a DAG, and bounded.
    for _ in 0..=tree.questions.len() + tree.outcomes.len() {
        let mut changed = false;
        for q in &tree.questions {
            let Some(&d) = depth.get(q.id.as_str()) else {
                continue;
            };
            for a in &q.answers {
                let e = depth.entry(a.next.as_str()).or_insert(0);
                if *e < d + 1 {
                    *e = d + 1;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    depth
}

/// `(url segment, title)` for every node, in reading order (questions, then outcomes).
fn layout<'t>(tree: &'t Tree) -> Vec<Node<'t>> {
    let depth = depths(tree);
    let mut rows: BTreeMap<usize, usize> = BTreeMap::new();
    let mut nodes = Vec::new();
    let all = tree
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.text.as_str(), false))
        .chain(
            tree.outcomes
                .iter()
                .map(|o| (o.id.as_str(), o.title.as_str(), true)),
        );
    for (id, label, outcome) in all {
        let d = depth.get(id).copied().unwrap_or(0);
        let row = rows.entry(d).or_insert(0);
        nodes.push(Node {
            id,
            label,
            outcome,
            depth: d,
            row: *row,
        });
        *row += 1;
    }
    nodes
}

/// The SVG; node links are relative to the tree's index page (`<node>/`).
pub fn tree_map(tree: &Tree) -> String {
    let nodes = layout(tree);
    let cols = nodes.iter().map(|n| n.depth).max().unwrap_or(0) + 1;
    let rows = nodes.iter().map(|n| n.row).max().unwrap_or(0) + 1;
    let (width, height) = (cols * COL_W + 2 * PAD, rows * ROW_H + 2 * PAD);
    let pos: BTreeMap<&str, (usize, usize)> = nodes
        .iter()
        .map(|n| (n.id, (PAD + n.depth * COL_W, PAD + n.row * ROW_H)))
        .collect();
    let id = escape(&tree.id);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"treemap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" style=\"min-width:{}px\" role=\"img\" aria-labelledby=\"tm-{id}\">\
         <title id=\"tm-{id}\">{}：决策图</title><defs><marker id=\"tm-arrow-{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" class=\"sl-arrowhead\"/></marker></defs>",
        width * 3 / 4,
        escape(&tree.title)
    );
    for q in &tree.questions {
        let Some(&(x0, y0)) = pos.get(q.id.as_str()) else {
            continue;
        };
        for a in &q.answers {
            let Some(&(x1, y1)) = pos.get(a.next.as_str()) else {
                continue;
            };
            let (sx, sy, ex, ey) = (x0 + BOX_W, y0 + BOX_H / 2, x1, y1 + BOX_H / 2);
            let mid = (sx + ex) / 2;
            let _ = write!(s, "<path class=\"tm-edge\" d=\"M{sx} {sy}C{mid} {sy} {mid} {ey} {ex} {ey}\" marker-end=\"url(#tm-arrow-{id})\"/>");
        }
    }
    for n in &nodes {
        let (x, y) = pos[n.id];
        let class = if n.outcome {
            "tm-outcome"
        } else {
            "tm-question"
        };
        let _ = write!(
            s,
            "<a href=\"{}/\" class=\"{class}\"><rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"8\"/>",
            escape(n.id)
        );
        for (i, line) in crate::render::svg::wrap(n.label, 2, 10.5)
            .iter()
            .enumerate()
        {
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                x + BOX_W / 2,
                y + 20 + i * 17,
                escape(line)
            );
        }
        s.push_str("</a>");
    }
    s.push_str("</svg>");
    s
}
