//! Checks of the loaded templates that tera leaves to render time, where they crash.
//!
//! Tera follows `{% include %}` and macro calls with no depth limit, so a template that
//! includes itself (directly, or through others or its parent) or a macro that calls itself
//! overflows the stack and aborts the process — a preview server with it. Tera's AST is
//! walked here instead: include, extends and macro-call edges form a graph, and a cycle is a
//! located error naming `template:line:col` and the loop. So is a name that points nowhere
//! (an included template, an imported file, a macro), with the nearest existing name.

use std::collections::BTreeMap;
use std::sync::Arc;

use tera::ast::{Expr, ExprVal, Node};

use crate::diag::{Diagnostic, Span};
use crate::msg;

/// A template or a macro (`file`, `name`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Vertex {
    Template(String),
    Macro(String, String),
}

/// An edge, with the text that makes it, to find its place in the source.
struct Edge {
    to: Vertex,
    /// Searched for in the source, from `after`.
    needle: String,
    after: String,
}

struct Walk<'a> {
    file: &'a str,
    imports: BTreeMap<String, String>,
    known: &'a BTreeMap<String, (Arc<str>, String)>,
    tera: &'a tera::Tera,
    after: String,
    edges: Vec<Edge>,
    diags: Vec<Diagnostic>,
}

/// Every loop and dangling name in `templates` (name → (file, text)), all parsed by `tera`.
pub fn validate(
    tera: &tera::Tera,
    templates: &BTreeMap<String, (Arc<str>, String)>,
) -> Vec<Diagnostic> {
    let mut graph: BTreeMap<Vertex, Vec<Edge>> = BTreeMap::new();
    let mut diags = Vec::new();
    for name in templates.keys() {
        let Ok(t) = tera.get_template(name) else {
            continue;
        };
        let mut w = Walk {
            file: name,
            imports: t
                .imported_macro_files
                .iter()
                .map(|(f, ns)| (ns.clone(), f.clone()))
                .collect(),
            known: templates,
            tera,
            after: String::new(),
            edges: Vec::new(),
            diags: Vec::new(),
        };
        for (file, _) in &t.imported_macro_files {
            if !templates.contains_key(file) {
                w.missing("imports", file, &format!("import \"{file}\""));
            }
        }
        if let Some(parent) = &t.parent {
            w.edges.push(Edge {
                to: Vertex::Template(parent.clone()),
                needle: "extends".into(),
                after: String::new(),
            });
        }
        w.nodes(&t.ast);
        diags.append(&mut w.diags);
        graph.insert(Vertex::Template(name.clone()), std::mem::take(&mut w.edges));
        for (mname, m) in &t.macros {
            w.after = format!("macro {mname}");
            w.nodes(&m.body);
            diags.append(&mut w.diags);
            let v = Vertex::Macro(name.clone(), mname.clone());
            graph.insert(v, std::mem::take(&mut w.edges));
        }
    }
    diags.extend(cycles(&graph, templates));
    diags
}

impl Walk<'_> {
    fn span(&self, needle: &str, after: &str) -> Span {
        locate(self.known, self.file, needle, after)
    }

    fn missing(&mut self, verb: &str, target: &str, needle: &str) {
        let near = strsim_nearest(target, self.known.keys().map(String::as_str));
        let hint = match near {
            Some(n) => msg!(TEMPLATE_MISSING_NEAR_HINT, close = n),
            None => msg!(TEMPLATE_MISSING_HINT),
        };
        let at = self.span(needle, &self.after.clone());
        self.diags.push(
            Diagnostic::error(
                at,
                msg!(
                    TEMPLATE_MISSING,
                    file = &self.file,
                    verb = msg!(TEMPLATE_VERB, verb = verb),
                    target = target
                ),
            )
            .hint(hint),
        );
    }

    fn nodes(&mut self, nodes: &[Node]) {
        for n in nodes {
            match n {
                Node::VariableBlock(_, e) => self.expr(e),
                Node::Set(_, s) => self.expr(&s.value),
                Node::Include(_, names, ignore_missing) => {
                    for name in names {
                        if self.known.contains_key(name) {
                            let after = self.after.clone();
                            self.edges.push(Edge {
                                to: Vertex::Template(name.clone()),
                                needle: format!("\"{name}\""),
                                after,
                            });
                        } else if !ignore_missing {
                            self.missing("includes", name, &format!("\"{name}\""));
                        }
                    }
                }
                Node::FilterSection(_, f, _) => {
                    f.filter.args.values().for_each(|e| self.expr(e));
                    self.nodes(&f.body);
                }
                Node::Block(_, b, _) => self.nodes(&b.body),
                Node::Forloop(_, f, _) => {
                    self.expr(&f.container);
                    self.nodes(&f.body);
                    if let Some(b) = &f.empty_body {
                        self.nodes(b);
                    }
                }
                Node::If(i, _) => {
                    for (_, e, body) in &i.conditions {
                        self.expr(e);
                        self.nodes(body);
                    }
                    if let Some((_, b)) = &i.otherwise {
                        self.nodes(b);
                    }
                }
                _ => {}
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        self.val(&e.val);
        for f in &e.filters {
            f.args.values().for_each(|a| self.expr(a));
        }
    }

    fn val(&mut self, v: &ExprVal) {
        match v {
            ExprVal::MacroCall(m) => {
                m.args.values().for_each(|a| self.expr(a));
                let file = if m.namespace == "self" {
                    Some(self.file.to_string())
                } else {
                    self.imports.get(&m.namespace).cloned()
                };
                let needle = format!("{}::{}", m.namespace, m.name);
                let Some(file) = file else {
                    let at = self.span(&needle, &self.after.clone());
                    self.diags.push(
                        Diagnostic::error(
                            at,
                            msg!(
                                TEMPLATE_NO_IMPORT,
                                file = &self.file,
                                call = &needle,
                                ns = &m.namespace
                            ),
                        )
                        .hint(msg!(TEMPLATE_NO_IMPORT_HINT, ns = &m.namespace)),
                    );
                    return;
                };
                let defined = self.tera.get_template(&file).ok().map(|t| &t.macros);
                match defined {
                    Some(macros) if macros.contains_key(&m.name) => {
                        let after = self.after.clone();
                        self.edges.push(Edge {
                            to: Vertex::Macro(file, m.name.clone()),
                            needle,
                            after,
                        });
                    }
                    Some(macros) => {
                        let near = strsim_nearest(&m.name, macros.keys().map(String::as_str));
                        let at = self.span(&needle, &self.after.clone());
                        let hint = match near {
                            Some(n) => msg!(
                                TEMPLATE_NO_MACRO_NEAR_HINT,
                                close = format!("{}::{n}", m.namespace)
                            ),
                            None => msg!(TEMPLATE_NO_MACRO_HINT, name = &m.name, in = &file),
                        };
                        self.diags.push(
                            Diagnostic::error(
                                at,
                                msg!(
                                    TEMPLATE_NO_MACRO,
                                    file = &self.file,
                                    call = &needle,
                                    in = &file
                                ),
                            )
                            .hint(hint),
                        );
                    }
                    None => {}
                }
            }
            ExprVal::FunctionCall(f) => f.args.values().for_each(|a| self.expr(a)),
            ExprVal::Math(m) => {
                self.expr(&m.lhs);
                self.expr(&m.rhs);
            }
            ExprVal::Logic(l) => {
                self.expr(&l.lhs);
                self.expr(&l.rhs);
            }
            ExprVal::In(i) => {
                self.expr(&i.lhs);
                self.expr(&i.rhs);
            }
            ExprVal::Test(t) => t.args.iter().for_each(|a| self.expr(a)),
            ExprVal::Array(items) => items.iter().for_each(|a| self.expr(a)),
            ExprVal::StringConcat(s) => s.values.iter().for_each(|v| self.val(v)),
            _ => {}
        }
    }
}

/// The closest of `names` to `wrong`, when it is close enough to be a misspelling.
fn strsim_nearest<'a>(wrong: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|n| (strsim::jaro_winkler(wrong, n), n))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

/// Where `needle` is in template `name`'s source, searching from the first `after` (the
/// macro definition a call is in); the template's first line when it cannot be found.
pub(super) fn locate(
    templates: &BTreeMap<String, (Arc<str>, String)>,
    name: &str,
    needle: &str,
    after: &str,
) -> Span {
    let Some((file, text)) = templates.get(name) else {
        return Span::file(&Arc::from(format!("templates/{name}")));
    };
    let from = text.find(after).unwrap_or(0);
    let Some(at) = text[from..].find(needle).map(|i| i + from) else {
        return Span::file(file);
    };
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Span::new(file, line, col)
}

fn file_of(v: &Vertex) -> &str {
    match v {
        Vertex::Template(t) | Vertex::Macro(t, _) => t,
    }
}

fn label(v: &Vertex) -> String {
    match v {
        Vertex::Template(t) => t.clone(),
        Vertex::Macro(f, m) => format!("{f}: macro {m}"),
    }
}

/// A located error for every loop of the graph, at the edge that closes it.
fn cycles(
    graph: &BTreeMap<Vertex, Vec<Edge>>,
    templates: &BTreeMap<String, (Arc<str>, String)>,
) -> Vec<Diagnostic> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: BTreeMap<&Vertex, Mark> = BTreeMap::new();
    let mut diags = Vec::new();
    for start in graph.keys() {
        if marks.contains_key(start) {
            continue;
        }
        // Depth-first, with an explicit stack: (vertex, next edge to follow).
        let mut stack: Vec<(&Vertex, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::Open);
        while let Some(&mut (v, ref mut i)) = stack.last_mut() {
            let edges = graph.get(v).map(Vec::as_slice).unwrap_or(&[]);
            let Some(e) = edges.get(*i) else {
                marks.insert(v, Mark::Done);
                stack.pop();
                continue;
            };
            *i += 1;
            match marks.get(&e.to) {
                Some(Mark::Open) => {
                    let pos = stack.iter().position(|(x, _)| *x == &e.to).unwrap_or(0);
                    let path: Vec<String> = stack[pos..]
                        .iter()
                        .map(|(x, _)| label(x))
                        .chain([label(&e.to)])
                        .collect();
                    // Point at the call an editor most likely added: an include or macro
                    // call (not an `extends`), in a site override if there is one.
                    let mut steps: Vec<(&Vertex, &Edge)> = stack[pos..]
                        .iter()
                        .map(|&(x, next)| (x, &graph[x][next - 1]))
                        .collect();
                    steps.sort_by_key(|(x, edge)| {
                        let own = templates
                            .get(file_of(x))
                            .is_some_and(|(f, _)| f.starts_with("templates/"));
                        (edge.needle == "extends", !own)
                    });
                    let (x, edge) = steps[0];
                    let at = locate(templates, file_of(x), &edge.needle, &edge.after);
                    let what = match &e.to {
                        Vertex::Macro(..) => crate::i18n::ids::TEMPLATE_MACRO_LOOP,
                        Vertex::Template(_) => crate::i18n::ids::TEMPLATE_INCLUDE_LOOP,
                    };
                    diags.push(
                        Diagnostic::error(
                            at,
                            crate::diag::Message::id(what).arg("path", path.join(" → ")),
                        )
                        .hint(msg!(TEMPLATE_LOOP_HINT)),
                    );
                }
                Some(Mark::Done) => {}
                None => {
                    if let Some((to, _)) = graph.get_key_value(&e.to) {
                        marks.insert(to, Mark::Open);
                        stack.push((to, 0));
                    }
                }
            }
        }
    }
    diags
}
