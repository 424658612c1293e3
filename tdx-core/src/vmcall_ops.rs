//! Operands of the TDG.VP.VMCALL sub-functions Instruction.WBINVD, Instruction.PCONFIG and
//! Service (GHCI), with validated constructors.
//!
//! Sources: intel/tdx-guest@4a2f8dbc `src/tdvmcall.rs` (`perform_cache_operation`: R12 = 0
//! WBINVD, 1 WBNOINVD; `get_td_service`: R12..R15 and the vector and timeout rules quoted
//! below); Instruction.PCONFIG's registers were not found in any public code (see
//! [`PconfigLeaf`]).

use crate::outputs::EventNotifyVector;
use crate::reg::RegEncode;

/// R12 of Instruction.WBINVD: which cache operation the VMM performs on the TD's behalf.
///
/// ```
/// use tdx_core::reg::RegEncode;
/// use tdx_core::vmcall_ops::CacheOp;
/// assert_eq!(CacheOp::Wbinvd.to_reg(), 0);
/// assert_eq!(CacheOp::Wbnoinvd.to_reg(), 1);
/// assert_eq!(CacheOp::from_raw(2), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CacheOp {
    /// 0: write back and invalidate the caches (WBINVD).
    Wbinvd = 0,
    /// 1: write back without invalidating (WBNOINVD).
    Wbnoinvd = 1,
}

impl CacheOp {
    /// The operation for the register value `raw` (0 or 1).
    #[inline]
    pub const fn from_raw(raw: u64) -> Option<Self> {
        match raw {
            0 => Some(CacheOp::Wbinvd),
            1 => Some(CacheOp::Wbnoinvd),
            _ => None,
        }
    }
}

impl RegEncode for CacheOp {
    #[inline]
    fn to_reg(self) -> u64 {
        self as u64
    }
}

/// R12 of Instruction.PCONFIG: the PCONFIG leaf function (the instruction's EAX, so at most
/// 32 bits).
///
/// The sub-function number (65, the VMX exit reason of PCONFIG) is in every public table read; the
/// registers (R12 = EAX, R13 = RBX, R14 = RCX, R15 = RDX, the instruction's RAX back in R11)
/// follow the GHCI's pattern for the instruction sub-functions and were not found in any
/// public code that issues it (**uncertain**).
///
/// ```
/// use tdx_core::reg::RegEncode;
/// use tdx_core::vmcall_ops::PconfigLeaf;
/// assert_eq!(PconfigLeaf::MKTME_KEY_PROGRAM.to_reg(), 0);
/// assert_eq!(PconfigLeaf::new(1).map(PconfigLeaf::get), Some(1));
/// assert!(PconfigLeaf::new(1 << 32).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct PconfigLeaf(u32);

impl PconfigLeaf {
    /// MKTME_KEY_PROGRAM (leaf 0, Intel SDM PCONFIG): RBX names a KEY_PROGRAM_STRUCT.
    pub const MKTME_KEY_PROGRAM: PconfigLeaf = PconfigLeaf(0);

    /// A leaf, or `None` if `raw` does not fit in EAX.
    #[inline]
    pub const fn new(raw: u64) -> Option<Self> {
        if raw > u32::MAX as u64 {
            None
        } else {
            Some(PconfigLeaf(raw as u32))
        }
    }

    /// The leaf number.
    #[inline]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl RegEncode for PconfigLeaf {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0 as u64
    }
}

/// R14 of Service: how the VMM signals the response. intel/tdx-guest@4a2f8dbc: "0: blocking
/// action. VMM need get response then return. 1~31: Reserved. 32~255: Non-block action. VMM
/// can return immediately and signal the interrupt vector when the response is ready."
///
/// ```
/// use tdx_core::outputs::EventNotifyVector;
/// use tdx_core::reg::RegEncode;
/// use tdx_core::vmcall_ops::ServiceNotify;
/// assert_eq!(ServiceNotify::Blocking.to_reg(), 0);
/// let v = EventNotifyVector::new(0xF0).expect("not an exception vector");
/// assert_eq!(ServiceNotify::Interrupt(v).to_reg(), 0xF0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServiceNotify {
    /// 0: the VMM returns once the response is in the buffer.
    Blocking,
    /// 32..=255: the VMM may return at once and injects this vector when the response is
    /// ready.
    Interrupt(EventNotifyVector),
}

impl RegEncode for ServiceNotify {
    #[inline]
    fn to_reg(self) -> u64 {
        match self {
            ServiceNotify::Blocking => 0,
            ServiceNotify::Interrupt(vector) => vector.get() as u64,
        }
    }
}

/// R15 of Service: the longest the VMM may take for the command and its response; 0 is no
/// limit. intel/tdx-guest and td-shim (confidential-containers/td-shim, MigTD callers) pass
/// the raw number; its unit is not stated in the code read (**uncertain**; the GHCI text is
/// the authority).
///
/// ```
/// use tdx_core::reg::RegEncode;
/// use tdx_core::vmcall_ops::ServiceTimeout;
/// assert_eq!(ServiceTimeout::NONE.to_reg(), 0);
/// assert_eq!(ServiceTimeout::new(5000).to_reg(), 5000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct ServiceTimeout(u64);

impl ServiceTimeout {
    /// No limit (0).
    pub const NONE: ServiceTimeout = ServiceTimeout(0);

    /// A limit of `raw` (0: none).
    #[inline]
    pub const fn new(raw: u64) -> Self {
        ServiceTimeout(raw)
    }

    /// The register value.
    #[inline]
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl RegEncode for ServiceTimeout {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}
