use tdx_core::{TdxError, TdxStatus, abi, seamcall};

/// Initialize this logical processor (it takes no operands).
#[seamcall(leaf = abi::TdhSysLpInit, in())]
pub unsafe fn tdh_sys_lp_init() -> Result<TdxStatus, TdxError>;

fn main() {}
