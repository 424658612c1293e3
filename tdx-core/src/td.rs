//! Values that describe a TD and its vCPUs on both sides of the interface: the TD's host
//! key identifier ([`Hkid`], TDH.MNG.CREATE), a vCPU's x2APIC ID ([`X2ApicId`],
//! TDH.VP.INIT), the TD's attributes ([`TdAttributes`], TDG.VP.INFO) and the VMX exit reason
//! of TDH.VP.ENTER and TDG.VP.VEINFO.GET ([`ExitReason`]).
//!
//! Every output type keeps the whole register; a code TDX does not define is kept in the
//! value or returned as an `Err` holding it.

use core::fmt;

use crate::reg::{RegDecode, RegEncode};
use crate::status::TdxStatus;

/// A host key identifier (HKID): the 16-bit private KeyID of a TD (RDX of TDH.MNG.CREATE,
/// the KeyID bits of a [`KeyedHpa`](crate::KeyedHpa)).
///
/// ```
/// use tdx_core::Hkid;
/// use tdx_core::reg::RegDecode;
/// assert_eq!(Hkid::new(7).get(), 7);
/// assert_eq!(<Result<Hkid, u64>>::from_reg(7), Ok(Hkid::new(7)));
/// assert_eq!(<Result<Hkid, u64>>::from_reg(0x1_0000), Err(0x1_0000));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[repr(transparent)]
pub struct Hkid(u16);

impl Hkid {
    /// An HKID.
    #[inline]
    pub const fn new(hkid: u16) -> Self {
        Hkid(hkid)
    }

    /// The HKID value.
    #[inline]
    pub const fn get(self) -> u16 {
        self.0
    }
}

impl From<u16> for Hkid {
    #[inline]
    fn from(hkid: u16) -> Self {
        Hkid(hkid)
    }
}

impl From<Hkid> for u16 {
    #[inline]
    fn from(hkid: Hkid) -> Self {
        hkid.0
    }
}

impl fmt::Display for Hkid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl RegEncode for Hkid {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0 as u64
    }
}

/// Decodes an HKID; a register with bits above 15 set is kept as `Err(raw)`.
impl RegDecode for Result<Hkid, u64> {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        if raw > u16::MAX as u64 {
            Err(raw)
        } else {
            Ok(Hkid(raw as u16))
        }
    }
}

/// R8 of TDH.VP.INIT version 1: the vCPU's x2APIC ID, 32 bits. The module refuses an ID
/// with a bit above 31 set (`TDX_OPERAND_INVALID`, operand R8) and one another vCPU of the
/// TD already has (`TDX_X2APIC_ID_NOT_UNIQUE`); this type makes the first impossible
/// (intel/tdx-module@1666adc4 `src/vmm_dispatcher/api_calls/tdh_vp_init.c`: "Upper 32 bits
/// must be 0"). KVM passes the vCPU's APIC ID.
///
/// ```
/// use tdx_core::X2ApicId;
/// use tdx_core::reg::RegEncode;
/// assert_eq!(X2ApicId::new(7).get(), 7);
/// assert_eq!(X2ApicId::new(u32::MAX).to_reg(), 0xFFFF_FFFF); // zero-extended
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[repr(transparent)]
pub struct X2ApicId(u32);

impl X2ApicId {
    /// An x2APIC ID.
    #[inline]
    pub const fn new(id: u32) -> Self {
        X2ApicId(id)
    }

    /// The ID.
    #[inline]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl From<u32> for X2ApicId {
    #[inline]
    fn from(id: u32) -> Self {
        X2ApicId(id)
    }
}

impl fmt::Display for X2ApicId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl RegEncode for X2ApicId {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0 as u64
    }
}

/// RDX of TDG.VP.INFO: the TD attributes, kept whole. Linux names two bits:
/// [`TdAttributes::DEBUG`] (bit 0) and [`TdAttributes::SEPT_VE_DISABLE`] (bit 28).
///
/// ```
/// use tdx_core::TdAttributes;
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

/// A VMX exit reason: RCX of TDG.VP.VEINFO.GET, and bits 31:0 of the status TDH.VP.ENTER
/// returns in RAX (KVM: `exit_reason = (u32)vp_enter_ret`). The whole register is kept.
///
/// The named reasons are Linux's `EXIT_REASON_*` (arch/x86/include/uapi/asm/vmx.h@089c1347);
/// the six GHCI instruction sub-functions of TDG.VP.VMCALL reuse these numbers.
/// [`ExitReason::TDCALL`] (77) was read only in patch context (**uncertain**).
///
/// ```
/// use tdx_core::ExitReason;
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
