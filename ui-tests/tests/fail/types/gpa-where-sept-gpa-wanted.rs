use tdx_core::{Gpa, Page, Sept, Tdr, TdxError, TdxStatus, abi, seamcall};

/// Add a Secure-EPT page.
#[seamcall(leaf = abi::TdhMemSeptAdd, in(rcx = gpa, rdx = tdr, r8 = page))]
pub unsafe fn tdh_mem_sept_add(
    gpa: Gpa,
    tdr: Page<Tdr>,
    page: Page<Sept>,
) -> Result<TdxStatus, TdxError>;

fn main() {}
