//! The ABI table: TDH.IMPORT.*: live migration, destination side.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module@72d8cffb,
//! 1.5.01), checked by `tests/module_abi.rs` against `tdx-core/tests/data/module-abi.json`.

use crate::{GpaListInfo, Hpa, HpaAndSize, L2AttrList, MigStream, Page, PageListInfo, Tdr, Tdvpr};

crate::abi_table! {
    list LEAVES;

    // ---------------------------------------------- module 1.5 leaves (from the catalog)

    /// TDH.IMPORT.ABORT (leaf 80): abort an import session. RCX = the TD's TDR; R8 = HPA and size
    /// of the MBMD buffer; R10 = migration stream index and command (bit 63: resume). Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_import_abort.c` and
    /// the dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhImportAbort = 80, version 0, "TDH.IMPORT.ABORT" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr>, r8: HpaAndSize, r10: MigStream }
        out {}
    }

    /// TDH.IMPORT.END (leaf 81): end a successful import session. RCX = the TD's TDR. Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_import_end.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhImportEnd = 81, version 0, "TDH.IMPORT.END" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.IMPORT.COMMIT (leaf 82): commit the import: the destination TD may run. RCX = the TD's
    /// TDR. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_import_commit.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub seamcall TdhImportCommit = 82, version 0, "TDH.IMPORT.COMMIT" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.IMPORT.MEM (leaf 83): import private pages from migration buffers. RCX = the GPA list
    /// descriptor; RDX = the TD's TDR; R8 = HPA and size of the MBMD buffer; R9 = the page list of
    /// migration buffers; R10 = migration stream index and command (bit 63: resume); R11 = HPA of
    /// MAC list 0; R12 = HPA of MAC list 1; R13 = the list of pages the module may use for newly
    /// imported private pages; R14 = the L2 attribute list page, for a GPA list of format 1 (module
    /// 1.5.16 on). Returns RCX = the descriptor, first entry advanced. R14 is not read by 1.5.01
    /// (72d8cffb); from the 1.5.16 label of the public fork murrowow/tdx-concurrency (b2be91c) it
    /// is the L2 attribute list, used only when the GPA list format is 1
    /// (`GPA_LIST_FORMAT_GPA_AND_ATTR`; **unconfirmed** in Intel's repository);
    /// [`GpaListInfo::new`](crate::GpaListInfo::new) builds format 0. Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_import_mem.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhImportMem = 83, version 0, "TDH.IMPORT.MEM" {
        since { 0: (1, 5, 1), 1: (1, 5, 34) }
        in {
            rcx: GpaListInfo,
            rdx: Page<Tdr>,
            r8: HpaAndSize,
            r9: PageListInfo,
            r10: MigStream,
            r11: Hpa,
            r12: Hpa,
            r13: PageListInfo,
            r14: L2AttrList,
        }
        out { rcx: GpaListInfo }
    }

    /// TDH.IMPORT.TRACK (leaf 84): read an epoch token and start the next import epoch. RCX = the
    /// TD's TDR; R8 = HPA and size of the MBMD buffer; R10 = migration stream index and command
    /// (bit 63: resume). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_import_track.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub seamcall TdhImportTrack = 84, version 0, "TDH.IMPORT.TRACK" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr>, r8: HpaAndSize, r10: MigStream }
        out {}
    }

    /// TDH.IMPORT.STATE.IMMUTABLE (leaf 85): import the TD's immutable state (starts the session).
    /// RCX = the TD's TDR; RDX = not an operand: the module only saves it to restore on an
    /// interruption (`original_rdx`, `tdh_import_state_*.c` line 85): the wrapper loads 0; R8 = HPA
    /// and size of the MBMD buffer; R9 = the page list of migration buffers; R10 = migration stream
    /// index and command (bit 63: resume). Error path: on error RCX/RDX hold extended error
    /// information (`extended_err_info[0..2]`). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_import_state_immutable.c` and the dispatcher
    /// (added with the catalog's module-1.5 leaves).
    pub seamcall TdhImportStateImmutable = 85, version 0, "TDH.IMPORT.STATE.IMMUTABLE" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        zero { rdx }
        out {}
        err { rcx, rdx }
    }

    /// TDH.IMPORT.STATE.TD (leaf 86): import the TD's mutable TD-scope state. RCX = the TD's TDR;
    /// RDX = not an operand: the module only saves it to restore on an interruption
    /// (`original_rdx`, `tdh_import_state_*.c` line 85): the wrapper loads 0; R8 = HPA and size of
    /// the MBMD buffer; R9 = the page list of migration buffers; R10 = migration stream index and
    /// command (bit 63: resume). Error path: on error RCX/RDX hold extended error information
    /// (`extended_err_info[0..2]`). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_import_state_td.c` and the dispatcher (added
    /// with the catalog's module-1.5 leaves).
    pub seamcall TdhImportStateTd = 86, version 0, "TDH.IMPORT.STATE.TD" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        zero { rdx }
        out {}
        err { rcx, rdx }
    }

    /// TDH.IMPORT.STATE.VP (leaf 87): import one vCPU's state. RCX = the vCPU's TDVPR; RDX = not an
    /// operand: the module only saves it to restore on an interruption (`original_rdx`,
    /// `tdh_import_state_*.c` line 85): the wrapper loads 0; R8 = HPA and size of the MBMD buffer;
    /// R9 = the page list of migration buffers; R10 = migration stream index and command (bit 63:
    /// resume). Error path: on error RCX/RDX hold extended error information
    /// (`extended_err_info[0..2]`). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_import_state_vp.c` and the dispatcher (added
    /// with the catalog's module-1.5 leaves).
    pub seamcall TdhImportStateVp = 87, version 0, "TDH.IMPORT.STATE.VP" {
        since { 0: (1, 5, 1) }
        in { rcx: Page<Tdvpr>, r8: HpaAndSize, r9: PageListInfo, r10: MigStream }
        zero { rdx }
        out {}
        err { rcx, rdx }
    }
    // ---------------------------------------------- version-1 forms
    //
    // A version that returns other registers is its own entry (its own type: one type has
    // one register set), with the same number and spec name and `version 1`.

    /// TDH.IMPORT.MEM (leaf 83) **version 1** (module 1.5.34 on): as version 0, and R8 returns
    /// the number of GPA list entries that failed ("When called with version=1, a GPA list
    /// error counter will be returned in R8"). Registers in as version 0. Source:
    /// intel/tdx-module@9fd3c8b1 (1.5.34) `src/vmm_dispatcher/migration_api_calls/tdh_import_mem.c`
    /// and `src/vmm_dispatcher/tdx_vmm_dispatcher.c`.
    pub seamcall TdhImportMemV1 = 83, version 1, "TDH.IMPORT.MEM" {
        since { 0: (1, 5, 1), 1: (1, 5, 34) }
        in {
            rcx: GpaListInfo,
            rdx: Page<Tdr>,
            r8: HpaAndSize,
            r9: PageListInfo,
            r10: MigStream,
            r11: Hpa,
            r12: Hpa,
            r13: PageListInfo,
            r14: L2AttrList,
        }
        out { rcx: GpaListInfo, r8: u64 }
    }
}
