//! The outputs of TDG.VP.INFO that have a format of their own: R8 (vCPU counts), R9 (this
//! vCPU's index) and R10 (which TDCALL leaves the module offers).
//!
//! Source: intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_info.c` lines 52–73
//! (`td_num_of_vcpus_t`, `vcpu_index`, `tdg_commands_available_t`; R11 is reserved and 0).
//! Every type keeps the whole register, so no bit the module returns is lost.

use core::fmt;

use crate::reg::RegDecode;

/// R8 of TDG.VP.INFO: `td_num_of_vcpus_t`, the number of vCPUs initialized so far (bits 31:0)
/// and the maximum the TD was created for (bits 63:32).
///
/// ```
/// use tdx_core::VcpuCounts;
/// use tdx_core::reg::RegDecode;
/// let counts = VcpuCounts::from_reg(8 << 32 | 3);
/// assert_eq!((counts.num_vcpus(), counts.max_vcpus()), (3, 8));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct VcpuCounts(u64);

impl VcpuCounts {
    /// vCPUs initialized so far (bits 31:0).
    pub const fn num_vcpus(self) -> u32 {
        self.0 as u32
    }
    /// The maximum number of vCPUs of the TD (bits 63:32).
    pub const fn max_vcpus(self) -> u32 {
        (self.0 >> 32) as u32
    }
    /// The register as returned.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl fmt::Debug for VcpuCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "VcpuCounts({} of {} vCPUs)",
            self.num_vcpus(),
            self.max_vcpus()
        )
    }
}

impl RegDecode for VcpuCounts {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        VcpuCounts(raw)
    }
}

/// R9 of TDG.VP.INFO: the index of the calling vCPU (bits 31:0; the upper bits are kept as
/// returned).
///
/// ```
/// use tdx_core::VcpuIndex;
/// use tdx_core::reg::RegDecode;
/// assert_eq!(VcpuIndex::from_reg(2).index(), 2);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct VcpuIndex(u64);

impl VcpuIndex {
    /// The vCPU index (bits 31:0).
    pub const fn index(self) -> u32 {
        self.0 as u32
    }
    /// The register as returned.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl fmt::Debug for VcpuIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VcpuIndex({})", self.index())
    }
}

impl RegDecode for VcpuIndex {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        VcpuIndex(raw)
    }
}

/// R10 of TDG.VP.INFO: `tdg_commands_available_t`, which optional TDCALL leaves the module
/// offers. Bit 0: TDG.SYS.RD is available (module 1.5 on; 1.0 returns 0).
///
/// ```
/// use tdx_core::TdgCommandsAvailable;
/// use tdx_core::reg::RegDecode;
/// assert!(TdgCommandsAvailable::from_reg(1).tdg_sys_rd());
/// assert!(!TdgCommandsAvailable::from_reg(0).tdg_sys_rd());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct TdgCommandsAvailable(u64);

impl TdgCommandsAvailable {
    /// Bit 0: TDG.SYS.RD (and TDG.SYS.RDALL) can be called.
    pub const fn tdg_sys_rd(self) -> bool {
        self.0 & 1 != 0
    }
    /// The register as returned (bits the module may define later are kept).
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl fmt::Debug for TdgCommandsAvailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "TdgCommandsAvailable({:#x}: TDG.SYS.RD {})",
            self.0,
            if self.tdg_sys_rd() { "yes" } else { "no" }
        )
    }
}

impl RegDecode for TdgCommandsAvailable {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        TdgCommandsAvailable(raw)
    }
}
