//! Service TDs (TDH.SERVTD.*): bind a service TD (a migration TD) to a target TD.

use tdx_core::{
    Hpa, Page, ServtdAttributes, ServtdHandle, ServtdSlot, ServtdType, Tdr, TdxError, TdxStatus,
    abi, seamcall,
};

use crate::handles::TdxTd;

/// TDH.SERVTD.BIND (SEAMCALL leaf 48): bind a service TD (e.g. a migration TD) to a target TD.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 48 | status |
/// | RCX | `td.tdr`: the TD's TDR | `handle`: the binding handle, for TDG.SERVTD.RD/WR |
/// | RDX | `servtd`: the service TD's TDR | – |
/// | R8 | `slot`: the binding slot | – |
/// | R9 | `kind`: the service-TD type | – |
/// | R10 | `attributes`: the binding attributes | `uuid0`: the target TD's TD_UUID, bits 63:0 |
/// | R11 | – | `uuid1`: TD_UUID bits 127:64 |
/// | R12 | – | `uuid2`: TD_UUID bits 191:128 |
/// | R13 | – | `uuid3`: TD_UUID bits 255:192 |
///
/// Statuses: `TDX_SERVTD_ALREADY_BOUND_FOR_TYPE`, `TDX_SERVTD_INFO_HASH_MISMATCH`,
/// `TDX_OPERAND_INVALID` (reserved attribute bits, R10); `TDX_OPERAND_BUSY`; the handler
/// returns `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`, `TDX_OP_STATE_INCORRECT`,
/// `TDX_SERVTD_ALREADY_BOUND_FOR_TYPE`, `TDX_SERVTD_ATTR_MISMATCH`,
/// `TDX_SERVTD_INFO_HASH_MISMATCH`, `TDX_SERVTD_TYPE_MISMATCH`, `TDX_SERVTD_UUID_MISMATCH`;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_servtd_bind.c` and its
/// dispatcher.
///
/// # Safety
///
/// `td.tdr` and `servtd` are initialized TDs; the service TD gains access to the target's
/// metadata. See the module docs.
#[seamcall(leaf = abi::TdhServtdBind, in(rcx = td.tdr, rdx = servtd, r8 = slot, r9 = kind, r10 = attributes), out(rcx = handle: ServtdHandle, r10 = uuid0: u64, r11 = uuid1: u64, r12 = uuid2: u64, r13 = uuid3: u64))]
pub unsafe fn tdh_servtd_bind(
    td: &TdxTd<'_>,
    servtd: Page<Tdr>,
    slot: ServtdSlot,
    kind: ServtdType,
    attributes: ServtdAttributes,
) -> Result<ServtdBind, TdxError>;

/// TDH.SERVTD.PREBIND (SEAMCALL leaf 49): pre-bind a service TD to a target TD by its TDINFO
/// hash, before the service TD exists.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 49 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
/// | RDX | `info_hash`: shared HPA (64-byte aligned) of the 48-byte SERVTD_INFO_HASH | – |
/// | R8 | `slot`: the binding slot | – |
/// | R9 | `kind`: the service-TD type | – |
/// | R10 | `attributes`: the binding attributes | – |
///
/// Statuses: `TDX_OPERAND_INVALID`; `TDX_OPERAND_BUSY`; the handler returns
/// `TDX_OPERAND_INVALID`, `TDX_SERVTD_ALREADY_BOUND_FOR_TYPE`, `TDX_SERVTD_BOUND`;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_servtd_prebind.c` and
/// its dispatcher.
///
/// # Safety
///
/// `info_hash` is the (shared, 64-byte-aligned: `shared_hpa_check_with_pwr_2_alignment(..,
/// 64)`) HPA of 48 readable bytes, valid for the call; which TD states accept a pre-binding the
/// module checks itself (`check_state_map_tdcs_and_lock`). See the module docs.
#[seamcall(leaf = abi::TdhServtdPrebind, in(rcx = td.tdr, rdx = info_hash, r8 = slot, r9 = kind, r10 = attributes))]
pub unsafe fn tdh_servtd_prebind(
    td: &TdxTd<'_>,
    info_hash: Hpa,
    slot: ServtdSlot,
    kind: ServtdType,
    attributes: ServtdAttributes,
) -> Result<TdxStatus, TdxError>;
