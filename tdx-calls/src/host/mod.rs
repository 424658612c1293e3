//! SEAMCALL: every TDX-module leaf of module 1.5 (host VMM → TDX module), one wrapper per
//! leaf, named after the spec mnemonic, plus the bounded loops Linux runs over some of them.
//! The wrappers are grouped by the spec's classes, one file each (`host/{sys,mng,mr,mem,mem_scan,
//! vp,phymem,servtd,export,import}.rs`), and all reachable here.
//!
//! For the leaves Linux uses, registers, numbers and retry rules are Linux's
//! (arch/x86/virt/vmx/tdx/tdx.{c,h}@0eaed89c, arch/x86/kvm/vmx/tdx.c@3829d81b); the others
//! were read in the TDX module source (intel/tdx-module@72d8cffb, 1.5.01), as each wrapper
//! says. See the ABI table ([`tdx_core::abi`]) for the sources.
//!
//! # Statuses every wrapper may return
//!
//! * `TDX_SUCCESS`, or a success-with-information code (bit 63 clear, non-zero), as `Ok`;
//! * `TDX_SEAMCALL_VMFAILINVALID` (CF=1: no TDX module loaded, or the P-SEAMLDR is busy);
//! * `TDX_RND_NO_ENTROPY`, returned only after 10 attempts: like Linux's `sc_retry`, every
//!   wrapper retries it 9 times, except TDH.VP.ENTER and TDH.PHYMEM.PAGE.RDMD, which Linux
//!   issues without `sc_retry` (`retry(none)`);
//! * `TDX_OPERAND_INVALID` for a malformed operand (the operand ID in bits 31:0).
//!
//! `TDX_OPERAND_BUSY` is **never** retried here: it is returned, and [`TdxError::is_busy`]
//! tests it under the status mask (KVM's `tdx_operand_busy`). What Linux does about it is
//! written on each wrapper; where KVM retries (TDH.MEM.RANGE.BLOCK, TDH.MEM.TRACK,
//! TDH.MEM.PAGE.REMOVE), it first kicks every vCPU out of the guest, which only the caller can
//! do: see [`retry_once_after_kick`].
//!
//! # Safety of every wrapper
//!
//! Every wrapper here is an `unsafe fn`. Besides the leaf-specific contract written on each,
//! the caller must run at CPL 0 in VMX root operation on a TDX host (SEAMCALL raises #UD
//! elsewhere), and must respect the TDX module's sequencing rules and the ownership of every
//! page it names: a page handed to the module belongs to it until it is reclaimed, and the
//! host must neither read nor write it in between (Linux flushes each page from the cache
//! before handing it over, `CLFLUSH_BEFORE_ALLOC`, and clears reclaimed pages with
//! MOVDIR64B).

use core::fmt;

use tdx_core::SeptLevelState;
use tdx_core::TdxError;
use tdx_core::abi::{self, Family, Leaf, LeafInfo};
use tdx_core::reg::{Rcx, Rdx};

mod connect;
mod export;
mod import;
mod mem;
mod mem_scan;
mod mng;
mod mr;
mod phymem;
mod servtd;
mod sys;
mod vp;

pub use connect::*;
pub use export::*;
pub use import::*;
pub use mem::*;
pub use mem_scan::*;
pub use mng::*;
pub use mr::*;
pub use phymem::*;
pub use servtd::*;
pub use sys::*;
pub use vp::*;

// =================================================================== extended errors

/// The extended error information of a failed Secure-EPT SEAMCALL (TDH.MEM.PAGE.ADD,
/// TDH.MEM.SEPT.ADD, TDH.MEM.PAGE.AUG, TDH.MEM.RANGE.BLOCK, TDH.MR.EXTEND,
/// TDH.MEM.PAGE.REMOVE, and the module-1.5 Secure-EPT leaves: RELOCATE, MEM.RD/WR,
/// DEMOTE, PROMOTE, SEPT.RD, SEPT.REMOVE, RANGE.UNBLOCK, EXPORT.UNBLOCKW): RCX (`ext_err1`,
/// the Secure-EPT entry) and RDX (`ext_err2`, the level and state, `level_state` in KVM).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SeptErrorDetail {
    /// RCX: the Secure-EPT entry (`ext_err1`).
    pub entry: u64,
    /// RDX: the Secure-EPT level (bits 2:0) and entry state (bits 15:8) (`ext_err2`).
    pub level_state: SeptLevelState,
}

impl fmt::Display for SeptErrorDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry {:#x}, {}", self.entry, self.level_state)
    }
}

/// The leaves that return [`SeptErrorDetail`] in RCX/RDX on error: every handler of
/// intel/tdx-module@72d8cffb (1.5.01) that calls `set_arch_septe_details_in_vmm_regs`.
const SEPT_ERROR_LEAVES: [LeafInfo; 15] = [
    abi::TdhMemPageAdd::INFO,
    abi::TdhMemSeptAdd::INFO,
    abi::TdhMemPageAug::INFO,
    abi::TdhMemRangeBlock::INFO,
    abi::TdhMrExtend::INFO,
    abi::TdhMemPageRemove::INFO,
    abi::TdhMemPageRelocate::INFO,
    abi::TdhMemRd::INFO,
    abi::TdhMemWr::INFO,
    abi::TdhMemPageDemote::INFO,
    abi::TdhMemPagePromote::INFO,
    abi::TdhMemSeptRd::INFO,
    abi::TdhMemSeptRemove::INFO,
    abi::TdhMemRangeUnblock::INFO,
    abi::TdhExportUnblockw::INFO,
];

/// Whether `err` comes from the SEAMCALL leaf `info` (any version), and the module ran (not a
/// software status such as VMfailInvalid, where the registers mean nothing).
fn failed_in(err: &TdxError, info: &LeafInfo) -> bool {
    let leaf = err.leaf();
    leaf.family == Family::Seamcall
        && leaf.number == info.number
        && info.family == Family::Seamcall
        && !err.status().is_software()
}

/// Decoders for the extended error registers of a failed SEAMCALL.
pub trait TdxErrorExt {
    /// The Secure-EPT entry and level/state of a failed Secure-EPT SEAMCALL
    /// ([`SeptErrorDetail`]), or `None` if the error is not from one of those leaves (or the
    /// module did not run).
    fn sept_error(&self) -> Option<SeptErrorDetail>;

    /// The level/state (RDX) of a failed Secure-EPT SEAMCALL.
    fn level_state(&self) -> Option<SeptLevelState> {
        self.sept_error().map(|detail| detail.level_state)
    }

    /// The extended error information (RCX) of a failed TDH.MNG.INIT.
    fn mng_init_error(&self) -> Option<u64>;
}

impl TdxErrorExt for TdxError {
    fn sept_error(&self) -> Option<SeptErrorDetail> {
        if !SEPT_ERROR_LEAVES.iter().any(|info| failed_in(self, info)) {
            return None;
        }
        Some(SeptErrorDetail {
            entry: self.reg::<Rcx>()?,
            level_state: SeptLevelState::from_raw(self.reg::<Rdx>()?),
        })
    }

    fn mng_init_error(&self) -> Option<u64> {
        if failed_in(self, &abi::TdhMngInit::INFO) {
            self.reg::<Rcx>()
        } else {
            None
        }
    }
}
