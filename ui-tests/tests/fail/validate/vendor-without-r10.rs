use tdx_core::{TdxError, TdxStatus, tdvmcall};

tdx_core::abi_table! {
    /// A vendor hypercall (test-only).
    pub tdvmcall VendorCall = 0, version 0, "VendorCall" {
        in { r10: u64, r11: u64 }
        out {}
    }
}

/// The hypercall number is missing.
#[tdvmcall(vendor = VendorCall, in(r11 = p1))]
pub unsafe fn vendor_call(p1: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
