//! The GHCI sub-functions the peer guest crates issue beyond what Linux does:
//! Instruction.WBINVD, Instruction.PCONFIG and Service (intel/tdx-guest@4a2f8dbc
//! `src/tdvmcall.rs`; confidential-containers/td-shim `tdx-tdcall`, whose MigTD callers issue
//! Service). Statuses are those of every sub-function (see [the module](super)): success, or
//! a TDVMCALL error status in R10 (`TDVMCALL_STATUS_INVALID_OPERAND` for an operand the VMM
//! refuses, `TDVMCALL_STATUS_SUBFUNC_UNSUPPORTED` where the VMM does not implement it; a
//! failed call's `vmcall_status()` gives R10 back). None is retried.

use tdx_core::{
    CacheOp, PconfigLeaf, ServiceNotify, ServiceTimeout, SharedGpa, TdvmcallStatus, TdxError, abi,
    tdvmcall,
};

/// Instruction.WBINVD (sub-function 54): ask the VMM to write back (and, for
/// [`CacheOp::Wbinvd`], invalidate) the caches, as the `wbinvd`/`wbnoinvd` instruction the TD
/// cannot execute itself.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask (0x1C00), 0, 54 | –, TDVMCALL status, – |
/// | R12 | `op`: 0 WBINVD, 1 WBNOINVD | – |
///
/// Statuses: success, or `TDVMCALL_STATUS_INVALID_OPERAND` for any other R12 (the type
/// admits only 0 and 1). Safe: no register names memory, and the VMM may do the operation or
/// not; it is the TD's own cache contents that are written back.
#[tdvmcall(subfn = abi::TdvmcallWbinvd, in(r12 = op))]
pub fn tdvmcall_wbinvd(op: CacheOp) -> Result<TdvmcallStatus, TdxError>;

/// Instruction.PCONFIG (sub-function 65): ask the VMM to emulate `pconfig`.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask (0xFC00), 0, 65 | –, TDVMCALL status, `rax` |
/// | R12 | `leaf`: the PCONFIG leaf (EAX) | – |
/// | R13 | `rbx`: the instruction's RBX | – |
/// | R14 | `rcx`: the instruction's RCX | – |
/// | R15 | `rdx`: the instruction's RDX | – |
///
/// The number is certain; the registers follow the GHCI pattern of the instruction
/// sub-functions and were found in no public code that issues it (**uncertain**, see
/// `abi::TdvmcallPconfig`).
///
/// # Safety
///
/// For [`PconfigLeaf::MKTME_KEY_PROGRAM`], `rbx` names a KEY_PROGRAM_STRUCT the VMM reads:
/// it must be the shared GPA of such a structure, which the caller keeps mapped and shared
/// for the call and whose contents (key material included) the VMM sees. For other leaves,
/// the caller upholds what the SDM says of their operands.
#[tdvmcall(subfn = abi::TdvmcallPconfig, in(r12 = leaf, r13 = rbx, r14 = rcx, r15 = rdx), out(r11 = rax: u64))]
pub unsafe fn tdvmcall_pconfig(
    leaf: PconfigLeaf,
    rbx: u64,
    rcx: u64,
    rdx: u64,
) -> Result<Pconfig, TdxError>;

/// Service (sub-function 0x10005): send a command to a VMM service (a MigTD's, an SPDM or
/// TLS responder, a quoting service) through a Command/Response Buffer pair.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask (0xFC00), 0, 0x10005 | –, TDVMCALL status, – |
/// | R12 | `command`: shared GPA of the command buffer (4 KiB aligned) | – |
/// | R13 | `response`: shared GPA of the response buffer (4 KiB aligned) | – |
/// | R14 | `notify`: 0 blocking, or the vector (32..255) to inject when the response is ready | – |
/// | R15 | `timeout`: 0 for none | – |
///
/// Statuses: success (for [`ServiceNotify::Blocking`], the response is in the buffer; for
/// [`ServiceNotify::Interrupt`], it will be when the vector arrives), or a TDVMCALL error
/// status. The response carries its own status in its header, which the caller checks.
///
/// # Safety
///
/// `command` and `response` are shared memory the VMM reads and writes, possibly after the
/// call returns (with [`ServiceNotify::Interrupt`]): the caller keeps both mapped and shared
/// until the response is complete, treats the response as untrusted, and, for an interrupt,
/// has a handler installed for the vector.
#[tdvmcall(subfn = abi::TdvmcallService, in(r12 = command, r13 = response, r14 = notify, r15 = timeout))]
pub unsafe fn tdvmcall_service(
    command: SharedGpa,
    response: SharedGpa,
    notify: ServiceNotify,
    timeout: ServiceTimeout,
) -> Result<TdvmcallStatus, TdxError>;
