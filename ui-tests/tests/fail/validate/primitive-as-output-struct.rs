use tdx_core::{FieldId, TdxError, abi, tdcall};

/// Read a TD-scope metadata field, `Ok` written as the value's type: the macro generates
/// `pub struct u64 { .. }`, which shadows the primitive `u64` in this module.
#[tdcall(leaf = abi::TdgVmRd, in(rdx = field), out(r8 = value))]
pub fn tdg_vm_rd(field: FieldId) -> Result<u64, TdxError>;

fn main() {}
