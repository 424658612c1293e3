//! What a declaration with errors expands to: the errors, plus the user's signature with an
//! `unreachable!()` body, so that callers get no cascade of "cannot find function" errors.

use crate::parse::Item;
use proc_macro2::TokenStream;
use quote::quote;

pub fn fallback(error: syn::Error, item: Option<&Item>, args: &TokenStream) -> TokenStream {
    let errors = error.to_compile_error();
    // Keep the leaf path in use (best effort, from the raw tokens): without it, every macro
    // error comes with a second, misleading "unused import: `abi`" warning.
    let leaf_use = leaf_path(args).map(|path| quote!(const _: () = { use #path as _; };));
    let Some(item) = item else {
        return quote!(#errors #leaf_use);
    };
    let attrs = &item.attrs;
    let vis = &item.vis;
    let sig = &item.sig;
    quote! {
        #errors
        #leaf_use
        #(#attrs)*
        #[allow(unused_variables, clippy::diverging_sub_expression)]
        #vis #sig {
            ::core::unreachable!()
        }
    }
}

/// The path after the first top-level `leaf =` / `subfn =`, if it parses as a path.
fn leaf_path(args: &TokenStream) -> Option<syn::Path> {
    use proc_macro2::TokenTree;
    let tokens: Vec<TokenTree> = args.clone().into_iter().collect();
    let start = tokens.windows(2).position(|pair| {
        matches!(&pair[0], TokenTree::Ident(key) if key == "leaf" || key == "subfn")
            && matches!(&pair[1], TokenTree::Punct(eq) if eq.as_char() == '=')
    })? + 2;
    let value: TokenStream = tokens[start..]
        .iter()
        .take_while(|tt| !matches!(tt, TokenTree::Punct(comma) if comma.as_char() == ','))
        .cloned()
        .collect();
    syn::parse2::<syn::Path>(value).ok()
}
