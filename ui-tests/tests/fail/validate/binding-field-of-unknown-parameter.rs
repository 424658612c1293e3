use tdx_core::{Page, Tdcs, Tdr, TdxError, TdxStatus, abi, seamcall};

/// A TD as the catalog passes it.
pub struct Td {
    /// The TD root page.
    pub tdr: Page<Tdr>,
}

/// Add a TDCS page to a TD.
#[seamcall(leaf = abi::TdhMngAddcx, in(rcx = tdcs, rdx = td.tdr))]
pub unsafe fn tdh_mng_addcx(tdx: &Td, tdcs: Page<Tdcs>) -> Result<TdxStatus, TdxError>;

fn main() {}
