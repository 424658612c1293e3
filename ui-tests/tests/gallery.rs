//! `docs/errors.md`, the gallery of every compile error a user can meet, is generated from the
//! compile-fail cases and their `.stderr` files. This test fails when it is stale;
//! `TDX_BLESS=1 cargo test -p ui-tests --test gallery` rewrites it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// The workspace's one TDX_BLESS helper (`tdx-bless`), included as a module: as a dev-dependency
// of ui-tests it would reach the trybuild cases, whose `tests/pass/lint-wall.rs` denies unused
// crates.
#[path = "../../tdx-bless/src/lib.rs"]
mod tdx_bless;

const SECTIONS: &[(&str, &str)] = &[
    (
        "parse",
        "Syntax of the attribute: errors reported by the macro while it reads the arguments.",
    ),
    (
        "validate",
        "Rules of the grammar: errors reported by the macro once it sees the whole declaration.",
    ),
    (
        "types",
        "Checks against the ABI table: errors reported by the compiler, through the traits of \
         `tdx_core` (`#[diagnostic::on_unimplemented]`) and compile-time assertions.",
    ),
];

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn gallery(root: &Path) -> String {
    let mut out = String::from(
        "# Compile errors, by example\n\n\
         Generated from `ui-tests/tests/fail/` by `TDX_BLESS=1 cargo test -p ui-tests --test \
         gallery`: every mistake a user can make with `#[seamcall]`, `#[tdcall]` and \
         `#[tdvmcall]`, one per case, with the exact diagnostic of the pinned compiler. Do not \
         edit by hand.\n",
    );
    for (section, about) in SECTIONS {
        let files = cases(&root.join("tests/fail").join(section));
        let _ = write!(out, "\n## {section} ({} cases)\n\n{about}\n", files.len());
        for file in files {
            let name = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let source = std::fs::read_to_string(&file).unwrap_or_default();
            let stderr = std::fs::read_to_string(file.with_extension("stderr")).unwrap_or_default();
            let _ = write!(
                out,
                "\n### {}\n\n```rust\n{}\n```\n\n```text\n{}\n```\n",
                name.replace('-', " "),
                source.trim_end(),
                stderr.trim_end()
            );
        }
    }
    out
}

#[test]
fn errors_md_is_generated_from_the_ui_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = gallery(root);
    let path = root.join("../docs/errors.md");
    tdx_bless::check_or_bless(
        &path,
        &generated,
        "TDX_BLESS=1 cargo test -p ui-tests --test gallery",
    );
}
