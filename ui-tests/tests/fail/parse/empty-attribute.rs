use tdx_core::{TdxError, TdxStatus, seamcall};

/// Initialize this logical processor.
#[seamcall]
pub unsafe fn tdh_sys_lp_init() -> Result<TdxStatus, TdxError>;

fn main() {}
