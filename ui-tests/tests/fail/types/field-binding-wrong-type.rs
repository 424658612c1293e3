use tdx_core::{Page, Tdcs, Tdr, Tdvpr, TdxError, TdxStatus, abi, seamcall};

/// A TD as the catalog passes it.
pub struct Td {
    /// The TD root page.
    pub tdr: Page<Tdr>,
    /// The first vCPU's root page.
    pub tdvpr: Page<Tdvpr>,
}

/// Add a TDCS page to a TD.
#[seamcall(leaf = abi::TdhMngAddcx, in(rcx = tdcs, rdx = td.tdvpr))]
pub unsafe fn tdh_mng_addcx(td: &Td, tdcs: Page<Tdcs>) -> Result<TdxStatus, TdxError>;

fn main() {}
