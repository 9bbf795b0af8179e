//! Every example that `guidepost --help` and each subcommand's `--help` print, run literally:
//! the same arguments, a relative `my-site` beside the working folder as a user has it, no
//! `--root` or `--port` added. `serve` examples must also see a save and reload, show a broken
//! save's located problem and clear it when fixed — the editor's loop as documented.
//!
//! The README's own commands (`cargo run --release -- serve`, `scripts/test`) are run
//! literally by `tests/browser/readme.test.mjs` and by CI.

mod common;
#[path = "serve/support.rs"]
mod support;

use std::process::Command;

use common::Site;
use support::Serve;

/// The folder the examples name.
const SITE: &str = "my-site";

/// `guidepost ARGS --help` as printed, in Chinese (no locale set: the default).
fn help(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_guidepost"))
        .args(args)
        .arg("--help")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The example commands of a help text: lines that start with `guidepost ` (after an
/// optional `示例：` or `Example:`), cut before the two-space gap that starts an explanation.
fn examples(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.trim_start())
        .map(|l| {
            let l = l
                .strip_prefix("示例：")
                .or_else(|| l.strip_prefix("Example:"));
            l.map(str::trim_start)
        })
        .zip(text.lines().map(str::trim_start))
        .map(|(stripped, l)| stripped.unwrap_or(l))
        .filter(|l| l.starts_with("guidepost "))
        .map(|l| l.split("  ").next().unwrap().trim())
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect()
}

fn all_examples() -> Vec<Vec<String>> {
    let mut all = examples(&help(&[]));
    for sub in ["init", "build", "check", "serve"] {
        all.extend(examples(&help(&[sub])));
    }
    all
}

/// Where a user runs an example: beside `my-site` when it names it, else inside the site.
fn cwd_for(args: &[String]) -> &'static str {
    if args.iter().any(|a| a == SITE) {
        ""
    } else {
        SITE
    }
}

#[test]
fn help_has_an_example_of_every_command() {
    let all = all_examples();
    for sub in ["init", "build", "check", "serve"] {
        assert!(
            all.iter().any(|e| e[1] == sub),
            "no example of `guidepost {sub}` in --help: {all:?}"
        );
    }
}

#[test]
fn init_examples_make_a_site_that_checks_without_a_warning() {
    let inits: Vec<_> = all_examples()
        .into_iter()
        .filter(|e| e[1] == "init")
        .collect();
    assert!(inits.len() >= 2, "{inits:?}");
    for example in inits {
        let shown = example.join(" ");
        let empty = Site {
            dir: tempfile::tempdir().unwrap(),
        };
        let args: Vec<&str> = example[1..].iter().map(String::as_str).collect();
        let run = empty.run(&args);
        assert_eq!(run.code, 0, "`{shown}`: {}", run.stderr);
        let site = example.get(2).map_or(".", String::as_str);
        let check = empty.run_in(site, &["check"]);
        assert_eq!(check.code, 0, "`{shown}`: {}", check.stderr);
        assert_eq!(
            check.stderr, "ok: 1 platforms, 15 ids, 3 pages checked\n",
            "`{shown}`: no warning"
        );
    }
}

#[test]
fn build_and_check_examples_work_as_written() {
    let runnable: Vec<_> = all_examples()
        .into_iter()
        .filter(|e| e[1] == "build" || e[1] == "check")
        .collect();
    assert!(runnable.len() >= 3, "{runnable:?}");
    for example in runnable {
        let site = Site::fixture_in("minimal", SITE);
        let cwd = cwd_for(&example);
        let args: Vec<&str> = example[1..].iter().map(String::as_str).collect();
        let run = site.run_in(cwd, &args);
        let shown = example.join(" ");
        assert_eq!(run.code, 0, "`{shown}` in ./{cwd} failed:\n{}", run.stderr);
        if example[1] == "check" {
            // Its summary ends the report (a source that has grown old adds a warning above).
            let last = run.stderr.lines().last().unwrap_or("");
            assert!(last.starts_with("ok: "), "`{shown}`: {}", run.stderr);
            continue;
        }
        // The output lands where the example says: --output relative to the working
        // folder, else public/ inside the site.
        let output = match example.iter().position(|a| a == "--output") {
            Some(i) => site.path(cwd).join(&example[i + 1]),
            None => site.path(SITE).join("public"),
        };
        assert!(
            output.join("index.html").is_file(),
            "`{shown}`: no {}/index.html; stderr:\n{}",
            output.display(),
            run.stderr
        );
        if let Some(i) = example.iter().position(|a| a == "--base-url") {
            let sitemap = std::fs::read_to_string(output.join("sitemap.xml")).unwrap();
            assert!(sitemap.contains(&example[i + 1]), "`{shown}`: {sitemap}");
        }
    }
}

#[test]
fn serve_examples_reload_on_a_save_and_show_problems_as_written() {
    let serves: Vec<_> = all_examples()
        .into_iter()
        .filter(|e| e[1] == "serve")
        .collect();
    assert!(serves.len() >= 2, "{serves:?}");
    for example in serves {
        let shown = example.join(" ");
        let cwd = cwd_for(&example);
        let args: Vec<&str> = example[1..].iter().map(String::as_str).collect();
        let s = Serve::command(Site::fixture_in("minimal", SITE), cwd, &args);
        let port = match example.iter().position(|a| a == "--port") {
            Some(i) => example[i + 1].parse().unwrap(),
            None => 8000,
        };
        assert_eq!(s.port, port, "`{shown}` serves on another port");

        let page = "/guide/b/";
        assert!(s.get(page).body.contains("返回"), "`{shown}`");
        let mut ev = s.events();
        ev.wait_for("build", 5);

        let b = format!("{SITE}/content/guide/b.md");
        s.site.edit(&b, "返回", "改完返回");
        ev.wait_for("build", 20);
        let body = s.get(page).body;
        assert!(
            body.contains("改完返回"),
            "`{shown}`: the save was not served"
        );

        s.site.edit(&b, "title: 第二篇", "titel: 第二篇");
        let problem = ev.wait_for("problems", 20);
        let problem: serde_json::Value = serde_json::from_str(&problem.data).unwrap();
        let errors = problem["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "`{shown}`: {problem}");
        let e = &errors[0];
        assert_eq!(
            (e["file"].as_str(), e["line"].as_u64(), e["col"].as_u64()),
            (Some("content/guide/b.md"), Some(2), Some(1)),
            "`{shown}`: {problem}"
        );
        // The command runs in the test run's locale, as a user's would: the overlay speaks it.
        let expected = if english_locale() {
            "unknown key `titel`"
        } else {
            "未知的键 `titel`"
        };
        assert_eq!(
            e["message"].as_str(),
            Some(expected),
            "`{shown}`: {problem}"
        );
        assert!(
            s.get(page).body.contains("改完返回"),
            "the last good build stays"
        );

        s.site.edit(&b, "titel: 第二篇", "title: 第二篇");
        ev.wait_for("build", 20);
        drop(s);
    }
}

/// `guidepost ARGS` with `LANG` set to `lang` (None: no locale at all): stdout and stderr.
fn run_lang(lang: Option<&str>, args: &[&str]) -> (String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_guidepost"));
    cmd.args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(lang) = lang {
        cmd.env("LANG", lang);
    }
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn help_is_chinese_by_default_and_english_when_asked() {
    let first = |s: &str| s.lines().next().unwrap_or("").to_string();
    let zh = "把结构化的商家指南生成为快速、可搜索的静态网站";
    let en = "Build a fast, searchable static site from structured merchant guides";
    for lang in [None, Some("C"), Some("POSIX"), Some("zh_CN.UTF-8")] {
        assert_eq!(first(&run_lang(lang, &["-h"]).0), zh, "LANG={lang:?}");
    }
    assert_eq!(first(&run_lang(Some("en_US.UTF-8"), &["-h"]).0), en);
    assert_eq!(first(&run_lang(None, &["--lang", "en", "-h"]).0), en);
    assert_eq!(first(&run_lang(Some("en_GB"), &["--lang=zh", "-h"]).0), zh);
    let (check, _) = run_lang(None, &["check", "--help"]);
    assert!(
        check.contains("用法： guidepost check [OPTIONS]\n\n选项:\n"),
        "{check}"
    );
    assert!(
        check.contains("  -h, --help\n          显示帮助（-h 显示摘要）\n"),
        "{check}"
    );
    let (check, _) = run_lang(Some("en_US.UTF-8"), &["check", "--help"]);
    assert!(
        check.contains("Example: guidepost check --root my-site\n"),
        "{check}"
    );
}

/// `guidepost serve --port 0` in the language of `lang`: its first stdout line and the first
/// line of stderr, then stopped.
fn serve_lines(site: &Site, lang: Option<&str>) -> (String, String) {
    use std::io::{BufRead, BufReader};
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_guidepost"));
    cmd.args(["serve", "--port", "0"])
        .current_dir(site.dir.path())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if let Some(lang) = lang {
        cmd.env("LANG", lang);
    }
    let mut child = cmd.spawn().unwrap();
    let mut out = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut out)
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    let mut err = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut err)
        .unwrap();
    (out.trim_end().to_string(), err.trim_end().to_string())
}

#[test]
fn serve_build_and_init_summaries_speak_the_chosen_language() {
    let site = Site::fixture("minimal");
    let root = dunce::canonicalize(site.dir.path()).unwrap();
    let (out, err) = serve_lines(&site, None);
    assert!(
        out.starts_with("预览地址 http://127.0.0.1:") && out.ends_with("/（按 Ctrl-C 停止）"),
        "{out}"
    );
    assert_eq!(err, format!("正在生成 {} …", root.display()));
    let (out, err) = serve_lines(&site, Some("en_US.UTF-8"));
    assert!(
        out.starts_with("serving at http://127.0.0.1:") && out.ends_with("/ (Ctrl-C to stop)"),
        "{out}"
    );
    assert_eq!(err, format!("building {} …", root.display()));

    let zh = site.run_lang(None, &["build"]).stderr;
    let public = root.join("public").display().to_string();
    // 已生成 N 个文件到 <public>，用时 N 毫秒
    assert!(
        zh.starts_with("已生成 ")
            && zh.contains(&format!(" 个文件到 {public}，用时 "))
            && zh.ends_with(" 毫秒\n"),
        "{zh}"
    );
    let en = site.run_lang(Some("en_US.UTF-8"), &["build"]).stderr;
    assert!(
        en.starts_with("built ")
            && en.contains(&format!(" files into {public} in "))
            && en.ends_with(" ms\n"),
        "{en}"
    );

    let empty = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    let run = empty.run_lang(None, &["init", "my-site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("已在 "), "{}", run.stdout);
    assert!(
        run.stdout.ends_with(
            "下一步：\n  cd my-site\n  guidepost serve      编辑时在 http://127.0.0.1:8000/ 预览\n  guidepost build      把网站写到 public/\n"
        ),
        "{}",
        run.stdout
    );
    let again = empty.run_lang(None, &["init", "my-site"]);
    assert_eq!(again.code, 1);
    let dir = dunce::canonicalize(empty.path("my-site")).unwrap();
    assert_eq!(
        again.stderr,
        format!(
            "错误: {} 不是空的；guidepost init 只往新的或空的文件夹里写\n  提示: 换一个新文件夹的名字，比如 `guidepost init my-site`\n",
            dir.display()
        )
    );
}

/// Whether guidepost speaks English in this environment: the first of LC_ALL, LC_MESSAGES,
/// LANG that is set starts with `en` (the rule docs/format.md gives).
fn english_locale() -> bool {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("en"))
}
