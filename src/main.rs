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
    /// Show only articles dated so: 2025-10-24, 2025-10, 2025, 2025-03-01..2025-03-31, 2025-03..,
    /// ..2025-06, >=2025-10-01, <2025-01-01, "last 7 days", 7d, 2w, 3m, 1y, undated.
    #[arg(long, value_name = "EXPR", global = true)]
    date: Option<String>,
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
    let today = chrono::Local::now().date_naive();
    let filter = match cli.date.as_deref().map(|e| byline::datefilter::parse(e, today)).transpose() {
        Ok(f) => f.flatten(),
        Err(why) => {
            eprintln!("byline: --date: {why}");
            return ExitCode::from(2);
        }
    };
    let loaded = match load(paths) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::from(2);
        }
    };
    if export {
        let mut loaded = loaded;
        let analyses = byline::analysis::analyse_all(&loaded.articles);
        let (articles, analyses): (Vec<_>, Vec<_>) = std::mem::take(&mut loaded.articles)
            .into_iter()
            .zip(analyses)
            .filter(|(a, _)| filter.is_none_or(|f| f.matches(a.date)))
            .unzip();
        loaded.articles = articles;
        println!("{}", byline::export::to_json(&loaded, &analyses));
        return ExitCode::SUCCESS;
    }
    let mut state = byline::state::State::with_today(loaded, today);
    if let Some(expr) = &cli.date {
        // Already checked above; a filter that parsed there parses here.
        let _ = state.set_filter(expr);
    }
    match byline::tui::run(state) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: {e:#}");
            ExitCode::FAILURE
        }
    }
}
