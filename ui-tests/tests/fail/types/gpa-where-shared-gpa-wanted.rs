use tdx_core::{Gpa, TdvmcallStatus, TdxError, abi, tdvmcall};

/// Ask the VMM for a TD quote, in a buffer shared with it.
#[tdvmcall(subfn = abi::TdvmcallGetQuote, in(r12 = buffer, r13 = size))]
pub unsafe fn tdvmcall_get_quote(buffer: Gpa, size: u64) -> Result<TdvmcallStatus, TdxError>;

fn main() {}
