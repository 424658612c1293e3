use tdx_core::{Page, Tdr, TdxError, abi, seamcall};

/// Read a TD-scope metadata field.
#[seamcall(leaf = abi::TdhMngRd, in(rcx = tdr, rdx = field), out(r8 = value))]
pub unsafe fn tdh_mng_rd(tdr: Page<Tdr>, field: u64) -> Result<MngRd, TdxError>;

fn main() {}
