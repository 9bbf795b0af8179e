//! The whole pipeline, for the commands: load → check → render → write.

use std::path::Path;

use crate::check;
use crate::diag::{Diagnostics, Failed};
use crate::load;
use crate::model::index::Index;
use crate::model::Model;
use crate::render;
use crate::write::{self, WriteError};

/// Load and check a site. Errors of every stage come back together.
pub fn load_checked(root: &Path) -> Result<(Model, Index, Diagnostics), Failed> {
    let (model, mut diags) = load::load(root)?;
    let today = chrono::Local::now().date_naive();
    let (index, found) = check::check(&model, today);
    diags.extend(found);
    if diags.has_errors() {
        return Err(Failed(diags));
    }
    Ok((model, index, diags))
}

pub struct Options<'a> {
    pub root: &'a Path,
    pub output: &'a Path,
    /// Replaces site.yaml's base_url when set.
    pub base_url: Option<String>,
}

pub struct Outcome {
    pub files: usize,
    pub warnings: Diagnostics,
}

#[derive(Debug)]
pub enum Error {
    Sources(Failed),
    Write(WriteError),
}

/// Build the site at `opts.root` into `opts.output`. On any error the output is untouched.
pub fn build(opts: &Options) -> Result<Outcome, Error> {
    write::guard(opts.root, opts.output).map_err(Error::Write)?;
    let (mut model, index, warnings) = load_checked(opts.root).map_err(Error::Sources)?;
    if let Some(b) = &opts.base_url {
        model.config.base_url = b.clone();
    }
    let files = render::render(opts.root, &model, &index).map_err(|d| Error::Sources(Failed(d)))?;
    write::write(opts.root, opts.output, &files).map_err(Error::Write)?;
    Ok(Outcome {
        files: files.len(),
        warnings,
    })
}
