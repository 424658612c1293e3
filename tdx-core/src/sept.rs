//! Secure-EPT operands and outputs: levels and page sizes in the TDX size-code encoding,
//! GPAs packed with a level or size code ([`SeptGpa`], [`AcceptGpa`]), and the level and
//! entry state a Secure-EPT leaf returns ([`SeptLevelState`], [`SeptEntryState`]).
//!
//! Every decoder here is total and lossless: a code TDX does not define is either kept in
//! the value (the output types keep their raw register) or returned as an `Err` holding it.

use core::fmt;

use crate::addr::{AddrError, Gpa};
use crate::reg::{RegDecode, RegEncode};

/// A Secure-EPT level: the TDX encoding of a mapping size (0 = 4 KiB, 1 = 2 MiB, 2 = 1 GiB).
///
/// This is Linux's `enum pg_level` minus one (`PG_LEVEL_4K` = 1).
///
/// ```
/// use tdx_core::{PageSize, SeptLevel};
/// assert_eq!(SeptLevel::from_code(1), Ok(SeptLevel::Level2M));
/// assert_eq!(SeptLevel::from_code(3), Ok(SeptLevel::Level512G)); // a SEPT.ADD level
/// assert_eq!(SeptLevel::from_code(5), Err(5));
/// assert_eq!(SeptLevel::Level2M.page_size(), Some(PageSize::Size2M));
/// assert_eq!(SeptLevel::Level512G.page_size(), None); // no leaf mapping at that level
/// assert_eq!(SeptLevel::Level1G.bytes(), 1 << 30);
/// assert_eq!(SeptLevel::from_pg_level(1), Some(SeptLevel::Level4K));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum SeptLevel {
    /// 4 KiB (code 0).
    Level4K = 0,
    /// 2 MiB (code 1).
    Level2M = 1,
    /// 1 GiB (code 2).
    Level1G = 2,
    /// 512 GiB (code 3): a non-leaf level only, e.g. the PDPT page TDH.MEM.SEPT.ADD adds
    /// under the root of a 4-level Secure EPT (KVM adds it at TDX level 3).
    Level512G = 3,
    /// 256 TiB (code 4): a non-leaf level of a 5-level Secure EPT only.
    Level256T = 4,
}

impl SeptLevel {
    /// Bits 2:0 of `raw` as a code known to be valid (3..=7 never reach here).
    const fn from_low_bits(raw: u64) -> Self {
        match raw & 7 {
            1 => SeptLevel::Level2M,
            2 => SeptLevel::Level1G,
            3 => SeptLevel::Level512G,
            4 => SeptLevel::Level256T,
            _ => SeptLevel::Level4K,
        }
    }

    /// The level with TDX code `code`, or `Err(code)` for any other value.
    #[inline]
    pub const fn from_code(code: u64) -> Result<Self, u64> {
        match code {
            0 => Ok(SeptLevel::Level4K),
            1 => Ok(SeptLevel::Level2M),
            2 => Ok(SeptLevel::Level1G),
            3 => Ok(SeptLevel::Level512G),
            4 => Ok(SeptLevel::Level256T),
            _ => Err(code),
        }
    }

    /// The TDX code (0 to 4).
    #[inline]
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The level for Linux's `enum pg_level` value (`PG_LEVEL_4K` = 1 … `PG_LEVEL_512G` = 4).
    #[inline]
    pub const fn from_pg_level(pg_level: u8) -> Option<Self> {
        match pg_level {
            1 => Some(SeptLevel::Level4K),
            2 => Some(SeptLevel::Level2M),
            3 => Some(SeptLevel::Level1G),
            4 => Some(SeptLevel::Level512G),
            _ => None,
        }
    }

    /// Linux's `enum pg_level` value (the TDX code plus one).
    #[inline]
    pub const fn pg_level(self) -> u8 {
        self as u8 + 1
    }

    /// The page size a leaf entry at this level maps, or `None` for the non-leaf levels
    /// (512 GiB, 256 TiB).
    #[inline]
    pub const fn page_size(self) -> Option<PageSize> {
        match self {
            SeptLevel::Level4K => Some(PageSize::Size4K),
            SeptLevel::Level2M => Some(PageSize::Size2M),
            SeptLevel::Level1G => Some(PageSize::Size1G),
            SeptLevel::Level512G | SeptLevel::Level256T => None,
        }
    }

    /// The number of bytes an entry at this level covers (4 KiB << 9 per level).
    #[inline]
    pub const fn bytes(self) -> u64 {
        4096 << (9 * self as u32)
    }
}

/// A page size in the TDX size-code encoding (0 = 4 KiB, 1 = 2 MiB, 2 = 1 GiB), as in the
/// RCX of TDG.MEM.PAGE.ACCEPT and the R8 of TDH.PHYMEM.PAGE.RECLAIM.
///
/// ```
/// use tdx_core::PageSize;
/// assert_eq!(PageSize::Size2M.bytes(), 2 << 20);
/// assert_eq!(PageSize::try_from(2), Ok(PageSize::Size1G));
/// assert_eq!(PageSize::try_from(7), Err(7));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum PageSize {
    /// 4 KiB (code 0).
    Size4K = 0,
    /// 2 MiB (code 1).
    Size2M = 1,
    /// 1 GiB (code 2).
    Size1G = 2,
}

impl PageSize {
    /// Bits 2:0 of `raw` as a code known to be valid (3..=7 never reach here).
    const fn from_low_bits(raw: u64) -> Self {
        match raw & 7 {
            1 => PageSize::Size2M,
            2 => PageSize::Size1G,
            _ => PageSize::Size4K,
        }
    }

    /// The size with TDX code `code`, or `Err(code)` for any other value.
    #[inline]
    pub const fn from_code(code: u64) -> Result<Self, u64> {
        match code {
            0 => Ok(PageSize::Size4K),
            1 => Ok(PageSize::Size2M),
            2 => Ok(PageSize::Size1G),
            _ => Err(code),
        }
    }

    /// The TDX code (0 to 4).
    #[inline]
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The size in bytes.
    #[inline]
    pub const fn bytes(self) -> u64 {
        match self {
            PageSize::Size4K => 1 << 12,
            PageSize::Size2M => 1 << 21,
            PageSize::Size1G => 1 << 30,
        }
    }

    /// The Secure-EPT level that maps pages of this size.
    #[inline]
    pub const fn sept_level(self) -> SeptLevel {
        match self {
            PageSize::Size4K => SeptLevel::Level4K,
            PageSize::Size2M => SeptLevel::Level2M,
            PageSize::Size1G => SeptLevel::Level1G,
        }
    }
}

macro_rules! size_code_impls {
    ($ty:ident, [$($variant:ident = $text:literal),*]) => {
        impl TryFrom<u64> for $ty {
            type Error = u64;
            #[inline]
            fn try_from(code: u64) -> Result<Self, u64> {
                $ty::from_code(code)
            }
        }

        impl From<$ty> for u64 {
            #[inline]
            fn from(value: $ty) -> u64 {
                value.code() as u64
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(match self {
                    $($ty::$variant => $text,)*
                })
            }
        }

        impl RegEncode for $ty {
            #[inline]
            fn to_reg(self) -> u64 {
                self.code() as u64
            }
        }

        /// Decodes a size code; any other value is kept as `Err(raw)`.
        impl RegDecode for Result<$ty, u64> {
            #[inline]
            fn from_reg(raw: u64) -> Self {
                $ty::from_code(raw)
            }
        }

    };
}

size_code_impls!(
    SeptLevel,
    [
        Level4K = "4K",
        Level2M = "2M",
        Level1G = "1G",
        Level512G = "512G",
        Level256T = "256T"
    ]
);
size_code_impls!(PageSize, [Size4K = "4K", Size2M = "2M", Size1G = "1G"]);

/// A GPA packed with a code in bits 2:0, the GPA aligned to the code's page size.
macro_rules! packed_gpa {
    (
        $(#[$doc:meta])*
        $ty:ident, $code_ty:ident, $code:ident, $code_doc:literal
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(transparent)]
        pub struct $ty(u64);

        impl $ty {
            #[doc = concat!("`gpa | ", $code_doc, "`. Errs with [`AddrError::Misaligned`] if `gpa` is not")]
            #[doc = concat!("aligned to the ", $code_doc, "'s page size.")]
            pub const fn new(gpa: Gpa, $code: $code_ty) -> Result<Self, AddrError> {
                let raw = gpa.as_u64();
                let align = $code.bytes();
                if raw.is_multiple_of(align) {
                    Ok($ty(raw | $code.code() as u64))
                } else {
                    Err(AddrError::Misaligned { raw, align })
                }
            }

            /// Decodes a packed register value. Every error keeps the whole `raw`:
            #[doc = concat!("[`AddrError::UnknownLevel`] if bits 2:0 are not a ", $code_doc, " code,")]
            /// [`AddrError::NotPhysical`] if bits 63:52 are set, [`AddrError::Misaligned`]
            /// if the GPA is not aligned to the page size.
            pub const fn from_raw(raw: u64) -> Result<Self, AddrError> {
                let $code = match $code_ty::from_code(raw & 7) {
                    Ok(code) => code,
                    Err(_) => return Err(AddrError::UnknownLevel { raw }),
                };
                if raw >> crate::addr::MAX_PHYS_BITS != 0 {
                    return Err(AddrError::NotPhysical { raw });
                }
                let align = $code.bytes();
                if !(raw & !7).is_multiple_of(align) {
                    return Err(AddrError::Misaligned { raw, align });
                }
                Ok($ty(raw))
            }

            /// The GPA (bits 63:3 of the packed value; bits 2:0 are zero in the GPA).
            #[inline]
            pub const fn gpa(self) -> Gpa {
                match Gpa::new(self.0 & !7) {
                    Ok(gpa) => gpa,
                    // Unreachable: bits 63:52 were checked when the value was made.
                    Err(_) => Gpa::ZERO,
                }
            }

            #[doc = concat!("The ", $code_doc, " in bits 2:0.")]
            #[inline]
            pub const fn $code(self) -> $code_ty {
                // The code in bits 2:0 was checked when the value was made.
                $code_ty::from_low_bits(self.0)
            }

            /// The packed register value.
            #[inline]
            pub const fn as_u64(self) -> u64 {
                self.0
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    concat!(stringify!($ty), "({:#x} {})"),
                    self.gpa().as_u64(),
                    self.$code()
                )
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{:#x} ({})", self.gpa().as_u64(), self.$code())
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
                $ty::from_raw(raw)
            }
        }
    };
}

packed_gpa! {
    /// A GPA packed with a Secure-EPT level in bits 2:0: the RCX of TDH.MEM.SEPT.ADD,
    /// TDH.MEM.PAGE.AUG, TDH.MEM.RANGE.BLOCK and TDH.MEM.PAGE.REMOVE.
    ///
    /// The GPA must be aligned to the level's page size.
    ///
    /// ```
    /// use tdx_core::{Gpa, SeptGpa, SeptLevel};
    /// let op = SeptGpa::new(Gpa::new(0x20_0000)?, SeptLevel::Level2M)?;
    /// assert_eq!(op.as_u64(), 0x20_0001);
    /// assert_eq!(op.gpa(), Gpa::new(0x20_0000)?);
    /// assert_eq!(op.level(), SeptLevel::Level2M);
    /// assert!(SeptGpa::new(Gpa::new(0x1000)?, SeptLevel::Level2M).is_err());
    /// assert_eq!(SeptGpa::from_raw(0x20_0001), Ok(op));
    /// # Ok::<(), tdx_core::AddrError>(())
    /// ```
    SeptGpa, SeptLevel, level, "level"
}

packed_gpa! {
    /// A GPA packed with a page-size code in bits 2:0: the RCX of TDG.MEM.PAGE.ACCEPT.
    ///
    /// The GPA must be aligned to the page size.
    ///
    /// ```
    /// use tdx_core::{AcceptGpa, Gpa, PageSize};
    /// let op = AcceptGpa::new(Gpa::new(0x4000_0000)?, PageSize::Size1G)?;
    /// assert_eq!(op.as_u64(), 0x4000_0002);
    /// assert_eq!(op.size(), PageSize::Size1G);
    /// assert!(AcceptGpa::from_raw(0x4000_0003).is_err()); // code 3 is undefined
    /// # Ok::<(), tdx_core::AddrError>(())
    /// ```
    AcceptGpa, PageSize, size, "size"
}

/// The state of a Secure-EPT entry (bits 15:8 of [`SeptLevelState`]): a code, with the ones
/// Linux names as associated constants. Unknown codes are kept.
///
/// ```
/// use tdx_core::SeptEntryState;
/// assert_eq!(SeptEntryState::PRESENT.name(), Some("PRESENT"));
/// assert_eq!(SeptEntryState::new(9).name(), None);
/// assert_eq!(format!("{}", SeptEntryState::new(9)), "unknown state 0x9");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct SeptEntryState(u8);

impl SeptEntryState {
    /// Free (not mapped).
    pub const FREE: SeptEntryState = SeptEntryState(0);
    /// Blocked (TDH.MEM.RANGE.BLOCK).
    pub const BLOCKED: SeptEntryState = SeptEntryState(1);
    /// Pending (added by TDH.MEM.PAGE.AUG, not yet accepted by the guest).
    pub const PENDING: SeptEntryState = SeptEntryState(2);
    /// Pending and blocked.
    pub const PENDING_BLOCKED: SeptEntryState = SeptEntryState(3);
    /// Present (mapped).
    pub const PRESENT: SeptEntryState = SeptEntryState(4);

    /// A state from its code.
    #[inline]
    pub const fn new(code: u8) -> Self {
        SeptEntryState(code)
    }

    /// The code.
    #[inline]
    pub const fn code(self) -> u8 {
        self.0
    }

    /// The name Linux gives the state (without the `SEPT_` prefix), if it names it.
    pub const fn name(self) -> Option<&'static str> {
        match self.0 {
            0 => Some("FREE"),
            1 => Some("BLOCKED"),
            2 => Some("PENDING"),
            3 => Some("PENDING_BLOCKED"),
            4 => Some("PRESENT"),
            _ => None,
        }
    }
}

impl fmt::Display for SeptEntryState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "unknown state {:#x}", self.0),
        }
    }
}

impl fmt::Debug for SeptEntryState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SeptEntryState({self})")
    }
}

/// The Secure-EPT level and entry state a SEPT-type SEAMCALL returns in RDX on error
/// (`level_state`): level in bits 2:0, state in bits 15:8. The whole register is kept.
///
/// ```
/// use tdx_core::{SeptEntryState, SeptLevelState};
/// use tdx_core::reg::RegDecode;
/// use tdx_core::SeptLevel;
/// let ls = SeptLevelState::from_reg(0x0401);
/// assert_eq!(ls.level(), Some(SeptLevel::Level2M));
/// assert_eq!(ls.state(), SeptEntryState::PRESENT);
/// assert_eq!(ls.raw(), 0x0401);
/// assert_eq!(format!("{ls}"), "level 2M, state PRESENT (0x401)");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct SeptLevelState(u64);

impl SeptLevelState {
    /// A level/state value from its raw register.
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        SeptLevelState(raw)
    }

    /// The value a TDX module would return for `level` and `state`.
    #[inline]
    pub const fn new(level: SeptLevel, state: SeptEntryState) -> Self {
        SeptLevelState(level.code() as u64 | ((state.code() as u64) << 8))
    }

    /// The raw register.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// The level code, bits 2:0.
    #[inline]
    pub const fn level_code(self) -> u8 {
        (self.0 & 7) as u8
    }

    /// The level, or `None` if bits 2:0 are not a level TDX defines.
    #[inline]
    pub const fn level(self) -> Option<SeptLevel> {
        match SeptLevel::from_code(self.0 & 7) {
            Ok(level) => Some(level),
            Err(_) => None,
        }
    }

    /// The entry state, bits 15:8 (unknown codes kept).
    #[inline]
    pub const fn state(self) -> SeptEntryState {
        SeptEntryState((self.0 >> 8) as u8)
    }
}

impl fmt::Display for SeptLevelState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.level() {
            Some(level) => write!(f, "level {level}")?,
            None => write!(f, "unknown level {}", self.level_code())?,
        }
        write!(f, ", state {} ({:#x})", self.state(), self.0)
    }
}

impl fmt::Debug for SeptLevelState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SeptLevelState({self})")
    }
}

impl RegDecode for SeptLevelState {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        SeptLevelState(raw)
    }
}
