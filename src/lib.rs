//! byline: a terminal news reader that cleans saved articles and finds who said what.
//!
//! Data flows one way: files → [`load`] → [`article::Article`] → [`analysis`] → [`state::State`]
//! → [`view`]. Only [`tui`] touches the terminal; `main.rs` only reads the command line.

/// Loading an archive makes and frees millions of small strings and lists on every core;
/// mimalloc's per-thread heaps do that faster than the system allocator. Chosen here rather
/// than in `main.rs` so that the benchmarks and examples measure what the program runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod analysis;
pub mod app;
pub mod article;
pub mod cache;
pub mod config;
pub mod datefilter;
pub mod export;
pub mod fetch;
pub mod fuzz;
pub mod guard;
pub mod highlights;
pub mod keys;
pub mod layout;
pub mod load;
pub mod loader;
pub mod search;
pub mod speakers;
pub mod state;
pub mod store;
pub mod synth;
pub mod text;
pub mod tui;
pub mod view;
