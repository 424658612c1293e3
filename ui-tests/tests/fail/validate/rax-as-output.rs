use tdx_core::{Hpa, TdxError, abi, seamcall};

/// Take a page back from the TDX module.
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rax = status_code))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;

fn main() {}
