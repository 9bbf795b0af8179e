//! Decision trees are sound: references resolve inside the tree, every question has at least
//! two answers, no path loops, and every question and outcome can be reached from `start`.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Diagnostics, Message};
use crate::model::{Model, Tree};
use crate::msg;

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
                model.span(tree.start.at),
                msg!(TREE_START_UNKNOWN, id = &tree.start),
            )
            .hint(suggest(
                &tree.start,
                questions.keys().copied(),
                msg!(TREE_START_UNKNOWN_HINT),
            )),
        );
    }
    for q in &tree.questions {
        if q.answers.len() < 2 {
            diags.push(
                Diagnostic::error(
                    model.span(q.answers.at),
                    msg!(TREE_FEW_ANSWERS, id = &q.id, count = q.answers.len()),
                )
                .hint(msg!(TREE_FEW_ANSWERS_HINT)),
            );
        }
        for a in &q.answers {
            if !known(&a.next) {
                diags.push(
                    Diagnostic::error(model.span(a.next.at), msg!(TREE_NEXT_UNKNOWN, id = &a.next))
                        .hint(suggest(
                            &a.next,
                            questions.keys().copied().chain(outcomes.iter().copied()),
                            msg!(TREE_NEXT_UNKNOWN_HINT),
                        )),
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

/// `rest`, after "did you mean" when `id` is close to one of `known`.
fn suggest<'a>(id: &str, known: impl IntoIterator<Item = &'a str>, rest: Message) -> Message {
    match crate::load::yaml::error::closest(id, known) {
        Some(close) => msg!(HINT_DID_YOU_MEAN, close = close, rest = rest),
        None => rest,
    }
}

fn unreachable(model: &Model, tree: &Tree, reached: &BTreeSet<&str>, diags: &mut Diagnostics) {
    for q in &tree.questions {
        if !reached.contains(q.id.as_str()) {
            diags.push(
                Diagnostic::error(
                    model.span(q.origin),
                    msg!(TREE_UNREACHED_QUESTION, id = &q.id),
                )
                .hint(msg!(TREE_UNREACHED_HINT)),
            );
        }
    }
    for o in &tree.outcomes {
        if !reached.contains(o.id.as_str()) {
            diags.push(
                Diagnostic::error(
                    model.span(o.origin),
                    msg!(TREE_UNREACHED_OUTCOME, id = &o.id),
                )
                .hint(msg!(TREE_UNREACHED_HINT)),
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
                            Diagnostic::error(
                                self.model.span(answer.next.at),
                                msg!(
                                    TREE_LOOP,
                                    id = next,
                                    path = format!("{} → {next}", path.join(" → "))
                                ),
                            )
                            .hint(msg!(TREE_LOOP_HINT)),
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
