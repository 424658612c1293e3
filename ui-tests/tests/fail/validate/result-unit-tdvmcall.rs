use tdx_core::{TdxError, abi, tdvmcall};

/// The VMM may answer RETRY, a non-error status `Ok(())` would drop.
#[tdvmcall(subfn = abi::TdvmcallHlt, in(r12 = irq))]
pub fn hlt(irq: u64) -> Result<(), TdxError>;

fn main() {}
