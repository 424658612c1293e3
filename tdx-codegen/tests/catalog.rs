//! The whole tdx-calls catalog's expansion, committed under `tdx-calls/expanded/`, one file
//! per source file at the same relative path (`src/host/mem.rs` → `expanded/host/mem.rs`), so
//! that every change to what reaches the instruction shows in review. `TDX_BLESS=1 cargo test -p tdx-codegen --test catalog` rewrites the files; a
//! stale or orphaned file fails.
//!
//! The sources are read with `syn::parse_file`; a bodiless `fn` item is an `Item::Verbatim`,
//! which is parsed with the macro's own item parser (`tdx_codegen::testing::Item`). Every fn
//! carrying `#[seamcall]`, `#[tdcall]` or `#[tdvmcall]` (inline modules included) is expanded
//! with `common::render`, exactly as the attribute would be, minus its doc comments (they are
//! copied to the output unchanged and would only add noise here).
//!
//! Each wrapper is headed by `// wrapper: <module>::<name>`, followed by the register plan
//! (`// <family> <leaf> | ...`): tdx-calls' tests read those two lines to check that every
//! wrapper is in its `CATALOG`, with the same leaf.

mod common;

use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tdx_codegen::Family;

/// One annotated wrapper found in the sources.
struct Wrapper {
    /// Where it is, for the header: `host/mem.rs` or `vmcall.rs, mod raw`.
    location: String,
    name: String,
    family: Family,
    args: TokenStream,
    item: TokenStream,
}

fn family_of(attr: &syn::Attribute) -> Option<Family> {
    let ident = attr.path().get_ident()?;
    match ident.to_string().as_str() {
        "seamcall" => Some(Family::Seamcall),
        "tdcall" => Some(Family::Tdcall),
        "tdvmcall" => Some(Family::Tdvmcall),
        _ => None,
    }
}

/// The wrapper an annotated item declares, if it carries one of the three attributes.
fn wrapper(location: &str, tokens: TokenStream) -> Option<Wrapper> {
    let item: tdx_codegen::testing::Item = syn::parse2(tokens).ok()?;
    let position = item.attrs.iter().position(|a| family_of(a).is_some())?;
    let attr = &item.attrs[position];
    let family = family_of(attr)?;
    let args = match &attr.meta {
        syn::Meta::List(list) => list.tokens.clone(),
        _ => TokenStream::new(),
    };
    // What the attribute macro receives: the item without the attribute itself. Doc
    // comments are left out (see the module docs).
    let others = item
        .attrs
        .iter()
        .enumerate()
        .filter(|(i, a)| *i != position && !a.path().is_ident("doc"))
        .map(|(_, a)| a);
    let vis = &item.vis;
    let sig = &item.sig;
    let body = match &item.body {
        Some(block) => quote!(#block),
        None => quote!(;),
    };
    Some(Wrapper {
        location: location.to_owned(),
        name: sig.ident.to_string(),
        family,
        args,
        item: quote!(#(#others)* #vis #sig #body),
    })
}

fn collect(items: &[syn::Item], location: &str, out: &mut Vec<Wrapper>) {
    for item in items {
        match item {
            syn::Item::Verbatim(tokens) => out.extend(wrapper(location, tokens.clone())),
            // An annotated fn with a body is a mistake the macro reports: render it too.
            syn::Item::Fn(func) if func.attrs.iter().any(|a| family_of(a).is_some()) => {
                out.extend(wrapper(location, quote!(#func)))
            }
            syn::Item::Mod(module) => {
                if let Some((_, items)) = &module.content {
                    let inner = format!("{location}, mod {}", module.ident);
                    collect(items, &inner, out);
                }
            }
            _ => {}
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The public module a source file's wrappers are reached through: its first path component
/// under `src/`, without `.rs` (`host.rs` and `host/mem.rs` are both `host`).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap_or(file);
    let first = relative
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

/// Every annotated wrapper of `tdx-calls/src`, with its source file (relative to `src/`).
fn catalog_wrappers(src: &Path) -> Vec<(PathBuf, Wrapper)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    assert!(!files.is_empty(), "no sources under {}", src.display());
    let mut all = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read tdx-calls source");
        let parsed = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.display()));
        let relative_path = file.strip_prefix(src).unwrap_or(file).to_path_buf();
        let mut wrappers = Vec::new();
        collect(
            &parsed.items,
            &relative_path.display().to_string(),
            &mut wrappers,
        );
        all.extend(wrappers.into_iter().map(|w| (relative_path.clone(), w)));
    }
    assert!(
        !all.is_empty(),
        "no #[seamcall]/#[tdcall]/#[tdvmcall] wrapper found"
    );
    all
}

/// Every field of a catalog output struct shows a concrete type in rustdoc and in
/// `cargo expand`: each `out(REG = name: Type)` writes the type, and it is the ABI table's own
/// (as the table entry spells it), not a raw `u64` view of it. The compiler checks the type
/// against the table; this checks that it is written, so that no generated field is the
/// projection `<Leaf as Output<R>>::Type`.
#[test]
fn catalog_output_fields_show_the_table_types() {
    let calls = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tdx-calls");
    let normal = |ty: &str| ty.split_whitespace().collect::<String>();
    let mut problems = Vec::new();
    let mut fields = 0;
    for (file, w) in catalog_wrappers(&calls.join("src")) {
        let at = format!("{} in tdx-calls/src/{}", w.name, file.display());
        let (leaf, outputs) = tdx_codegen::testing::outputs(w.family, w.args.clone(), w.item)
            .unwrap_or_else(|e| panic!("{at} does not validate: {e}"));
        let table = leaf
            .as_deref()
            .and_then(|leaf| tdx_core::abi::leaves().find(|data| data.type_name == leaf));
        for field in outputs {
            fields += 1;
            let Some(ty) = &field.ty else {
                problems.push(format!(
                    "{at}: `out({} = {})` leaves the type out, so the generated field is a \
                     trait projection; write `{} = {}: <the ABI table's type>`",
                    field.reg, field.name, field.reg, field.name
                ));
                continue;
            };
            let Some(data) = table else { continue };
            let wanted = data.output_types.iter().find(|(reg, _)| *reg == field.reg);
            match wanted {
                Some((_, wanted)) if normal(wanted) == normal(ty) => {}
                Some((_, wanted)) => problems.push(format!(
                    "{at}: `out({} = {}: {ty})`, but the ABI table's `{}` returns `{wanted}`",
                    field.reg, field.name, data.type_name
                )),
                None => problems.push(format!(
                    "{at}: `{}` is not an output of `{}`",
                    field.reg, data.type_name
                )),
            }
        }
    }
    assert!(fields > 0, "no output field found in the catalog");
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // And the committed expansions say so too.
    let mut committed = Vec::new();
    rust_files(&calls.join("expanded"), &mut committed);
    for file in committed {
        let text = std::fs::read_to_string(&file).expect("read expansion");
        assert!(
            !text.contains("::tdx_core::abi::Output<"),
            "{} still has an output field typed by a trait projection",
            file.display()
        );
    }
}

#[test]
fn catalog_expansions() {
    let calls = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tdx-calls");
    let src = calls.join("src");
    let expanded = calls.join("expanded");

    // source file (relative to `src/`) -> rendered text, in source order.
    let mut modules: BTreeMap<PathBuf, String> = BTreeMap::new();
    for (relative_path, w) in catalog_wrappers(&src) {
        let module = module_of(&src, &src.join(&relative_path));
        let rendered = common::render(w.family, w.args, w.item);
        let out = modules.entry(relative_path).or_default();
        out.push_str(&format!(
            "\n// wrapper: {module}::{} ({})\n{rendered}",
            w.name, w.location
        ));
    }

    let mut stale = Vec::new();
    for (relative, body) in &modules {
        let source = relative.display();
        let text = format!(
            "// @generated by tdx-codegen/tests/catalog.rs: the expansion of every wrapper in\n\
             // tdx-calls/src/{source} (doc comments left out). Rewrite with\n\
             // `TDX_BLESS=1 cargo test -p tdx-codegen --test catalog`; do not edit.\n{body}"
        );
        if let Some(diff) = common::check_golden(&expanded.join(relative), &text) {
            stale.push(diff);
        }
    }

    // A file for a module that no longer has wrappers is stale too.
    let mut committed = Vec::new();
    rust_files(&expanded, &mut committed);
    for file in committed {
        let relative = file.strip_prefix(&expanded).unwrap_or(&file);
        if !modules.contains_key(relative) {
            if std::env::var_os("TDX_BLESS").is_some() {
                std::fs::remove_file(&file).expect("remove orphaned expansion");
            } else {
                stale.push(format!(
                    "{} has no wrappers left in tdx-calls/src (run with TDX_BLESS=1 to remove it)",
                    file.display()
                ));
            }
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}
