use tdx_core::{Page, Tdcx, Tdvpr, TdxError, TdxStatus, abi, seamcall};

/// Add a TDCX page to a vCPU.
#[seamcall(leaf = abi::TdhVpAddcx, in(rcx = tdvpr, rdx = tdcx))]
pub unsafe fn tdh_vp_addcx(tdcx: Page<Tdcx>, tdvpr: Page<Tdvpr>) -> Result<TdxStatus, TdxError>;

fn main() {}
