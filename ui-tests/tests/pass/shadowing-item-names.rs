//! Parameters named like the expansion's `const` items (`__LEAF`, `__CALL`): items are not
//! hygienic (mixed-site hygiene covers locals only), so a `const` declared in the wrapper's
//! body shadows a parameter of the same name.
#![allow(non_snake_case)]

use tdx_core::{Page, Tdvpr, TdxError, TdxStatus, X2ApicId, abi, seamcall};

/// `__LEAF` and `__CALL` as parameter names.
#[seamcall(leaf = abi::TdhVpInit, in(rcx = tdvpr, rdx = __CALL, r8 = __LEAF))]
pub unsafe fn tdh_vp_init(
    tdvpr: Page<Tdvpr>,
    __CALL: u64,
    __LEAF: X2ApicId,
) -> Result<TdxStatus, TdxError>;

/// The same through an unchecked leaf.
#[seamcall(leaf = 0x16, version = 1, in(rcx = __LEAF))]
pub unsafe fn raw_leaf(__LEAF: u64) -> Result<TdxStatus, TdxError>;

fn main() {
    // The wrappers are not called: they would execute a real SEAMCALL.
    let _ = (tdh_vp_init, raw_leaf);
}
