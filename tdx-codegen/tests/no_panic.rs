//! A misuse never panics the macro: random attribute arguments and signatures, built from the
//! grammar's own vocabulary plus junk, always expand to well-formed Rust (the wrapper, or a
//! `compile_error!` with the fallback item), never to a panic.

use proc_macro2::TokenStream;
use proptest::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use tdx_codegen::Family;

const ARG_WORDS: &[&str] = &[
    "leaf",
    "subfn",
    "version",
    "in",
    "out",
    "regs",
    "retry",
    "busy",
    "entropy",
    "none",
    "=",
    "=",
    ",",
    ",",
    "(",
    ")",
    ".",
    ":",
    "abi::TdhMngCreate",
    "abi::TdvmcallMapGpa",
    "0x1c",
    "28",
    "0",
    "256",
    "65536",
    "0x8000000000000000",
    "99999999999999999999999",
    "-1",
    "1.5",
    "rcx",
    "rdx",
    "r8",
    "r11",
    "r12",
    "rax",
    "rsp",
    "rbp",
    "rbx",
    "eax",
    "RCX",
    "page",
    "td",
    "tdr",
    "hkid",
    "args",
    "status",
    "u64",
    "Hpa",
    "\"text\"",
    "'a",
    "#",
    "[",
    "]",
    "::",
    "<",
    ">",
    "&",
    "mut",
];

const ITEMS: &[&str] = &[
    "pub unsafe fn f(page: Hpa) -> Result<Out, TdxError>;",
    "pub unsafe fn f(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, TdxError>;",
    "unsafe fn f(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;",
    "fn f(td: &TdxTd<'_>) -> Result<(), TdxError>;",
    "fn f() -> Result<TdvmcallStatus, TdxError>;",
    "fn f(self) -> u64;",
    "fn f((a, b): (u64, u64)) -> Result<Out, E>;",
    "fn f(x: u64) -> Result<Out, TdxError> { 0 }",
    "const async fn f(x: u64) -> Option<u64>;",
    "fn f<T>(x: T) -> Result<Out<T>, TdxError>;",
    "struct NotAFunction;",
    "",
];

fn tokens(words: &[usize]) -> Option<TokenStream> {
    let text: Vec<&str> = words
        .iter()
        .map(|&i| ARG_WORDS[i % ARG_WORDS.len()])
        .collect();
    text.join(" ").parse().ok() // unbalanced delimiters are not a token stream at all
}

fn expand_ok(family: Family, args: TokenStream, item: TokenStream) -> Result<(), String> {
    let output = catch_unwind(AssertUnwindSafe(|| tdx_codegen::expand(family, args, item)))
        .map_err(|_| "the macro panicked".to_owned())?;
    syn::parse2::<syn::File>(output.clone())
        .map(|_| ())
        .map_err(|error| format!("malformed expansion ({error}): {output}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn random_arguments_never_panic(
        words in proptest::collection::vec(0usize..ARG_WORDS.len(), 0..24),
        item in 0usize..ITEMS.len(),
        family in 0usize..3,
    ) {
        let family = [Family::Seamcall, Family::Tdcall, Family::Tdvmcall][family];
        if let (Some(args), Ok(item)) = (tokens(&words), ITEMS[item].parse::<TokenStream>()) {
            prop_assert_eq!(expand_ok(family, args, item), Ok(()));
        }
    }

    #[test]
    fn mutated_valid_declarations_never_panic(
        drop_at in 0usize..40,
        insert_at in 0usize..40,
        insert in 0usize..ARG_WORDS.len(),
    ) {
        let valid = "leaf = abi::TdhPhymemPageReclaim , in ( rcx = page ) , out ( rcx = page_type , rdx = owner : u64 ) , retry ( busy = 2 )";
        let mut words: Vec<&str> = valid.split(' ').collect();
        if drop_at < words.len() {
            words.remove(drop_at);
        }
        words.insert(insert_at.min(words.len()), ARG_WORDS[insert]);
        if let Ok(args) = words.join(" ").parse::<TokenStream>() {
            let item: TokenStream = ITEMS[0].parse().expect("item");
            prop_assert_eq!(expand_ok(Family::Seamcall, args, item), Ok(()));
        }
    }
}
