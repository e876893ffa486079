//! The `byline` command: everything it does is in [`byline::app`].

fn main() -> std::process::ExitCode {
    byline::app::main()
}
