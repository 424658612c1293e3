use tdx_core::{Hva, TdvmcallStatus, TdxError, abi, tdvmcall};

/// Ask the VMM for a TD quote, in a buffer shared with it.
#[tdvmcall(subfn = abi::TdvmcallGetQuote, in(r12 = buffer, r13 = size))]
pub unsafe fn tdvmcall_get_quote(buffer: Hva, size: u64) -> Result<TdvmcallStatus, TdxError>;

fn main() {}
