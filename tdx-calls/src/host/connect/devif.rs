//! Device interfaces and the DEVIFMT (TDH.DEVIF.*): module 2.0's TDX Connect leaves (first module version 2.0.18).
//!
//! Registers: the ABI table ([`tdx_core::abi`], `table/connect/`), read in intel/tdx-module's
//! `src/vmm_dispatcher/api_calls/tdxio/` handlers; every wrapper is an `unsafe fn` (see the
//! module docs of [`crate::host`]).

use tdx_core::{
    DevifId, DevifReqIn, DevifReqOut, DevifRspIn, DevifRspOut, DevifmtIdx, FunctionId, Guest, Hpa,
    Page, Tdr, TdxError, TdxStatus, abi, seamcall,
};

/// TDH.DEVIF.CREATE (SEAMCALL leaf 137): create a device interface (TDI) for a TD, with its DEVIFCS
/// and TDISP message buffer pages.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 137 | status |
/// | RCX | `devif_id`: the device-interface ID ([`DevifId`]: `devif_id_t`: function ID, IOMMU ID, stream ID, type) | – |
/// | RDX | `tdr`: the owner TD's TDR | – |
/// | R8 | `devifcs`: the DEVIFCS root page (4 KiB, becomes PT_DEVIFCS_R) | – |
/// | R9 | `td_buffer`: the TD's TDISP message buffer page (becomes PT_DEVIFCS_NR) | – |
/// | R10 | `vmm_buffer`: the VMM's TDISP message buffer page (becomes PT_DEVIFCS_NR) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), `TDX_DEVIFMT_ALREADY_PRESENT`,
/// `TDX_IDE_STREAM_INVALID_STATE`, `TDX_OP_STATE_INCORRECT`, the TDR, PAMT (R8–R10), SPDM and IOMMU
/// checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX
/// Connect). Registers read from intel/tdx-module@1666adc4
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_create.c` (the index's stored version, 2.0 line
/// 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `devifcs`, `td_buffer` and `vmm_buffer` are free pages of TDX-usable memory: the module zeroes
/// them and the TD owns them until TDH.DEVIF.REMOVE; `tdr` is a TD created by TDH.MNG.CREATE. See
/// the module docs.
#[seamcall(leaf = abi::TdhDevifCreate, in(rcx = devif_id, rdx = tdr, r8 = devifcs, r9 = td_buffer, r10 = vmm_buffer))]
pub unsafe fn tdh_devif_create(
    devif_id: DevifId,
    tdr: Page<Tdr>,
    devifcs: Page<Guest>,
    td_buffer: Page<Guest>,
    vmm_buffer: Page<Guest>,
) -> Result<TdxStatus, TdxError>;

/// TDH.DEVIF.REMOVE (SEAMCALL leaf 138): remove a device interface; returns its TDISP buffer pages
/// and the owner TDR.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 138 | status |
/// | RCX | `function_id`: the interface's function ID ([`FunctionId`]: `function_id_reg_t`) | `td_buffer`: the HPA of the TD's TDISP buffer page |
/// | RDX | – | `vmm_buffer`: the HPA of the VMM's TDISP buffer page |
/// | R8 | – | `tdr`: the HPA of the owner TD's TDR |
///
/// Statuses: `TDX_DEVIF_INVALID_STATE`, `TDX_DEVIF_HAS_MAPPED_DMA`, `TDX_DEVIF_HAS_MAPPED_MMIO`,
/// the DEVIFMT, TDR, PAMT and IOMMU checks (RCX); `TDX_RND_NO_ENTROPY` after 10 attempts
/// (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_remove.c` (the index's
/// stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// The returned pages (and the DEVIFCS root page, which the module frees without returning its
/// address) must be cleared before the host reuses them. See the module docs.
#[seamcall(leaf = abi::TdhDevifRemove, in(rcx = function_id), out(rcx = td_buffer: u64, rdx = vmm_buffer: u64, r8 = tdr: u64))]
pub unsafe fn tdh_devif_remove(function_id: FunctionId) -> Result<DevifRemove, TdxError>;

/// TDH.DEVIF.REQUEST (SEAMCALL leaf 139): generate the encrypted TDISP request message for a device
/// interface.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 139 | status |
/// | RCX | `function_id`: the interface's function ID ([`FunctionId`]) | `request_out`: [`DevifReqOut`] (`devif_req_out_t`): the message code and the target length |
/// | RDX | `request`: the request ([`DevifReqIn`]: `devif_req_in_t`: request code, TD flag, no-FW-update) | – |
/// | R8 | `out_page`: shared HPA (4 KiB aligned) of the page the encrypted TDISP request is written to | – |
/// | R9 | 0 (reserved, must be 0) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX, R8, R9), `TDX_DEVIF_TDISP_ERROR_STATE`,
/// `TDX_DEVIF_TDISP_OUT_REQ`, `TDX_DEVIF_TDISP_INVALID_REQ_STS`, the DEVIFMT checks (RCX);
/// `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect).
/// Registers read from intel/tdx-module@a56a9173
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_request.c` (the index's stored version, 2.0 line
/// 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `out_page` is the shared HPA of a 4 KiB page the module may write for the duration of the call.
/// See the module docs.
#[seamcall(leaf = abi::TdhDevifRequest, in(rcx = function_id, rdx = request, r8 = out_page), out(rcx = request_out: DevifReqOut))]
pub unsafe fn tdh_devif_request(
    function_id: FunctionId,
    request: DevifReqIn,
    out_page: Hpa,
) -> Result<DevifRequest, TdxError>;

/// TDH.DEVIF.RESPONSE (SEAMCALL leaf 140): hand the module a device interface's encrypted TDISP
/// response, for the VMM or for the TD.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 140 | status |
/// | RCX | `function_id`: the interface's function ID ([`FunctionId`]) | `response_out`: [`DevifRspOut`] (`devif_rsp_out_t`): the response code and the output length |
/// | RDX | `response`: [`DevifRspIn`] (`devif_rsp_in_t`): the 4 KiB page number of the shared page holding the device's encrypted response, and the TD flag | – |
/// | R8 | `out_page`: 0, or shared HPA (4 KiB aligned) the decrypted VMM response is copied to (0 when the TD flag is set) | – |
/// | R9 | 0 (reserved, must be 0) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX, R8, R9), `TDX_DEVIF_TDISP_OUT_REQ`,
/// `TDX_DEVIF_TDISP_INVALID_REQ_STS`, `TDX_DEVIF_TDISP_INVALID_MESSAGE`, the decryption statuses
/// (RDX), the DEVIFMT and SPDM checks; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First
/// module version: 2.0.18 (TDX Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_response.c` (the index's stored version, 2.0 line
/// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// The page named in `response` is readable and, if non-zero, `out_page` is a writable shared 4 KiB
/// page, both for the call. See the module docs.
#[seamcall(leaf = abi::TdhDevifResponse, in(rcx = function_id, rdx = response, r8 = out_page), out(rcx = response_out: DevifRspOut))]
pub unsafe fn tdh_devif_response(
    function_id: FunctionId,
    response: DevifRspIn,
    out_page: u64,
) -> Result<DevifResponse, TdxError>;

/// TDH.DEVIF.MT.ADD (SEAMCALL leaf 164): add a page to the device-interface metadata table
/// (DEVIFMT).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 164 | status |
/// | RCX | `index`: the DEVIFMT index ([`DevifmtIdx`]: `devifmt_idx_t`: function ID and level) | – |
/// | RDX | `page`: the new DEVIFMT page (4 KiB, becomes PT_DEVIF_MT) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), `TDX_DEVIFMT_ALREADY_PRESENT`, the DEVIFMT walk statuses
/// (RCX), the PAMT statuses for RDX; `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL). First
/// module version: 2.0.18 (TDX Connect). Registers read from intel/tdx-module@1666adc4
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_mt_add.c` (the index's stored version, 2.0 line
/// 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `page` is a free page of TDX-usable memory the module zeroes and owns until TDH.DEVIF.MT.REMOVE.
/// See the module docs.
#[seamcall(leaf = abi::TdhDevifMtAdd, in(rcx = index, rdx = page))]
pub unsafe fn tdh_devif_mt_add(index: DevifmtIdx, page: Page<Guest>)
-> Result<TdxStatus, TdxError>;

/// TDH.DEVIF.MT.REMOVE (SEAMCALL leaf 165): remove an empty DEVIFMT page and return it.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 165 | status |
/// | RCX | `index`: the DEVIFMT index ([`DevifmtIdx`]) of the entry that points at the page | `page`: the HPA of the removed DEVIFMT page |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), `TDX_DEVIFMT_NOT_PRESENT`, `TDX_DEVIF_INVALID_METADATA`,
/// the DEVIFMT walk and PAMT statuses (RCX); `TDX_RND_NO_ENTROPY` after 10 attempts (SEAMCALL).
/// First module version: 2.0.18 (TDX Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_mt_remove.c` (the index's stored version, 2.0 line
/// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// The returned page must be cleared before the host reuses it. See the module docs.
#[seamcall(leaf = abi::TdhDevifMtRemove, in(rcx = index), out(rcx = page: u64))]
pub unsafe fn tdh_devif_mt_remove(index: DevifmtIdx) -> Result<DevifMtRemove, TdxError>;

/// TDH.DEVIF.MT.RD (SEAMCALL leaf 166): read a DEVIFMT entry.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 166 | status |
/// | RCX | `index`: the DEVIFMT index ([`DevifmtIdx`]) | `entry`: the DEVIFMT entry (`devifmt_entry_t`; not decoded yet: `u64`) |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX), the DEVIFMT walk statuses (RCX); `TDX_RND_NO_ENTROPY`
/// after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_mt_rd.c` (the index's
/// stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// None beyond the module docs (a read; `unsafe` because the operand is an untyped number). See the
/// module docs.
#[seamcall(leaf = abi::TdhDevifMtRd, in(rcx = index), out(rcx = entry: u64))]
pub unsafe fn tdh_devif_mt_rd(index: DevifmtIdx) -> Result<DevifMtRd, TdxError>;
