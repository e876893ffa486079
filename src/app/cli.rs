//! The command line: what `byline --help` explains.

use crate::config::Config;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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
pub struct Cli {
    /// Article files or folders (read recursively) to open instead of the bundled articles.
    pub paths: Vec<PathBuf>,
    /// Show only articles dated so: 2025-10-24, 2025-10, 2025, 2025-03-01..2025-03-31, 2025-03..,
    /// ..2025-06, >=2025-10-01, <2025-01-01, "last 7 days", 7d, 2w, 3m, 1y, undated.
    #[arg(long, value_name = "EXPR", global = true)]
    pub date: Option<String>,
    /// Where highlights and read marks are kept (default: $BYLINE_DATA_DIR, else the platform's
    /// data folder, such as ~/.local/share/byline).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Read and analyse every file afresh, without the cache of earlier readings kept in
    /// $BYLINE_CACHE_DIR, else the platform's cache folder (such as ~/.cache/byline).
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Follow links to folders met inside a folder (loops are reported, not walked round).
    /// Without it they are listed as problems; paths named here are always followed.
    #[arg(long, global = true)]
    pub follow: bool,
    /// Files larger than this are listed as "too large" instead of read: bytes, or with K, M
    /// or G (default 64M).
    #[arg(long, value_name = "SIZE", global = true, value_parser = parse_size)]
    pub max_file_size: Option<u64>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Markdown,
    Json,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print what the loader made of the articles as JSON (default: the bundled articles).
    Export {
        /// Article files or folders.
        paths: Vec<PathBuf>,
    },
    /// Print every highlight, grouped by article, with title, date, source and speaker.
    /// Exit status 3: the highlights store cannot be read (the reason is printed).
    Highlights {
        /// The articles the highlights were made in (default: the bundled articles).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "markdown")]
        format: Format,
        /// Bring back highlights, notes and read marks from a recovery file byline wrote when it
        /// could not save them (or from an old store.json), instead of listing them.
        #[arg(long, value_name = "FILE")]
        import: Option<PathBuf>,
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
}

/// Keys and settings after the options in `--help`, with the keys as `config` binds them.
/// `64M`, `500K`, `1G` (powers of 1024) or a number of bytes.
fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let digits = lower.trim_end_matches("ib").trim_end_matches('b');
    let (number, unit) = match digits.char_indices().last() {
        Some((i, 'k')) => (&digits[..i], 1u64 << 10),
        Some((i, 'm')) => (&digits[..i], 1 << 20),
        Some((i, 'g')) => (&digits[..i], 1 << 30),
        _ => (digits, 1),
    };
    let n: u64 = number.trim().parse().map_err(|_| format!("“{text}” is not a size (try 64M, 500K or 1000000)"))?;
    n.checked_mul(unit).filter(|&b| b > 0).ok_or_else(|| format!("“{text}” is not a size a file can have"))
}

pub fn after_help(config: &Config) -> String {
    let path = crate::config::path().map_or_else(|| "config.toml".to_string(), |p| p.display().to_string());
    format!(
        "Keys:\n{}\n\nFiles that cannot be read are listed with the reason (key p); the rest open.\n\
         Highlights are saved as you make them, under --data-dir.\n\n\
         Settings: {path} (or the file $BYLINE_CONFIG names), for example\n  \
         reading_width = 72\n  colours = \"light\"   # dark, light or none; NO_COLOR means none\n  \
         opener = \"firefox\"\n  [keys]\n  next_quote = [\"]\", \"Ctrl-N\"]\n\
         Actions [keys] can bind: {}.",
        crate::keys::help_text(&config.keymap),
        crate::keys::action_names().join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_read_with_or_without_a_unit() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("500k"), Ok(500 << 10));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("big").is_err() && parse_size("0").is_err() && parse_size("99999999999G").is_err());
    }
}
