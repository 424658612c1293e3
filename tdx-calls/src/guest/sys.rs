//! Global metadata from the guest (TDG.SYS.*).

use tdx_core::{FieldId, Gpa, TdxError, abi, tdcall};

/// TDG.SYS.RD (TDCALL leaf 11): read a global (TDX module) metadata field from the guest.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 11 | status |
/// | RDX | `field`: the field ID | `next`: the next field ID |
/// | R8 | – | `value`: the value |
///
/// Statuses: `TDX_METADATA_FIELD_ID_INCORRECT`, `TDX_METADATA_FIELD_NOT_READABLE`; the handler
/// returns `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`. RCX is not read. First module version:
/// 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/td_dispatcher/vm_exits/tdg_sys_rd.c` and its dispatcher.
#[tdcall(leaf = abi::TdgSysRd, in(rdx = field), out(rdx = next: u64, r8 = value: u64))]
pub fn tdg_sys_rd(field: FieldId) -> Result<SysRd, TdxError>;

/// TDG.SYS.RDALL (TDCALL leaf 12): read every global metadata field from `field` on into a
/// metadata list page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 12 | status |
/// | RDX | `list`: GPA of the 4 KiB metadata list page (private) | – |
/// | R8 | `field`: the first field ID | `next`: the next field ID (`MD_FIELD_ID_NA` when done) |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX); `TDX_METADATA_LIST_OVERFLOW`; the handler returns
/// `TDX_OPERAND_INVALID`. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_sys_rdall.c` and its dispatcher.
///
/// # Safety
///
/// `list` is a writable private 4 KiB page of this TD, valid and not otherwise accessed during
/// the call. See the module docs.
#[tdcall(leaf = abi::TdgSysRdall, in(rdx = list, r8 = field), out(r8 = next: u64))]
pub unsafe fn tdg_sys_rdall(list: Gpa, field: FieldId) -> Result<SysRdall, TdxError>;
