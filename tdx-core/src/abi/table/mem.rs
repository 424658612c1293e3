//! The ABI table: TDH.MEM.*: Secure EPT and private memory.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module; 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 1.5.34 @9fd3c8b1, 2.0.18 @e69a4391), as extracted in
//! `tdx-core/tests/data/module-abi.json`, which `tests/module_abi.rs` checks every entry
//! against. How Linux issues each leaf: torvalds/linux `arch/x86/virt/vmx/tdx/tdx.c@0eaed89c`,
//! `arch/x86/kvm/vmx/tdx.c@3829d81b`.

use crate::{Gpa, Guest, Hpa, Page, Sept, SeptGpa, Tdr};

crate::abi_table! {
    list LEAVES;

    /// TDH.MEM.PAGE.ADD (leaf 2): add (and, with TDH.MR.EXTEND, measure) a private page before
    /// the TD is finalized. RCX = GPA (bare, no level bits), RDX = TDR, R8 = the target page,
    /// R9 = the source page holding the initial contents (ordinary host memory).
    /// On error RCX/RDX hold the Secure-EPT entry and level/state.
    pub seamcall TdhMemPageAdd = 2, version 0, "TDH.MEM.PAGE.ADD" {
        since { 0: (1, 0, 0) }
        in { rcx: Gpa, rdx: Page<Tdr>, r8: Page<Guest>, r9: Hpa }
        out {}
        err { rcx, rdx }
    }

    /// TDH.MEM.SEPT.ADD (leaf 3): add a Secure-EPT page. RCX = GPA | level, RDX = TDR,
    /// R8 = the new Secure-EPT page. On error RCX/RDX hold the entry and level/state.
    pub seamcall TdhMemSeptAdd = 3, version 0, "TDH.MEM.SEPT.ADD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Sept> }
        out {}
        err { rcx, rdx, r8, r9, r10, r11 }
    }

    /// TDH.MEM.PAGE.AUG (leaf 6): add a pending private page to a finalized TD.
    /// RCX = GPA | level, RDX = TDR, R8 = the page. On error RCX/RDX hold the entry and
    /// level/state.
    pub seamcall TdhMemPageAug = 6, version 0, "TDH.MEM.PAGE.AUG" {
        since { 0: (1, 0, 0) }
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Guest> }
        out {}
        err { rcx, rdx }
    }

    /// TDH.MEM.RANGE.BLOCK (leaf 7): block a Secure-EPT range. RCX = GPA | level, RDX = TDR.
    /// On error RCX/RDX hold the entry and level/state.
    pub seamcall TdhMemRangeBlock = 7, version 0, "TDH.MEM.RANGE.BLOCK" {
        since { 0: (1, 0, 0) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out {}
        err { rcx, rdx }
    }

    /// TDH.MEM.PAGE.REMOVE (leaf 29): remove a private page. RCX = GPA | level, RDX = TDR.
    /// On success RCX = the HPA of the removed page ("Update RCX with the removed
    /// page HPA": intel/tdx-module@72d8cffb `tdh_mem_page_remove.c` lines 225–226; module
    /// 1.5.20 ORs a PAMT hint into its low bits, so it stays a raw `u64`); on error RCX/RDX
    /// hold the entry and level/state.
    pub seamcall TdhMemPageRemove = 29, version 0, "TDH.MEM.PAGE.REMOVE" {
        since { 0: (1, 0, 0) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { rcx: u64 }
        err { rdx }
    }

    /// TDH.MEM.TRACK (leaf 38): increment the TD's TLB epoch. RCX = TDR.
    pub seamcall TdhMemTrack = 38, version 0, "TDH.MEM.TRACK" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr> }
        out {}
    }
}
