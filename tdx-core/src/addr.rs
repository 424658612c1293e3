//! Typed addresses: one type per address space, each with a checked invariant.
//!
//! | type | space | invariant checked by `new` |
//! |---|---|---|
//! | [`Hpa`] | host physical | bits 63:52 clear |
//! | [`Hva`] | host virtual | canonical (bits 63:47 all equal) |
//! | [`Gpa`] | guest physical, private | bits 63:52 clear |
//! | [`SharedGpa`] | guest physical, shared | bits 63:52 clear, shared bit (47 or 51) is the highest bit set |
//! | [`Gva`] | guest linear | canonical (bits 63:47 all equal) |
//! | [`KeyedHpa`] | host physical with an HKID in the KeyID bits | `hpa < 1 << phys_bits`, key fits below bit 52 |
//!
//! Conversions between spaces are named functions ([`Gpa::to_shared`],
//! [`SharedGpa::to_private`], [`KeyedHpa::new`]); there is no `From` between address types,
//! and nothing converts between host and guest spaces (that mapping is the Secure-EPT's and
//! the VMM's, and cannot be computed here).
//!
//! Every register an address type can be decoded from decodes into `Result<T, AddrError>`,
//! so an out-of-range value the TDX module (or a VMM) returns is kept, never lost or panicked on.

use core::fmt;

use crate::Hkid;
use crate::reg::{RegDecode, RegEncode};

/// Number of physical-address bits the x86 architecture allows (bits 51:0).
pub const MAX_PHYS_BITS: u8 = 52;

/// The shared-bit positions TDX defines: bit 47 when the guest physical address width
/// (GPAW) is 48, bit 51 when it is 52 (4- or 5-level Secure EPT).
pub const SHARED_BITS: [u8; 2] = [47, 51];

/// Why a value is not a valid address of the requested kind.
///
/// Every variant keeps the offending raw value, so nothing is lost when a register the TDX
/// module returned fails to decode.
///
/// ```
/// use tdx_core::{AddrError, Hpa};
/// let err = Hpa::new(1 << 52).unwrap_err();
/// assert_eq!(err, AddrError::NotPhysical { raw: 1 << 52 });
/// assert_eq!(err.raw(), 1 << 52);
/// assert_eq!(
///     err.to_string(),
///     "0x10000000000000 is not a physical address: bits 63:52 must be clear"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddrError {
    /// Bits 63:52 are set: not a physical address.
    NotPhysical {
        /// The offending value.
        raw: u64,
    },
    /// Bits 63:47 are not all equal: not a canonical 48-bit linear address.
    NonCanonical {
        /// The offending value.
        raw: u64,
    },
    /// The value is not a multiple of `align`, or `align` is not a power of two.
    Misaligned {
        /// The offending value.
        raw: u64,
        /// The required alignment in bytes.
        align: u64,
    },
    /// `shared_bit` is not a TDX shared-bit position (47 or 51).
    InvalidSharedBit {
        /// The address that was being checked.
        raw: u64,
        /// The offending shared-bit position.
        shared_bit: u8,
    },
    /// A private GPA has its shared bit set.
    SharedBitSet {
        /// The offending value.
        raw: u64,
        /// The shared-bit position.
        shared_bit: u8,
    },
    /// A shared GPA has its shared bit clear.
    SharedBitClear {
        /// The offending value.
        raw: u64,
        /// The shared-bit position.
        shared_bit: u8,
    },
    /// A GPA has bits set above its shared bit, i.e. it is beyond the guest physical
    /// address width.
    AboveSharedBit {
        /// The offending value.
        raw: u64,
        /// The shared-bit position.
        shared_bit: u8,
    },
    /// Neither bit 51 nor bit 47 (with bits 51:48 clear) is set: not a shared GPA for any
    /// TDX guest physical address width.
    NotShared {
        /// The offending value.
        raw: u64,
    },
    /// `phys_bits` is not in `1..=52`.
    PhysBitsOutOfRange {
        /// The address that was being checked.
        raw: u64,
        /// The offending physical-address width.
        phys_bits: u8,
    },
    /// The host physical address has bits at or above `phys_bits`, where the KeyID goes.
    AbovePhysBits {
        /// The offending value.
        raw: u64,
        /// The physical-address width.
        phys_bits: u8,
    },
    /// The HKID shifted to `phys_bits` does not fit below bit 52.
    HkidTooLarge {
        /// The address that was being keyed (or the keyed value being decoded).
        raw: u64,
        /// The offending HKID (as decoded, it may exceed 16 bits).
        hkid: u64,
        /// The physical-address width.
        phys_bits: u8,
    },
    /// The low bits of a packed GPA operand hold a level or size code TDX does not define.
    UnknownLevel {
        /// The offending packed value.
        raw: u64,
    },
}

impl AddrError {
    /// The offending raw value.
    pub const fn raw(self) -> u64 {
        match self {
            AddrError::NotPhysical { raw }
            | AddrError::NonCanonical { raw }
            | AddrError::Misaligned { raw, .. }
            | AddrError::InvalidSharedBit { raw, .. }
            | AddrError::SharedBitSet { raw, .. }
            | AddrError::SharedBitClear { raw, .. }
            | AddrError::AboveSharedBit { raw, .. }
            | AddrError::NotShared { raw }
            | AddrError::PhysBitsOutOfRange { raw, .. }
            | AddrError::AbovePhysBits { raw, .. }
            | AddrError::HkidTooLarge { raw, .. }
            | AddrError::UnknownLevel { raw } => raw,
        }
    }
}

impl fmt::Display for AddrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            AddrError::NotPhysical { raw } => write!(
                f,
                "{raw:#x} is not a physical address: bits 63:52 must be clear"
            ),
            AddrError::NonCanonical { raw } => write!(
                f,
                "{raw:#x} is not a canonical address: bits 63:47 must all be equal"
            ),
            AddrError::Misaligned { raw, align } => {
                write!(f, "{raw:#x} is not aligned to {align:#x}")
            }
            AddrError::InvalidSharedBit { raw, shared_bit } => write!(
                f,
                "shared bit {shared_bit} (for {raw:#x}) is not a TDX shared bit: it must be 47 or 51"
            ),
            AddrError::SharedBitSet { raw, shared_bit } => write!(
                f,
                "{raw:#x} is not a private guest physical address: shared bit {shared_bit} is set"
            ),
            AddrError::SharedBitClear { raw, shared_bit } => write!(
                f,
                "{raw:#x} is not a shared guest physical address: shared bit {shared_bit} is clear"
            ),
            AddrError::AboveSharedBit { raw, shared_bit } => write!(
                f,
                "{raw:#x} is beyond the guest physical address width: bits above shared bit {shared_bit} are set"
            ),
            AddrError::NotShared { raw } => write!(
                f,
                "{raw:#x} is not a shared guest physical address: its highest set bit is neither 47 nor 51"
            ),
            AddrError::PhysBitsOutOfRange { raw, phys_bits } => write!(
                f,
                "physical address width {phys_bits} (for {raw:#x}) is out of range 1..=52"
            ),
            AddrError::AbovePhysBits { raw, phys_bits } => write!(
                f,
                "{raw:#x} has bits at or above the physical address width {phys_bits}"
            ),
            AddrError::HkidTooLarge {
                raw,
                hkid,
                phys_bits,
            } => write!(
                f,
                "hkid {hkid:#x} shifted to bit {phys_bits} does not fit below bit 52 (address {raw:#x})"
            ),
            AddrError::UnknownLevel { raw } => write!(
                f,
                "{raw:#x} has an undefined level or size code {} in bits 2:0",
                raw & 7
            ),
        }
    }
}

impl core::error::Error for AddrError {}

/// Whether `align` is a power of two and `raw` a multiple of it.
const fn aligned(raw: u64, align: u64) -> bool {
    align.is_power_of_two() && raw & (align - 1) == 0
}

/// `raw` rounded down to `align`, or `None` if `align` is not a power of two.
const fn round_down(raw: u64, align: u64) -> Option<u64> {
    if align.is_power_of_two() {
        Some(raw & !(align - 1))
    } else {
        None
    }
}

/// Bits 63:52 clear.
const fn check_physical(raw: u64) -> Result<(), AddrError> {
    if raw >> MAX_PHYS_BITS == 0 {
        Ok(())
    } else {
        Err(AddrError::NotPhysical { raw })
    }
}

/// Bits 63:47 all equal (canonical for 4-level paging).
const fn check_canonical(raw: u64) -> Result<(), AddrError> {
    if (((raw << 16) as i64) >> 16) as u64 == raw {
        Ok(())
    } else {
        Err(AddrError::NonCanonical { raw })
    }
}

/// `shared_bit` is 47 or 51.
const fn check_shared_bit(raw: u64, shared_bit: u8) -> Result<(), AddrError> {
    if shared_bit == SHARED_BITS[0] || shared_bit == SHARED_BITS[1] {
        Ok(())
    } else {
        Err(AddrError::InvalidSharedBit { raw, shared_bit })
    }
}

/// Formatting, register traits and alignment helpers shared by the one-word address types.
/// The type must have an inherent `const fn new(u64) -> Result<Self, AddrError>`.
macro_rules! addr_common {
    ($ty:ident) => {
        impl $ty {
            /// The raw 64-bit value.
            #[inline]
            pub const fn as_u64(self) -> u64 {
                self.0
            }

            /// Whether the address is a multiple of `align` (`false` if `align` is not a
            /// power of two).
            #[inline]
            pub const fn is_aligned(self, align: u64) -> bool {
                aligned(self.0, align)
            }

            /// The address rounded down to a multiple of `align`: `None` if `align` is not a
            /// power of two or the result leaves the address space.
            #[inline]
            pub const fn align_down(self, align: u64) -> Option<Self> {
                match round_down(self.0, align) {
                    Some(raw) => match Self::new(raw) {
                        Ok(addr) => Some(addr),
                        Err(_) => None,
                    },
                    None => None,
                }
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($ty), "({:#x})"), self.0)
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{:#x}", self.0)
            }
        }

        impl fmt::LowerHex for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::LowerHex::fmt(&self.0, f)
            }
        }

        impl fmt::UpperHex for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::UpperHex::fmt(&self.0, f)
            }
        }

        impl RegEncode for $ty {
            #[inline]
            fn to_reg(self) -> u64 {
                self.0
            }
        }

        impl RegDecode for Result<$ty, AddrError> {
            #[inline]
            fn from_reg(raw: u64) -> Self {
                $ty::new(raw)
            }
        }

        const _: () = assert!(core::mem::size_of::<$ty>() == 8);
    };
}

/// `checked_add` for address types whose invariant is re-checked by `new`.
macro_rules! addr_checked_add {
    ($ty:ident) => {
        impl $ty {
            /// `self + offset`, or `None` if that overflows or leaves the address space.
            #[inline]
            pub const fn checked_add(self, offset: u64) -> Option<Self> {
                match self.0.checked_add(offset) {
                    Some(raw) => match Self::new(raw) {
                        Ok(addr) => Some(addr),
                        Err(_) => None,
                    },
                    None => None,
                }
            }
        }
    };
}

/// A host physical address: bits 63:52 clear.
///
/// The TDX module may additionally require the address to be below the platform's
/// physical-address width and to carry no KeyID bits; that width is a runtime property
/// (see [`KeyedHpa`]) and is not checked here.
///
/// ```
/// use tdx_core::{AddrError, Hpa};
/// let hpa = Hpa::new(0x1_2345_6000)?;
/// assert_eq!(hpa.as_u64(), 0x1_2345_6000);
/// assert_eq!(format!("{hpa}"), "0x123456000");
/// assert_eq!(format!("{hpa:?}"), "Hpa(0x123456000)");
/// assert!(hpa.is_aligned(0x1000));
/// assert!(Hpa::new(0x000F_FFFF_FFFF_FFFF).is_ok());
/// assert!(Hpa::new(0x0010_0000_0000_0000).is_err());
/// # Ok::<(), AddrError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct Hpa(u64);

impl Hpa {
    /// Zero.
    pub const ZERO: Hpa = Hpa(0);

    /// A host physical address, or [`AddrError::NotPhysical`] if bits 63:52 are set.
    #[inline]
    pub const fn new(raw: u64) -> Result<Self, AddrError> {
        match check_physical(raw) {
            Ok(()) => Ok(Hpa(raw)),
            Err(e) => Err(e),
        }
    }

    /// The same address as an [`x86_64::PhysAddr`](https://docs.rs/x86_64/0.15/x86_64/addr/struct.PhysAddr.html) (lossless: both keep bits 63:52 clear).
    #[inline]
    pub fn to_x86_64(self) -> x86_64::PhysAddr {
        x86_64::PhysAddr::new_truncate(self.0)
    }
}

addr_common!(Hpa);
addr_checked_add!(Hpa);

impl From<x86_64::PhysAddr> for Hpa {
    /// Infallible: `PhysAddr` has the same bits-63:52-clear invariant.
    #[inline]
    fn from(addr: x86_64::PhysAddr) -> Hpa {
        Hpa(addr.as_u64() & ((1 << MAX_PHYS_BITS) - 1))
    }
}

impl From<Hpa> for x86_64::PhysAddr {
    #[inline]
    fn from(hpa: Hpa) -> x86_64::PhysAddr {
        hpa.to_x86_64()
    }
}

/// A host virtual address: canonical for 4-level paging (bits 63:47 all equal).
///
/// 57-bit (LA57, 5-level paging) addresses are not covered: an address that is canonical
/// only under LA57 is rejected with [`AddrError::NonCanonical`]. This matches
/// [`x86_64::VirtAddr`](https://docs.rs/x86_64/0.15/x86_64/addr/struct.VirtAddr.html), which converts to and from `Hva` without loss.
///
/// ```
/// use tdx_core::Hva;
/// assert!(Hva::new(0x0000_7fff_ffff_ffff).is_ok());
/// assert!(Hva::new(0x0000_8000_0000_0000).is_err());
/// assert!(Hva::new(0xffff_7fff_ffff_ffff).is_err());
/// assert!(Hva::new(0xffff_8000_0000_0000).is_ok());
/// let top = Hva::new(0x0000_7fff_ffff_f000).unwrap();
/// assert_eq!(top.checked_add(0x1000), None); // would leave the canonical range
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct Hva(u64);

impl Hva {
    /// A host virtual address, or [`AddrError::NonCanonical`] if bits 63:47 are not all equal.
    #[inline]
    pub const fn new(raw: u64) -> Result<Self, AddrError> {
        match check_canonical(raw) {
            Ok(()) => Ok(Hva(raw)),
            Err(e) => Err(e),
        }
    }

    /// The address of a pointer, or [`AddrError::NonCanonical`] if it is not canonical.
    ///
    /// The pointer's provenance is exposed, so [`Hva::as_ptr`] gives back a pointer that
    /// may be used wherever the original could.
    #[inline]
    pub fn from_ptr<T: ?Sized>(ptr: *const T) -> Result<Self, AddrError> {
        Hva::new(ptr.cast::<()>().expose_provenance() as u64)
    }

    /// The address as a raw pointer, with exposed provenance (creating it is safe;
    /// dereferencing it is up to the caller).
    #[inline]
    pub fn as_ptr<T>(self) -> *const T {
        core::ptr::with_exposed_provenance(self.0 as usize)
    }

    /// The same address as an [`x86_64::VirtAddr`](https://docs.rs/x86_64/0.15/x86_64/addr/struct.VirtAddr.html) (lossless).
    #[inline]
    pub fn to_x86_64(self) -> x86_64::VirtAddr {
        x86_64::VirtAddr::new_truncate(self.0)
    }
}

addr_common!(Hva);
addr_checked_add!(Hva);

impl From<x86_64::VirtAddr> for Hva {
    /// Infallible: `VirtAddr` is canonical for 4-level paging, as `Hva` is.
    #[inline]
    fn from(addr: x86_64::VirtAddr) -> Hva {
        Hva(addr.as_u64())
    }
}

impl From<Hva> for x86_64::VirtAddr {
    #[inline]
    fn from(hva: Hva) -> x86_64::VirtAddr {
        hva.to_x86_64()
    }
}

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
/// As for [`Hva`], 57-bit (LA57) linear addresses are not covered.
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

/// A host physical address with an HKID in the KeyID bits: `hpa | hkid << phys_bits`
/// (Linux's `mk_keyed_paddr`, the RCX of TDH.PHYMEM.PAGE.WBINVD).
///
/// `phys_bits` is the platform's physical-address width *excluding* the KeyID bits
/// (Linux's `boot_cpu_data.x86_phys_bits`). It is a runtime property, so a `KeyedHpa`
/// keeps it next to the packed value, and it cannot be decoded from a register alone:
/// use [`KeyedHpa::from_raw`].
///
/// ```
/// use tdx_core::{Hkid, Hpa, KeyedHpa};
/// let hpa = Hpa::new(0x1234_5000)?;
/// let keyed = KeyedHpa::new(hpa, Hkid::new(5), 46)?;
/// assert_eq!(keyed.as_u64(), 0x1234_5000 | 5 << 46);
/// assert_eq!(keyed.hpa(), hpa);
/// assert_eq!(keyed.hkid(), Hkid::new(5));
/// assert!(KeyedHpa::new(hpa, Hkid::new(64), 46).is_err()); // 64 << 46 reaches bit 52
/// # Ok::<(), tdx_core::AddrError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyedHpa {
    raw: u64,
    phys_bits: u8,
}

impl KeyedHpa {
    /// `hpa | hkid << phys_bits`. Errs if `phys_bits` is not in `1..=52`
    /// ([`AddrError::PhysBitsOutOfRange`]), `hpa` has bits at or above `phys_bits`
    /// ([`AddrError::AbovePhysBits`]), or `hkid << phys_bits` reaches bit 52
    /// ([`AddrError::HkidTooLarge`]).
    pub const fn new(hpa: Hpa, hkid: Hkid, phys_bits: u8) -> Result<Self, AddrError> {
        let raw = hpa.as_u64();
        let hkid = hkid.get() as u64;
        if phys_bits == 0 || phys_bits > MAX_PHYS_BITS {
            return Err(AddrError::PhysBitsOutOfRange { raw, phys_bits });
        }
        if raw >> phys_bits != 0 {
            return Err(AddrError::AbovePhysBits { raw, phys_bits });
        }
        if hkid >> (MAX_PHYS_BITS - phys_bits) != 0 {
            return Err(AddrError::HkidTooLarge {
                raw,
                hkid,
                phys_bits,
            });
        }
        Ok(KeyedHpa {
            raw: raw | (hkid << phys_bits),
            phys_bits,
        })
    }

    /// Splits a packed value at `phys_bits`. Errs if bits 63:52 are set
    /// ([`AddrError::NotPhysical`]), `phys_bits` is not in `1..=52`, or the bits above
    /// `phys_bits` do not fit a 16-bit HKID ([`AddrError::HkidTooLarge`]).
    pub const fn from_raw(raw: u64, phys_bits: u8) -> Result<Self, AddrError> {
        if let Err(e) = check_physical(raw) {
            return Err(e);
        }
        if phys_bits == 0 || phys_bits > MAX_PHYS_BITS {
            return Err(AddrError::PhysBitsOutOfRange { raw, phys_bits });
        }
        let hkid = raw >> phys_bits;
        if hkid > u16::MAX as u64 {
            return Err(AddrError::HkidTooLarge {
                raw,
                hkid,
                phys_bits,
            });
        }
        Ok(KeyedHpa { raw, phys_bits })
    }

    /// The packed value `hpa | hkid << phys_bits`.
    #[inline]
    pub const fn as_u64(self) -> u64 {
        self.raw
    }

    /// The physical-address width the HKID is shifted to.
    #[inline]
    pub const fn phys_bits(self) -> u8 {
        self.phys_bits
    }

    /// The host physical address (bits below `phys_bits`).
    #[inline]
    pub const fn hpa(self) -> Hpa {
        Hpa(self.raw & ((1 << self.phys_bits) - 1))
    }

    /// The HKID (bits from `phys_bits` up).
    #[inline]
    pub const fn hkid(self) -> Hkid {
        Hkid::new((self.raw >> self.phys_bits) as u16)
    }

    /// Whether the address part is a multiple of `align` (`false` if `align` is not a
    /// power of two).
    #[inline]
    pub const fn is_aligned(self, align: u64) -> bool {
        aligned(self.hpa().as_u64(), align)
    }

    /// The address part rounded down to `align`, same HKID: `None` if `align` is not a
    /// power of two.
    #[inline]
    pub const fn align_down(self, align: u64) -> Option<Self> {
        match round_down(self.hpa().as_u64(), align) {
            Some(hpa) => Some(KeyedHpa {
                raw: hpa | (self.raw & !((1 << self.phys_bits) - 1)),
                phys_bits: self.phys_bits,
            }),
            None => None,
        }
    }

    /// The address part plus `offset`, same HKID: `None` if it reaches `phys_bits`.
    #[inline]
    pub const fn checked_add(self, offset: u64) -> Option<Self> {
        match self.hpa().as_u64().checked_add(offset) {
            Some(hpa) if hpa >> self.phys_bits == 0 => Some(KeyedHpa {
                raw: hpa | (self.raw & !((1 << self.phys_bits) - 1)),
                phys_bits: self.phys_bits,
            }),
            _ => None,
        }
    }
}

impl fmt::Debug for KeyedHpa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "KeyedHpa({:#x}: hpa {:#x}, hkid {}, phys_bits {})",
            self.raw,
            self.hpa().as_u64(),
            self.hkid().get(),
            self.phys_bits
        )
    }
}

impl fmt::Display for KeyedHpa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x}", self.raw)
    }
}

impl fmt::LowerHex for KeyedHpa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(&self.raw, f)
    }
}

impl fmt::UpperHex for KeyedHpa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::UpperHex::fmt(&self.raw, f)
    }
}

impl RegEncode for KeyedHpa {
    #[inline]
    fn to_reg(self) -> u64 {
        self.raw
    }
}
