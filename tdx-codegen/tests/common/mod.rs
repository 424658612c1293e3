//! The golden-file harness shared by `golden.rs` (one case per grammar feature) and
//! `catalog.rs` (the whole tdx-calls catalog): expand, pretty-print with prettyplease,
//! print every `asm!` with one operand per line, and put the register plan above each
//! function. `TDX_BLESS=1` rewrites the files; otherwise a stale file fails with a diff.

#![allow(dead_code)]

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use std::path::Path;
use syn::visit_mut::VisitMut;
use tdx_codegen::Family;

/// Expand one declaration and render it for a golden file.
pub fn render(family: Family, args: TokenStream, item: TokenStream) -> String {
    let plan = match tdx_codegen::testing::plan(family, args.clone(), item.clone()) {
        Ok(plan) => plan,
        Err(error) => format!("error: {error}"),
    };
    let expanded = tdx_codegen::expand(family, args, item);
    format!("// {plan}\n{}", pretty(expanded))
}

/// prettyplease, with each `asm!` printed one operand per line.
pub fn pretty(tokens: TokenStream) -> String {
    let mut file: syn::File = match syn::parse2(tokens.clone()) {
        Ok(file) => file,
        Err(error) => return format!("// unparsable expansion: {error}\n{tokens}\n"),
    };
    let mut asm = AsmCollector::default();
    asm.visit_file_mut(&mut file);
    let mut text = prettyplease::unparse(&file);
    for (i, operands) in asm.blocks.iter().enumerate() {
        let marker = format!("__ASM_OPERANDS_{i}");
        // prettyplease prints the marker as `(__ASM_OPERANDS_i)` at some indentation.
        let Some(at) = text.find(&marker) else {
            continue;
        };
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let indent: String = text[line_start..]
            .chars()
            .take_while(|c| *c == ' ')
            .collect();
        let inner = format!("{indent}    ");
        let body: String = operands
            .iter()
            .map(|op| format!("{inner}{op},\n"))
            .collect();
        text = text.replacen(&marker, &format!("\n{body}{indent}"), 1);
    }
    text
}

#[derive(Default)]
struct AsmCollector {
    blocks: Vec<Vec<String>>,
}

impl VisitMut for AsmCollector {
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if mac.path.segments.last().is_some_and(|s| s.ident == "asm") {
            let operands = split_commas(mac.tokens.clone());
            let marker = format!("__ASM_OPERANDS_{}", self.blocks.len());
            self.blocks
                .push(operands.iter().map(|op| print_tokens(op.clone())).collect());
            mac.tokens = marker.parse().unwrap_or_default();
        }
        syn::visit_mut::visit_macro_mut(self, mac);
    }
}

fn split_commas(tokens: TokenStream) -> Vec<TokenStream> {
    let mut parts = Vec::new();
    let mut current = Vec::new();
    for tree in tokens {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => {
                parts.push(current.drain(..).collect());
            }
            _ => current.push(tree),
        }
    }
    if !current.is_empty() {
        parts.push(current.into_iter().collect());
    }
    parts
}

/// Token printing with Rust-like spacing, for the short operands of an `asm!`.
fn print_tokens(tokens: TokenStream) -> String {
    let mut out = String::new();
    // Whether an identifier or literal that comes next needs a space before it.
    let mut space_before_word = false;
    let mut prev_joint = false;
    let mut prev_group = false;
    for tree in tokens {
        let is_group = matches!(tree, TokenTree::Group(_));
        match tree {
            TokenTree::Ident(_) | TokenTree::Literal(_) => {
                if space_before_word {
                    out.push(' ');
                }
                let text = tree.to_string();
                out.push_str(&text);
                space_before_word = true;
                prev_joint = false;
                if text == "const" {
                    out.push(' ');
                    space_before_word = false;
                }
            }
            TokenTree::Punct(punct) => {
                let c = punct.as_char();
                if (c == '=' && !prev_joint && !out.is_empty()) || (c == ':' && prev_group) {
                    out.push(' ');
                }
                out.push(c);
                prev_joint = punct.spacing() == Spacing::Joint;
                space_before_word = !prev_joint && (out.ends_with('=') || out.ends_with("=>"));
            }
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{ ", " }"),
                    Delimiter::None => ("", ""),
                };
                if out.ends_with('=') || out.ends_with("=>") {
                    out.push(' ');
                }
                out.push_str(open);
                out.push_str(&print_tokens(group.stream()));
                out.push_str(close);
                space_before_word = true;
                prev_joint = false;
            }
        }
        prev_group = is_group;
    }
    out
}

/// Compare `actual` with the golden file at `path`, or rewrite it under `TDX_BLESS=1`.
/// Returns a description of the mismatch, if any.
pub fn check_golden(path: &Path, actual: &str) -> Option<String> {
    tdx_bless::check(path, actual, "TDX_BLESS=1 cargo test -p tdx-codegen")
}

/// Hygiene: every multi-segment path the expansion emits is either `::`-rooted or was written
/// by the user (appears in the input). Returns the offending paths.
pub fn unrooted_paths(input: &str, expansion: TokenStream) -> Vec<String> {
    use syn::visit::Visit;
    struct Paths<'a> {
        input: &'a str,
        bad: Vec<String>,
    }
    impl<'ast> Visit<'ast> for Paths<'_> {
        fn visit_path(&mut self, path: &'ast syn::Path) {
            if path.segments.len() > 1 && path.leading_colon.is_none() {
                let text: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
                let joined = text.join(" :: ");
                if !self.input.contains(&joined) {
                    self.bad.push(text.join("::"));
                }
            }
            syn::visit::visit_path(self, path);
        }
    }
    let Ok(file) = syn::parse2::<syn::File>(expansion) else {
        return vec!["<unparsable expansion>".to_owned()];
    };
    let mut paths = Paths {
        input,
        bad: Vec::new(),
    };
    paths.visit_file(&file);
    paths.bad
}
