//! Service-TD access to a bound TD's metadata (TDG.SERVTD.*).

use tdx_core::{FieldId, ServtdHandle, TdUuid, TdxError, abi, tdcall};

/// TDG.SERVTD.RD (TDCALL leaf 18): read a metadata field of a TD this service TD is bound to.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 18 | status |
/// | RCX | `handle`: the binding handle | – |
/// | RDX | `field`: the field ID | `next`: the next field ID |
/// | R10 | `uuid.q0`: the TD_UUID the service TD knows for the target, bits 63:0 (`target_uuid`) | `uuid0`: the target TD's current TD_UUID, bits 63:0 (changed when the TD was bound before an import) |
/// | R11 | `uuid.q1`: bits 127:64 | `uuid1`: bits 127:64 |
/// | R12 | `uuid.q2`: bits 191:128 | `uuid2`: bits 191:128 |
/// | R13 | `uuid.q3`: bits 255:192 | `uuid3`: bits 255:192 |
/// | R8 | – | `value`: the value |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX: no such binding); `TDX_METADATA_FIELD_ID_INCORRECT`;
/// the handler returns `TDX_CROSS_TD_TRAP`, `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`,
/// `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`, `TDX_SERVTD_INFO_HASH_MISMATCH`,
/// `TDX_SERVTD_NOT_BOUND`, `TDX_SERVTD_UUID_MISMATCH`, `TDX_TARGET_UUID_MISMATCH`,
/// `TDX_TARGET_UUID_UPDATED`. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdg_servtd_rd_wr.c` and
/// its dispatcher.
#[tdcall(leaf = abi::TdgServtdRd, in(rcx = handle, rdx = field, r10 = uuid.q0, r11 = uuid.q1, r12 = uuid.q2, r13 = uuid.q3), out(rdx = next: u64, r8 = value: u64, r10 = uuid0: u64, r11 = uuid1: u64, r12 = uuid2: u64, r13 = uuid3: u64))]
pub fn tdg_servtd_rd(
    handle: ServtdHandle,
    field: FieldId,
    uuid: TdUuid,
) -> Result<ServtdRd, TdxError>;

/// TDG.SERVTD.WR (TDCALL leaf 20): write a metadata field of a TD this service TD is bound to.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 20 | status |
/// | RCX | `handle`: the binding handle | – |
/// | RDX | `field`: the field ID (left as it was) | – |
/// | R8 | `value`: the value | `old`: the previous value |
/// | R9 | `mask`: the bits to write | – |
/// | R10 | `uuid.q0`: the TD_UUID the service TD knows for the target, bits 63:0 (`target_uuid`) | `uuid0`: the target TD's current TD_UUID, bits 63:0 (changed when the TD was bound before an import) |
/// | R11 | `uuid.q1`: bits 127:64 | `uuid1`: bits 127:64 |
/// | R12 | `uuid.q2`: bits 191:128 | `uuid2`: bits 191:128 |
/// | R13 | `uuid.q3`: bits 255:192 | `uuid3`: bits 255:192 |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX); `TDX_METADATA_FIELD_NOT_WRITABLE`; the handler
/// returns `TDX_CROSS_TD_TRAP`, `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID`, `TDX_SERVTD_INFO_HASH_MISMATCH`, `TDX_SERVTD_NOT_BOUND`,
/// `TDX_SERVTD_UUID_MISMATCH`, `TDX_TARGET_UUID_MISMATCH`, `TDX_TARGET_UUID_UPDATED`. First
/// module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdg_servtd_rd_wr.c` and its dispatcher.
///
/// # Safety
///
/// The written state changes the bound TD: the caller (a service TD) vouches for it. See the
/// module docs.
#[tdcall(leaf = abi::TdgServtdWr, in(rcx = handle, rdx = field, r8 = value, r9 = mask, r10 = uuid.q0, r11 = uuid.q1, r12 = uuid.q2, r13 = uuid.q3), out(r8 = old: u64, r10 = uuid0: u64, r11 = uuid1: u64, r12 = uuid2: u64, r13 = uuid3: u64))]
pub unsafe fn tdg_servtd_wr(
    handle: ServtdHandle,
    field: FieldId,
    value: u64,
    mask: u64,
    uuid: TdUuid,
) -> Result<ServtdWr, TdxError>;
