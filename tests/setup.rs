//! `scripts/setup --check` on machines without a usable Node, simulated with PATH: it must
//! name what is missing and fail, without installing anything.
#![cfg(unix)]

use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `scripts/setup --check` with `path` as PATH and an empty tools folder.
fn check(path: &str, tools: &Path) -> Output {
    Command::new("bash")
        .arg(repo().join("scripts/setup"))
        .arg("--check")
        .env("PATH", path)
        .env("GUIDEPOST_TOOLS", tools)
        .output()
        .expect("bash runs scripts/setup")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn node_18_first_on_path_is_reported_and_nothing_is_installed() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    // Answers like Debian 12's node 18.20.4.
    let node = bin.join("node");
    std::fs::write(
        &node,
        "#!/bin/sh\ncase \"$1\" in --version) echo v18.20.4 ;; -e) printf 18 ;; esac\n",
    )
    .unwrap();
    std::fs::set_permissions(&node, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let tools = tmp.path().join("tools");

    let out = check(&path, &tools);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("setup: missing: Node >= 20 (node on PATH is v18.20.4)\n"),
        "{}",
        stdout(&out)
    );
    assert!(!tools.exists(), "--check installed something");
}

#[test]
fn no_node_on_path_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    // Every command of the real PATH except node and npm.
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap()) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            if ["node", "npm", "npx", "corepack"].contains(&name.to_str().unwrap_or("")) {
                continue;
            }
            let link = bin.join(&name);
            if !link.exists() {
                symlink(e.path(), link).unwrap();
            }
        }
    }
    let tools = tmp.path().join("tools");

    let out = check(bin.to_str().unwrap(), &tools);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("setup: missing: Node >= 20 (no node on PATH)\n"),
        "{}",
        stdout(&out)
    );
    assert!(!tools.exists(), "--check installed something");
}
