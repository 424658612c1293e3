use tdx_core::{FieldId, TdxError, TdxStatus, abi, seamcall};

/// Global initialization of the TDX module.
#[seamcall(leaf = abi::TdhSysInit, in(rcx = attributes))]
pub unsafe fn tdh_sys_init(attributes: FieldId) -> Result<TdxStatus, TdxError>;

fn main() {}
