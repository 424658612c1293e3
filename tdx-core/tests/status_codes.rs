//! Every status code in `data/status-codes.json` (the TDX module's, per version, and Linux's
//! software codes) is what [`TdxStatus::name`] reports, and what it does not know keeps its
//! raw value.

use std::collections::BTreeMap;

use serde_json::Value;
use tdx_core::TdxStatus;

fn data() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/status-codes.json");
    let text = std::fs::read_to_string(path).expect("read data/status-codes.json");
    serde_json::from_str(&text).expect("JSON")
}

fn hex(v: &Value) -> u64 {
    let s = v.as_str().expect("a hex string");
    u64::from_str_radix(s.strip_prefix("0x").expect("0x"), 16).expect("hex")
}

fn versions(data: &Value) -> Vec<String> {
    data["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| v.as_str().expect("version").to_owned())
        .collect()
}

/// `(name, version, value in that version)` for every module code.
fn per_version(data: &Value) -> Vec<(String, String, u64)> {
    let mut out = Vec::new();
    for code in data["codes"].as_array().expect("codes") {
        let name = code["name"].as_str().expect("name");
        for ver in code["present_in"].as_array().expect("present_in") {
            let ver = ver.as_str().expect("version");
            let value = match code.get("values_by_version") {
                Some(by) => hex(&by[ver]),
                None => hex(&code["value"]),
            };
            out.push((name.to_owned(), ver.to_owned(), value));
        }
    }
    out
}

#[test]
fn every_module_code_is_named_in_every_version() {
    let data = data();
    let versions = versions(&data);
    let rank = |v: &str| versions.iter().position(|x| x == v).expect("known version");
    let all = per_version(&data);
    // The newest version in which each value is used, and by which name.
    let mut newest: BTreeMap<u64, (usize, &str)> = BTreeMap::new();
    for (name, ver, value) in &all {
        let e = newest.entry(*value).or_insert((rank(ver), name));
        if rank(ver) >= e.0 {
            *e = (rank(ver), name);
        }
    }
    let mut named: BTreeMap<&str, usize> = BTreeMap::new();
    let mut shadowed = Vec::new();
    for (name, ver, value) in &all {
        let st = TdxStatus::from_raw(*value);
        let expected = newest[value].1;
        assert_eq!(st.name(), Some(expected), "{name} in {ver} ({value:#018x})");
        assert_eq!(
            st.to_string(),
            format!("{expected} ({value:#018x})"),
            "{name} in {ver}"
        );
        if expected == name {
            *named.entry(ver).or_default() += 1;
        } else {
            shadowed.push(format!("{name} ({ver}) -> {expected}"));
        }
        // Module codes have bits 31:0 clear; with an operand ID they keep their name.
        assert_eq!(value & 0xFFFF_FFFF, 0, "{name} has bits 31:0 set");
        for operand in [0x1u32, 0x80, 0x92, 0xa9, 0xFFFF_FFFF] {
            let st = TdxStatus::from_raw(value | u64::from(operand));
            assert_eq!(st.name(), Some(expected), "{name} | {operand:#x}");
            assert!(st.to_string().ends_with(&format!("({:#018x})", st.raw())));
        }
        assert!(
            TdxStatus::NAMED.contains(&(st, expected)),
            "{name} ({ver}) is not in NAMED"
        );
        assert_eq!(st.is_error(), value >> 63 != 0, "{name}");
        assert_eq!(st.is_non_recoverable(), value >> 62 & 1 != 0, "{name}");
        assert_eq!(st.is_fatal(), value >> 61 & 1 != 0, "{name}");
        assert_eq!(
            st.host_recoverability_hint(),
            value >> 60 & 1 != 0,
            "{name}"
        );
    }
    // One module-1.0 name shares its value with a newer name: BOOT_NT4_SET was renamed
    // LIMIT_CPUID_MAXVAL_SET (same value) in 1.5; name() reports the newer name.
    shadowed.dedup();
    assert_eq!(
        shadowed,
        [
            "TDX_BOOT_NT4_SET (1.0.00) -> TDX_LIMIT_CPUID_MAXVAL_SET",
            "TDX_BOOT_NT4_SET (1.0.3) -> TDX_LIMIT_CPUID_MAXVAL_SET"
        ]
    );
    // So every code of every 1.5 and 2.0 header is named by its own name, and all but one of
    // 1.0's. The counts are the headers' (count_by_version, from the module audit).
    let counts = &data["count_by_version"];
    for ver in &versions {
        let total = counts[ver.as_str()].as_u64().expect("count") as usize;
        let own = named.get(ver.as_str()).copied().unwrap_or(0);
        let expected = if ver.starts_with("1.0") {
            total - 1
        } else {
            total
        };
        assert_eq!(
            own, expected,
            "{ver}: {own} of {total} named by their own name"
        );
    }
    assert_eq!(named["2.0.18"], 289);
    assert_eq!(named["1.5.01"], 165);
    assert_eq!(named["1.5.25"], 182);
    assert_eq!(named["1.0.00"], 91);
}

#[test]
fn software_codes_are_matched_exactly_then_under_the_mask() {
    let data = data();
    for code in data["software_codes"].as_array().expect("software_codes") {
        let name = code["name"].as_str().expect("name");
        let st = TdxStatus::from_raw(hex(&code["value"]));
        assert_eq!(st.name(), Some(name));
        assert!(st.is_software(), "{name}");
        assert_eq!(st.to_string(), format!("{name} ({:#018x})", st.raw()));
        assert!(
            code["source"]
                .as_array()
                .expect("source")
                .iter()
                .all(|s| s.as_str().expect("source").starts_with("torvalds/linux:")),
            "{name} cites Linux"
        );
    }
    // They differ from TDX_SW_ERROR only in bits 31:0: exact first, so each keeps its name;
    // any other detail is TDX_SW_ERROR under the mask.
    assert_eq!(TdxStatus::SEAMCALL_UD.code(), TdxStatus::SW_ERROR);
    assert_eq!(TdxStatus::SEAMCALL_GP.code(), TdxStatus::SW_ERROR);
    assert_eq!(
        TdxStatus::from_raw(0x8000_FF00_0000_0007).to_string(),
        "TDX_SW_ERROR detail 0x7 (0x8000ff0000000007)"
    );
    assert_eq!(
        TdxStatus::SEAMCALL_VMFAILINVALID.name(),
        Some("TDX_SEAMCALL_VMFAILINVALID")
    );
}

#[test]
fn the_name_table_is_sorted_and_carries_the_constants() {
    let named = TdxStatus::NAMED;
    assert!(
        named.windows(2).all(|w| w[0].0.raw() < w[1].0.raw()),
        "NAMED must be sorted by value without duplicates (name() searches it by halves)"
    );
    // 298 module names, 3 of them with a second (1.0) value, 1 sharing its value, and 4
    // software codes.
    assert_eq!(named.len(), 298 + 3 - 1 + 4);
    for &(st, name) in named {
        assert_eq!(st.name(), Some(name));
    }
    // The fixed values (issue 9, item 2): the 1.5+ values, and the 1.0 ones still named.
    assert_eq!(TdxStatus::NON_RECOVERABLE_TD.raw(), 0x6000_0002_0000_0000);
    assert_eq!(
        TdxStatus::NON_RECOVERABLE_TD_WRONG_APIC_MODE.raw(),
        0xE000_0007_0000_0000
    );
    assert_eq!(TdxStatus::TD_FATAL.raw(), 0xE000_0604_0000_0000);
    assert!(TdxStatus::NON_RECOVERABLE_TD_WRONG_APIC_MODE.is_error());
    assert!(!TdxStatus::NON_RECOVERABLE_TD_WRONG_APIC_MODE.is_success_with_info());
    assert!(TdxStatus::NON_RECOVERABLE_TD.is_success_with_info());
    for (old, name) in [
        (0x4000_0002_0000_0000, "TDX_NON_RECOVERABLE_TD"),
        (
            0xC000_0007_0000_0000,
            "TDX_NON_RECOVERABLE_TD_WRONG_APIC_MODE",
        ),
        (0xC000_0604_0000_0000, "TDX_TD_FATAL"),
    ] {
        assert_eq!(TdxStatus::from_raw(old).name(), Some(name));
        assert_eq!(TdxStatus::from_raw(old | 0x4d).name(), Some(name));
    }
    assert_eq!(TdxStatus::BOOT_NT4_SET, TdxStatus::LIMIT_CPUID_MAXVAL_SET);
    assert_eq!(
        TdxStatus::TD_VMCS_FIELD_ERROR.name(),
        Some("TD_VMCS_FIELD_ERROR")
    );
    assert_eq!(TdxStatus::FATAL_BIT, 1 << 61);
    assert_eq!(TdxStatus::HOST_RECOVERABILITY_HINT_BIT, 1 << 60);
}

#[test]
fn unknown_codes_keep_their_raw_value() {
    let data = data();
    let known: Vec<u64> = per_version(&data).iter().map(|&(_, _, v)| v).collect();
    // A code number in every class the module uses (and a few it does not) that no version
    // defines: Display names the class and keeps the whole value.
    for class in (0x00u64..=0x12).chain([0x7F, 0xFE]) {
        for flags in [0x8000u64, 0xC000, 0x0000] {
            let code = flags << 48 | class << 40 | 0xEE << 32;
            assert!(!known.contains(&code));
            for low in [0u64, 1, 0x1234_5678] {
                let raw = code | low;
                let st = TdxStatus::from_raw(raw);
                assert_eq!(st.name(), None, "{raw:#x}");
                assert_eq!(st.raw(), raw);
                assert_eq!(
                    st.to_string(),
                    format!("unknown status class {class:#04x} ({raw:#018x})")
                );
                assert_eq!(format!("{st:?}"), format!("TdxStatus({st})"));
            }
        }
    }
}
