use tdx_core::{ModuleArgs, TdxError, TdxStatus, abi, seamcall};

/// `regs = …` already writes every register back.
#[seamcall(leaf = abi::TdhVpEnter, regs = args, clobber(r12))]
pub unsafe fn enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

fn main() {}
