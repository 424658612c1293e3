use tdx_core::{Hpa, TdxError, abi, seamcall};

/// Read a page's metadata.
#[seamcall(leaf = abi::TdhPhymemPageRdmd, in(rcx = page), out = page_type)]
pub unsafe fn tdh_phymem_page_rdmd(page: Hpa) -> Result<PageMetadata, TdxError>;

fn main() {}
