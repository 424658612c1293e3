use tdx_core::{TdxError, seamcall};

/// R12 is both an output and discarded.
#[seamcall(leaf = 0x7A, out(r12 = value: u64), clobber(r12))]
pub unsafe fn vendor() -> Result<Vendor, TdxError>;

fn main() {}
