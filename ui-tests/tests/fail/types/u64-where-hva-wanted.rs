use tdx_core::{Hva, TdxError, TdxStatus, seamcall};

tdx_core::abi_table! {
    /// A vendor leaf that reads a host-virtual buffer (test-only).
    pub seamcall TdhVendorLogRead = 0x7F, version 0, "TDH.VENDOR.LOG.READ" {
        in { rcx: Hva, rdx: u64 }
        out {}
    }
}

/// Copy the module's log into a host buffer.
#[seamcall(leaf = TdhVendorLogRead, in(rcx = buffer, rdx = len))]
pub unsafe fn tdh_vendor_log_read(buffer: u64, len: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
