//! [`CpuidVe`]: RCX of TDG.VP.CPUIDVE.SET, whether CPUID in the guest's supervisor (bit 0)
//! and user (bit 1) mode raises #VE unconditionally; bits 63:2 are reserved
//! (intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_cpuidve_set.c`).

use crate::reg::RegEncode;

/// The CPUID-#VE setting of this vCPU (TDG.VP.CPUIDVE.SET RCX).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CpuidVe {
    /// Bit 0: every CPUID at CPL 0 raises #VE.
    pub supervisor: bool,
    /// Bit 1: every CPUID at CPL > 0 raises #VE.
    pub user: bool,
}

impl RegEncode for CpuidVe {
    #[inline]
    fn to_reg(self) -> u64 {
        self.supervisor as u64 | (self.user as u64) << 1
    }
}
