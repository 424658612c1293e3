use tdx_core::{TdxError, TdxStatus, tdcall};

/// TDCALL leaf 0 (TDG.VP.VMCALL) by number, as a safe `fn`, with a caller-chosen exposed mask:
/// registers the VMM writes are not declared clobbered.
#[tdcall(leaf = 0, in(rcx = mask, r11 = subfn, r12 = arg))]
pub fn tdvmcall_raw(mask: u64, subfn: u64, arg: u64) -> Result<TdxStatus, TdxError>;

fn main() {}
