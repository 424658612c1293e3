use tdx_core::{TdxError, abi, seamcall};

/// Read a global metadata field.
#[seamcall(leaf = abi::TdhSysRd, in(rdx = field), out(r8 = value: u32))]
pub unsafe fn tdh_sys_rd(field: tdx_core::FieldId) -> Result<SysRd, TdxError>;

fn main() {}
