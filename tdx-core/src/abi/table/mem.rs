//! The ABI table: TDH.MEM.*: Secure EPT and private memory.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module; 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 1.5.34 @9fd3c8b1, 2.0.18 @e69a4391), as extracted in
//! `tdx-core/tests/data/module-abi.json`, which `tests/module_abi.rs` checks every entry
//! against. How Linux issues each leaf: torvalds/linux `arch/x86/virt/vmx/tdx/tdx.c@0eaed89c`,
//! `arch/x86/kvm/vmx/tdx.c@3829d81b`.

use crate::{DynamicPamtPage, Gpa, GpaAttr, Guest, Hpa, L2SeptPage, Page, Sept, SeptGpa, Tdr};

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
        no_info;
    }

    /// TDH.MEM.SEPT.ADD (leaf 3): add a Secure-EPT page. RCX = GPA | level, RDX = TDR,
    /// R8 = the new Secure-EPT page. On error RCX/RDX hold the entry and level/state.
    pub seamcall TdhMemSeptAdd = 3, version 0, "TDH.MEM.SEPT.ADD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Sept> }
        out {}
        err { rcx, rdx, r8, r9, r10, r11 }
        no_info;
    }

    /// TDH.MEM.PAGE.AUG (leaf 6): add a pending private page to a finalized TD.
    /// RCX = GPA | level, RDX = TDR, R8 = the page. On error RCX/RDX hold the entry and
    /// level/state.
    pub seamcall TdhMemPageAug = 6, version 0, "TDH.MEM.PAGE.AUG" {
        since { 0: (1, 0, 0) }
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Guest> }
        out {}
        err { rcx, rdx }
        no_info;
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
        no_info;
    }

    /// TDH.MEM.TRACK (leaf 38): increment the TD's TLB epoch. RCX = TDR.
    pub seamcall TdhMemTrack = 38, version 0, "TDH.MEM.TRACK" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr> }
        out {}
        no_info;
    }

    // ---------------------------------------------- module 1.5 leaves (from the catalog)

    /// TDH.MEM.PAGE.RELOCATE (leaf 5): move a blocked 4 KiB private page to another physical page.
    /// RCX = GPA \| level (4 KiB only: `verify_page_info_input(.., LVL_PT, LVL_PT)`); RDX = the
    /// TD's TDR; R8 = the new page. Returns RCX = the HPA of the page the TD no longer uses (to
    /// reclaim). Error path: on error RCX/RDX hold the Secure-EPT entry and level/state
    /// (`tdx_calls::host::TdxErrorExt::sept_error`). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mem_page_relocate.c` and the dispatcher (added with the
    /// catalog's module-1.5 leaves).
    pub seamcall TdhMemPageRelocate = 5, version 0, "TDH.MEM.PAGE.RELOCATE" {
        since { 0: (1, 0, 0) }
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Guest> }
        out { rcx: u64 }
        err { rdx }
        no_info;
    }

    /// TDH.MEM.RD (leaf 12): read 8 bytes of a debug TD's private memory. RCX = the GPA (8-byte
    /// aligned); RDX = the TD's TDR. Returns R8 = the 8 bytes read. Error path: on error RCX/RDX
    /// hold the Secure-EPT entry and level/state (`tdx_calls::host::TdxErrorExt::sept_error`).
    /// Source: intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_rd_wr.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhMemRd = 12, version 0, "TDH.MEM.RD" {
        since { 0: (1, 0, 0) }
        in { rcx: Gpa, rdx: Page<Tdr> }
        out { r8: u64 }
        err { rcx, rdx }
        no_info;
    }

    /// TDH.MEM.WR (leaf 14): write 8 bytes of a debug TD's private memory, returning the old value.
    /// RCX = the GPA (8-byte aligned); RDX = the TD's TDR; R8 = the 8 bytes to write. Returns R8 =
    /// the 8 bytes the location held (`vmm_regs.r8 = *data_ptr` before the write). Error path: on
    /// error RCX/RDX hold the Secure-EPT entry and level/state
    /// (`tdx_calls::host::TdxErrorExt::sept_error`). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mem_rd_wr.c` and the dispatcher (added with the catalog's
    /// module-1.5 leaves).
    pub seamcall TdhMemWr = 14, version 0, "TDH.MEM.WR" {
        since { 0: (1, 0, 0) }
        in { rcx: Gpa, rdx: Page<Tdr>, r8: u64 }
        out { r8: u64 }
        err { rcx, rdx }
        no_info;
    }

    /// TDH.MEM.PAGE.DEMOTE (leaf 15): split a blocked 2 MiB or 1 GiB private page into 512 smaller
    /// ones. RCX = GPA \| level of the large page; RDX = the TD's TDR; R8 = the new Secure-EPT page
    /// of the L1 VM; R9 = L2 VM 1's new Secure-EPT page or `NULL_PA` (read only if the TD has that
    /// VM); R10 = L2 VM 2's; R11 = L2 VM 3's; R12 = with dynamic PAMT (module 1.5.16 on, fork
    /// labels): the first page for the new 4 KiB PAMT entries; R13 = the second. Error path: on
    /// error RCX/RDX hold the Secure-EPT entry and level/state
    /// (`tdx_calls::host::TdxErrorExt::sept_error`); R9–R11 are written back. RDX bit 0
    /// (`l2_sept_add_mode`, `td_handle_and_flags_t`) is left 0. R12/R13 are not read by 1.5.01
    /// (72d8cffb); from the 1.5.16 label of the public fork murrowow/tdx-concurrency (b2be91c) the
    /// dispatcher passes them to `pamt_demote`, which uses them only when dynamic PAMT is enabled
    /// (**unconfirmed** in Intel's repository). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mem_page_demote.c` and the dispatcher (added with the
    /// catalog's module-1.5 leaves).
    pub seamcall TdhMemPageDemote = 15, version 0, "TDH.MEM.PAGE.DEMOTE" {
        since { 0: (1, 0, 0) }
        in {
            rcx: SeptGpa,
            rdx: Page<Tdr>,
            r8: Page<Sept>,
            r9: L2SeptPage,
            r10: L2SeptPage,
            r11: L2SeptPage,
            r12: DynamicPamtPage,
            r13: DynamicPamtPage,
        }
        out {}
        err { rcx, rdx, r9, r10, r11 }
        no_info;
    }

    /// TDH.MEM.PAGE.PROMOTE (leaf 23): merge 512 blocked pages into one 2 MiB or 1 GiB private page
    /// (version 0: no L2 VMs). RCX = GPA \| level of the merged page; RDX = the TD's TDR. Returns
    /// RCX = the HPA of the freed Secure-EPT page (to reclaim). Error path: on error RCX/RDX hold
    /// the Secure-EPT entry and level/state (`tdx_calls::host::TdxErrorExt::sept_error`). Version 1
    /// (1.5.01: also returns R9–R11, the L2 VMs' freed Secure-EPT pages) is not wrapped. Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_page_promote.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhMemPagePromote = 23, version 0, "TDH.MEM.PAGE.PROMOTE" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { rcx: u64 }
        err { rdx, r9, r10, r11, r12, r13 }
        no_info;
    }

    /// TDH.MEM.SEPT.RD (leaf 25): read a Secure-EPT entry. RCX = GPA \| level of the entry; RDX =
    /// the TD's TDR. Returns RCX = the Secure-EPT entry (architectural form); RDX = level (2:0) and
    /// state (15:8); R8 = the L2 VMs' GPA attributes (`gpa_attr_t`). R8 (GPA attributes) is
    /// 1.5-only; 1.0.00 returns RCX/RDX only (from the JSON reference, **uncertain**). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_sept_rd.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhMemSeptRd = 25, version 0, "TDH.MEM.SEPT.RD" {
        since { 0: (1, 0, 0) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { rcx: u64, rdx: u64, r8: GpaAttr }
        no_info;
    }

    /// TDH.MEM.SEPT.REMOVE (leaf 30): remove an empty, blocked Secure-EPT page (version 0: no L2
    /// VMs). RCX = GPA \| level of the entry that maps the Secure-EPT page; RDX = the TD's TDR.
    /// Returns RCX = the HPA of the removed Secure-EPT page (to reclaim). Error path: on error
    /// RCX/RDX hold the Secure-EPT entry and level/state
    /// (`tdx_calls::host::TdxErrorExt::sept_error`). Version 1 (R9–R11: the L2 VMs' removed pages)
    /// is not wrapped. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mem_sept_remove.c` and the dispatcher (added with the
    /// catalog's module-1.5 leaves).
    pub seamcall TdhMemSeptRemove = 30, version 0, "TDH.MEM.SEPT.REMOVE" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { rcx: u64 }
        err { rdx, r9, r10, r11 }
        no_info;
    }

    /// TDH.MEM.RANGE.UNBLOCK (leaf 39): unblock a Secure-EPT range blocked by TDH.MEM.RANGE.BLOCK,
    /// after TDH.MEM.TRACK. RCX = GPA \| level; RDX = the TD's TDR. Error path: on error RCX/RDX
    /// hold the Secure-EPT entry and level/state (`tdx_calls::host::TdxErrorExt::sept_error`).
    /// Source: intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_range_unblock.c` and
    /// the dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhMemRangeUnblock = 39, version 0, "TDH.MEM.RANGE.UNBLOCK" {
        since { 0: (1, 0, 0) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out {}
        err { rcx, rdx }
        no_info;
    }
}
