use tdx_core::{ModuleArgs, TdxError, TdxStatus, abi, seamcall};

/// Enter a vCPU (the registers passed by value).
#[seamcall(leaf = abi::TdhVpEnter, regs = args)]
pub unsafe fn tdh_vp_enter(args: ModuleArgs) -> Result<TdxStatus, TdxError>;

fn main() {}
