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

mod guest;
mod host;

pub use guest::{Gpa, Gva, SharedGpa};
pub use host::{Hpa, Hva, KeyedHpa};
