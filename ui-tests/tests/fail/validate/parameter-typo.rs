use tdx_core::{Page, TdxError, TdxStatus, Tdr, abi, seamcall};

/// `tdrr` for `tdr`.
#[seamcall(leaf = abi::TdhMrFinalize, in(rcx = tdrr))]
pub unsafe fn tdh_mr_finalize(tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

fn main() {}
