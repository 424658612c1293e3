use tdx_core::{ModuleArgs, TdxError, TdxStatus, abi, seamcall};

/// Enter a vCPU.
#[seamcall(leaf = abi::TdhVpEnter, regs = args)]
pub unsafe fn tdh_vp_enter(args: &mut ModuleArgs, flags: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
