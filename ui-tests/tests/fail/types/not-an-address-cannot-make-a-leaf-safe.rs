//! Route 2: marking an operand type "not an address" no longer exists; safety belongs to the
//! leaf, and a safe wrapper of TDH.PHYMEM.PAGE.RECLAIM stays refused whatever its operand's
//! traits.
use tdx_core::{Hpa, TdxError, TdxStatus, abi, seamcall};

impl tdx_core::reg::NotAnAddress for Hpa {}

#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), clobber())]
pub fn reclaim(page: Hpa) -> Result<TdxStatus, TdxError>;

fn main() {}
