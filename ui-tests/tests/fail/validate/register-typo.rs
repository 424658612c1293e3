use tdx_core::{Hpa, TdxError, TdxStatus, abi, seamcall};

/// `rxc` for `rcx`.
#[seamcall(leaf = abi::TdhPhymemPageWbinvd, in(rxc = page))]
pub unsafe fn wbinvd(page: Hpa) -> Result<TdxStatus, TdxError>;

fn main() {}
