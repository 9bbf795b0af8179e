//! Decision-tree pages: the tree's index (with its SVG map), one page per question whose
//! answers are plain links, and one page per outcome. Every question and outcome has its own
//! URL, so any of them can be shared, and the whole tree works with JavaScript off.

use std::collections::BTreeSet;

use serde::Serialize;

use super::guides::{crumb_platform, index_html, material_view, source_view};
use super::tree_shape::{places, Place};
use super::views::{LinkView, MaterialView, SourceView};
use super::{OutFile, Renderer};
use crate::diag::Diagnostic;
use crate::model::guide::{Outcome, Question};
use crate::model::index::url;
use crate::model::{Platform, Tree};

#[derive(Serialize)]
struct TreeView {
    id: String,
    title: String,
    start: String,
    start_url: String,
    /// Questions on the longest path from the start to an outcome.
    longest: usize,
    outcomes: Vec<LinkView>,
    source: SourceView,
}

#[derive(Serialize)]
struct AnswerView {
    label: String,
    url: String,
    next: String,
}

#[derive(Serialize)]
struct QuestionView {
    id: String,
    text: String,
    help_html: String,
    answers: Vec<AnswerView>,
    is_start: bool,
    /// 第 N 题: its number on the shortest path from the start.
    number: usize,
    /// 最多还有 M 个问题 after this one.
    remaining: usize,
    /// The previous question, when exactly one leads here.
    parent: Option<ParentView>,
}

#[derive(Serialize)]
struct OutcomeView {
    id: String,
    title: String,
    materials: Vec<MaterialView>,
    submit: Option<String>,
    steps: Vec<LinkView>,
    body_html: String,
    checklist_url: String,
    parent: Option<ParentView>,
}

#[derive(Serialize)]
struct TreeCtx<'a, T> {
    tree: &'a TreeView,
    #[serde(flatten)]
    node: T,
}

fn tree_view(p: &Platform, t: &Tree, root: &str) -> TreeView {
    let rel = |id: &str| format!("{root}{}", url::tree_node(p.id(), &t.id, id));
    TreeView {
        id: t.id.clone(),
        title: t.title.clone(),
        start: t.start.value.clone(),
        start_url: rel(&t.start),
        longest: places(t)
            .get(t.start.as_str())
            .map_or(1, |s| s.remaining + 1),
        outcomes: t
            .outcomes
            .iter()
            .map(|o| LinkView {
                title: o.title.clone(),
                url: rel(&o.id),
            })
            .collect(),
        source: source_view(p.source_of(&t.source)),
    }
}

fn crumbs(p: &Platform, t: &Tree) -> Vec<LinkView> {
    vec![
        crumb_platform(p),
        LinkView {
            title: t.title.clone(),
            url: url::tree(p.id(), &t.id),
        },
    ]
}

pub(super) fn index(r: &Renderer, p: &Platform, t: &Tree) -> Result<OutFile, Diagnostic> {
    let path = url::tree(p.id(), &t.id);
    let summary = super::guides::plain_summary(&t.summary);
    let base = r.base(&path, &t.title, &summary, vec![crumb_platform(p)]);
    let tree = tree_view(p, t, &base.root);
    /// Only the index page shows the summary and the map.
    #[derive(Serialize)]
    struct Index {
        summary_html: String,
        svg: String,
    }
    let node = Index {
        summary_html: r.md(p, &t.summary, &base.root, &mut BTreeSet::new()),
        svg: super::treemap::tree_map(t),
    };
    r.page(
        "tree.html",
        base,
        &TreeCtx { tree: &tree, node },
        index_html(&path),
    )
}

/// The previous question, when exactly one leads to a node.
#[derive(Serialize)]
struct ParentView {
    id: String,
    text: String,
    url: String,
}

fn parent_link(p: &Platform, t: &Tree, place: Option<&Place>, root: &str) -> Option<ParentView> {
    let id = place?.parent.as_deref()?;
    let q = t.questions.iter().find(|q| q.id == id)?;
    Some(ParentView {
        id: id.to_string(),
        text: q.text.clone(),
        url: format!("{root}{}", url::tree_node(p.id(), &t.id, id)),
    })
}

fn question_view(r: &Renderer, p: &Platform, t: &Tree, q: &Question, root: &str) -> QuestionView {
    let shape = places(t);
    let place = shape.get(&q.id);
    QuestionView {
        id: q.id.clone(),
        text: q.text.clone(),
        help_html: r.md(p, &q.help, root, &mut BTreeSet::new()),
        answers: q
            .answers
            .iter()
            .map(|a| AnswerView {
                label: a.label.clone(),
                url: format!("{root}{}", url::tree_node(p.id(), &t.id, &a.next)),
                next: a.next.value.clone(),
            })
            .collect(),
        is_start: q.id == t.start,
        number: place.map_or(1, |s| s.depth),
        remaining: place.map_or(0, |s| s.remaining),
        parent: parent_link(p, t, place, root),
    }
}

#[derive(Serialize)]
struct QuestionCtx {
    question: QuestionView,
}

#[derive(Serialize)]
struct OutcomeCtx {
    outcome: OutcomeView,
}

pub(super) fn question(
    r: &Renderer,
    p: &Platform,
    t: &Tree,
    q: &Question,
) -> Result<OutFile, Diagnostic> {
    let path = url::tree_node(p.id(), &t.id, &q.id);
    let base = r.base(&path, &q.text, &t.title, crumbs(p, t));
    let root = base.root.clone();
    let tree = tree_view(p, t, &root);
    let node = QuestionCtx {
        question: question_view(r, p, t, q, &root),
    };
    r.page(
        "tree_question.html",
        base,
        &TreeCtx { tree: &tree, node },
        index_html(&path),
    )
}

fn outcome_view(r: &Renderer, p: &Platform, t: &Tree, o: &Outcome, root: &str) -> OutcomeView {
    let mut linked = BTreeSet::new();
    OutcomeView {
        id: o.id.clone(),
        title: o.title.clone(),
        materials: o
            .materials
            .iter()
            .filter_map(|m| material_view(r, m, root, &mut linked))
            .collect(),
        submit: o.submit.as_ref().map(|s| s.value.clone()),
        steps: o
            .steps
            .iter()
            .filter_map(|s| r.index.get(s))
            .map(|target| LinkView {
                title: target.title.clone(),
                url: format!("{root}{}", target.url),
            })
            .collect(),
        body_html: r.md(p, &o.body, root, &mut linked),
        checklist_url: format!(
            "{root}{}",
            url::checklist_of(&url::tree_node(p.id(), &t.id, &o.id))
        ),
        parent: parent_link(p, t, places(t).get(&o.id), root),
    }
}

pub(super) fn outcome(
    r: &Renderer,
    p: &Platform,
    t: &Tree,
    o: &Outcome,
) -> Result<OutFile, Diagnostic> {
    let path = url::tree_node(p.id(), &t.id, &o.id);
    let base = r.base(&path, &o.title, &t.title, crumbs(p, t));
    let root = base.root.clone();
    let tree = tree_view(p, t, &root);
    let node = OutcomeCtx {
        outcome: outcome_view(r, p, t, o, &root),
    };
    r.page(
        "tree_outcome.html",
        base,
        &TreeCtx { tree: &tree, node },
        index_html(&path),
    )
}

/// `tree-data.js`: every node's text and body, for running the tree in place. A script, not
/// JSON to fetch, so it also loads from file://. Bodies are the same partial templates the
/// node pages include, rendered for the node pages' depth.
pub(super) fn data_js(r: &Renderer, p: &Platform, t: &Tree) -> Result<OutFile, Diagnostic> {
    #[derive(Serialize)]
    struct Answer<'a> {
        label: &'a str,
        next: &'a str,
    }
    #[derive(Serialize)]
    struct Node<'a> {
        kind: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<&'a str>,
        answers: Vec<Answer<'a>>,
        html: String,
        depth: usize,
        remaining: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        parent: Option<String>,
    }
    #[derive(Serialize)]
    struct Data<'a> {
        title: &'a str,
        start: &'a str,
        nodes: std::collections::BTreeMap<&'a str, Node<'a>>,
    }
    let root = super::root_prefix(&url::tree_node(p.id(), &t.id, &t.start));
    let mut nodes = std::collections::BTreeMap::new();
    let shape = places(t);
    let place = |id: &str| {
        shape.get(id).cloned().unwrap_or(Place {
            depth: 1,
            remaining: 0,
            parent: None,
        })
    };
    for q in &t.questions {
        let html = r.partial(
            "tree_question_body.html",
            &QuestionCtx {
                question: question_view(r, p, t, q, &root),
            },
        )?;
        let answers = q
            .answers
            .iter()
            .map(|a| Answer {
                label: &a.label,
                next: &a.next,
            })
            .collect();
        let Place {
            depth,
            remaining,
            parent,
        } = place(&q.id);
        nodes.insert(
            q.id.as_str(),
            Node {
                kind: "q",
                text: Some(&q.text),
                title: None,
                answers,
                html,
                depth,
                remaining,
                parent,
            },
        );
    }
    for o in &t.outcomes {
        let html = r.partial(
            "tree_outcome_body.html",
            &OutcomeCtx {
                outcome: outcome_view(r, p, t, o, &root),
            },
        )?;
        let Place { depth, parent, .. } = place(&o.id);
        nodes.insert(
            o.id.as_str(),
            Node {
                kind: "o",
                text: None,
                title: Some(&o.title),
                answers: Vec::new(),
                html,
                depth,
                remaining: 0,
                parent,
            },
        );
    }
    let data = Data {
        title: &t.title,
        start: &t.start,
        nodes,
    };
    let json = serde_json::to_string(&data).expect("tree data serialises");
    let js = format!(
        "window.guidepostTrees = window.guidepostTrees || {{}};\nwindow.guidepostTrees[{}] = {json};\n",
        serde_json::to_string(&t.id).expect("string")
    );
    Ok(OutFile {
        path: format!("{}tree-data.js", url::tree(p.id(), &t.id)),
        bytes: js.into_bytes(),
    })
}
