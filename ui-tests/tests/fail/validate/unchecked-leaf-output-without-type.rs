use tdx_core::{Hpa, TdxError, seamcall};

/// Take a page back from the TDX module.
#[seamcall(leaf = 28, in(rcx = page), out(rcx = page_type: u64, rdx = owner))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;

fn main() {}
