//! The ABI table, TDX Connect (module 2.0): TDH.SPDM.*: SPDM sessions.
//!
//! Registers read and written: the handlers under `src/vmm_dispatcher/api_calls/tdxio/` and
//! `src/td_dispatcher/vm_exits/tdxio/` of intel/tdx-module, read in the index's stored versions
//! (each entry names its commit), with the leaf numbers and dispatcher registers of 2.0.18
//! (intel/tdx-module@e69a4391); checked by `tests/module_abi.rs` against
//! `tests/data/module-abi.json`. No entry is `SafeLeaf`.

use crate::{Guest, IommuId, Page};

crate::abi_table! {
    list LEAVES;

    /// TDH.SPDM.CREATE (leaf 130): create an SPDM session entry of an IOMMU, with its SPDM info
    /// page. In: RCX = the IOMMU ID; RDX = the SPDM session ID (< MAX_SPDM_SESSION_ID); R8 = the
    /// SPDM info page (4 KiB, HKID 0, becomes PT_IOMMU_MT). Returns no output register. First
    /// module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_spdm_create.c` (the index's stored version, 2.0 line
    /// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhSpdmCreate = 130, version 0, "TDH.SPDM.CREATE" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: u64, r8: Page<Guest> }
        out {}
    }

    /// TDH.SPDM.DELETE (leaf 131): delete an SPDM session entry and return its SPDM info page. In:
    /// RCX = the IOMMU ID; RDX = the SPDM session ID. Returns RCX = the HPA of the SPDM info page,
    /// the host's again. First module version: 2.0.18 (the handler files are in the index from
    /// 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@a56a9173 `src/vmm_dispatcher/api_calls/tdxio/tdh_spdm_delete.c` (the
    /// index's stored version, 2.0 line 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
    /// passes the same registers).
    pub seamcall TdhSpdmDelete = 131, version 0, "TDH.SPDM.DELETE" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: u64 }
        out { rcx: u64 }
    }
}
