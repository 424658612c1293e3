use tdx_core::{TdxError, seamcall};

/// A vendor leaf that returns a flag.
#[seamcall(leaf = 0x7f, out(rcx = enabled: bool))]
pub unsafe fn vendor_leaf() -> Result<VendorLeaf, TdxError>;

fn main() {}
