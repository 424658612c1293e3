//! # tdx-calls
//!
//! Every TDX call Linux makes, declared with the `tdx-core` DSL (the catalog is being filled
//! in; see the project issues).
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

/// "Writing a wrapper for a new leaf in your own crate" (`docs/new-leaf.md`), compiled and run
/// here as doctests so the guide cannot drift from the macro.
#[doc = include_str!("../../docs/new-leaf.md")]
#[cfg(doctest)]
pub mod new_leaf_guide {}
