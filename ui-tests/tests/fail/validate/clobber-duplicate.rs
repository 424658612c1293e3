use tdx_core::{TdxError, TdxStatus, seamcall};

/// R12 twice.
#[seamcall(leaf = 0x7A, clobber(r12, r13, r12))]
pub unsafe fn vendor() -> Result<TdxStatus, TdxError>;

fn main() {}
