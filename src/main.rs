//! The `guidepost` binary: parse the command line, run the command, map the result to an
//! exit code (0 ok, 1 problems in the sources, 2 the output could not be written).

mod cmd;

use std::process::ExitCode;

/// mimalloc instead of the system allocator: rendering and the search index make many small,
/// short-lived allocations from several threads, which glibc's malloc serves slowly as the
/// heap grows (see bench/scale.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let (cli, catalog) = cmd::parse(std::env::args_os().collect());
    match cli.command {
        cmd::Command::Build(args) => cmd::build::execute(args, &catalog),
        cmd::Command::Check(args) => cmd::check::execute(args, &catalog),
        cmd::Command::Init(args) => cmd::init::execute(args, &catalog),
        cmd::Command::Serve(args) => cmd::serve::execute(args, catalog),
    }
}
