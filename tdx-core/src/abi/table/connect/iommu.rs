//! The ABI table, TDX Connect (module 2.0): TDH.IOMMU.*: the IOMMU registers and metadata pages.
//!
//! Registers read and written: the handlers under `src/vmm_dispatcher/api_calls/tdxio/` and
//! `src/td_dispatcher/vm_exits/tdxio/` of intel/tdx-module, read in the index's stored versions
//! (each entry names its commit), with the leaf numbers and dispatcher registers of 2.0.18
//! (intel/tdx-module@e69a4391); checked by `tests/module_abi.rs` against
//! `tests/data/module-abi.json`. No entry is `SafeLeaf`.

use crate::{IommuId, IommuRegId};

crate::abi_table! {
    list LEAVES;

    /// TDH.IOMMU.SETREG (leaf 128): set an IOMMU register or hand the module one of the IOMMU's
    /// metadata pages. In: RCX = the IOMMU ID (`iommu_id_reg_t`); RDX = the register ID
    /// (`iommu_register_id_e`: T_IQPAGE, IQCTXPAGE, T_RTPAGE, STINFOPA_0/1, SPDMDIRPA,
    /// CONFIG_IOMMU, CONFIG_RP, GCMD_REG, CLEAR_IOMMU, CLEAR_RP); R8 = the value: for the page
    /// registers the HPA of a free 4 KiB page the module takes over (PT_IOMMU_MT), else the
    /// register's value. Returns no output register. First module version: 2.0.18 (the handler
    /// files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read).
    /// Source: intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_iommu_setreg.c`
    /// (the index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher,
    /// intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhIommuSetreg = 128, version 0, "TDH.IOMMU.SETREG" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: IommuRegId, r8: u64 }
        out {}
    }

    /// TDH.IOMMU.GETREG (leaf 129): read an IOMMU register the module keeps (state, metadata page
    /// addresses) or look up an IOMMU ID by its VTBAR. In: RCX = the IOMMU ID, or the VTBAR HPA
    /// when RDX is IOMMU_ID; RDX = the register ID (`iommu_register_id_e`). Returns R8 = the
    /// register's value (0 on error: the handler clears R8 first). First module version: 2.0.18
    /// (the handler files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was
    /// not read). Source: intel/tdx-module@92f6945d
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_iommu_getreg.c` (the index's stored version, 2.0
    /// line 2.0.04; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhIommuGetreg = 129, version 0, "TDH.IOMMU.GETREG" {
        since { 0: (2, 0, 18) }
        in { rcx: u64, rdx: IommuRegId }
        out { r8: u64 }
    }
}
