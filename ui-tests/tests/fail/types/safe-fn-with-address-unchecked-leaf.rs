use tdx_core::{Hpa, TdxError, TdxStatus, seamcall};

/// Install a new TDX module through the P-SEAMLDR.
#[seamcall(leaf = 0x8000000000000001, in(rcx = params))]
pub fn seamldr_install(params: Hpa) -> Result<TdxStatus, TdxError>;

fn main() {}
