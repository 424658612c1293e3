use tdx_core::{Gva, TdvmcallStatus, TdxError, abi, tdvmcall};

/// Ask the VMM for a TD quote, in a buffer shared with it.
#[tdvmcall(subfn = abi::TdvmcallGetQuote, in(r12 = buffer, r13 = size))]
pub unsafe fn tdvmcall_get_quote(buffer: Gva, size: u64) -> Result<TdvmcallStatus, TdxError>;

fn main() {}
