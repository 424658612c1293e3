use tdx_core::{TdxError, TdxStatus, tdcall};

/// Accept a pending private page.
#[tdcall(leaf = 0x8000000000000006, in(rcx = gpa))]
pub unsafe fn tdg_mem_page_accept(gpa: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
