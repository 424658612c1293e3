//! The generator of `src/status/codes.rs`, and the derivation of its data.
//!
//! * [`codes_rs_is_generated_from_the_data`] renders the named [`TdxStatus`] constants and the
//!   name table from the committed `data/status-codes.json` and fails if the committed
//!   `src/status/codes.rs` differs. `TDX_BLESS=1 cargo test -p tdx-core --test
//!   generated_status` rewrites it.
//! * [`data_is_derived_from_the_module_audit`] is how the module part of the JSON was made:
//!   with `TDX_MODULE_ABI=<path to tdx-module-abi.json>` (the module-source audit, key
//!   `status_codes`) it derives `versions`, `sources`, `count_by_version` and `codes` again and
//!   fails if the committed JSON differs; with `TDX_BLESS=1` as well it rewrites the JSON,
//!   keeping the project's own fields (`about`, `notes`, `classes`, `software_codes`, each
//!   code's `doc`).
//!   Without `TDX_MODULE_ABI` it checks nothing: the audit is not part of the repository.
//!
//! [`TdxStatus`]: tdx_core::TdxStatus

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Map, Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn data_path() -> PathBuf {
    root().join("data/status-codes.json")
}

fn codes_rs_path() -> PathBuf {
    root().join("src/status/codes.rs")
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {v}"))
}

fn parse_hex(s: &str) -> u64 {
    let digits = s
        .strip_prefix("0x")
        .unwrap_or_else(|| panic!("{s}: no 0x prefix"));
    u64::from_str_radix(&digits.replace('_', ""), 16).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// `0x0000_0815_0000_0000`: the literal form the crate uses.
fn literal(v: u64) -> String {
    format!(
        "0x{:04X}_{:04X}_{:04X}_{:04X}",
        v >> 48,
        (v >> 32) & 0xFFFF,
        (v >> 16) & 0xFFFF,
        v & 0xFFFF
    )
}

/// The constant's name: the module name without `TDX_`.
fn const_name(name: &str) -> &str {
    name.strip_prefix("TDX_").unwrap_or(name)
}

/// One named value: its constant, its value, and under which name `name()` reports which
/// values.
struct Code {
    name: String,
    value: u64,
    doc: Option<String>,
    /// `(value, versions having it)`, newest versions last; empty for software codes.
    values: Vec<(u64, Vec<String>)>,
    present_in: Vec<String>,
    /// Linux citations (software codes only).
    linux: Vec<String>,
}

fn load(data: &Value) -> (Vec<String>, Vec<Code>) {
    let versions: Vec<String> = data["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| v.as_str().expect("version").to_owned())
        .collect();
    let mut codes = Vec::new();
    for c in data["codes"].as_array().expect("codes") {
        let value = parse_hex(str_of(c, "value"));
        let present_in: Vec<String> = c["present_in"]
            .as_array()
            .expect("present_in")
            .iter()
            .map(|v| v.as_str().expect("version").to_owned())
            .collect();
        let mut values: Vec<(u64, Vec<String>)> = Vec::new();
        for ver in &versions {
            if !present_in.contains(ver) {
                continue;
            }
            let v = match c.get("values_by_version") {
                Some(by) => parse_hex(str_of(by, ver)),
                None => value,
            };
            match values.iter_mut().find(|(x, _)| *x == v) {
                Some((_, vers)) => vers.push(ver.clone()),
                None => values.push((v, vec![ver.clone()])),
            }
        }
        assert!(
            values.iter().any(|&(v, _)| v == value),
            "{c}: `value` is not the value of any version"
        );
        codes.push(Code {
            name: str_of(c, "name").to_owned(),
            value,
            doc: c.get("doc").and_then(Value::as_str).map(str::to_owned),
            values,
            present_in,
            linux: Vec::new(),
        });
    }
    for c in data["software_codes"].as_array().expect("software_codes") {
        codes.push(Code {
            name: str_of(c, "name").to_owned(),
            value: parse_hex(str_of(c, "value")),
            doc: c.get("doc").and_then(Value::as_str).map(str::to_owned),
            values: Vec::new(),
            present_in: Vec::new(),
            linux: c["source"]
                .as_array()
                .expect("source")
                .iter()
                .map(|s| s.as_str().expect("source").to_owned())
                .collect(),
        });
    }
    (versions, codes)
}

/// Every value `name()` recognises, with the name it reports: where two names share a value
/// (a code renamed between versions), the name of the newest version that has the value wins.
fn name_table(versions: &[String], codes: &[Code]) -> BTreeMap<u64, (String, Vec<String>)> {
    let rank = |ver: &str| {
        versions
            .iter()
            .position(|v| v == ver)
            .expect("known version")
    };
    // value -> (rank of the newest version, name, versions, is this the code's own value)
    let mut table: BTreeMap<u64, (usize, String, Vec<String>)> = BTreeMap::new();
    for code in codes {
        let entries: Vec<(u64, Vec<String>)> = if code.values.is_empty() {
            vec![(code.value, Vec::new())]
        } else {
            code.values.clone()
        };
        for (value, vers) in entries {
            let newest = vers.iter().map(|v| rank(v)).max().unwrap_or(versions.len());
            match table.get(&value) {
                Some((r, other, _)) if *r == newest => {
                    panic!(
                        "{value:#x} is both {other} and {} in one version",
                        code.name
                    )
                }
                Some((r, _, _)) if *r > newest => {}
                _ => {
                    table.insert(value, (newest, code.name.clone(), vers));
                }
            }
        }
    }
    table
        .into_iter()
        .map(|(v, (_, name, vers))| (v, (name, vers)))
        .collect()
}

/// Appends `text` as `///` lines of at most 100 columns at `indent`; paragraphs are separated
/// by a blank line in `text` and an empty `///` line in the output.
fn doc(out: &mut String, indent: &str, text: &str) {
    for (i, para) in text.split("\n\n").enumerate() {
        if i > 0 {
            let _ = writeln!(out, "{indent}///");
        }
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && indent.len() + 4 + line.len() + 1 + word.len() > 100 {
                let _ = writeln!(out, "{indent}/// {line}");
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        let _ = writeln!(out, "{indent}/// {line}");
    }
}

/// `module 1.5.01, 1.5.06, 1.5.25, 2.0.18`, or `every module version (1.0.00 to 2.0.18)`.
fn in_versions(all: &[String], present: &[String]) -> String {
    if present == all {
        format!(
            "every module version ({} to {})",
            all.first().expect("versions"),
            all.last().expect("versions")
        )
    } else {
        format!("module {}", present.join(", "))
    }
}

fn flags(v: u64) -> String {
    let mut f = Vec::new();
    for (bit, what) in [
        (63, "error"),
        (62, "non-recoverable"),
        (61, "fatal"),
        (60, "host recoverability hint"),
    ] {
        if v >> bit & 1 != 0 {
            f.push(what);
        }
    }
    if f.is_empty() {
        "bit 63 clear (not an error)".to_owned()
    } else {
        f.join(", ")
    }
}

fn render(data: &Value) -> String {
    let (versions, codes) = load(data);
    let table = name_table(&versions, &codes);
    let mut seen = BTreeMap::new();
    for code in &codes {
        if let Some(other) = seen.insert(const_name(&code.name), &code.name) {
            panic!("{other} and {} make the same constant", code.name);
        }
    }
    let module = codes.iter().filter(|c| c.linux.is_empty()).count();
    let mut out = String::new();
    out.push_str(
        "// @generated from tdx-core/data/status-codes.json by tdx-core/tests/generated_status.rs.\n\
         // Do not edit: change the JSON and run\n\
         //     TDX_BLESS=1 cargo test -p tdx-core --test generated_status\n\
         \n",
    );
    let header = format!(
        "The named statuses: {module} TDX module codes (module {}) and {} Linux software codes, \
         and the name table.",
        versions.join(", "),
        codes.len() - module
    );
    doc(&mut out, "", &header);
    let inner: String = out
        .lines()
        .map(|l| match l.strip_prefix("///") {
            Some(rest) => format!("//!{rest}\n"),
            None => format!("{l}\n"),
        })
        .collect();
    out = inner;
    out.push_str("\nuse super::TdxStatus;\n\nimpl TdxStatus {\n");
    let mut first = true;
    for code in &codes {
        if !first {
            out.push('\n');
        }
        first = false;
        let class = (code.value >> 40) as u8;
        let area = data["classes"]
            .get(format!("0x{class:02X}"))
            .and_then(Value::as_str)
            .unwrap_or_else(|| {
                panic!(
                    "{}: class {class:#04x} has no label in `classes`",
                    code.name
                )
            });
        let mut facts = format!(
            "`{}` = `0x{:016X}`: class 0x{class:02X} ({area}), {}.",
            code.name,
            code.value,
            flags(code.value)
        );
        if code.linux.is_empty() {
            let _ = write!(facts, " In {}.", in_versions(&versions, &code.present_in));
            for (v, vers) in &code.values {
                if *v != code.value {
                    let _ = write!(
                        facts,
                        " Module {} used `0x{v:016X}`: [`TdxStatus::name`] recognises that value \
                         under this name too, [`TdxStatus::matches`] does not.",
                        vers.join(", ")
                    );
                }
            }
        } else {
            let _ = write!(
                facts,
                " Linux's, never returned by the TDX module: {}.",
                code.linux
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let named = &table[&code.value].0;
        if *named != code.name {
            let _ = write!(
                facts,
                " The value is `{named}` in newer modules, so [`TdxStatus::name`] returns that."
            );
        }
        match &code.doc {
            Some(summary) => doc(&mut out, "    ", &format!("{summary}\n\n{facts}")),
            None => doc(&mut out, "    ", &facts),
        }
        let line = format!(
            "    pub const {}: TdxStatus = TdxStatus({});",
            const_name(&code.name),
            literal(code.value)
        );
        if line.len() <= 100 {
            let _ = writeln!(out, "{line}");
        } else {
            let _ = writeln!(
                out,
                "    pub const {}: TdxStatus =\n        TdxStatus({});",
                const_name(&code.name),
                literal(code.value)
            );
        }
    }
    out.push('\n');
    doc(
        &mut out,
        "    ",
        &format!(
            "Every value [`TdxStatus::name`] recognises, with the name it reports, sorted by \
             value ({} entries): each constant's value, plus the module 1.0 value of the codes \
             whose value changed in 1.5. Where two module names share a value (a code renamed \
             between versions) the newer name is the one listed.",
            table.len()
        ),
    );
    // One entry a line, which rustfmt would break up where an entry is longer than 60 columns.
    out.push_str("    #[rustfmt::skip]\n");
    out.push_str("    pub const NAMED: &'static [(TdxStatus, &'static str)] = &[\n");
    for (value, (name, vers)) in &table {
        let own = codes.iter().any(|c| c.name == *name && c.value == *value);
        if !own {
            let _ = writeln!(out, "        // {name} in module {}", vers.join(", "));
        }
        let _ = writeln!(out, "        (TdxStatus({}), \"{name}\"),", literal(*value));
    }
    out.push_str("    ];\n}\n");
    out
}

fn committed_data() -> Value {
    let text = std::fs::read_to_string(data_path()).expect("read data/status-codes.json");
    serde_json::from_str(&text).expect("data/status-codes.json is JSON")
}

/// Fails with the first differing lines, or rewrites `path` under `TDX_BLESS=1`.
fn check_or_bless(path: &std::path::Path, actual: &str) {
    tdx_bless::check_or_bless(
        path,
        actual,
        "TDX_BLESS=1 cargo test -p tdx-core --test generated_status",
    );
}

#[test]
fn codes_rs_is_generated_from_the_data() {
    check_or_bless(&codes_rs_path(), &render(&committed_data()));
}

/// `repo@commit (note) path (note)` -> its parts.
fn source(citation: &str) -> Value {
    let (repo, rest) = citation.split_once('@').expect("repo@commit");
    let commit = rest.split_whitespace().next().expect("commit");
    let file = rest
        .split_whitespace()
        .find(|w| w.ends_with(".h"))
        .expect("a header path");
    json!({ "repo": repo, "commit": commit, "file": file, "citation": citation })
}

fn derive(reference: &Value, committed: Option<&Value>) -> Value {
    let sc = &reference["status_codes"];
    let sources = sc["sources"].as_object().expect("sources");
    let mut versions: Vec<&String> = sources.keys().collect();
    versions.sort_by_key(|v| {
        v.split('.')
            .map(|p| p.parse::<u32>().expect("numeric version"))
            .collect::<Vec<_>>()
    });
    let docs: BTreeMap<String, Value> = committed
        .and_then(|c| c["codes"].as_array())
        .into_iter()
        .flatten()
        .filter_map(|c| Some((str_of(c, "name").to_owned(), c.get("doc")?.clone())))
        .collect();
    let mut codes = Vec::new();
    for (name, c) in sc["codes"].as_object().expect("codes") {
        let hex = |v: &Value| Value::from(format!("{:#018x}", parse_hex(v.as_str().expect("hex"))));
        let mut code = Map::new();
        code.insert("name".into(), name.clone().into());
        code.insert("value".into(), hex(&c["value"]));
        code.insert("present_in".into(), c["present_in"].clone());
        if let Some(by) = c.get("values_by_version") {
            let by: Map<String, Value> = by
                .as_object()
                .expect("values_by_version")
                .iter()
                .map(|(k, v)| (k.clone(), hex(v)))
                .collect();
            code.insert("values_by_version".into(), by.into());
        }
        if let Some(d) = docs.get(name) {
            code.insert("doc".into(), d.clone());
        }
        codes.push((
            parse_hex(str_of(c, "value")),
            name.clone(),
            Value::Object(code),
        ));
    }
    // By value (class, then code), as the module's header lists them.
    codes.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let codes: Vec<Value> = codes.into_iter().map(|(_, _, c)| c).collect();
    let keep = |key: &str, default: Value| {
        committed
            .and_then(|c| c.get(key).cloned())
            .unwrap_or(default)
    };
    let cited: Map<String, Value> = sources
        .iter()
        .map(|(k, v)| (k.clone(), source(v.as_str().expect("citation"))))
        .collect();
    json!({
        "about": keep("about", Value::from("")),
        "notes": keep("notes", json!([])),
        "classes": keep("classes", json!({})),
        "software_codes": keep("software_codes", json!([])),
        "versions": versions,
        "sources": cited,
        "count_by_version": sc["count_by_version"].clone(),
        "codes": codes,
    })
}

#[test]
fn data_is_derived_from_the_module_audit() {
    let Some(path) = std::env::var_os("TDX_MODULE_ABI") else {
        eprintln!("TDX_MODULE_ABI not set: the derivation from the module audit is not checked");
        return;
    };
    let text = std::fs::read_to_string(&path).expect("read TDX_MODULE_ABI");
    let reference: Value = serde_json::from_str(&text).expect("TDX_MODULE_ABI is JSON");
    let committed = std::fs::read_to_string(data_path())
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok());
    let derived = derive(&reference, committed.as_ref());
    let mut text = serde_json::to_string_pretty(&derived).expect("serialise");
    text.push('\n');
    check_or_bless(&data_path(), &text);
}
