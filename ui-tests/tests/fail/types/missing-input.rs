use tdx_core::{Page, Tdr, TdxError, TdxStatus, abi, seamcall};

/// Create a TD on a TDR page (the HKID is forgotten).
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr))]
pub unsafe fn tdh_mng_create(tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

fn main() {}
