use tdx_core::{TdxError, TdxStatus, tdvmcall};

/// A vendor hypercall by number: the table's types are needed.
#[tdvmcall(vendor = 5, in(r10 = nr))]
pub unsafe fn vendor_call(nr: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
