use tdx_core::{TdxError, TdxStatus, seamcall};

/// A vendor leaf called with a string.
#[seamcall(leaf = 0x7f, in(rcx = name))]
pub unsafe fn vendor_leaf(name: &'static str) -> Result<TdxStatus, TdxError>;

fn main() {}
