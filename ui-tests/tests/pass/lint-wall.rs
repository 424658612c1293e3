//! All three attributes under every allowed-by-default rustc lint that applies to a crate of
//! TDX wrappers, forbidden, plus `deny(warnings)`: the expansion must not trip any of them.
//! (`unsafe_code` is left out: declaring a TDX call is `unsafe` code by nature; so are the
//! unstable lints, unknown to a stable compiler. `clippy::` lints are inert under trybuild,
//! which runs rustc only: they document what `cargo clippy` on such a crate checks.)
#![deny(warnings)]
#![forbid(
    missing_docs,
    unsafe_op_in_unsafe_fn,
    unused_qualifications,
    unused_results,
    trivial_casts,
    trivial_numeric_casts,
    unreachable_pub,
    rust_2018_idioms,
    rust_2021_compatibility,
    rust_2024_compatibility,
    future_incompatible,
    nonstandard_style,
    unused,
    absolute_paths_not_starting_with_crate,
    ambiguous_negative_literals,
    closure_returning_async_block,
    deprecated_in_future,
    deprecated_safe_2024,
    deref_into_dyn_supertrait,
    elided_lifetimes_in_paths,
    explicit_outlives_requirements,
    ffi_unwind_calls,
    if_let_rescope,
    impl_trait_overcaptures,
    impl_trait_redundant_captures,
    keyword_idents_2018,
    keyword_idents_2024,
    let_underscore_drop,
    macro_use_extern_crate,
    meta_variable_misuse,
    missing_copy_implementations,
    missing_debug_implementations,
    missing_unsafe_on_extern,
    non_ascii_idents,
    redundant_imports,
    redundant_lifetimes,
    single_use_lifetimes,
    tail_expr_drop_order,
    unit_bindings,
    unnameable_types,
    unsafe_attr_outside_unsafe,
    unstable_features,
    unused_crate_dependencies,
    unused_extern_crates,
    unused_import_braces,
    unused_lifetimes,
    unused_macro_rules,
    variant_size_differences
)]
#![deny(
    clippy::all,
    clippy::pedantic,
    clippy::undocumented_unsafe_blocks,
    clippy::missing_safety_doc,
    clippy::multiple_unsafe_ops_per_block,
    clippy::as_conversions,
    clippy::default_numeric_fallback
)]

// trybuild links every case against this package's own library.
use ui_tests as _;
// A dev-dependency of the ui-tests crate (the pass cases that run through the trap use it).
use tdx_emu as _;

use tdx_core::{
    Hpa, ModuleArgs, Page, TdvmcallStatus, Tdvpr, TdxError, TdxStatus, X2ApicId, abi, seamcall,
    tdcall, tdvmcall,
};

/// Take a page back from the TDX module.
///
/// # Safety
///
/// `page` must be a page the TDX module owns and the host no longer uses.
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;

/// Initialize a vCPU.
///
/// # Safety
///
/// `tdvpr` must be the root page of a vCPU of a TD this host created.
#[seamcall(leaf = abi::TdhVpInit, in(rcx = tdvpr, rdx = initial_rcx, r8 = x2apic_id), retry(busy = 3))]
pub unsafe fn tdh_vp_init(
    tdvpr: Page<Tdvpr>,
    initial_rcx: u64,
    x2apic_id: X2ApicId,
) -> Result<TdxStatus, TdxError>;

/// Enter a vCPU.
///
/// # Safety
///
/// `args` must hold a valid TDVPR and the state the TD may access.
#[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(none))]
pub unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

/// An unchecked leaf that binds RBX.
///
/// # Safety
///
/// The leaf does not exist: never call this.
#[seamcall(leaf = 0x42, version = 2, in(rcx = a, rbx = b), out(rbx = b_out: u64))]
pub unsafe fn raw_leaf(a: u64, b: u64) -> Result<RawLeaf, TdxError>;

/// The TD execution environment.
#[tdcall(leaf = abi::TdgVpInfo, out(rcx = gpa_width, rdx = attributes, r8 = vcpus, r9 = vcpu_index))]
pub fn tdg_vp_info() -> Result<VpInfo, TdxError>;

/// Read a TD-scope metadata field.
#[tdcall(leaf = abi::TdgVmRd, in(rdx = field), out(r8 = value), retry(busy = 1))]
pub fn tdg_vm_rd(field: tdx_core::FieldId) -> Result<VmRd, TdxError>;

/// Ask the VMM to emulate CPUID.
#[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = leaf, r13 = subleaf), out(r12 = eax, r13 = ebx, r14 = ecx, r15 = edx))]
pub fn tdvmcall_cpuid(leaf: u64, subleaf: u64) -> Result<Cpuid, TdxError>;

/// Halt the vCPU until the next interrupt.
#[tdvmcall(subfn = abi::TdvmcallHlt, in(r12 = irq_disabled), retry(busy = 1))]
pub fn tdvmcall_hlt(irq_disabled: u64) -> Result<TdvmcallStatus, TdxError>;

fn main() {
    // The wrappers are not called: they would execute a real SEAMCALL / TDCALL.
    let _ = (tdh_phymem_page_reclaim, tdh_vp_init, tdh_vp_enter, raw_leaf);
    let _ = (tdg_vp_info, tdg_vm_rd, tdvmcall_cpuid, tdvmcall_hlt);
}
