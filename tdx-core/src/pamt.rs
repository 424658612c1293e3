//! Physical memory and the PAMT: the page type and size TDH.PHYMEM.PAGE.RDMD and
//! TDH.PHYMEM.PAGE.RECLAIM return ([`PageType`], [`PamtPageSize`]), the mode of
//! TDH.PHYMEM.CACHE.WB ([`CacheWbMode`]), and the dynamic-PAMT operands.
//!
//! Dynamic PAMT: the pages a VMM hands to the module for new PAMT entries (R12/R13
//! of TDH.MEM.PAGE.DEMOTE from module 1.5.16 on, public fork labels; **unconfirmed** in
//! Intel's repository, and not read by 1.5.01 @72d8cffb). The module uses them only when
//! dynamic PAMT is enabled (`dynamic_pamt_enabled`, set by TDH.SYS.CONFIG); otherwise it
//! takes the entries from the static PAMT and ignores the registers. TDH.PHYMEM.PAMT.ADD and
//! .REMOVE (same source) add and remove those pages for a 2 MiB range ([`PamtRange`]).

use core::fmt;

use crate::addr::{AddrError, Hpa};
use crate::page::{Guest, Page};
use crate::reg::{RegDecode, RegEncode};

/// A PAMT page type, as TDH.PHYMEM.PAGE.RDMD and TDH.PHYMEM.PAGE.RECLAIM return it in RCX.
/// The whole register is kept; Linux names only [`PageType::NDA`] and [`PageType::RSVD`].
///
/// ```
/// use tdx_core::PageType;
/// use tdx_core::reg::RegDecode;
/// assert_eq!(PageType::from_reg(0), PageType::NDA);
/// assert_eq!(PageType::NDA.name(), Some("PT_NDA"));
/// assert_eq!(format!("{}", PageType::from_reg(6)), "page type 0x6");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct PageType(u64);

impl PageType {
    /// `PT_NDA` (0): not directly assigned to a TD (free for the host).
    pub const NDA: PageType = PageType(0);
    /// `PT_RSVD` (1): reserved, not usable.
    pub const RSVD: PageType = PageType(1);

    /// A page type from its raw register.
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        PageType(raw)
    }

    /// The raw register.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// Linux's name for the type (`PT_NDA`, `PT_RSVD`), if it names it.
    pub const fn name(self) -> Option<&'static str> {
        match self.0 {
            0 => Some("PT_NDA"),
            1 => Some("PT_RSVD"),
            _ => None,
        }
    }
}

impl fmt::Display for PageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "page type {:#x}", self.0),
        }
    }
}

impl fmt::Debug for PageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "PageType({name})"),
            None => write!(f, "PageType({:#x})", self.0),
        }
    }
}

impl RegDecode for PageType {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        PageType(raw)
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
/// use tdx_core::PamtPageSize;
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

// ------------------------------------------------------------------ TDH.PHYMEM.CACHE.WB

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

/// One page for dynamic PAMT entries, or none (0: the value the wrapper loads when the VMM
/// does not use dynamic PAMT; **uncertain** what a module with dynamic PAMT enabled makes of
/// it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DynamicPamtPage(Option<Page<Guest>>);

impl DynamicPamtPage {
    /// No page (0).
    pub const NONE: DynamicPamtPage = DynamicPamtPage(None);

    /// `page`, handed to the module for PAMT entries.
    pub const fn new(page: Page<Guest>) -> Self {
        DynamicPamtPage(Some(page))
    }
}

impl RegEncode for DynamicPamtPage {
    #[inline]
    fn to_reg(self) -> u64 {
        match self.0 {
            Some(page) => page.hpa().as_u64(),
            None => 0,
        }
    }
}

/// R12/R13 of TDH.MEM.PAGE.DEMOTE: the two dynamic-PAMT pages (`pamt_hpa0`, `pamt_hpa1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DynamicPamt {
    /// R12.
    pub page0: DynamicPamtPage,
    /// R13.
    pub page1: DynamicPamtPage,
}

impl DynamicPamt {
    /// Neither page: the VMM does not use dynamic PAMT.
    pub const NONE: DynamicPamt = DynamicPamt {
        page0: DynamicPamtPage::NONE,
        page1: DynamicPamtPage::NONE,
    };
}

/// RCX of TDH.PHYMEM.PAMT.ADD / .REMOVE (`page_size_api_input_t` in the public fork's
/// `include/tdx_api_defs.h`): a 2 MiB-aligned HPA with the level (bits 2:0) 1, 2 MiB — the
/// only level the module accepts; bits 11:3 and 63:52 reserved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PamtRange(u64);

impl PamtRange {
    /// The 2 MiB range at `hpa` ([`AddrError::Misaligned`] unless 2 MiB aligned).
    pub const fn new(hpa: Hpa) -> Result<Self, AddrError> {
        let raw = hpa.as_u64();
        if raw.is_multiple_of(0x20_0000) {
            Ok(PamtRange(raw | 1))
        } else {
            Err(AddrError::Misaligned {
                raw,
                align: 0x20_0000,
            })
        }
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for PamtRange {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_2m_aligned_with_level_1() {
        let range = PamtRange::new(Hpa::new(0x4020_0000).unwrap()).unwrap();
        assert_eq!(range.raw(), 0x4020_0001);
        assert!(PamtRange::new(Hpa::new(0x4000_1000).unwrap()).is_err());
        assert_eq!(DynamicPamt::NONE.page0.to_reg(), 0);
    }
}
