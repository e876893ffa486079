//! The clean article the loader hands to everything else.
//!
//! An `Article` is what is left once the page furniture is gone, plus a record of what was taken
//! away, so that nothing the user saved is ever silently lost.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One unit of reading text. Kept flat (no nesting) because scraped pages rarely have reliable
/// structure deeper than "heading, paragraph, bullet".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block { kind, text: text.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Where the article came from: a file path, or `bundled/NAME` for the embedded corpus.
    pub path: String,
    pub title: String,
    /// True when the text had no headline and the title was cut from its first sentence.
    pub title_derived: bool,
    pub date: Option<NaiveDate>,
    /// When the page says it was updated, if it says so.
    pub updated: Option<NaiveDate>,
    pub source: Option<String>,
    pub section: Option<String>,
    pub url: Option<String>,
    pub blocks: Vec<Block>,
    /// Page furniture taken out of the text, in reading order.
    pub removed: Vec<String>,
}

impl Article {
    /// The file name alone, for places too narrow for a path.
    pub fn file_name(&self) -> &str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path)
    }
}
