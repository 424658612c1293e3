//! TDX Connect, guest side (TDG.SPDM, TDG.DEVIF, TDG.DMAR, TDG.TDI, TDG.IQ): module 2.0's
//! TDCALL leaves (first module version 2.0.18), read in intel/tdx-module's
//! `src/td_dispatcher/vm_exits/tdxio/` handlers. Every wrapper is an `unsafe fn`.

use tdx_core::{
    AcceptGpa, DevifField, DevifReqIn, DevifRspOut, DmarTarget, FunctionId, Gpa, IommuId, TdxError,
    TdxStatus, abi, tdcall,
};

/// TDG.SPDM.TPA.SET (TDCALL leaf 64): bind an SPDM session to this TD (the TPA) with the given
/// binding info.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 64 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | – |
/// | RDX | `spdm_id`: the SPDM session ID (a plain index: `u64`) | – |
/// | R8 | `binding_info`: GPA of the TPA binding info the module copies in (read) | – |
///
/// Statuses: the checks of `tdg_spdm_binding_prologue` (IOMMU, SPDM ID, session not bound, the
/// binding-info GPA); `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 2.0.18 (TDX
/// Connect). Registers read from intel/tdx-module@1666adc4
/// `src/td_dispatcher/vm_exits/tdxio/tdg_spdm_tpa_set.c` (the index's stored version, 2.0 line
/// 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `binding_info` is a private GPA of this TD holding the binding info, readable for the call. See
/// the module docs.
#[tdcall(leaf = abi::TdgSpdmTpaSet, in(rcx = iommu, rdx = spdm_id, r8 = binding_info))]
pub unsafe fn tdg_spdm_tpa_set(
    iommu: IommuId,
    spdm_id: u64,
    binding_info: Gpa,
) -> Result<TdxStatus, TdxError>;

/// TDG.SPDM.TPA.GET (TDCALL leaf 65): read back (and release) the binding info of a bound SPDM
/// session.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 65 | status |
/// | RCX | `iommu`: the IOMMU ID ([`IommuId`]) | – |
/// | RDX | `spdm_id`: the SPDM session ID (a plain index: `u64`) | – |
/// | R8 | `binding_info`: GPA of the page the session's binding info is copied to (written) | – |
///
/// Statuses: the checks of `tdg_spdm_binding_prologue` (IOMMU, SPDM ID, session bound, the
/// binding-info GPA); `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 2.0.18 (TDX
/// Connect). Registers read from intel/tdx-module@6e66b9d2
/// `src/td_dispatcher/vm_exits/tdxio/tdg_spdm_tpa_get.c` (the index's stored version, 2.0 line
/// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
///
/// # Safety
///
/// `binding_info` is a private GPA of this TD the module may write for the call (up to 4 KiB). See
/// the module docs.
#[tdcall(leaf = abi::TdgSpdmTpaGet, in(rcx = iommu, rdx = spdm_id, r8 = binding_info))]
pub unsafe fn tdg_spdm_tpa_get(
    iommu: IommuId,
    spdm_id: u64,
    binding_info: Gpa,
) -> Result<TdxStatus, TdxError>;

/// TDG.DEVIF.VALIDATE (TDCALL leaf 66): check a device interface's device-info hash and mark the
/// interface valid for this TD. The dispatcher passes the hash in R12, R11, R10, R9, R8, RDX order
/// (quadwords 0 to 5).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 66 | status |
/// | RCX | `function_id`: the interface's function ID ([`FunctionId`]) | – |
/// | RDX | `hash5`: the device-info hash (SHA-384), quadword 5 | – |
/// | R8 | `hash4`: the device-info hash (SHA-384), quadword 4 | – |
/// | R9 | `hash3`: the device-info hash (SHA-384), quadword 3 | – |
/// | R10 | `hash2`: the device-info hash (SHA-384), quadword 2 | – |
/// | R11 | `hash1`: the device-info hash (SHA-384), quadword 1 | – |
/// | R12 | `hash0`: the device-info hash (SHA-384), quadword 0 | – |
///
/// Statuses: `TDX_DEVIF_PKH_MISMATCH` (RDX), `TDX_DEVIF_ALREADY_VALID`, the DEVIFMT checks (RCX);
/// `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 2.0.18 (TDX Connect). Registers
/// read from intel/tdx-module@6e66b9d2 `src/td_dispatcher/vm_exits/tdxio/tdg_devif_validate.c` (the
/// index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
/// passes the same registers).
///
/// # Safety
///
/// None beyond the guest module docs (no memory operand; `unsafe` because the operands are untyped
/// numbers). See the module docs.
#[tdcall(leaf = abi::TdgDevifValidate, in(rcx = function_id, r12 = hash0, r11 = hash1, r10 = hash2, r9 = hash3, r8 = hash4, rdx = hash5))]
pub unsafe fn tdg_devif_validate(
    function_id: FunctionId,
    hash0: u64,
    hash1: u64,
    hash2: u64,
    hash3: u64,
    hash4: u64,
    hash5: u64,
) -> Result<TdxStatus, TdxError>;

/// TDG.DEVIF.RD (TDCALL leaf 67): read a field of one of this TD's device interfaces.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 67 | status |
/// | RCX | `function_id`: the interface's function ID ([`FunctionId`]) | `value`: the field's value |
/// | RDX | `field`: [`DevifField`] (`devif_rd_input_t`): the field code (TDISP version) | – |
/// | R9 | 0 (reserved, must be 0) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX, R9), the DEVIFMT checks (RCX); `TDX_RND_NO_ENTROPY` after
/// 10 attempts. First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@6e66b9d2 `src/td_dispatcher/vm_exits/tdxio/tdg_devif_rd.c` (the index's stored
/// version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same
/// registers).
///
/// # Safety
///
/// None beyond the guest module docs (a read; `unsafe` because the table does not mark the leaf `SafeLeaf`).
/// See the module docs.
#[tdcall(leaf = abi::TdgDevifRd, in(rcx = function_id, rdx = field), out(rcx = value: u64))]
pub unsafe fn tdg_devif_rd(function_id: FunctionId, field: DevifField)
-> Result<DevifRd, TdxError>;

/// TDG.DEVIF.REQUEST (TDCALL leaf 68): queue a TDISP request of this TD for its device interface
/// (the VMM sends it with TDH.DEVIF.REQUEST).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 68 | status |
/// | RCX | `function_id`: the interface's function ID ([`FunctionId`]) | – |
/// | RDX | `request`: [`DevifReqIn`] (`devif_req_in_t`): the request code (the TD flag and no-FW-update must be 0) | – |
/// | R9 | 0 (reserved, must be 0) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX, R9), `TDX_DEVIF_TDISP_ERROR_STATE`,
/// `TDX_DEVIF_TDISP_INVALID_REQ_STS`, the DEVIFMT checks (RCX); `TDX_RND_NO_ENTROPY` after 10
/// attempts. First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@6e66b9d2 `src/td_dispatcher/vm_exits/tdxio/tdg_devif_request.c` (the index's
/// stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// None beyond the guest module docs (no memory operand; `unsafe` because the operands are untyped
/// numbers). See the module docs.
#[tdcall(leaf = abi::TdgDevifRequest, in(rcx = function_id, rdx = request))]
pub unsafe fn tdg_devif_request(
    function_id: FunctionId,
    request: DevifReqIn,
) -> Result<TdxStatus, TdxError>;

/// TDG.DEVIF.RESPONSE (TDCALL leaf 69): take the processed TDISP response to this TD's request.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 69 | status |
/// | RCX | `function_id`: the interface's function ID ([`FunctionId`]) | `response_out`: [`DevifRspOut`] (`devif_rsp_out_t`): the response code and the output length |
/// | RDX | `target`: 0, or the GPA (4 KiB aligned) the TDISP response payload is copied to | – |
/// | R9 | 0 (reserved, must be 0) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX, R9), `TDX_DEVIF_TDISP_INVALID_REQ_STS`,
/// `TDX_DEVIF_TDISP_INVALID_MESSAGE`, the guest-side GPA walk statuses (RDX), the DEVIFMT checks;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 2.0.18 (TDX Connect). Registers
/// read from intel/tdx-module@6e66b9d2 `src/td_dispatcher/vm_exits/tdxio/tdg_devif_response.c` (the
/// index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
/// passes the same registers).
///
/// # Safety
///
/// If non-zero, `target` is a private GPA of this TD the module may write (up to the TDISP payload
/// size) for the call. See the module docs.
#[tdcall(leaf = abi::TdgDevifResponse, in(rcx = function_id, rdx = target), out(rcx = response_out: DevifRspOut))]
pub unsafe fn tdg_devif_response(
    function_id: FunctionId,
    target: u64,
) -> Result<DevifResponse, TdxError>;

/// TDG.DMAR.ACCEPT (TDCALL leaf 70): accept the DMA remapping of one of this TD's device
/// interfaces: its PASID table entry starts translating through the TD's (or an L2 VM's) Secure
/// EPT. R8–R15 are reserved and must be 0: the wrapper zeroes R8–R11, and takes R12–R15 as
/// parameters because the table zeroes RCX–R11 only.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 70 | status |
/// | RCX | `function_id`: the interface's function ID ([`FunctionId`]) | – |
/// | RDX | `target`: [`DmarTarget`] (`dmar_target_t`): the VM index (0 = the TD, 1–3 = an L2 VM) whose Secure EPT the device's DMA uses | – |
/// | R8 | 0 (reserved, must be 0) | – |
/// | R9 | 0 (reserved, must be 0) | – |
/// | R10 | 0 (reserved, must be 0) | – |
/// | R11 | 0 (reserved, must be 0) | – |
/// | R12 | `reserved12`: reserved, must be 0 | – |
/// | R13 | `reserved13`: reserved, must be 0 | – |
/// | R14 | `reserved14`: reserved, must be 0 | – |
/// | R15 | `reserved15`: reserved, must be 0 | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX, R8–R15), `TDX_DEVIF_TDISP_INVALID_STATE`,
/// `TDX_DMAR_INVALID_MAPPING_STATE`, `TDX_OPERAND_BUSY`, the DMAR walk and DEVIFMT checks;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 2.0.18 (TDX Connect). Registers
/// read from intel/tdx-module@6e66b9d2 `src/td_dispatcher/vm_exits/tdxio/tdg_dmar_accept.c` (the
/// index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
/// passes the same registers).
///
/// # Safety
///
/// The device can DMA to every private page of the chosen VM's Secure EPT once the remapping is
/// accepted; pass 0 in `reserved12`..`reserved15`. See the module docs.
#[tdcall(leaf = abi::TdgDmarAccept, in(rcx = function_id, rdx = target, r12 = reserved12, r13 = reserved13, r14 = reserved14, r15 = reserved15))]
pub unsafe fn tdg_dmar_accept(
    function_id: FunctionId,
    target: DmarTarget,
    reserved12: u64,
    reserved13: u64,
    reserved14: u64,
    reserved15: u64,
) -> Result<TdxStatus, TdxError>;

/// TDG.TDI.MMIO.ACCEPT (TDCALL leaf 71): accept an MMIO mapping the VMM made with TDH.MMIO.MAP (the
/// enum names it TDG_MMIO_ACCEPT_LEAF in a56a9173). On a Secure-EPT mismatch the module exits to
/// the VMM with an EPT violation instead of returning.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 71 | status |
/// | RCX | `gpa`: the private GPA and level of the MMIO mapping (MMIO_PENDING) | – |
/// | RDX | `mmio_offset`: the MMIO HPA as a TD handle offset (`hpa_of_handle`) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX), `TDX_PAGE_ALREADY_ACCEPTED`,
/// `TDX_MMIO_ACCEPT_SIZE_MISMATCH`, `TDX_MMIO_INVALID_HPA_OFFSET`, `TDX_OPERAND_BUSY`;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 2.0.18 (TDX Connect). Registers
/// read from intel/tdx-module@1666adc4 `src/td_dispatcher/vm_exits/tdxio/tdg_mmio_accept.c` (the
/// index's stored version, 2.0 line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
/// passes the same registers).
///
/// # Safety
///
/// The GPA becomes device MMIO for this TD: accesses to it reach the device. See the module docs.
#[tdcall(leaf = abi::TdgTdiMmioAccept, in(rcx = gpa, rdx = mmio_offset))]
pub unsafe fn tdg_tdi_mmio_accept(gpa: AcceptGpa, mmio_offset: u64) -> Result<TdxStatus, TdxError>;

/// TDG.IQ.INV.REQUEST (TDCALL leaf 72): ask for an IOTLB invalidation of this TD's devices; on
/// success the module exits to the VMM (TDX_IOTLB_INV_REQUEST) so it queues the requests.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 72 | status |
/// | RCX | `count`: the number of invalidation descriptors (1 to MAX_TD_INV_DES_COUNT, the last may be a wait descriptor) | – |
/// | RDX | `descriptors`: GPA (4 KiB aligned) of the descriptors (read) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX), `TDX_GUEST_INV_IN_PROGRESS`,
/// `TDX_GUEST_INV_INVALID_DESC` (operand = the descriptor index), `TDX_GUEST_INV_NOT_REQUIRED`,
/// `TDX_OPERAND_BUSY`, the guest-side GPA walk statuses (RDX); `TDX_RND_NO_ENTROPY` after 10
/// attempts. First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@1666adc4 `src/td_dispatcher/vm_exits/tdxio/tdg_iq_inv_request.c` (the index's
/// stored version, 2.0 line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
/// same registers).
///
/// # Safety
///
/// `descriptors` is a private GPA of this TD holding `count` 16-byte descriptors, readable for the
/// call. See the module docs.
#[tdcall(leaf = abi::TdgIqInvRequest, in(rcx = count, rdx = descriptors))]
pub unsafe fn tdg_iq_inv_request(count: u64, descriptors: Gpa) -> Result<TdxStatus, TdxError>;
