use tdx_core::{Hpa, TdxError, abi, seamcall};

/// The host side of TDX.
pub struct Host;

impl Host {
    /// Take a page back from the TDX module.
    #[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
    pub unsafe fn reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;
}

fn main() {}
