use tdx_core::{TdvmcallStatus, TdxError, abi, tdvmcall};

/// Halt the vCPU until the next interrupt.
#[tdvmcall(subfn = abi::TdvmcallHlt, version = 1, in(r12 = irq_disabled))]
pub unsafe fn tdvmcall_hlt(irq_disabled: u64) -> Result<TdvmcallStatus, TdxError>;

fn main() {}
