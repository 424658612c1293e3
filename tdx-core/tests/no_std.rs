//! `tdx-core` and `tdx-calls` are `#![no_std]` and allocation-free. std is excluded by the
//! `nostd-check` crate (a duplicate `panic_impl` lang item would fail the build); this test
//! checks that neither crate declares `std` or `alloc` at all.

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
