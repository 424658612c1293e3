//! Compile-time measurements, each by running cargo on scratch copies of the sources, so that
//! the two things compared are built by the same cargo, on the same machine, in one run:
//!
//! * [`compile_time`]: the catalog (tdx-calls) built with its declarations expanded by the
//!   macro, against the same crate with every declaration replaced by what the macro emits
//!   (`tdx_codegen::expand`, run here on `tdx-calls/src`, so it measures whatever the macro
//!   emits today). The difference is the macro as the compiler runs it: a proc macro is
//!   built unoptimized, and the compiler also parses, resolves and type-checks its output in
//!   both variants;
//! * [`build_cost`]: a clean `cargo build -p tdx-core` (fresh `CARGO_TARGET_DIR`) of a copy of
//!   the workspace with the workspace `syn` line as it is, against the same copy with the line
//!   before the trim of issue 12 (`features = ["full", "visit", "visit-mut", "extra-traits"]`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use quote::ToTokens;
use syn::Item;

use crate::report::workspace_root;

/// The workspace `syn` dependency before the trim (issue 12, item 3).
pub const SYN_BEFORE: &str =
    r#"syn = { version = "2.0.100", features = ["full", "visit", "visit-mut", "extra-traits"] }"#;

/// A scratch directory under the target directory (removed first if it exists).
pub fn scratch(name: &str) -> Result<PathBuf, String> {
    let base = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from)
        .join("tdx-bench-scratch")
        .join(name);
    if base.exists() {
        std::fs::remove_dir_all(&base).map_err(|e| format!("{}: {e}", base.display()))?;
    }
    std::fs::create_dir_all(&base).map_err(|e| format!("{}: {e}", base.display()))?;
    Ok(base)
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let dest = to.join(&name);
        if path.is_dir() {
            copy_tree(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Run `cargo args` in `dir` with `CARGO_TARGET_DIR=target`; the wall-clock time.
pub fn time_cargo(dir: &Path, target: &Path, args: &[&str]) -> Result<Duration, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let start = Instant::now();
    let output = Command::new(&cargo)
        .args(args)
        .arg("--offline")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .map_err(|e| format!("cannot run {cargo}: {e}"))?;
    let elapsed = start.elapsed();
    if !output.status.success() {
        return Err(format!(
            "cargo {args:?} in {} failed:\n{}",
            dir.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(elapsed)
}

/// The median of `times`.
pub fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

// ------------------------------------------------------------------ build cost (item 3)

/// `manifest` (the root `Cargo.toml`) with its workspace `syn` line replaced by `line`.
pub fn with_syn_line(manifest: &str, line: &str) -> Option<String> {
    let mut found = false;
    let out: Vec<&str> = manifest
        .lines()
        .map(|l| {
            if l.starts_with("syn = ") {
                found = true;
                line
            } else {
                l
            }
        })
        .collect();
    found.then(|| out.join("\n") + "\n")
}

/// The workspace `syn` line of `manifest`.
pub fn syn_line(manifest: &str) -> Option<&str> {
    manifest.lines().find(|l| l.starts_with("syn = "))
}

/// Clean builds of `cargo build -p tdx-core`, before and after the syn trim.
pub struct BuildCost {
    /// The syn line of the workspace as it is.
    pub after_line: String,
    /// Per repetition: (before, after), in the order they ran.
    pub runs: Vec<(Duration, Duration)>,
}

/// Copy the workspace twice (the `syn` line as it is, and as it was), then `reps` times
/// build `tdx-core` from clean in each, alternating which goes first.
pub fn build_cost(reps: usize) -> Result<BuildCost, String> {
    let root = workspace_root();
    let manifest =
        std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    let after_line = syn_line(&manifest).ok_or("no syn line")?.to_string();
    let before_manifest = with_syn_line(&manifest, SYN_BEFORE).ok_or("no syn line")?;
    let base = scratch("build-cost")?;
    let (before, after) = (base.join("before"), base.join("after"));
    copy_tree(&root, &before)?;
    copy_tree(&root, &after)?;
    std::fs::write(before.join("Cargo.toml"), before_manifest).map_err(|e| e.to_string())?;
    let mut runs = Vec::new();
    for rep in 0..reps {
        let once = |dir: &Path, tag: &str| {
            let target = base.join(format!("target-{tag}-{rep}"));
            let t = time_cargo(dir, &target, &["build", "-p", "tdx-core"]);
            let _ = std::fs::remove_dir_all(&target);
            t
        };
        let (b, a) = if rep % 2 == 0 {
            let b = once(&before, "before")?;
            (b, once(&after, "after")?)
        } else {
            let a = once(&after, "after")?;
            (once(&before, "before")?, a)
        };
        runs.push((b, a));
    }
    let _ = std::fs::remove_dir_all(&base);
    Ok(BuildCost { after_line, runs })
}

// ------------------------------------------------------------- compile time (the macro)

/// `items` with every macro declaration replaced by its expansion; how many were replaced.
fn rewrite(items: Vec<Item>, count: &mut usize) -> Vec<Item> {
    items
        .into_iter()
        .map(|item| match item {
            Item::Mod(mut module) => {
                if let Some((brace, items)) = module.content.take() {
                    module.content = Some((brace, rewrite(items, count)));
                }
                Item::Mod(module)
            }
            other => {
                let tokens = match &other {
                    Item::Verbatim(tokens) => tokens.clone(),
                    other => other.to_token_stream(),
                };
                match crate::expansion::declaration(tokens) {
                    Some(decl) => {
                        *count += 1;
                        Item::Verbatim(decl.expand())
                    }
                    _ => other,
                }
            }
        })
        .collect()
}

/// The source of `file` with every `#[seamcall]`/`#[tdcall]`/`#[tdvmcall]` declaration
/// replaced by the macro's output; how many were replaced.
pub fn pre_expand(source: &str) -> Result<(String, usize), String> {
    let file = syn::parse_file(source).map_err(|e| e.to_string())?;
    let mut count = 0;
    let items = rewrite(file.items, &mut count);
    let attrs = file.attrs;
    let text = quote::quote!(#(#attrs)* #(#items)*).to_string();
    Ok((text, count))
}

/// The scratch workspace of [`compile_time`]: `macro/` is a copy of tdx-calls, `expanded/`
/// the same with the declarations pre-expanded; both depend on the real tdx-core. Returns
/// its path and the number of declarations pre-expanded.
pub fn compile_time_workspace() -> Result<(PathBuf, usize), String> {
    let root = workspace_root();
    let base = scratch("compile-time")?;
    let calls = root.join("tdx-calls");
    let mut replaced = 0;
    for variant in ["macro", "expanded"] {
        let dir = base.join(variant);
        copy_tree(&calls.join("src"), &dir.join("src"))?;
        let manifest = format!(
            "[package]\nname = \"catalog-{variant}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[lib]\npath = \"src/lib.rs\"\n\n[dependencies]\n\
             tdx-core = {{ path = {:?} }}\n",
            root.join("tdx-core").display().to_string()
        );
        std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
        if variant == "expanded" {
            for path in rust_files(&dir.join("src"))? {
                let source = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
                let (text, count) =
                    pre_expand(&source).map_err(|e| format!("{}: {e}", path.display()))?;
                if count > 0 {
                    std::fs::write(&path, text).map_err(|e| e.to_string())?;
                    replaced += count;
                }
            }
        }
    }
    std::fs::write(
        base.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"macro\", \"expanded\"]\n",
    )
    .map_err(|e| e.to_string())?;
    std::fs::copy(root.join("Cargo.lock"), base.join("Cargo.lock")).map_err(|e| e.to_string())?;
    Ok((base, replaced))
}

/// Every `.rs` file under `dir`, sorted (the catalog is laid out in class subdirectories).
pub fn rust_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files.extend(rust_files(&path)?);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Debug builds of the catalog crate, the macro variant and the pre-expanded one.
pub struct CompileTime {
    /// Declarations pre-expanded.
    pub declarations: usize,
    /// Per repetition: (with the macro, pre-expanded).
    pub runs: Vec<(Duration, Duration)>,
}

/// Build the scratch workspace once (dependencies, the proc macro), then `reps` times
/// rebuild each catalog crate alone (its `lib.rs` touched), alternating the order.
pub fn compile_time(reps: usize) -> Result<CompileTime, String> {
    let (base, declarations) = compile_time_workspace()?;
    let target = base.join("target");
    time_cargo(&base, &target, &["build"])?;
    let mut runs = Vec::new();
    for rep in 0..reps {
        let once = |variant: &str| {
            let lib = base.join(variant).join("src/lib.rs");
            let source = std::fs::read_to_string(&lib).map_err(|e| e.to_string())?;
            std::fs::write(&lib, source).map_err(|e| e.to_string())?;
            time_cargo(
                &base,
                &target,
                &["build", "-p", &format!("catalog-{variant}")],
            )
        };
        let pair = if rep % 2 == 0 {
            let m = once("macro")?;
            (m, once("expanded")?)
        } else {
            let e = once("expanded")?;
            (once("macro")?, e)
        };
        runs.push(pair);
    }
    let _ = std::fs::remove_dir_all(&base);
    Ok(CompileTime { declarations, runs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_syn_line_is_found_and_replaced() {
        let manifest = "[workspace.dependencies]\nquote = \"1\"\nsyn = { version = \"2\" }\n";
        assert_eq!(syn_line(manifest), Some("syn = { version = \"2\" }"));
        let before = with_syn_line(manifest, SYN_BEFORE).expect("replaced");
        assert_eq!(syn_line(&before), Some(SYN_BEFORE));
        assert!(before.contains("quote = \"1\""));
        assert!(with_syn_line("[package]\n", SYN_BEFORE).is_none());
    }

    #[test]
    fn pre_expansion_replaces_every_catalog_declaration() {
        let src = workspace_root().join("tdx-calls/src");
        let mut total = 0;
        for path in rust_files(&src).expect("the catalog sources") {
            let file = path.display().to_string();
            let source = std::fs::read_to_string(&path).expect("catalog source");
            let (text, count) = pre_expand(&source).expect("parses");
            assert!(!text.contains("compile_error"), "{file}");
            assert!(!text.contains("# [seamcall"), "{file}: a declaration left");
            syn::parse_file(&text).expect("the pre-expanded source parses");
            total += count;
        }
        assert_eq!(total, crate::expansion::catalog().len());
    }
}
