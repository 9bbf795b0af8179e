//! clap's help in the reader's language: every about, argument help and heading from the
//! catalogue. The examples stay literal commands (tests/commands.rs runs them).

use clap::Command;

use guidepost::i18n::ids;
use guidepost::i18n::Catalog;

/// Root examples: the command and the catalogue id of what it does.
const EXAMPLES: [(&str, &str); 4] = [
    ("guidepost init my-site", ids::CLI_EX_INIT),
    ("guidepost build", ids::CLI_EX_BUILD),
    ("guidepost check --root my-site", ids::CLI_EX_CHECK),
    ("guidepost serve", ids::CLI_EX_SERVE),
];

/// Each subcommand: about, longer text (if any), its example, and each argument's help id.
struct Sub {
    name: &'static str,
    about: &'static str,
    long: Option<&'static str>,
    example: &'static str,
    args: &'static [(&'static str, &'static str)],
}

const SUBS: [Sub; 4] = [
    Sub {
        name: "build",
        about: ids::CLI_BUILD_ABOUT,
        long: Some(ids::CLI_BUILD_LONG),
        example: "guidepost build --root my-site --output my-site-html --base-url https://help.example.cn/",
        args: &[
            ("root", ids::CLI_ROOT),
            ("output", ids::CLI_BUILD_OUTPUT),
            ("base_url", ids::CLI_BUILD_BASE_URL),
        ],
    },
    Sub {
        name: "check",
        about: ids::CLI_CHECK_ABOUT,
        long: None,
        example: "guidepost check --root my-site",
        args: &[("root", ids::CLI_ROOT)],
    },
    Sub {
        name: "init",
        about: ids::CLI_INIT_ABOUT,
        long: Some(ids::CLI_INIT_LONG),
        example: "guidepost init my-site",
        args: &[("dir", ids::CLI_INIT_DIR)],
    },
    Sub {
        name: "serve",
        about: ids::CLI_SERVE_ABOUT,
        long: Some(ids::CLI_SERVE_LONG),
        example: "guidepost serve --root my-site --port 8080",
        args: &[
            ("root", ids::CLI_ROOT),
            ("port", ids::CLI_SERVE_PORT),
            ("bind", ids::CLI_SERVE_BIND),
            ("open", ids::CLI_SERVE_OPEN),
            ("poll", ids::CLI_SERVE_POLL),
            ("max_connections", ids::CLI_SERVE_MAX_CONNECTIONS),
            ("client_timeout_ms", ids::CLI_SERVE_CLIENT_TIMEOUT),
            ("max_streams", ids::CLI_SERVE_MAX_STREAMS),
        ],
    },
];

/// Headings, usage and the built-in `--help`, `--version`, `--lang` and `help` texts.
fn common(cmd: Command, t: &Catalog) -> Command {
    let tr = |id: &str| t.text(id, &[]);
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr(ids::CLI_USAGE)
    );
    let (options, arguments) = (tr(ids::CLI_OPTIONS), tr(ids::CLI_ARGUMENTS));
    cmd.help_template(template)
        .subcommand_help_heading(tr(ids::CLI_COMMANDS))
        .mut_args(|a| {
            let heading = if a.is_positional() {
                arguments.clone()
            } else {
                options.clone()
            };
            let a = a.help_heading(heading);
            match a.get_id().as_str() {
                "help" => a.help(tr(ids::CLI_HELP)).long_help(tr(ids::CLI_HELP)),
                "version" => a.help(tr(ids::CLI_VERSION)),
                "lang" => a.help(tr(ids::CLI_LANG)).hide_possible_values(true),
                _ => a,
            }
        })
}

/// The command with every text in the catalogue's language.
pub fn localize(cmd: Command, t: &Catalog) -> Command {
    let tr = |id: &str| t.text(id, &[]);
    let examples: Vec<String> = EXAMPLES
        .iter()
        .map(|(c, id)| format!("  {c:<37}{}", tr(id)))
        .collect();
    let long = format!(
        "{}\n\n{}\n{}",
        tr(ids::CLI_LONG_ABOUT),
        tr(ids::CLI_EXAMPLES),
        examples.join("\n")
    );
    // Own texts before clap builds the command: it decides then whether a long help exists.
    let mut cmd = cmd.about(tr(ids::CLI_ABOUT)).long_about(long);
    for sub in &SUBS {
        cmd = cmd.mut_subcommand(sub.name, |s| {
            let about = tr(sub.about);
            let mut long = about.clone();
            if let Some(id) = sub.long {
                long = format!("{long}\n\n{}", tr(id));
            }
            long = format!("{long}\n\n{} {}", tr(ids::CLI_EXAMPLE), sub.example);
            let mut s = s.about(about).long_about(long);
            for (arg, id) in sub.args {
                s = s.mut_arg(arg, |a| a.help(tr(id)));
            }
            s
        });
    }
    // Then clap's generated `--help`, `--version` and `help`, which exist only once built.
    cmd.build();
    let mut cmd =
        common(cmd, t).mut_subcommand("help", |s| common(s, t).about(tr(ids::CLI_HELP_COMMAND)));
    for sub in &SUBS {
        cmd = cmd.mut_subcommand(sub.name, |s| common(s, t));
    }
    cmd
}
