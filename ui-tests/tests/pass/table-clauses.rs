//! The optional clauses of `abi_table!` (`since`, `zero`, `err`, `unsafe impl SafeLeaf;`) and
//! `clobber(..)` on a table leaf and on an integer leaf.
use tdx_core::abi::{Leaf, ModuleVersion};
use tdx_core::{FieldId, TdxError, TdxStatus, seamcall, tdcall};

tdx_core::abi_table! {
    /// A vendor TDCALL leaf with a reserved RCX, a detail in R12 and the next field in RDX.
    pub tdcall TdgVendorRd = 0x7E, version 1, "TDG.VENDOR.RD" {
        since { 0: (1, 5, 1), 1: (2, 0, 18) }
        in { rdx: FieldId }
        zero { rcx }
        out { r8: u64, r12: u64 }
        err { rdx }
        // SAFETY: RCX is reserved, RDX a field ID; a read touches no memory.
        unsafe impl SafeLeaf;
    }
}

/// Safe: the table marks the leaf safe. R12 is discarded.
#[tdcall(leaf = TdgVendorRd, in(rdx = field), out(r8 = value), clobber(r12))]
pub fn tdg_vendor_rd(field: FieldId) -> Result<VendorRd, TdxError>;

/// The same, keeping R12.
#[tdcall(leaf = TdgVendorRd, in(rdx = field), out(r8 = value, r12 = detail))]
pub fn tdg_vendor_rd_detail(field: FieldId) -> Result<VendorRdDetail, TdxError>;

/// An integer leaf that says which registers the module writes besides RCX–R11.
#[seamcall(leaf = 0x7A, clobber(r12, rbx))]
pub unsafe fn vendor() -> Result<TdxStatus, TdxError>;

/// An integer leaf without `clobber(..)`: every register is taken back.
#[seamcall(leaf = 0x79)]
pub unsafe fn vendor_all() -> Result<TdxStatus, TdxError>;

fn main() {
    assert_eq!(TdgVendorRd::ZEROED.to_string(), "rcx");
    assert_eq!(TdgVendorRd::WRITES.to_string(), "rdx r8 r12");
    assert_eq!(TdgVendorRd::DATA.min_module(), Some(ModuleVersion::new(2, 0, 18)));
    let _ = (tdg_vendor_rd, tdg_vendor_rd_detail, vendor, vendor_all);
}
