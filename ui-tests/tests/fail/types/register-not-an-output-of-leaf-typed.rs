use tdx_core::{Hpa, TdxError, abi, seamcall};

/// Take a page back from the TDX module, with a type written for a register it does not return.
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size, r9 = extra: u64))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;

fn main() {}
