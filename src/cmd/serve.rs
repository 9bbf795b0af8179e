//! `guidepost serve`: preview the site with live reload until Ctrl-C.

use std::net::IpAddr;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use guidepost::serve::{self, Limits, Notice, Options};

use super::{report, RootArg};

/// Preview the site: build it in memory, serve it on this machine, rebuild and reload open
/// pages on every change
///
/// Watches site.yaml, guides/, content/, themes/, templates/ and static/. When a change has
/// errors the last good build stays served and the errors show over every open page.
/// Nothing is written to the site folder. Stop with Ctrl-C.
///
/// Example: guidepost serve --root my-site --port 8080
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub root: RootArg,
    /// Port to listen on (0: any free port)
    #[arg(long, short, default_value_t = 8000)]
    pub port: u16,
    /// Address to listen on; anything but loopback shares the preview with the network
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: IpAddr,
    /// Open the site in the default browser
    #[arg(long)]
    pub open: bool,
    /// Find saved files by looking every 0.3 s instead of through the system's file events
    /// (for network drives, shared folders of virtual machines, or exhausted watch limits)
    #[arg(long)]
    pub poll: bool,
    /// Most concurrent connections (more are answered 503)
    #[arg(long, default_value_t = 2048, hide = true)]
    pub max_connections: usize,
    /// Time a client has to send its request head, in milliseconds
    #[arg(long, default_value_t = 10_000, hide = true)]
    pub client_timeout_ms: u64,
    /// Most open live-reload streams (one per open page)
    #[arg(long, default_value_t = 64, hide = true)]
    pub max_streams: usize,
}

pub fn execute(args: Args) -> ExitCode {
    let root = args.root.root;
    if !root.join("site.yaml").is_file() && !root.join("site.yml").is_file() {
        eprintln!(
            "error: no site.yaml in {}\n  hint: run guidepost serve in the site folder, or pass --root with the folder that holds site.yaml",
            root.display()
        );
        return ExitCode::from(1);
    }
    let (stop_tx, stop_rx) = mpsc::channel();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    }) {
        eprintln!("error: cannot handle Ctrl-C: {e}");
        return ExitCode::from(2);
    }
    let mut limits = Limits {
        max_connections: args.max_connections.max(1),
        ..Limits::default()
    };
    limits.head.timeout = Duration::from_millis(args.client_timeout_ms.max(1));
    eprintln!("building {} …", root.display());
    let opts = Options {
        root,
        bind: args.bind,
        port: args.port,
        limits,
        max_streams: args.max_streams.max(1),
        poll: args.poll,
        notice: Arc::new(print_notice),
    };
    let server = match serve::start(opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            if matches!(e, serve::Error::Bind(..)) {
                eprintln!("  hint: another program uses this port: pass another one with --port (0 picks a free one)");
            }
            return ExitCode::from(2);
        }
    };
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: anyone who can reach this machine can read the preview",
            args.bind
        );
    }
    println!("serving at {} (Ctrl-C to stop)", server.url());
    if args.open {
        open_browser(&server.url());
    }
    let _ = stop_rx.recv();
    server.stop();
    eprintln!("stopped");
    ExitCode::SUCCESS
}

fn print_notice(n: Notice) {
    match n {
        Notice::Built { what, took, .. } => {
            eprintln!("built {what} in {} ms", took.as_millis())
        }
        Notice::Failed { diags, .. } => {
            let n = report(diags);
            eprintln!("rebuild failed: {n} error(s); still serving the last good build");
        }
        Notice::Warnings(w) => {
            report(w);
        }
        Notice::AcceptError(e) => eprintln!("warning: accepting a connection failed: {e}"),
        Notice::Polling(reason) => {
            eprintln!(
                "warning: the system cannot report file changes ({reason}); \
                 looking for changes every 0.3 s instead\n  hint: {}",
                WATCH_HINT
            )
        }
        Notice::WatchError(e) => {
            eprintln!(
                "error: cannot watch the sources ({e}); saved changes will not be seen\n  \
                 hint: stop with Ctrl-C and start again; {WATCH_HINT}"
            )
        }
    }
}

/// What to do when the system's file events run out.
#[cfg(target_os = "linux")]
const WATCH_HINT: &str = "raise the limits with `sudo sysctl fs.inotify.max_user_watches=524288 \
     fs.inotify.max_user_instances=512` (add both to /etc/sysctl.conf to keep them), or start \
     with --poll";
#[cfg(not(target_os = "linux"))]
const WATCH_HINT: &str = "close other programs that watch many files, or start with --poll";

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let spawned = std::process::Command::new(cmd)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        eprintln!("warning: could not open a browser ({cmd}); open {url} yourself");
    }
}
