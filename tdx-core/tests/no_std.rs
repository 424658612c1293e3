//! `tdx-core` and `tdx-calls` are `#![no_std]` and allocation-free: the first test builds the
//! `nostd-check` crate (its own `#[panic_handler]` is a duplicate lang item if `std` is anywhere
//! in the graph), the second checks that neither crate names `std` or `alloc` at all.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("read source dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("read source");
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn no_std_and_no_alloc_in_the_no_std_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for krate in ["tdx-core/src", "tdx-calls/src"] {
        let mut files = Vec::new();
        sources(&root.join(krate), &mut files);
        assert!(!files.is_empty(), "{krate} has sources");
        let lib = files
            .iter()
            .find(|(path, _)| path.ends_with("lib.rs"))
            .expect("lib.rs");
        assert!(lib.1.contains("#![no_std]"), "{krate}/lib.rs is #![no_std]");
        for (path, text) in &files {
            for forbidden in ["extern crate std", "extern crate alloc", "alloc::", "std::"] {
                let hit = text
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .any(|line| line.contains(forbidden));
                assert!(!hit, "{path} mentions `{forbidden}`");
            }
        }
    }
}

#[test]
fn the_crates_build_with_no_std_in_their_dependency_graph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let target = root.join("target").join("nostd-check");
    let output = std::process::Command::new(cargo)
        .args(["build", "--quiet", "--manifest-path"])
        .arg(root.join("nostd-check/Cargo.toml"))
        .arg("--target-dir")
        .arg(&target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    assert!(
        output.status.success(),
        "nostd-check failed to build: std or alloc reached the graph?\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
