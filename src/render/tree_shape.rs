//! Where a node sits in its decision tree, for orienting a merchant without JavaScript:
//! a question's number on the shortest way from the start ("第 N 题"), the most questions
//! that can still follow it ("最多还有 M 个问题"), and its parent when it has exactly one.
//! Reads a checked tree; a loop (which `check` rejects) ends the walk instead of recursing.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::model::Tree;

/// The position of one question or outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Place {
    /// 1 for the start question; for an outcome, the number of questions on the shortest
    /// path to it.
    pub depth: usize,
    /// Questions that can still follow this one on the longest path to an outcome (0 when
    /// every answer ends in an outcome; always 0 for an outcome).
    pub remaining: usize,
    /// The only question that leads here, if exactly one does.
    pub parent: Option<String>,
}

/// Every node reachable from the start, by id.
pub(super) fn places(t: &Tree) -> BTreeMap<String, Place> {
    let next = |id: &str| -> Vec<&str> {
        t.questions
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.answers.iter().map(|a| a.next.as_str()).collect())
            .unwrap_or_default()
    };
    // Shortest depth: breadth first from the start.
    let mut depth: BTreeMap<&str, usize> = BTreeMap::new();
    let mut queue = VecDeque::from([(t.start.as_str(), 1)]);
    while let Some((id, d)) = queue.pop_front() {
        if depth.contains_key(id) {
            continue;
        }
        depth.insert(id, d);
        if t.questions.iter().any(|q| q.id == id) {
            queue.extend(next(id).into_iter().map(|n| (n, d + 1)));
        }
    }
    // Parents: distinct questions with an answer that leads here.
    let mut parents: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for q in &t.questions {
        for a in &q.answers {
            parents
                .entry(a.next.as_str())
                .or_default()
                .insert(q.id.as_str());
        }
    }
    let mut memo = BTreeMap::new();
    depth
        .iter()
        .map(|(&id, &d)| {
            let is_outcome = !t.questions.iter().any(|q| q.id == id);
            let parent = match parents.get(id) {
                Some(p) if p.len() == 1 => p.iter().next().map(|s| s.to_string()),
                _ => None,
            };
            let place = Place {
                depth: if is_outcome { d - 1 } else { d },
                remaining: longest(t, id, &mut memo, &mut BTreeSet::new()),
                parent,
            };
            (id.to_string(), place)
        })
        .collect()
}

/// The most questions after `id` on any path to an outcome.
fn longest<'a>(
    t: &'a Tree,
    id: &'a str,
    memo: &mut BTreeMap<&'a str, usize>,
    visiting: &mut BTreeSet<&'a str>,
) -> usize {
    if let Some(&n) = memo.get(id) {
        return n;
    }
    let Some(q) = t.questions.iter().find(|q| q.id == id) else {
        return 0;
    };
    if !visiting.insert(id) {
        return 0;
    }
    let mut most = 0;
    for a in &q.answers {
        if t.questions.iter().any(|x| x.id == a.next) {
            most = most.max(1 + longest(t, &a.next, memo, visiting));
        }
    }
    visiting.remove(id);
    memo.insert(id, most);
    most
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree from `start` and `(question, [next…])` pairs; ids starting with `o` are outcomes.
    fn tree(edges: &[(&str, &[&str])]) -> Tree {
        let mut yaml = format!("id: t\ntitle: T\nstart: {}\nquestions:\n", edges[0].0);
        for (q, next) in edges {
            yaml += &format!("  - id: {q}\n    text: {q}?\n    answers:\n");
            for n in *next {
                yaml += &format!("      - label: {n}\n        next: {n}\n");
            }
        }
        let mut outcomes: BTreeSet<&str> = BTreeSet::new();
        for (_, next) in edges {
            outcomes.extend(next.iter().filter(|n| n.starts_with('o')));
        }
        yaml += "outcomes:\n";
        for o in outcomes {
            yaml += &format!("  - id: {o}\n    title: {o}\n");
        }
        crate::load::yaml::parse(&std::sync::Arc::from("test.yaml"), 0, &yaml, 0)
            .expect("test tree parses")
    }

    fn place(depth: usize, remaining: usize, parent: Option<&str>) -> Place {
        Place {
            depth,
            remaining,
            parent: parent.map(str::to_string),
        }
    }

    #[test]
    fn chain_counts_down_to_the_outcome() {
        let t = tree(&[
            ("a", &["b", "o1"]),
            ("b", &["c", "o2"]),
            ("c", &["o1", "o3"]),
        ]);
        let p = places(&t);
        assert_eq!(p["a"], place(1, 2, None));
        assert_eq!(p["b"], place(2, 1, Some("a")));
        assert_eq!(p["c"], place(3, 0, Some("b")));
        // o1 is reached from a (after one question) and from c (after three): shortest wins,
        // and with two parents there is no single previous question.
        assert_eq!(p["o1"], place(1, 0, None));
        assert_eq!(p["o3"], place(3, 0, Some("c")));
    }

    #[test]
    fn shared_question_takes_the_shortest_depth_and_the_longest_rest() {
        // d is reached at depth 2 (a → d) and depth 3 (a → b → d); from a the longest way
        // goes a → b → d → e.
        let t = tree(&[
            ("a", &["b", "d"]),
            ("b", &["d", "o1"]),
            ("d", &["e", "o2"]),
            ("e", &["o1", "o2"]),
        ]);
        let p = places(&t);
        assert_eq!(p["d"], place(2, 1, None));
        assert_eq!(p["a"].remaining, 3);
        assert_eq!(p["b"], place(2, 2, Some("a")));
        assert_eq!(p["e"], place(3, 0, Some("d")));
    }

    #[test]
    fn two_answers_to_the_same_question_are_one_parent() {
        let t = tree(&[("a", &["b", "b"]), ("b", &["o1", "o2"])]);
        assert_eq!(places(&t)["b"], place(2, 0, Some("a")));
    }

    #[test]
    fn unreachable_nodes_are_left_out_and_loops_end() {
        let t = tree(&[("a", &["o1", "o2"]), ("x", &["x", "o1"])]);
        let p = places(&t);
        assert!(!p.contains_key("x"));
        let t = tree(&[("a", &["b", "o1"]), ("b", &["a", "o2"])]);
        // `check` rejects this loop; here it only has to end: a → b → a counts a once more.
        assert_eq!(places(&t)["a"].remaining, 2);
    }
}
