//! After the one inline attempt: the call into the family's shared out-of-line routine,
//! reached only on a non-zero status.

use super::{private, result_constructors};
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
/// a success with information, or one the retry policy retries) goes to the family's shared
/// out-of-line routine, which retries with the same inputs and either hands back the
/// registers of a successful attempt or the error.
pub(super) fn cold_path(call: &Call) -> TokenStream {
    let p = private();
    let rax = format_ident!("__rax", span = Span::mixed_site());
    let call_site = format_ident!("__call", span = Span::mixed_site());
    let regs = format_ident!("__regs", span = Span::mixed_site());
    let inputs = format_ident!("__inputs", span = Span::mixed_site());
    let error = format_ident!("__error", span = Span::mixed_site());
    let (fail, _) = result_constructors(call);
    // Only the status and the outputs are read after the cold path.
    let read_after: Vec<Reg> = call.outputs.iter().map(|output| output.reg).collect();
    let read_outs: Vec<Ident> = read_after.iter().map(|reg| reg.out_local()).collect();
    let image = |reg: Reg| match call.input(reg) {
        Some(_) => {
            let local = reg.in_local();
            quote!(#local)
        }
        None => quote!(0u64),
    };
    let wide = is_wide(call);
    let (narrow_fn, wide_fn) = match call.family {
        Family::Seamcall => (quote!(seamcall_narrow), quote!(seamcall_wide)),
        Family::Tdcall | Family::Tdvmcall => (quote!(tdcall_narrow), quote!(tdcall_wide)),
    };
    let shared = if wide {
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
            quote!(#out = #regs.#field;)
        });
        // SAFETY (of the call): the wrapper's own contract; the routine re-issues the same
        // leaf with the same input image and every register in and out through `ModuleArgs`.
        quote! {
            let mut #regs = #p::ModuleArgs { #(#taken,)* ..#p::NO_REGS };
            let #inputs = #p::ModuleArgs { #(#bound,)* ..#p::NO_REGS };
            match unsafe { #p::#wide_fn(#call_site, &#inputs, #rax, &mut #regs) } {
                ::core::result::Result::Ok(status) => {
                    #rax = status;
                    #(#back)*
                }
                ::core::result::Result::Err(#error) => {
                    return #fail(#error);
                }
            }
        }
    } else {
        let [rcx, rdx, r8, r9, r10, r11] = Reg::RETURNED.map(Reg::out_local);
        let images = Reg::RETURNED.map(image);
        let back = read_after.iter().map(|reg| {
            let index = syn::Index::from(
                Reg::RETURNED
                    .iter()
                    .position(|r| r == reg)
                    .map_or(0, |i| i + 1),
            );
            let out = reg.out_local();
            quote!(#out = #regs[#index];)
        });
        // Without a retry policy the routine never re-issues the leaf: it is handed the shared
        // zero image instead of one built on the stack.
        let inputs_image = if call.retry.is_none() {
            quote!(let #inputs: &[::core::primitive::u64; 6] = &#p::NO_INPUTS;)
        } else {
            quote!(let #inputs: &[::core::primitive::u64; 6] = &[#(#images),*];)
        };
        // SAFETY (of the call): the wrapper's own contract; the routine re-issues the same
        // leaf with the same RCX-R11 image, and the leaf writes no register above R11 (the
        // wrapper takes none back, and `checks` proves the table says it writes none).
        quote! {
            let mut #regs = ::core::mem::MaybeUninit::<[::core::primitive::u64; 7]>::uninit();
            #inputs_image
            if !unsafe {
                #p::#narrow_fn(
                    #call_site, #inputs, #rdx, #rcx, #r8, #r9, #rax, #r10, #r11, &mut #regs,
                )
            } {
                // SAFETY: the routine wrote every register before returning.
                let #regs = unsafe { #regs.assume_init_ref() };
                return #fail(#p::narrow_error(#call_site, #regs));
            }
            // SAFETY: as above.
            let #regs = unsafe { #regs.assume_init_ref() };
            #rax = #regs[0];
            #(#back)*
        }
    };
    quote! {
        let (mut #rax, #(mut #read_outs,)*) = (#rax, #(#read_outs,)*);
        // Cold and shared: a non-zero status (see `tdx_core::__private::seamcall_narrow`).
        if #rax != 0 {
            #shared
        }
    }
}
