//! The register rules: `in(..)` bindings, every parameter bound, `out(..)` fields and
//! `clobber(..)`.

use super::Errors;
use crate::Family;
use crate::ir::{InputBinding, LeafRef, OutputField};
use crate::parse::Args;
use crate::regs::Reg;
use proc_macro2::Span;
use std::collections::BTreeMap;
use syn::{Ident, Signature};

/// Rule: Inputs.
pub(super) fn check_inputs(
    family: Family,
    args: &Args,
    params: &[Ident],
    sig: &Signature,
    errors: &mut Errors,
) -> BTreeMap<Reg, InputBinding> {
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
    inputs
}

/// Rule: Every parameter is bound.
pub(super) fn check_every_parameter_bound(
    args: &Args,
    params: &[Ident],
    inputs: &BTreeMap<Reg, InputBinding>,
    regs: &Option<Ident>,
    errors: &mut Errors,
) {
    for param in params {
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
}

/// Rule: Outputs.
pub(super) fn check_outputs(
    family: Family,
    args: &Args,
    leaf: &Option<LeafRef>,
    errors: &mut Errors,
) -> BTreeMap<Reg, OutputField> {
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
    outputs
}

/// Rule: clobber(REG, ..): registers the module may write that the wrapper does not read.
pub(super) fn check_clobbers(
    args: &Args,
    outputs: &BTreeMap<Reg, OutputField>,
    errors: &mut Errors,
) -> BTreeMap<Reg, Span> {
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
    clobbers
}
