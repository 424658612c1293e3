//! The expansion behind `#[seamcall]`, `#[tdcall]` and `#[tdvmcall]`, as a plain library.
//!
//! `tdx-macros` is a thin proc-macro shim over [`expand()`]; keeping the work here lets the
//! golden-expansion tests and the benchmarks call it without a compiler.
//!
//! The pipeline, one private module per stage:
//!
//! 1. `parse`: attribute arguments and the bodiless signature, as written;
//! 2. `ir`: the typed IR every later stage works on;
//! 3. `validate`: every rule of the grammar, with accumulated, spanned errors;
//! 4. `expand`: the output struct and the wrapper with its `asm!` block.
//!
//! `regs` is the one register table. `plan` renders the register plan that heads each
//! golden file. The public API is [`expand()`] and [`Family`]; the tests reach what else they
//! need through the one hidden entry point `testing`.

// An implementation crate behind a proc-macro shim: its items are documented where their
// meaning is not obvious from the name, not one by one.
#![allow(missing_docs)]

mod expand;
mod fallback;
mod ir;
mod parse;
mod plan;
mod regs;
mod suggest;
#[doc(hidden)]
pub mod testing;
mod validate;

use proc_macro2::TokenStream;

/// The three attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `#[seamcall]`
    Seamcall,
    /// `#[tdcall]`
    Tdcall,
    /// `#[tdvmcall]`
    Tdvmcall,
}

impl Family {
    /// The attribute's name.
    pub const fn attr(self) -> &'static str {
        match self {
            Family::Seamcall => "seamcall",
            Family::Tdcall => "tdcall",
            Family::Tdvmcall => "tdvmcall",
        }
    }
}

/// Parse and validate one declaration into the IR.
fn lower(family: Family, args: TokenStream, item: TokenStream) -> syn::Result<ir::Call> {
    let item: parse::Item = syn::parse2(item)?;
    let args = parse::parse_args(family, args)?;
    validate::validate(family, args, item)
}

/// Expand one attribute: `args` are the attribute's arguments, `item` the annotated signature.
/// Never panics: every mistake becomes a spanned `compile_error!`, followed by the signature
/// with an `unreachable!()` body.
pub fn expand(family: Family, args: TokenStream, item: TokenStream) -> TokenStream {
    match lower(family, args.clone(), item.clone()) {
        Ok(call) => expand::expand(&call),
        Err(error) => {
            fallback::fallback(error, syn::parse2::<parse::Item>(item).ok().as_ref(), &args)
        }
    }
}
