//! What a declaration with errors expands to: the errors, plus the user's signature with an
//! `unreachable!()` body, so that callers get no cascade of "cannot find function" errors.

use crate::parse::Item;
use proc_macro2::TokenStream;
use quote::quote;

pub fn fallback(error: syn::Error, item: Option<&Item>) -> TokenStream {
    let errors = error.to_compile_error();
    let Some(item) = item else { return errors };
    let attrs = &item.attrs;
    let vis = &item.vis;
    let sig = &item.sig;
    quote! {
        #errors
        #(#attrs)*
        #[allow(unused_variables, clippy::diverging_sub_expression)]
        #vis #sig {
            ::core::unreachable!()
        }
    }
}
