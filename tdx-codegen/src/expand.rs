//! Stage 4: emit the output struct and the wrapper from the validated IR.
//!
//! The wrapper is one `core::arch::asm!` block tailored to the leaf: RAX carries
//! `leaf | version << 16` in and the status out; each bound input is loaded straight into its
//! register; RCX, RDX and R8–R11 are always taken back (so a failed call's error can show them,
//! and because the SysV ABI lets any call clobber them); nothing goes through memory unless
//! `regs = …` asks for it. All emitted paths are absolute and generated locals are
//! mixed-site, so the expansion works under `#![no_implicit_prelude]` and cannot capture a
//! parameter.

use crate::Family;
use crate::ir::{Call, InputBinding, LeafRef, OkType, OutputField};
use crate::regs::Reg;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;

mod asm;
mod cold;

use asm::{asm_block, asm_block_regs, hex_u16, retry_checks};
use cold::cold_path;
pub(crate) use cold::is_wide;

/// Expand a validated call into the output struct (if any) and the wrapper.
pub fn expand(call: &Call) -> TokenStream {
    let out_struct = output_struct(call);
    let wrapper = wrapper(call);
    quote! {
        #out_struct
        #wrapper
    }
}

fn private() -> TokenStream {
    quote!(::tdx_core::__private)
}

/// The leaf path used in trait projections: the table type, or `Unchecked`.
fn leaf_ty(call: &Call) -> TokenStream {
    match &call.leaf {
        LeafRef::Checked(path) => quote!(#path),
        LeafRef::Unchecked { .. } => quote!(::tdx_core::__private::Unchecked),
    }
}

/// The ABI table's type for output register `reg`, in public paths (it appears in the
/// generated struct's documentation).
fn table_output_ty(call: &Call, field: &OutputField) -> TokenStream {
    let leaf = leaf_ty(call);
    let marker = field.reg.public_marker(field.reg_span);
    quote_spanned!(field.reg_span=> <#leaf as ::tdx_core::abi::Output<#marker>>::Type)
}

fn field_ty(call: &Call, field: &OutputField) -> TokenStream {
    match &field.ty {
        Some(ty) => quote!(#ty),
        None => table_output_ty(call, field),
    }
}

fn status_ty(call: &Call) -> TokenStream {
    match call.family {
        Family::Tdvmcall if !call.vendor => quote!(::tdx_core::TdvmcallStatus),
        Family::Tdvmcall | Family::Seamcall | Family::Tdcall => quote!(::tdx_core::TdxStatus),
    }
}

fn output_struct(call: &Call) -> TokenStream {
    let OkType::Struct(name) = &call.func.ok else {
        return TokenStream::new();
    };
    let vis = &call.func.vis;
    let fn_name = &call.func.sig.ident;
    let status_ty = status_ty(call);
    let status_doc = match call.family {
        Family::Tdvmcall if call.vendor => {
            "The TDCALL status in RAX (`TDX_SUCCESS`): a vendor hypercall returns its result \
             in a register, not a TDVMCALL status."
        }
        Family::Tdvmcall => {
            "The TDVMCALL status the VMM returned in R10 (`TDG.VP.VMCALL_SUCCESS`, or a \
             non-error code such as `RETRY`)."
        }
        Family::Seamcall | Family::Tdcall => {
            "The completion status in RAX: `TDX_SUCCESS`, or a success-with-information code \
             (bit 63 clear, non-zero), kept whole."
        }
    };
    let doc = format!(
        "Outputs of [`{fn_name}`]: the completion status and the registers named by `out(..)`."
    );
    let fields = call.outputs.iter().map(|field| {
        let name = &field.name;
        let ty = field_ty(call, field);
        let doc = match (&field.ty, &call.leaf) {
            (None, LeafRef::Checked(path)) => format!(
                "`{reg}` as the call returned it, of the type the ABI table gives `{reg}` of `{}` \
                 (write `out({reg} = {}: Type)` to have it shown here; the macro checks it).",
                quote!(#path).to_string().replace(' ', ""),
                field.name,
                reg = field.reg.name(),
            ),
            _ => format!("`{}` as the call returned it.", field.reg.name()),
        };
        quote! {
            #[doc = #doc]
            pub #name: #ty,
        }
    });
    // The struct and its derives are spanned at the name in the signature, so that two
    // wrappers of one module returning the same name are reported at both signatures.
    quote_spanned! {name.span()=>
        #[doc = #doc]
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq
        )]
        #vis struct #name {
            #[doc = #status_doc]
            pub status: #status_ty,
            #(#fields)*
        }
    }
}

/// `param` or `param.field.field`
fn binding_expr(input: &InputBinding) -> TokenStream {
    let param = &input.param;
    let fields = &input.fields;
    quote!(#param #(.#fields)*)
}

fn leaf_const(call: &Call) -> TokenStream {
    let p = private();
    let local = format_ident!("__leaf", span = Span::mixed_site());
    let info = match &call.leaf {
        LeafRef::Checked(path) => {
            let getter = match call.family {
                Family::Seamcall => quote!(seamcall_leaf),
                Family::Tdcall => quote!(tdcall_leaf),
                Family::Tdvmcall => quote!(tdvmcall_leaf),
            };
            let span = syn::spanned::Spanned::span(path);
            let info = quote_spanned!(span=> #p::#getter::<#path>());
            match call.version {
                Some(version) => quote!(#info.with_version(#version)),
                None => info,
            }
        }
        LeafRef::Unchecked { number, .. } => {
            let family = match call.family {
                Family::Seamcall => quote!(Seamcall),
                Family::Tdcall => quote!(Tdcall),
                Family::Tdvmcall => quote!(Tdvmcall),
            };
            let name = match call.family {
                Family::Tdvmcall => format!("sub-function {number:#x}"),
                Family::Seamcall | Family::Tdcall => format!("leaf {number:#x}"),
            };
            let version = call.version.unwrap_or(0);
            quote! {
                #p::LeafInfo {
                    family: #p::Family::#family,
                    name: #name,
                    number: #number,
                    version: #version,
                }
            }
        }
    };
    let call_site = format_ident!("__call", span = Span::mixed_site());
    // What a failed call shows: for a table leaf, the registers its module writes (outputs and
    // error information) among those the wrapper takes back; everything for an integer leaf.
    let taken = hex_u16(
        call.returned()
            .iter()
            .fold(0u16, |mask, reg| mask | reg.bit()),
    );
    let returned = match (&call.leaf, &call.regs, call.family) {
        (LeafRef::Checked(path), Some(_), _) => quote!(<#path as #p::Leaf>::WRITES),
        (LeafRef::Unchecked { .. }, Some(_), _) => quote!(#p::RegSet::ALL_OPERANDS),
        (LeafRef::Checked(path), None, Family::Tdvmcall) => {
            quote!(#p::shown_vmcall::<#path>(#p::RegSet::from_bits(#taken)))
        }
        (LeafRef::Checked(path), None, _) => {
            quote!(#p::shown::<#path>(#p::RegSet::from_bits(#taken)))
        }
        (LeafRef::Unchecked { .. }, None, _) => quote!(#p::RegSet::from_bits(#taken)),
    };
    let (entropy, busy) = (call.retry.entropy, call.retry.busy);
    let retries = quote!(#p::Retries { entropy: #entropy, busy: #busy });
    // Locals, not `const` items: items are not hygienic, so a `const __LEAF` would shadow a
    // parameter of that name. The values are still computed at compile time (`const { .. }`).
    quote! {
        let #local: #p::LeafInfo = const { #info };
        let #call_site: &'static #p::CallSite =
            const { &#p::CallSite { leaf: #info, returned: #returned, retry: #retries } };
    }
}

/// Compile-time checks against the ABI table, each a trait bound whose failure names the leaf
/// and the register (`#[diagnostic::on_unimplemented]` in tdx-core): the leaf may be issued in
/// the register form; every register it reads is bound; every `out(..)` register with a
/// written type is one it returns something in; every register among R12–R15, RBX, RDI and RSI that it writes is
/// taken back; and a safe `fn` wraps only a leaf the table marks safe.
fn checks(call: &Call) -> TokenStream {
    let LeafRef::Checked(path) = &call.leaf else {
        return TokenStream::new();
    };
    let span = path
        .segments
        .last()
        .map_or_else(Span::call_site, |s| s.ident.span());
    let p = quote_spanned!(span=> ::tdx_core::__private);
    let mut checks = TokenStream::new();
    if call.func.sig.unsafety.is_none() {
        checks.extend(quote_spanned!(span=> #p::assert_safe_leaf::<#path>();));
    }
    if matches!(call.func.ok, OkType::Unit) {
        checks.extend(quote_spanned!(span=> #p::assert_no_success_info::<#path>();));
    }
    // Every `out(..)` register with a written type is one the leaf returns something in,
    // reported at the register (without a type, the decode call is spanned there and checks it).
    for field in call.outputs.iter().filter(|field| field.ty.is_some()) {
        let p = quote_spanned!(field.reg_span=> ::tdx_core::__private);
        let marker = field.reg.marker(field.reg_span);
        checks.extend(quote_spanned!(field.reg_span=> #p::returned_in::<#path, #marker>();));
    }
    if call.regs.is_none() {
        let unbound = Reg::ALL
            .into_iter()
            .filter(|reg| call.input(*reg).is_none())
            .map(|reg| reg.marker(span));
        // R12-R15, RBX, RDI and RSI that the wrapper neither returns nor discards (RCX-R11
        // are always taken back; a TDG.VP.VMCALL takes back every exposed register).
        let kept: Vec<TokenStream> = if call.family == Family::Tdvmcall {
            Vec::new()
        } else {
            let returned = call.returned();
            let discarded = call.discarded();
            Reg::ALL
                .into_iter()
                .filter(|reg| !Reg::RETURNED.contains(reg))
                .filter(|reg| !returned.contains(reg) && !discarded.contains(reg))
                .map(|reg| reg.marker(span))
                .collect()
        };
        checks.extend(quote_spanned! {span=>
            #p::register_form::<#path, (#(#unbound,)*), (#(#kept,)*)>();
        });
    }
    quote_spanned! {span=>
        const _: () = { #checks };
    }
}

/// `let __in_rcx: u64 = <type-checked conversion>(page);` for every input.
fn input_images(call: &Call) -> TokenStream {
    call.inputs
        .iter()
        .map(|input| {
            // The support path carries the register's span: an `Input<R>` failure (a register
            // the leaf does not read) is reported at the register, not at the whole attribute.
            let p = quote_spanned!(input.reg_span=> ::tdx_core::__private);
            let local = input.reg.in_local();
            let expr = binding_expr(input);
            let span = input.param.span();
            let marker = input.reg.marker(input.reg_span);
            let image = match &call.leaf {
                LeafRef::Checked(path) => {
                    quote_spanned!(span=> #p::input::<#path, #marker, _>(#expr))
                }
                LeafRef::Unchecked { .. } => {
                    quote_spanned!(span=> #p::UncheckedOperand::encode(#expr))
                }
            };
            quote! {
                let #local: ::core::primitive::u64 = #image;
            }
        })
        .collect()
}

fn wrapper(call: &Call) -> TokenStream {
    let p = private();
    // `From<TdxError>` for the user's error type: a failure is reported at that type.
    let (fail, succeed) = result_constructors(call);
    let rax = format_ident!("__rax", span = Span::mixed_site());
    let call_site = format_ident!("__call", span = Span::mixed_site());
    let (retry_init, retry_checks) = retry_checks(call);

    let body = if let Some(param) = &call.regs {
        let args = format_ident!("__args", span = Span::mixed_site());
        let saved = format_ident!("__args_in", span = Span::mixed_site());
        let ptr = format_ident!("__args_ptr", span = Span::mixed_site());
        let asm = asm_block_regs(call);
        // SAFETY (of the emitted block): the pointer is a live `&mut ModuleArgs`; the block
        // loads all 13 argument registers from it, restores RBP, RBX and the stack pointer,
        // writes every register back through it and declares every other register it
        // touches clobbered (`clobber_abi("C")` for the vector and x87 state the module
        // re-initialises on a TD exit). What the module or the VMM does with the registers (and the
        // memory they point at) is the caller's `unsafe` contract, which `validate` makes
        // mandatory for this form.
        let attempt = quote! {
            let #rax: ::core::primitive::u64;
            let #ptr: *mut #p::ModuleArgs = ::core::ptr::from_mut(&mut *#args);
            unsafe { #asm };
        };
        let call_once = if call.retry.is_none() {
            attempt
        } else {
            // A failed attempt wrote its outputs back: restore the inputs before each retry.
            quote! {
                let #saved: #p::ModuleArgs = *#args;
                #retry_init
                let #rax: ::core::primitive::u64 = loop {
                    *#args = #saved;
                    #attempt
                    #retry_checks
                    break #rax;
                };
            }
        };
        let ok = ok_value(call);
        quote! {
            let #args: &mut #p::ModuleArgs = #param;
            #call_once
            if #p::regs_form_failed(#call_site.leaf, #rax) {
                return #fail(#p::call_failed(#call_site, #rax, *#args));
            }
            #succeed(#ok)
        }
    } else {
        let images = input_images(call);
        let returned = call.returned();
        let outs: Vec<Ident> = returned.iter().map(|reg| reg.out_local()).collect();
        let asm = asm_block(call);
        // SAFETY (of the emitted block): every register the leaf reads is an input operand
        // (bound, or a reserved input the template zeroes because the ABI table's
        // `zero { .. }` says so) and every register it may write is an output: RAX, RCX, RDX
        // and R8-R11 always (`Reg::RETURNED`), every `out(..)` and `clobber(..)` register,
        // every register of an integer leaf without `clobber(..)`, and for TDG.VP.VMCALL every
        // register exposed to the VMM (the VMM may write any of them). Any other register the
        // table says the module writes fails `checks` (`Preserves`), so the module preserves
        // the rest. RBX, which LLVM reserves, is swapped through a scratch register and is back
        // in place before the block ends; RSP and RBP are never touched, so `nostack` holds.
        // No `nomem`/`readonly`: the module or the VMM may access the memory the operands
        // point at, which is why only a leaf the table marks `SafeLeaf` (an `unsafe impl`) may
        // have a safe wrapper, and the caller of an `unsafe fn` vouches for that memory.
        let attempt = quote! {
            let #rax: ::core::primitive::u64;
            #(let #outs: ::core::primitive::u64;)*
            unsafe { #asm };
        };
        if call.family != Family::Tdvmcall {
            let cold = cold_path(call);
            let ok = ok_value(call);
            return finish(
                call,
                quote! {
                    #images
                    #attempt
                    #cold
                    #succeed(#ok)
                },
            );
        }
        let call_once = if call.retry.is_none() {
            attempt
        } else {
            quote! {
                #retry_init
                let (#rax, #(#outs),*) = loop {
                    #attempt
                    #retry_checks
                    break (#rax, #(#outs),*);
                };
            }
        };
        let returned_fields = returned.iter().map(|reg| {
            let field = Ident::new(reg.name(), Span::call_site());
            let out = reg.out_local();
            quote!(#field: #out)
        });
        let returned_regs = quote!(#p::ModuleArgs { #(#returned_fields,)* ..#p::NO_REGS });
        let ok = ok_value(call);
        let check = match call.family {
            Family::Tdvmcall if call.vendor => quote! {
                if #rax != 0 {
                    return #fail(#p::call_failed(#call_site, #rax, #returned_regs));
                }
            },
            Family::Tdvmcall => {
                let r10 = Reg::R10.out_local();
                quote! {
                    if #rax != 0 || #p::TdvmcallStatus::from_raw(#r10).is_error() {
                        return #fail(#p::call_failed(#call_site, #rax, #returned_regs));
                    }
                }
            }
            Family::Seamcall | Family::Tdcall => quote! {
                if #p::TdxStatus::from_raw(#rax).is_error() {
                    return #fail(#p::call_failed(#call_site, #rax, #returned_regs));
                }
            },
        };
        quote! {
            #images
            #call_once
            #check
            #succeed(#ok)
        }
    };
    finish(call, body)
}

/// The function around `body`: the user's attributes and signature, the leaf's constants and
/// the compile-time checks.
fn finish(call: &Call, body: TokenStream) -> TokenStream {
    let attrs = &call.func.attrs;
    let vis = &call.func.vis;
    let sig = &call.func.sig;
    let leaf_const = leaf_const(call);
    let checks = checks(call);
    quote! {
        #(#attrs)*
        #vis #sig {
            #leaf_const
            #checks
            #body
        }
    }
}

/// How the wrapper builds its return value, as two paths applied to one argument: the error
/// (`fail::<_, E>(..)`: `Err(E::from(..))`, spanned at `E` so that a missing `From` is
/// reported there) and the success (`Ok(..)`). For a return type that names only the `Ok`
/// type (an alias such as `-> Result<Out>`), both go through `CallResult`, whose failure says
/// in the user's words that the return type is not a `Result` of a `From<TdxError>` error.
fn result_constructors(call: &Call) -> (TokenStream, TokenStream) {
    match &call.func.err_ty {
        Some(err_ty) => {
            let span = syn::spanned::Spanned::span(err_ty);
            let p = quote_spanned!(span=> ::tdx_core::__private);
            (
                quote_spanned!(span=> #p::fail::<_, #err_ty>),
                quote!(::core::result::Result::Ok),
            )
        }
        None => {
            let ret = &call.func.ret_ty;
            let span = syn::spanned::Spanned::span(ret);
            let p = quote_spanned!(span=> ::tdx_core::__private);
            (
                quote_spanned!(span=> <#ret as #p::CallResult>::from_error),
                quote_spanned!(span=> <#ret as #p::CallResult>::from_ok),
            )
        }
    }
}

/// The `Ok` value: the status, or the output struct.
fn ok_value(call: &Call) -> TokenStream {
    let p = private();
    let rax = format_ident!("__rax", span = Span::mixed_site());
    let status = match call.family {
        Family::Tdvmcall if !call.vendor => {
            let r10 = Reg::R10.out_local();
            quote!(#p::TdvmcallStatus::from_raw(#r10))
        }
        Family::Tdvmcall | Family::Seamcall | Family::Tdcall => {
            quote!(#p::TdxStatus::from_raw(#rax))
        }
    };
    match &call.func.ok {
        OkType::Status => status,
        OkType::Unit => quote!(()),
        OkType::Struct(name) => {
            let fields = call.outputs.iter().map(|field| {
                let name = &field.name;
                let local = field.reg.out_local();
                // The struct field already has the table's type: let inference fill it in.
                let ty = field
                    .ty
                    .as_ref()
                    .map_or_else(|| quote!(_), |ty| quote!(#ty));
                let marker = field.reg.marker(field.reg_span);
                let span = field
                    .ty
                    .as_ref()
                    .map_or(field.reg_span, syn::spanned::Spanned::span);
                let p = quote_spanned!(span=> ::tdx_core::__private);
                let decode = match &call.leaf {
                    // With a written type, whether the leaf returns anything in the register
                    // is `checks`' (at the register); this is the decode, at the type.
                    LeafRef::Checked(path) if field.ty.is_some() => {
                        quote_spanned!(span=> #p::output_as::<#ty, #path, #marker>(#local))
                    }
                    LeafRef::Checked(path) => {
                        quote_spanned!(span=> #p::output::<#ty, #path, #marker>(#local))
                    }
                    LeafRef::Unchecked { .. } => {
                        quote_spanned!(span=> <#ty as #p::UncheckedDecode>::decode(#local))
                    }
                };
                quote!(#name: #decode)
            });
            quote! {
                #name {
                    status: #status,
                    #(#fields,)*
                }
            }
        }
    }
}
