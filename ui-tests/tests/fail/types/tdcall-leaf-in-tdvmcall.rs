use tdx_core::{FieldId, TdxError, abi, tdvmcall};

/// Read a TD-scope metadata field.
#[tdvmcall(subfn = abi::TdgVmRd, in(rdx = field), out(r8 = value))]
pub fn tdg_vm_rd(field: FieldId) -> Result<VmRd, TdxError>;

fn main() {}
