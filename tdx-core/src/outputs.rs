//! Small value types of the ABI table that are neither addresses, pages nor packed GPAs:
//! the decoded outputs of TDG.VP.INFO, TDG.VP.VEINFO.GET, TDH.PHYMEM.PAGE.RECLAIM and
//! TDH.VP.ENTER, and the typed scalar inputs of TDH.PHYMEM.CACHE.WB, TDG.MR.RTMR.EXTEND and
//! the TDG.VP.VMCALL sub-functions.
//!
//! Every output type keeps the whole register: decoding ([`RegDecode`]) is total and
//! lossless, and reserved or unknown bits stay readable through `raw()`. As Rick Edgecombe
//! put it for TDH.PHYMEM.PAGE.RECLAIM, "I'd rather have the full register for debugging than
//! an easy to read error message". Every input type has exactly one register image
//! ([`RegEncode`]), so a value of the wrong kind (a port where an MSR index goes, a write
//! where a read was meant) does not compile.
//!
//! Facts and sources are those of the ABI table ([`crate::abi`]); where the reference marks a
//! fact uncertain, the item says so.

use core::fmt;
use core::num::NonZeroU64;

use crate::addr::{Gpa, SharedGpa};
use crate::reg::{RegDecode, RegEncode};
use crate::status::TdxStatus;

// ------------------------------------------------------------------------ TDG.VP.INFO

/// RCX of TDG.VP.INFO: the guest physical address width in bits 5:0, the rest kept.
///
/// Linux reads only bits 5:0 (`td_info.gpa_width = args.rcx & GENMASK(5, 0)`) and derives the
/// shared bit as `gpa_width - 1` (arch/x86/coco/tdx/tdx.c, version not pinned).
///
/// ```
/// use tdx_core::outputs::GpaWidth;
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

/// RDX of TDG.VP.INFO: the TD attributes, kept whole. Linux names two bits:
/// [`TdAttributes::DEBUG`] (bit 0) and [`TdAttributes::SEPT_VE_DISABLE`] (bit 28).
///
/// ```
/// use tdx_core::outputs::TdAttributes;
/// use tdx_core::reg::RegDecode;
/// let a = TdAttributes::from_reg(1 << 28 | 1 << 40);
/// assert!(a.sept_ve_disable() && !a.debug());
/// assert!(a.contains(TdAttributes::SEPT_VE_DISABLE));
/// assert_eq!(a.raw(), 1 << 28 | 1 << 40); // unknown bits kept
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct TdAttributes(u64);

impl TdAttributes {
    /// `ATTR_DEBUG`, bit 0: the TD is a debug TD.
    pub const DEBUG: u64 = 1 << 0;
    /// `ATTR_SEPT_VE_DISABLE`, bit 28: EPT violations on pending pages are not turned into #VE.
    pub const SEPT_VE_DISABLE: u64 = 1 << 28;

    /// Attributes from the raw register.
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        TdAttributes(raw)
    }

    /// The raw register.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// Whether every bit of `mask` is set.
    #[inline]
    pub const fn contains(self, mask: u64) -> bool {
        self.0 & mask == mask
    }

    /// Bit 0, `ATTR_DEBUG`.
    #[inline]
    pub const fn debug(self) -> bool {
        self.contains(Self::DEBUG)
    }

    /// Bit 28, `ATTR_SEPT_VE_DISABLE`.
    #[inline]
    pub const fn sept_ve_disable(self) -> bool {
        self.contains(Self::SEPT_VE_DISABLE)
    }
}

impl fmt::Debug for TdAttributes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TdAttributes({:#x}", self.0)?;
        if self.debug() {
            f.write_str(" DEBUG")?;
        }
        if self.sept_ve_disable() {
            f.write_str(" SEPT_VE_DISABLE")?;
        }
        f.write_str(")")
    }
}

impl fmt::Display for TdAttributes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x}", self.0)
    }
}

impl RegDecode for TdAttributes {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        TdAttributes(raw)
    }
}

// ------------------------------------------------------------- exits: VE info, VP.ENTER

/// A VMX exit reason: RCX of TDG.VP.VEINFO.GET, and bits 31:0 of the status TDH.VP.ENTER
/// returns in RAX (KVM: `exit_reason = (u32)vp_enter_ret`). The whole register is kept.
///
/// The named reasons are Linux's `EXIT_REASON_*` (arch/x86/include/uapi/asm/vmx.h@089c1347);
/// the six GHCI instruction sub-functions of TDG.VP.VMCALL reuse these numbers.
/// [`ExitReason::TDCALL`] (77) was read only in patch context (**uncertain**).
///
/// ```
/// use tdx_core::outputs::ExitReason;
/// use tdx_core::TdxStatus;
/// let r = ExitReason::from_vp_enter_status(TdxStatus::from_raw(77));
/// assert_eq!(r, ExitReason::TDCALL);
/// assert_eq!(r.basic(), 77);
/// assert_eq!(r.name(), Some("TDCALL"));
/// assert_eq!(ExitReason::from_raw(0x8000_0030).basic(), 48); // bit 31 set, kept
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct ExitReason(u64);

impl ExitReason {
    /// `EXIT_REASON_CPUID` (10).
    pub const CPUID: ExitReason = ExitReason(10);
    /// `EXIT_REASON_HLT` (12).
    pub const HLT: ExitReason = ExitReason(12);
    /// `EXIT_REASON_IO_INSTRUCTION` (30).
    pub const IO_INSTRUCTION: ExitReason = ExitReason(30);
    /// `EXIT_REASON_MSR_READ` (31).
    pub const MSR_READ: ExitReason = ExitReason(31);
    /// `EXIT_REASON_MSR_WRITE` (32).
    pub const MSR_WRITE: ExitReason = ExitReason(32);
    /// `EXIT_REASON_EPT_VIOLATION` (48).
    pub const EPT_VIOLATION: ExitReason = ExitReason(48);
    /// `EXIT_REASON_TDCALL` (77): the TD issued TDG.VP.VMCALL (**uncertain**: number read in
    /// patch context only).
    pub const TDCALL: ExitReason = ExitReason(77);

    /// A reason from its raw register.
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        ExitReason(raw)
    }

    /// The exit reason in bits 31:0 of a TDH.VP.ENTER status (meaningful when the status is
    /// `TDX_SUCCESS` or one of the `TDX_NON_RECOVERABLE_*` codes).
    #[inline]
    pub const fn from_vp_enter_status(status: TdxStatus) -> Self {
        ExitReason(status.raw() & 0xFFFF_FFFF)
    }

    /// The raw register.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// The basic exit reason, bits 15:0.
    #[inline]
    pub const fn basic(self) -> u16 {
        self.0 as u16
    }

    /// Linux's name for the basic reason (without `EXIT_REASON_`), if this module names it.
    pub const fn name(self) -> Option<&'static str> {
        match self.basic() {
            10 => Some("CPUID"),
            12 => Some("HLT"),
            30 => Some("IO_INSTRUCTION"),
            31 => Some("MSR_READ"),
            32 => Some("MSR_WRITE"),
            48 => Some("EPT_VIOLATION"),
            77 => Some("TDCALL"),
            _ => None,
        }
    }
}

impl fmt::Debug for ExitReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "ExitReason({name}, {:#x})", self.0),
            None => write!(f, "ExitReason({:#x})", self.0),
        }
    }
}

impl fmt::Display for ExitReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{name} ({})", self.basic()),
            None => write!(f, "exit reason {:#x}", self.0),
        }
    }
}

impl RegDecode for ExitReason {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        ExitReason(raw)
    }
}

/// R10 of TDG.VP.VEINFO.GET: instruction length in bits 31:0, instruction information in
/// bits 63:32.
///
/// ```
/// use tdx_core::outputs::VeInstruction;
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

// ------------------------------------------------------------- TDH.PHYMEM.PAGE.RECLAIM

/// R8 of TDH.PHYMEM.PAGE.RECLAIM: the size of the reclaimed page in the TDX size-code
/// encoding (bits 2:0: 0 = 4 KiB, 1 = 2 MiB, 2 = 1 GiB), the whole register kept.
///
/// Linux calls the three outputs "TDX-defined formats, returned only for error reporting"
/// and the upstream discussion notes that bits 63:3 of R8 are reserved, so the register is
/// kept whole and [`PamtPageSize::size`] decodes only bits 2:0.
///
/// ```
/// use tdx_core::outputs::PamtPageSize;
/// use tdx_core::reg::RegDecode;
/// use tdx_core::PageSize;
/// assert_eq!(PamtPageSize::from_reg(1).size(), Some(PageSize::Size2M));
/// assert_eq!(PamtPageSize::from_reg(7).size(), None);
/// assert_eq!(PamtPageSize::from_reg(0x100).reserved(), 0x100);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct PamtPageSize(u64);

impl PamtPageSize {
    /// A value from its raw register.
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        PamtPageSize(raw)
    }

    /// The raw register.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// The page size coded in bits 2:0, or `None` for a code TDX does not define.
    #[inline]
    pub const fn size(self) -> Option<crate::PageSize> {
        match crate::PageSize::from_code(self.0 & 7) {
            Ok(size) => Some(size),
            Err(_) => None,
        }
    }

    /// The reserved bits 63:3 (zero on the modules Linux was written against).
    #[inline]
    pub const fn reserved(self) -> u64 {
        self.0 & !7
    }
}

impl fmt::Debug for PamtPageSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.size() {
            Some(size) => write!(f, "PamtPageSize({size}, {:#x})", self.0),
            None => write!(f, "PamtPageSize({:#x})", self.0),
        }
    }
}

impl RegDecode for PamtPageSize {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        PamtPageSize(raw)
    }
}

// ------------------------------------------------------------------- scalar inputs

/// RCX of TDH.PHYMEM.CACHE.WB: start a cache write-back, or resume one that returned
/// `TDX_INTERRUPTED_RESUMABLE` (Linux: `args.rcx = resume ? 1 : 0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CacheWbMode {
    /// 0: start.
    Start = 0,
    /// 1: resume after `TDX_INTERRUPTED_RESUMABLE`.
    Resume = 1,
}

impl RegEncode for CacheWbMode {
    #[inline]
    fn to_reg(self) -> u64 {
        self as u64
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
/// use tdx_core::outputs::EventNotifyVector;
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
/// use tdx_core::outputs::MapGpaTarget;
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
/// use tdx_core::outputs::KvmHypercallNr;
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
