//! Stage 1: parse the attribute arguments and the annotated signature into syntax-level
//! structures, keeping every span. Only syntax errors are reported here (syn stops at the
//! first); everything that needs the whole picture is checked in `validate`.
//!
//! The grammar (keys in any order, each at most once):
//!
//! ```text
//! #[seamcall(leaf = LEAF [, version = N] [, in(BIND, ...)] [, out(FIELD, ...)] [, clobber(REG, ...)] [, regs = PARAM] [, retry(...)])]
//! #[tdcall  (leaf = LEAF [, version = N] [, in(BIND, ...)] [, out(FIELD, ...)] [, clobber(REG, ...)] [, regs = PARAM] [, retry(busy = N)])]
//! #[tdvmcall(subfn = SUBFN | vendor = LEAF [, in(BIND, ...)] [, out(FIELD, ...)] [, retry(busy = N)])]
//!
//! LEAF   := path to a leaf type of the ABI table | integer (unchecked)
//! BIND   := REG = PARAM | REG = PARAM.field[.field...]
//! FIELD  := REG = name [: Type]
//! retry  := retry(none) | retry(busy = N [, entropy = N]) | retry(entropy = N [, busy = N])
//! ```

use crate::Family;
use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Ident, LitInt, Path, Token, Type};

/// The keys of the grammar, in one place.
pub mod kw {
    pub const LEAF: &str = "leaf";
    pub const SUBFN: &str = "subfn";
    pub const VERSION: &str = "version";
    pub const IN: &str = "in";
    pub const OUT: &str = "out";
    pub const REGS: &str = "regs";
    pub const RETRY: &str = "retry";
    pub const CLOBBER: &str = "clobber";
    pub const VENDOR: &str = "vendor";
    pub const BUSY: &str = "busy";
    pub const ENTROPY: &str = "entropy";
    pub const NONE: &str = "none";
}

/// A leaf as written: a path into the ABI table, or an unchecked integer.
#[derive(Clone)]
pub enum LeafArg {
    /// `leaf = abi::TdhMemPageAdd`
    Path(Path),
    /// `leaf = 0x1c`
    Number(LitInt),
}

/// `REG = PARAM[.field...]`
#[derive(Clone)]
pub struct BindArg {
    pub reg: Ident,
    pub param: Ident,
    pub fields: Vec<Ident>,
}

/// `REG = name [: Type]`
#[derive(Clone)]
pub struct FieldArg {
    pub reg: Ident,
    pub name: Ident,
    pub ty: Option<Type>,
}

/// `retry(...)`
#[derive(Clone)]
pub struct RetryArg {
    pub span: Span,
    pub none: Option<Span>,
    pub busy: Option<(u32, Span)>,
    pub entropy: Option<(u32, Span)>,
}

/// Every key of the attribute, each with the span of its key for "first given here" notes.
#[derive(Default, Clone)]
pub struct Args {
    pub leaf: Option<(LeafArg, Span)>,
    pub version: Option<(LitInt, Span)>,
    pub inputs: Option<(Vec<BindArg>, Span)>,
    pub outputs: Option<(Vec<FieldArg>, Span)>,
    pub regs: Option<(Ident, Span)>,
    pub retry: Option<(RetryArg, Span)>,
    pub clobber: Option<(Vec<Ident>, Span)>,
    /// `#[tdvmcall(vendor = LEAF)]`: a vendor-specific hypercall (R10 = its number).
    pub vendor: Option<Span>,
}

fn duplicate(key: &str, span: Span, first: Span) -> syn::Error {
    let mut error = syn::Error::new(span, format!("duplicate `{key}` argument"));
    error.combine(syn::Error::new(
        first,
        format!("note: `{key}` first given here"),
    ));
    error
}

fn set<T>(slot: &mut Option<(T, Span)>, key: &str, span: Span, value: T) -> syn::Result<()> {
    if let Some((_, first)) = slot {
        return Err(duplicate(key, span, *first));
    }
    *slot = Some((value, span));
    Ok(())
}

/// Parse the attribute's arguments.
pub fn parse_args(family: Family, tokens: TokenStream) -> syn::Result<Args> {
    let mut args = Args::default();
    let leaf_key = match family {
        Family::Tdvmcall => kw::SUBFN,
        Family::Seamcall | Family::Tdcall => kw::LEAF,
    };
    let attr = family.attr();
    let parser = syn::meta::parser(|meta| {
        let span = meta.path.span();
        let Some(key) = meta.path.get_ident().map(Ident::to_string) else {
            return Err(meta.error(format!("unknown {attr} argument; expected `{leaf_key}`")));
        };
        match key.as_str() {
            // leaf = abi::TdhMemPageAdd | leaf = 0x1c       (subfn = ... for #[tdvmcall])
            k if k == leaf_key => {
                let leaf = parse_leaf(meta.value()?, leaf_key)?;
                set(&mut args.leaf, leaf_key, span, leaf)
            }
            // vendor = abi::TdvmcallKvmHypercall: R10 is the hypercall number, not 0
            kw::VENDOR if family == Family::Tdvmcall => {
                let leaf = parse_leaf(meta.value()?, kw::VENDOR)?;
                if let Some((_, first)) = &args.leaf {
                    return Err(duplicate(kw::SUBFN, span, *first));
                }
                args.vendor = Some(span);
                set(&mut args.leaf, kw::VENDOR, span, leaf)
            }
            kw::LEAF | kw::SUBFN => Err(meta.error(format!(
                "#[{attr}] names its call with `{leaf_key} = …`, not `{key} = …`"
            ))),
            // version = 1
            kw::VERSION if family != Family::Tdvmcall => {
                let lit: LitInt = meta.value()?.parse()?;
                set(&mut args.version, kw::VERSION, span, lit)
            }
            // in(rcx = page, rdx = td.tdr)
            kw::IN => {
                let mut binds = Vec::new();
                meta.parse_nested_meta(|inner| {
                    let reg = register_ident(&inner.path)?;
                    let value = inner.value()?;
                    let param: Ident = value.parse()?;
                    let mut fields = Vec::new();
                    while value.peek(Token![.]) {
                        value.parse::<Token![.]>()?;
                        fields.push(value.parse::<Ident>().map_err(|e| {
                            syn::Error::new(e.span(), "expected a field name after `.`")
                        })?);
                    }
                    binds.push(BindArg { reg, param, fields });
                    Ok(())
                })?;
                set(&mut args.inputs, kw::IN, span, binds)
            }
            // out(rcx = page_type, rdx = owner: u64)
            kw::OUT => {
                let mut fields = Vec::new();
                meta.parse_nested_meta(|inner| {
                    let reg = register_ident(&inner.path)?;
                    let value = inner.value()?;
                    let name: Ident = value
                        .parse()
                        .map_err(|e| syn::Error::new(e.span(), "expected an output field name"))?;
                    let ty = if value.peek(Token![:]) {
                        value.parse::<Token![:]>()?;
                        Some(value.parse::<Type>()?)
                    } else {
                        None
                    };
                    fields.push(FieldArg { reg, name, ty });
                    Ok(())
                })?;
                set(&mut args.outputs, kw::OUT, span, fields)
            }
            // regs = args
            kw::REGS if family != Family::Tdvmcall => {
                let param: Ident = meta.value()?.parse().map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "expected the name of a `&mut ModuleArgs` parameter",
                    )
                })?;
                set(&mut args.regs, kw::REGS, span, param)
            }
            // retry(busy = 2) | retry(entropy = 9) | retry(none)
            kw::RETRY => {
                let retry = parse_retry(&meta)?;
                set(&mut args.retry, kw::RETRY, span, retry)
            }
            // clobber(r12, r13)
            kw::CLOBBER if family != Family::Tdvmcall => {
                let content;
                syn::parenthesized!(content in meta.input);
                let regs: Vec<Ident> =
                    syn::punctuated::Punctuated::<Ident, Token![,]>::parse_terminated(&content)
                        .map_err(|e| {
                            syn::Error::new(
                                e.span(),
                                "`clobber(..)` lists registers only: `clobber(r12, r13)`",
                            )
                        })?
                        .into_iter()
                        .collect();
                set(&mut args.clobber, kw::CLOBBER, span, regs)
            }
            kw::CLOBBER => Err(meta.error(
                "`clobber` is not available on #[tdvmcall]: every register exposed to the VMM \
                 is already taken back",
            )),
            kw::VERSION | kw::REGS => Err(meta.error(format!(
                "`{key}` is not available on #[tdvmcall]; use \
                 #[tdcall(leaf = abi::TdgVpVmcall, regs = …)] for a raw TDG.VP.VMCALL"
            ))),
            _ => {
                let keys: &[&str] = match family {
                    Family::Tdvmcall => &["subfn", "vendor", "in", "out", "retry"],
                    Family::Seamcall | Family::Tdcall => {
                        &["leaf", "version", "in", "out", "clobber", "regs", "retry"]
                    }
                };
                let expected: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
                Err(
                    meta.error(match crate::suggest::closest(&key, keys.iter().copied()) {
                        Some(close) => {
                            format!("unknown {attr} argument `{key}`; did you mean `{close}`?")
                        }
                        None => format!(
                            "unknown {attr} argument `{key}`; expected one of {}",
                            expected.join(", ")
                        ),
                    }),
                )
            }
        }
    });
    parser.parse2(tokens)?;
    Ok(args)
}

fn register_ident(path: &Path) -> syn::Result<Ident> {
    path.get_ident()
        .cloned()
        .ok_or_else(|| syn::Error::new(path.span(), "expected a register name such as `rcx`"))
}

fn parse_leaf(input: ParseStream, key: &str) -> syn::Result<LeafArg> {
    if input.peek(LitInt) {
        return Ok(LeafArg::Number(input.parse()?));
    }
    let expected = || {
        syn::Error::new(
            input.span(),
            format!(
                "expected `{key} = <leaf type>` (such as `abi::TdhMemPageAdd`) or an integer \
                 leaf number"
            ),
        )
    };
    if input.peek(syn::Lit) || input.is_empty() || input.peek(Token![,]) {
        return Err(expected());
    }
    let path: Path = input.parse().map_err(|_| expected())?;
    if !input.is_empty() && !input.peek(Token![,]) {
        return Err(syn::Error::new(
            input.span(),
            format!("expected `,` after the {key}: `{key}` takes a type path or an integer"),
        ));
    }
    Ok(LeafArg::Path(path))
}

fn parse_retry(meta: &syn::meta::ParseNestedMeta) -> syn::Result<RetryArg> {
    let mut retry = RetryArg {
        span: meta.path.span(),
        none: None,
        busy: None,
        entropy: None,
    };
    meta.parse_nested_meta(|inner| {
        let span = inner.path.span();
        let key = inner
            .path
            .get_ident()
            .map(Ident::to_string)
            .unwrap_or_default();
        let count = |slot: &mut Option<(u32, Span)>| -> syn::Result<()> {
            let lit: LitInt = inner.value()?.parse()?;
            let n: u32 = lit.base10_parse().map_err(|_| {
                syn::Error::new(lit.span(), "retry counts are integers from 0 to 4294967295")
            })?;
            if let Some((_, first)) = slot {
                return Err(duplicate(&key, span, *first));
            }
            *slot = Some((n, span));
            Ok(())
        };
        match key.as_str() {
            kw::BUSY => count(&mut retry.busy),
            kw::ENTROPY => count(&mut retry.entropy),
            kw::NONE => {
                if let Some(first) = retry.none {
                    return Err(duplicate(kw::NONE, span, first));
                }
                retry.none = Some(span);
                Ok(())
            }
            _ => Err(inner.error(format!(
                "unknown retry policy `{}`; expected `busy = N`, `entropy = N` or `none`{}",
                if key.is_empty() {
                    "?".to_owned()
                } else {
                    key.clone()
                },
                crate::suggest::hint(&key, [kw::BUSY, kw::ENTROPY, kw::NONE])
            ))),
        }
    })?;
    Ok(retry)
}

/// The annotated item: `[attrs] [vis] SIGNATURE ;` (a body is parsed so that it can be
/// reported as a mistake, not as a syntax error).
pub struct Item {
    pub attrs: Vec<syn::Attribute>,
    pub vis: syn::Visibility,
    pub sig: syn::Signature,
    pub body: Option<syn::Block>,
}

impl syn::parse::Parse for Item {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(syn::Attribute::parse_outer)?;
        let vis = input.parse()?;
        let sig: syn::Signature = input.parse()?;
        let body = if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
            None
        } else if input.peek(syn::token::Brace) {
            Some(input.parse()?)
        } else {
            return Err(input.error("expected `;` after the signature"));
        };
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the signature"));
        }
        Ok(Item {
            attrs,
            vis,
            sig,
            body,
        })
    }
}
