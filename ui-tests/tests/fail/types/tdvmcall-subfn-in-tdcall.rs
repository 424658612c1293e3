use tdx_core::{TdxError, TdxStatus, abi, tdcall};

/// Halt the vCPU until the next interrupt.
#[tdcall(leaf = abi::TdvmcallHlt, in(r12 = irq_disabled))]
pub unsafe fn tdvmcall_hlt(irq_disabled: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
