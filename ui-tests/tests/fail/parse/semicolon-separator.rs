use tdx_core::{Hpa, TdxError, TdxStatus, abi, seamcall};

/// Take a page back from the TDX module.
#[seamcall(leaf = abi::TdhPhymemPageReclaim; in(rcx = page))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<TdxStatus, TdxError>;

fn main() {}
