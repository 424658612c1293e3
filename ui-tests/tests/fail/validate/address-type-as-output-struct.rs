use tdx_core::{Hpa, TdxError, abi, seamcall};

/// Read a page's metadata (the `Ok` type is taken for the page's own type).
#[seamcall(leaf = abi::TdhPhymemPageRdmd, in(rcx = page), out(rcx = page_type))]
pub unsafe fn tdh_phymem_page_rdmd(page: Hpa) -> Result<Hpa, TdxError>;

fn main() {}
