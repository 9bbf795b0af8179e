//! Watching never fails silently: when the system's file events cannot be had, `serve` says
//! why and what to do, and saves are still seen by polling. The system watcher is made to fail
//! for real, in a user namespace of the server's own whose inotify limits are lowered
//! (`unshare --user`; the machine's own limits are not touched).

use std::time::Duration;

use crate::common::Site;
use crate::support::Serve;

#[cfg(target_os = "linux")]
const HINT: &str = "  hint: raise the limits with `sudo sysctl fs.inotify.max_user_watches=524288 \
     fs.inotify.max_user_instances=512` (add both to /etc/sysctl.conf to keep them), or start \
     with --poll\n";

/// Serve the minimal fixture with one of this namespace's inotify limits set to `value`.
#[cfg(target_os = "linux")]
fn serve_limited(limit: &str, value: u32) -> Serve {
    // unshare runs `sh -c` inside the new namespace, which then execs the server.
    Serve::start_after(
        Site::fixture("minimal"),
        &[],
        Some(format!(
            "exec unshare --user --map-root-user sh -c 'echo {value} > /proc/sys/user/{limit} && exec \"$0\" \"$@\"' \"$0\" \"$@\"; false"
        )),
    )
}

/// A save is served after the reload event.
fn a_save_is_seen(s: &Serve) {
    let mut ev = s.events();
    ev.wait_for("build", 5);
    s.site.edit("content/guide/b.md", "返回", "轮询也看得到");
    ev.wait_for("build", 20);
    assert!(
        s.get("/guide/b/").body.contains("轮询也看得到"),
        "{}",
        s.log()
    );
}

/// The warning `serve` printed, whole.
#[cfg(target_os = "linux")]
fn polling_warning(s: &Serve) -> String {
    const START: &str = "warning: the system cannot report file changes (";
    // stderr is read on a thread of its own: give it a moment to catch up.
    let end = std::time::Instant::now() + Duration::from_secs(10);
    while !s.log().contains(START) && std::time::Instant::now() < end {
        std::thread::sleep(Duration::from_millis(20));
    }
    let log = s.log();
    let start = log
        .find(START)
        .unwrap_or_else(|| panic!("no polling warning:\n{log}"));
    let block: Vec<&str> = log[start..].lines().take(2).collect();
    format!("{}\n{}\n", block[0], block[1])
}

#[test]
#[cfg(target_os = "linux")]
fn no_inotify_instance_left_falls_back_to_polling_and_says_so() {
    let s = serve_limited("max_inotify_instances", 0);
    assert_eq!(
        polling_warning(&s),
        format!(
            "warning: the system cannot report file changes (Too many open files (os error 24)); \
             looking for changes every 0.3 s instead\n{HINT}"
        )
    );
    a_save_is_seen(&s);
}

#[test]
#[cfg(target_os = "linux")]
fn running_out_of_inotify_watches_falls_back_to_polling_and_says_so() {
    // The root and one folder can be watched; the rest of the sources cannot.
    let s = serve_limited("max_inotify_watches", 2);
    let warning = polling_warning(&s);
    assert!(
        warning.ends_with(&format!(
            "; looking for changes every 0.3 s instead\n{HINT}"
        )),
        "{warning}"
    );
    a_save_is_seen(&s);
    // Nothing was silently dropped: a save deep in guides/ is seen too.
    let mut ev = s.events();
    ev.wait_for("build", 5);
    s.site
        .edit("guides/demo/faq.yaml", "审核要多久？", "审核最多要多久？");
    ev.wait_for("build", 20);
    assert!(s.get("/demo/faq/").body.contains("审核最多要多久？"));
}

#[test]
fn poll_finds_saves_without_the_system_watcher() {
    let s = Serve::start(Site::fixture("minimal"), &["--poll"]);
    assert!(!s.log().contains("warning"), "{}", s.log());
    a_save_is_seen(&s);
}

#[test]
fn a_file_truncated_then_written_later_shows_no_false_error() {
    let s = Serve::start(Site::fixture("minimal"), &[]);
    let mut ev = s.events();
    ev.wait_for("build", 5);
    let text = s
        .site
        .read("content/guide/b.md")
        .replace("返回", "分两次写完");
    // An editor's save in two steps: empty the file, pause, write it.
    std::fs::write(s.site.path("content/guide/b.md"), "").unwrap();
    std::thread::sleep(Duration::from_millis(120));
    std::fs::write(s.site.path("content/guide/b.md"), text).unwrap();
    let mut events = vec![ev.wait_for("build", 20)];
    events.extend(ev.drain(Duration::from_secs(1)));
    // No false "no front matter" flashes over the page (a loaded machine may still split the
    // write into two builds; both are of good sources).
    assert!(events.iter().all(|e| e.name == "build"), "{events:?}");
    assert!(!s.log().contains("rebuild failed"), "{}", s.log());
    assert!(s.get("/guide/b/").body.contains("分两次写完"));
}
