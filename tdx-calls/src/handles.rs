//! Typed TD and vCPU handles, as the upstream discussion asked for: wrappers take a
//! `&TdxTd` / `&TdxVp` where Linux passes a `struct tdx_td *` / `struct tdx_vp *`, and bind
//! the root page from it (`in(rdx = td.tdr)`), so a vCPU root page can never be passed where
//! the TD root page goes.
//!
//! Linux (`arch/x86/include/asm/tdx.h`, version not pinned):
//! `struct tdx_td { struct page *tdr_page; int tdcs_nr_pages; struct page **tdcs_pages; ... }`,
//! `struct tdx_vp { struct page *tdvpr_page; phys_addr_t tdvpr_pa; struct page **tdcx_pages; }`.
//! Here the page counts are the slices' lengths, and the pages are typed ([`Page<Tdr>`] …).
//!
//! ```
//! use tdx_calls::handles::{TdxTd, TdxVp};
//! use tdx_core::{Page, Tdcs, Tdcx, Tdr, Tdvpr};
//!
//! let tdcs = [Page::<Tdcs>::from_u64(0x11000)?, Page::<Tdcs>::from_u64(0x12000)?];
//! let td = TdxTd::new(Page::<Tdr>::from_u64(0x10000)?, &tdcs);
//! assert_eq!(td.tdcs.len(), 2);
//!
//! let tdcx = [Page::<Tdcx>::from_u64(0x21000)?];
//! let vp = TdxVp::new(Page::<Tdvpr>::from_u64(0x20000)?, &tdcx);
//! assert_eq!(vp.tdvpr.as_u64(), 0x20000);
//! # Ok::<(), tdx_core::AddrError>(())
//! ```

use tdx_core::{Page, Tdcs, Tdcx, Tdr, Tdvpr};

/// A TD as the TDX module knows it: its root page (TDR) and its control-structure pages
/// (TDCS), Linux's `struct tdx_td`.
///
/// The TDR is the operand of every TD-scope SEAMCALL; the TDCS pages are added once, with
/// [`tdh_mng_addcx`](crate::host::tdh_mng_addcx), before TDH.MNG.INIT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TdxTd<'a> {
    /// The TD root page.
    pub tdr: Page<Tdr>,
    /// The TD control-structure pages (`tdcs_nr_pages` of them).
    pub tdcs: &'a [Page<Tdcs>],
}

impl<'a> TdxTd<'a> {
    /// A TD handle.
    #[inline]
    pub const fn new(tdr: Page<Tdr>, tdcs: &'a [Page<Tdcs>]) -> Self {
        TdxTd { tdr, tdcs }
    }
}

/// A vCPU as the TDX module knows it: its root page (TDVPR) and its extension pages (TDCX),
/// Linux's `struct tdx_vp`.
///
/// The TDVPR is the operand of every vCPU-scope SEAMCALL; the TDCX pages are added once,
/// with [`tdh_vp_addcx`](crate::host::tdh_vp_addcx), before TDH.VP.INIT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TdxVp<'a> {
    /// The vCPU root page.
    pub tdvpr: Page<Tdvpr>,
    /// The vCPU extension pages (`tdcx_nr_pages` of them).
    pub tdcx: &'a [Page<Tdcx>],
}

impl<'a> TdxVp<'a> {
    /// A vCPU handle.
    #[inline]
    pub const fn new(tdvpr: Page<Tdvpr>, tdcx: &'a [Page<Tdcx>]) -> Self {
        TdxVp { tdvpr, tdcx }
    }
}
