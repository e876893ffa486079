//! The `byline` command: reads the command line and hands over to the library.

use byline::config::Config;
use byline::datefilter::DateFilter;
use byline::load::{self, Loaded};
use byline::store::Store;
use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "byline",
    version,
    about = "Read saved news articles in the terminal: cleaned of page furniture, with who said what.",
    long_about = "Read saved news articles in the terminal.\n\n\
        byline opens article files (.txt, .md; Markdown may start with a front matter block of \
        title:, date:, source:, url:), saved web pages (.html, .htm), feeds (RSS, Atom, JSON Feed) \
        and OPML lists, any of them gzipped; it removes page furniture, rejoins hard-wrapped lines \
        and shows them in three panes: the article list, the reader, and who is quoted and named.\n\n\
        With no PATH it opens the archive `byline fetch` fills, else the articles bundled with it."
)]
struct Cli {
    /// Article files or folders (read recursively) to open instead of the bundled articles.
    paths: Vec<PathBuf>,
    /// Show only articles dated so: 2025-10-24, 2025-10, 2025, 2025-03-01..2025-03-31, 2025-03..,
    /// ..2025-06, >=2025-10-01, <2025-01-01, "last 7 days", 7d, 2w, 3m, 1y, undated.
    #[arg(long, value_name = "EXPR", global = true)]
    date: Option<String>,
    /// Where highlights and read marks are kept (default: $BYLINE_DATA_DIR, else the platform's
    /// data folder, such as ~/.local/share/byline).
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// Read and analyse every file afresh, without the cache of earlier readings kept in
    /// $BYLINE_CACHE_DIR, else the platform's cache folder (such as ~/.cache/byline).
    #[arg(long, global = true)]
    no_cache: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Markdown,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Print what the loader made of the articles as JSON (default: the bundled articles).
    Export {
        /// Article files or folders.
        paths: Vec<PathBuf>,
    },
    /// Print every highlight, grouped by article, with title, date, source and speaker.
    Highlights {
        /// The articles the highlights were made in (default: the bundled articles).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "markdown")]
        format: Format,
    },
    /// Download every feed of a URLS file and each new item's full page into the archive, to read
    /// offline: `byline` with no PATH then opens the archive.
    Fetch {
        /// Feed addresses, one a line as newsboat's `urls` file (`#` comments, tags after the
        /// address ignored), or an OPML list. Default: `urls` in byline's config folder
        /// (~/.config/byline/urls on Linux).
        urls: Option<PathBuf>,
        /// Where the articles are stored (default: `articles` in the data folder).
        #[arg(long, value_name = "DIR")]
        archive: Option<PathBuf>,
        /// Seconds a request may take before it is given up.
        #[arg(long, value_name = "SECS", default_value_t = 20)]
        timeout: u64,
    },
    /// Adds highlights to the store one save at a time, for the store's crash test.
    #[command(hide = true)]
    StressStore {
        /// How many highlights to add.
        count: usize,
    },
}

/// Keys and settings after the options in `--help`, with the keys as `config` binds them.
fn after_help(config: &Config) -> String {
    let path = byline::config::path().map_or_else(|| "config.toml".to_string(), |p| p.display().to_string());
    format!(
        "Keys:\n{}\n\nFiles that cannot be read are listed with the reason (key p); the rest open.\n\
         Highlights are saved as you make them, under --data-dir.\n\n\
         Settings: {path} (or the file $BYLINE_CONFIG names), for example\n  \
         reading_width = 72\n  colours = \"light\"   # dark, light or none; NO_COLOR means none\n  \
         opener = \"firefox\"\n  [keys]\n  next_quote = [\"]\", \"Ctrl-N\"]\n\
         Actions [keys] can bind: {}.",
        byline::keys::help_text(&config.keymap),
        byline::keys::action_names().join(", ")
    )
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
    match byline::store::default_dir(flag) {
        Some(dir) => {
            let (store, err) = Store::open(&dir);
            (store, err.map(|e| e.to_string()))
        }
        None => (Store::in_memory(), Some("no data folder: highlights will not be kept".into())),
    }
}

fn main() -> ExitCode {
    // Read once: help shows the keys as the config file binds them, and the reader uses them.
    let config = Config::load();
    let matches = Cli::command().after_help(after_help(&config)).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let today = chrono::Local::now().date_naive();
    let filter = match cli.date.as_deref().map(|e| byline::datefilter::parse(e, today)).transpose() {
        Ok(f) => f.flatten(),
        Err(why) => {
            eprintln!("byline: --date: {why}");
            return ExitCode::from(2);
        }
    };
    let paths = match &cli.command {
        Some(Command::Export { paths }) if !paths.is_empty() => return export_paths(paths, filter, cli.no_cache),
        Some(Command::Export { paths } | Command::Highlights { paths, .. }) => paths,
        Some(Command::StressStore { count }) => return stress_store(cli.data_dir.as_deref(), *count),
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

fn export(mut loaded: Loaded, filter: Option<DateFilter>) -> ExitCode {
    let analyses = byline::analysis::analyse_all(&loaded.articles, &mut loaded.problems);
    print_export(loaded.articles.into_iter().zip(analyses).collect(), loaded.problems, filter)
}

/// Exports files and folders through the cache, as the reader opens them.
fn export_paths(paths: &[PathBuf], filter: Option<DateFilter>, no_cache: bool) -> ExitCode {
    let found = match load::discover(paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("byline: {e}");
            return ExitCode::from(2);
        }
    };
    let cache = if no_cache { None } else { byline::cache::location(paths) };
    let (docs, problems, report) = byline::loader::read_in_order(&found.files, cache.as_deref());
    if let Some(why) = report.trouble {
        eprintln!("byline: {why}");
    }
    let mut all = found.problems;
    all.extend(problems);
    print_export(docs.into_iter().map(|d| (d.article, d.analysis)).collect(), all, filter)
}

fn print_export(
    docs: Vec<(byline::article::Article, byline::analysis::Analysis)>,
    problems: Vec<load::Problem>,
    filter: Option<DateFilter>,
) -> ExitCode {
    let (articles, analyses): (Vec<_>, Vec<_>) =
        docs.into_iter().filter(|(a, _)| filter.is_none_or(|f| f.matches(a.date))).unzip();
    println!("{}", byline::export::to_json(&Loaded { articles, problems }, &analyses));
    ExitCode::SUCCESS
}

/// `--date` keeps the highlights of articles so dated; those of articles not loaded have no
/// known date and are left out when it is given.
fn highlights(mut loaded: Loaded, data_dir: Option<&Path>, format: Format, filter: Option<DateFilter>) -> ExitCode {
    let (store, warning) = open_store(data_dir);
    if let Some(w) = warning {
        eprintln!("byline: {w}");
    }
    let analyses = byline::analysis::analyse_all(&loaded.articles, &mut loaded.problems);
    let fingerprints: Vec<String> = loaded.articles.iter().map(byline::store::fingerprint).collect();
    let placed = byline::highlights::place(&store.data.highlights, &loaded.articles, &fingerprints);
    let mut groups = byline::highlights::report(&store.data.highlights, &placed, &loaded.articles, &analyses);
    if let Some(f) = filter {
        groups.retain(|g| {
            let date = g.date.as_deref().and_then(|d| d.parse::<chrono::NaiveDate>().ok());
            g.highlights.iter().all(|e| e.loaded) && f.matches(date)
        });
    }
    match format {
        Format::Markdown => print!("{}", byline::highlights::markdown(&groups)),
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

/// The archive `byline fetch` fills: `--archive`, else `articles` in the data folder.
fn archive_dir(flag: Option<&Path>, data_dir: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf).or_else(|| byline::store::default_dir(data_dir).map(|d| d.join("articles")))
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
    let list = byline::fetch::read_urls(&text);
    if list.is_empty() {
        eprintln!("byline: {}: no feed addresses (http:// or https://, one a line)", urls_path.display());
        return ExitCode::from(2);
    }
    let Some(archive) = archive_dir(archive, data_dir) else {
        eprintln!("byline: no data folder: give --archive DIR");
        return ExitCode::from(2);
    };
    let mut opts = byline::fetch::Options::new(archive.clone());
    opts.timeout = std::time::Duration::from_secs(timeout.max(1));
    let terminal = std::io::stderr().is_terminal();
    let progress = |done: usize, total: usize| {
        if terminal {
            let filled = done * 30 / total.max(1);
            eprint!("\r[{}{}] {done}/{total} feeds", "#".repeat(filled), " ".repeat(30 - filled));
        }
    };
    let summary = byline::fetch::run(&list, &opts, &progress);
    if terminal {
        eprintln!();
    }
    print!("{summary}");
    println!("archive: {}", archive.display());
    ExitCode::SUCCESS
}

fn run(loaded: Loaded, data_dir: Option<&Path>, date: Option<&str>, today: NaiveDate, config: Config) -> ExitCode {
    let state = byline::state::State::with_today(loaded, today);
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
    let cache = if cli.no_cache { None } else { byline::cache::location(paths) };
    let stubs = byline::loader::first_looks(&found.files, cache.as_deref());
    let mut state = byline::state::State::loading(stubs, found.problems, today);
    state.sources = paths.to_vec();
    let (tx, rx) = std::sync::mpsc::channel();
    let _loader = byline::loader::start(found.files, cache, tx);
    start(state, Some(rx), cli.data_dir.as_deref(), cli.date.as_deref(), config)
}

fn start(
    mut state: byline::state::State,
    background: Option<std::sync::mpsc::Receiver<byline::state::Action>>,
    data_dir: Option<&Path>,
    date: Option<&str>,
    config: Config,
) -> ExitCode {
    let (store, warning) = open_store(data_dir);
    state.attach_store(store);
    if let Some(expr) = date {
        // Already checked in `main`: an expression that parsed there parses here.
        let _ = state.set_filter(expr);
    }
    state.configure(config);
    if let Some(w) = warning {
        // The data folder's warning matters more than the config's: it says what may be lost.
        state.warning = Some(w);
    }
    match byline::tui::run(state, background) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn stress_store(data_dir: Option<&Path>, count: usize) -> ExitCode {
    let Some(dir) = byline::store::default_dir(data_dir) else { return ExitCode::FAILURE };
    let (mut store, err) = Store::open(&dir);
    if let Some(e) = err {
        eprintln!("byline: {e}");
        return ExitCode::FAILURE;
    }
    for i in 0..count {
        let exact = format!("passage {i} of process {}", std::process::id());
        store.data.highlights.push(byline::store::Highlight {
            id: format!("{}-{i}", std::process::id()),
            article: byline::store::ArticleRef {
                fingerprint: "stress".into(),
                path: "stress.txt".into(),
                title: "Stress".into(),
            },
            anchor: byline::store::anchor(&exact, 0, exact.len()),
            note: None,
            created: byline::store::now_millis(),
        });
        if let Err(e) = store.save() {
            eprintln!("byline: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
