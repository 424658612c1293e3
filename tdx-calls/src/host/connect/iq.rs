//! The trusted invalidation queue (TDH.IQ.INV.*): module 2.0's TDX Connect leaves (first module version 2.0.18).
//!
//! Registers: the ABI table ([`tdx_core::abi`], `table/connect/`), read in intel/tdx-module's
//! `src/vmm_dispatcher/api_calls/tdxio/` handlers; every wrapper is an `unsafe fn` (see the
//! module docs of [`crate::host`]).

use tdx_core::{IommuId, TdxError, TdxStatus, abi, seamcall};

/// TDH.IQ.INV.REQUEST (SEAMCALL leaf 161): queue an invalidation request and its wait descriptor on
/// the IOMMU's trusted invalidation queue.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 161 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | `remaining`: for a TD request, the TD invalidations still to queue (0 otherwise: the handler clears RCX first) |
/// | RDX | `request_type`: the invalidation request type (`inv_req_type_t`: RTE, CTE, PDE, PASIDTE, IOTLB or TD, and the pool size for TD) | – |
/// | R8 | `subject`: the subject: the TDR HPA (IOTLB, TD) or the RID/PASID (the DMAR levels) | – |
/// | R9 | `wait_q0`: wait descriptor quadword 0 | – |
/// | R10 | `wait_q1`: wait descriptor quadword 1 (its status address: a shared HPA, 4-byte aligned) | – |
/// | R11 | `wait_q2`: wait descriptor quadword 2 | – |
/// | R12 | `wait_q3`: wait descriptor quadword 3 | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX, R8–R12), `TDX_IOMMU_IQ_QUEUE_FULL`,
/// `TDX_IOMMU_IOTLB_TRACKING_NOT_REQUIRED`, `TDX_IOMMU_IOTLB_TRACKING_NOT_DONE`,
/// `TDX_GUEST_INV_NOT_REQUIRED`, `TDX_DMAR_INVALID_MAPPING_STATE`, `TDX_DMAR_INVALID_INV_STATE`,
/// `TDX_OPERAND_BUSY`, the TDR, DMAR walk and IOMMU checks; `TDX_RND_NO_ENTROPY` after 10 attempts
/// (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_iq_inv_request.c` (the index's
/// stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// The wait descriptor's status address is shared memory the IOMMU writes when the invalidation
/// completes. See the module docs.
#[seamcall(leaf = abi::TdhIqInvRequest, in(rcx = iommu, rdx = request_type, r8 = subject, r9 = wait_q0, r10 = wait_q1, r11 = wait_q2, r12 = wait_q3), out(rcx = remaining: u64))]
pub unsafe fn tdh_iq_inv_request(
    iommu: IommuId,
    request_type: u64,
    subject: u64,
    wait_q0: u64,
    wait_q1: u64,
    wait_q2: u64,
    wait_q3: u64,
) -> Result<IqInvRequest, TdxError>;

/// TDH.IQ.INV.PROCESS (SEAMCALL leaf 162): process the completed entries of the IOMMU's
/// invalidation queue.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 162 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | – |
///
/// Statuses: `TDX_INTERRUPTED_RESUMABLE` (an interrupt is pending: call again), `TDX_OPERAND_BUSY`,
/// the TDR, OP-state and IOMMU checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First
/// module version: 2.0.18 (TDX Connect). Registers read from intel/tdx-module@1666adc4
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_iq_inv_process.c` (the index's stored version, 2.0 line
/// 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// A completed TD invalidation makes the module write the TD's wait status to its private memory.
/// See the module docs.
#[seamcall(leaf = abi::TdhIqInvProcess, in(rcx = iommu))]
pub unsafe fn tdh_iq_inv_process(iommu: IommuId) -> Result<TdxStatus, TdxError>;
