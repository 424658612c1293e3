use tdx_core::{TdxError, TdxStatus, seamcall};

/// An integer leaf with a malformed clobber list.
#[seamcall(leaf = 0x7A, clobber(r12 = scratch))]
pub unsafe fn vendor() -> Result<TdxStatus, TdxError>;

fn main() {}
