//! The guest address spaces: [`Gpa`], [`SharedGpa`] and [`Gva`].

use core::fmt;

use super::{AddrError, aligned, check_canonical, check_physical, check_shared_bit, round_down};
use crate::reg::{RegDecode, RegEncode};

/// A private guest physical address: bits 63:52 clear.
///
/// [`Gpa::new`] only checks bits 63:52, because the shared-bit position depends on the TD's
/// guest physical address width. [`Gpa::new_private`] also checks that the shared bit, and
/// everything above it, is clear. [`Gpa::to_shared`] gives the [`SharedGpa`] alias.
///
/// ```
/// use tdx_core::{AddrError, Gpa};
/// let gpa = Gpa::new_private(0x8000_0000, 47)?;
/// let shared = gpa.to_shared(47)?;
/// assert_eq!(shared.as_u64(), 0x8000_8000_0000);
/// assert_eq!(shared.to_private(), gpa);
/// assert_eq!(
///     Gpa::new_private(0x8000_0000_0000, 47),
///     Err(AddrError::SharedBitSet { raw: 0x8000_0000_0000, shared_bit: 47 })
/// );
/// # Ok::<(), AddrError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct Gpa(u64);

impl Gpa {
    /// Zero.
    pub const ZERO: Gpa = Gpa(0);

    /// A guest physical address, or [`AddrError::NotPhysical`] if bits 63:52 are set.
    #[inline]
    pub const fn new(raw: u64) -> Result<Self, AddrError> {
        match check_physical(raw) {
            Ok(()) => Ok(Gpa(raw)),
            Err(e) => Err(e),
        }
    }

    /// A private guest physical address for a TD whose shared bit is `shared_bit`
    /// (47 or 51, i.e. GPA width − 1): bits 63:52 clear, and the shared bit and every bit
    /// above it clear.
    pub const fn new_private(raw: u64, shared_bit: u8) -> Result<Self, AddrError> {
        if let Err(e) = check_physical(raw) {
            return Err(e);
        }
        if let Err(e) = check_shared_bit(raw, shared_bit) {
            return Err(e);
        }
        if (raw >> shared_bit) & 1 != 0 {
            Err(AddrError::SharedBitSet { raw, shared_bit })
        } else if raw >> shared_bit != 0 {
            Err(AddrError::AboveSharedBit { raw, shared_bit })
        } else {
            Ok(Gpa(raw))
        }
    }

    /// The shared alias of this private GPA (`self | 1 << shared_bit`), for a TD whose
    /// shared bit is `shared_bit` (47 or 51). Errs if the shared bit, or a bit above it, is
    /// already set.
    pub const fn to_shared(self, shared_bit: u8) -> Result<SharedGpa, AddrError> {
        match Gpa::new_private(self.0, shared_bit) {
            Ok(gpa) => Ok(SharedGpa(gpa.0 | (1 << shared_bit))),
            Err(e) => Err(e),
        }
    }
}

addr_common!(Gpa);
addr_checked_add!(Gpa);

/// A shared guest physical address: bits 63:52 clear and the TD's shared bit set.
///
/// TDX defines two shared-bit positions: bit 47 (GPA width 48) and bit 51 (GPA width 52).
/// The shared bit is the top bit of the guest physical address space, so it is always the
/// highest bit set in a shared GPA: [`SharedGpa::new`] accepts a value whose highest set
/// bit is 51, or 47 (with bits 51:48 clear), and [`SharedGpa::shared_bit`] recovers which.
/// Use [`SharedGpa::new_shared`] to require a specific shared bit.
///
/// ```
/// use tdx_core::SharedGpa;
/// let s = SharedGpa::new(0x8000_0010_0000)?;
/// assert_eq!(s.shared_bit(), 47);
/// assert_eq!(s.to_private().as_u64(), 0x10_0000);
/// assert!(SharedGpa::new(0x10_0000).is_err());           // no shared bit
/// assert!(SharedGpa::new(0x0001_8000_0000_0000).is_err()); // bit 48 above bit 47
/// assert!(SharedGpa::new_shared(0x8000_0010_0000, 51).is_err());
/// # Ok::<(), tdx_core::AddrError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct SharedGpa(u64);

impl SharedGpa {
    /// A shared guest physical address: bits 63:52 clear ([`AddrError::NotPhysical`]) and
    /// bit 51 set, or bit 47 set with bits 51:48 clear ([`AddrError::NotShared`]).
    #[inline]
    pub const fn new(raw: u64) -> Result<Self, AddrError> {
        if let Err(e) = check_physical(raw) {
            return Err(e);
        }
        if raw >> 51 == 1 || raw >> 47 == 1 {
            Ok(SharedGpa(raw))
        } else {
            Err(AddrError::NotShared { raw })
        }
    }

    /// A shared guest physical address for a TD whose shared bit is `shared_bit` (47 or
    /// 51): the shared bit set and nothing above it.
    pub const fn new_shared(raw: u64, shared_bit: u8) -> Result<Self, AddrError> {
        if let Err(e) = check_physical(raw) {
            return Err(e);
        }
        if let Err(e) = check_shared_bit(raw, shared_bit) {
            return Err(e);
        }
        if raw >> shared_bit > 1 {
            Err(AddrError::AboveSharedBit { raw, shared_bit })
        } else if raw >> shared_bit == 0 {
            Err(AddrError::SharedBitClear { raw, shared_bit })
        } else {
            Ok(SharedGpa(raw))
        }
    }

    /// The position of the shared bit (47 or 51).
    #[inline]
    pub const fn shared_bit(self) -> u8 {
        if self.0 >> 51 == 1 { 51 } else { 47 }
    }

    /// The private GPA this shared GPA aliases (the shared bit cleared).
    #[inline]
    pub const fn to_private(self) -> Gpa {
        Gpa(self.0 & !(1 << self.shared_bit()))
    }

    /// `self + offset`, or `None` if that overflows or changes the shared bit.
    #[inline]
    pub const fn checked_add(self, offset: u64) -> Option<Self> {
        match self.0.checked_add(offset) {
            Some(raw) => match SharedGpa::new_shared(raw, self.shared_bit()) {
                Ok(addr) => Some(addr),
                Err(_) => None,
            },
            None => None,
        }
    }
}

addr_common!(SharedGpa);

/// A guest linear (virtual) address: canonical for 4-level paging (bits 63:47 all equal).
///
/// As for [`Hva`](crate::Hva), 57-bit (LA57) linear addresses are not covered.
///
/// ```
/// use tdx_core::Gva;
/// assert!(Gva::new(0xffff_ffff_8000_0000).is_ok());
/// assert!(Gva::new(0x0001_0000_0000_0000).is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct Gva(u64);

impl Gva {
    /// A guest linear address, or [`AddrError::NonCanonical`] if bits 63:47 are not all equal.
    #[inline]
    pub const fn new(raw: u64) -> Result<Self, AddrError> {
        match check_canonical(raw) {
            Ok(()) => Ok(Gva(raw)),
            Err(e) => Err(e),
        }
    }
}

addr_common!(Gva);
addr_checked_add!(Gva);
