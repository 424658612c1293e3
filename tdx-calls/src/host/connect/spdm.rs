//! SPDM sessions (TDH.SPDM.*): module 2.0's TDX Connect leaves (first module version 2.0.18).
//!
//! Registers: the ABI table ([`tdx_core::abi`], `table/connect/`), read in intel/tdx-module's
//! `src/vmm_dispatcher/api_calls/tdxio/` handlers; every wrapper is an `unsafe fn` (see the
//! module docs of [`crate::host`]).

use tdx_core::{Guest, IommuId, Page, TdxError, TdxStatus, abi, seamcall};

/// TDH.SPDM.CREATE (SEAMCALL leaf 130): create an SPDM session entry of an IOMMU, with its SPDM
/// info page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 130 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | – |
/// | RDX | `spdm_id`: the SPDM session ID (< MAX_SPDM_SESSION_ID; the handler takes a plain `uint64_t`: `u64`) | – |
/// | R8 | `spdm_info`: the SPDM info page (4 KiB, HKID 0, becomes PT_IOMMU_MT) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX, R8), `TDX_OPERAND_BUSY` (RDX),
/// `TDX_SPDM_ENTRY_ALREADY_PRESENT`, the IOMMU checks of `tdh_check_and_lock_iommu_config` (RCX)
/// and the PAMT statuses for R8; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module
/// version: 2.0.18 (TDX Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_spdm_create.c` (the index's stored version, 2.0 line
/// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `spdm_info` is a free page of TDX-usable memory: the module zeroes it and owns it until
/// TDH.SPDM.DELETE returns it. See the module docs.
#[seamcall(leaf = abi::TdhSpdmCreate, in(rcx = iommu, rdx = spdm_id, r8 = spdm_info))]
pub unsafe fn tdh_spdm_create(
    iommu: IommuId,
    spdm_id: u64,
    spdm_info: Page<Guest>,
) -> Result<TdxStatus, TdxError>;

/// TDH.SPDM.DELETE (SEAMCALL leaf 131): delete an SPDM session entry and return its SPDM info page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 131 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | `spdm_info`: the HPA of the SPDM info page, the host's again |
/// | RDX | `spdm_id`: the SPDM session ID (a plain index: `u64`) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX), `TDX_OPERAND_BUSY` (RDX), `TDX_SPDM_ENTRY_NOT_PRESENT`,
/// `TDX_SPDM_HAS_ACTIVE_IDE_STREAMS`, the IOMMU checks (RCX); `TDX_RND_NO_ENTROPY` after 10
/// attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@a56a9173 `src/vmm_dispatcher/api_calls/tdxio/tdh_spdm_delete.c` (the index's
/// stored version, 2.0 line 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// The returned page must be cleared (MOVDIR64B) before the host reuses it, as for every page the
/// module gives back. See the module docs.
#[seamcall(leaf = abi::TdhSpdmDelete, in(rcx = iommu, rdx = spdm_id), out(rcx = spdm_info: u64))]
pub unsafe fn tdh_spdm_delete(iommu: IommuId, spdm_id: u64) -> Result<SpdmDelete, TdxError>;
