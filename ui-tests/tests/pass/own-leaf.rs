//! Leaves declared outside the ABI table with `tdx_core::abi_table!`, used by all three
//! attributes, with table-typed outputs.

use tdx_core::{
    FieldId, Gpa, Hva, Page, SharedGpa, Tdr, TdvmcallStatus, TdxError, TdxStatus, seamcall, tdcall,
    tdvmcall,
};

tdx_core::abi_table! {
    /// A vendor SEAMCALL leaf of a newer module (test-only).
    pub seamcall TdhVendorLogRead = 0x7F, version 1, "TDH.VENDOR.LOG.READ" {
        in { rcx: Page<Tdr>, rdx: Hva, r8: u64 }
        out { rcx: u64, r9: FieldId }
    }

    /// A vendor TDCALL leaf (test-only).
    pub tdcall TdgVendorTrace = 0x7E, version 0, "TDG.VENDOR.TRACE" {
        in { rcx: Gpa }
        out { rdx: u64 }
    }

    /// A vendor TDG.VP.VMCALL sub-function (test-only).
    pub tdvmcall TdvmcallVendorLog = 0x10100, version 0, "VendorLog" {
        in { r12: SharedGpa, r13: u64 }
        out { r14: u64 }
    }
}

/// Copy the module's log for a TD into a host buffer.
#[seamcall(leaf = TdhVendorLogRead, in(rcx = tdr, rdx = buffer, r8 = len), out(rcx = written, r9 = next))]
pub unsafe fn tdh_vendor_log_read(
    tdr: Page<Tdr>,
    buffer: Hva,
    len: u64,
) -> Result<LogRead, TdxError>;

/// The same leaf at version 2.
#[seamcall(leaf = TdhVendorLogRead, version = 2, in(rcx = tdr, rdx = buffer, r8 = len))]
pub unsafe fn tdh_vendor_log_read_v2(
    tdr: Page<Tdr>,
    buffer: Hva,
    len: u64,
) -> Result<TdxStatus, TdxError>;

/// Start tracing into a private buffer.
#[tdcall(leaf = TdgVendorTrace, in(rcx = buffer), out(rdx = id))]
pub unsafe fn tdg_vendor_trace(buffer: Gpa) -> Result<Trace, TdxError>;

/// Send a log buffer to the VMM.
#[tdvmcall(subfn = TdvmcallVendorLog, in(r12 = buffer, r13 = len), out(r14 = accepted))]
pub unsafe fn tdvmcall_vendor_log(buffer: SharedGpa, len: u64) -> Result<VendorLog, TdxError>;

/// A status-only sub-function call.
#[tdvmcall(subfn = TdvmcallVendorLog, in(r12 = buffer, r13 = len))]
pub unsafe fn tdvmcall_vendor_log_status(
    buffer: SharedGpa,
    len: u64,
) -> Result<TdvmcallStatus, TdxError>;

fn main() {
    // The wrappers are not called: they would execute a real SEAMCALL / TDCALL.
    let _ = (
        tdh_vendor_log_read,
        tdh_vendor_log_read_v2,
        tdg_vendor_trace,
    );
    let _ = (tdvmcall_vendor_log, tdvmcall_vendor_log_status);
    // The output fields have the table's types.
    let _: fn(&LogRead) -> (u64, FieldId) = |out| (out.written, out.next);
    let _: fn(&Trace) -> u64 = |out| out.id;
    let _: fn(&VendorLog) -> (TdvmcallStatus, u64) = |out| (out.status, out.accepted);
}
