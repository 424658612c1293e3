//! The entries of the ABI table, one file per class of the TDX module spec (the same file
//! names as the catalog in `tdx-calls/src/host/` and the emulator in
//! `tdx-emu/src/module/seamcall/`), so a reviewer finds a leaf by guessing its path:
//! TDH.MEM.PAGE.AUG is in [`mem`], TDG.VM.RD in [`guest`], MapGPA in [`vmcall`].
//!
//! Each entry is the only place its leaf's number, versions, first module release, registers
//! and their types are written. `tests/module_abi.rs` checks every entry against the facts
//! extracted from the TDX module source (`tests/data/module-abi.json`).
//!
//! `no_info;` marks a leaf for which the module returns no success-with-information status
//! (bit 63 clear, non-zero), so that a wrapper may return `Result<(), E>`. It was derived from
//! intel/tdx-module@72d8cffb (TDX 1.5.01) by finding, for every such status of
//! `include/auto_gen/tdx_error_codes_defs.h` (`TDX_KEY_CONFIGURED`,
//! `TDX_NO_HKID_READY_TO_WBCACHE`, `TDX_TDMR_ALREADY_INITIALIZED`,
//! `TDX_GPA_RANGE_ALREADY_BLOCKED`, `TDX_PAGE_ALREADY_ACCEPTED`,
//! `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`, `TDX_METADATA_FIELD_SKIP`, the L2 and TD-exit
//! statuses, the `TDX_NON_RECOVERABLE_*` with bit 63 clear), every file under `src/` that
//! returns it (`git grep -lw`), and the leaves whose handlers reach those files: the key
//! configuration leaves, TDH.PHYMEM.CACHE.WB, TDH.SYS.TDMR.INIT, TDH.MEM.RANGE.BLOCK,
//! TDG.MEM.PAGE.ACCEPT, every metadata read/write leaf and the export/import state leaves
//! (through the metadata handlers), TDH.VP.ENTER, TDG.VP.ENTER and TDG.MR.REPORT. Leaves the
//! 1.5.01 source does not have (dynamic PAMT, the newer migration and service-TD leaves) and
//! the P-SEAMLDR leaves are left unmarked: unmarked is the safe default.
//!
//! Output registers are what a leaf returns on **success**; `err { .. }` lists what it writes
//! besides (the extended error information of the Secure-EPT leaves in RCX/RDX, the failed
//! CPUID check of TDH.SYS.INIT, ...), which a [`TdxError`](crate::TdxError) shows and
//! [`TdxError::reg`](crate::TdxError::reg) reads.

pub mod connect;
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

pub use connect::*;
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
    connect::iommu::LEAVES,
    connect::spdm::LEAVES,
    connect::ide::LEAVES,
    connect::devif::LEAVES,
    connect::dmar::LEAVES,
    connect::mmio::LEAVES,
    connect::iq::LEAVES,
    connect::mem::LEAVES,
    connect::guest::LEAVES,
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
