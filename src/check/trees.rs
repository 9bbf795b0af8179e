//! Decision trees are sound: references resolve inside the tree, every question has at least
//! two answers, no path loops, and every question and outcome can be reached from `start`.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Model, Tree};

pub fn check(model: &Model, tree: &Tree, diags: &mut Diagnostics) {
    let questions: BTreeMap<&str, usize> = tree
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let outcomes: BTreeSet<&str> = tree.outcomes.iter().map(|o| o.id.as_str()).collect();
    let known = |id: &str| questions.contains_key(id) || outcomes.contains(id);
    let mut broken = false;
    if !questions.contains_key(tree.start.as_str()) {
        broken = true;
        diags.push(
            Diagnostic::error(
                model.span(&tree.origin, "start"),
                format!("`start` names no question of this tree: `{}`", tree.start),
            )
            .hint("set `start` to the id of the first question"),
        );
    }
    for q in &tree.questions {
        if q.answers.len() < 2 {
            diags.push(
                Diagnostic::error(model.span(&q.origin, "answers"), format!("question `{}` has {} answer(s)", q.id, q.answers.len()))
                    .hint("a question needs at least two answers; otherwise fold it into the previous step"),
            );
        }
        for (i, a) in q.answers.iter().enumerate() {
            if !known(&a.next) {
                broken = true;
                diags.push(
                    Diagnostic::error(
                        model.span(&q.origin, &format!("answers.{i}.next")),
                        format!(
                            "`next` names no question or outcome of this tree: `{}`",
                            a.next
                        ),
                    )
                    .hint("use the id of a question or an outcome defined in this file"),
                );
            }
        }
    }
    if broken {
        return;
    }
    // Depth-first walk from start: a question met again on the current path is a cycle.
    let mut reached: BTreeSet<&str> = BTreeSet::new();
    let mut on_path: Vec<&str> = Vec::new();
    walk(
        model,
        tree,
        &questions,
        &tree.start,
        &mut reached,
        &mut on_path,
        diags,
    );
    for q in &tree.questions {
        if !reached.contains(q.id.as_str()) {
            diags.push(
                Diagnostic::error(
                    model.span(&q.origin, "id"),
                    format!("no path reaches question `{}`", q.id),
                )
                .hint("point an answer's `next` at it, or remove it"),
            );
        }
    }
    for o in &tree.outcomes {
        if !reached.contains(o.id.as_str()) {
            diags.push(
                Diagnostic::error(
                    model.span(&o.origin, "id"),
                    format!("no path reaches outcome `{}`", o.id),
                )
                .hint("point an answer's `next` at it, or remove it"),
            );
        }
    }
}

fn walk<'t>(
    model: &Model,
    tree: &'t Tree,
    questions: &BTreeMap<&str, usize>,
    id: &'t str,
    reached: &mut BTreeSet<&'t str>,
    on_path: &mut Vec<&'t str>,
    diags: &mut Diagnostics,
) {
    let Some(&qi) = questions.get(id) else {
        reached.insert(id);
        return;
    };
    if on_path.contains(&id) {
        return;
    }
    let first_visit = reached.insert(id);
    on_path.push(id);
    let q = &tree.questions[qi];
    for (i, a) in q.answers.iter().enumerate() {
        if on_path.contains(&a.next.as_str()) {
            let path = on_path.join(" → ");
            diags.push(
                Diagnostic::error(model.span(&q.origin, &format!("answers.{i}.next")), format!("this answer loops back to `{}` ({path} → {})", a.next, a.next))
                    .hint("a decision tree must always move forward: point `next` at a later question or an outcome"),
            );
        } else if first_visit {
            walk(model, tree, questions, &a.next, reached, on_path, diags);
        }
    }
    on_path.pop();
}
