//! `in(rcx = td.tdr)`: registers loaded from fields (and nested fields) of a parameter.

use tdx_core::{
    Gpa, Guest, Hkid, Hpa, Page, Sept, SeptGpa, Tdcs, Tdcx, Tdr, Tdvpr, TdxError, TdxStatus, abi,
    seamcall,
};

/// A TD as the catalog passes it.
pub struct TdxTd<'a> {
    /// The TD root page.
    pub tdr: Page<Tdr>,
    /// The TDCS pages.
    pub tdcs: &'a [Page<Tdcs>],
    /// The TD's private HKID.
    pub hkid: Hkid,
}

/// A vCPU as the catalog passes it.
pub struct TdxVp<'a> {
    /// The vCPU root page.
    pub tdvpr: Page<Tdvpr>,
    /// The TDCX pages.
    pub tdcx: &'a [Page<Tdcx>],
    /// The TD the vCPU belongs to.
    pub td: &'a TdxTd<'a>,
}

/// Create a TD from its handle (two fields of one parameter).
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = td.tdr, rdx = td.hkid))]
pub unsafe fn tdh_mng_create(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

/// Add a TDCS page to a TD.
#[seamcall(leaf = abi::TdhMngAddcx, in(rcx = tdcs, rdx = td.tdr))]
pub unsafe fn tdh_mng_addcx(td: &TdxTd<'_>, tdcs: Page<Tdcs>) -> Result<TdxStatus, TdxError>;

/// Add a TDCX page to a vCPU (the handle by value).
#[seamcall(leaf = abi::TdhVpAddcx, in(rcx = tdcx, rdx = vp.tdvpr))]
pub unsafe fn tdh_vp_addcx(vp: TdxVp<'_>, tdcx: Page<Tdcx>) -> Result<TdxStatus, TdxError>;

/// Add a Secure-EPT page, the TDR reached through the vCPU (a nested field).
#[seamcall(leaf = abi::TdhMemSeptAdd, in(rcx = gpa, rdx = vp.td.tdr, r8 = page), retry(busy = 3))]
pub unsafe fn tdh_mem_sept_add(
    vp: &TdxVp<'_>,
    gpa: SeptGpa,
    page: Page<Sept>,
) -> Result<TdxStatus, TdxError>;

/// A parameter struct bound field by field.
pub struct PageAdd {
    /// Where the page goes.
    pub gpa: Gpa,
    /// The new private page.
    pub page: Page<Guest>,
    /// The source of its contents.
    pub source: Hpa,
}

/// Add and measure a private page.
#[seamcall(leaf = abi::TdhMemPageAdd, in(rcx = add.gpa, rdx = td.tdr, r8 = add.page, r9 = add.source))]
pub unsafe fn tdh_mem_page_add(td: &TdxTd<'_>, add: &PageAdd) -> Result<TdxStatus, TdxError>;

fn main() {
    // The wrappers are not called: they would execute a real SEAMCALL.
    let _ = (
        tdh_mng_create,
        tdh_mng_addcx,
        tdh_vp_addcx,
        tdh_mem_sept_add,
        tdh_mem_page_add,
    );
}
