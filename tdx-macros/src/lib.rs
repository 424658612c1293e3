//! The `#[seamcall]`, `#[tdcall]` and `#[tdvmcall]` attribute macros.
//!
//! Use them through `tdx_core`, which re-exports them and provides every type the expansion
//! names. This crate is a thin shim: the work is done by `tdx-codegen`, where it can be
//! tested and benchmarked without a compiler.

use proc_macro::TokenStream;
use tdx_codegen::Family;

/// Declare a SEAMCALL (host → TDX module) as a bodiless signature.
///
/// See `tdx_core`'s documentation for the grammar and an example.
#[proc_macro_attribute]
pub fn seamcall(args: TokenStream, item: TokenStream) -> TokenStream {
    tdx_codegen::expand(Family::Seamcall, args.into(), item.into()).into()
}

/// Declare a TDCALL (TD guest → TDX module) as a bodiless signature.
///
/// See `tdx_core`'s documentation for the grammar and an example.
#[proc_macro_attribute]
pub fn tdcall(args: TokenStream, item: TokenStream) -> TokenStream {
    tdx_codegen::expand(Family::Tdcall, args.into(), item.into()).into()
}

/// Declare a TDG.VP.VMCALL (TD guest → host VMM) sub-function as a bodiless signature.
///
/// See `tdx_core`'s documentation for the grammar and an example.
#[proc_macro_attribute]
pub fn tdvmcall(args: TokenStream, item: TokenStream) -> TokenStream {
    tdx_codegen::expand(Family::Tdvmcall, args.into(), item.into()).into()
}
