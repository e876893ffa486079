//! The config file, `config.toml` in byline's config folder (`~/.config/byline/` on Linux, or
//! the file `$BYLINE_CONFIG` names): reading width, colours, the opener, and key bindings.
//!
//! ```toml
//! reading_width = 72
//! colours = "light"        # dark (the default), light, or none
//! opener = "firefox"
//!
//! [keys]
//! next_quote = ["]", "Ctrl-N"]
//! toggle_help = "F1"
//! ```
//!
//! A file that cannot be read or parsed is reported and left out whole; a bad entry is reported
//! and left out alone. Byline always starts.

use crate::keys::Keymap;
use crate::view::theme::Palette;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One key or several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    reading_width: Option<u16>,
    colours: Option<String>,
    opener: Option<String>,
    #[serde(default)]
    keys: BTreeMap<String, Keys>,
}

/// What the config file sets, with defaults for what it does not.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub reading_width: Option<u16>,
    pub palette: Palette,
    pub opener: Option<String>,
    pub keymap: Keymap,
    /// What was wrong with the file, one line each.
    pub problems: Vec<String>,
}

/// Where the config file is: `$BYLINE_CONFIG`, else `config.toml` in the config folder.
pub fn path() -> Option<PathBuf> {
    match std::env::var_os("BYLINE_CONFIG").filter(|v| !v.is_empty()) {
        Some(p) => Some(PathBuf::from(p)),
        None => directories::ProjectDirs::from("", "", "byline").map(|d| d.config_dir().join("config.toml")),
    }
}

impl Config {
    /// Reads the config file, if there is one, and applies `NO_COLOR`.
    pub fn load() -> Config {
        let mut config = match path() {
            Some(p) if p.is_file() => match std::fs::read_to_string(&p) {
                Ok(text) => Config::parse(&text),
                Err(e) => Config { problems: vec![format!("{e}")], ..Config::default() },
            },
            _ => Config::default(),
        };
        if let Some(p) = path() {
            for problem in &mut config.problems {
                *problem = format!("{}: {problem}", p.display());
            }
        }
        // https://no-color.org: set and not empty means no colour, whatever the file says.
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            config.palette = Palette::None;
        }
        config
    }

    pub fn parse(text: &str) -> Config {
        let file: File = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                let why = e.message().to_string();
                let at = e.span().map(|s| format!("line {}: ", text[..s.start.min(text.len())].lines().count().max(1)));
                return Config { problems: vec![format!("{}{why}", at.unwrap_or_default())], ..Config::default() };
            }
        };
        let mut problems = Vec::new();
        let palette = match file.colours.as_deref().map(|c| (c, Palette::named(c))) {
            None => Palette::default(),
            Some((_, Some(p))) => p,
            Some((c, None)) => {
                problems.push(format!("colours = “{c}”: use dark, light or none"));
                Palette::default()
            }
        };
        let reading_width = match file.reading_width {
            Some(w) if w < 20 => {
                problems.push(format!("reading_width = {w}: at least 20"));
                None
            }
            w => w,
        };
        let keys: BTreeMap<String, Vec<String>> = file
            .keys
            .into_iter()
            .map(|(k, v)| {
                let v = match v {
                    Keys::One(one) => vec![one],
                    Keys::Many(many) => many,
                };
                (k, v)
            })
            .collect();
        let (keymap, key_problems) = Keymap::from_names(&keys);
        problems.extend(key_problems);
        let opener = file.opener.filter(|o| !o.trim().is_empty());
        Config { reading_width, palette, opener, keymap, problems }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    #[test]
    fn a_config_sets_width_colours_opener_and_keys() {
        let c = Config::parse(
            "reading_width = 72\ncolours = \"light\"\nopener = \"firefox --new-tab\"\n\n[keys]\nnext_quote = [\"]\", \"Ctrl-N\"]\ntoggle_help = \"F1\"\n",
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.reading_width, Some(72));
        assert_eq!(c.palette, Palette::Light);
        assert_eq!(c.opener.as_deref(), Some("firefox --new-tab"));
        assert_eq!(c.keymap.rebound(&Action::NextQuote).map(<[_]>::len), Some(2));
    }

    #[test]
    fn a_bad_config_says_why_and_keeps_the_rest() {
        let c = Config::parse(
            "colours = \"pink\"\nreading_width = 5\n[keys]\nfly = \"x\"\ndown = \"Hyper-Q\"\nup = \"u\"\n",
        );
        assert_eq!(c.problems.len(), 4, "{:?}", c.problems);
        assert!(c.problems.iter().any(|p| p.contains("fly")));
        assert!(c.problems.iter().any(|p| p.contains("Hyper-Q")));
        assert_eq!(c.palette, Palette::Dark);
        assert_eq!(c.reading_width, None);
        assert!(c.keymap.rebound(&Action::Up).is_some(), "the good entry stays");
        let broken = Config::parse("reading_width = \n");
        assert_eq!(broken.problems.len(), 1);
        assert!(broken.problems[0].starts_with("line 1"), "{:?}", broken.problems);
        let unknown = Config::parse("width = 70\n");
        assert!(unknown.problems[0].contains("width"), "{:?}", unknown.problems);
    }
}
