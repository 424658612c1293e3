use tdx_core::{TdxError, TdxStatus, abi, seamcall};

/// Global initialization of the TDX module.
#[seamcall(leaf = abi::TdhSysInit, in(rcx = 0))]
pub unsafe fn tdh_sys_init() -> Result<TdxStatus, TdxError>;

fn main() {}
