//! The whole pipeline, for the commands: load → check → render (+ search index) → write.
//! `build` streams each file to the writer as it is rendered; `render_site` stops before
//! writing, so a preview server can hold a build in memory.

use std::path::Path;

use crate::check;
use crate::diag::{Diagnostics, Failed};
use crate::load;
use crate::model::index::Index;
use crate::model::Model;
use crate::output::{Sink, Site};
use crate::render::plan::Plan;
use crate::render::theme::Theme;
use crate::render::{self, Planned};
use crate::search;
use crate::write::{self, StageError, Staging, WriteError};

/// A site loaded, checked and planned: its theme loaded with every template, every output
/// path claimed.
pub struct Checked {
    pub model: Model,
    pub index: Index,
    pub plan: Plan,
    pub warnings: Diagnostics,
}

/// Load, check and plan a site: the sources, the theme and every template, and every output
/// path. Errors of every stage come back together.
pub fn load_checked(root: &Path) -> Result<Checked, Failed> {
    let (model, mut diags) = match load::read(root) {
        (Some(model), diags) => (model, diags),
        (None, diags) => return Err(Failed(diags)),
    };
    let today = chrono::Local::now().date_naive();
    let (index, found) = check::check(&model, today);
    diags.extend(found);
    match render::plan::plan(root, &model, &index) {
        Ok(plan) if !diags.has_errors() => Ok(Checked {
            model,
            index,
            plan,
            warnings: diags,
        }),
        Ok(_) => Err(Failed(diags)),
        Err(found) => {
            diags.extend(found);
            Err(Failed(diags))
        }
    }
}

/// A complete site in memory: every output file, sorted by path, and the run's warnings.
pub struct Rendered {
    pub files: Site,
    pub warnings: Diagnostics,
}

/// Every output file of a loaded, checked and planned model — the rendered pages, then the
/// search index — each claimed once in the output registry, sorted by path, with the
/// warnings of these stages.
pub fn render_sealed(
    root: &Path,
    model: &Model,
    index: &Index,
    plan: Plan,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let (mut files, registry) = render::render(root, model, index, plan)?;
    let mut diags = Diagnostics::default();
    search::add(model, index, &mut files, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok((registry.seal(files)?, diags))
}

/// Render every output of a planned build into `sink` as it is made — the pages, and beside
/// them the search index — and return the warnings of these stages.
fn render_into(p: &Planned, theme: Theme, sink: &dyn Sink) -> Result<Diagnostics, Diagnostics> {
    let index = || {
        let mut diags = Diagnostics::default();
        search::write(p.model, p.index, sink, &mut diags);
        diags
    };
    // Both read the model only, and each has serial parts (the index's merge, the sitemap)
    // that the other's parallel work fills. When the index's own time is asked for
    // (`search::TIMING`), it is built after the pages, alone.
    let (rendered, diags) = if search::timing() {
        (render::render_to(p, theme, sink), index())
    } else {
        rayon::join(|| render::render_to(p, theme, sink), index)
    };
    if let Err(mut errors) = rendered {
        errors.extend(diags);
        return Err(errors);
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(diags)
}

/// Load, check and render the site at `root`; nothing is written.
/// `base_url` replaces site.yaml's when set.
pub fn render_site(root: &Path, base_url: Option<&str>) -> Result<Rendered, Failed> {
    let Checked {
        mut model,
        index,
        plan,
        mut warnings,
    } = load_checked(root)?;
    if let Some(b) = base_url {
        model.config.base_url.value = b.to_string();
    }
    let (site, more) = render_sealed(root, &model, &index, plan).map_err(Failed)?;
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

/// Build the site at `opts.root` into `opts.output`. Files are written to a staging folder
/// as they are rendered and the staging folder replaces the output only when the whole build
/// succeeded: on any error the output is untouched.
pub fn build(opts: &Options) -> Result<Outcome, Error> {
    write::guard(opts.root, opts.output).map_err(Error::Write)?;
    let Checked {
        mut model,
        index,
        plan: Plan {
            theme,
            registry,
            copied,
        },
        mut warnings,
    } = load_checked(opts.root).map_err(Error::Sources)?;
    if let Some(b) = &opts.base_url {
        model.config.base_url.value = b.clone();
    }
    let sources = |d| Error::Sources(Failed(d));
    let planned = Planned {
        root: opts.root,
        model: &model,
        index: &index,
        registry: &registry,
        copied: &copied,
    };
    let staging = Staging::open(opts.root, opts.output, &registry).map_err(Error::Write)?;
    warnings.extend(render_into(&planned, theme, &staging).map_err(sources)?);
    let written = staging.publish().map_err(|e| match e {
        StageError::Internal(d) => sources(d),
        StageError::Io(e) => Error::Write(e),
    })?;
    Ok(Outcome {
        files: written.files,
        warnings,
    })
}
