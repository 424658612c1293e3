//! `Result<(), E>` for a leaf the ABI table marks `no_info`: its module returns no
//! success-with-information status, so `Ok(())` loses nothing.
use tdx_core::{Hkid, Page, Tdr, TdxError, abi, seamcall};

/// Create a TD on a TDR page with a private HKID.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
pub unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<(), TdxError>;

fn main() {
    let _ = tdh_mng_create;
}
