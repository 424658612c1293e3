//! # tdx-calls
//!
//! Every TDX call Linux makes, declared with the `tdx-core` DSL (the catalog is being filled
//! in; see the project issues).
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]
