//! The unit every output stage produces — one file of the site, in memory — and the rules
//! for where files may go: allowed paths ([`path`]) and one owner per path ([`registry`]).
//! Below every stage: it knows nothing of the model, the theme or the disk.

pub mod path;
pub mod registry;

use std::sync::Mutex;

pub use registry::{Claim, Registry, Role, Site};

/// The file that marks a folder as guidepost output, so a later build may replace it.
pub const MARKER: &str = ".guidepost-output";

/// One file of the output: its path under the output folder (`a/b/index.html`) and content.
#[derive(Debug)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where the files of a build go as they are made: a build's staging folder (the writer),
/// or memory (a preview server). Rendering hands each file over as soon as it is made, from
/// any thread, so the rendered site never has to be held whole.
pub trait Sink: Sync {
    /// Take one file. A sink that cannot keep it remembers why and says so when the build
    /// ends; the build then fails and publishes nothing.
    fn put(&self, file: OutFile);
}

/// A sink that keeps every file in memory, in the order they arrive.
#[derive(Debug, Default)]
pub struct Collect(Mutex<Vec<OutFile>>);

impl Collect {
    pub fn into_files(self) -> Vec<OutFile> {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Collect {
    fn put(&self, file: OutFile) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
    }
}
