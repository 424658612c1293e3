//! Route 4: TDG.VM.WR is not marked safe in the ABI table, so no crate can wrap it with a
//! safe `fn`.
use tdx_core::{FieldId, TdxError, TdxStatus, abi, tdcall};

#[tdcall(leaf = abi::TdgVmWr, in(rdx = field, r8 = value, r9 = mask))]
pub fn tdg_vm_wr(field: FieldId, value: u64, mask: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
