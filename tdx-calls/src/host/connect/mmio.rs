//! MMIO of device interfaces (TDH.MMIO.*): module 2.0's TDX Connect leaves (first module version 2.0.18).
//!
//! Registers: the ABI table ([`tdx_core::abi`], `table/connect/`), read in intel/tdx-module's
//! `src/vmm_dispatcher/api_calls/tdxio/` handlers; every wrapper is an `unsafe fn` (see the
//! module docs of [`crate::host`]).

use tdx_core::{
    Guest, Hpa, MmiomtIdx, MmiomtSetInfo, Page, SeptGpa, Tdr, TdxError, TdxStatus, abi, seamcall,
};

/// TDH.MMIO.MT.ADD (SEAMCALL leaf 154): add a page to the MMIO metadata table (MMIOMT).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 154 | status |
/// | RCX | `index`: the MMIOMT index ([`MmiomtIdx`]: `mmiomt_idx_t`: MMIO page and level) | – |
/// | RDX | `page`: the new MMIOMT page (4 KiB, becomes PT_MMIO_MT) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), `TDX_MMIO_INVALID_PAGE_METADATA`, the MMIOMT walk
/// statuses (RCX), the PAMT statuses for RDX; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL).
/// First module version: 2.0.18 (TDX Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_mt_add.c` (the index's stored version, 2.0 line
/// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `page` is a free page of TDX-usable memory the module zeroes and owns until TDH.MMIO.MT.REMOVE.
/// See the module docs.
#[seamcall(leaf = abi::TdhMmioMtAdd, in(rcx = index, rdx = page))]
pub unsafe fn tdh_mmio_mt_add(index: MmiomtIdx, page: Page<Guest>) -> Result<TdxStatus, TdxError>;

/// TDH.MMIO.MT.SET (SEAMCALL leaf 155): turn an MMIOMT entry into a data entry for a device
/// interface, or back into a node.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 155 | status |
/// | RCX | `index`: the MMIOMT index ([`MmiomtIdx`], level ≤ 2) | – |
/// | RDX | `info`: [`MmiomtSetInfo`] (`mmiomt_set_info_t`): the new entry type (QNODE or DATA) and, for DATA, the owning function ID | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX), `TDX_MMIO_INVALID_PAGE_METADATA`, the MMIOMT walk
/// and DEVIFMT checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version:
/// 2.0.18 (TDX Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_mt_set.c` (the index's stored version, 2.0 line
/// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// A data entry lets TDH.MMIO.MAP map that MMIO range into the interface's TD. See the module docs.
#[seamcall(leaf = abi::TdhMmioMtSet, in(rcx = index, rdx = info))]
pub unsafe fn tdh_mmio_mt_set(index: MmiomtIdx, info: MmiomtSetInfo)
-> Result<TdxStatus, TdxError>;

/// TDH.MMIO.MT.RD (SEAMCALL leaf 156): read an MMIOMT entry.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 156 | status |
/// | RCX | `index`: the MMIOMT index ([`MmiomtIdx`]) | `q0`: entry quadword 0 |
/// | RDX | – | `q1`: entry quadword 1 |
/// | R8 | – | `q2`: entry quadword 2 |
/// | R9 | – | `q3`: entry quadword 3 |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), the MMIOMT walk statuses (RCX); `TDX_RND_NO_ENTROPY`
/// after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_mt_rd.c` (the index's
/// stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// None beyond the module docs (a read; `unsafe` because the operand is an untyped number). See the
/// module docs.
#[seamcall(leaf = abi::TdhMmioMtRd, in(rcx = index), out(rcx = q0: u64, rdx = q1: u64, r8 = q2: u64, r9 = q3: u64))]
pub unsafe fn tdh_mmio_mt_rd(index: MmiomtIdx) -> Result<MmioMtRd, TdxError>;

/// TDH.MMIO.MT.REMOVE (SEAMCALL leaf 157): remove an empty MMIOMT page and return it.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 157 | status |
/// | RCX | `index`: the MMIOMT index ([`MmiomtIdx`]) of the node that points at the page | `page_number`: the removed page's 4 KiB page **number** (`page_4k_num`, HKID bits removed: HPA >> 12), not its HPA |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), `TDX_MMIO_INVALID_PAGE_METADATA`, the MMIOMT walk and
/// PAMT statuses (RCX); `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version:
/// 2.0.18 (TDX Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_mt_remove.c` (the index's stored version, 2.0 line
/// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// The returned page must be cleared before the host reuses it. See the module docs.
#[seamcall(leaf = abi::TdhMmioMtRemove, in(rcx = index), out(rcx = page_number: u64))]
pub unsafe fn tdh_mmio_mt_remove(index: MmiomtIdx) -> Result<MmioMtRemove, TdxError>;

/// TDH.MMIO.MAP (SEAMCALL leaf 158): map a device interface's MMIO range into a TD's Secure EPT
/// (MMIO_PENDING until the TD accepts it). RCX and RDX are 0 on success; on a Secure-EPT error they
/// hold the entry and its level.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 158 | status |
/// | RCX | `gpa`: the private GPA and level (4 KiB to 1 GiB) to map | – |
/// | RDX | `tdr`: the TD's TDR | – |
/// | R8 | `mmio`: the MMIO HPA (HKID 0, aligned to the level; an MMIOMT data entry of the TD's interface) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, R8), `TDX_EPT_WALK_FAILED`,
/// `TDX_EPT_ENTRY_STATE_INCORRECT`, `TDX_MMIO_INVALID_PAGE_METADATA`,
/// `TDX_MMIO_DEVIF_OWNER_MISMATCH`, `TDX_IDE_STREAM_BLOCKED`, `TDX_OPERAND_BUSY`, the TDR, OP-state
/// and IOMMU checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version:
/// 2.0.18 (TDX Connect). Registers read from intel/tdx-module@1666adc4
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_map.c` (the index's stored version, 2.0 line
/// 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `mmio` is MMIO of the TD's own device interface; the TD gains access to it once it accepts the
/// mapping (TDG.TDI.MMIO.ACCEPT). See the module docs.
#[seamcall(leaf = abi::TdhMmioMap, in(rcx = gpa, rdx = tdr, r8 = mmio))]
pub unsafe fn tdh_mmio_map(gpa: SeptGpa, tdr: Page<Tdr>, mmio: Hpa) -> Result<TdxStatus, TdxError>;

/// TDH.MMIO.BLOCK (SEAMCALL leaf 159): block an MMIO mapping of a TD (no access until it is
/// unmapped). RCX and RDX are 0 on success; on a Secure-EPT error they hold the entry and its
/// level.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 159 | status |
/// | RCX | `gpa`: the GPA and level of the MMIO mapping | – |
/// | RDX | `tdr`: the TD's TDR | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), `TDX_EPT_WALK_FAILED`, `TDX_EPT_ENTRY_STATE_INCORRECT`,
/// `TDX_OPERAND_BUSY`, the TDR and OP-state checks; `TDX_RND_NO_ENTROPY` after 10 attempts
/// (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@1666adc4 `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_block.c` (the index's
/// stored version, 2.0 line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// The TD loses access to that MMIO range after the next TLB tracking (TDH.MEM.TRACK). See the
/// module docs.
#[seamcall(leaf = abi::TdhMmioBlock, in(rcx = gpa, rdx = tdr))]
pub unsafe fn tdh_mmio_block(gpa: SeptGpa, tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

/// TDH.MMIO.UNMAP (SEAMCALL leaf 160): remove a blocked and tracked MMIO mapping from a TD. RCX and
/// RDX are 0 on success; on a Secure-EPT error they hold the entry and its level.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 160 | status |
/// | RCX | `gpa`: the GPA and level of the (blocked) MMIO mapping | – |
/// | RDX | `tdr`: the TD's TDR | – |
/// | R8 | – | `mmio`: the unmapped MMIO HPA (HKID bits removed) |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), `TDX_EPT_WALK_FAILED`, `TDX_EPT_ENTRY_STATE_INCORRECT`,
/// `TDX_GPA_RANGE_NOT_BLOCKED`, the TLB/IOTLB tracking statuses, `TDX_DEVIF_TDISP_INVALID_STATE`,
/// `TDX_OPERAND_BUSY`, the TDR and OP-state checks; `TDX_RND_NO_ENTROPY` after 10 attempts
/// (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@1666adc4 `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_unmap.c` (the index's
/// stored version, 2.0 line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// The range was blocked with TDH.MMIO.BLOCK and tracked with TDH.MEM.TRACK, as the module checks.
/// See the module docs.
#[seamcall(leaf = abi::TdhMmioUnmap, in(rcx = gpa, rdx = tdr), out(r8 = mmio: u64))]
pub unsafe fn tdh_mmio_unmap(gpa: SeptGpa, tdr: Page<Tdr>) -> Result<MmioUnmap, TdxError>;
