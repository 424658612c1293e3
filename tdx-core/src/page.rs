//! Typed 4 KiB host pages: `Page<K>` is a page the host hands to the TDX module as a `K`.
//!
//! The kind is a zero-sized type parameter, so a `Page<Tdvpr>` cannot be passed where the
//! ABI expects a `Page<Tdr>`: distinct kinds never convert into each other. A page of any
//! kind is made from a 4 KiB-aligned [`Hpa`] with [`Page::new`]; the kind is the caller's
//! claim about what the page is used for.
//!
//! ```
//! use tdx_core::{Hpa, Page, Tdr};
//! let tdr = Page::<Tdr>::new(Hpa::new(0x10_0000)?)?;
//! assert_eq!(format!("{tdr:?}"), "Page<Tdr>(0x100000)");
//! assert!(Page::<Tdr>::from_u64(0x10_0800).is_err()); // not 4 KiB aligned
//! # Ok::<(), tdx_core::AddrError>(())
//! ```
//!
//! ```compile_fail
//! use tdx_core::{Page, Tdr, Tdvpr};
//! fn takes_tdr(_: Page<Tdr>) {}
//! let vp = Page::<Tdvpr>::from_u64(0x1000).unwrap();
//! takes_tdr(vp); // a vCPU root page is not a TD root page
//! ```

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use x86_64::structures::paging::{PhysFrame, Size4KiB};

use crate::addr::{AddrError, Hpa};
use crate::reg::{RegDecode, RegEncode};

mod sealed {
    pub trait Sealed {}
}

/// What a [`Page`] is used for.
///
/// Implemented by the zero-sized kinds [`Tdr`], [`Tdcs`], [`Tdvpr`], [`Tdcx`], [`Sept`]
/// and [`Guest`]; the trait is sealed, so the set of kinds is the one the ABI table knows.
pub trait PageKind: sealed::Sealed + 'static {
    /// The kind's name as printed in `Debug` output (`"Tdr"`).
    const NAME: &'static str;
}

macro_rules! page_kinds {
    ($($(#[$doc:meta])* $kind:ident;)*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
            pub struct $kind;
            impl sealed::Sealed for $kind {}
            impl PageKind for $kind {
                const NAME: &'static str = stringify!($kind);
            }
        )*
    };
}

page_kinds! {
    /// TD root page (TDR): the first page of a TD, the handle of every TD-scope SEAMCALL.
    Tdr;
    /// TD control structure page (TDCS), added to a TD with TDH.MNG.ADDCX.
    Tdcs;
    /// vCPU root page (TDVPR): the handle of every vCPU-scope SEAMCALL.
    Tdvpr;
    /// vCPU extension page (TDCX), added to a vCPU with TDH.VP.ADDCX.
    Tdcx;
    /// Secure-EPT page, added with TDH.MEM.SEPT.ADD.
    Sept;
    /// A guest private page, or any other page handed to the TDX module (a PAGE.ADD
    /// source or target, a PAGE.AUG page, a page to reclaim).
    Guest;
}

/// A 4 KiB-aligned host physical page of kind `K`.
///
/// `Page<K>` is `Copy`, comparable and hashable whatever `K` is, and is exactly one
/// register wide.
pub struct Page<K: PageKind> {
    hpa: Hpa,
    kind: PhantomData<fn() -> K>,
}

impl<K: PageKind> Page<K> {
    /// The page size in bytes (4 KiB).
    pub const SIZE: u64 = 4096;

    /// The page at `hpa`, or [`AddrError::Misaligned`] if `hpa` is not 4 KiB aligned.
    #[inline]
    pub const fn new(hpa: Hpa) -> Result<Self, AddrError> {
        let raw = hpa.as_u64();
        if raw.is_multiple_of(Self::SIZE) {
            Ok(Page {
                hpa,
                kind: PhantomData,
            })
        } else {
            Err(AddrError::Misaligned {
                raw,
                align: Self::SIZE,
            })
        }
    }

    /// The page at `raw`: [`AddrError::NotPhysical`] if bits 63:52 are set,
    /// [`AddrError::Misaligned`] if it is not 4 KiB aligned.
    #[inline]
    pub const fn from_u64(raw: u64) -> Result<Self, AddrError> {
        match Hpa::new(raw) {
            Ok(hpa) => Self::new(hpa),
            Err(e) => Err(e),
        }
    }

    /// The page's host physical address.
    #[inline]
    pub const fn hpa(self) -> Hpa {
        self.hpa
    }

    /// The page's host physical address as a raw `u64`.
    #[inline]
    pub const fn as_u64(self) -> u64 {
        self.hpa.as_u64()
    }

    /// The same page as an [`x86_64`](https://docs.rs/x86_64/0.15/x86_64/) frame.
    #[inline]
    pub fn to_phys_frame(self) -> PhysFrame<Size4KiB> {
        PhysFrame::containing_address(self.hpa().to_x86_64())
    }
}

impl<K: PageKind> Clone for Page<K> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: PageKind> Copy for Page<K> {}

impl<K: PageKind> PartialEq for Page<K> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.hpa == other.hpa
    }
}

impl<K: PageKind> Eq for Page<K> {}

impl<K: PageKind> PartialOrd for Page<K> {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<K: PageKind> Ord for Page<K> {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        self.hpa.cmp(&other.hpa)
    }
}

impl<K: PageKind> Hash for Page<K> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.hpa.hash(state);
    }
}

impl<K: PageKind> fmt::Debug for Page<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Page<{}>({:#x})", K::NAME, self.as_u64())
    }
}

impl<K: PageKind> fmt::Display for Page<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x}", self.as_u64())
    }
}

impl<K: PageKind> fmt::LowerHex for Page<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(&self.as_u64(), f)
    }
}

impl<K: PageKind> From<PhysFrame<Size4KiB>> for Page<K> {
    /// Infallible: a frame's start address is 4 KiB aligned with bits 63:52 clear.
    #[inline]
    fn from(frame: PhysFrame<Size4KiB>) -> Self {
        // `PhysFrame<Size4KiB>` guarantees its start address is 4 KiB aligned.
        Page {
            hpa: Hpa::from(frame.start_address()),
            kind: PhantomData,
        }
    }
}

impl<K: PageKind> From<Page<K>> for PhysFrame<Size4KiB> {
    #[inline]
    fn from(page: Page<K>) -> Self {
        page.to_phys_frame()
    }
}

impl<K: PageKind> RegEncode for Page<K> {
    #[inline]
    fn to_reg(self) -> u64 {
        self.as_u64()
    }
}

impl<K: PageKind> RegDecode for Result<Page<K>, AddrError> {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        Page::from_u64(raw)
    }
}

const _: () = assert!(core::mem::size_of::<Page<Tdr>>() == 8);
