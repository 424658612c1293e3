use tdx_core::{ModuleArgs, TdxError, abi, seamcall};

/// Enter a vCPU.
#[seamcall(leaf = abi::TdhVpEnter, regs = args, out(rcx = exit_reason: u64))]
pub unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<VpEnter, TdxError>;

fn main() {}
