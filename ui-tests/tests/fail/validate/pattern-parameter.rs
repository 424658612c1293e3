use tdx_core::{Page, Tdvpr, TdxError, TdxStatus, abi, seamcall};

/// Initialize a vCPU.
#[seamcall(leaf = abi::TdhVpInit, in(rcx = tdvpr, rdx = initial_rcx, r8 = x2apic_id))]
pub unsafe fn tdh_vp_init(
    tdvpr: Page<Tdvpr>,
    (initial_rcx, x2apic_id): (u64, u64),
) -> Result<TdxStatus, TdxError>;

fn main() {}
