//! The state shared by the HTTP workers, the live-reload streams and the rebuilder: the last
//! good build, the problems of the last rebuild if it failed, and the reload channel. One
//! struct behind an `Arc`, no statics.
//!
//! A build is made from one state of the sources; the rebuilder makes a new one and swaps it
//! in with one write of an `Arc`, so a request sees either the old site or the new one, never
//! a mix of the two (a build's outputs rendered after publication come from its own sources).

use std::sync::{Arc, RwLock};

use serde::Serialize;

use super::host::Allowed;
use super::site::Build;
use super::sse::{Event, Hub};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Catalog;
use crate::msg;

/// A problem as the overlay shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: u32,
    pub col: u32,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    /// Saves can no longer be seen: shown over every page until the server is restarted.
    pub fn unwatched(reason: &str, t: &Catalog) -> Problem {
        Problem {
            file: String::new(),
            line: 0,
            col: 0,
            message: t.message(&msg!(SERVE_UNWATCHED, reason = reason)),
            hint: Some(t.message(&msg!(SERVE_UNWATCHED_HINT))),
        }
    }

    /// The errors of a failed run, in file order, in the catalogue's language.
    pub fn list(diags: Diagnostics, t: &Catalog) -> Vec<Problem> {
        diags
            .sorted()
            .into_iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .map(|d| Problem::new(d, t))
            .collect()
    }

    /// One diagnostic as the overlay shows it.
    pub fn new(d: Diagnostic, t: &Catalog) -> Problem {
        Problem {
            file: d.span.file.to_string(),
            line: d.span.line,
            col: d.span.col,
            message: t.message(&d.message),
            hint: d.hint.map(|h| t.message(&h)),
        }
    }
}

/// What is served now, read in one go.
#[derive(Clone)]
pub struct Status {
    pub build: Arc<Build>,
    /// Set when the last rebuild failed; `build` is then the last good one.
    pub problems: Option<Arc<Vec<Problem>>>,
}

impl Status {
    /// The events that tell a newly connected page where things stand.
    pub fn events(&self) -> Vec<Event> {
        let mut v = vec![Event::Build(self.build.id)];
        if let Some(p) = &self.problems {
            v.push(Event::Problems(self.build.id, p.clone()));
        }
        v
    }
}

pub struct State {
    status: RwLock<Status>,
    pub hub: Hub,
    pub allowed: Allowed,
    /// The language of the overlay's problems and labels.
    pub catalog: Arc<Catalog>,
}

impl State {
    pub fn new(
        build: Arc<Build>,
        allowed: Allowed,
        max_streams: usize,
        catalog: Arc<Catalog>,
    ) -> State {
        State {
            status: RwLock::new(Status {
                build,
                problems: None,
            }),
            hub: Hub::new(max_streams),
            allowed,
            catalog,
        }
    }

    pub fn status(&self) -> Status {
        self.status
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Serve `build` from now on, clear the problems and reload every open page. Returns
    /// the build served before.
    pub fn publish(&self, build: Arc<Build>) -> Arc<Build> {
        let id = build.id;
        let before = {
            let mut s = self.status.write().unwrap_or_else(|e| e.into_inner());
            s.problems = None;
            std::mem::replace(&mut s.build, build)
        };
        self.hub.send(&Event::Build(id));
        before
    }

    /// Keep serving the last good build and show the errors of `diags` on every open page.
    pub fn fail_with(&self, diags: Diagnostics) {
        self.fail(Problem::list(diags, &self.catalog));
    }

    /// Changes can no longer be seen (`reason`): say so over every open page.
    pub fn unwatched(&self, reason: &str) {
        self.fail(vec![Problem::unwatched(reason, &self.catalog)]);
    }

    /// Keep serving the last good build and show `problems` on every open page.
    pub fn fail(&self, problems: Vec<Problem>) {
        let problems = Arc::new(problems);
        let id = {
            let mut s = self.status.write().unwrap_or_else(|e| e.into_inner());
            s.problems = Some(problems.clone());
            s.build.id
        };
        self.hub.send(&Event::Problems(id, problems));
    }
}
