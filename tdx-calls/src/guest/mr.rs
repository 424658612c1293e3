//! Measurement and attestation from the guest (TDG.MR.*) beyond REPORT and RTMR.EXTEND.

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
