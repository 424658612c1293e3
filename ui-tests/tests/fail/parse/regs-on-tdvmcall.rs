use tdx_core::{ModuleArgs, TdvmcallStatus, TdxError, abi, tdvmcall};

/// Request a quote, registers through memory.
#[tdvmcall(subfn = abi::TdvmcallGetQuote, regs = args)]
pub unsafe fn tdvmcall_get_quote(args: &mut ModuleArgs) -> Result<TdvmcallStatus, TdxError>;

fn main() {}
