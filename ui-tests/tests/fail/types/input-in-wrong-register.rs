use tdx_core::{TdxError, abi, seamcall};

/// Read a global metadata field.
#[seamcall(leaf = abi::TdhSysRd, in(rcx = field), out(r8 = value))]
pub unsafe fn tdh_sys_rd(field: tdx_core::FieldId) -> Result<SysRd, TdxError>;

fn main() {}
