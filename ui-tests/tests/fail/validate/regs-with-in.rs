use tdx_core::{ModuleArgs, TdxError, TdxStatus, abi, seamcall};

/// Enter a vCPU.
#[seamcall(leaf = abi::TdhVpEnter, regs = args, in(rcx = args))]
pub unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

fn main() {}
