//! The text layer shared by `load/` and `analysis/`: words, sentence bounds and safe byte
//! positions.
//!
//! Every pass keeps byte offsets into a block's text, because that is what `str` methods
//! return and what highlights store. An offset computed one way and used another (a `+ 1`
//! after a curly quote, a position found in a lower-cased copy) can fall inside a character,
//! and `&s[a..b]` then panics. So `load/` and `analysis/` never index a string directly
//! (`clippy::string_slice` is denied there): they cut text with [`slice`], whose helpers snap
//! every position to a character boundary and clamp it to the text. A wrong offset then costs at
//! most a character of context, never the program.

#![deny(clippy::string_slice)]

pub mod lexicon;
pub mod slice;
pub mod words;

pub use slice::{after, before, ceil, floor, from_to, next_char, range};
