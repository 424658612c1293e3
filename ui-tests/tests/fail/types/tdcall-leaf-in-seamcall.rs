use tdx_core::{FieldId, TdxError, abi, seamcall};

/// Read a TD-scope metadata field.
#[seamcall(leaf = abi::TdgVmRd, in(rdx = field), out(r8 = value))]
pub unsafe fn tdg_vm_rd(field: FieldId) -> Result<VmRd, TdxError>;

fn main() {}
