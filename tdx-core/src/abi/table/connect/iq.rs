//! The ABI table, TDX Connect (module 2.0): TDH.IQ.INV.*: the trusted invalidation queue.
//!
//! Registers read and written: the handlers under `src/vmm_dispatcher/api_calls/tdxio/` and
//! `src/td_dispatcher/vm_exits/tdxio/` of intel/tdx-module, read in the index's stored versions
//! (each entry names its commit), with the leaf numbers and dispatcher registers of 2.0.18
//! (intel/tdx-module@e69a4391); checked by `tests/module_abi.rs` against
//! `tests/data/module-abi.json`. No entry is `SafeLeaf`.

use crate::IommuId;

crate::abi_table! {
    list LEAVES;

    /// TDH.IQ.INV.REQUEST (leaf 161): queue an invalidation request and its wait descriptor on the
    /// IOMMU's trusted invalidation queue. In: RCX = the IOMMU ID; RDX = the invalidation request
    /// type (`inv_req_type_t`: RTE, CTE, PDE, PASIDTE, IOTLB or TD, and the pool size for TD); R8 =
    /// the subject: the TDR HPA (IOTLB, TD) or the RID/PASID (the DMAR levels); R9 = wait
    /// descriptor quadword 0; R10 = wait descriptor quadword 1 (its status address: a shared HPA,
    /// 4-byte aligned); R11 = wait descriptor quadword 2; R12 = wait descriptor quadword 3. Returns
    /// RCX = for a TD request, the TD invalidations still to queue (0 otherwise: the handler clears
    /// RCX first). First module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_iq_inv_request.c` (the index's stored version, 2.0
    /// line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhIqInvRequest = 161, version 0, "TDH.IQ.INV.REQUEST" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64, r12: u64 }
        out { rcx: u64 }
    }

    /// TDH.IQ.INV.PROCESS (leaf 162): process the completed entries of the IOMMU's invalidation
    /// queue. In: RCX = the IOMMU ID. Returns no output register. First module version: 2.0.18 (the
    /// handler files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not
    /// read). Source: intel/tdx-module@1666adc4
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_iq_inv_process.c` (the index's stored version, 2.0
    /// line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhIqInvProcess = 162, version 0, "TDH.IQ.INV.PROCESS" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId }
        out {}
    }
}
