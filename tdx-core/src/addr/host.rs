//! The host address spaces: [`Hpa`], [`Hva`] and [`KeyedHpa`].

use core::fmt;

use super::{AddrError, MAX_PHYS_BITS, aligned, check_canonical, check_physical, round_down};
use crate::Hkid;
use crate::reg::{RegDecode, RegEncode};

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
