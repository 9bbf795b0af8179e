//! The whole pipeline, for the commands: load → check → render (+ search index) → write.
//! `render_site` stops before writing, so a preview server can hold a build in memory.

use std::path::Path;

use crate::check;
use crate::diag::{Diagnostics, Failed};
use crate::load;
use crate::model::index::Index;
use crate::model::Model;
use crate::output::Site;
use crate::render::{self, OutFile};
use crate::search;
use crate::write::{self, WriteError};

/// Load and check a site: the sources, the theme and every template, and every output
/// path. Errors of every stage come back together.
pub fn load_checked(root: &Path) -> Result<(Model, Index, Diagnostics), Failed> {
    let (model, mut diags) = load::load(root)?;
    let today = chrono::Local::now().date_naive();
    let (index, found) = check::check(&model, today);
    diags.extend(found);
    if let Err(found) = render::plan::plan(root, &model, &index) {
        diags.extend(found);
    }
    if diags.has_errors() {
        return Err(Failed(diags));
    }
    Ok((model, index, diags))
}

/// A complete site in memory: every output file, sorted by path, and the run's warnings.
pub struct Rendered {
    pub files: Site,
    pub warnings: Diagnostics,
}

/// Every output file of a loaded, checked model — the rendered pages, then the search
/// index — each claimed once in the output registry, sorted by path, with the warnings of
/// these stages.
pub fn render_sealed(
    root: &Path,
    model: &Model,
    index: &Index,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let (mut files, registry) = render::render(root, model, index)?;
    let mut diags = Diagnostics::default();
    search::add(model, index, &mut files, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok((registry.seal(files)?, diags))
}

/// [`render_sealed`], as a plain list of files (for a preview server that keeps them in memory).
pub fn render_model(
    root: &Path,
    model: &Model,
    index: &Index,
) -> Result<(Vec<OutFile>, Diagnostics), Diagnostics> {
    render_sealed(root, model, index).map(|(site, diags)| (site.into_files(), diags))
}

/// Load, check and render the site at `root`; nothing is written.
/// `base_url` replaces site.yaml's when set.
pub fn render_site(root: &Path, base_url: Option<&str>) -> Result<Rendered, Failed> {
    let (mut model, index, mut warnings) = load_checked(root)?;
    if let Some(b) = base_url {
        model.config.base_url = b.to_string();
    }
    let (site, more) = render_sealed(root, &model, &index).map_err(Failed)?;
    warnings.extend(more);
    Ok(Rendered {
        files: site,
        warnings,
    })
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
    let site = render_site(opts.root, opts.base_url.as_deref()).map_err(Error::Sources)?;
    write::write(opts.root, opts.output, &site.files).map_err(Error::Write)?;
    Ok(Outcome {
        files: site.files.files().len(),
        warnings: site.warnings,
    })
}
