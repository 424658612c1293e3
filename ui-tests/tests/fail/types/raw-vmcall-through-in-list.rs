use tdx_core::{TdxError, TdxStatus, abi, tdcall};

/// TDG.VP.VMCALL with every register bound through `in(..)` instead of `regs = …`, as a safe
/// `fn`: the VMM may write every register the mask exposes, but R12-R15, RBX, RDI and RSI are
/// declared `in` only.
#[tdcall(leaf = abi::TdgVpVmcall, in(rcx = mask, rdx = a, r8 = b, r9 = c, r10 = d, r11 = e, r12 = f, r13 = g, r14 = h, r15 = i, rbx = j, rdi = k, rsi = l))]
pub fn tdg_vp_vmcall(
    mask: u64,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
    e: u64,
    f: u64,
    g: u64,
    h: u64,
    i: u64,
    j: u64,
    k: u64,
    l: u64,
) -> Result<TdxStatus, TdxError>;

fn main() {}
