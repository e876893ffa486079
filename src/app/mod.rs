//! What each `byline` command does, once the command line is read: open the reader on files,
//! a folder or the archive; export; list highlights; fetch feeds.

mod cli;

use crate::config::Config;
use crate::datefilter::DateFilter;
use crate::load::{self, Loaded};
use crate::store::Store;
use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches};
use cli::{after_help, Cli, Command, Format};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs the `byline` command with the process's arguments.
pub fn main() -> ExitCode {
    // Read once: help shows the keys as the config file binds them, and the reader uses them.
    let config = Config::load();
    let matches = Cli::command().after_help(after_help(&config)).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    load::set_follow_links(cli.follow);
    if let Some(limit) = cli.max_file_size {
        load::set_max_file_bytes(limit);
    }
    let today = chrono::Local::now().date_naive();
    let filter = match cli.date.as_deref().map(|e| crate::datefilter::parse(e, today)).transpose() {
        Ok(f) => f.flatten(),
        Err(why) => {
            eprintln!("byline: --date: {why}");
            return ExitCode::from(2);
        }
    };
    let paths = match &cli.command {
        Some(Command::Export { paths }) if !paths.is_empty() => return export_paths(paths, filter, cli.no_cache),
        Some(Command::Highlights { import: Some(file), .. }) => return import(file, cli.data_dir.as_deref()),
        Some(Command::Export { paths } | Command::Highlights { paths, .. }) => paths,
        Some(Command::Fetch { .. }) if cli.date.is_some() => {
            eprintln!("byline: --date: fetch takes every new item; give --date when reading or exporting");
            return ExitCode::from(2);
        }
        Some(Command::Fetch { urls, archive, timeout }) => {
            return fetch(urls.as_deref(), archive.as_deref(), *timeout, cli.data_dir.as_deref())
        }
        None if !cli.paths.is_empty() => return run_folder(&cli.paths, &cli, today, config),
        None if archive_dir(None, cli.data_dir.as_deref()).is_some_and(|a| has_files(&a)) => {
            let archive = archive_dir(None, cli.data_dir.as_deref()).unwrap_or_default();
            return run_folder(&[archive], &cli, today, config);
        }
        None => &cli.paths,
    };
    let loaded = match load(paths) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::from(2);
        }
    };
    match &cli.command {
        Some(Command::Export { .. }) => export(loaded, filter),
        Some(Command::Highlights { format, .. }) => highlights(loaded, cli.data_dir.as_deref(), *format, filter),
        _ => run(loaded, cli.data_dir.as_deref(), cli.date.as_deref(), today, config),
    }
}

fn load(paths: &[PathBuf]) -> Result<Loaded, load::MissingPath> {
    if paths.is_empty() {
        Ok(load::bundled())
    } else {
        load::load_paths(paths)
    }
}

/// The store, and a warning when it could not be used.
fn open_store(flag: Option<&Path>) -> (Store, Option<String>) {
    match crate::store::default_dir(flag) {
        Some(dir) => {
            let (store, err) = Store::open(&dir);
            (store, err.map(|e| e.to_string()))
        }
        None => (Store::in_memory(), Some("no data folder: highlights will not be kept".into())),
    }
}

fn export(mut loaded: Loaded, filter: Option<DateFilter>) -> ExitCode {
    let analyses = crate::analysis::analyse_all(&loaded.articles, &mut loaded.problems);
    print_export(loaded.articles.into_iter().zip(analyses).collect(), loaded.problems, filter)
}

/// Exports files and folders through the cache, as the reader opens them.
fn export_paths(paths: &[PathBuf], filter: Option<DateFilter>, no_cache: bool) -> ExitCode {
    let cache = if no_cache { None } else { crate::cache::location(paths) };
    let (docs, problems, report) = match crate::loader::read_paths(paths, cache.as_deref()) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(why) = report.trouble {
        eprintln!("byline: {why}");
    }
    print_export(docs.into_iter().map(|d| (d.article, d.analysis)).collect(), problems, filter)
}

fn print_export(
    docs: Vec<(crate::article::Article, crate::analysis::Analysis)>,
    problems: Vec<load::Problem>,
    filter: Option<DateFilter>,
) -> ExitCode {
    let (articles, analyses): (Vec<_>, Vec<_>) =
        docs.into_iter().filter(|(a, _)| filter.is_none_or(|f| f.matches(a.date))).unzip();
    println!("{}", crate::export::to_json(&Loaded { articles, problems }, &analyses));
    ExitCode::SUCCESS
}

/// `--date` keeps the highlights of articles so dated; those of articles not loaded have no
/// known date and are left out when it is given.
/// `byline highlights` when the store cannot be read: not an empty list.
const UNREADABLE_STORE: u8 = 3;

fn highlights(mut loaded: Loaded, data_dir: Option<&Path>, format: Format, filter: Option<DateFilter>) -> ExitCode {
    let (store, warning) = open_store(data_dir);
    if let Some(w) = warning {
        eprintln!("byline: {w}");
        if store.unreadable() {
            return ExitCode::from(UNREADABLE_STORE);
        }
    }
    let analyses = crate::analysis::analyse_all(&loaded.articles, &mut loaded.problems);
    let fingerprints: Vec<String> = loaded.articles.iter().map(crate::store::fingerprint).collect();
    let placed = crate::highlights::place(&store.data.highlights, &loaded.articles, &fingerprints);
    let mut groups = crate::highlights::report(&store.data.highlights, &placed, &loaded.articles, &analyses);
    if let Some(f) = filter {
        groups.retain(|g| {
            let date = g.date.as_deref().and_then(|d| d.parse::<chrono::NaiveDate>().ok());
            g.highlights.iter().all(|e| e.loaded) && f.matches(date)
        });
    }
    match format {
        Format::Markdown => print!("{}", crate::highlights::markdown(&groups)),
        Format::Json => match serde_json::to_string_pretty(&groups) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("byline: {e}");
                return ExitCode::FAILURE;
            }
        },
    }
    ExitCode::SUCCESS
}

/// `byline highlights --import FILE`.
fn import(file: &Path, data_dir: Option<&Path>) -> ExitCode {
    let (mut store, warning) = open_store(data_dir);
    if let Some(w) = &warning {
        eprintln!("byline: {w}");
    }
    if store.read_only {
        return ExitCode::from(UNREADABLE_STORE);
    }
    match store.import(file) {
        Ok(n) => {
            let changes = if n == 1 { "change" } else { "changes" };
            println!("{n} {changes} brought back from {} (the file can be deleted now)", file.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("byline: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The archive `byline fetch` fills: `--archive`, else `articles` in the data folder.
fn archive_dir(flag: Option<&Path>, data_dir: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf).or_else(|| crate::store::default_dir(data_dir).map(|d| d.join("articles")))
}

fn has_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some())
}

fn fetch(urls: Option<&Path>, archive: Option<&Path>, timeout: u64, data_dir: Option<&Path>) -> ExitCode {
    use std::io::IsTerminal;
    let default_urls = || directories::ProjectDirs::from("", "", "byline").map(|d| d.config_dir().join("urls"));
    let Some(urls_path) = urls.map(Path::to_path_buf).or_else(default_urls) else {
        eprintln!("byline: no config folder: name the URLS file");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&urls_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("byline: {}: {e}", urls_path.display());
            return ExitCode::from(2);
        }
    };
    let list = crate::fetch::read_urls(&text);
    if list.is_empty() {
        eprintln!("byline: {}: no feed addresses (http:// or https://, one a line)", urls_path.display());
        return ExitCode::from(2);
    }
    let Some(archive) = archive_dir(archive, data_dir) else {
        eprintln!("byline: no data folder: give --archive DIR");
        return ExitCode::from(2);
    };
    let mut opts = crate::fetch::Options::new(archive.clone());
    opts.timeout = std::time::Duration::from_secs(timeout.max(1));
    let terminal = std::io::stderr().is_terminal();
    let progress = |done: usize, total: usize| {
        if terminal {
            let filled = done * 30 / total.max(1);
            eprint!("\r[{}{}] {done}/{total} feeds", "#".repeat(filled), " ".repeat(30 - filled));
        }
    };
    let summary = crate::fetch::run(&list, &opts, &progress);
    if terminal {
        eprintln!();
    }
    print!("{summary}");
    println!("archive: {}", archive.display());
    ExitCode::SUCCESS
}

fn run(loaded: Loaded, data_dir: Option<&Path>, date: Option<&str>, today: NaiveDate, config: Config) -> ExitCode {
    let state = crate::state::State::with_today(loaded, today);
    start(state, None, data_dir, date, config)
}

/// Opens files and folders: the list appears from a first look at each file, and the whole
/// files are read and analysed in the background.
fn run_folder(paths: &[PathBuf], cli: &Cli, today: NaiveDate, config: Config) -> ExitCode {
    let found = match load::discover(paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::from(2);
        }
    };
    if found.files.len() > 2000 {
        // The terminal is not ours yet: say what is happening on a plain line.
        eprintln!("byline: reading {} files…", found.files.len());
    }
    let cache = if cli.no_cache { None } else { crate::cache::location(paths) };
    let stubs = crate::loader::first_looks(&found.files, cache.as_deref());
    let mut state = crate::state::State::loading(stubs, found.problems, today);
    state.set_sources(paths.to_vec());
    let (tx, rx) = std::sync::mpsc::channel();
    let _loader = crate::loader::start(found.files, cache, tx);
    start(state, Some(rx), cli.data_dir.as_deref(), cli.date.as_deref(), config)
}

fn start(
    mut state: crate::state::State,
    background: Option<std::sync::mpsc::Receiver<crate::state::Action>>,
    data_dir: Option<&Path>,
    date: Option<&str>,
    config: Config,
) -> ExitCode {
    let (store, warning) = open_store(data_dir);
    state.attach_store(&store);
    if let Some(expr) = date {
        // Already checked in `main`: an expression that parsed there parses here.
        let _ = state.set_filter(expr);
    }
    state.configure(config);
    if let Some(w) = warning {
        // The data folder's warning matters more than the config's: it says what may be lost.
        state.set_warning(w);
    }
    match crate::tui::run(state, store, background) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: {e:#}");
            ExitCode::FAILURE
        }
    }
}
