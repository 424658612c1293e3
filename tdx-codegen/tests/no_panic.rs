//! A misuse never panics the macro: random attribute arguments and signatures, built from the
//! grammar's own vocabulary plus junk, always expand to well-formed Rust (the wrapper, or a
//! `compile_error!` with the fallback item), never to a panic.
//!
//! CI runs 3000 cases per test (9000 inputs). The long run, outside CI, sets the count per
//! test (three tests: 1.5 million generated inputs, of which about 1.1 million tokenize and are
//! expanded; the run prints the count every 100,000 expansions):
//!
//! ```text
//! TDX_FUZZ_CASES=500000 cargo test --release -p tdx-codegen --test no_panic -- --nocapture
//! ```

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
    "clobber",
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
    "r13",
    "rdi",
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

/// Expansions run so far (all three tests); the long run prints it every 100,000.
static EXPANDED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn expand_ok(family: Family, args: TokenStream, item: TokenStream) -> Result<(), String> {
    let n = EXPANDED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    if n.is_multiple_of(100_000) {
        eprintln!("tdx-codegen no_panic: {n} expansions");
    }
    let output = catch_unwind(AssertUnwindSafe(|| tdx_codegen::expand(family, args, item)))
        .map_err(|_| "the macro panicked".to_owned())?;
    syn::parse2::<syn::File>(output.clone())
        .map(|_| ())
        .map_err(|error| format!("malformed expansion ({error}): {output}"))
}

/// Cases per test: 3000, or `TDX_FUZZ_CASES` for the long run.
fn cases() -> u32 {
    std::env::var("TDX_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000)
}

/// Valid declarations the mutations start from: (family, arguments, item).
const VALID: &[(usize, &str, &str)] = &[
    (
        0,
        "leaf = abi::TdhPhymemPageReclaim , in ( rcx = page ) , out ( rcx = page_type , rdx = owner : u64 ) , retry ( busy = 2 )",
        "pub unsafe fn f(page: Hpa) -> Result<Out, TdxError>;",
    ),
    (
        0,
        "leaf = 0x7a , in ( r12 = page ) , clobber ( r13 , rbx ) , retry ( none )",
        "pub unsafe fn f(page: Hpa) -> Result<TdxStatus, TdxError>;",
    ),
    (
        1,
        "leaf = abi::TdgVmRd , in ( rdx = td . field ) , out ( r8 = value )",
        "fn f(td: &TdxTd<'_>) -> Result<Out, TdxError>;",
    ),
    (
        2,
        "subfn = abi::TdvmcallMapGpa , in ( r12 = gpa , r13 = len ) , out ( r11 = next ) , retry ( busy = 3 )",
        "fn f(gpa: u64, len: u64) -> Result<Out>;",
    ),
    (
        0,
        "leaf = abi::TdhVpEnter , regs = args , retry ( none )",
        "unsafe fn f(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;",
    ),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

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

    #[test]
    fn many_mutations_of_many_declarations_never_panic(
        start in 0usize..VALID.len(),
        edits in proptest::collection::vec((0usize..3, 0usize..48, 0usize..ARG_WORDS.len()), 1..6),
        item_edit in proptest::option::of((0usize..64, 0usize..ARG_WORDS.len())),
    ) {
        let (family, args, item) = VALID[start];
        let family = [Family::Seamcall, Family::Tdcall, Family::Tdvmcall][family];
        let mut words: Vec<&str> = args.split(' ').collect();
        for (kind, at, word) in edits {
            let at = at.min(words.len());
            match kind {
                0 if at < words.len() => { words.remove(at); }
                1 if at < words.len() => words[at] = ARG_WORDS[word],
                _ => words.insert(at, ARG_WORDS[word]),
            }
        }
        let mut item = item.to_owned();
        if let Some((at, word)) = item_edit {
            let at = (0..=at.min(item.len())).rev().find(|i| item.is_char_boundary(*i)).unwrap_or(0);
            item.insert_str(at, &format!(" {} ", ARG_WORDS[word]));
        }
        if let (Ok(args), Ok(item)) = (words.join(" ").parse::<TokenStream>(), item.parse::<TokenStream>()) {
            prop_assert_eq!(expand_ok(family, args, item), Ok(()));
        }
    }
}
