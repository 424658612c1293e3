//! RCX of TDG.VM.RD is a reserved input the wrapper loads with 0 itself: binding it is refused.
use tdx_core::{FieldId, TdxError, abi, tdcall};

#[tdcall(leaf = abi::TdgVmRd, in(rcx = vm, rdx = field), out(r8 = value))]
pub fn tdg_vm_rd_other_vm(vm: u64, field: FieldId) -> Result<VmRd, TdxError>;

fn main() {}
