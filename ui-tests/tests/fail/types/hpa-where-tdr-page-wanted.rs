use tdx_core::{Hkid, Hpa, TdxError, TdxStatus, abi, seamcall};

/// Create a TD on a TDR page with a private HKID.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
pub unsafe fn tdh_mng_create(tdr: Hpa, hkid: Hkid) -> Result<TdxStatus, TdxError>;

fn main() {}
