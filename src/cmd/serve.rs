//! `guidepost serve`: preview the site with live reload until Ctrl-C.

use std::net::IpAddr;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use guidepost::diag::Severity::{Error, Warning};
use guidepost::i18n::{ids, Catalog};
use guidepost::msg;
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

pub fn execute(args: Args, t: Catalog) -> ExitCode {
    let root = args.root.root;
    if !root.join("site.yaml").is_file() && !root.join("site.yml").is_file() {
        let m = msg!(SERVE_NO_SITE, dir = root.display().to_string());
        eprintln!("{}", t.problem(Error, &m, Some(&msg!(SERVE_NO_SITE_HINT))));
        return ExitCode::from(1);
    }
    let (stop_tx, stop_rx) = mpsc::channel();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    }) {
        let m = msg!(SERVE_CTRLC, error = e.to_string());
        eprintln!("{}", t.problem(Error, &m, None));
        return ExitCode::from(2);
    }
    let mut limits = Limits {
        max_connections: args.max_connections.max(1),
        ..Limits::default()
    };
    limits.head.timeout = Duration::from_millis(args.client_timeout_ms.max(1));
    let building = msg!(SERVE_BUILDING, root = root.display().to_string());
    eprintln!("{}", t.message(&building));
    let t = Arc::new(t);
    let printer = t.clone();
    let opts = Options {
        root,
        bind: args.bind,
        port: args.port,
        limits,
        max_streams: args.max_streams.max(1),
        poll: args.poll,
        catalog: t.clone(),
        notice: Arc::new(move |n| print_notice(n, &printer)),
    };
    let server = match serve::start(opts) {
        Ok(s) => s,
        Err(e) => {
            let (m, hint) = match e {
                serve::Error::Bind(addr, e) => (
                    msg!(
                        SERVE_BIND_FAILED,
                        addr = addr.to_string(),
                        error = e.to_string()
                    ),
                    Some(msg!(SERVE_BIND_HINT)),
                ),
                serve::Error::Start(e) => (msg!(SERVE_START_FAILED, error = e), None),
            };
            eprintln!("{}", t.problem(Error, &m, hint.as_ref()));
            return ExitCode::from(2);
        }
    };
    if !args.bind.is_loopback() {
        let m = msg!(SERVE_PUBLIC, addr = args.bind.to_string());
        eprintln!("{}", t.problem(Warning, &m, None));
    }
    println!("{}", t.message(&msg!(SERVE_SERVING, url = server.url())));
    if args.open {
        open_browser(&server.url(), &t);
    }
    let _ = stop_rx.recv();
    server.stop();
    eprintln!("{}", t.message(&msg!(SERVE_STOPPED)));
    ExitCode::SUCCESS
}

fn print_notice(n: Notice, t: &Catalog) {
    match n {
        Notice::Built { page, took, .. } => {
            let ms = took.as_millis() as usize;
            let m = match page {
                Some(what) => msg!(SERVE_REBUILT, what = what, ms = ms),
                None => msg!(SERVE_REBUILT_SITE, ms = ms),
            };
            eprintln!("{}", t.message(&m))
        }
        Notice::Failed { diags, .. } => {
            let n = report(diags, t);
            eprintln!("{}", t.message(&msg!(SERVE_REBUILD_FAILED, errors = n)));
        }
        Notice::Warnings(w) => {
            report(w, t);
        }
        Notice::AcceptError(e) => {
            let m = msg!(SERVE_ACCEPT_FAILED, error = e.to_string());
            eprintln!("{}", t.problem(Warning, &m, None))
        }
        Notice::Polling(reason) => {
            let m = msg!(SERVE_POLLING, reason = reason.to_string());
            eprintln!("{}", t.problem(Warning, &m, Some(&watch_hint())))
        }
        Notice::WatchError(e) => {
            let m = msg!(SERVE_WATCH_FAILED, error = e.to_string());
            let hint = msg!(SERVE_WATCH_FAILED_HINT, rest = watch_hint());
            eprintln!("{}", t.problem(Error, &m, Some(&hint)))
        }
    }
}

/// What to do when the system's file events run out.
fn watch_hint() -> guidepost::diag::Message {
    guidepost::diag::Message::id(if cfg!(target_os = "linux") {
        ids::SERVE_WATCH_HINT_LINUX
    } else {
        ids::SERVE_WATCH_HINT_OTHER
    })
}

fn open_browser(url: &str, t: &Catalog) {
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
        let m = msg!(SERVE_NO_BROWSER, cmd = cmd, url = url);
        eprintln!("{}", t.problem(Warning, &m, None));
    }
}
