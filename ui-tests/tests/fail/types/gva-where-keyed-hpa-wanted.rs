use tdx_core::{Gva, TdxError, TdxStatus, abi, seamcall};

/// Write back and invalidate the cache lines of one page of a TD.
#[seamcall(leaf = abi::TdhPhymemPageWbinvd, in(rcx = page))]
pub unsafe fn tdh_phymem_page_wbinvd(page: Gva) -> Result<TdxStatus, TdxError>;

fn main() {}
