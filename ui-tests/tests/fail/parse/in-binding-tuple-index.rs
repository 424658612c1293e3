use tdx_core::{Page, Tdcs, Tdr, TdxError, TdxStatus, abi, seamcall};

/// A TD as a tuple struct.
pub struct Td(pub Page<Tdr>);

/// Add a TDCS page to a TD.
#[seamcall(leaf = abi::TdhMngAddcx, in(rcx = tdcs, rdx = td.0))]
pub unsafe fn tdh_mng_addcx(td: &Td, tdcs: Page<Tdcs>) -> Result<TdxStatus, TdxError>;

fn main() {}
