//! This vCPU (TDG.VP.*): its metadata, CPUID #VE setting, and the TD-partitioning leaves that
//! manage L2 VMs' cached translations.

use tdx_core::{CpuidVe, FieldId, L2VmMask, TdxError, TdxStatus, VmAndFlags, abi, tdcall};

/// TDG.VP.CPUIDVE.SET (TDCALL leaf 5): set whether CPUID raises #VE unconditionally on this
/// vCPU.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 5 | status |
/// | RCX | `setting`: bit 0 supervisor, bit 1 user | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX reserved bits); the handler returns
/// `TDX_OPERAND_INVALID`. First module version: 1.0.00. Registers read from
/// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_cpuidve_set.c` and its
/// dispatcher.
#[tdcall(leaf = abi::TdgVpCpuidveSet, in(rcx = setting))]
pub fn tdg_vp_cpuidve_set(setting: CpuidVe) -> Result<TdxStatus, TdxError>;

/// TDG.VP.RD (TDCALL leaf 9): read a field of this vCPU's metadata (TDVPS).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 9 | status |
/// | RCX | 0 (loaded by the wrapper): must be 0 (`tdg_vp_rd_wr.c`: "RCX is not zero" → `TDX_OPERAND_INVALID` operand RCX) | – |
/// | RDX | `field`: the field ID | `next`: the next field ID (`MD_FIELD_ID_NA` at the end) |
/// | R8 | – | `value`: the value (0 on error) |
///
/// Statuses: `TDX_METADATA_FIELD_ID_INCORRECT`, `TDX_METADATA_FIELD_NOT_READABLE`; the handler
/// returns `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`, `TDX_OPERAND_INVALID`. First module
/// version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/td_dispatcher/vm_exits/tdg_vp_rd_wr.c` and its dispatcher.
#[tdcall(leaf = abi::TdgVpRd, in(rdx = field), out(rdx = next: u64, r8 = value: u64))]
pub fn tdg_vp_rd(field: FieldId) -> Result<VpRd, TdxError>;

/// TDG.VP.WR (TDCALL leaf 10): write a field of this vCPU's metadata, returning the old value.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 10 | status |
/// | RCX | 0 (loaded by the wrapper): must be 0 (`tdg_vp_rd_wr.c`: "RCX is not zero" → `TDX_OPERAND_INVALID` operand RCX) | – |
/// | RDX | `field`: the field ID | – |
/// | R8 | `value`: the value | `old`: the previous value |
/// | R9 | `mask`: the bits to write | – |
///
/// Statuses: `TDX_METADATA_FIELD_NOT_WRITABLE`, `TDX_METADATA_FIELD_ID_INCORRECT`; the handler
/// returns `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`, `TDX_OPERAND_INVALID`. First module
/// version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/td_dispatcher/vm_exits/tdg_vp_rd_wr.c` and its dispatcher.
///
/// # Safety
///
/// The written state must be one this vCPU can run with (the module checks each field's own
/// rules). See the module docs.
#[tdcall(leaf = abi::TdgVpWr, in(rdx = field, r8 = value, r9 = mask), out(r8 = old: u64))]
pub unsafe fn tdg_vp_wr(field: FieldId, value: u64, mask: u64) -> Result<VpWr, TdxError>;

/// TDG.VP.INVEPT (TDCALL leaf 26): invalidate the cached EPT translations of L2 VMs.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 26 | status |
/// | RCX | `vms`: bit n: VM n (bit 0 must be 0) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX: bit 0, or a VM the TD does not have); the handler
/// returns `TDX_OPERAND_INVALID`. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_invept.c` and its dispatcher.
#[tdcall(leaf = abi::TdgVpInvept, in(rcx = vms))]
pub fn tdg_vp_invept(vms: L2VmMask) -> Result<TdxStatus, TdxError>;

/// TDG.VP.INVVPID (TDCALL leaf 27): invalidate an L2 VM's cached translations of linear
/// addresses.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 27 | status |
/// | RCX | `vm`: the VM and whether RDX is a list | – |
/// | RDX | `entry_or_list`: a GLA list entry (`gla_list_entry_t`), or a GLA list descriptor (`gla_list_info_t`) naming a private page | `entry_or_list`: the list descriptor updated (first entry advanced) when interrupted |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX); `TDX_INTERRUPTED_RESUMABLE` (list form: call
/// again with the returned RDX); the handler returns `TDX_GLA_NOT_CANONICAL`,
/// `TDX_OPERAND_INVALID`. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_invvpid.c` and its dispatcher.
///
/// # Safety
///
/// With the list form, RDX names a private page of this TD holding the list, readable and valid
/// for the call. See the module docs.
#[tdcall(leaf = abi::TdgVpInvvpid, in(rcx = vm, rdx = entry_or_list), out(rdx = entry_or_list: u64))]
pub unsafe fn tdg_vp_invvpid(vm: VmAndFlags, entry_or_list: u64) -> Result<VpInvvpid, TdxError>;
