//! The unit every output stage produces — one file of the site, in memory — and the rules
//! for where files may go: allowed paths ([`path`]) and one owner per path ([`registry`]).
//! Below every stage: it knows nothing of the model, the theme or the disk.

pub mod path;
pub mod registry;

pub use registry::{Claim, Registry, Role, Site};

/// The file that marks a folder as guidepost output, so a later build may replace it.
pub const MARKER: &str = ".guidepost-output";

/// One file of the output: its path under the output folder (`a/b/index.html`) and content.
#[derive(Debug)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}
