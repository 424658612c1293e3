use tdx_core::{Page, Tdr, TdxError, TdxStatus, abi, seamcall};

/// A TD.
pub struct Td {
    /// The TD root page.
    pub tdr: Page<Tdr>,
}

impl Td {
    /// Read a TD-scope metadata field.
    #[seamcall(leaf = abi::TdhMngRd, in(rcx = self.tdr, rdx = field))]
    pub unsafe fn rd(&self, field: tdx_core::FieldId) -> Result<TdxStatus, TdxError>;
}

fn main() {}
