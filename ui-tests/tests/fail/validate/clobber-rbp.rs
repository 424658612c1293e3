use tdx_core::{TdxError, TdxStatus, seamcall};

/// RBP cannot be an operand, not even a discarded one.
#[seamcall(leaf = 0x7A, clobber(rbp))]
pub unsafe fn vendor() -> Result<TdxStatus, TdxError>;

fn main() {}
