//! Stage 3: check the parsed attribute against the signature and build the IR.
//!
//! Errors accumulate: a declaration with several mistakes reports all of them at once,
//! each spanned at the offending token (duplicates also point at the first occurrence).

use crate::Family;
use crate::ir::{Call, Func, InputBinding, LeafRef, OkType, OutputField, Retry};
use crate::parse::Item;
use crate::parse::{Args, LeafArg, kw};
use crate::regs::Reg;
use proc_macro2::Span;
use std::collections::BTreeMap;
use syn::spanned::Spanned;
use syn::{FnArg, GenericArgument, Ident, Pat, PathArguments, ReturnType, Type};

/// Collected errors; `finish` folds them into one `syn::Error`.
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

/// Validate `args` against the signature `item` and build the IR.
pub fn validate(family: Family, args: Args, item: Item) -> syn::Result<Call> {
    let mut errors = Errors::default();
    let attr = family.attr();

    // The item: a bodiless signature.
    if let Some(body) = &item.body {
        errors.push(
            body.span(),
            format!("remove the body: #[{attr}] generates it (write `;` after the signature)"),
        );
    }
    let sig = &item.sig;
    if let Some(token) = &sig.constness {
        errors.push(token.span, "a TDX call cannot be a `const fn`");
    }
    if let Some(token) = &sig.asyncness {
        errors.push(token.span, "a TDX call cannot be an `async fn`");
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic.span(), "a TDX call cannot be variadic");
    }

    // Parameters: plain `name: Type`.
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

    // The leaf.
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

    // regs = PARAM excludes in/out.
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

    // Inputs.
    let mut inputs: BTreeMap<Reg, InputBinding> = BTreeMap::new();
    let mut first_in: BTreeMap<Reg, Span> = BTreeMap::new();
    for bind in args.inputs.iter().flat_map(|(binds, _)| binds) {
        let reg = match Reg::from_ident(&bind.reg) {
            Ok(reg) => reg,
            Err(message) => {
                errors.push(bind.reg.span(), message);
                continue;
            }
        };
        if family == Family::Tdvmcall {
            let vendor = args.vendor.is_some();
            let reserved = match reg {
                Reg::Rcx => Some(
                    "`rcx` carries the mask of registers exposed to the VMM, which #[tdvmcall] \
                     computes from the bound registers",
                ),
                Reg::R10 | Reg::R11 if vendor => None,
                Reg::R10 => {
                    Some("`r10` is set by #[tdvmcall]: 0 selects a GHCI-standard TDG.VP.VMCALL")
                }
                Reg::R11 => Some("`r11` is set by #[tdvmcall]: it carries the sub-function"),
                _ => None,
            };
            if let Some(message) = reserved {
                errors.push(bind.reg.span(), message);
                continue;
            }
        }
        if let Some(first) = first_in.get(&reg) {
            errors.push_with_note(
                bind.reg.span(),
                format!("duplicate input register `{}`", reg.name()),
                *first,
                format!("note: `{}` first bound here", reg.name()),
            );
            continue;
        }
        first_in.insert(reg, bind.reg.span());
        if !params.contains(&bind.param) {
            errors.push(
                bind.param.span(),
                format!(
                    "`{}` binds `{}`, which is not a parameter of `{}`{}",
                    reg.name(),
                    bind.param,
                    sig.ident,
                    crate::suggest::hint(
                        &bind.param.to_string(),
                        params
                            .iter()
                            .map(|p| p.to_string())
                            .collect::<Vec<_>>()
                            .iter()
                            .map(String::as_str)
                    )
                ),
            );
        }
        inputs.insert(
            reg,
            InputBinding {
                reg,
                reg_span: bind.reg.span(),
                param: bind.param.clone(),
                fields: bind.fields.clone(),
            },
        );
    }

    // Every parameter is bound.
    for param in &params {
        let bound = inputs.values().any(|input| &input.param == param)
            || regs.as_ref() == Some(param)
            // Reported above as "not a parameter" if misspelled; don't pile on.
            || args.inputs.iter().flat_map(|(b, _)| b).any(|b| &b.param == param);
        if !bound {
            errors.push(
                param.span(),
                format!(
                    "parameter `{param}` is not bound to a register: add `in(<reg> = {param})`"
                ),
            );
        }
    }

    // Outputs.
    let mut outputs: BTreeMap<Reg, OutputField> = BTreeMap::new();
    let mut first_out: BTreeMap<Reg, Span> = BTreeMap::new();
    let mut names: BTreeMap<String, Span> = BTreeMap::new();
    for field in args.outputs.iter().flat_map(|(fields, _)| fields) {
        let reg = match Reg::from_ident(&field.reg) {
            Ok(reg) => reg,
            Err(message) => {
                errors.push(field.reg.span(), message);
                continue;
            }
        };
        if family == Family::Tdvmcall {
            let reserved = match reg {
                Reg::Rcx => Some("`rcx` is the exposed-register mask, not an output"),
                Reg::R10 if args.vendor.is_some() => None,
                Reg::R10 => Some(
                    "`r10` returns the TDVMCALL status: it is the output struct's `status` field",
                ),
                _ => None,
            };
            if let Some(message) = reserved {
                errors.push(field.reg.span(), message);
                continue;
            }
        }
        if let Some(first) = first_out.get(&reg) {
            errors.push_with_note(
                field.reg.span(),
                format!("duplicate output register `{}`", reg.name()),
                *first,
                format!("note: `{}` first read here", reg.name()),
            );
            continue;
        }
        first_out.insert(reg, field.reg.span());
        let name = field.name.to_string();
        if name == "status" {
            errors.push(
                field.name.span(),
                "`status` is reserved: the output struct's `status` field holds the completion \
                 status",
            );
        } else if name.starts_with("__") {
            errors.push(
                field.name.span(),
                "output names starting with `__` are reserved",
            );
        } else if let Some(first) = names.get(&name) {
            errors.push_with_note(
                field.name.span(),
                format!("duplicate output field `{name}`"),
                *first,
                format!("note: `{name}` first used here"),
            );
        } else {
            names.insert(name, field.name.span());
        }
        if field.ty.is_none() && matches!(leaf, Some(LeafRef::Unchecked { .. })) {
            errors.push(
                field.name.span(),
                format!(
                    "output `{}` needs a type: an integer leaf is unchecked, so there is no ABI \
                     table entry to take it from (write `{} = {}: u64`)",
                    field.name,
                    reg.name(),
                    field.name
                ),
            );
        }
        outputs.insert(
            reg,
            OutputField {
                reg,
                reg_span: field.reg.span(),
                name: field.name.clone(),
                ty: field.ty.clone(),
            },
        );
    }

    // Retry policy.
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

    // clobber(REG, ..): registers the module may write that the wrapper does not read.
    let mut clobbers: BTreeMap<Reg, Span> = BTreeMap::new();
    for ident in args.clobber.iter().flat_map(|(regs, _)| regs) {
        match Reg::from_ident(ident) {
            Err(message) => errors.push(ident.span(), message),
            Ok(reg) => {
                if let Some(first) = clobbers.get(&reg) {
                    errors.push_with_note(
                        ident.span(),
                        format!("`{}` is listed twice in `clobber(..)`", reg.name()),
                        *first,
                        "note: first listed here".to_owned(),
                    );
                } else if let Some(output) = outputs.get(&reg) {
                    errors.push_with_note(
                        ident.span(),
                        format!(
                            "`{}` is already taken back as an output: remove it from `clobber(..)`",
                            reg.name()
                        ),
                        output.reg_span,
                        "note: the output is here".to_owned(),
                    );
                } else {
                    clobbers.insert(reg, ident.span());
                }
            }
        }
    }
    if let (Some((_, span)), Some((_, regs_span))) = (&args.clobber, &args.regs) {
        errors.push_with_note(
            *span,
            "`clobber(..)` cannot be combined with `regs = …`: every register is written back \
             to the `ModuleArgs`"
                .to_owned(),
            *regs_span,
            "note: `regs` given here".to_owned(),
        );
    }

    // An integer leaf is never safe: nothing says what its registers carry.
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

    // The vendor form: a table leaf, and R10 (the hypercall number) bound.
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

    // Return type: Result<Out, Error>.
    let status_name = match family {
        Family::Tdvmcall if args.vendor.is_none() => "TdvmcallStatus",
        Family::Tdvmcall | Family::Seamcall | Family::Tdcall => "TdxStatus",
    };
    let mut ok = None;
    let mut err_ty = None;
    let mut ret_ty = None;
    let shape = format!(
        "expected `-> Result<Out, TdxError>`: `Out` names the output struct the macro generates, \
         or is `{status_name}` for a call without outputs (a `Result<Out>` alias of your crate is fine)"
    );
    match &sig.output {
        ReturnType::Default => errors.push(sig.paren_token.span.close(), shape),
        ReturnType::Type(_, ty) => match result_args(ty) {
            None => errors.push(ty.span(), shape),
            Some((ok_ty, error_ty)) => {
                ret_ty = Some((**ty).clone());
                err_ty = Some(error_ty.cloned());
                match ok_ty {
                    Type::Tuple(tuple) if tuple.elems.is_empty() => {
                        let checked = matches!(leaf, Some(LeafRef::Checked(_)));
                        if family == Family::Tdvmcall || !checked {
                            errors.push(
                                ok_ty.span(),
                                format!(
                                    "`Ok(())` would drop the completion status, losing \
                                     success-with-information codes ({}): return \
                                     `{status_name}` or name an output struct",
                                    if family == Family::Tdvmcall {
                                        "the VMM's RETRY"
                                    } else {
                                        "an integer leaf says nothing about them"
                                    }
                                ),
                            );
                        } else if let Some(first) = outputs.values().next() {
                            errors.push_with_note(
                                ok_ty.span(),
                                "this call has outputs: name the output struct instead of `()`"
                                    .to_owned(),
                                first.reg_span,
                                "note: first output here".to_owned(),
                            );
                        } else {
                            ok = Some(OkType::Unit);
                        }
                    }
                    Type::Path(path)
                        if path.qself.is_none()
                            && path.path.segments.last().is_some_and(|s| {
                                s.ident == "TdxStatus" || s.ident == "TdvmcallStatus"
                            }) =>
                    {
                        let last = &path.path.segments.last().map(|s| s.ident.to_string());
                        if last.as_deref() != Some(status_name) {
                            errors.push(
                                ok_ty.span(),
                                format!("#[{attr}] completes with a `{status_name}`"),
                            );
                        }
                        if let Some(first) = outputs.values().next() {
                            errors.push_with_note(
                                ok_ty.span(),
                                format!(
                                    "this call has outputs: name the output struct instead of \
                                     `{status_name}` (it gets a `status` field)"
                                ),
                                first.reg_span,
                                "note: first output here".to_owned(),
                            );
                        }
                        ok = Some(OkType::Status(ok_ty.clone()));
                    }
                    Type::Path(path)
                        if path.qself.is_none()
                            && path.path.leading_colon.is_none()
                            && path.path.segments.len() == 1
                            && path.path.segments[0].arguments.is_empty() =>
                    {
                        let name = &path.path.segments[0].ident;
                        if RESERVED_STRUCT_NAMES
                            .iter()
                            .any(|reserved| name == reserved)
                        {
                            errors.push(
                                name.span(),
                                format!(
                                    "`{name}` cannot name the output struct: the macro generates a struct with a `status` field and one field per `out(..)` register under that name, which would shadow `{name}`; choose a new name such as `{}Out`",
                                    to_camel(&sig.ident.to_string())
                                ),
                            );
                        } else {
                            ok = Some(OkType::Struct(name.clone()));
                        }
                    }
                    other => errors.push(
                        other.span(),
                        format!(
                            "expected the name of the output struct to generate (a plain \
                             identifier such as `PageReclaim`), or `{status_name}`"
                        ),
                    ),
                }
            }
        },
    }

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

/// `Result<A, B>` (any path ending in `Result` with two type arguments) → `(A, B)`.
fn result_args(ty: &Type) -> Option<(&Type, Option<&Type>)> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    if args
        .args
        .iter()
        .any(|arg| !matches!(arg, GenericArgument::Type(_)))
    {
        return None;
    }
    let mut types = args.args.iter().filter_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    });
    let ok = types.next()?;
    let err = types.next();
    if types.next().is_some() {
        return None;
    }
    Some((ok, err))
}

/// Names the generated output struct must not take: primitive types and the types of
/// `tdx_core` a return type might be mistaken for.
const RESERVED_STRUCT_NAMES: &[&str] = &[
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "bool",
    "char",
    "str",
    "f32",
    "f64",
    "Self",
    "Hpa",
    "Hva",
    "Gpa",
    "SharedGpa",
    "Gva",
    "KeyedHpa",
    "Page",
    "SeptGpa",
    "AcceptGpa",
    "FieldId",
    "Hkid",
    "PageSize",
    "SeptLevel",
    "ModuleArgs",
    "TdxError",
    "Option",
    "Result",
];

/// `tdh_mem_page_aug` → `TdhMemPageAug`.
fn to_camel(snake: &str) -> String {
    snake
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}
