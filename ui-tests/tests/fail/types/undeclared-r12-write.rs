//! A leaf whose module writes R12 (on its error path), wrapped without taking R12 back: the
//! compiler refuses it, instead of letting the module overwrite a callee-saved register the
//! caller keeps a value in.
use tdx_core::{Page, TdxError, TdxStatus, Tdr, seamcall};

tdx_core::abi_table! {
    /// A vendor leaf that reports an error detail in R12.
    pub seamcall TdhVendorCheck = 0x7C, version 0, "TDH.VENDOR.CHECK" {
        in { rcx: Page<Tdr> }
        out {}
        err { r12 }
    }
}

/// Forgets R12.
#[seamcall(leaf = TdhVendorCheck, in(rcx = tdr))]
pub unsafe fn tdh_vendor_check(tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

fn main() {}
