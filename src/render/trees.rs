//! Decision-tree pages: the tree's index (with its SVG map), one page per question whose
//! answers are plain links, and one page per outcome. Every question and outcome has its own
//! URL, so any of them can be shared, and the whole tree works with JavaScript off.

use std::collections::BTreeSet;

use serde::Serialize;

use super::guides::{crumb_platform, index_html, material_view, source_view};
use super::views::{LinkView, MaterialView, SourceView};
use super::{OutFile, Renderer};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::guide::{Outcome, Question};
use crate::model::index::url;
use crate::model::{Platform, Tree};

#[derive(Serialize)]
struct TreeView {
    id: String,
    title: String,
    summary_html: String,
    svg: String,
    start_url: String,
    questions: usize,
    outcomes: Vec<LinkView>,
    source: SourceView,
}

#[derive(Serialize)]
struct AnswerView {
    label: String,
    url: String,
    /// Where the answer leads: "question" or "outcome".
    leads_to: &'static str,
}

#[derive(Serialize)]
struct QuestionView {
    id: String,
    text: String,
    help_html: String,
    answers: Vec<AnswerView>,
    is_start: bool,
}

#[derive(Serialize)]
struct OutcomeView {
    id: String,
    title: String,
    materials: Vec<MaterialView>,
    submit: Option<String>,
    steps: Vec<LinkView>,
    body_html: String,
}

#[derive(Serialize)]
struct TreeCtx<'a, T> {
    tree: &'a TreeView,
    #[serde(flatten)]
    node: T,
}

pub fn all(r: &Renderer, out: &mut Vec<OutFile>, diags: &mut Diagnostics) {
    for p in &r.model.platforms {
        for t in &p.trees {
            let mut push = |res: Result<OutFile, Diagnostic>| match res {
                Ok(f) => out.push(f),
                Err(d) => diags.push(d),
            };
            push(index(r, p, t));
            for q in &t.questions {
                push(question(r, p, t, q));
            }
            for o in &t.outcomes {
                push(outcome(r, p, t, o));
            }
        }
    }
}

fn tree_view(r: &Renderer, p: &Platform, t: &Tree, root: &str) -> TreeView {
    let rel = |id: &str| format!("{root}{}", url::tree_node(p.id(), &t.id, id));
    TreeView {
        id: t.id.clone(),
        title: t.title.clone(),
        summary_html: r.md(&t.summary, root, &mut BTreeSet::new()),
        svg: super::treemap::tree_map(t),
        start_url: rel(&t.start),
        questions: t.questions.len(),
        outcomes: t
            .outcomes
            .iter()
            .map(|o| LinkView {
                title: o.title.clone(),
                url: rel(&o.id),
            })
            .collect(),
        source: source_view(p.source_of(&t.source), p.verified_of(&t.verified)),
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

fn index(r: &Renderer, p: &Platform, t: &Tree) -> Result<OutFile, Diagnostic> {
    let path = url::tree(p.id(), &t.id);
    let base = r.base(
        &path,
        &t.title,
        &super::guides::plain_summary(&t.summary),
        vec![crumb_platform(p)],
    );
    let tree = tree_view(r, p, t, &base.root);
    r.page(
        "tree.html",
        base,
        &TreeCtx {
            tree: &tree,
            node: (),
        },
        index_html(&path),
    )
}

fn question(r: &Renderer, p: &Platform, t: &Tree, q: &Question) -> Result<OutFile, Diagnostic> {
    let path = url::tree_node(p.id(), &t.id, &q.id);
    let base = r.base(&path, &q.text, &t.title, crumbs(p, t));
    let root = base.root.clone();
    let tree = tree_view(r, p, t, &root);
    let node = QuestionView {
        id: q.id.clone(),
        text: q.text.clone(),
        help_html: r.md(&q.help, &root, &mut BTreeSet::new()),
        answers: q
            .answers
            .iter()
            .map(|a| AnswerView {
                label: a.label.clone(),
                url: format!("{root}{}", url::tree_node(p.id(), &t.id, &a.next)),
                leads_to: if t.questions.iter().any(|x| x.id == a.next) {
                    "question"
                } else {
                    "outcome"
                },
            })
            .collect(),
        is_start: q.id == t.start,
    };
    #[derive(Serialize)]
    struct V {
        question: QuestionView,
    }
    r.page(
        "tree_question.html",
        base,
        &TreeCtx {
            tree: &tree,
            node: V { question: node },
        },
        index_html(&path),
    )
}

fn outcome(r: &Renderer, p: &Platform, t: &Tree, o: &Outcome) -> Result<OutFile, Diagnostic> {
    let path = url::tree_node(p.id(), &t.id, &o.id);
    let base = r.base(&path, &o.title, &t.title, crumbs(p, t));
    let root = base.root.clone();
    let tree = tree_view(r, p, t, &root);
    let mut linked = BTreeSet::new();
    let node = OutcomeView {
        id: o.id.clone(),
        title: o.title.clone(),
        materials: o
            .materials
            .iter()
            .filter_map(|m| material_view(r, p, m, &root, &mut linked))
            .collect(),
        submit: o.submit.clone(),
        steps: o
            .steps
            .iter()
            .filter_map(|s| r.index.get(s))
            .map(|target| LinkView {
                title: target.title.clone(),
                url: format!("{root}{}", target.url),
            })
            .collect(),
        body_html: r.md(&o.body, &root, &mut linked),
    };
    #[derive(Serialize)]
    struct V {
        outcome: OutcomeView,
    }
    r.page(
        "tree_outcome.html",
        base,
        &TreeCtx {
            tree: &tree,
            node: V { outcome: node },
        },
        index_html(&path),
    )
}
