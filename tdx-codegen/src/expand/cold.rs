//! After the one inline attempt: on a non-zero status only, a call into a `#[cold]`
//! per-wrapper routine of tdx-core that runs the family's shared routine and builds the
//! wrapper's whole `Result`, so the hot path returns straight after it.

use super::{ok_value, private, result_constructors};
use crate::Family;
use crate::ir::Call;
use crate::regs::Reg;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

/// Whether a register-form wrapper needs the wide shared path: it binds or takes back a
/// register above R11 (or, for an integer leaf without `clobber(..)`, may have one written).
pub(crate) fn is_wide(call: &Call) -> bool {
    let high = |reg: &Reg| !Reg::RETURNED.contains(reg);
    call.inputs.iter().any(|input| high(&input.reg))
        || call.returned().iter().any(high)
        || call.discarded().iter().any(high)
}

/// After the one inline attempt: a zero status goes straight on; any other status (an error,
/// a success with information, or one the retry policy retries) goes out of line and the
/// wrapper returns what comes back: a narrow wrapper calls `narrow_failed` with the registers
/// as arguments (`narrow_path`), a wide one stores them with the input image and calls
/// `out_of_line`. Each is a `#[cold]` copy per wrapper of a closure that calls the family's
/// shared routine (which retries with the same inputs) and builds the whole `Result`. No value
/// of the hot path is live across that call, so the hot path needs no stack frame of its own.
pub(super) fn cold_path(call: &Call) -> TokenStream {
    let p = private();
    let rax = format_ident!("__rax", span = Span::mixed_site());
    let call_site = format_ident!("__call", span = Span::mixed_site());
    let state = format_ident!("__state", span = Span::mixed_site());
    let error = format_ident!("__error", span = Span::mixed_site());
    let (fail, succeed) = result_constructors(call);
    let ok = ok_value(call);
    let u64_ty = quote!(::core::primitive::u64);
    // Only the status and the outputs are read after the shared routine.
    let read_after: Vec<Reg> = call.outputs.iter().map(|output| output.reg).collect();
    let wide = is_wide(call);
    let wide_fn = match call.family {
        Family::Seamcall => quote!(seamcall_wide),
        Family::Tdcall | Family::Tdvmcall => quote!(tdcall_wide),
    };
    if !wide {
        return narrow_path(call, &read_after);
    }
    let (state_ty, state_value, handle) = {
        let returned = call.returned();
        let taken = returned.iter().map(|reg| {
            let field = Ident::new(reg.name(), Span::call_site());
            let out = reg.out_local();
            quote!(#field: #out)
        });
        let bound = call.inputs.iter().map(|input| {
            let field = Ident::new(input.reg.name(), Span::call_site());
            let local = input.reg.in_local();
            quote!(#field: #local)
        });
        let back = read_after.iter().map(|reg| {
            let field = Ident::new(reg.name(), Span::call_site());
            let out = reg.out_local();
            quote!(let #out = #state.1.#field;)
        });
        // SAFETY (of the call): the wrapper's own contract; the routine re-issues the same
        // leaf with the same input image and every register in and out through `ModuleArgs`.
        // Without a retry policy the routine never re-issues the leaf: it is handed the shared
        // zero image instead of one stored with the registers.
        let (inputs, inputs_ty, inputs_value) = if call.retry.is_none() {
            (quote!(&#p::NO_REGS), quote!(), quote!())
        } else {
            (
                quote!(&#state.2),
                quote!(#p::ModuleArgs),
                quote!(#p::ModuleArgs { #(#bound,)* ..#p::NO_REGS }),
            )
        };
        let handle = quote! {
            let #rax = match unsafe { #p::#wide_fn(#call_site, #inputs, #state.0, &mut #state.1) } {
                ::core::result::Result::Ok(status) => status,
                ::core::result::Result::Err(#error) => return #fail(#error),
            };
            #(#back)*
        };
        (
            quote!((#u64_ty, #p::ModuleArgs, #inputs_ty)),
            quote! {(
                #rax,
                #p::ModuleArgs { #(#taken,)* ..#p::NO_REGS },
                #inputs_value
            )},
            handle,
        )
    };
    quote! {
        if #rax != 0 {
            return #p::out_of_line(#state_value, move |#state: &mut #state_ty| {
                #handle
                #succeed(#ok)
            });
        }
    }
}

/// The narrow form of [`cold_path`]: the registers go to `narrow_failed` as arguments, in the
/// registers the instruction left them in where the SysV ABI allows.
fn narrow_path(call: &Call, read_after: &[Reg]) -> TokenStream {
    let p = private();
    let rax = format_ident!("__rax", span = Span::mixed_site());
    let call_site = format_ident!("__call", span = Span::mixed_site());
    let ok_flag = format_ident!("__ok", span = Span::mixed_site());
    let regs = format_ident!("__regs", span = Span::mixed_site());
    let (fail, succeed) = result_constructors(call);
    let ok = ok_value(call);
    let [rcx, rdx, r8, r9, r10, r11] = Reg::RETURNED.map(Reg::out_local);
    let seamcall = call.family == Family::Seamcall;
    let names = std::iter::once(quote!(#rax)).chain(Reg::RETURNED.iter().map(|reg| {
        if read_after.contains(reg) {
            let out = reg.out_local();
            quote!(#out)
        } else {
            quote!(_)
        }
    }));
    let images = Reg::RETURNED.map(|reg| match call.input(reg) {
        Some(_) => {
            let local = reg.in_local();
            quote!(#local)
        }
        None => quote!(0u64),
    });
    // Without a retry policy the routine never re-issues the leaf: it is handed the shared
    // zero image instead of one built on the stack.
    let inputs = if call.retry.is_none() {
        quote!(&#p::NO_INPUTS)
    } else {
        quote!(&[#(#images),*])
    };
    // SAFETY (of the call): the wrapper's own contract; the routine re-issues the same leaf
    // with the same RCX-R11 image, and the leaf writes no register above R11 (the wrapper
    // takes none back, and `checks` proves the table says it writes none).
    let finish = format_ident!("__finish", span = Span::mixed_site());
    quote! {
        if #rax != 0 {
            let #finish = |#call_site: &'static #p::CallSite,
                           #ok_flag: ::core::primitive::bool,
                           #regs: &[::core::primitive::u64; 7]| {
                if !#ok_flag {
                    return #fail(#p::narrow_error(#call_site, #regs));
                }
                let [#(#names),*] = *#regs;
                #succeed(#ok)
            };
            return unsafe {
                #p::narrow_failed::<#seamcall, _>(
                    #call_site, #rdx, #rcx, #r8, #r9, #rax, #r10, #r11, #inputs, #finish,
                )
            };
        }
    }
}
