//! The `byline` command: reads the command line and hands over to the library.

use byline::load::{self, Loaded};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "byline",
    version,
    about = "Read saved news articles in the terminal: cleaned of page furniture, with who said what.",
    long_about = "Read saved news articles in the terminal.\n\n\
        byline opens article files (.txt, .md; Markdown may start with a front matter block of \
        title:, date:, source:, url:), removes page furniture, rejoins hard-wrapped lines and \
        shows them in three panes: the article list, the reader and the names in the article.\n\n\
        With no PATH it opens the articles bundled with it.",
    after_help = after_help(),
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Article files or folders (read recursively) to open instead of the bundled articles.
    paths: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print what the loader made of the articles as JSON (default: the bundled articles).
    Export {
        /// Article files or folders.
        paths: Vec<PathBuf>,
    },
}

fn after_help() -> String {
    format!(
        "Keys:\n{}\n\nFiles that cannot be read are listed with the reason (key p); the rest open.",
        byline::keys::help_text()
    )
}

fn load(paths: &[PathBuf]) -> Result<Loaded, load::MissingPath> {
    if paths.is_empty() {
        Ok(load::bundled())
    } else {
        load::load_paths(paths)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (paths, export) = match &cli.command {
        Some(Command::Export { paths }) => (paths, true),
        None => (&cli.paths, false),
    };
    let loaded = match load(paths) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::from(2);
        }
    };
    if export {
        let analyses = byline::analysis::analyse_all(&loaded.articles);
        println!("{}", byline::export::to_json(&loaded, &analyses));
        return ExitCode::SUCCESS;
    }
    match byline::tui::run(byline::state::State::new(loaded)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: {e:#}");
            ExitCode::FAILURE
        }
    }
}
