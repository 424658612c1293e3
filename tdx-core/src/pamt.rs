//! Dynamic-PAMT operands: the pages a VMM hands to the module for new PAMT entries (R12/R13
//! of TDH.MEM.PAGE.DEMOTE from module 1.5.16 on, public fork labels; **unconfirmed** in
//! Intel's repository, and not read by 1.5.01 @72d8cffb). The module uses them only when
//! dynamic PAMT is enabled (`dynamic_pamt_enabled`, set by TDH.SYS.CONFIG); otherwise it
//! takes the entries from the static PAMT and ignores the registers.

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
