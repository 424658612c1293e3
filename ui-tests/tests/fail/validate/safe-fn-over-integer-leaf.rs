//! Route 1: a safe `fn` over an integer leaf with `u64` parameters: nothing says what the
//! registers carry, so the macro refuses it.
use tdx_core::{TdxError, TdxStatus, seamcall};

/// TDH.PHYMEM.PAGE.RECLAIM by number, with the page as a plain `u64`.
#[seamcall(leaf = 28, in(rcx = page))]
pub fn reclaim(page: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
