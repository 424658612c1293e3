//! Route 1, P-SEAMLDR: a safe `fn` over a P-SEAMLDR number is refused too.
use tdx_core::{TdxError, TdxStatus, seamcall};

/// P-SEAMLDR.INSTALL by number.
#[seamcall(leaf = 0x8000000000000001, in(rcx = params))]
pub fn seamldr_install(params: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
