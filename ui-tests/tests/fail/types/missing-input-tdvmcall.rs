use tdx_core::{TdxError, abi, tdvmcall};

/// Ask the VMM to emulate CPUID (the sub-leaf is forgotten).
#[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = leaf), out(r12 = eax, r13 = ebx, r14 = ecx, r15 = edx))]
pub fn tdvmcall_cpuid(leaf: u64) -> Result<Cpuid, TdxError>;

fn main() {}
