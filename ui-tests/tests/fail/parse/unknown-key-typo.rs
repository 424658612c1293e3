use tdx_core::{TdxError, TdxStatus, abi, seamcall};

/// `retyr` for `retry`.
#[seamcall(leaf = abi::TdhSysLpInit, retyr(none))]
pub unsafe fn tdh_sys_lp_init() -> Result<TdxStatus, TdxError>;

fn main() {}
