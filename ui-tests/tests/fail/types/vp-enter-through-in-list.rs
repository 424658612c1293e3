use tdx_core::{Page, Tdvpr, TdxError, TdxStatus, abi, seamcall};

/// TDH.VP.ENTER with its 13 inputs bound through `in(..)` instead of `regs = …`: on a TD exit
/// the module returns guest values in R12-R15, RBX, RDI and RSI, which are declared `in` only.
#[seamcall(leaf = abi::TdhVpEnter, in(rcx = tdvpr, rdx = a, r8 = b, r9 = c, r10 = d, r11 = e, r12 = f, r13 = g, r14 = h, r15 = i, rbx = j, rdi = k, rsi = l))]
pub unsafe fn tdh_vp_enter(
    tdvpr: Page<Tdvpr>,
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
