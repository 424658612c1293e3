//! The module-1.5 leaves the ABI table of `tdx-core` does not have yet, declared with
//! [`tdx_core::abi_table!`] in the same grammar; everything else is [`tdx_core::abi`],
//! re-exported. (Staging: the entries move into `tdx-core/src/abi/table/` once its class
//! files exist.)
//!
//! Every fact below was read in the Intel TDX module source, intel/tdx-module@72d8cffb
//! (1.5.01): the dispatchers `src/vmm_dispatcher/tdx_vmm_dispatcher.c` (SEAMCALL) and
//! `src/td_dispatcher/tdx_td_dispatcher.c` (TDCALL) for the registers passed to each
//! handler, and each handler file (named in the entry) for the registers it reads itself and
//! writes. Output registers are what a leaf returns on success.

pub use tdx_core::abi::*;

use tdx_core::{
    AcceptGpa, AttrFlags, CpuidVe, FieldId, Gpa, GpaAttr, GpaListInfo, Guest, Hpa, HpaAndSize,
    L2EnterFlags, L2SeptPage, L2VmMask, MigStream, MigscPage, Page, PageListInfo, Sept, SeptGpa,
    ServtdAttributes, ServtdHandle, ServtdSlot, ServtdType, Tdr, Tdvpr, VmAndFlags,
};

tdx_core::abi_table! {
    // ================================================================ SEAMCALL

    /// TDH.MEM.PAGE.RELOCATE (leaf 5): move a blocked 4 KiB private page to another physical page.
    /// RCX = GPA \| level (4 KiB only: `verify_page_info_input(.., LVL_PT, LVL_PT)`); RDX = the
    /// TD's TDR; R8 = the new page. Returns RCX = the HPA of the page the TD no longer uses (to
    /// reclaim). Error path: on error RCX/RDX hold the Secure-EPT entry and level/state
    /// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First module version: 1.0.00
    /// (intel/tdx-module@9359de5c, per the module reference JSON; checked in 1.5.01). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_page_relocate.c` and the
    /// dispatcher.
    pub seamcall TdhMemPageRelocate = 5, version 0, "TDH.MEM.PAGE.RELOCATE" {
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Guest> }
        out { rcx: u64 }
    }

    /// TDH.MEM.RD (leaf 12): read 8 bytes of a debug TD's private memory. RCX = the GPA (8-byte
    /// aligned); RDX = the TD's TDR. Returns R8 = the 8 bytes read. Error path: on error RCX/RDX
    /// hold the Secure-EPT entry and level/state
    /// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First module version: 1.0.00
    /// (intel/tdx-module@9359de5c, per the module reference JSON; checked in 1.5.01). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_rd_wr.c` and the dispatcher.
    pub seamcall TdhMemRd = 12, version 0, "TDH.MEM.RD" {
        in { rcx: Gpa, rdx: Page<Tdr> }
        out { r8: u64 }
    }

    /// TDH.MNG.WR (leaf 13): write a TD-scope metadata field (debug TDs, or fields the host may
    /// write), returning the old value. RCX = the TD's TDR; RDX = the field ID; R8 = the value; R9
    /// = the bits of `value` to write. Returns R8 = the field's previous value. First module
    /// version: 1.0.00 (intel/tdx-module@9359de5c, per the module reference JSON; checked in
    /// 1.5.01). Source: intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mng_rd_wr.c`
    /// and the dispatcher.
    pub seamcall TdhMngWr = 13, version 0, "TDH.MNG.WR" {
        in { rcx: Page<Tdr>, rdx: FieldId, r8: u64, r9: u64 }
        out { r8: u64 }
    }

    /// TDH.MEM.WR (leaf 14): write 8 bytes of a debug TD's private memory, returning the old value.
    /// RCX = the GPA (8-byte aligned); RDX = the TD's TDR; R8 = the 8 bytes to write. Returns R8 =
    /// the 8 bytes the location held (`vmm_regs.r8 = *data_ptr` before the write). Error path: on
    /// error RCX/RDX hold the Secure-EPT entry and level/state
    /// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First module version: 1.0.00
    /// (intel/tdx-module@9359de5c, per the module reference JSON; checked in 1.5.01). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_rd_wr.c` and the dispatcher.
    pub seamcall TdhMemWr = 14, version 0, "TDH.MEM.WR" {
        in { rcx: Gpa, rdx: Page<Tdr>, r8: u64 }
        out { r8: u64 }
    }

    /// TDH.MEM.PAGE.DEMOTE (leaf 15): split a blocked 2 MiB or 1 GiB private page into 512 smaller
    /// ones. RCX = GPA \| level of the large page; RDX = the TD's TDR; R8 = the new Secure-EPT page
    /// of the L1 VM; R9 = L2 VM 1's new Secure-EPT page or `NULL_PA` (read only if the TD has that
    /// VM); R10 = L2 VM 2's; R11 = L2 VM 3's. Error path: on error RCX/RDX hold the Secure-EPT
    /// entry and level/state ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)); R9–R11
    /// are written back. RDX bit 0 (`l2_sept_add_mode`, `td_handle_and_flags_t`) is left 0. The
    /// dynamic-PAMT form (R12/R13 PAMT pages, 1.5.20+) is not declared: **uncertain**, not in
    /// 1.5.01. First module version: 1.0.00 (intel/tdx-module@9359de5c, per the module reference
    /// JSON; checked in 1.5.01). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mem_page_demote.c` and the dispatcher.
    pub seamcall TdhMemPageDemote = 15, version 0, "TDH.MEM.PAGE.DEMOTE" {
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Sept>, r9: L2SeptPage, r10: L2SeptPage, r11: L2SeptPage }
        out {}
    }

    /// TDH.MEM.PAGE.PROMOTE (leaf 23): merge 512 blocked pages into one 2 MiB or 1 GiB private page
    /// (version 0: no L2 VMs). RCX = GPA \| level of the merged page; RDX = the TD's TDR. Returns
    /// RCX = the HPA of the freed Secure-EPT page (to reclaim). Error path: on error RCX/RDX hold
    /// the Secure-EPT entry and level/state
    /// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). Version 1 (1.5.01: also
    /// returns R9–R11, the L2 VMs' freed Secure-EPT pages) is not wrapped. First module version:
    /// 1.0.00 (intel/tdx-module@9359de5c, per the module reference JSON; checked in 1.5.01).
    /// Source: intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_page_promote.c` and
    /// the dispatcher.
    pub seamcall TdhMemPagePromote = 23, version 0, "TDH.MEM.PAGE.PROMOTE" {
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { rcx: u64 }
    }

    /// TDH.MEM.SEPT.RD (leaf 25): read a Secure-EPT entry. RCX = GPA \| level of the entry; RDX =
    /// the TD's TDR. Returns RCX = the Secure-EPT entry (architectural form); RDX = level (2:0) and
    /// state (15:8); R8 = the L2 VMs' GPA attributes (`gpa_attr_t`). R8 (GPA attributes) is
    /// 1.5-only; 1.0.00 returns RCX/RDX only (from the JSON reference, **uncertain**). First module
    /// version: 1.0.00 (intel/tdx-module@9359de5c, per the module reference JSON; checked in
    /// 1.5.01). Source: intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_sept_rd.c`
    /// and the dispatcher.
    pub seamcall TdhMemSeptRd = 25, version 0, "TDH.MEM.SEPT.RD" {
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { rcx: u64, rdx: u64, r8: GpaAttr }
    }

    /// TDH.MNG.KEY.RECLAIMID (leaf 27): legacy step of HKID reclamation (kept for compatibility;
    /// the module only checks the TD's state). RCX = the TD's TDR. First module version: 1.0.00
    /// (intel/tdx-module@9359de5c, per the module reference JSON; checked in 1.5.01). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mng_key_reclaimid.c` and the
    /// dispatcher.
    pub seamcall TdhMngKeyReclaimid = 27, version 0, "TDH.MNG.KEY.RECLAIMID" {
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.MEM.SEPT.REMOVE (leaf 30): remove an empty, blocked Secure-EPT page (version 0: no L2
    /// VMs). RCX = GPA \| level of the entry that maps the Secure-EPT page; RDX = the TD's TDR.
    /// Returns RCX = the HPA of the removed Secure-EPT page (to reclaim). Error path: on error
    /// RCX/RDX hold the Secure-EPT entry and level/state
    /// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). Version 1 (R9–R11: the L2
    /// VMs' removed pages) is not wrapped. First module version: 1.0.00 (intel/tdx-module@9359de5c,
    /// per the module reference JSON; checked in 1.5.01). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mem_sept_remove.c` and the dispatcher.
    pub seamcall TdhMemSeptRemove = 30, version 0, "TDH.MEM.SEPT.REMOVE" {
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { rcx: u64 }
    }

    /// TDH.SYS.INFO (leaf 32): the TDX module 1.0 information interface: write TDSYSINFO_STRUCT and
    /// the CMR table. RCX = HPA of the TDSYSINFO_STRUCT buffer (1024-byte aligned); RDX = its size
    /// in bytes (≥ 1024); R8 = HPA of the CMR_INFO array (512-byte aligned); R9 = its number of
    /// entries (≥ 32, `MAX_CMR`). Returns RDX = the bytes written to the TDSYSINFO_STRUCT; R9 = the
    /// CMR entries written (`MAX_CMR`). First module version: 1.0.00 (intel/tdx-module@9359de5c,
    /// per the module reference JSON; checked in 1.5.01). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_sys_info.c` and the dispatcher.
    pub seamcall TdhSysInfo = 32, version 0, "TDH.SYS.INFO" {
        in { rcx: Hpa, rdx: u64, r8: Hpa, r9: u64 }
        out { rdx: u64, r9: u64 }
    }

    /// TDH.SYS.RDALL (leaf 37): read every global metadata field from `field` on into a metadata
    /// list page. RDX = HPA of the 4 KiB metadata list page; R8 = the first field ID. Returns R8 =
    /// the next field ID to read, or `MD_FIELD_ID_NA` (all ones) when done. RCX is not read. First
    /// module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_sys_rdall.c` and the dispatcher.
    pub seamcall TdhSysRdall = 37, version 0, "TDH.SYS.RDALL" {
        in { rdx: Hpa, r8: FieldId }
        out { r8: u64 }
    }

    /// TDH.MEM.RANGE.UNBLOCK (leaf 39): unblock a Secure-EPT range blocked by TDH.MEM.RANGE.BLOCK,
    /// after TDH.MEM.TRACK. RCX = GPA \| level; RDX = the TD's TDR. Error path: on error RCX/RDX
    /// hold the Secure-EPT entry and level/state
    /// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First module version: 1.0.00
    /// (intel/tdx-module@9359de5c, per the module reference JSON; checked in 1.5.01). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_range_unblock.c` and the
    /// dispatcher.
    pub seamcall TdhMemRangeUnblock = 39, version 0, "TDH.MEM.RANGE.UNBLOCK" {
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out {}
    }

    /// TDH.SYS.LP.SHUTDOWN (leaf 44): shut this logical processor's part of the TDX module down
    /// (the only leaf accepted once the module is shut down). no operands. First module version:
    /// 1.0.00 (intel/tdx-module@9359de5c, per the module reference JSON; checked in 1.5.01).
    /// Source: intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_sys_lp_shutdown.c` and
    /// the dispatcher.
    pub seamcall TdhSysLpShutdown = 44, version 0, "TDH.SYS.LP.SHUTDOWN" {
        in {}
        out {}
    }

    /// TDH.SERVTD.BIND (leaf 48): bind a service TD (e.g. a migration TD) to a target TD. RCX = the
    /// TD's TDR; RDX = the service TD's TDR; R8 = the binding slot; R9 = the service-TD type; R10 =
    /// the binding attributes. Returns RCX = the binding handle, for TDG.SERVTD.RD/WR; R10 = the
    /// target TD's TD_UUID, bits 63:0; R11 = TD_UUID bits 127:64; R12 = TD_UUID bits 191:128; R13 =
    /// TD_UUID bits 255:192. First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from
    /// 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_servtd_bind.c` and the dispatcher.
    pub seamcall TdhServtdBind = 48, version 0, "TDH.SERVTD.BIND" {
        in { rcx: Page<Tdr>, rdx: Page<Tdr>, r8: ServtdSlot, r9: ServtdType, r10: ServtdAttributes }
        out { rcx: ServtdHandle, r10: u64, r11: u64, r12: u64, r13: u64 }
    }

    /// TDH.SERVTD.PREBIND (leaf 49): pre-bind a service TD to a target TD by its TDINFO hash,
    /// before the service TD exists. RCX = the TD's TDR; RDX = HPA of the 48-byte SERVTD_INFO_HASH;
    /// R8 = the binding slot; R9 = the service-TD type; R10 = the binding attributes. First module
    /// version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_servtd_prebind.c` and the
    /// dispatcher.
    pub seamcall TdhServtdPrebind = 49, version 0, "TDH.SERVTD.PREBIND" {
        in { rcx: Page<Tdr>, rdx: Hpa, r8: ServtdSlot, r9: ServtdType, r10: ServtdAttributes }
        out {}
    }

    /// TDH.EXPORT.ABORT (leaf 64): abort an export session and write an abort token. RCX = the TD's
    /// TDR; R8 = HPA and size of the MBMD buffer; R10 = migration stream index and command (bit 63:
    /// resume). First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00).
    /// Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_abort.c` and the dispatcher.
    pub seamcall TdhExportAbort = 64, version 0, "TDH.EXPORT.ABORT" {
        in { rcx: Page<Tdr>, r8: HpaAndSize, r10: MigStream }
        out {}
    }

    /// TDH.EXPORT.BLOCKW (leaf 65): block the listed pages for writing (to export them). RCX = the
    /// GPA list descriptor; RDX = the TD's TDR. Returns RCX = the descriptor, first entry advanced.
    /// First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_blockw.c` and
    /// the dispatcher.
    pub seamcall TdhExportBlockw = 65, version 0, "TDH.EXPORT.BLOCKW" {
        in { rcx: GpaListInfo, rdx: Page<Tdr> }
        out { rcx: GpaListInfo }
    }

    /// TDH.EXPORT.RESTORE (leaf 66): restore the listed pages after an aborted export. RCX = the
    /// GPA list descriptor; RDX = the TD's TDR. Returns RCX = the descriptor, first entry advanced.
    /// First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_restore.c` and
    /// the dispatcher.
    pub seamcall TdhExportRestore = 66, version 0, "TDH.EXPORT.RESTORE" {
        in { rcx: GpaListInfo, rdx: Page<Tdr> }
        out { rcx: GpaListInfo }
    }

    /// TDH.EXPORT.MEM (leaf 68): export the listed private pages into migration buffers. RCX = the
    /// GPA list descriptor; RDX = the TD's TDR; R8 = HPA and size of the MBMD buffer; R9 = the page
    /// list of migration buffers; R10 = migration stream index and command (bit 63: resume); R11 =
    /// HPA of MAC list 0; R12 = HPA of MAC list 1. Returns RCX = the descriptor, first entry
    /// advanced; RDX = the number of entries processed. First module version: 1.5.01 (intel/tdx-
    /// module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_mem.c` and the dispatcher.
    pub seamcall TdhExportMem = 68, version 0, "TDH.EXPORT.MEM" {
        in { rcx: GpaListInfo, rdx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream, r11: Hpa, r12: Hpa }
        out { rcx: GpaListInfo, rdx: u64 }
    }

    /// TDH.EXPORT.PAUSE (leaf 70): pause the TD for the blackout phase. RCX = the TD's TDR. First
    /// module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_pause.c` and the
    /// dispatcher.
    pub seamcall TdhExportPause = 70, version 0, "TDH.EXPORT.PAUSE" {
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.EXPORT.TRACK (leaf 71): end an export epoch: write an epoch token (bit 63 of R10: the
    /// start token of the in-order phase, **uncertain**). RCX = the TD's TDR; R8 = HPA and size of
    /// the MBMD buffer; R10 = migration stream index and command (bit 63: resume). First module
    /// version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_track.c` and the
    /// dispatcher.
    pub seamcall TdhExportTrack = 71, version 0, "TDH.EXPORT.TRACK" {
        in { rcx: Page<Tdr>, r8: HpaAndSize, r10: MigStream }
        out {}
    }

    /// TDH.EXPORT.STATE.IMMUTABLE (leaf 72): export the TD's immutable state (starts the session).
    /// RCX = the TD's TDR; R8 = HPA and size of the MBMD buffer; R9 = the page list of migration
    /// buffers; R10 = migration stream index and command (bit 63: resume). Returns RDX = the number
    /// of buffer pages written. First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent
    /// from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_state_immutable.c` and the dispatcher.
    pub seamcall TdhExportStateImmutable = 72, version 0, "TDH.EXPORT.STATE.IMMUTABLE" {
        in { rcx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        out { rdx: u64 }
    }

    /// TDH.EXPORT.STATE.TD (leaf 73): export the TD's mutable TD-scope state. RCX = the TD's TDR;
    /// R8 = HPA and size of the MBMD buffer; R9 = the page list of migration buffers; R10 =
    /// migration stream index and command (bit 63: resume). Returns RDX = the number of buffer
    /// pages written. First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00).
    /// Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_state_td.c` and the dispatcher.
    pub seamcall TdhExportStateTd = 73, version 0, "TDH.EXPORT.STATE.TD" {
        in { rcx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        out { rdx: u64 }
    }

    /// TDH.EXPORT.STATE.VP (leaf 74): export one vCPU's state. RCX = the vCPU's TDVPR; R8 = HPA and
    /// size of the MBMD buffer; R9 = the page list of migration buffers; R10 = migration stream
    /// index and command (bit 63: resume). Returns RDX = the number of buffer pages written. First
    /// module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_state_vp.c` and the
    /// dispatcher.
    pub seamcall TdhExportStateVp = 74, version 0, "TDH.EXPORT.STATE.VP" {
        in { rcx: Page<Tdvpr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        out { rdx: u64 }
    }

    /// TDH.EXPORT.UNBLOCKW (leaf 75): unblock one page blocked for writing (RCX is GPA | level,
    /// `page_info_api_input_t`). RCX = GPA \| level; RDX = the TD's TDR. Error path: on error
    /// RCX/RDX hold the Secure-EPT entry and level/state
    /// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First module version: 1.5.01
    /// (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_unblockw.c` and the dispatcher.
    pub seamcall TdhExportUnblockw = 75, version 0, "TDH.EXPORT.UNBLOCKW" {
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out {}
    }

    /// TDH.IMPORT.ABORT (leaf 80): abort an import session. RCX = the TD's TDR; R8 = HPA and size
    /// of the MBMD buffer; R10 = migration stream index and command (bit 63: resume). First module
    /// version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_import_abort.c` and the
    /// dispatcher.
    pub seamcall TdhImportAbort = 80, version 0, "TDH.IMPORT.ABORT" {
        in { rcx: Page<Tdr>, r8: HpaAndSize, r10: MigStream }
        out {}
    }

    /// TDH.IMPORT.END (leaf 81): end a successful import session. RCX = the TD's TDR. First module
    /// version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_import_end.c` and the
    /// dispatcher.
    pub seamcall TdhImportEnd = 81, version 0, "TDH.IMPORT.END" {
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.IMPORT.COMMIT (leaf 82): commit the import: the destination TD may run. RCX = the TD's
    /// TDR. First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_import_commit.c` and
    /// the dispatcher.
    pub seamcall TdhImportCommit = 82, version 0, "TDH.IMPORT.COMMIT" {
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.IMPORT.MEM (leaf 83): import private pages from migration buffers. RCX = the GPA list
    /// descriptor; RDX = the TD's TDR; R8 = HPA and size of the MBMD buffer; R9 = the page list of
    /// migration buffers; R10 = migration stream index and command (bit 63: resume); R11 = HPA of
    /// MAC list 0; R12 = HPA of MAC list 1; R13 = the list of pages the module may use for newly
    /// imported private pages. Returns RCX = the descriptor, first entry advanced. First module
    /// version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_import_mem.c` and the
    /// dispatcher.
    pub seamcall TdhImportMem = 83, version 0, "TDH.IMPORT.MEM" {
        in { rcx: GpaListInfo, rdx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream, r11: Hpa, r12: Hpa, r13: PageListInfo }
        out { rcx: GpaListInfo }
    }

    /// TDH.IMPORT.TRACK (leaf 84): read an epoch token and start the next import epoch. RCX = the
    /// TD's TDR; R8 = HPA and size of the MBMD buffer; R10 = migration stream index and command
    /// (bit 63: resume). First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from
    /// 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_import_track.c` and the dispatcher.
    pub seamcall TdhImportTrack = 84, version 0, "TDH.IMPORT.TRACK" {
        in { rcx: Page<Tdr>, r8: HpaAndSize, r10: MigStream }
        out {}
    }

    /// TDH.IMPORT.STATE.IMMUTABLE (leaf 85): import the TD's immutable state (starts the session).
    /// RCX = the TD's TDR; R8 = HPA and size of the MBMD buffer; R9 = the page list of migration
    /// buffers; R10 = migration stream index and command (bit 63: resume). Error path: on error
    /// RCX/RDX hold extended error information (`extended_err_info[0..2]`). First module version:
    /// 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_import_state_immutable.c` and the dispatcher.
    pub seamcall TdhImportStateImmutable = 85, version 0, "TDH.IMPORT.STATE.IMMUTABLE" {
        in { rcx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        out {}
    }

    /// TDH.IMPORT.STATE.TD (leaf 86): import the TD's mutable TD-scope state. RCX = the TD's TDR;
    /// R8 = HPA and size of the MBMD buffer; R9 = the page list of migration buffers; R10 =
    /// migration stream index and command (bit 63: resume). Error path: on error RCX/RDX hold
    /// extended error information (`extended_err_info[0..2]`). First module version: 1.5.01
    /// (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_import_state_td.c` and the dispatcher.
    pub seamcall TdhImportStateTd = 86, version 0, "TDH.IMPORT.STATE.TD" {
        in { rcx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        out {}
    }

    /// TDH.IMPORT.STATE.VP (leaf 87): import one vCPU's state. RCX = the vCPU's TDVPR; R8 = HPA and
    /// size of the MBMD buffer; R9 = the page list of migration buffers; R10 = migration stream
    /// index and command (bit 63: resume). Error path: on error RCX/RDX hold extended error
    /// information (`extended_err_info[0..2]`). First module version: 1.5.01 (intel/tdx-
    /// module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_import_state_vp.c` and the dispatcher.
    pub seamcall TdhImportStateVp = 87, version 0, "TDH.IMPORT.STATE.VP" {
        in { rcx: Page<Tdvpr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        out {}
    }

    /// TDH.MIG.STREAM.CREATE (leaf 96): create a migration stream on a migration stream context
    /// (MIGSC) page. RCX = the MIGSC page; RDX = the TD's TDR. First module version: 1.5.01
    /// (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_mig_stream_create.c` and the dispatcher.
    pub seamcall TdhMigStreamCreate = 96, version 0, "TDH.MIG.STREAM.CREATE" {
        in { rcx: MigscPage, rdx: Page<Tdr> }
        out {}
    }

    // ================================================================ TDCALL

    /// TDG.VP.CPUIDVE.SET (leaf 5): set whether CPUID raises #VE unconditionally on this vCPU. RCX
    /// = bit 0 supervisor, bit 1 user. First module version: 1.0.00 (intel/tdx-module@9359de5c, per
    /// the module reference JSON; checked in 1.5.01). Source: intel/tdx-module@72d8cffb
    /// `src/td_dispatcher/vm_exits/tdg_vp_cpuidve_set.c` and the dispatcher.
    pub tdcall TdgVpCpuidveSet = 5, version 0, "TDG.VP.CPUIDVE.SET" {
        in { rcx: CpuidVe }
        out {}
    }

    /// TDG.VP.RD (leaf 9): read a field of this vCPU's metadata (TDVPS). RCX = must be 0
    /// (`tdg_vp_rd_wr.c`: "RCX is not zero" → `TDX_OPERAND_INVALID` operand RCX); RDX = the field
    /// ID. Returns RDX = the next field ID (`MD_FIELD_ID_NA` at the end); R8 = the value (0 on
    /// error). First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00).
    /// Source: intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_rd_wr.c` and the
    /// dispatcher.
    pub tdcall TdgVpRd = 9, version 0, "TDG.VP.RD" {
        in { rcx: u64, rdx: FieldId }
        out { rdx: u64, r8: u64 }
    }

    /// TDG.VP.WR (leaf 10): write a field of this vCPU's metadata, returning the old value. RCX =
    /// must be 0 (`tdg_vp_rd_wr.c`: "RCX is not zero" → `TDX_OPERAND_INVALID` operand RCX); RDX =
    /// the field ID; R8 = the value; R9 = the bits to write. Returns R8 = the previous value. First
    /// module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_rd_wr.c` and the dispatcher.
    pub tdcall TdgVpWr = 10, version 0, "TDG.VP.WR" {
        in { rcx: u64, rdx: FieldId, r8: u64, r9: u64 }
        out { r8: u64 }
    }

    /// TDG.SYS.RD (leaf 11): read a global (TDX module) metadata field from the guest. RDX = the
    /// field ID. Returns RDX = the next field ID; R8 = the value. RCX is not read. First module
    /// version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-
    /// module@72d8cffb `src/td_dispatcher/vm_exits/tdg_sys_rd.c` and the dispatcher.
    pub tdcall TdgSysRd = 11, version 0, "TDG.SYS.RD" {
        in { rdx: FieldId }
        out { rdx: u64, r8: u64 }
    }

    /// TDG.SYS.RDALL (leaf 12): read every global metadata field from `field` on into a metadata
    /// list page. RDX = GPA of the 4 KiB metadata list page (private); R8 = the first field ID.
    /// Returns R8 = the next field ID (`MD_FIELD_ID_NA` when done). First module version: 1.5.01
    /// (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/td_dispatcher/vm_exits/tdg_sys_rdall.c` and the dispatcher.
    pub tdcall TdgSysRdall = 12, version 0, "TDG.SYS.RDALL" {
        in { rdx: Gpa, r8: FieldId }
        out { r8: u64 }
    }

    /// TDG.SERVTD.RD (leaf 18): read a metadata field of a TD this service TD is bound to. RCX =
    /// the binding handle; RDX = the field ID. Returns RDX = the next field ID; R8 = the value; R10
    /// = the target TD's TD_UUID bits 63:0; R11 = bits 127:64; R12 = bits 191:128; R13 = bits
    /// 255:192. First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00).
    /// Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdg_servtd_rd_wr.c` and the dispatcher.
    pub tdcall TdgServtdRd = 18, version 0, "TDG.SERVTD.RD" {
        in { rcx: ServtdHandle, rdx: FieldId }
        out { rdx: u64, r8: u64, r10: u64, r11: u64, r12: u64, r13: u64 }
    }

    /// TDG.SERVTD.WR (leaf 20): write a metadata field of a TD this service TD is bound to. RCX =
    /// the binding handle; RDX = the field ID; R8 = the value; R9 = the bits to write. Returns R8 =
    /// the previous value; R10 = the target TD's TD_UUID bits 63:0; R11 = bits 127:64; R12 = bits
    /// 191:128; R13 = bits 255:192. First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent
    /// from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdg_servtd_rd_wr.c` and the dispatcher.
    pub tdcall TdgServtdWr = 20, version 0, "TDG.SERVTD.WR" {
        in { rcx: ServtdHandle, rdx: FieldId, r8: u64, r9: u64 }
        out { r8: u64, r10: u64, r11: u64, r12: u64, r13: u64 }
    }

    /// TDG.MR.VERIFYREPORT (leaf 22): verify the MAC of a REPORTMACSTRUCT made on this platform.
    /// RCX = GPA of the 256-byte REPORTMACSTRUCT (256-byte aligned). First module version: 1.5.01
    /// (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/td_dispatcher/vm_exits/tdg_mr_verifyreport.c` and the dispatcher.
    pub tdcall TdgMrVerifyreport = 22, version 0, "TDG.MR.VERIFYREPORT" {
        in { rcx: Gpa }
        out {}
    }

    /// TDG.MEM.PAGE.ATTR.RD (leaf 23): read the GPA attributes of a private page (TD partitioning).
    /// RCX = the page's GPA (4 KiB aligned). Returns RCX = the GPA and level of the mapping
    /// (`gpa_mapping_and_flags`); RDX = the attributes of every VM. First module version: 1.5.01
    /// (intel/tdx-module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/td_dispatcher/vm_exits/tdg_mem_page_attr_rd.c` and the dispatcher.
    pub tdcall TdgMemPageAttrRd = 23, version 0, "TDG.MEM.PAGE.ATTR.RD" {
        in { rcx: Gpa }
        out { rcx: u64, rdx: GpaAttr }
    }

    /// TDG.MEM.PAGE.ATTR.WR (leaf 24): write the L2 VMs' GPA attributes of a private page. RCX =
    /// GPA \| level (`page_info_api_input_t`); RDX = the new attributes; R8 = per VM: the mask of
    /// bits to write and INVEPT. Returns RCX = the GPA and level written; RDX = the attributes now
    /// in effect. First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from 1.0.00).
    /// Source: intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_mem_page_attr_wr.c` and
    /// the dispatcher.
    pub tdcall TdgMemPageAttrWr = 24, version 0, "TDG.MEM.PAGE.ATTR.WR" {
        in { rcx: AcceptGpa, rdx: GpaAttr, r8: AttrFlags }
        out { rcx: u64, rdx: GpaAttr }
    }

    /// TDG.VP.INVEPT (leaf 26): invalidate the cached EPT translations of L2 VMs. RCX = bit n: VM n
    /// (bit 0 must be 0). First module version: 1.5.01 (intel/tdx-module@72d8cffb: absent from
    /// 1.0.00). Source: intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_invept.c` and
    /// the dispatcher.
    pub tdcall TdgVpInvept = 26, version 0, "TDG.VP.INVEPT" {
        in { rcx: L2VmMask }
        out {}
    }

    /// TDG.VP.INVVPID (leaf 27): invalidate an L2 VM's cached translations of linear addresses. RCX
    /// = the VM and whether RDX is a list; RDX = a GLA list entry (`gla_list_entry_t`), or a GLA
    /// list descriptor (`gla_list_info_t`) naming a private page. Returns RDX = the list descriptor
    /// updated (first entry advanced) when interrupted. First module version: 1.5.01 (intel/tdx-
    /// module@72d8cffb: absent from 1.0.00). Source: intel/tdx-module@72d8cffb
    /// `src/td_dispatcher/vm_exits/tdg_vp_invvpid.c` and the dispatcher.
    pub tdcall TdgVpInvvpid = 27, version 0, "TDG.VP.INVVPID" {
        in { rcx: VmAndFlags, rdx: u64 }
        out { rdx: u64 }
    }

    /// TDG.VP.ENTER (leaf 25): enter an L2 VM (TD partitioning) until its next exit to L1.
    /// RCX = `vm_and_flags_t` ([`L2EnterFlags`](tdx_core::L2EnterFlags): invalidation in bits
    /// 1:0, the L2 VM in bits 53:52), RDX = GPA of the L2 register file
    /// ([`L2EnterGuestState`](tdx_core::L2EnterGuestState), 256-byte aligned, private).
    /// At the L2 exit the module returns in RAX the status with the exit reason in bits 31:0,
    /// RBX = 0, RCX = exit qualification, RDX = guest linear address, RSI = CS selector,
    /// attributes and limit, RDI = CS base, R8 = guest physical address, R9 = interruption
    /// information (error code in 63:32), R10 = IDT-vectoring information (error code in
    /// 63:32), R11 = instruction information (length in 63:32), R12 = additional exit
    /// information (CPL), R13 = extended exit qualification, R14 = R15 = 0
    /// (`td_l2_to_l1_exit_internal`, `src/td_transitions/td_exit.c`). Every register goes in
    /// and comes back through [`ModuleArgs`](tdx_core::ModuleArgs) (`regs = …`), as for
    /// TDH.VP.ENTER. First module version: 1.5.01 (absent from 1.0.00). Source:
    /// intel/tdx-module@72d8cffb `src/td_transitions/tdg_vp_enter.c` and the dispatcher.
    pub tdcall TdgVpEnter = 25, version 0, "TDG.VP.ENTER" {
        in {
            rcx: L2EnterFlags, rdx: Gpa, r8: u64, r9: u64, r10: u64, r11: u64,
            r12: u64, r13: u64, r14: u64, r15: u64, rbx: u64, rdi: u64, rsi: u64,
        }
        out {
            rcx: u64, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64,
            r12: u64, r13: u64, r14: u64, r15: u64, rbx: u64, rdi: u64, rsi: u64,
        }
    }
}
