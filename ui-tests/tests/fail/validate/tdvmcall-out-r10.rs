use tdx_core::{TdxError, abi, tdvmcall};

/// Ask the VMM to emulate CPUID.
#[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = leaf, r13 = subleaf), out(r10 = vmcall_status, r12 = eax, r13 = ebx, r14 = ecx, r15 = edx))]
pub fn tdvmcall_cpuid(leaf: u64, subleaf: u64) -> Result<Cpuid, TdxError>;

fn main() {}
