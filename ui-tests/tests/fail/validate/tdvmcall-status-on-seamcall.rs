use tdx_core::{Hkid, Page, Tdr, TdvmcallStatus, TdxError, abi, seamcall};

/// Create a TD on a TDR page with a private HKID.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
pub unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdvmcallStatus, TdxError>;

fn main() {}
