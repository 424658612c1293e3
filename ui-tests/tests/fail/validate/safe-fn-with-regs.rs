use tdx_core::{ModuleArgs, TdxError, TdxStatus, abi, tdcall};

/// Issue a raw TDG.VP.VMCALL.
#[tdcall(leaf = abi::TdgVpVmcall, regs = args)]
pub fn tdg_vp_vmcall(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

fn main() {}
