use tdx_core::{Hkid, Page, Tdr, TdxStatus, abi, seamcall};

/// The kernel's error type, without `From<TdxError>`.
#[derive(Debug)]
pub enum KvmError {
    /// Invalid argument.
    Inval,
}

/// Create a TD on a TDR page with a private HKID.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
pub unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, KvmError>;

fn main() {}
