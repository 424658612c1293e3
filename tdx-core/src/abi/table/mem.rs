//! The ABI table: TDH.MEM.*: Secure EPT and private memory.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module; 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 1.5.34 @9fd3c8b1, 2.0.18 @e69a4391), as extracted in
//! `tdx-core/tests/data/module-abi.json`, which `tests/module_abi.rs` checks every entry
//! against. How Linux issues each leaf: torvalds/linux `arch/x86/virt/vmx/tdx/tdx.c@0eaed89c`,
//! `arch/x86/kvm/vmx/tdx.c@3829d81b`.

use crate::{AddrError, ListOfLists, RangeListInfo, ScanControls, ScanCxOut, ScanCxPage};
use crate::{
    DynamicPamtPage, Gpa, GpaAttr, Guest, Hpa, L1SeptPage, L2SeptPage, Page, Sept, SeptAddPage,
    SeptGpa, TdHandleAndFlags, Tdr,
};

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
    /// R8 = the new Secure-EPT page. On error RCX/RDX hold the entry and level/state. Version 0
    /// writes only RCX/RDX: R8-R11 are written `if (version > 0)` (intel/tdx-module@72d8cffb
    /// `tdh_mem_sept_add.c`, at `EXIT`), and the L2 paths that write RCX/RDX run only then.
    pub seamcall TdhMemSeptAdd = 3, version 0, "TDH.MEM.SEPT.ADD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Sept> }
        out {}
        err { rcx, rdx }
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
    // ---------------------------------------------- version-1 forms (module 1.5.01 on)
    //
    // A version of a leaf that reads or writes other registers is its own entry (its own
    // type), because an entry's registers are its type's `Input`/`Output` impls: one type
    // cannot have two register sets. Same number and spec name, `version 1`; `since` lists
    // every version the module accepts, as for the version-0 entry.

    /// TDH.MEM.SEPT.ADD (leaf 3) **version 1**: add the Secure-EPT pages of the L1 VM and of
    /// the TD's L2 VMs for one GPA | level. RCX = GPA \| level; RDX = the TD's TDR with
    /// `allow_existing` in bit 0 (`td_handle_and_flags_t`); R8 = the L1 VM's new page or
    /// `NULL_PA` (then the L1 page must exist); R9–R11 = L2 VMs 1–3's new pages or `NULL_PA`
    /// (read for the TD's existing L2 VMs). Returns R8–R11 = each page's fate
    /// (`flagged_sept_page_pa`: `NULL_PA` added, bit 63 set not used as the page existed, else
    /// not added), written on success and on error; on error RCX/RDX hold the Secure-EPT entry
    /// and level/state. The handler may stop with `TDX_INTERRUPTED_RESUMABLE` after adding
    /// some pages (RCX/RDX restored). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mem_sept_add.c` (`version > 0` reads R9–R11 and
    /// writes R8–R11) and the dispatcher, which accepts version 1.
    pub seamcall TdhMemSeptAddV1 = 3, version 1, "TDH.MEM.SEPT.ADD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in {
            rcx: SeptGpa,
            rdx: TdHandleAndFlags,
            r8: L1SeptPage,
            r9: L2SeptPage,
            r10: L2SeptPage,
            r11: L2SeptPage,
        }
        out { r8: SeptAddPage, r9: SeptAddPage, r10: SeptAddPage, r11: SeptAddPage }
        err { rcx, rdx }
        no_info;
    }

    /// TDH.MEM.PAGE.PROMOTE (leaf 23) **version 1**: merge 512 blocked pages into one 2 MiB or
    /// 1 GiB private page, in the L1 VM and every L2 VM that aliases the range. RCX = GPA \|
    /// level of the merged page; RDX = the TD's TDR. Returns RCX = the HPA of the L1 VM's freed
    /// Secure-EPT page; R9–R11 = L2 VMs 1–3's freed Secure-EPT page, or `NULL_PA` for a VM
    /// without one (`version > 0`: `vmm_regs.gprs[GPR_LIST_R9_INDEX + vm_id - 1]`; set to
    /// `NULL_PA` first, so written on error too). Error path as version 0 (RCX/RDX: the
    /// Secure-EPT entry and level/state; R12/R13 as version 0's entry). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_page_promote.c` and the
    /// dispatcher.
    pub seamcall TdhMemPagePromoteV1 = 23, version 1, "TDH.MEM.PAGE.PROMOTE" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { rcx: u64, r9: u64, r10: u64, r11: u64 }
        err { rdx, r12, r13 }
        no_info;
    }

    /// TDH.MEM.SEPT.REMOVE (leaf 30) **version 1**: remove an empty, blocked Secure-EPT page
    /// of the L1 VM and the matching page of every L2 VM that aliases it. RCX = GPA \| level
    /// of the entry that maps the page; RDX = the TD's TDR. Returns RCX = the HPA of the L1
    /// VM's removed page; R9–R11 = L2 VMs 1–3's removed page, or `NULL_PA` (set first, so
    /// written on error too). Error path as version 0. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mem_sept_remove.c` and the dispatcher.
    pub seamcall TdhMemSeptRemoveV1 = 30, version 1, "TDH.MEM.SEPT.REMOVE" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { rcx: u64, r9: u64, r10: u64, r11: u64 }
        err { rdx }
        no_info;
    }
    // ---------------------------------------------- module 1.5.34 leaves: memory scan
    //
    // Dispatched by intel/tdx-module@9fd3c8b1 (1.5.34) `src/vmm_dispatcher/tdx_vmm_dispatcher.c`
    // (cases TDH_MEM_SCAN_RANGE/COMP/CONFIG/RESET_LEAF); each handler first returns
    // `TDX_OPERAND_INVALID` operand RAX unless non-blocking export (or, for RANGE, CONFIG and
    // RESET, scan-export-restore) is configured. The control words are typed
    // (`crate::scan`: `ListOfLists`, `ScanControls`, `RangeListInfo`, `ScanCxPage`/`ScanCxOut`);
    // R10 (a size) and R11 (an overall GPA list entry index) are plain numbers, `u64`.

    /// TDH.MEM.SCAN.RANGE (leaf 92, module 1.5.34 on): scan a GPA range of the TD's Secure-EPT
    /// trees (DSCAN: write the dirty pages to GPA lists; EXPORT_RESTORE). RCX = the
    /// list-of-lists descriptor (`gpa_list_info_t`, format 2, first entry 0; 0 for
    /// EXPORT_RESTORE); RDX = the TD's TDR; R8 = the scan controls (`scan_controls_t`); R9 =
    /// the range start (private GPA, 4 KiB aligned); R10 = the range size (a multiple of 4 KiB);
    /// R11 = the overall index of the next GPA list entry to write. Returns R9 = the next GPA to
    /// scan, R10 = the size left to scan (both the inputs unchanged if the scan did not start),
    /// R11 = the next overall entry (DSCAN only). Source: intel/tdx-module@9fd3c8b1
    /// `src/vmm_dispatcher/migration_api_calls/tdh_mem_scan_range.c` (writes at `EXIT:`).
    pub seamcall TdhMemScanRange = 92, version 0, "TDH.MEM.SCAN.RANGE" {
        since { 0: (1, 5, 34) }
        in { rcx: ListOfLists, rdx: Page<Tdr>, r8: ScanControls, r9: Gpa, r10: u64, r11: u64 }
        out { r9: Result<Gpa, AddrError>, r10: u64, r11: u64 }
    }

    /// TDH.MEM.SCAN.COMP (leaf 93, module 1.5.34 on): scan one sub-range of a range configured
    /// by TDH.MEM.SCAN.CONFIG (DCHECK), in a paused export, writing the pages found to GPA
    /// lists. RCX = the list-of-lists descriptor (format 2, first entry 0); RDX = the TD's TDR;
    /// R8 = the scan controls (operation DCHECK, context and range IDs, resume); R11 = the
    /// overall index of the next GPA list entry. Returns R11 = the next overall entry (written
    /// on every path past the support check). Success with information:
    /// `TDX_MEM_RANGE_SCAN_SUCCESS`, `TDX_MEM_SCAN_SUCCESS`. Source: intel/tdx-module@e69a4391
    /// (2.0.18) `src/vmm_dispatcher/migration_api_calls/tdh_mem_scan_comp.c` (the 1.5.34 file is
    /// not in the index read; its dispatcher at 9fd3c8b1 passes RCX, RDX, R8, R11).
    pub seamcall TdhMemScanComp = 93, version 0, "TDH.MEM.SCAN.COMP" {
        since { 0: (1, 5, 34) }
        in { rcx: ListOfLists, rdx: Page<Tdr>, r8: ScanControls, r11: u64 }
        out { r11: u64 }
    }

    /// TDH.MEM.SCAN.CONFIG (leaf 94, module 1.5.34 on): configure the GPA ranges of
    /// TDH.MEM.SCAN.COMP and hand the module its control pages. RCX = the range list descriptor
    /// (`range_list_info_t`: shared page of range entries, number of ranges); RDX = the TD's
    /// TDR; R8–R11 = the four control pages (private 4 KiB pages that become the TD's, PT_TDCX;
    /// on a reconfiguration each may be `NULL_PA`). Returns R8–R11 = the inputs with bit 63 set
    /// on a successful reconfiguration (the pages were not used). Source:
    /// intel/tdx-module@9fd3c8b1 `src/vmm_dispatcher/migration_api_calls/tdh_mem_scan_config.c`
    /// (`cx_hpa_output_operand` = R8–R11).
    pub seamcall TdhMemScanConfig = 94, version 0, "TDH.MEM.SCAN.CONFIG" {
        since { 0: (1, 5, 34) }
        in { rcx: RangeListInfo, rdx: Page<Tdr>, r8: ScanCxPage, r9: ScanCxPage, r10: ScanCxPage, r11: ScanCxPage }
        out { r8: ScanCxOut, r9: ScanCxOut, r10: ScanCxOut, r11: ScanCxOut }
    }

    /// TDH.MEM.SCAN.RESET (leaf 95, module 1.5.34 on): reset the memory-scan state of the TD.
    /// RDX (not RCX) = the TD's TDR (`tdh_mem_scan_reset(local_data->vmm_regs.rdx)`); no other
    /// register is read or written. Source: intel/tdx-module@9fd3c8b1
    /// `src/vmm_dispatcher/migration_api_calls/tdh_mem_scan_reset.c` and the dispatcher.
    pub seamcall TdhMemScanReset = 95, version 0, "TDH.MEM.SCAN.RESET" {
        since { 0: (1, 5, 34) }
        in { rdx: Page<Tdr> }
        out {}
    }
}
