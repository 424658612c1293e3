use tdx_core::{TdxError, TdxStatus, abi, tdvmcall};

/// Halt the vCPU until the next interrupt.
#[tdvmcall(subfn = abi::TdvmcallHlt, in(r12 = irq_disabled))]
pub unsafe fn tdvmcall_hlt(irq_disabled: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
