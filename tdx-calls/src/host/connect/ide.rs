//! IDE streams (TDH.IDE.STREAM.*): module 2.0's TDX Connect leaves (first module version 2.0.18).
//!
//! Registers: the ABI table ([`tdx_core::abi`], `table/connect/`), read in intel/tdx-module's
//! `src/vmm_dispatcher/api_calls/tdxio/` handlers; every wrapper is an `unsafe fn` (see the
//! module docs of [`crate::host`]).

use tdx_core::{
    Guest, Hpa, IdeKmObject, IdeKmParam, IommuId, Page, StreamId, TdxError, TdxStatus, abi,
    seamcall,
};

/// TDH.IDE.STREAM.CREATE (SEAMCALL leaf 132): create and configure an IDE stream of a root port,
/// with its extended-info page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 132 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | – |
/// | RDX | `spdm_id`: the SPDM session ID (bound; a plain index: `u64`) | – |
/// | R8 | `stream_cfg`: the stream configuration (`ide_stream_cfg_reg_t`; not typed yet: `u64`) | – |
/// | R9 | `stream_ctrl`: the IDE stream control register (`ide_stream_ctrl_reg_t`, a PCIe register image; not typed yet: `u64`) | – |
/// | R10 | `rid_assoc1`: RID association register 1 | – |
/// | R11 | `rid_assoc2`: RID association register 2 | – |
/// | R12 | `addr_assoc1`: address association register 1 | – |
/// | R13 | `addr_assoc2`: address association register 2 | – |
/// | R14 | `addr_assoc3`: address association register 3 | – |
/// | R15 | `exinfo`: the stream's extended-info page (4 KiB, HKID 0, becomes PT_IOMMU_MT) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX, R15), the stream-configuration statuses of R8–R14
/// (`verify_stream_config_reg_and_map_rp_cfg`, `verify_rid_assoc_regs`, `verify_addr_assoc_regs`,
/// `verify_no_stream_overlaps`), the SPDM and IOMMU checks, and the PAMT statuses for R15;
/// `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect).
/// Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_create.c` (the index's stored version, 2.0
/// line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `exinfo` is a free page of TDX-usable memory the module takes over until TDH.IDE.STREAM.DELETE;
/// the call programs the root port's IDE registers. See the module docs.
// Ten registers of stream configuration; a typed configuration operand is not built yet.
#[allow(clippy::too_many_arguments)]
#[seamcall(leaf = abi::TdhIdeStreamCreate, in(rcx = iommu, rdx = spdm_id, r8 = stream_cfg, r9 = stream_ctrl, r10 = rid_assoc1, r11 = rid_assoc2, r12 = addr_assoc1, r13 = addr_assoc2, r14 = addr_assoc3, r15 = exinfo))]
pub unsafe fn tdh_ide_stream_create(
    iommu: IommuId,
    spdm_id: u64,
    stream_cfg: u64,
    stream_ctrl: u64,
    rid_assoc1: u64,
    rid_assoc2: u64,
    addr_assoc1: u64,
    addr_assoc2: u64,
    addr_assoc3: u64,
    exinfo: Page<Guest>,
) -> Result<TdxStatus, TdxError>;

/// TDH.IDE.STREAM.BLOCK (SEAMCALL leaf 133): disable an IDE stream and mark it blocked.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 133 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | – |
/// | RDX | `stream_id`: the stream ID ([`StreamId`]: `stream_id_reg_t`) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX), `TDX_IDE_STREAM_NOT_CONFIGURED`,
/// `TDX_IDE_STREAM_BLOCKED`, `TDX_IDE_STREAM_NOT_SUPPORTED`, the IOMMU checks (RCX);
/// `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect).
/// Registers read from intel/tdx-module@a56a9173
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_block.c` (the index's stored version, 2.0
/// line 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// The stream stops carrying traffic: every device interface on it loses its link. See the module
/// docs.
#[seamcall(leaf = abi::TdhIdeStreamBlock, in(rcx = iommu, rdx = stream_id))]
pub unsafe fn tdh_ide_stream_block(
    iommu: IommuId,
    stream_id: StreamId,
) -> Result<TdxStatus, TdxError>;

/// TDH.IDE.STREAM.DELETE (SEAMCALL leaf 134): delete a blocked IDE stream and return its
/// extended-info page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 134 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | `exinfo`: the HPA of the stream's extended-info page, the host's again |
/// | RDX | `stream_id`: the stream ID ([`StreamId`], blocked) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX), `TDX_IDE_STREAM_NOT_CONFIGURED`,
/// `TDX_IDE_STREAM_NOT_BLOCKED`, `TDX_IDE_STREAM_HAS_DEVICE_INTERFACES`, the SPDM, PAMT and IOMMU
/// checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX
/// Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_delete.c` (the index's stored version, 2.0
/// line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// The returned page must be cleared before the host reuses it. See the module docs.
#[seamcall(leaf = abi::TdhIdeStreamDelete, in(rcx = iommu, rdx = stream_id), out(rcx = exinfo: u64))]
pub unsafe fn tdh_ide_stream_delete(
    iommu: IommuId,
    stream_id: StreamId,
) -> Result<IdeStreamDelete, TdxError>;

/// TDH.IDE.STREAM.IDEKMREQ (SEAMCALL leaf 135): generate an encrypted IDE_KM request message for
/// the device (key programming, key-set go/stop).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 135 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | – |
/// | RDX | `stream_id`: the stream ID ([`StreamId`]) | – |
/// | R8 | `object_id`: the IDE_KM object ([`IdeKmObject`]: KEY_PROG, K_SET_GO, K_SET_STOP) | – |
/// | R9 | `km_param`: the IDE_KM parameters ([`IdeKmParam`]: `ide_km_param_reg_t`: direction, key set, sub-stream) | – |
/// | R10 | `slot_id`: the key slot (KEY_PROG only, else 0; a plain index: `u64`) | – |
/// | R11 | `message`: shared HPA (4 KiB aligned) of the page the request message is written to | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX, R8–R11), `TDX_IDE_STREAM_NOT_CONFIGURED`,
/// `TDX_IDE_STREAM_BLOCKED`, `TDX_IDE_STREAM_IDEKM_OUTREQ`, `TDX_IDE_STREAM_HAS_DEVICE_INTERFACES`,
/// `TDX_IDE_STREAM_IDEKM_KEYS_NOT_READY`, `TDX_RND_NO_ENTROPY` (KEY_PROG), the SPDM and IOMMU
/// checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX
/// Connect). Registers read from intel/tdx-module@1666adc4
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_idekmreq.c` (the index's stored version, 2.0
/// line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `message` is the shared HPA of a 4 KiB page the module may write for the duration of the call.
/// See the module docs.
#[seamcall(leaf = abi::TdhIdeStreamIdekmreq, in(rcx = iommu, rdx = stream_id, r8 = object_id, r9 = km_param, r10 = slot_id, r11 = message))]
pub unsafe fn tdh_ide_stream_idekmreq(
    iommu: IommuId,
    stream_id: StreamId,
    object_id: IdeKmObject,
    km_param: IdeKmParam,
    slot_id: u64,
    message: Hpa,
) -> Result<TdxStatus, TdxError>;

/// TDH.IDE.STREAM.IDEKMRSP (SEAMCALL leaf 136): hand the module the device's IDE_KM response:
/// decrypt, check and apply it.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 136 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | `payload`: the first 8 bytes of the decrypted response payload (from its protocol ID; opaque bytes: `u64`) |
/// | RDX | `stream_id`: the stream ID ([`StreamId`]) | – |
/// | R8 | `message`: shared HPA (4 KiB aligned) of the device's encrypted IDE_KM response | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX, R8), `TDX_IDE_STREAM_NOT_CONFIGURED`,
/// `TDX_IDE_STREAM_BLOCKED`, `TDX_IDE_STREAM_IDEKM_INVALID_RESPONSE`,
/// `TDX_IDE_STREAM_IDEKM_KEYS_NOT_READY`, `TDX_IDE_STREAM_NOT_SUPPORTED`, the decryption statuses
/// (R8), the SPDM and IOMMU checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module
/// version: 2.0.18 (TDX Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_idekmrsp.c` (the index's stored version, 2.0
/// line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `message` is the shared HPA of a readable 4 KiB page, valid for the call. See the module docs.
#[seamcall(leaf = abi::TdhIdeStreamIdekmrsp, in(rcx = iommu, rdx = stream_id, r8 = message), out(rcx = payload: u64))]
pub unsafe fn tdh_ide_stream_idekmrsp(
    iommu: IommuId,
    stream_id: StreamId,
    message: Hpa,
) -> Result<IdeStreamIdekmrsp, TdxError>;
