//! The entries of the ABI table, one file per class of the TDX module spec (the same file
//! names as the catalog in `tdx-calls/src/host/` and the emulator in
//! `tdx-emu/src/module/seamcall/`), so a reviewer finds a leaf by guessing its path:
//! TDH.MEM.PAGE.AUG is in [`mem`], TDG.VM.RD in [`guest`], MapGPA in [`vmcall`].
//!
//! Each entry is the only place its leaf's number, versions, first module release, registers
//! and their types are written. `tests/module_abi.rs` checks every entry against the facts
//! extracted from the TDX module source (`tests/data/module-abi.json`).
//!
//! Output registers are what a leaf returns on **success**; `err { .. }` lists what it writes
//! besides (the extended error information of the Secure-EPT leaves in RCX/RDX, the failed
//! CPUID check of TDH.SYS.INIT, ...), which a [`TdxError`](crate::TdxError) shows and
//! [`TdxError::reg`](crate::TdxError::reg) reads.

pub mod export;
pub mod guest;
pub mod import;
pub mod mem;
pub mod mng;
pub mod mr;
pub mod phymem;
pub mod seamldr;
pub mod servtd;
pub mod sys;
pub mod vmcall;
pub mod vp;

pub use export::*;
pub use guest::*;
pub use import::*;
pub use mem::*;
pub use mng::*;
pub use mr::*;
pub use phymem::*;
pub use seamldr::*;
pub use servtd::*;
pub use sys::*;
pub use vmcall::*;
pub use vp::*;

use super::LeafData;

/// Every leaf of the built-in table, class by class (`LEAVES.iter().flat_map(|c| *c)`, or
/// [`leaves`]).
pub const LEAVES: &[&[LeafData]] = &[
    sys::LEAVES,
    mng::LEAVES,
    mem::LEAVES,
    mr::LEAVES,
    vp::LEAVES,
    phymem::LEAVES,
    servtd::LEAVES,
    export::LEAVES,
    import::LEAVES,
    seamldr::LEAVES,
    guest::LEAVES,
    vmcall::LEAVES,
];

/// Every leaf of the built-in table, as data.
///
/// ```
/// let aug = tdx_core::abi::leaves().find(|l| l.info.name == "TDH.MEM.PAGE.AUG").unwrap();
/// assert_eq!((aug.info.number, aug.inputs.to_string().as_str()), (6, "rcx rdx r8"));
/// assert_eq!(aug.min_module().unwrap().to_string(), "1.0.00");
/// ```
pub fn leaves() -> impl Iterator<Item = &'static LeafData> {
    LEAVES.iter().flat_map(|class| class.iter())
}
