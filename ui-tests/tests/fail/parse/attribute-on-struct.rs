use tdx_core::{abi, seamcall};

/// The attribute goes on a function signature, not on a type.
#[seamcall(leaf = abi::TdhSysLpInit)]
pub struct TdhSysLpInit;

fn main() {}
