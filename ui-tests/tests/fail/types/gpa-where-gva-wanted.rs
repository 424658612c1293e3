use tdx_core::{Gpa, Gva, TdxError, TdxStatus, tdcall};

tdx_core::abi_table! {
    /// A vendor leaf that takes a guest-linear buffer (test-only).
    pub tdcall TdgVendorTraceWrite = 0x7E, version 0, "TDG.VENDOR.TRACE.WRITE" {
        in { rcx: Gva, rdx: u64 }
        out {}
    }
}

/// Hand the module a trace buffer by its guest-linear address.
#[tdcall(leaf = TdgVendorTraceWrite, in(rcx = buffer, rdx = len))]
pub unsafe fn tdg_vendor_trace_write(buffer: Gpa, len: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
