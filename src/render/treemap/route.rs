//! Edge routes of the tree map between adjacent layers, drawn after layout-rs has placed the
//! boxes.

use std::collections::BTreeMap;

use super::Placed;

/// Orthogonal routes for the links between adjacent layers, org-chart style: down from the
/// parent, along a line in the free band between the two layers, down into the child. No
/// segment enters a layer's band, so no edge crosses a box or an answer label (layout-rs's
/// curves cut corners through neighbouring labels). Parents whose spans would share that line
/// get lines of their own, stacked in the band. None for a link that skips a layer: it keeps
/// layout-rs's curve.
pub(super) fn route(boxes: &[Placed], links: &[(usize, usize, bool)]) -> Vec<Option<String>> {
    // Layers: boxes share a layer when their centres are level; each layer's vertical band.
    let mut layers: Vec<(f32, f32, f32)> = Vec::new(); // (centre y, top, bottom)
    for b in boxes {
        match layers.iter_mut().find(|l| (l.0 - b.cy).abs() < 0.5) {
            Some(l) => (l.1, l.2) = (l.1.min(b.top()), l.2.max(b.top() + b.h)),
            None => layers.push((b.cy, b.top(), b.top() + b.h)),
        }
    }
    layers.sort_by(|a, b| a.0.total_cmp(&b.0));
    let layer = |b: &Placed| layers.iter().position(|l| (l.0 - b.cy).abs() < 0.5);
    // The spans each parent's line covers in the band below its layer.
    let mut spans: BTreeMap<usize, (usize, f32, f32)> = BTreeMap::new(); // parent → (gap, from x, to x)
    for &(from, to, _) in links {
        let (a, b) = (&boxes[from], &boxes[to]);
        let (Some(la), Some(lb)) = (layer(a), layer(b)) else {
            continue;
        };
        if lb != la + 1 {
            continue;
        }
        let e = spans.entry(from).or_insert((la, a.cx, a.cx));
        (e.1, e.2) = (e.1.min(b.cx), e.2.max(b.cx));
    }
    // Stack the lines of parents whose spans overlap in the same band.
    let mut lane: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // parent → (lane, lanes)
    for gap in 0..layers.len() {
        let mut here: Vec<(usize, f32, f32)> = (spans.iter())
            .filter(|(_, s)| s.0 == gap)
            .map(|(&p, s)| (p, s.1, s.2))
            .collect();
        here.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        let mut ends: Vec<f32> = Vec::new(); // right end of each lane's last span
        let mut assigned = Vec::new();
        for (p, left, right) in here {
            let n = match ends.iter().position(|&e| e + 4.0 < left) {
                Some(n) => n,
                None => {
                    ends.push(f32::MIN);
                    ends.len() - 1
                }
            };
            ends[n] = right;
            assigned.push((p, n));
        }
        for (p, n) in assigned {
            lane.insert(p, (n, ends.len()));
        }
    }
    links
        .iter()
        .map(|&(from, to, _)| {
            let (a, b) = (&boxes[from], &boxes[to]);
            let (n, lanes) = *lane.get(&from)?;
            let gap = layer(a)?;
            if layer(b)? != gap + 1 {
                return None;
            }
            let (top, bottom) = (layers[gap].2, layers[gap + 1].1);
            let y = top + (bottom - top) * (n + 1) as f32 / (lanes + 1) as f32;
            let (x0, y0, x1, y1) = (a.cx, a.top() + a.h, b.cx, b.top());
            Some(if (x0 - x1).abs() < 0.5 {
                format!("M{x0:.1} {y0:.1}V{y1:.1}")
            } else {
                format!("M{x0:.1} {y0:.1}V{y:.1}H{x1:.1}V{y1:.1}")
            })
        })
        .collect()
}
