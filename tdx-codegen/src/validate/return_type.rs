//! The return-type rule: `Result<Out, E>`, an alias naming only `Out`, or `Result<(), E>` for a
//! `no_info` leaf.

use super::{Errors, ReturnShape};
use crate::Family;
use crate::ir::{LeafRef, OkType, OutputField};
use crate::parse::Args;
use crate::regs::Reg;
use std::collections::BTreeMap;
use syn::spanned::Spanned;
use syn::{GenericArgument, PathArguments, ReturnType, Signature, Type};

/// Rule: Return type: Result<Out, Error>.
pub(super) fn check_return_type(
    family: Family,
    args: &Args,
    leaf: &Option<LeafRef>,
    outputs: &BTreeMap<Reg, OutputField>,
    sig: &Signature,
    errors: &mut Errors,
) -> ReturnShape {
    let attr = family.attr();
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
                        ok = Some(OkType::Status);
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
                                    "`{name}` cannot name the output struct: the macro generates a struct with a `status` field and one field per `out(..)` register under that name, which would shadow `{name}`; choose a new name such as `{}`",
                                    suggested_struct_name(&sig.ident.to_string())
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
    (ok, err_ty, ret_ty)
}

/// `Result<A, B>` (any path ending in `Result` with two type arguments) → `(A, B)`.
pub(super) fn result_args(ty: &Type) -> Option<(&Type, Option<&Type>)> {
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
/// The output-struct name the catalog would give the wrapper `fn_name`: its name in
/// CamelCase without the family prefix (`tdh_phymem_page_rdmd` -> `PhymemPageRdmd`,
/// `tdg_vm_rd` -> `VmRd`, `tdg_vp_vmcall_map_gpa` -> `MapGpa`), or the whole name when it
/// has no such prefix or nothing after it.
pub(super) fn suggested_struct_name(fn_name: &str) -> String {
    let rest = ["tdg_vp_vmcall_", "tdh_", "tdg_"]
        .iter()
        .find_map(|prefix| fn_name.strip_prefix(prefix))
        .filter(|rest| rest.chars().any(|c| c.is_ascii_alphabetic()));
    to_camel(rest.unwrap_or(fn_name))
}

pub(super) fn to_camel(snake: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::suggested_struct_name;

    #[test]
    fn the_suggested_struct_name_drops_the_family_prefix() {
        assert_eq!(
            suggested_struct_name("tdh_phymem_page_rdmd"),
            "PhymemPageRdmd"
        );
        assert_eq!(suggested_struct_name("tdg_vm_rd"), "VmRd");
        assert_eq!(suggested_struct_name("tdg_vp_vmcall_map_gpa"), "MapGpa");
        assert_eq!(suggested_struct_name("read_field"), "ReadField");
        assert_eq!(suggested_struct_name("tdh_"), "Tdh");
        assert_eq!(suggested_struct_name("tdh__"), "Tdh");
    }
}
