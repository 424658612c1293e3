//! The catalog as data (`tdx_calls::catalog`): its JSON dump agrees with the ABI table and with
//! Linux's facts (`tests/data/linux-abi.json`), `docs/catalog.md` is its Markdown rendering
//! (`TDX_BLESS=1` rewrites it), and every wrapper whose expansion is committed under
//! `expanded/` is in the catalog (`CATALOG`) with the same leaf.

mod common;

use common::{Fact, facts};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;
use tdx_calls::catalog::{CATALOG, CatalogEntry, Source, write_json, write_markdown};

/// Every wrapper (`CATALOG`).
fn all() -> Vec<&'static CatalogEntry> {
    CATALOG.iter().collect()
}
use tdx_core::abi::{self, Family, LeafInfo};
use tdx_core::reg::RegSet;

/// Every leaf of the ABI table, as the table lists itself (`tdx_core::abi::leaves()`, which
/// `abi_table!` builds from the entries), so that a table entry without a wrapper is caught.
fn table() -> Vec<(&'static str, LeafInfo, RegSet, RegSet)> {
    abi::leaves()
        .map(|leaf| (leaf.type_name, leaf.info, leaf.loaded(), leaf.outputs))
        .collect()
}

/// The JSON dump, one parsed object per line.
fn json_lines() -> Vec<Value> {
    let mut text = String::new();
    write_json(&mut text).expect("format");
    assert!(text.ends_with('\n'));
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

fn regs(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("a register list")
        .iter()
        .map(|v| v.as_str().expect("a register name").to_owned())
        .collect()
}

fn names(set: RegSet) -> Vec<String> {
    set.names().map(str::to_owned).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn json_dump_is_the_abi_table() {
    let lines = json_lines();
    let table = table();
    assert_eq!(lines.len(), all().len(), "one line per wrapper");
    // Every leaf of the table has exactly one wrapper.
    for (leaf_type, ..) in &table {
        let n = all()
            .into_iter()
            .filter(|e| e.leaf_type == *leaf_type)
            .count();
        assert_eq!(n, 1, "abi::{leaf_type} has {n} wrappers in the catalog");
    }
    assert_eq!(table.len(), all().len(), "no wrapper without a table leaf");
    for (line, entry) in lines.iter().zip(all()) {
        let (_, info, inputs, outputs) = table
            .iter()
            .find(|(t, ..)| *t == entry.leaf_type)
            .unwrap_or_else(|| panic!("{} is not a table leaf", entry.leaf_type));
        let wrapper = format!("{}::{}", entry.module, entry.wrapper);
        assert_eq!(line["wrapper"], wrapper.as_str());
        assert_eq!(line["family"], info.family.name(), "{wrapper}");
        assert_eq!(line["name"], info.name, "{wrapper}");
        assert_eq!(line["leaf"].as_u64(), Some(info.number), "{wrapper}");
        assert_eq!(
            line["version"].as_u64(),
            Some(u64::from(info.version)),
            "{wrapper}"
        );
        assert_eq!(regs(&line["inputs"]), names(*inputs), "{wrapper}");
        assert_eq!(regs(&line["outputs"]), names(*outputs), "{wrapper}");
        let keys: Vec<&str> = line
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            sorted(keys.iter().map(|k| k.to_string()).collect()),
            sorted(
                [
                    "family",
                    "name",
                    "leaf",
                    "version",
                    "inputs",
                    "zeroed",
                    "outputs",
                    "min_module",
                    "wrapper"
                ]
                .map(str::to_owned)
                .to_vec()
            )
        );
    }
    // Numbers are numbers: the P-SEAMLDR leaf prints whole.
    let mut text = String::new();
    write_json(&mut text).expect("format");
    assert!(text.contains("\"leaf\": 9223372036854775808,"), "{text}");
}

/// The family a reference entry's wrapper issues in the JSON dump.
fn json_family(fact: &Fact) -> &str {
    &fact.family
}

#[test]
fn json_dump_agrees_with_linux() {
    let lines = json_lines();
    let counts = |family: &str| facts().iter().filter(|f| f.family == family).count();
    assert_eq!(counts("seamcall"), 37, "35 module leaves + 2 P-SEAMLDR");
    assert_eq!(counts("tdvmcall"), 11);
    assert_eq!(
        counts("tdcall"),
        9,
        "8 TDCALL leaves + the KVM hypercall form"
    );

    // Every leaf and sub-function of the reference has a wrapper, with the same number,
    // version and input registers.
    for fact in facts() {
        let line = lines
            .iter()
            .find(|l| l["name"] == fact.name.as_str() && l["version"] == fact.version)
            .unwrap_or_else(|| panic!("{} (reference) has no wrapper", fact.name));
        let name = &fact.name;
        if name.contains("<KVM hypercall>") {
            // Linux issues it as TDCALL leaf 0 (`__tdx_hypercall` with a non-zero R10); the
            // catalog declares it with the vendor form of `#[tdvmcall]`, so its registers are
            // those besides RCX (the mask, which the macro computes): R10 = the number,
            // R11..R14 = the parameters, exactly Linux's.
            assert_eq!(line["family"], "tdvmcall", "{name}: the vendor form");
            assert_eq!(line["leaf"].as_u64(), Some(fact.leaf), "{name}: number");
            let linux: Vec<String> = fact
                .inputs
                .iter()
                .filter(|r| *r != "rcx")
                .cloned()
                .collect();
            assert_eq!(
                sorted(regs(&line["inputs"])),
                sorted(linux),
                "{name}: inputs"
            );
            continue;
        }
        assert_eq!(line["family"], json_family(fact), "{name}: family");
        assert_eq!(line["leaf"].as_u64(), Some(fact.leaf), "{name}: number");
        assert_eq!(
            line["version"].as_u64(),
            Some(u64::from(fact.version)),
            "{name}: version"
        );
        // Never worse than Linux's zero-filled `struct tdx_module_args`: every register Linux
        // binds is loaded, and every other register loaded is a reserved input loaded with 0.
        let loaded = regs(&line["inputs"]);
        let zeroed = regs(&line["zeroed"]);
        let linux = fact.bound_inputs();
        for reg in &linux {
            assert!(
                loaded.contains(reg),
                "{name}: Linux binds {reg}, the wrapper does not load it (sources: {:?})",
                fact.source
            );
        }
        for reg in &loaded {
            assert!(
                linux.contains(reg) || zeroed.contains(reg),
                "{name}: {reg} is loaded but Linux binds nothing there, so it must be a \
                 reserved input loaded with 0 (sources: {:?})",
                fact.source
            );
        }
        // What the reference says the leaf returns on success is in the table's outputs
        // (the table may list more: TDG.VP.INFO's R8..R11, which Linux does not read).
        let outputs: BTreeSet<String> = regs(&line["outputs"]).into_iter().collect();
        for reg in fact.success_outputs() {
            assert!(outputs.contains(&reg), "{name}: output {reg} missing");
        }
    }
    // And nothing is in the catalog that neither reference knows.
    for line in &lines {
        let name = line["name"].as_str().expect("name");
        assert!(
            facts().iter().any(|f| f.name == name)
                || module_leaf(name).is_some()
                || peer_subfn(name).is_some(),
            "{name} is in none of linux-abi.json, module-1.5-leaves.json, ghci-peers.json"
        );
    }
}

/// The committed module-1.5 reference (`tests/data/module-1.5-leaves.json`): the leaves
/// Linux does not use, as the wrappers issue them, read in the TDX module source.
fn module_leaves() -> &'static [Value] {
    static DATA: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/module-1.5-leaves.json");
        let text = std::fs::read_to_string(path).expect("read module-1.5-leaves.json");
        let mut data: Value = serde_json::from_str(&text).expect("module-1.5-leaves.json is JSON");
        // Module 2.0's TDX Connect leaves, in a file of their own (same form).
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/module-2.0-leaves.json");
        let text = std::fs::read_to_string(path).expect("read module-2.0-leaves.json");
        let connect: Value = serde_json::from_str(&text).expect("module-2.0-leaves.json is JSON");
        let leaves = data["leaves"].as_array_mut().expect("a leaf list");
        leaves.extend(
            connect["leaves"]
                .as_array()
                .expect("a leaf list")
                .iter()
                .cloned(),
        );
        data
    })["leaves"]
        .as_array()
        .expect("a leaf list")
}

fn module_leaf(name: &str) -> Option<&'static Value> {
    module_leaves().iter().find(|l| l["name"] == name)
}

/// The committed reference of the GHCI sub-functions read in the peer guest crates
/// (`tests/data/ghci-peers.json`, with each source).
fn peer_subfns() -> &'static [Value] {
    static DATA: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/ghci-peers.json");
        let text = std::fs::read_to_string(path).expect("read ghci-peers.json");
        serde_json::from_str(&text).expect("ghci-peers.json is JSON")
    })["subfunctions"]
        .as_array()
        .expect("a sub-function list")
}

fn peer_subfn(name: &str) -> Option<&'static Value> {
    peer_subfns().iter().find(|l| l["name"] == name)
}

#[test]
fn json_dump_agrees_with_the_peer_reference() {
    let lines = json_lines();
    let peers: Vec<&Value> = lines
        .iter()
        .filter(|l| peer_subfn(l["name"].as_str().expect("name")).is_some())
        .collect();
    assert_eq!(
        peers.len(),
        peer_subfns().len(),
        "every peer sub-function is wrapped"
    );
    for line in peers {
        let name = line["name"].as_str().expect("name");
        let fact = peer_subfn(name).expect("in the reference");
        assert!(
            facts().iter().all(|f| f.name != name),
            "{name}: Linux issues it"
        );
        assert_eq!(line["family"], "tdvmcall", "{name}");
        assert_eq!(line["leaf"], fact["subfn"], "{name}: sub-function");
        assert_eq!(
            regs(&line["inputs"]),
            regs(&fact["inputs"]),
            "{name}: inputs"
        );
        assert_eq!(
            regs(&line["zeroed"]),
            Vec::<String>::new(),
            "{name}: zeroed"
        );
        assert_eq!(
            regs(&line["outputs"]),
            regs(&fact["outputs"]),
            "{name}: outputs"
        );
        assert_eq!(line["min_module"], Value::Null, "{name}: not a module leaf");
    }
    for entry in CATALOG.iter().filter(|e| e.source == Source::Peers) {
        assert!(peer_subfn(entry.leaf.name).is_some(), "{}", entry.wrapper);
    }
}

#[test]
fn json_dump_agrees_with_the_module_reference() {
    let lines = json_lines();
    assert_eq!(
        module_leaves().len(),
        67 + 39,
        "36 SEAMCALL + 13 TDCALL leaves of 1.5.01, 4 + 1 of 1.5.34, 13 version-1 forms; 30 + 9 TDX Connect leaves of module 2.0"
    );
    for leaf in module_leaves() {
        let name = leaf["name"].as_str().expect("name");
        let version = &leaf["version"];
        assert!(
            facts()
                .iter()
                .all(|f| f.name != name || *version != f.version),
            "{name} version {version} is in both references"
        );
        let line = lines
            .iter()
            .find(|l| l["name"] == name && l["version"] == *version)
            .unwrap_or_else(|| {
                panic!("{name} version {version} (module reference) has no wrapper")
            });
        let source = &leaf["source"];
        assert_eq!(line["family"], leaf["family"], "{name}: family");
        assert_eq!(line["leaf"], leaf["leaf"], "{name}: number");
        assert_eq!(line["version"], leaf["version"], "{name}: version");
        assert_eq!(
            line["min_module"], leaf["first_module"],
            "{name}: first module release"
        );
        for key in ["inputs", "zeroed", "outputs"] {
            let reference = if key == "zeroed" { "zero" } else { key };
            assert_eq!(
                sorted(regs(&line[key])),
                sorted(regs(&leaf[reference])),
                "{name}: {key} ({source})"
            );
        }
    }
}

#[test]
fn markdown_is_committed_as_docs_catalog_md() {
    let mut text = String::new();
    write_markdown(&mut text).expect("format");
    for entry in all() {
        assert!(
            text.contains(&format!("`{}::{}`", entry.module, entry.wrapper)),
            "{} missing",
            entry.wrapper
        );
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/catalog.md");
    tdx_bless::check_or_bless(
        &path,
        &text,
        "TDX_BLESS=1 cargo test -p tdx-calls --test catalog",
    );
}

/// `(module, wrapper, family, leaf path)` of every wrapper in `expanded/**/*.rs`, read from the
/// `// wrapper: m::f (...)` line and the register plan under it.
fn expanded_wrappers() -> Vec<(String, String, String, String)> {
    fn rust_files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("tdx-calls/expanded exists")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("expanded");
    let mut out = Vec::new();
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read expansion");
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let Some(rest) = line.strip_prefix("// wrapper: ") else {
                continue;
            };
            let path = rest.split_whitespace().next().expect("module::name");
            let (module, name) = path.split_once("::").expect("module::name");
            let plan = lines.next().expect("the register plan follows");
            let mut words = plan.trim_start_matches("// ").split_whitespace();
            let family = words.next().expect("family").to_owned();
            let leaf = words.next().expect("leaf").to_owned();
            out.push((module.to_owned(), name.to_owned(), family, leaf));
        }
    }
    out
}

#[test]
fn every_expanded_wrapper_is_in_the_catalog() {
    let expanded = expanded_wrappers();
    assert!(!expanded.is_empty());
    for (module, name, family, leaf) in &expanded {
        let entry = all()
            .into_iter()
            .find(|e| e.module == module && e.wrapper == name)
            .unwrap_or_else(|| panic!("{module}::{name} is expanded but not in the catalog"));
        assert_eq!(
            leaf,
            &format!("abi::{}", entry.leaf_type),
            "{module}::{name}: the catalog names the leaf the attribute issues"
        );
        let attr = match entry.leaf.family {
            Family::Seamcall => "seamcall",
            // TDG.VP.VMCALL at the register level is `#[tdcall]` of leaf 0; the vendor
            // (KVM) hypercall is the vendor form of `#[tdvmcall]`.
            Family::Tdcall => "tdcall",
            Family::Tdvmcall => "tdvmcall",
        };
        assert_eq!(family, attr, "{module}::{name}");
    }
    for entry in all() {
        assert!(
            expanded
                .iter()
                .any(|(m, n, ..)| m == entry.module && n == entry.wrapper),
            "{}::{} is in the catalog but its expansion is not committed",
            entry.module,
            entry.wrapper
        );
    }
}

/// The Markdown page shows every bound register with the table's Rust type, and the reserved
/// inputs as `= 0` (issue 13 item 1).
#[test]
fn markdown_shows_register_types() {
    let mut md = String::new();
    write_markdown(&mut md).expect("format");
    let row = |wrapper: &str| -> String {
        md.lines()
            .find(|l| l.ends_with(&format!("| `{wrapper}` |")))
            .unwrap_or_else(|| panic!("no row for {wrapper}"))
            .to_owned()
    };
    assert!(row("host::tdh_mng_addcx").contains("| `rcx`: `Page<Tdcs>`<br>`rdx`: `Page<Tdr>` |"));
    assert!(row("vmcall::tdvmcall_service").contains("`r14`: `ServiceNotify`"));
    for entry in CATALOG {
        let row = row(&format!("{}::{}", entry.module, entry.wrapper));
        for (reg, _) in entry.input_types {
            assert!(
                row.contains(&format!("`{reg}`: `")),
                "{}: {reg}",
                entry.wrapper
            );
        }
        for name in entry.zeroed.names() {
            assert!(
                row.contains(&format!("`{name}` = 0")),
                "{}: {name}",
                entry.wrapper
            );
        }
        if let Some(version) = entry.min_module {
            assert!(row.contains(&format!("| {version} |")), "{}", entry.wrapper);
        }
    }
}
