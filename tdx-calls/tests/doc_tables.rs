//! The register table in each wrapper's docs agrees with the ABI table: the registers whose
//! `in` column is filled are exactly the registers the wrapper loads (bound or zeroed), every
//! register whose `out` column is filled is one the module writes for the leaf, and RAX shows
//! the leaf's number. The docs are written by hand; this keeps them from drifting from the one
//! source of truth.

use std::path::{Path, PathBuf};
use tdx_core::abi::{self, Family, LeafData};
use tdx_core::reg::{OPERAND_REGS, RegSet};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// `abi::Name` of a `#[seamcall(leaf = abi::Name ...` line, or `None`.
fn leaf_of(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let rest = [
        "#[seamcall(leaf = abi::",
        "#[tdcall(leaf = abi::",
        "#[tdvmcall(subfn = abi::",
    ]
    .iter()
    .find_map(|prefix| line.strip_prefix(prefix))?;
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

fn index_of(name: &str) -> Option<u8> {
    let lower = name.trim_matches('`').to_ascii_lowercase();
    OPERAND_REGS
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|&(_, index)| index)
}

fn filled(cell: &str) -> bool {
    let cell = cell.trim();
    !(cell.is_empty() || cell == "–" || cell == "-")
}

#[test]
fn every_wrapper_register_table_matches_the_abi_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let leaves: Vec<&LeafData> = abi::leaves().collect();
    let mut checked = 0;
    let mut problems = Vec::new();
    for file in rust_files(&src) {
        let text = std::fs::read_to_string(&file).expect("source");
        let mut rows: Vec<(String, String, String)> = Vec::new();
        for line in text.lines() {
            let doc = line.trim_start().strip_prefix("///").map(str::trim);
            if let Some(doc) = doc {
                // `\|` inside a cell is a literal bar (`GPA \| level`), not a column.
                let unescaped = doc.replace("\\|", "/");
                let cells: Vec<&str> = unescaped.split('|').collect();
                if cells.len() == 5 && doc.starts_with('|') && !doc.starts_with("|---") {
                    for reg in cells[1].split(',') {
                        rows.push((reg.trim().into(), cells[2].into(), cells[3].into()));
                    }
                }
                continue;
            }
            if let Some(name) = leaf_of(line) {
                let Some(leaf) = leaves.iter().find(|l| l.type_name == name) else {
                    problems.push(format!(
                        "{}: `abi::{name}` is not a table leaf",
                        file.display()
                    ));
                    continue;
                };
                if rows.iter().any(|(reg, _, _)| reg == "register") {
                    let where_ = format!("{} `{}`", file.display(), leaf.info.name);
                    check(leaf, &rows, &where_, &mut problems);
                    checked += 1;
                }
            }
            if !line.trim_start().starts_with("#[") {
                rows.clear();
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 80, "only {checked} wrapper tables found");
}

fn check(leaf: &LeafData, rows: &[(String, String, String)], at: &str, problems: &mut Vec<String>) {
    let mut loaded = RegSet::EMPTY;
    let mut returned = RegSet::EMPTY;
    for (reg, input, output) in rows {
        if reg == "register" {
            continue;
        }
        if reg == "RAX" {
            if leaf.info.family != Family::Tdvmcall {
                let number = input.trim().trim_matches('`');
                let expected = [
                    leaf.info.rax().to_string(),
                    format!("{:#x}", leaf.info.rax()),
                    leaf.info.number.to_string(),
                    format!("{:#x}", leaf.info.number),
                ];
                if !expected.iter().any(|e| number.starts_with(e.as_str())) {
                    problems.push(format!(
                        "{at}: RAX shows `{number}`, the leaf is {}",
                        leaf.info.rax()
                    ));
                }
            }
            continue;
        }
        // "R12–R15" style ranges and several names in one row are not used in these tables.
        let Some(index) = index_of(reg) else {
            continue;
        };
        if filled(input) {
            loaded = loaded.with(index);
        }
        if filled(output) {
            returned = returned.with(index);
        }
    }
    if leaf.loaded() == RegSet::ALL_OPERANDS {
        return; // `regs = …`: every register through `ModuleArgs`, described in prose
    }
    if leaf.info.family == Family::Tdvmcall {
        // RCX (the mask), R10 and R11 are the macro's; the table lists the others.
        let fixed = RegSet::from_bits(1 << 1 | 1 << 10 | 1 << 11);
        loaded = loaded.difference(fixed);
        returned = returned.difference(fixed);
        if loaded != leaf.inputs {
            problems.push(format!(
                "{at}: the docs load {loaded}, the table reads {}",
                leaf.inputs
            ));
        }
        let unknown = returned.difference(leaf.outputs);
        if !unknown.is_empty() {
            problems.push(format!(
                "{at}: the docs show outputs in `{unknown}`, which the VMM does not return"
            ));
        }
        return;
    }
    if loaded != leaf.loaded() {
        problems.push(format!(
            "{at}: the docs load `{loaded}`, the wrapper loads `{}` (bound {}, zeroed {})",
            leaf.loaded(),
            leaf.inputs,
            leaf.zeroed
        ));
    }
    let unknown = returned.difference(leaf.writes);
    if !unknown.is_empty() {
        problems.push(format!(
            "{at}: the docs show outputs in `{unknown}`, which the module does not write"
        ));
    }
}
