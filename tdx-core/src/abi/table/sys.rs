//! The ABI table: TDH.SYS.*: platform initialization and configuration.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module; 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 1.5.34 @9fd3c8b1, 2.0.18 @e69a4391), as extracted in
//! `tdx-core/tests/data/module-abi.json`, which `tests/module_abi.rs` checks every entry
//! against. How Linux issues each leaf: torvalds/linux `arch/x86/virt/vmx/tdx/tdx.c@0eaed89c`,
//! `arch/x86/kvm/vmx/tdx.c@3829d81b`.

use crate::{AddrError, FatalErrorConfig, FeatureEnables, FieldId, Hkid, Hpa};

crate::abi_table! {
    list LEAVES;

    /// TDH.SYS.KEY.CONFIG (leaf 31): program the global KeyID on this package. No operands.
    pub seamcall TdhSysKeyConfig = 31, version 0, "TDH.SYS.KEY.CONFIG" {
        since { 0: (1, 0, 0) }
        in {}
        out {}
    }

    /// TDH.SYS.INIT (leaf 33): global initialization (version 1, R8 the fatal-error
    /// configuration: [`TdhSysInitV1`]). RCX is reserved and must be 0 (module
    /// 1.0/1.5.01: `sys_attributes_t`, all of whose bits are reserved; 1.5.05 on: "RCX should
    /// be reserved" → `TDX_OPERAND_INVALID` operand RCX), so every wrapper loads 0. On a
    /// CPUID/configuration check failure RCX..R10 hold the leaf, masks and expected values.
    pub seamcall TdhSysInit = 33, version 0, "TDH.SYS.INIT" {
        since { 0: (1, 0, 0), 1: (1, 5, 13) }
        in {}
        zero { rcx }
        out {}
        err { rcx, rdx, r8, r9, r10 }
        no_info;
    }

    /// TDH.SYS.RD (leaf 34): read a global metadata field. RDX = field ID (**no** RCX input,
    /// unlike TDH.MNG.RD and TDH.VP.RD); returns the value in R8 and the next field ID in RDX (`MD_FIELD_ID_NA` after
    /// the last one: intel/tdx-module@72d8cffb `tdh_sys_rd.c` lines 48, 70, 86, 90).
    pub seamcall TdhSysRd = 34, version 0, "TDH.SYS.RD" {
        since { 0: (1, 5, 1) }
        in { rdx: FieldId }
        out { rdx: FieldId, r8: u64 }
    }

    /// TDH.SYS.LP.INIT (leaf 35): per-logical-processor initialization. No operands; on a failed CPUID check RCX/RDX/R8
    /// hold the leaf that failed `verify_same`.
    pub seamcall TdhSysLpInit = 35, version 0, "TDH.SYS.LP.INIT" {
        since { 0: (1, 0, 0) }
        in {}
        out {}
        err { rcx, rdx, r8 }
        no_info;
    }

    /// TDH.SYS.TDMR.INIT (leaf 36): initialize part of a TDMR. RCX = the TDMR base (1 GiB
    /// aligned); returns in RDX how far it got: the last initialized address rounded down to
    /// 1 GiB (`tdmr_entry->last_initialized & ~(_1GB - 1)`, `tdh_sys_tdmr_init.c` line 122).
    pub seamcall TdhSysTdmrInit = 36, version 0, "TDH.SYS.TDMR.INIT" {
        since { 0: (1, 0, 0) }
        in { rcx: Hpa }
        out { rdx: Result<Hpa, AddrError> }
    }

    /// TDH.SYS.CONFIG (leaf 45): configure the TDX module. RCX = HPA of the array of TDMR_INFO
    /// HPAs (512-byte aligned), RDX = number of TDMRs, R8 = the global KeyID.
    ///
    /// Version 1 (R9 = enabling flags in the TDX_FEATURES0 format, R10 reserved) is its own
    /// entry, [`TdhSysConfigV1`].
    pub seamcall TdhSysConfig = 45, version 0, "TDH.SYS.CONFIG" {
        since { 0: (1, 0, 0), 1: (1, 5, 34) }
        in { rcx: Hpa, rdx: u64, r8: Hkid }
        out {}
        no_info;
    }

    /// TDH.SYS.SHUTDOWN (leaf 52, module 1.5.01 on): shut the module down for a runtime update. RCX = the
    /// handoff version (TDH.SYS.RD field 0x8900000100000000).
    pub seamcall TdhSysShutdown = 52, version 0, "TDH.SYS.SHUTDOWN" {
        since { 0: (1, 5, 1) }
        in { rcx: u64 }
        out {}
        no_info;
    }

    /// TDH.SYS.UPDATE (leaf 53, module 1.5.01 on): finish a runtime update. No operands.
    /// Version 1 (enabling flags in R9) is its own entry, [`TdhSysUpdateV1`].
    pub seamcall TdhSysUpdate = 53, version 0, "TDH.SYS.UPDATE" {
        since { 0: (1, 5, 1), 1: (1, 5, 24) }
        in {}
        out {}
        no_info;
    }

    /// TDH.SYS.DISABLE (leaf 69): disable the TDX module (destructive). No operands.
    ///
    /// **No published module release defines this leaf**: leaf 69 is in no enum, dispatcher
    /// or handler of intel/tdx-module 1.0.00 through 2.0.18 (68 is TDH.EXPORT.MEM, 70
    /// TDH.EXPORT.PAUSE). It is kept, without a `since`, because Linux patch series issue it
    /// for a module newer than those sources; a real 1.5 or 2.0 module answers
    /// `TDX_OPERAND_INVALID` (operand RAX).
    pub seamcall TdhSysDisable = 69, version 0, "TDH.SYS.DISABLE" {
        in {}
        out {}
    }

    // ---------------------------------------------- module 1.5 leaves (from the catalog)

    /// TDH.SYS.INFO (leaf 32): the TDX module 1.0 information interface: write TDSYSINFO_STRUCT and
    /// the CMR table. RCX = HPA of the TDSYSINFO_STRUCT buffer (1024-byte aligned); RDX = its size
    /// in bytes (≥ 1024); R8 = HPA of the CMR_INFO array (512-byte aligned); R9 = its number of
    /// entries (≥ 32, `MAX_CMR`). Returns RDX = the bytes written to the TDSYSINFO_STRUCT; R9 = the
    /// CMR entries written (`MAX_CMR`). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_sys_info.c` and the dispatcher (added with the catalog's
    /// module-1.5 leaves).
    pub seamcall TdhSysInfo = 32, version 0, "TDH.SYS.INFO" {
        since { 0: (1, 0, 0) }
        in { rcx: Hpa, rdx: u64, r8: Hpa, r9: u64 }
        out { rdx: u64, r9: u64 }
        no_info;
    }

    /// TDH.SYS.RDALL (leaf 37): read every global metadata field from `field` on into a metadata
    /// list page. RDX = HPA of the 4 KiB metadata list page; R8 = the first field ID. Returns R8 =
    /// the next field ID to read, or `MD_FIELD_ID_NA` (all ones) when done. RCX is not read.
    /// Source: intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_sys_rdall.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhSysRdall = 37, version 0, "TDH.SYS.RDALL" {
        since { 0: (1, 5, 1) }
        in { rdx: Hpa, r8: FieldId }
        out { r8: u64 }
    }

    /// TDH.SYS.LP.SHUTDOWN (leaf 44): shut this logical processor's part of the TDX module down
    /// (the only leaf accepted once the module is shut down). no operands. Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_sys_lp_shutdown.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhSysLpShutdown = 44, version 0, "TDH.SYS.LP.SHUTDOWN" {
        since { 0: (1, 0, 0) }
        in {}
        out {}
        no_info;
    }

    // ---------------------------------------------- version-1 forms
    //
    // A version that reads or returns other registers is its own entry (its own type: one
    // type has one register set), with the same number and spec name and `version 1`.

    /// TDH.SYS.INIT (leaf 33) **version 1**: as version 0, and R8 = the fatal-error
    /// configuration (`configure_fatal_info_diagnostics((bool_t)version, reserved_r8)`: log HPA
    /// and notification; bad value: `TDX_OPERAND_INVALID` operand R8). RCX reserved (0). The
    /// handler zeroes RCX, RDX, R8-R10 on entry and on a CPUID check failure RCX..R10 hold the
    /// leaf, masks and expected values, as version 0. First release: 1.5.13 by the public fork's
    /// labels (murrowow/tdx-concurrency@695ae90, dispatcher and `tdh_sys_init.c`; **unconfirmed**
    /// in Intel's repository, whose first stored release that accepts it is 1.5.34,
    /// intel/tdx-module@9fd3c8b1 dispatcher).
    pub seamcall TdhSysInitV1 = 33, version 1, "TDH.SYS.INIT" {
        since { 0: (1, 0, 0), 1: (1, 5, 13) }
        in { r8: FatalErrorConfig }
        zero { rcx }
        out {}
        err { rcx, rdx, r8, r9, r10 }
        no_info;
    }

    /// TDH.SYS.CONFIG (leaf 45) **version 1**: as version 0, and R9 = the features to enable
    /// (TDX_FEATURES0 layout; a bit TDX_FEATURES0 lacks: `TDX_OPERAND_INVALID` operand R9),
    /// R10 reserved (0, else operand R10). Writes no register. First release: 1.5.34
    /// (intel/tdx-module@9fd3c8b1 dispatcher: `tdh_sys_config(rcx, rdx, sysconfig_options,
    /// (uint8_t)leaf_opcode.version, r9, r10)`; the fork's 1.5.25 dispatcher refuses version 1;
    /// handler read at 2.0.18, @e69a4391 `src/vmm_dispatcher/api_calls/tdh_sys_config.c`).
    pub seamcall TdhSysConfigV1 = 45, version 1, "TDH.SYS.CONFIG" {
        since { 0: (1, 0, 0), 1: (1, 5, 34) }
        in { rcx: Hpa, rdx: u64, r8: Hkid, r9: FeatureEnables }
        zero { r10 }
        out {}
        no_info;
    }

    /// TDH.SYS.UPDATE (leaf 53) **version 1**: finish a runtime update and enable features:
    /// R9 = the features to enable (TDX_FEATURES0 layout, checked as TDH.SYS.CONFIG version 1;
    /// `update_compatibility` is the one the handler keeps), R10 reserved (0). Writes no
    /// register. First release: 1.5.24 by the public fork's labels
    /// (murrowow/tdx-concurrency@307fc86 dispatcher and `tdh_sys_update.c`; **unconfirmed** in
    /// Intel's repository, whose first stored release that accepts it is 1.5.34,
    /// intel/tdx-module@9fd3c8b1 dispatcher).
    pub seamcall TdhSysUpdateV1 = 53, version 1, "TDH.SYS.UPDATE" {
        since { 0: (1, 5, 1), 1: (1, 5, 24) }
        in { r9: FeatureEnables }
        zero { r10 }
        out {}
        no_info;
    }
}
