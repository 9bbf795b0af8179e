//! The background worker: one thread that finishes the newest build — a copy of its model
//! for the next edit to patch, its stale outputs, its search index, the whole check after a
//! page edit — and nothing older. A build handed over
//! replaces the one in hand (which stops at its next chunk); work starts once saves pause for
//! a moment, so an editor saving every second never queues one search index per save.

use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

use super::site::Build;
use super::state::State;

/// How long the sources must stay unchanged before the background work starts.
const PAUSE: Duration = Duration::from_millis(250);

/// How long the sources must stay unchanged before the search index and the whole check.
const SEARCH_PAUSE: Duration = Duration::from_millis(1500);

#[derive(Default)]
struct Slot {
    next: Mutex<Option<Arc<Build>>>,
    wake: Condvar,
}

pub struct Worker {
    slot: Arc<Slot>,
}

impl Worker {
    /// Start the worker's thread; problems it finds show over the pages of `state`. Its
    /// parallel work runs on a pool of its own (half the cores), so the pages a browser
    /// waits for, rendered on the shared pool, never queue behind a search index.
    pub fn start(state: Arc<State>) -> std::io::Result<Worker> {
        let threads = thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("guidepost-background-{i}"))
            .build()
            .map_err(std::io::Error::other)?;
        let slot = Arc::new(Slot::default());
        let s = slot.clone();
        thread::Builder::new()
            .name("guidepost-render".into())
            .spawn(move || run(&s, &state, &pool))?;
        Ok(Worker { slot })
    }

    /// Finish `build` next, instead of anything handed over before.
    pub fn submit(&self, build: Arc<Build>) {
        let mut next = self.slot.next.lock().unwrap_or_else(|e| e.into_inner());
        *next = Some(build);
        self.slot.wake.notify_one();
    }
}

fn run(slot: &Slot, state: &State, pool: &rayon::ThreadPool) {
    loop {
        let build = {
            let mut next = slot.next.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                if let Some(b) = next.take() {
                    // Wait for the saves to pause; a newer build replaces this one.
                    let (mut n, timeout) = slot
                        .wake
                        .wait_timeout(next, PAUSE)
                        .unwrap_or_else(|e| e.into_inner());
                    if timeout.timed_out() && n.is_none() {
                        break b;
                    }
                    if n.is_none() {
                        *n = Some(b);
                    }
                    next = n;
                    continue;
                }
                next = slot.wake.wait(next).unwrap_or_else(|e| e.into_inner());
            }
        };
        // The copy the next edit patches, if the rebuilder has not made it (the first build).
        build.prepare_spare();
        let mut problems = pool.install(|| build.render_all());
        // The search index and the whole check take seconds and cannot stop halfway: they
        // start only once the saves have paused for longer, so they never hold a core while
        // the next save's pages render.
        if !build.cancelled() && !newer_within(slot, SEARCH_PAUSE) {
            problems.extend(pool.install(|| build.finish()));
        }
        if !build.cancelled() && problems.has_errors() && state.status().build.id == build.id {
            state.fail_with(problems);
        }
    }
}

/// Is a newer build handed over within `wait`? (It stays in the slot for the next turn.)
fn newer_within(slot: &Slot, wait: Duration) -> bool {
    let next = slot.next.lock().unwrap_or_else(|e| e.into_inner());
    let (next, _) = slot
        .wake
        .wait_timeout_while(next, wait, |n| n.is_none())
        .unwrap_or_else(|e| e.into_inner());
    next.is_some()
}
