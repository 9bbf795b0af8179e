//! A small harness: copy a fixture site into a temp folder, change files, run the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Site {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        copy_dir(&src, dir.path());
        Site { dir }
    }

    /// A copy of `tests/fixtures/<name>` in the folder `sub` of a new temp folder, as a user
    /// has `my-site/` beside them.
    pub fn fixture_in(name: &str, sub: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        copy_dir(&src, &dir.path().join(sub));
        Site { dir }
    }

    /// A copy of the bundled site (site.yaml, guides, content).
    pub fn bundled() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(src.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
        for sub in ["guides", "content"] {
            copy_dir(&src.join(sub), &dir.path().join(sub));
        }
        Site { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        std::fs::write(self.path(rel), bytes).unwrap();
        self
    }

    /// Replace the first `from` in a file with `to`; the text must be there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1))
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in("", args)
    }

    /// Run `guidepost ARGS` in the folder `cwd` of the site's temp folder, in English
    /// (`LANG=en_US.UTF-8`: most tests assert English text; see [`Site::run_lang`]).
    pub fn run_in(&self, cwd: &str, args: &[&str]) -> Run {
        self.run_with(cwd, Some("en_US.UTF-8"), args)
    }

    /// Run `guidepost ARGS` with `LANG` set to `lang`, or unset (no locale at all) for None;
    /// `LC_ALL` and `LC_MESSAGES` are always unset, so `lang` alone decides.
    pub fn run_lang(&self, lang: Option<&str>, args: &[&str]) -> Run {
        self.run_with("", lang, args)
    }

    fn run_with(&self, cwd: &str, lang: Option<&str>, args: &[&str]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_guidepost"));
        cmd.args(args)
            .current_dir(self.dir.path().join(cwd))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        if let Some(lang) = lang {
            cmd.env("LANG", lang);
        }
        let out: Output = cmd.output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn check(&self) -> Run {
        self.run(&["check"])
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }
}

impl Run {
    /// The `error: file:line:col: message` lines.
    pub fn errors(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .collect()
    }

    #[track_caller]
    pub fn assert_error(&self, expected: &str) {
        assert_ne!(self.code, 0, "expected failure, stderr:\n{}", self.stderr);
        assert!(
            self.errors().iter().any(|l| l.starts_with(expected)),
            "no error line starting with {expected:?}; stderr:\n{}",
            self.stderr
        );
    }
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    v.sort();
    v
}

/// A symbolic link at `link` to `target` (a file or a folder), on any OS.
pub fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) -> std::io::Result<()> {
    #[cfg(unix)]
    return std::os::unix::fs::symlink(target, link);
    #[cfg(windows)]
    {
        let target = target.as_ref();
        if target.is_dir() {
            std::os::windows::fs::symlink_dir(target, link)
        } else {
            std::os::windows::fs::symlink_file(target, link)
        }
    }
}
