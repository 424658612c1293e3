//! The IOMMU (TDH.IOMMU.*): module 2.0's TDX Connect leaves (first module version 2.0.18).
//!
//! Registers: the ABI table ([`tdx_core::abi`], `table/connect/`), read in intel/tdx-module's
//! `src/vmm_dispatcher/api_calls/tdxio/` handlers; every wrapper is an `unsafe fn` (see the
//! module docs of [`crate::host`]).

use tdx_core::{IommuId, IommuRegId, TdxError, TdxStatus, abi, seamcall};

/// TDH.IOMMU.SETREG (SEAMCALL leaf 128): set an IOMMU register or hand the module one of the
/// IOMMU's metadata pages.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 128 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]: `iommu_id_reg_t`) | – |
/// | RDX | `reg_id`: the register ID ([`IommuRegId`]: `iommu_register_id_e`: T_IQPAGE, IQCTXPAGE, T_RTPAGE, STINFOPA_0/1, SPDMDIRPA, CONFIG_IOMMU, CONFIG_RP, GCMD_REG, CLEAR_IOMMU, CLEAR_RP) | – |
/// | R8 | `value`: the value: for the page registers the HPA of a free 4 KiB page the module takes over (PT_IOMMU_MT), else the register's value (its meaning depends on RDX: `u64`) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX, R8), `TDX_IOMMU_INVALID_STATE`, `TDX_OPERAND_BUSY`
/// (the IOMMU configuration lock) and the PAMT statuses of `check_and_lock_explicit_4k_private_hpa`
/// for R8; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX
/// Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_iommu_setreg.c` (the index's stored version, 2.0 line
/// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// For the page registers, `value` is the HPA of a 4 KiB page of TDX-usable memory the host no
/// longer uses: the module zeroes it and owns it until the IOMMU is cleared; for
/// CONFIG_*/GCMD_REG/CLEAR_*, the value reprograms the IOMMU. See the module docs.
#[seamcall(leaf = abi::TdhIommuSetreg, in(rcx = iommu, rdx = reg_id, r8 = value))]
pub unsafe fn tdh_iommu_setreg(
    iommu: IommuId,
    reg_id: IommuRegId,
    value: u64,
) -> Result<TdxStatus, TdxError>;

/// TDH.IOMMU.GETREG (SEAMCALL leaf 129): read an IOMMU register the module keeps (state, metadata
/// page addresses) or look up an IOMMU ID by its VTBAR.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 129 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId::raw`]), or the VTBAR HPA when RDX is IOMMU_ID (two meanings chosen by RDX: `u64`) | – |
/// | RDX | `reg_id`: the register ID ([`IommuRegId`]) | – |
/// | R8 | – | `value`: the register's value (0 on error: the handler clears R8 first) |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX), `TDX_IOMMU_INVALID_STATE`; `TDX_RND_NO_ENTROPY`
/// after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@92f6945d `src/vmm_dispatcher/api_calls/tdxio/tdh_iommu_getreg.c` (the index's
/// stored version, 2.0 line 2.0.04; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// None beyond the module docs: the leaf only reads module state (it is `unsafe` because the table
/// does not mark it `SafeLeaf`). See the module docs.
#[seamcall(leaf = abi::TdhIommuGetreg, in(rcx = iommu, rdx = reg_id), out(r8 = value: u64))]
pub unsafe fn tdh_iommu_getreg(iommu: u64, reg_id: IommuRegId) -> Result<IommuGetreg, TdxError>;
