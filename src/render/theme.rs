//! The theme: tera templates and static assets.
//!
//! The default theme (`themes/default/`) is compiled into the binary; a site may pick another
//! theme folder under its own `themes/`, and override any template file by file in its
//! `templates/`. Assets get content-hashed names so browsers may cache them forever.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use include_dir::{include_dir, Dir};
use sha2::{Digest, Sha256};

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::read_text;
use crate::msg;

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A static asset of the theme, published under `assets/`.
pub struct Asset {
    /// Output path, `assets/style.1a2b3c4d.css`.
    pub path: String,
    pub bytes: Vec<u8>,
    /// Where it comes from (`themes/default/static/style.css`), for messages.
    pub source: Arc<str>,
}

pub struct Theme {
    pub tera: tera::Tera,
    /// Template name → (its file, its text), to point render errors at their place.
    pub sources: BTreeMap<String, (Arc<str>, String)>,
    /// Logical name (`style.css`) → asset.
    pub assets: BTreeMap<String, Asset>,
}

impl Theme {
    pub fn asset_path(&self, name: &str) -> String {
        self.assets
            .get(name)
            .map(|a| a.path.clone())
            .unwrap_or_default()
    }
}

/// Load the theme named in site.yaml and the site's own template overrides.
pub fn load(
    root: &Path,
    name: &str,
    extra_assets: Vec<(String, Vec<u8>)>,
) -> Result<Theme, Diagnostics> {
    let mut diags = Diagnostics::default();
    let mut templates: BTreeMap<String, (Arc<str>, String)> = BTreeMap::new();
    let mut statics: BTreeMap<String, (Arc<str>, Vec<u8>)> = BTreeMap::new();
    let theme_dir = root.join("themes").join(name);
    if theme_dir.is_dir() {
        read_dir_files(
            root,
            &theme_dir.join("templates"),
            &mut templates,
            &mut diags,
        );
        for (rel, path) in walk(&theme_dir.join("static")) {
            match std::fs::read(&path) {
                Ok(b) => {
                    statics.insert(rel, (crate::load::rel_name(root, &path), b));
                }
                Err(e) => diags.push(
                    Diagnostic::error(
                        Span::file(&crate::load::rel_name(root, &path)),
                        msg!(THEME_READ_FAILED, error = e.to_string()),
                    )
                    .hint(msg!(THEME_READ_FAILED_HINT)),
                ),
            }
        }
    } else if name == "default" {
        embedded(&mut templates, &mut statics);
    } else {
        let file: Arc<str> = Arc::from("site.yaml");
        diags.push(
            Diagnostic::error(Span::file(&file), msg!(THEME_UNKNOWN, name = name))
                .hint(msg!(THEME_UNKNOWN_HINT, name = name)),
        );
        return Err(diags);
    }
    read_dir_files(root, &root.join("templates"), &mut templates, &mut diags);
    let generated: Arc<str> = Arc::from("site.yaml");
    statics.extend(
        extra_assets
            .into_iter()
            .map(|(name, bytes)| (name, (generated.clone(), bytes))),
    );
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    // Tera's default also escapes `/` as `&#x2F;`, which bloats every URL; quoted attributes
    // and text need only & < > " escaped.
    tera.set_escape_fn(escape_html);
    let raw: Vec<(String, String)> = templates
        .iter()
        .map(|(n, (_, t))| (n.clone(), t.clone()))
        .collect();
    match tera.add_raw_templates(raw) {
        Err(e) => {
            let (name, file) = failing_template(&e, &templates);
            let text = error_chain(&e);
            let at = tera_location(&text)
                .map(|(line, col)| Span::new(&file, line, col))
                .unwrap_or_else(|| Span::file(&file));
            diags.push(
                Diagnostic::error(
                    at,
                    msg!(TEMPLATE_SYNTAX, name = &name, detail = one_line(&text)),
                )
                .hint(msg!(TEMPLATE_SYNTAX_HINT)),
            );
        }
        Ok(()) => diags.extend(super::templates::validate(&tera, &templates)),
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let assets = statics
        .into_iter()
        .map(|(name, (source, bytes))| {
            let path = hashed_name(&name, &bytes);
            (
                name,
                Asset {
                    path,
                    bytes,
                    source,
                },
            )
        })
        .collect();
    Ok(Theme {
        tera,
        sources: templates,
        assets,
    })
}

fn embedded(
    templates: &mut BTreeMap<String, (Arc<str>, String)>,
    statics: &mut BTreeMap<String, (Arc<str>, Vec<u8>)>,
) {
    let mut stack = vec![&DEFAULT];
    while let Some(dir) = stack.pop() {
        for f in dir.files() {
            let rel = f.path().to_string_lossy().replace('\\', "/");
            if let Some(name) = rel.strip_prefix("templates/") {
                let text = f.contents_utf8().unwrap_or_default().to_string();
                templates.insert(
                    name.to_string(),
                    (Arc::from(format!("themes/default/{rel}")), text),
                );
            } else if let Some(name) = rel.strip_prefix("static/") {
                let source = Arc::from(format!("themes/default/{rel}"));
                statics.insert(name.to_string(), (source, f.contents().to_vec()));
            }
        }
        stack.extend(dir.dirs());
    }
}

fn walk(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                crate::load::rel_name(dir, e.path()).to_string(),
                e.into_path(),
            )
        })
        .collect()
}

fn read_dir_files(
    root: &Path,
    dir: &Path,
    out: &mut BTreeMap<String, (Arc<str>, String)>,
    diags: &mut Diagnostics,
) {
    for (rel, path) in walk(dir) {
        match read_text(root, &path) {
            Ok((file, text)) => {
                out.insert(rel, (file, text));
            }
            Err(d) => diags.push(d),
        }
    }
}

fn escape_html(s: &str) -> String {
    crate::render::escape(s)
}

/// `style.css` → `assets/style.1a2b3c4d.css`.
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("assets/{stem}.{hash}.{ext}"),
        None => format!("assets/{name}.{hash}"),
    }
}

fn failing_template(
    e: &tera::Error,
    templates: &BTreeMap<String, (Arc<str>, String)>,
) -> (String, Arc<str>) {
    let text = error_chain(e);
    for (name, (file, _)) in templates {
        if text.contains(&format!("'{name}'")) || text.contains(&format!("`{name}`")) {
            return (name.clone(), file.clone());
        }
    }
    ("?".to_string(), Arc::from("templates"))
}

/// Where a render error of `template` happened, as near as tera's message tells: the first
/// use of the variable it names, in the template it names; else that template's first line.
pub fn render_error_span(
    sources: &BTreeMap<String, (Arc<str>, String)>,
    template: &str,
    text: &str,
) -> Span {
    let quoted = |open: &str, close: char| {
        let rest = &text[text.find(open)? + open.len()..];
        Some(rest[..rest.find(close)?].to_string())
    };
    let file = quoted("while rendering '", '\'').unwrap_or_else(|| template.to_string());
    let needle = quoted("Variable `", '`').unwrap_or_default();
    super::templates::locate(sources, &file, &needle, "")
}

/// The `--> line:col` tera's parser puts in a syntax error.
fn tera_location(text: &str) -> Option<(usize, usize)> {
    let rest = &text[text.find("--> ")? + 4..];
    let end = rest.find(|c: char| !c.is_ascii_digit() && c != ':')?;
    let (line, col) = rest[..end].split_once(':')?;
    Some((line.parse().ok()?, col.parse().ok()?))
}

/// A multi-line parser message (with its source excerpt) on one line: the excerpt is
/// dropped, since the error already names the place.
fn one_line(text: &str) -> String {
    let mut parts = Vec::new();
    for line in text.lines() {
        let t = line.split("-->").next().unwrap_or("").trim();
        let excerpt = t.starts_with('|')
            || t.split_once(" | ")
                .is_some_and(|(n, _)| n.trim().parse::<u32>().is_ok());
        if t.is_empty() || excerpt {
            continue;
        }
        parts.push(t.trim_start_matches("= ").to_string());
    }
    parts.join(" ")
}

/// A tera error with its causes, on one line each.
pub fn error_chain(e: &tera::Error) -> String {
    let mut s = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}
