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
    if !questions.contains_key(tree.start.as_str()) {
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
    // Every defect of the tree in one run: an unknown `next` above does not hide a cycle or an
    // unreachable item below (an unknown id is a leaf for the walk).
    let mut walk = Walk {
        model,
        tree,
        questions: &questions,
        reached: BTreeSet::new(),
        reported: BTreeSet::new(),
    };
    if let Some(&start) = questions.get(tree.start.as_str()) {
        walk.from(start, diags);
        unreachable(model, tree, &walk.reached, diags);
    }
    // Cycles among questions no path reaches (or with no valid start) are defects too.
    for qi in 0..tree.questions.len() {
        if !walk.reached.contains(tree.questions[qi].id.as_str()) {
            walk.from(qi, diags);
        }
    }
}

fn unreachable(model: &Model, tree: &Tree, reached: &BTreeSet<&str>, diags: &mut Diagnostics) {
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

/// Depth-first walks over the questions, without recursion (a tree of any size cannot
/// overflow the stack): an answer leading to a question on the current path is a cycle.
struct Walk<'t> {
    model: &'t Model,
    tree: &'t Tree,
    questions: &'t BTreeMap<&'t str, usize>,
    reached: BTreeSet<&'t str>,
    /// (question, answer) pairs already reported as loops.
    reported: BTreeSet<(usize, usize)>,
}

impl<'t> Walk<'t> {
    fn from(&mut self, start: usize, diags: &mut Diagnostics) {
        let tree = self.tree;
        self.reached.insert(&tree.questions[start].id);
        // The current path: (question, index of the next answer to follow).
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        let mut on_path: BTreeSet<usize> = BTreeSet::from([start]);
        while let Some(top) = stack.last_mut() {
            let (qi, ai) = *top;
            let q = &tree.questions[qi];
            let Some(answer) = q.answers.get(ai) else {
                on_path.remove(&qi);
                stack.pop();
                continue;
            };
            top.1 += 1;
            let next = answer.next.as_str();
            match self.questions.get(next) {
                Some(&nq) if on_path.contains(&nq) => {
                    if self.reported.insert((qi, ai)) {
                        let path: Vec<&str> = stack
                            .iter()
                            .map(|&(i, _)| tree.questions[i].id.as_str())
                            .collect();
                        diags.push(
                            Diagnostic::error(self.model.span(&q.origin, &format!("answers.{ai}.next")), format!("this answer loops back to `{next}` ({} → {next})", path.join(" → ")))
                                .hint("a decision tree must always move forward: point `next` at a later question or an outcome"),
                        );
                    }
                }
                Some(&nq) => {
                    if self.reached.insert(&tree.questions[nq].id) {
                        stack.push((nq, 0));
                        on_path.insert(nq);
                    }
                }
                None => {
                    self.reached.insert(next);
                }
            }
        }
    }
}
