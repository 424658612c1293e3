//! The guide's pages with Rust examples, compiled (and, unless marked `no_run`, run) as
//! doctests: `cargo test -p tdx-docs --doc`. `docs/dsl.md` is a doctest of `tdx-core`, where
//! its crate page links it.

/// "Writing a wrapper for a new leaf in your own crate" (`docs/new-leaf.md`).
#[doc = include_str!("new-leaf.md")]
#[cfg(doctest)]
pub mod new_leaf {}

/// "Auditing what reaches the instruction" (`docs/auditing.md`).
#[doc = include_str!("auditing.md")]
#[cfg(doctest)]
pub mod auditing {}

/// "Contributing" (`docs/contributing.md`).
#[doc = include_str!("contributing.md")]
#[cfg(doctest)]
pub mod contributing {}
