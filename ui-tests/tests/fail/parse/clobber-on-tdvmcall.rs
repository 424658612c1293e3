use tdx_core::{TdvmcallStatus, TdxError, abi, tdvmcall};

/// Every register exposed to the VMM is already taken back.
#[tdvmcall(subfn = abi::TdvmcallHlt, in(r12 = irq), clobber(r13))]
pub fn hlt(irq: u64) -> Result<TdvmcallStatus, TdxError>;

fn main() {}
