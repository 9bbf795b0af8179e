//! File access stays inside the site.
//!
//! A symlink in `content/`, `guides/`, `templates/`, `themes/` or `static/` that leads
//! outside the site folder is a located error, unless `site.yaml` says
//! `allow_outside_symlinks: true`; a link that loops is always an error, a broken one a
//! warning. [`scan`] walks the five folders before anything is loaded and reports every such
//! link; the loaders ask [`Access::refuse`] before they read or walk into a path, so a file
//! outside the site is never read and its text never shown. Only `std::fs` is used; the one
//! platform difference, the error number of a loop, is in [`is_loop`].

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::msg;

/// The folders of a site that hold sources, templates and files to publish.
pub const SOURCE_DIRS: [&str; 5] = ["content", "guides", "templates", "themes", "static"];

/// What may be read: the site folder (as the file system resolves it) and, when allowed,
/// whatever symlinks in it lead to.
pub struct Access {
    /// The site folder as given (for names in messages).
    site: PathBuf,
    /// The site folder with every symlink resolved.
    real: PathBuf,
    allow_outside: bool,
}

impl Access {
    pub fn new(site: &Path, allow_outside: bool) -> Self {
        Access {
            site: site.to_path_buf(),
            real: std::fs::canonicalize(site).unwrap_or_else(|_| site.to_path_buf()),
            allow_outside,
        }
    }

    fn name(&self, path: &Path) -> std::sync::Arc<str> {
        super::rel_name(&self.site, path)
    }

    /// The problem with the symlink at `link`, if any: it loops, or it leads outside.
    fn link_problem(&self, link: &Path) -> Option<Diagnostic> {
        let rel = self.name(link);
        let target = std::fs::read_link(link)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        match std::fs::canonicalize(link) {
            Ok(real) if real.starts_with(&self.real) || self.allow_outside => None,
            Ok(_) => Some(
                Diagnostic::error(
                    Span::file(&rel),
                    msg!(SYMLINK_OUTSIDE, file = &rel, target = &target),
                )
                .hint(msg!(SYMLINK_OUTSIDE_HINT)),
            ),
            Err(e) if is_loop(&e) => Some(
                Diagnostic::error(
                    Span::file(&rel),
                    msg!(SYMLINK_LOOP, file = &rel, target = &target),
                )
                .hint(msg!(SYMLINK_LOOP_HINT)),
            ),
            Err(_) => Some(
                Diagnostic::warning(
                    Span::file(&rel),
                    msg!(SYMLINK_BROKEN, file = &rel, target = &target),
                )
                .hint(msg!(SYMLINK_BROKEN_HINT)),
            ),
        }
    }

    /// None when `path` may be read or walked into; otherwise the problem with the first
    /// symlink on the way from the site folder to it.
    pub fn refuse(&self, path: &Path) -> Option<Diagnostic> {
        let rel = path.strip_prefix(&self.site).ok()?;
        let mut at = self.site.clone();
        for part in rel.components() {
            at.push(part);
            let is_link = std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink());
            if is_link {
                if let Some(d) = self.link_problem(&at) {
                    return Some(d);
                }
            }
        }
        None
    }

    pub fn allows(&self, path: &Path) -> bool {
        self.refuse(path).is_none()
    }
}

/// ELOOP ("too many levels of symbolic links"), by the number each platform gives it.
fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    const ELOOP: Option<i32> = Some(40);
    #[cfg(all(unix, not(target_os = "linux")))]
    const ELOOP: Option<i32> = Some(62);
    // ERROR_CANT_RESOLVE_FILENAME
    #[cfg(windows)]
    const ELOOP: Option<i32> = Some(1921);
    #[cfg(not(any(unix, windows)))]
    const ELOOP: Option<i32> = None;
    e.raw_os_error().is_some_and(|n| Some(n) == ELOOP)
}

/// Every symlink problem in the site's source folders, in path order.
pub fn scan(access: &Access) -> Diagnostics {
    scan_dirs(access, &SOURCE_DIRS)
}

/// Every symlink problem in the source folders `dirs` (of [`SOURCE_DIRS`]), in path order.
pub fn scan_dirs(access: &Access, dirs: &[&str]) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for &dir in dirs {
        let top = access.site.join(dir);
        if let Some(d) = access.refuse(&top) {
            diags.push(d);
            continue;
        }
        let mut ancestors = HashSet::new();
        if let Ok(real) = std::fs::canonicalize(&top) {
            ancestors.insert(real.clone());
            walk(access, &top, &real, &mut ancestors, &mut diags);
        }
    }
    diags
}

/// Depth first through `dir` (whose real path is `real_dir`); `ancestors` are the real
/// folders on the way, so a link back to one of them is a loop. Only links are resolved:
/// a plain file costs one `lstat`.
fn walk(
    access: &Access,
    dir: &Path,
    real_dir: &Path,
    ancestors: &mut HashSet<PathBuf>,
    diags: &mut Diagnostics,
) {
    let mut entries: Vec<(PathBuf, std::fs::FileType)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in entries {
        let real = if kind.is_symlink() {
            if let Some(d) = access.link_problem(&path) {
                diags.push(d);
                continue;
            }
            match std::fs::canonicalize(&path) {
                Ok(real) if real.is_dir() => real,
                _ => continue,
            }
        } else if kind.is_dir() {
            real_dir.join(path.file_name().unwrap_or_default())
        } else {
            continue;
        };
        if ancestors.contains(&real) {
            let rel = access.name(&path);
            let back = access.name(&real_to_site(access, &real));
            diags.push(
                Diagnostic::error(
                    Span::file(&rel),
                    msg!(SYMLINK_WALK_LOOP, file = &rel, back = &back),
                )
                .hint(msg!(SYMLINK_LOOP_HINT)),
            );
            continue;
        }
        ancestors.insert(real.clone());
        walk(access, &path, &real, ancestors, diags);
        ancestors.remove(&real);
    }
}

/// A real path inside the site, named from the site folder as given.
fn real_to_site(access: &Access, real: &Path) -> PathBuf {
    match real.strip_prefix(&access.real) {
        Ok(rel) => access.site.join(rel),
        Err(_) => real.to_path_buf(),
    }
}
