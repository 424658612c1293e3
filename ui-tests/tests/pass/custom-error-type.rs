//! Wrappers may return any error type that implements `From<TdxError>`.

use tdx_core::{
    Hkid, Hpa, Page, Tdr, TdvmcallStatus, TdxError, TdxStatus, abi, seamcall, tdcall, tdvmcall,
};

/// A kernel-style error type.
#[derive(Debug)]
pub enum KvmError {
    /// The TDX module (or the VMM) refused the call.
    Tdx(TdxError),
    /// The TDX module is busy: try again later.
    Busy,
}

impl From<TdxError> for KvmError {
    fn from(error: TdxError) -> Self {
        if error.is_busy() {
            Self::Busy
        } else {
            Self::Tdx(error)
        }
    }
}

/// Take a page back from the TDX module.
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, KvmError>;

/// Create a TD.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid), retry(busy = 3))]
pub unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, KvmError>;

/// The TD execution environment, with a boxed error.
#[tdcall(leaf = abi::TdgVpInfo, out(rcx = gpa_width))]
pub fn tdg_vp_info() -> Result<VpInfo, Box<dyn std::error::Error + Send + Sync>>;

/// Halt the vCPU until the next interrupt.
#[tdvmcall(subfn = abi::TdvmcallHlt, in(r12 = irq_disabled))]
pub fn tdvmcall_hlt(irq_disabled: u64) -> core::result::Result<TdvmcallStatus, KvmError>;

fn main() {
    // The wrappers are not called: they would execute a real SEAMCALL / TDCALL.
    let _: unsafe fn(Hpa) -> Result<PageReclaim, KvmError> = tdh_phymem_page_reclaim;
    let _: unsafe fn(Page<Tdr>, Hkid) -> Result<TdxStatus, KvmError> = tdh_mng_create;
    let _: fn() -> Result<VpInfo, Box<dyn std::error::Error + Send + Sync>> = tdg_vp_info;
    let _: fn(u64) -> Result<TdvmcallStatus, KvmError> = tdvmcall_hlt;
}
