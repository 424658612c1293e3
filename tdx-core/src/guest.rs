//! Operand and output types of the guest's own TDCALL leaves (the vCPU and measurement
//! classes): the decoded outputs of TDG.VP.INFO and TDG.VP.VEINFO.GET, the RTMR index of
//! TDG.MR.RTMR.EXTEND and the CPUID-#VE setting of TDG.VP.CPUIDVE.SET.
//!
//! Every output type keeps the whole register: decoding ([`RegDecode`]) is total and
//! lossless, and reserved or unknown bits stay readable through `raw()`. Every input type
//! has exactly one register image ([`RegEncode`]).
//!
//! Sources: intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_info.c` lines 52–73
//! (`td_num_of_vcpus_t`, `vcpu_index`, `tdg_commands_available_t`; R11 is reserved and 0),
//! `src/td_dispatcher/vm_exits/tdg_vp_cpuidve_set.c`; facts of the ABI table
//! ([`crate::abi`]), where the reference marks a fact uncertain, the item says so.

use core::fmt;

use crate::reg::{RegDecode, RegEncode};

// ------------------------------------------------------------------------ TDG.VP.INFO

/// RCX of TDG.VP.INFO: the guest physical address width in bits 5:0, the rest kept.
///
/// Linux reads only bits 5:0 (`td_info.gpa_width = args.rcx & GENMASK(5, 0)`) and derives the
/// shared bit as `gpa_width - 1` (arch/x86/coco/tdx/tdx.c, version not pinned).
///
/// ```
/// use tdx_core::GpaWidth;
/// use tdx_core::reg::RegDecode;
/// let w = GpaWidth::from_reg(0x4000_0034); // width 52, and a bit Linux does not read
/// assert_eq!(w.width(), 52);
/// assert_eq!(w.shared_bit(), Some(51));
/// assert_eq!(w.raw(), 0x4000_0034);
/// assert_eq!(GpaWidth::from_reg(48).shared_bit(), Some(47));
/// assert_eq!(GpaWidth::from_reg(40).shared_bit(), None); // not a TDX shared-bit position
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct GpaWidth(u64);

impl GpaWidth {
    /// A value from its raw register.
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        GpaWidth(raw)
    }

    /// The raw register.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// The guest physical address width, bits 5:0.
    #[inline]
    pub const fn width(self) -> u8 {
        (self.0 & 0x3F) as u8
    }

    /// The shared-bit position, `width - 1`, if it is one TDX defines (47 or 51).
    #[inline]
    pub const fn shared_bit(self) -> Option<u8> {
        match self.width() {
            48 => Some(47),
            52 => Some(51),
            _ => None,
        }
    }
}

impl fmt::Debug for GpaWidth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GpaWidth({} bits, {:#x})", self.width(), self.0)
    }
}

impl fmt::Display for GpaWidth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} bits", self.width())
    }
}

impl RegDecode for GpaWidth {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        GpaWidth(raw)
    }
}

/// R10 of TDG.VP.VEINFO.GET: instruction length in bits 31:0, instruction information in
/// bits 63:32.
///
/// ```
/// use tdx_core::VeInstruction;
/// use tdx_core::reg::RegDecode;
/// let i = VeInstruction::from_reg(0x0000_0042_0000_0003);
/// assert_eq!((i.len(), i.info()), (3, 0x42));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct VeInstruction(u64);

impl VeInstruction {
    /// A value from its raw register.
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        VeInstruction(raw)
    }

    /// The raw register.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// The length of the instruction that caused the #VE, bits 31:0 (`ve->instr_len`).
    #[inline]
    #[allow(clippy::len_without_is_empty)] // an instruction length, not a collection
    pub const fn len(self) -> u32 {
        self.0 as u32
    }

    /// The instruction information, bits 63:32 (`ve->instr_info`).
    #[inline]
    pub const fn info(self) -> u32 {
        (self.0 >> 32) as u32
    }
}

impl fmt::Debug for VeInstruction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "VeInstruction(len {}, info {:#x})",
            self.len(),
            self.info()
        )
    }
}

impl RegDecode for VeInstruction {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        VeInstruction(raw)
    }
}

/// RDX of TDG.MR.RTMR.EXTEND: the index of the runtime measurement register to extend
/// (Linux: `u8 index`). The register usage was read only in patch text (**uncertain**), and
/// the reference gives no range, so every `u8` is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct RtmrIndex(u8);

impl RtmrIndex {
    /// An RTMR index.
    #[inline]
    pub const fn new(index: u8) -> Self {
        RtmrIndex(index)
    }

    /// The index.
    #[inline]
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl RegEncode for RtmrIndex {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0 as u64
    }
}

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
