//! `guidepost init`: write a small working site to start from.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use guidepost::diag::Severity::Error;
use guidepost::i18n::Catalog;
use guidepost::msg;
use include_dir::{include_dir, Dir};

/// The starter site: one platform with a flow, materials, an FAQ, a decision tree and a
/// checklist, and a section of Markdown pages; every key commented for editors.
static SITE: Dir = include_dir!("$CARGO_MANIFEST_DIR/src/cmd/init/site");

/// Start a new site: write a small working example into a new or empty folder
///
/// The example has one platform with a flow, materials, FAQs, a decision tree and a checklist,
/// and a section of Markdown pages, with every key explained in comments, and the JSON
/// Schemas (schemas/) that editors such as VS Code use to complete and check keys. It builds without
/// a warning; change it or copy its parts. A folder that holds anything is refused.
///
/// Example: guidepost init my-site
#[derive(clap::Args)]
pub struct Args {
    /// The folder to create the site in (it must not exist, or be empty)
    #[arg(default_value = ".", value_name = "DIR", value_parser = super::absolute_dir)]
    pub dir: PathBuf,
}

pub fn execute(args: Args, t: &Catalog) -> ExitCode {
    let dir = args.dir;
    match std::fs::read_dir(&dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                let m = msg!(INIT_NOT_EMPTY, dir = dir.display().to_string());
                eprintln!("{}", t.problem(Error, &m, Some(&msg!(INIT_NOT_EMPTY_HINT))));
                return ExitCode::from(1);
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            let m = msg!(
                INIT_CANNOT_READ,
                dir = dir.display().to_string(),
                error = e.to_string()
            );
            eprintln!("{}", t.problem(Error, &m, None));
            return ExitCode::from(2);
        }
    }
    let mut written = Vec::new();
    if let Err(e) = write_all(&SITE, &dir, &mut written).and_then(|()| schemas(&dir, &mut written))
    {
        let m = guidepost::diag::Message::text(e.to_string());
        let hint = msg!(INIT_WRITE_FAILED_HINT);
        eprintln!("{}", t.problem(Error, &m, Some(&hint)));
        return ExitCode::from(2);
    }
    written.sort();
    let created = msg!(INIT_CREATED, dir = dir.display().to_string());
    println!("{}", t.message(&created));
    for file in &written {
        println!("  {file}");
    }
    let here = std::env::current_dir().ok();
    let shown = match here.as_deref().and_then(|h| dir.strip_prefix(h).ok()) {
        Some(rel) if rel.as_os_str().is_empty() => None,
        Some(rel) => Some(rel.display().to_string()),
        None => Some(dir.display().to_string()),
    };
    println!("{}", t.message(&msg!(INIT_NEXT)));
    if let Some(shown) = shown {
        println!("  cd {shown}");
    }
    println!(
        "  guidepost serve      {}",
        t.message(&msg!(INIT_NEXT_SERVE))
    );
    println!(
        "  guidepost build      {}",
        t.message(&msg!(INIT_NEXT_BUILD))
    );
    ExitCode::SUCCESS
}

/// The JSON Schemas the sources name on their first line, for editors' tools.
fn schemas(site: &Path, written: &mut Vec<String>) -> std::io::Result<()> {
    let dir = site.join("schemas");
    std::fs::create_dir_all(&dir)?;
    for (name, _, value) in guidepost::model::schema::all() {
        let text = serde_json::to_string_pretty(&value).map_err(std::io::Error::other)? + "\n";
        std::fs::write(dir.join(name), text)?;
        written.push(format!("schemas/{name}"));
    }
    Ok(())
}

fn write_all(from: &Dir, to: &Path, written: &mut Vec<String>) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for file in from.files() {
        let rel = file.path();
        let dest = to.join(rel.file_name().unwrap_or_default());
        std::fs::write(&dest, file.contents())
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", dest.display())))?;
        written.push(rel.to_string_lossy().replace('\\', "/"));
    }
    for sub in from.dirs() {
        let name = sub.path().file_name().unwrap_or_default();
        write_all(sub, &to.join(name), written)?;
    }
    Ok(())
}
