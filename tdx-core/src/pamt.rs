//! Dynamic-PAMT operands: the pages a VMM hands to the module for new PAMT entries (R12/R13
//! of TDH.MEM.PAGE.DEMOTE from module 1.5.16 on, public fork labels; **unconfirmed** in
//! Intel's repository, and not read by 1.5.01 @72d8cffb). The module uses them only when
//! dynamic PAMT is enabled (`dynamic_pamt_enabled`, set by TDH.SYS.CONFIG); otherwise it
//! takes the entries from the static PAMT and ignores the registers. TDH.PHYMEM.PAMT.ADD and
//! .REMOVE (same source) add and remove those pages for a 2 MiB range ([`PamtRange`]).

use crate::addr::{AddrError, Hpa};
use crate::page::{Guest, Page};
use crate::reg::RegEncode;

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
