//! DMA remapping (TDH.DMAR.*): module 2.0's TDX Connect leaves (first module version 2.0.18).
//!
//! Registers: the ABI table ([`tdx_core::abi`], `table/connect/`), read in intel/tdx-module's
//! `src/vmm_dispatcher/api_calls/tdxio/` handlers; every wrapper is an `unsafe fn` (see the
//! module docs of [`crate::host`]).

use tdx_core::{DmarIdx, DmarStateInfo, TdxError, TdxStatus, abi, seamcall};

/// TDH.DMAR.ADD (SEAMCALL leaf 150): add a DMA-remapping table entry (root, context, PASID
/// directory or PASID table entry).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 150 | status |
/// | RCX | `index`: the DMAR index ([`DmarIdx`]: `dmar_idx_t`: IOMMU ID, RID, PASID, level) | – |
/// | RDX | `val1`: DMAR entry quadword 0 (those past the level's entry size must be 0; the VT-d entry formats are not typed here: `u64`) | – |
/// | R8 | `val2`: DMAR entry quadword 1 (those past the level's entry size must be 0) | – |
/// | R9 | `val3`: DMAR entry quadword 2 (those past the level's entry size must be 0) | – |
/// | R10 | `val4`: DMAR entry quadword 3 (those past the level's entry size must be 0) | – |
/// | R11 | `val5`: DMAR entry quadword 4 (those past the level's entry size must be 0) | – |
/// | R12 | `val6`: DMAR entry quadword 5 (those past the level's entry size must be 0) | – |
/// | R13 | `val7`: DMAR entry quadword 6 (those past the level's entry size must be 0) | – |
/// | R14 | `val8`: DMAR entry quadword 7 (those past the level's entry size must be 0) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX, R8–R14), `TDX_DMAR_INVALID_MAPPING_STATE`, the DMAR
/// walk statuses (RCX), the IOMMU checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First
/// module version: 2.0.18 (TDX Connect). Registers read from intel/tdx-module@1666adc4
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_dmar_add.c` (the index's stored version, 2.0 line
/// 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// The entry's table pointers name free pages of TDX-usable memory the module takes over
/// (PT_IOMMU_MT), as `dmar_rte_add`/`dmar_cte_add`/`dmar_pde_add` check. See the module docs.
// The module takes the entry as eight raw quadwords; a typed `DmarEntry` operand is not built yet.
#[allow(clippy::too_many_arguments)]
#[seamcall(leaf = abi::TdhDmarAdd, in(rcx = index, rdx = val1, r8 = val2, r9 = val3, r10 = val4, r11 = val5, r12 = val6, r13 = val7, r14 = val8))]
pub unsafe fn tdh_dmar_add(
    index: DmarIdx,
    val1: u64,
    val2: u64,
    val3: u64,
    val4: u64,
    val5: u64,
    val6: u64,
    val7: u64,
    val8: u64,
) -> Result<TdxStatus, TdxError>;

/// TDH.DMAR.BLOCK (SEAMCALL leaf 151): block a DMAR entry (its invalidation becomes pending).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 151 | status |
/// | RCX | `index`: the DMAR index ([`DmarIdx`]) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), `TDX_DMAR_INVALID_MAPPING_STATE`, the DMAR walk, DEVIFMT
/// and IOMMU checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version:
/// 2.0.18 (TDX Connect). Registers read from intel/tdx-module@a56a9173
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_dmar_block.c` (the index's stored version, 2.0 line
/// 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// DMA through the entry stops once the invalidation (TDH.IQ.INV.REQUEST/PROCESS) completes. See
/// the module docs.
#[seamcall(leaf = abi::TdhDmarBlock, in(rcx = index))]
pub unsafe fn tdh_dmar_block(index: DmarIdx) -> Result<TdxStatus, TdxError>;

/// TDH.DMAR.READ (SEAMCALL leaf 152): read a DMAR entry and its state; only the quadwords of the
/// entry's level are written (root and PASID directory entries: R8 only; context entries: R8–R11;
/// PASID table entries: R8–R15), the others come back as the wrapper left them.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 152 | status |
/// | RCX | `index`: the DMAR index ([`DmarIdx`]) | – |
/// | RDX | – | `state`: the entry's state ([`DmarStateInfo`]: `dmar_state_info_t`) |
/// | R8 | – | `q0`: entry quadword 0 |
/// | R9 | – | `q1`: quadword 1 (context and PASID table entries) |
/// | R10 | – | `q2`: quadword 2 (context and PASID table entries) |
/// | R11 | – | `q3`: quadword 3 (context and PASID table entries) |
/// | R12 | – | `q4`: quadword 4 (PASID table entry) |
/// | R13 | – | `q5`: quadword 5 (PASID table entry) |
/// | R14 | – | `q6`: quadword 6 (PASID table entry) |
/// | R15 | – | `q7`: quadword 7 (PASID table entry) |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), the DMAR walk and IOMMU checks; `TDX_RND_NO_ENTROPY`
/// after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@a56a9173 `src/vmm_dispatcher/api_calls/tdxio/tdh_dmar_read.c` (the index's
/// stored version, 2.0 line 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers). `dmar_arc_read` in `src/common/tdxio/dmar.c` (stored version) writes RDX and
/// R8–R15.
///
/// # Safety
///
/// None beyond the module docs (a read; `unsafe` because the operand is an untyped number). See the
/// module docs.
#[seamcall(leaf = abi::TdhDmarRead, in(rcx = index), out(rdx = state: DmarStateInfo, r8 = q0: u64, r9 = q1: u64, r10 = q2: u64, r11 = q3: u64, r12 = q4: u64, r13 = q5: u64, r14 = q6: u64, r15 = q7: u64))]
pub unsafe fn tdh_dmar_read(index: DmarIdx) -> Result<DmarRead, TdxError>;

/// TDH.DMAR.REMOVE (SEAMCALL leaf 153): remove a blocked DMAR entry and return the table page it
/// pointed to.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 153 | status |
/// | RCX | `index`: the DMAR index ([`DmarIdx`]; blocked, invalidation done) | `page`: the HPA of the freed table page (root, context and PASID directory entries; not written for a PASID table entry) |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), `TDX_DMAR_INVALID_MAPPING_STATE`,
/// `TDX_DMAR_INVALID_INV_STATE`, `TDX_IOMMU_IOTLB_TRACKING_NOT_DONE`, `TDX_INTERRUPTED_RESUMABLE`
/// (context entries: call again), the DMAR walk, TDR and IOMMU checks; `TDX_RND_NO_ENTROPY` after
/// 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_dmar_remove.c` (the index's
/// stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers). the removed page is written by
/// `dmar_rte_remove`/`dmar_cte_remove`/`dmar_pde_remove` in `src/common/tdxio/dmar.c` (stored
/// version).
///
/// # Safety
///
/// The returned page must be cleared before the host reuses it. See the module docs.
#[seamcall(leaf = abi::TdhDmarRemove, in(rcx = index), out(rcx = page: u64))]
pub unsafe fn tdh_dmar_remove(index: DmarIdx) -> Result<DmarRemove, TdxError>;
