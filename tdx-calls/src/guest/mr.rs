//! Measurement and attestation from the guest (TDG.MR.*) beyond REPORT and RTMR.EXTEND:
//! VERIFYREPORT and (module 1.5.34 on) KEY.GET.

use tdx_core::{Gpa, TdxError, TdxStatus, abi, tdcall};

/// TDG.MR.VERIFYREPORT (TDCALL leaf 22): verify the MAC of a REPORTMACSTRUCT made on this
/// platform.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 22 | status |
/// | RCX | `report_mac`: GPA of the 256-byte REPORTMACSTRUCT (256-byte aligned) | – |
///
/// Statuses: `TDX_INVALID_REPORTMACSTRUCT`, `TDX_OPERAND_INVALID` (RCX alignment); the handler
/// returns `TDX_INVALID_CPUSVN`, `TDX_INVALID_REPORTMACSTRUCT`, `TDX_OPERAND_INVALID`. First
/// module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/td_dispatcher/vm_exits/tdg_mr_verifyreport.c` and its dispatcher.
///
/// # Safety
///
/// `report_mac` is 256 readable bytes of this TD's private memory, valid for the call. See the
/// module docs.
#[tdcall(leaf = abi::TdgMrVerifyreport, in(rcx = report_mac))]
pub unsafe fn tdg_mr_verifyreport(report_mac: Gpa) -> Result<TdxStatus, TdxError>;

/// TDG.MR.KEY.GET (TDCALL leaf 29, module 1.5.34 on): derive a sealing key into this TD's
/// memory.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 29 | status |
/// | RCX | `request`: GPA of the TDKEYREQUEST structure (private, aligned) | – |
/// | RDX | `key`: GPA of the key output buffer (private, aligned) | – |
/// | R8 | `requestor`: the requestor info (`requestor_info_t`: requestor type, the rest reserved) | – |
/// | R9 | – | `key_bits`: the key size in bits |
///
/// Statuses: `TDX_MR_KEY_GET_NOT_SUPPORTED` (the TD has neither sealing nor hardware keys),
/// `TDX_OPERAND_INVALID` (sealing not supported; R8; RCX/RDX alignment or reserved request
/// fields; key name or key sizes), `TDX_OPERAND_BUSY` (RTMR), `TDX_SVN_INVALID`; a GPA that does
/// not map may end in a #VE or TD exit. First module version: 1.5.34. Registers read from
/// intel/tdx-module@9fd3c8b1 `src/td_dispatcher/vm_exits/tdg_mr_key_get.c`.
///
/// # Safety
///
/// `request` is a readable TDKEYREQUEST and `key` writable memory of this TD's for the key,
/// both private and valid for the call. See the module docs.
#[tdcall(leaf = abi::TdgMrKeyGet, in(rcx = request, rdx = key, r8 = requestor), out(r9 = key_bits: u64))]
pub unsafe fn tdg_mr_key_get(request: Gpa, key: Gpa, requestor: u64) -> Result<MrKeyGet, TdxError>;
