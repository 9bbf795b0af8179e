//! Stage 1: read the site folder into the typed [`Model`].
//!
//! Reads `site.yaml`, `guides/<platform>/` and `content/`; every file problem (not UTF-8,
//! bad YAML, unknown key, missing field …) becomes a located [`Diagnostic`] and loading goes on
//! with the other files, so one run reports them all. Cross-references are not checked here
//! (that is `check`), and nothing is rendered.

pub mod book;
pub mod content;
pub mod fs;
pub mod guides;
pub mod include;
pub mod markdown;
pub mod names;
pub mod punct;
pub mod unread;
pub mod yaml;

use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::diag::{Diagnostic, Diagnostics, Failed, Span};
use crate::model::{Config, FileId, Model};
use crate::msg;

/// Registry of the files read, so every item can point back to its file, and what may be read.
pub struct Files {
    names: Mutex<Vec<Arc<str>>>,
    /// The id of the first file registered here.
    first: FileId,
    pub access: fs::Access,
}

impl Files {
    pub fn new(access: fs::Access) -> Self {
        Files::starting_at(access, 0)
    }

    /// A registry whose first file gets the id `first` (one file read again for a model whose
    /// other files keep their ids).
    pub fn starting_at(access: fs::Access, first: FileId) -> Self {
        Files {
            names: Mutex::default(),
            first,
            access,
        }
    }

    /// Register a file read (by its name relative to the site) and get its id.
    pub fn add(&self, name: Arc<str>) -> FileId {
        let mut v = self.names.lock().expect("files lock");
        v.push(name);
        self.first + v.len() - 1
    }

    fn into_vec(self) -> Vec<Arc<str>> {
        self.names.into_inner().expect("files lock")
    }
}

/// A source file's text, or a located error when it cannot be read as UTF-8.
pub fn read_text(root: &Path, path: &Path) -> Result<(Arc<str>, String), Diagnostic> {
    let rel = rel_name(root, path);
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(Span::file(&rel), msg!(READ_FAILED, error = e.to_string()))
            .hint(msg!(READ_FAILED_HINT))
    })?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok((rel, text))
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or("");
            let line = valid.matches('\n').count() + 1;
            let col = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            Err(
                Diagnostic::error(Span::new(&rel, line, col), msg!(NOT_UTF8))
                    .hint(msg!(NOT_UTF8_HINT)),
            )
        }
    }
}

/// `path` relative to `root`, with `/` separators, for messages.
pub fn rel_name(root: &Path, path: &Path) -> Arc<str> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    Arc::from(parts.join("/"))
}

/// Load a whole site. Errors of every file are returned together.
pub fn load(root: &Path) -> Result<(Model, Diagnostics), Failed> {
    match read(root) {
        (Some(model), diags) if !diags.has_errors() => Ok((model, diags)),
        (_, diags) => Err(Failed(diags)),
    }
}

/// Read a whole site: the model whenever every source became part of it — even with errors
/// that stay inside one item (an include of a page that failed, a SUMMARY chapter without a
/// file), so the check can still report the rest in the same run — and every problem.
pub fn read(root: &Path) -> (Option<Model>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let (config, config_name) = match load_config(root) {
        Ok((c, name)) => (Some(c), name),
        Err(found) => {
            diags.extend(found);
            (None, Arc::from(CONFIG))
        }
    };
    let allow = config.as_ref().is_some_and(|c| c.allow_outside_symlinks);
    let files = Files::new(fs::Access::new(root, allow));
    // site.yaml is file 0: the positions in `Config` point into it.
    files.add(config_name);
    diags.extend(fs::scan(&files.access));
    let platforms = guides::load_all(root, &files, &mut diags);
    diags.extend(unread::check(root, &files.access));
    // Until here, any error left something out: a file, an item, a platform.
    let whole = !diags.has_errors();
    let content = content::load_all(root, &files, &mut diags);
    let model = config
        .filter(|_| whole && content.complete)
        .map(|config| Model {
            config,
            platforms,
            sections: content.sections,
            pages: content.pages,
            files: files.into_vec(),
            imported: content.imported,
        });
    (model, diags)
}

/// The guide sources read again, for a preview server that saw only files under `guides/`
/// change: the platforms, the names of the files read (their ids start at `first`, after
/// the model's other files, whose ids stay as they are) and the warnings.
pub struct Guides {
    pub platforms: Vec<crate::model::Platform>,
    pub files: Vec<Arc<str>>,
    pub warnings: Diagnostics,
}

pub fn load_guides(root: &Path, config: &Config, first: FileId) -> Result<Guides, Failed> {
    let mut diags = Diagnostics::default();
    let files = Files::starting_at(fs::Access::new(root, config.allow_outside_symlinks), first);
    diags.extend(fs::scan_dirs(&files.access, &["guides"]));
    let platforms = guides::load_all(root, &files, &mut diags);
    diags.extend(unread::check(root, &files.access));
    if diags.has_errors() {
        return Err(Failed(diags));
    }
    Ok(Guides {
        platforms,
        files: files.into_vec(),
        warnings: diags,
    })
}

/// What `site.yaml` is called when there is none.
const CONFIG: &str = "site.yaml";

/// `site.yaml` (or `site.yml`, file 0 of the model) and its name relative to the site.
pub fn load_config(root: &Path) -> Result<(Config, Arc<str>), Vec<Diagnostic>> {
    let access = fs::Access::new(root, true);
    let Some(path) = names::find_yaml(root, root, "site", &access).map_err(|d| vec![d])? else {
        let rel: Arc<str> = Arc::from(CONFIG);
        return Err(vec![Diagnostic::error(
            Span::file(&rel),
            msg!(NO_SITE_YAML, dir = root.display().to_string()),
        )
        .hint(msg!(NO_SITE_YAML_HINT))]);
    };
    let (rel, text) = read_text(root, &path).map_err(|d| vec![d])?;
    let config = yaml::parse(&rel, 0, &text, 0)?;
    Ok((config, rel))
}
