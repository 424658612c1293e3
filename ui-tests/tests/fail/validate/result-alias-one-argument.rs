use tdx_core::{Hkid, Page, Tdr, TdxError, TdxStatus, abi, seamcall};

/// The result of a TDX call.
pub type Result<T> = core::result::Result<T, TdxError>;

/// Create a TD on a TDR page with a private HKID.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
pub unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus>;

fn main() {}
