//! The ABI table: TDH.EXPORT.*: live migration, source side.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module@72d8cffb,
//! 1.5.01), checked by `tests/module_abi.rs` against `tdx-core/tests/data/module-abi.json`.

use crate::{
    GpaListInfo, Hpa, HpaAndSize, L2AttrList, MigStream, Page, PageListInfo, SeptGpa, Tdr, Tdvpr,
};

crate::abi_table! {
    list LEAVES;

    // ---------------------------------------------- module 1.5 leaves (from the catalog)

    /// TDH.EXPORT.ABORT (leaf 64): abort an export session and write an abort token. RCX = the TD's
    /// TDR; R8 = HPA and size of the MBMD buffer; R10 = migration stream index and command (bit 63:
    /// resume). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_abort.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub seamcall TdhExportAbort = 64, version 0, "TDH.EXPORT.ABORT" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr>, r8: HpaAndSize, r10: MigStream }
        out {}
    }

    /// TDH.EXPORT.BLOCKW (leaf 65): block the listed pages for writing (to export them). RCX = the
    /// GPA list descriptor; RDX = the TD's TDR. Returns RCX = the descriptor, first entry advanced.
    /// Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_blockw.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub seamcall TdhExportBlockw = 65, version 0, "TDH.EXPORT.BLOCKW" {
        since { 0: (1, 5, 1), 1: (1, 5, 34) }
        in { rcx: GpaListInfo, rdx: Page<Tdr> }
        out { rcx: GpaListInfo }
    }

    /// TDH.EXPORT.RESTORE (leaf 66): restore the listed pages after an aborted export. RCX = the
    /// GPA list descriptor; RDX = the TD's TDR. Returns RCX = the descriptor, first entry advanced.
    /// Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_restore.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub seamcall TdhExportRestore = 66, version 0, "TDH.EXPORT.RESTORE" {
        since { 0: (1, 5, 1), 1: (1, 5, 34) }
        in { rcx: GpaListInfo, rdx: Page<Tdr> }
        out { rcx: GpaListInfo }
    }

    /// TDH.EXPORT.MEM (leaf 68): export the listed private pages into migration buffers. RCX = the
    /// GPA list descriptor; RDX = the TD's TDR; R8 = HPA and size of the MBMD buffer; R9 = the page
    /// list of migration buffers; R10 = migration stream index and command (bit 63: resume); R11 =
    /// HPA of MAC list 0; R12 = HPA of MAC list 1; R14 = the L2 attribute list page, for a GPA list
    /// of format 1 (module 1.5.16 on). Returns RCX = the descriptor, first entry advanced; RDX =
    /// the number of entries processed. R14 is not read by 1.5.01 (72d8cffb); from the 1.5.16 label
    /// of the public fork murrowow/tdx-concurrency (b2be91c) it is the L2 attribute list, used only
    /// when the GPA list format is 1 (`GPA_LIST_FORMAT_GPA_AND_ATTR`; **unconfirmed** in Intel's
    /// repository); [`GpaListInfo::new`](crate::GpaListInfo::new) builds format 0. Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_mem.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhExportMem = 68, version 0, "TDH.EXPORT.MEM" {
        since { 0: (1, 5, 1), 1: (1, 5, 34) }
        in {
            rcx: GpaListInfo,
            rdx: Page<Tdr>,
            r8: HpaAndSize,
            r9: PageListInfo,
            r10: MigStream,
            r11: Hpa,
            r12: Hpa,
            r14: L2AttrList,
        }
        out { rcx: GpaListInfo, rdx: u64 }
    }

    /// TDH.EXPORT.PAUSE (leaf 70): pause the TD for the blackout phase. RCX = the TD's TDR. Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_pause.c` and
    /// the dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhExportPause = 70, version 0, "TDH.EXPORT.PAUSE" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.EXPORT.TRACK (leaf 71): end an export epoch and write an epoch token; with
    /// [`MigStream::in_order_done`](crate::MigStream::in_order_done) (R10 bit 63,
    /// `MIGS_INDEX_COMMAND_INORDER_DONE`) the in-order phase ends and the token starts the
    /// out-of-order phase. RCX = the TD's TDR; R8 = HPA and size of the MBMD buffer; R10 =
    /// migration stream index and command (bit 63: resume). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_track.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub seamcall TdhExportTrack = 71, version 0, "TDH.EXPORT.TRACK" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr>, r8: HpaAndSize, r10: MigStream }
        out {}
    }

    /// TDH.EXPORT.STATE.IMMUTABLE (leaf 72): export the TD's immutable state (starts the session).
    /// RCX = the TD's TDR; R8 = HPA and size of the MBMD buffer; R9 = the page list of migration
    /// buffers; R10 = migration stream index and command (bit 63: resume). Returns RDX = the number
    /// of buffer pages written. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_state_immutable.c` and the dispatcher
    /// (added with the catalog's module-1.5 leaves).
    pub seamcall TdhExportStateImmutable = 72, version 0, "TDH.EXPORT.STATE.IMMUTABLE" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        out { rdx: u64 }
    }

    /// TDH.EXPORT.STATE.TD (leaf 73): export the TD's mutable TD-scope state. RCX = the TD's TDR;
    /// R8 = HPA and size of the MBMD buffer; R9 = the page list of migration buffers; R10 =
    /// migration stream index and command (bit 63: resume). Returns RDX = the number of buffer
    /// pages written. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_state_td.c` and the dispatcher (added
    /// with the catalog's module-1.5 leaves).
    pub seamcall TdhExportStateTd = 73, version 0, "TDH.EXPORT.STATE.TD" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        out { rdx: u64 }
    }

    /// TDH.EXPORT.STATE.VP (leaf 74): export one vCPU's state. RCX = the vCPU's TDVPR; R8 = HPA and
    /// size of the MBMD buffer; R9 = the page list of migration buffers; R10 = migration stream
    /// index and command (bit 63: resume). Returns RDX = the number of buffer pages written.
    /// Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_state_vp.c` and the dispatcher (added
    /// with the catalog's module-1.5 leaves).
    pub seamcall TdhExportStateVp = 74, version 0, "TDH.EXPORT.STATE.VP" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdvpr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        out { rdx: u64 }
    }

    /// TDH.EXPORT.UNBLOCKW (leaf 75): unblock one page blocked for writing (RCX is GPA | level,
    /// `page_info_api_input_t`). RCX = GPA \| level; RDX = the TD's TDR. Error path: on error
    /// RCX/RDX hold the Secure-EPT entry and level/state
    /// (`tdx_calls::host::TdxErrorExt::sept_error`). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_unblockw.c` and the dispatcher (added
    /// with the catalog's module-1.5 leaves).
    pub seamcall TdhExportUnblockw = 75, version 0, "TDH.EXPORT.UNBLOCKW" {
        since { 0: (1, 5, 1) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out {}
        err { rcx, rdx }
    }
    // ---------------------------------------------- version-1 forms
    //
    // A version that returns other registers is its own entry (its own type: one type has
    // one register set), with the same number and spec name and `version 1`.

    /// TDH.EXPORT.MEM (leaf 68) **version 1** (module 1.5.34 on): as version 0, and R8 returns
    /// the number of GPA list entries that failed ("When called with version=1, a GPA list
    /// error counter will be returned in R8", written on every path after the TD checks).
    /// Registers in as version 0 (R8 = HPA and size of the MBMD buffer). Source:
    /// intel/tdx-module@9fd3c8b1 (1.5.34) `src/vmm_dispatcher/migration_api_calls/tdh_export_mem.c`
    /// and `src/vmm_dispatcher/tdx_vmm_dispatcher.c` (version 1 accepted, passed as
    /// `(uint8_t)leaf_opcode.version`).
    pub seamcall TdhExportMemV1 = 68, version 1, "TDH.EXPORT.MEM" {
        since { 0: (1, 5, 1), 1: (1, 5, 34) }
        in {
            rcx: GpaListInfo,
            rdx: Page<Tdr>,
            r8: HpaAndSize,
            r9: PageListInfo,
            r10: MigStream,
            r11: Hpa,
            r12: Hpa,
            r14: L2AttrList,
        }
        out { rcx: GpaListInfo, rdx: u64, r8: u64 }
    }

    /// TDH.EXPORT.BLOCKW (leaf 65) **version 1** (module 1.5.34 on): as version 0, and R8
    /// returns the number of GPA list entries that failed (skipped entries not counted; "When
    /// called with version=1, a GPA list error counter will be returned in R8", written at the
    /// handler's exit, on every path). Source: intel/tdx-module@9fd3c8b1 (1.5.34) dispatcher
    /// (version 1 accepted and passed to the handler); handler read at 2.0.18, @e69a4391
    /// `src/vmm_dispatcher/migration_api_calls/tdh_export_blockw.c` (the 1.5.34 handler is not
    /// in the stored index).
    pub seamcall TdhExportBlockwV1 = 65, version 1, "TDH.EXPORT.BLOCKW" {
        since { 0: (1, 5, 1), 1: (1, 5, 34) }
        in { rcx: GpaListInfo, rdx: Page<Tdr> }
        out { rcx: GpaListInfo, r8: u64 }
    }

    /// TDH.EXPORT.RESTORE (leaf 66) **version 1** (module 1.5.34 on): as version 0, and R8
    /// returns the number of GPA list entries that failed, written at the handler's exit on
    /// every path. Source: intel/tdx-module@9fd3c8b1 (1.5.34) dispatcher; handler read at
    /// 2.0.18, @e69a4391 `src/vmm_dispatcher/migration_api_calls/tdh_export_restore.c`.
    pub seamcall TdhExportRestoreV1 = 66, version 1, "TDH.EXPORT.RESTORE" {
        since { 0: (1, 5, 1), 1: (1, 5, 34) }
        in { rcx: GpaListInfo, rdx: Page<Tdr> }
        out { rcx: GpaListInfo, r8: u64 }
    }
}
