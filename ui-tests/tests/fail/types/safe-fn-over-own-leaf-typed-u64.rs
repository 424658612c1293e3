//! Route 3: a leaf declared in a user crate types an address register as `u64`; a safe
//! wrapper over it is refused, because only the table entry's `unsafe impl SafeLeaf;` makes a
//! leaf safe to wrap.
use tdx_core::{TdxError, TdxStatus, seamcall};

tdx_core::abi_table! {
    /// A vendor leaf whose RCX is an HPA, typed as a plain number.
    pub seamcall TdhVendorCopy = 0x7D, version 0, "TDH.VENDOR.COPY" {
        in { rcx: u64 }
        out {}
    }
}

/// Looks harmless, hands the module an address.
#[seamcall(leaf = TdhVendorCopy, in(rcx = page))]
pub fn tdh_vendor_copy(page: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
