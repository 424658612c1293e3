//! Operands of the TDG.VP.VMCALL sub-functions (GHCI), with validated constructors: the
//! access size, direction, port and MSR of the Instruction.* and #VE.RequestMMIO
//! sub-functions, the event-notify vector, the MapGPA target, the KVM hypercall number, and
//! the operands of Instruction.WBINVD, Instruction.PCONFIG and Service.
//!
//! Sources: intel/tdx-guest@4a2f8dbc `src/tdvmcall.rs` (`perform_cache_operation`: R12 = 0
//! WBINVD, 1 WBNOINVD; `get_td_service`: R12..R15 and the vector and timeout rules quoted
//! below); Instruction.PCONFIG's registers were not found in any public code (see
//! [`PconfigLeaf`]).

use core::num::NonZeroU64;

use crate::addr::{Gpa, SharedGpa};
use crate::reg::RegEncode;

/// R12 of the Instruction.IO and #VE.RequestMMIO sub-functions: the access size in bytes
/// (IO: 1, 2 or 4; MMIO: 1, 2, 4 or 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum AccessSize {
    /// 1 byte.
    Byte = 1,
    /// 2 bytes.
    Word = 2,
    /// 4 bytes.
    Dword = 4,
    /// 8 bytes (MMIO only).
    Qword = 8,
}

impl AccessSize {
    /// The size for `bytes` (1, 2, 4 or 8).
    #[inline]
    pub const fn from_bytes(bytes: u64) -> Option<Self> {
        match bytes {
            1 => Some(AccessSize::Byte),
            2 => Some(AccessSize::Word),
            4 => Some(AccessSize::Dword),
            8 => Some(AccessSize::Qword),
            _ => None,
        }
    }

    /// The size in bytes.
    #[inline]
    pub const fn bytes(self) -> u64 {
        self as u64
    }
}

impl RegEncode for AccessSize {
    #[inline]
    fn to_reg(self) -> u64 {
        self as u64
    }
}

/// R13 of the Instruction.IO and #VE.RequestMMIO sub-functions: 0 = read (IN), 1 = write
/// (OUT) (Linux's `PORT_READ` / `PORT_WRITE`, and `EPT_READ` / `EPT_WRITE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum AccessDirection {
    /// 0: read (IN, MMIO read).
    Read = 0,
    /// 1: write (OUT, MMIO write).
    Write = 1,
}

impl RegEncode for AccessDirection {
    #[inline]
    fn to_reg(self) -> u64 {
        self as u64
    }
}

/// R14 of Instruction.IO: the I/O port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct IoPort(u16);

impl IoPort {
    /// A port.
    #[inline]
    pub const fn new(port: u16) -> Self {
        IoPort(port)
    }

    /// The port number.
    #[inline]
    pub const fn get(self) -> u16 {
        self.0
    }
}

impl RegEncode for IoPort {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0 as u64
    }
}

/// R12 of Instruction.RDMSR and Instruction.WRMSR: the MSR index (ECX of the instruction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct MsrIndex(u32);

impl MsrIndex {
    /// An MSR index.
    #[inline]
    pub const fn new(index: u32) -> Self {
        MsrIndex(index)
    }

    /// The index.
    #[inline]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl RegEncode for MsrIndex {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0 as u64
    }
}

/// R12 of SetupEventNotifyInterrupt: the interrupt vector the VMM injects to notify the TD,
/// 32 to 255. Both the register and the range were read only in dev-tree KVM code
/// (**uncertain**).
///
/// ```
/// use tdx_core::EventNotifyVector;
/// assert!(EventNotifyVector::new(31).is_none());
/// assert_eq!(EventNotifyVector::new(0xF3).map(|v| v.get()), Some(0xF3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct EventNotifyVector(u8);

impl EventNotifyVector {
    /// A vector, or `None` for the exception vectors 0 to 31.
    #[inline]
    pub const fn new(vector: u8) -> Option<Self> {
        if vector < 32 {
            None
        } else {
            Some(EventNotifyVector(vector))
        }
    }

    /// The vector.
    #[inline]
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl RegEncode for EventNotifyVector {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0 as u64
    }
}

/// R12 of MapGPA: the start of the range to convert, whose shared bit says the direction
/// (GHCI: shared bit set = map as shared, clear = map as private; Linux sets it with
/// `cc_mkdec` when converting to shared).
///
/// ```
/// use tdx_core::MapGpaTarget;
/// use tdx_core::reg::RegEncode;
/// use tdx_core::{Gpa, SharedGpa};
/// let private = MapGpaTarget::Private(Gpa::new(0x10_0000)?);
/// let shared = MapGpaTarget::Shared(SharedGpa::new(0x8000_0010_0000)?);
/// assert_eq!(private.to_reg(), 0x10_0000);
/// assert_eq!(shared.to_reg(), 0x8000_0010_0000);
/// assert!(shared.is_shared() && !private.is_shared());
/// # Ok::<(), tdx_core::AddrError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MapGpaTarget {
    /// Convert to private: a GPA with the shared bit clear.
    Private(Gpa),
    /// Convert to shared: the shared alias.
    Shared(SharedGpa),
}

impl MapGpaTarget {
    /// The register image.
    #[inline]
    pub const fn as_u64(self) -> u64 {
        match self {
            MapGpaTarget::Private(gpa) => gpa.as_u64(),
            MapGpaTarget::Shared(gpa) => gpa.as_u64(),
        }
    }

    /// Whether the range is converted to shared.
    #[inline]
    pub const fn is_shared(self) -> bool {
        matches!(self, MapGpaTarget::Shared(_))
    }
}

impl RegEncode for MapGpaTarget {
    #[inline]
    fn to_reg(self) -> u64 {
        self.as_u64()
    }
}

/// R10 of the vendor-specific (KVM) form of TDG.VP.VMCALL: the KVM hypercall number. It is
/// non-zero by construction, because R10 = 0 selects a GHCI-standard TDG.VP.VMCALL
/// (`TDX_HYPERCALL_STANDARD`).
///
/// ```
/// use tdx_core::KvmHypercallNr;
/// assert!(KvmHypercallNr::new(0).is_none());
/// assert_eq!(KvmHypercallNr::new(12).map(|nr| nr.get()), Some(12));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct KvmHypercallNr(NonZeroU64);

impl KvmHypercallNr {
    /// A hypercall number, or `None` for 0.
    #[inline]
    pub const fn new(nr: u64) -> Option<Self> {
        match NonZeroU64::new(nr) {
            Some(nr) => Some(KvmHypercallNr(nr)),
            None => None,
        }
    }

    /// The number.
    #[inline]
    pub const fn get(self) -> u64 {
        self.0.get()
    }
}

impl RegEncode for KvmHypercallNr {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0.get()
    }
}

/// R12 of Instruction.WBINVD: which cache operation the VMM performs on the TD's behalf.
///
/// ```
/// use tdx_core::reg::RegEncode;
/// use tdx_core::CacheOp;
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
/// use tdx_core::PconfigLeaf;
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
/// use tdx_core::EventNotifyVector;
/// use tdx_core::reg::RegEncode;
/// use tdx_core::ServiceNotify;
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
/// use tdx_core::ServiceTimeout;
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
