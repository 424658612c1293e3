//! # tdx-calls
//!
//! Every TDX call Linux makes, and every other SEAMCALL and TDCALL leaf TDX module 1.5
//! dispatches, declared with the `tdx-core` DSL: one wrapper per leaf, named after the spec
//! mnemonic, each expanded into the exact `asm!` block for that leaf.
//!
//! | module | family | what |
//! |---|---|---|
//! | [`host`] | SEAMCALL | the 69 TDX-module leaves (host VMM → TDX module: the 68 module 1.5.01 dispatches, and TDH.SYS.DISABLE), the 4 TDH.MEM.SCAN leaves of 1.5.34, the 12 version-1 forms (`_v1`), module 2.0's 30 TDX Connect leaves (`host::connect`), by class, the extended-error decoders, Linux's bounded loops |
//! | [`seamldr`] | SEAMCALL | the two P-SEAMLDR leaves (bit 63) |
//! | [`guest`] | TDCALL | the 21 TDCALL leaves of module 1.5.01 (TD guest → TDX module), TDG.MR.KEY.GET (1.5.34), TDG.VM.RD version 1, module 2.0's 9 TDX Connect leaves (`guest::connect`), by class, page acceptance |
//! | [`vmcall`] | TDG.VP.VMCALL | the 14 GHCI sub-functions (TD guest → VMM), the vendor form (the KVM hypercall), MapGPA's loop |
//! | [`handles`] | – | the typed TD and vCPU handles, [`TdxTd`] and [`TdxVp`] |
//! | [`catalog`] | – | the list of wrappers as data (`--example abi`, `docs/catalog.md`) |
//!
//! The expansion of every wrapper is committed under `tdx-calls/expanded/`, and a test fails
//! when it is stale. Retry policy is Linux's: SEAMCALLs retry `TDX_RND_NO_ENTROPY` (10
//! attempts, as `sc_retry`) except TDH.VP.ENTER and TDH.PHYMEM.PAGE.RDMD; `TDX_OPERAND_BUSY`
//! is returned to the caller; the loops Linux runs (TDH.SYS.TDMR.INIT, TDH.PHYMEM.CACHE.WB,
//! TDH.SYS.DISABLE, MapGPA, page acceptance) are separate, bounded functions over the
//! one-leaf wrappers.
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

pub mod catalog;
pub mod guest;
pub mod handles;
pub mod host;
pub mod seamldr;
pub mod vmcall;

pub use handles::{TdxTd, TdxVp};
