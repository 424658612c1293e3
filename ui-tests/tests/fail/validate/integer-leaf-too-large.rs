use tdx_core::{Hpa, TdxError, TdxStatus, seamcall};

/// Take a page back from the TDX module.
#[seamcall(leaf = 0x1_001c, in(rcx = page))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<TdxStatus, TdxError>;

fn main() {}
