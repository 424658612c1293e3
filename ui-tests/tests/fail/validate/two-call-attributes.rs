use tdx_core::{TdxError, TdxStatus, abi, seamcall, tdcall};

/// One wrapper, two families.
#[seamcall(leaf = abi::TdhSysLpInit)]
#[tdcall(leaf = abi::TdgVpInfo)]
pub unsafe fn init() -> Result<TdxStatus, TdxError>;

fn main() {}
