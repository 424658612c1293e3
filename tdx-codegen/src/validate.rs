//! Stage 3: check the parsed attribute against the signature and build the IR.
//!
//! Errors accumulate: a declaration with several mistakes reports all of them at once,
//! each spanned at the offending token (duplicates also point at the first occurrence).

use crate::Family;
use crate::ir::{Call, Func, InputBinding, LeafRef, OkType, Retry};
use crate::parse::Item;
use crate::parse::{Args, LeafArg, kw};
use crate::regs::Reg;
use proc_macro2::Span;
use std::collections::BTreeMap;
use syn::spanned::Spanned;
use syn::{FnArg, Ident, Pat, Signature, Type};

/// Collected errors; `finish` folds them into one `syn::Error`.
mod registers;
mod return_type;

use registers::{check_clobbers, check_every_parameter_bound, check_inputs, check_outputs};
use return_type::check_return_type;

#[derive(Default)]
struct Errors(Vec<syn::Error>);

impl Errors {
    fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        self.0.push(syn::Error::new(span, message));
    }

    fn push_with_note(&mut self, span: Span, message: String, note_span: Span, note: String) {
        let mut error = syn::Error::new(span, message);
        error.combine(syn::Error::new(note_span, note));
        self.0.push(error);
    }

    fn finish(self) -> syn::Result<()> {
        let mut errors = self.0.into_iter();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            first.combine(error);
        }
        Err(first)
    }
}

/// Validate `args` against the signature `item` and build the IR: one `check_*` function per
/// rule of the grammar, in the order they are written, each pushing its spanned errors.
pub fn validate(family: Family, args: Args, item: Item) -> syn::Result<Call> {
    let mut errors = Errors::default();
    let errors_ = &mut errors;
    let sig = &item.sig;
    check_item(&item, family.attr(), errors_);
    let params = check_params(sig, errors_);
    let (leaf, version) = check_leaf(family, &args, errors_);
    let regs = check_regs(&args, &params, sig, errors_);
    let inputs = check_inputs(family, &args, &params, sig, errors_);
    check_every_parameter_bound(&args, &params, &inputs, &regs, errors_);
    let outputs = check_outputs(family, &args, &leaf, errors_);
    let retry = check_retry(family, &args, errors_);
    let clobbers = check_clobbers(&args, &outputs, errors_);
    check_integer_leaf_is_unsafe(&leaf, sig, errors_);
    check_vendor_form(&args, &leaf, &inputs, errors_);
    let (ok, err_ty, ret_ty) = check_return_type(family, &args, &leaf, &outputs, sig, errors_);

    errors.finish()?;
    // Every `None` above pushed an error, so these are present.
    let (Some(leaf), Some(ok), Some(err_ty), Some(ret_ty)) = (leaf, ok, err_ty, ret_ty) else {
        return Err(syn::Error::new(
            Span::call_site(),
            "invalid TDX call declaration",
        ));
    };

    Ok(Call {
        family,
        leaf,
        version,
        inputs: inputs.into_values().collect(),
        outputs: outputs.into_values().collect(),
        regs,
        clobbers: args
            .clobber
            .as_ref()
            .map(|_| clobbers.into_keys().collect()),
        retry,
        vendor: args.vendor.is_some(),
        func: Func {
            attrs: item.attrs,
            vis: item.vis,
            sig: item.sig,
            ok,
            err_ty,
            ret_ty,
        },
    })
}

/// The return type's pieces: the `Ok` kind, the error type as written (`None` inside for an
/// alias naming only `Ok`), the whole return type.
type ReturnShape = (Option<OkType>, Option<Option<Type>>, Option<Type>);

/// Rule: The item: a bodiless signature.
fn check_item(item: &Item, attr: &str, errors: &mut Errors) {
    let sig = &item.sig;
    if let Some(body) = &item.body {
        errors.push(
            body.span(),
            format!("remove the body: #[{attr}] generates it (write `;` after the signature)"),
        );
    }
    if let Some(token) = &sig.constness {
        errors.push(token.span, "a TDX call cannot be a `const fn`");
    }
    if let Some(token) = &sig.asyncness {
        errors.push(token.span, "a TDX call cannot be an `async fn`");
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic.span(), "a TDX call cannot be variadic");
    }
}

/// Rule: Parameters: plain `name: Type`.
fn check_params(sig: &Signature, errors: &mut Errors) -> Vec<Ident> {
    let mut params: Vec<Ident> = Vec::new();
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) => errors.push(
                receiver.span(),
                "a TDX call wrapper is a free function: `self` cannot be bound to a register",
            ),
            FnArg::Typed(typed) => match &*typed.pat {
                Pat::Ident(pat) if pat.subpat.is_none() && pat.by_ref.is_none() => {
                    params.push(pat.ident.clone())
                }
                other => errors.push(
                    other.span(),
                    "parameters must be plain names (`page: Hpa`): patterns cannot be bound \
                     to registers",
                ),
            },
        }
    }
    params
}

/// Rule: The leaf.
fn check_leaf(family: Family, args: &Args, errors: &mut Errors) -> (Option<LeafRef>, Option<u8>) {
    let attr = family.attr();
    let leaf = match &args.leaf {
        None => {
            let key = if family == Family::Tdvmcall {
                kw::SUBFN
            } else {
                kw::LEAF
            };
            errors.push(
                Span::call_site(),
                format!(
                    "missing `{key} = …`: name the {}, e.g. `#[{attr}({key} = {})]`",
                    if family == Family::Tdvmcall {
                        "sub-function"
                    } else {
                        "leaf"
                    },
                    match family {
                        Family::Seamcall => "abi::TdhMemPageAdd",
                        Family::Tdcall => "abi::TdgVpInfo",
                        Family::Tdvmcall => "abi::TdvmcallMapGpa",
                    }
                ),
            );
            None
        }
        Some((LeafArg::Path(path), _)) => Some(LeafRef::Checked(path.clone())),
        Some((LeafArg::Number(lit), _)) => match lit.base10_parse::<u64>() {
            Err(_) => {
                errors.push(lit.span(), "leaf numbers are unsigned 64-bit integers");
                None
            }
            Ok(number) => {
                let p_seamldr = number & (1 << 63) != 0 && number & !(1 << 63) <= 0xFFFF;
                match family {
                    Family::Tdvmcall => {}
                    Family::Seamcall if number > 0xFFFF && !p_seamldr => errors.push(
                        lit.span(),
                        format!(
                            "leaf {number:#x} does not fit bits 15:0 of RAX (and is not a \
                             P-SEAMLDR leaf, bit 63); give the version with `version = N`"
                        ),
                    ),
                    Family::Tdcall if number > 0xFFFF => errors.push(
                        lit.span(),
                        format!(
                            "leaf {number:#x} does not fit bits 15:0 of RAX; give the version \
                             with `version = N`"
                        ),
                    ),
                    Family::Seamcall | Family::Tdcall => {}
                }
                if number == 0 && family != Family::Tdvmcall && args.regs.is_none() {
                    errors.push(
                        lit.span(),
                        match family {
                            Family::Tdcall => {
                                "TDCALL leaf 0 is TDG.VP.VMCALL: the VMM may write every exposed \
                                 register, so use #[tdvmcall], or `regs = …` for a raw call"
                            }
                            _ => {
                                "SEAMCALL leaf 0 is TDH.VP.ENTER: the TD's registers come back in \
                                 every GPR, so declare it with `regs = …`"
                            }
                        },
                    );
                }
                Some(LeafRef::Unchecked {
                    number,
                    span: lit.span(),
                })
            }
        },
    };

    let version = args
        .version
        .as_ref()
        .and_then(|(lit, _)| match lit.base10_parse::<u8>() {
            Ok(version) => Some(version),
            Err(_) => {
                errors.push(lit.span(), "`version` must fit bits 23:16 of RAX: 0 to 255");
                None
            }
        });
    (leaf, version)
}

/// Rule: regs = PARAM excludes in/out.
fn check_regs(
    args: &Args,
    params: &[Ident],
    sig: &Signature,
    errors: &mut Errors,
) -> Option<Ident> {
    let regs = args.regs.as_ref().map(|(param, _)| param.clone());
    if let Some((param, span)) = &args.regs {
        if let Some((_, in_span)) = &args.inputs {
            errors.push_with_note(
                *in_span,
                "`in(..)` cannot be combined with `regs = …`: every register is loaded from the \
                 `ModuleArgs`"
                    .to_owned(),
                *span,
                "note: `regs` given here".to_owned(),
            );
        }
        if let Some((_, out_span)) = &args.outputs {
            errors.push_with_note(
                *out_span,
                "`out(..)` cannot be combined with `regs = …`: every register is written back \
                 to the `ModuleArgs`"
                    .to_owned(),
                *span,
                "note: `regs` given here".to_owned(),
            );
        }
        if !params.contains(param) {
            errors.push(
                param.span(),
                format!("`regs` names `{param}`, which is not a parameter"),
            );
        }
        if sig.unsafety.is_none() {
            errors.push(
                sig.fn_token.span,
                "a wrapper with `regs = …` must be an `unsafe fn`: the `ModuleArgs` may carry \
                 addresses the TDX module or the VMM will access",
            );
        }
    }
    regs
}

/// Rule: Retry policy.
fn check_retry(family: Family, args: &Args, errors: &mut Errors) -> Retry {
    let mut retry = Retry {
        busy: 0,
        entropy: if family == Family::Seamcall {
            Retry::SEAMCALL_DEFAULT_ENTROPY
        } else {
            0
        },
    };
    if let Some((arg, _)) = &args.retry {
        if let Some(none) = arg.none {
            if let Some((_, span)) = arg.busy.or(arg.entropy) {
                errors.push_with_note(
                    span,
                    "`retry(none)` cannot be combined with a retry count".to_owned(),
                    none,
                    "note: `none` given here".to_owned(),
                );
            }
            retry = Retry {
                busy: 0,
                entropy: 0,
            };
        } else if arg.busy.is_none() && arg.entropy.is_none() {
            errors.push(
                arg.span,
                "empty `retry()`: write `retry(none)`, `retry(busy = N)` or `retry(entropy = N)`",
            );
        }
        if let Some((busy, _)) = arg.busy {
            retry.busy = busy;
        }
        if let Some((entropy, span)) = arg.entropy {
            if family == Family::Seamcall {
                retry.entropy = entropy;
            } else {
                errors.push(
                    span,
                    "`entropy` retries apply to SEAMCALL only: TDX_RND_NO_ENTROPY is a \
                     SEAMCALL status",
                );
            }
        }
    }
    retry
}

/// Rule: An integer leaf is never safe: nothing says what its registers carry.
fn check_integer_leaf_is_unsafe(leaf: &Option<LeafRef>, sig: &Signature, errors: &mut Errors) {
    if let (Some(LeafRef::Unchecked { span, .. }), None) = (&leaf, &sig.unsafety) {
        errors.push_with_note(
            sig.fn_token.span,
            "a wrapper of an integer (unchecked) leaf must be an `unsafe fn`: nothing tells the \
             macro that its registers carry no address; declare the leaf with \
             `tdx_core::abi_table!` (`unsafe impl SafeLeaf;`) to wrap it with a safe `fn`"
                .to_owned(),
            *span,
            "note: the integer leaf is here".to_owned(),
        );
    }
}

/// Rule: The vendor form: a table leaf, and R10 (the hypercall number) bound.
fn check_vendor_form(
    args: &Args,
    leaf: &Option<LeafRef>,
    inputs: &BTreeMap<Reg, InputBinding>,
    errors: &mut Errors,
) {
    if let Some(span) = args.vendor {
        if matches!(leaf, Some(LeafRef::Unchecked { .. })) {
            errors.push(
                span,
                "`vendor = …` names a leaf of the ABI table (declare it with \
                 `tdx_core::abi_table!`), whose types say what R10 and the arguments carry",
            );
        }
        if !inputs.contains_key(&Reg::R10) {
            errors.push(
                span,
                "the vendor form puts the hypercall number in R10: bind it, e.g. `in(r10 = nr)`",
            );
        }
    }
}
