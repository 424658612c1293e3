//! The declarations the expansion bench expands, as an attribute macro receives them: the
//! attribute's arguments and the annotated item, as token streams.
//!
//! The catalog is read from `tdx-calls/src/**/*.rs`: every bodiless `fn` under a `#[seamcall]`,
//! `#[tdcall]` or `#[tdvmcall]` attribute, split into arguments and item as the compiler hands
//! them to the attribute macro (and as the golden test's cases are built).

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use std::path::Path;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, ForeignItemFn, Item, Meta};
use tdx_codegen::Family;

/// One declaration.
#[derive(Clone)]
pub struct Decl {
    /// The wrapper's name.
    pub name: String,
    /// Which attribute.
    pub family: Family,
    /// The attribute's arguments.
    pub args: TokenStream,
    /// The annotated signature (its other attributes included).
    pub item: TokenStream,
}

impl Decl {
    /// What the macro does with it.
    pub fn expand(&self) -> TokenStream {
        tdx_codegen::expand(self.family, self.args.clone(), self.item.clone())
    }
}

/// The floor for any attribute macro: parse the item with syn and print it back.
///
/// The item is a bodiless signature with a visibility (`pub unsafe fn f(..) -> T;`), which is
/// neither an `ItemFn` (no body) nor a `TraitItemFn` (no visibility): the syn type for exactly
/// `[attributes] [visibility] signature ;` is `ForeignItemFn`, so that is what is parsed.
pub fn parse_and_print(item: TokenStream) -> TokenStream {
    match syn::parse2::<ForeignItemFn>(item) {
        Ok(item) => item.into_token_stream(),
        Err(error) => error.to_compile_error(),
    }
}

fn family(name: &str) -> Option<Family> {
    match name {
        "seamcall" => Some(Family::Seamcall),
        "tdcall" => Some(Family::Tdcall),
        "tdvmcall" => Some(Family::Tdvmcall),
        _ => None,
    }
}

/// A declaration from an item's tokens: outer attributes, one of them ours, then a signature.
pub fn declaration(tokens: TokenStream) -> Option<Decl> {
    let parser = |input: ParseStream| {
        let attrs = input.call(Attribute::parse_outer)?;
        let rest: TokenStream = input.parse()?;
        Ok((attrs, rest))
    };
    let (mut attrs, rest) = parser.parse2(tokens).ok()?;
    let index = attrs.iter().position(|attr| {
        attr.path()
            .segments
            .last()
            .is_some_and(|s| family(&s.ident.to_string()).is_some())
    })?;
    let attr = attrs.remove(index);
    let family = family(&attr.path().segments.last()?.ident.to_string())?;
    let Meta::List(list) = attr.meta else {
        return None;
    };
    let item = quote!(#(#attrs)* #rest);
    let name = syn::parse2::<ForeignItemFn>(item.clone())
        .ok()?
        .sig
        .ident
        .to_string();
    Some(Decl {
        name,
        family,
        args: list.tokens,
        item,
    })
}

fn collect(items: Vec<Item>, out: &mut Vec<Decl>) {
    for item in items {
        match item {
            Item::Mod(module) => {
                if let Some((_, items)) = module.content {
                    collect(items, out);
                }
            }
            Item::Verbatim(tokens) => out.extend(declaration(tokens)),
            other => out.extend(declaration(other.into_token_stream())),
        }
    }
}

/// Every declaration in the Rust files under `dir`, in file order.
pub fn from_dir(dir: &Path) -> Vec<Decl> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let Ok(source) = std::fs::read_to_string(&file) else {
            continue;
        };
        if let Ok(parsed) = syn::parse_file(&source) {
            collect(parsed.items, &mut out);
        }
    }
    out
}

/// The catalog's declarations (`tdx-calls/src/**/*.rs`).
pub fn catalog() -> Vec<Decl> {
    from_dir(&crate::report::workspace_root().join("tdx-calls/src"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_declarations_in_source_and_expands_them() {
        let file: syn::File = syn::parse_quote! {
            pub mod host {
                /// Take a page back.
                #[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
                pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;
                pub fn unrelated() {}
            }
        };
        let mut decls = Vec::new();
        collect(file.items, &mut decls);
        assert_eq!(decls.len(), 1);
        assert_eq!(decls[0].name, "tdh_phymem_page_reclaim");
        assert_eq!(decls[0].family, Family::Seamcall);
        let expanded = decls[0].expand().to_string();
        assert!(expanded.contains("asm"), "{expanded}");
        assert!(!expanded.contains("compile_error"), "{expanded}");
        let printed = parse_and_print(decls[0].item.clone()).to_string();
        assert!(printed.contains("tdh_phymem_page_reclaim"));
    }

    #[test]
    fn every_catalog_declaration_expands_without_error() {
        let catalog = catalog();
        assert!(
            catalog.len() >= 50,
            "only {} declarations found",
            catalog.len()
        );
        for decl in catalog {
            let expanded = decl.expand().to_string();
            assert!(
                !expanded.contains("compile_error"),
                "{}: {expanded}",
                decl.name
            );
        }
    }
}
