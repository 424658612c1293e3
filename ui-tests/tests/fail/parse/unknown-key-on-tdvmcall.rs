use tdx_core::{TdvmcallStatus, TdxError, abi, tdvmcall};

/// Halt the vCPU until the next interrupt.
#[tdvmcall(subfn = abi::TdvmcallHlt, in(r12 = irq_disabled), retries = 3)]
pub unsafe fn tdvmcall_hlt(irq_disabled: u64) -> Result<TdvmcallStatus, TdxError>;

fn main() {}
