//! Layout tests of the tree map: what a reader would otherwise find broken on the page.

use super::{layout, tree_map, Kind, Placed, FONT, LABEL_EM, LABEL_FONT, NODE_EM, PAD_X};
use crate::model::Tree;
use crate::render::svg::text::text_em;

/// A tree shaped like the bundled ones: long questions, long answers, questions with the
/// same text in different places, outcomes that only differ at the end of a long title,
/// an outcome reached from two questions.
const TREE: &str = r#"
id: t
title: 准备材料
start: q-store
questions:
  - id: q-store
    text: 你们有正在经营的线下实体店铺吗？
    answers:
      - { label: 有线下实体店铺, next: q-plat-a }
      - { label: 没有线下实体店铺, next: q-required }
  - id: q-required
    text: 你申请的类目是否要求必须开设实体店铺？
    answers:
      - { label: 是，类目要求必须有实体店（如「珠宝服务」）, next: o-no }
      - { label: 不要求；我们是贸易公司，可以提供办公场所实景图, next: q-plat-b }
  - id: q-plat-a
    text: 你以前在其他电商平台卖过这类商品吗？
    answers:
      - { label: 卖过，在抖音、快手或淘宝（含天猫）, next: q-live-a }
      - { label: 没有在其他平台卖过, next: o-jewel }
  - id: q-plat-b
    text: 你以前在其他电商平台卖过这类商品吗？
    answers:
      - { label: 卖过，在抖音、快手或淘宝（含天猫）, next: q-live-b }
      - { label: 没有在其他平台卖过, next: o-jewel }
  - id: q-live-a
    text: 类目资质通过后，你还要把商品上架到视频号橱窗带货吗？
    answers:
      - { label: 要上架视频号橱窗, next: o-store-live }
      - { label: 暂时只在小店发布商品, next: o-store }
  - id: q-live-b
    text: 类目资质通过后，你还要把商品上架到视频号橱窗带货吗？
    answers:
      - { label: 要上架视频号橱窗, next: o-office-live }
      - { label: 暂时只在小店发布商品, next: o-office }
outcomes:
  - { id: o-no, title: 该类目要求开设实体店铺，目前不满足条件 }
  - { id: o-jewel, title: 珠宝首饰类：其他平台的经营材料暂不被认可 }
  - { id: o-store, title: 准备清单：实体店铺经营证明 + 以往经营平台材料 }
  - { id: o-store-live, title: 准备清单：实体店铺经营证明 + 以往经营平台材料，并申请橱窗带货资质 }
  - { id: o-office, title: 准备清单：办公场所实景图 + 以往经营平台材料 }
  - { id: o-office-live, title: 准备清单：办公场所实景图 + 以往经营平台材料，并申请橱窗带货资质 }
"#;

fn tree() -> Tree {
    crate::load::yaml::parse(&std::sync::Arc::from("test.yaml"), 0, TREE, 0).expect("test tree")
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn overlap(a: &Placed, b: &Placed) -> bool {
    a.left() < b.left() + b.w
        && b.left() < a.left() + a.w
        && a.top() < b.top() + b.h
        && b.top() < a.top() + a.h
}

#[test]
fn boxes_never_overlap_and_stay_inside_the_drawing() {
    let map = layout(&tree());
    for (i, a) in map.boxes.iter().enumerate() {
        assert!(
            a.left() >= 0.0 && a.top() >= 0.0,
            "{:?} starts outside",
            a.lines
        );
        assert!(
            a.left() + a.w <= map.width && a.top() + a.h <= map.height,
            "{:?} ends outside",
            a.lines
        );
        for b in &map.boxes[i + 1..] {
            assert!(!overlap(a, b), "{:?} overlaps {:?}", a.lines, b.lines);
        }
    }
}

#[test]
fn every_text_is_whole_and_fits_its_box() {
    let t = tree();
    let map = layout(&t);
    let shown: Vec<String> = map
        .boxes
        .iter()
        .map(|b| squash(&b.lines.concat()))
        .collect();
    let mut expected: Vec<String> = t.questions.iter().map(|q| squash(&q.text)).collect();
    expected.extend(t.outcomes.iter().map(|o| squash(&o.title)));
    expected.extend(
        t.questions
            .iter()
            .flat_map(|q| q.answers.iter().map(|a| squash(&a.label))),
    );
    assert_eq!(shown, expected);
    for b in &map.boxes {
        let (font, max) = match b.kind {
            Kind::Answer => (LABEL_FONT, LABEL_EM),
            _ => (FONT, NODE_EM),
        };
        for line in &b.lines {
            assert!(text_em(line) <= max, "{line} is wider than {max} em");
            assert!(
                text_em(line) * font <= b.w - 2.0 * PAD_X + 0.5,
                "{line} does not fit {}",
                b.w
            );
        }
    }
    // Outcome titles that share a long start are told apart: no two outcome boxes read alike.
    let mut outcomes: Vec<&String> = map
        .boxes
        .iter()
        .zip(&shown)
        .filter(|(b, _)| b.kind == Kind::Outcome)
        .map(|(_, s)| s)
        .collect();
    outcomes.sort();
    outcomes.dedup();
    assert_eq!(outcomes.len(), t.outcomes.len());
}

#[test]
fn layers_go_down_from_question_through_answer_to_next() {
    let t = tree();
    let map = layout(&t);
    // Boxes are in source order: questions, outcomes, then answers.
    let index = |id: &str| {
        t.questions
            .iter()
            .position(|q| q.id == id)
            .or_else(|| {
                t.outcomes
                    .iter()
                    .position(|o| o.id == id)
                    .map(|i| t.questions.len() + i)
            })
            .expect("a node")
    };
    let mut answer = t.questions.len() + t.outcomes.len();
    for q in &t.questions {
        let qy = map.boxes[index(&q.id)].cy;
        for a in &q.answers {
            let label = &map.boxes[answer];
            assert_eq!(label.kind, Kind::Answer);
            assert_eq!(squash(&label.lines.concat()), squash(&a.label));
            let next = map.boxes[index(&a.next)].cy;
            assert!(qy < label.cy && label.cy < next, "{} goes up", a.label);
            answer += 1;
        }
    }
    assert_eq!(
        map.edges.iter().filter(|e| e.arrow).count(),
        answer - t.questions.len() - t.outcomes.len()
    );
}

#[test]
fn the_svg_is_one_to_one_linked_themed_and_deterministic() {
    let t = tree();
    let svg = tree_map(&t);
    let map = layout(&t);
    assert!(svg.contains(&format!(
        "viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\"",
        w = map.width,
        h = map.height
    )));
    assert!(svg.contains("<p class=\"scroll-hint\" aria-hidden=\"true\">← 左右滑动查看 →</p>"));
    assert!(
        !svg.contains("role=\"img\""),
        "links inside role=img are nested interactive"
    );
    assert!(
        !svg.contains("fill=") && !svg.contains("stroke="),
        "colours come from the theme's CSS"
    );
    assert!(svg.contains("<a href=\"o-store-live/\" class=\"tm-outcome\"><rect"));
    assert!(svg.contains("<a href=\"q-store/\" class=\"tm-question\"><rect"));
    assert_eq!(
        svg.matches("<a ").count(),
        t.questions.len() + t.outcomes.len()
    );
    assert_eq!(svg, tree_map(&t), "same tree, same bytes");
    // The start question is in the left half, where a phone shows the map first.
    let start = &map.boxes[0];
    assert!(
        start.cx <= map.width / 2.0,
        "start at {} of {}",
        start.cx,
        map.width
    );
}

/// A start question with a leaf on one side and a wide subtree on the other, both ways.
fn lopsided(big_first: bool) -> Tree {
    let (a, b) = if big_first {
        ("q-big", "o-leaf")
    } else {
        ("o-leaf", "q-big")
    };
    let mut y = format!(
        "id: l\ntitle: 偏\nstart: q-start\nquestions:\n  - id: q-start\n    text: 你是哪一类？\n    answers:\n      - {{ label: 甲类, next: {a} }}\n      - {{ label: 乙类, next: {b} }}\n  - id: q-big\n    text: 你要申请哪个类目？\n    answers:\n"
    );
    for i in 0..6 {
        y.push_str(&format!("      - {{ label: 类目{i}, next: o-{i} }}\n"));
    }
    y.push_str("outcomes:\n  - { id: o-leaf, title: 直接提交 }\n");
    for i in 0..6 {
        y.push_str(&format!("  - {{ id: o-{i}, title: 准备类目{i}的资质 }}\n"));
    }
    crate::load::yaml::parse(&std::sync::Arc::from("test.yaml"), 0, &y, 0).expect("lopsided tree")
}

#[test]
fn the_start_question_is_drawn_in_the_left_half() {
    for big_first in [true, false] {
        let map = layout(&lopsided(big_first));
        let start = &map.boxes[0];
        assert_eq!(squash(&start.lines.concat()), "你是哪一类？");
        assert!(
            start.cx <= map.width / 2.0,
            "start at {} of {} ({big_first})",
            start.cx,
            map.width
        );
    }
}

/// The axis-parallel segments of an orthogonal edge path (`M x y V y H x V y`).
fn segments(d: &str) -> Vec<((f32, f32), (f32, f32))> {
    let mut out = Vec::new();
    let mut at = (0.0, 0.0);
    let mut rest = d;
    while let Some(cmd) = rest.chars().next() {
        let end = rest[1..]
            .find(['M', 'V', 'H'])
            .map_or(rest.len(), |i| i + 1);
        let nums: Vec<f32> = rest[1..end]
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let next = match cmd {
            'M' => (nums[0], nums[1]),
            'V' => (at.0, nums[0]),
            'H' => (nums[0], at.1),
            _ => panic!("not an orthogonal path: {d}"),
        };
        if cmd != 'M' {
            out.push((at, next));
        }
        at = next;
        rest = &rest[end..];
    }
    out
}

#[test]
fn edges_run_between_the_layers_and_cross_no_box() {
    let map = layout(&tree());
    let inside = |p: (f32, f32), b: &Placed| {
        p.0 > b.left() && p.0 < b.left() + b.w && p.1 > b.top() && p.1 < b.top() + b.h
    };
    let mut orthogonal = 0;
    for e in &map.edges {
        if e.d.contains('C') {
            continue;
        }
        orthogonal += 1;
        for (a, b) in segments(&e.d) {
            // Walk the segment in 1 px steps, its two ends left out (they touch the boxes joined).
            let len = (b.0 - a.0).abs() + (b.1 - a.1).abs();
            for i in 1..len as usize {
                let t = i as f32 / len;
                let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                for x in &map.boxes {
                    assert!(!inside(p, x), "edge {} crosses {:?}", e.d, x.lines);
                }
            }
        }
    }
    // Every link but one joins adjacent layers: o-jewel is reached from two depths, and the
    // link from the upper one skips a layer (it keeps the layout's curve).
    assert_eq!(orthogonal, map.edges.len() - 1);
}
