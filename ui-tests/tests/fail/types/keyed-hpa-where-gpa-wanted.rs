use tdx_core::{Guest, Hpa, KeyedHpa, Page, Tdr, TdxError, TdxStatus, abi, seamcall};

/// Add and measure a private page before the TD is finalized.
#[seamcall(leaf = abi::TdhMemPageAdd, in(rcx = gpa, rdx = tdr, r8 = page, r9 = source))]
pub unsafe fn tdh_mem_page_add(
    gpa: KeyedHpa,
    tdr: Page<Tdr>,
    page: Page<Guest>,
    source: Hpa,
) -> Result<TdxStatus, TdxError>;

fn main() {}
