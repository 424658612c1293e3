use tdx_core::{FieldId, TdxError, abi, tdcall};

/// Read a global metadata field.
#[tdcall(leaf = abi::TdhSysRd, in(rdx = field), out(r8 = value))]
pub fn tdh_sys_rd(field: FieldId) -> Result<SysRd, TdxError>;

fn main() {}
