use tdx_core::{Hkid, Page, Tdr, TdxError, TdxStatus, abi, seamcall};

/// Create a TD on a TDR page with a private HKID.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
pub async unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, TdxError>;

fn main() {}
