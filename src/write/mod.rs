//! Stage 5: put the rendered files on disk without ever losing the last good build.
//!
//! The site is written file by file, as it is rendered, into a fresh folder beside the
//! output ([`Staging`]; files that did not change keep the previous build's copy), then
//! swapped in (in one step where the OS can, see [`platform`]); the old output is removed
//! only after the new one is in place. Staging folders an interrupted build left behind are
//! removed ([`leftovers`]). A failure at any point before the swap leaves the previous output
//! untouched. An output folder that is a source folder, holds the site, or holds files
//! guidepost did not write is refused.

mod leftovers;
mod platform;
mod staging;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

pub use crate::output::MARKER;
pub use platform::process_cpu;
pub use staging::{StageError, Staging, Written};

#[derive(Debug)]
pub enum WriteError {
    Refused {
        output: PathBuf,
        reason: String,
        hint: String,
    },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Refused {
                output,
                reason,
                hint,
            } => {
                write!(
                    f,
                    "error: refusing to write to {}: {reason}\n  hint: {hint}",
                    output.display()
                )
            }
            WriteError::Io { path, error } => write!(f, "error: {}: {error}", path.display()),
        }
    }
}

impl std::error::Error for WriteError {}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |error| WriteError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// An absolute, normalised form of `p` that works for paths that do not exist yet.
fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    match abs.canonicalize() {
        Ok(c) => c,
        Err(_) => match (abs.parent(), abs.file_name()) {
            (Some(parent), Some(name)) => absolute(parent).join(name),
            _ => abs,
        },
    }
}

/// Refuse outputs that would destroy sources or someone's files.
pub fn guard(root: &Path, output: &Path) -> Result<(), WriteError> {
    let (root, out) = (absolute(root), absolute(output));
    let refuse = |reason: &str, hint: &str| {
        Err(WriteError::Refused {
            output: output.to_path_buf(),
            reason: reason.to_string(),
            hint: hint.to_string(),
        })
    };
    if root.starts_with(&out) {
        return refuse(
            "it is the site folder or contains it",
            "choose an output folder inside the site, such as public/",
        );
    }
    for src in ["content", "guides", "themes", "templates", "static"] {
        if out.starts_with(root.join(src)) {
            return refuse(
                &format!("it is inside the source folder {src}/"),
                "choose an output folder such as public/",
            );
        }
    }
    if out.exists() {
        if !out.is_dir() {
            return refuse("it is a file", "remove the file or choose another --output");
        }
        let empty = fs::read_dir(&out).map_err(io(&out))?.next().is_none();
        if !empty && !out.join(MARKER).is_file() {
            return refuse(
                "it holds files that guidepost did not write",
                "choose another --output, or empty this folder yourself if its files may go",
            );
        }
    }
    Ok(())
}

/// Put `staged` in place of `out`. Where the OS can exchange two folders in one step, the
/// output path never goes missing; elsewhere the old output is renamed aside first.
fn swap(staged: &Path, out: &Path, parent: &Path) -> Result<(), WriteError> {
    if !out.exists() {
        return fs::rename(staged, out).map_err(io(out));
    }
    if platform::exchange(staged, out).map_err(io(out))? {
        // `staged` now holds the previous build.
        return leftovers::remove_tree(staged).map_err(io(staged));
    }
    let old = tempfile::Builder::new()
        .prefix(leftovers::PREFIXES[1])
        .tempdir_in(parent)
        .map_err(io(parent))?
        .keep();
    fs::remove_dir(&old).map_err(io(&old))?;
    fs::rename(out, &old).map_err(io(out))?;
    if let Err(e) = fs::rename(staged, out) {
        // Put the previous build back before reporting.
        let _ = fs::rename(&old, out);
        let _ = leftovers::remove_tree(staged);
        return Err(io(out)(e));
    }
    leftovers::remove_tree(&old).map_err(io(&old))
}
