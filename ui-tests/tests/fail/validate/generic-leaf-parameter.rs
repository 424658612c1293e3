use tdx_core::abi::SeamcallLeaf;
use tdx_core::{TdxError, TdxStatus, seamcall};

/// One wrapper for every status-only leaf.
#[seamcall(leaf = L)]
pub unsafe fn status_only<L: SeamcallLeaf>() -> Result<TdxStatus, TdxError>;

fn main() {}
