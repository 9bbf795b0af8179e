//! The unit every output stage produces: one file of the site, in memory.

/// One file of the output: its path under the output folder (`a/b/index.html`) and content.
#[derive(Debug)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}
