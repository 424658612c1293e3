//! The ABI table: TDH.MNG.*: TD management.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module; 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 1.5.34 @9fd3c8b1, 2.0.18 @e69a4391), as extracted in
//! `tdx-core/tests/data/module-abi.json`, which `tests/module_abi.rs` checks every entry
//! against. How Linux issues each leaf: torvalds/linux `arch/x86/virt/vmx/tdx/tdx.c@0eaed89c`,
//! `arch/x86/kvm/vmx/tdx.c@3829d81b`.

use crate::{FieldId, Hkid, Hpa, MigscPage, Page, Tdcs, Tdr};

crate::abi_table! {
    list LEAVES;

    /// TDH.MNG.ADDCX (leaf 1): add a TDCS page to a TD. RCX = the TDCS page, RDX = the TDR.
    pub seamcall TdhMngAddcx = 1, version 0, "TDH.MNG.ADDCX" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdcs>, rdx: Page<Tdr> }
        out {}
        no_info;
    }

    /// TDH.MNG.KEY.CONFIG (leaf 8): program the TD's key on this package. RCX = TDR.
    pub seamcall TdhMngKeyConfig = 8, version 0, "TDH.MNG.KEY.CONFIG" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.MNG.CREATE (leaf 9): create a TD on a TDR page. RCX = TDR, RDX = the private HKID.
    pub seamcall TdhMngCreate = 9, version 0, "TDH.MNG.CREATE" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr>, rdx: Hkid }
        out {}
        no_info;
    }

    /// TDH.MNG.RD (leaf 11): read a TD-scope metadata field. RCX = TDR, RDX = field ID;
    /// returns the value in R8.
    pub seamcall TdhMngRd = 11, version 0, "TDH.MNG.RD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: Page<Tdr>, rdx: FieldId }
        out { r8: u64 }
    }

    /// TDH.MNG.VPFLUSHDONE (leaf 19): check that every vCPU was flushed. RCX = TDR.
    pub seamcall TdhMngVpflushdone = 19, version 0, "TDH.MNG.VPFLUSHDONE" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr> }
        out {}
        no_info;
    }

    /// TDH.MNG.KEY.FREEID (leaf 20): release the TD's HKID. RCX = TDR.
    pub seamcall TdhMngKeyFreeid = 20, version 0, "TDH.MNG.KEY.FREEID" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr> }
        out {}
        no_info;
    }

    /// TDH.MNG.INIT (leaf 21): initialize a TD. RCX = TDR, RDX = HPA of `struct td_params`
    /// (1024 bytes, 1024-byte aligned). On error RCX holds extended error information.
    pub seamcall TdhMngInit = 21, version 0, "TDH.MNG.INIT" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr>, rdx: Hpa }
        out {}
        err { rcx }
        no_info;
    }

    // ---------------------------------------------- module 1.5 leaves (from the catalog)

    /// TDH.MNG.WR (leaf 13): write a TD-scope metadata field (debug TDs, or fields the host may
    /// write), returning the old value. RCX = the TD's TDR; RDX = the field ID; R8 = the value; R9
    /// = the bits of `value` to write. Returns R8 = the field's previous value. Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mng_rd_wr.c` and the dispatcher
    /// (added with the catalog's module-1.5 leaves).
    pub seamcall TdhMngWr = 13, version 0, "TDH.MNG.WR" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr>, rdx: FieldId, r8: u64, r9: u64 }
        out { r8: u64 }
    }

    /// TDH.MNG.KEY.RECLAIMID (leaf 27): kept for backward compatibility: the module ignores RCX and
    /// returns `TDX_SUCCESS` (1.5.01: "It does not do anything except returning a constant
    /// TDX_SUCCESS status"). RCX = the TD's TDR. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mng_key_reclaimid.c` and the dispatcher (added with the
    /// catalog's module-1.5 leaves).
    pub seamcall TdhMngKeyReclaimid = 27, version 0, "TDH.MNG.KEY.RECLAIMID" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr> }
        out {}
        no_info;
    }

    /// TDH.MIG.STREAM.CREATE (leaf 96): create a migration stream on a migration stream context
    /// (MIGSC) page. RCX = the MIGSC page; RDX = the TD's TDR. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_mig_stream_create.c` and the dispatcher (added
    /// with the catalog's module-1.5 leaves).
    pub seamcall TdhMigStreamCreate = 96, version 0, "TDH.MIG.STREAM.CREATE" {
        since { 0: (1, 5, 1) }
        in { rcx: MigscPage, rdx: Page<Tdr> }
        out {}
        no_info;
    }
    // ---------------------------------------------- version-1 forms
    //
    // A version that returns other registers is its own entry (its own type: one type has
    // one register set), with the same number and spec name and `version 1`.

    /// TDH.MNG.RD (leaf 11) **version 1**: read a TD-scope metadata field and the ID of the
    /// next one. RCX = TDR, RDX = field ID (a null field ID, `FieldId::from_raw(0)`, asks for
    /// the first field: `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`, success with information).
    /// Returns RDX = the next field ID (`MD_FIELD_ID_NA`, all ones, at the end; also on error),
    /// R8 = the value (0 on error). Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/api_calls/tdh_mng_rd_wr.c` (`version > 0`) and the dispatcher.
    pub seamcall TdhMngRdV1 = 11, version 1, "TDH.MNG.RD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: Page<Tdr>, rdx: FieldId }
        out { rdx: u64, r8: u64 }
    }
}
