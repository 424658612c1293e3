//! The ABI table against the TDX module source: every SEAMCALL and TDCALL leaf of the table
//! agrees with `tests/data/module-abi.json` (extracted from intel/tdx-module; see its
//! `derived_from` and each leaf's `source`) in leaf number, versions, the first module release
//! of each version, every register the module reads (bound by the wrapper or loaded with 0) and
//! every register it writes. A leaf version whose registers differ is its own table entry
//! (`TdhMemSeptAddV1`, version 1): each entry is checked at its own version.

use serde_json::Value;
use tdx_core::abi::{self, Family, LeafData, ModuleVersion};
use tdx_core::reg::{OPERAND_REGS, RegSet};

fn reference() -> Value {
    serde_json::from_str(include_str!("data/module-abi.json")).expect("valid JSON")
}

fn set(value: &Value) -> RegSet {
    let mut set = RegSet::EMPTY;
    for name in value.as_array().expect("a register list") {
        let name = name.as_str().expect("a register name");
        let (_, index) = OPERAND_REGS
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("unknown register {name}"));
        set = set.with(*index);
    }
    set
}

fn module_version(text: &str) -> ModuleVersion {
    let parts: Vec<u8> = text
        .split('.')
        .map(|p| p.parse().expect("a release number"))
        .collect();
    ModuleVersion::new(parts[0], parts[1], parts[2])
}

/// The module's own leaves: SEAMCALL (not P-SEAMLDR, bit 63) and TDCALL.
fn module_leaves() -> impl Iterator<Item = &'static LeafData> {
    abi::leaves().filter(|leaf| match leaf.info.family {
        Family::Seamcall => leaf.info.number & (1 << 63) == 0,
        Family::Tdcall => true,
        Family::Tdvmcall => false,
    })
}

fn find<'a>(reference: &'a Value, leaf: &LeafData) -> Option<&'a Value> {
    // The vendor (KVM) form of TDG.VP.VMCALL is TDCALL leaf 0 itself.
    let name = leaf.info.name.split('<').next().unwrap_or(leaf.info.name);
    reference["leaves"]
        .as_array()
        .expect("leaves")
        .iter()
        .find(|r| r["name"] == name)
}

#[test]
fn every_leaf_number_and_version_is_the_modules() {
    let reference = reference();
    for leaf in module_leaves() {
        let name = leaf.info.name;
        let Some(fact) = find(&reference, leaf) else {
            assert_eq!(
                name, "TDH.SYS.DISABLE",
                "{name} is not in the module reference"
            );
            assert!(leaf.since.is_empty(), "{name}: no module release has it");
            continue;
        };
        let family = match leaf.info.family {
            Family::Seamcall => "seamcall",
            _ => "tdcall",
        };
        assert_eq!(fact["family"], family, "{name}: family");
        assert_eq!(
            fact["leaf"].as_u64(),
            Some(leaf.info.number),
            "{name}: number"
        );
        let versions = fact["versions"].as_object().expect("versions");
        assert!(
            versions.contains_key(&leaf.info.version.to_string()),
            "{name}: the module accepts no version {}",
            leaf.info.version
        );
        assert!(!leaf.since.is_empty(), "{name}: the table gives no `since`");
        for (version, module) in leaf.since {
            let expected = versions
                .get(&version.to_string())
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{name}: the module accepts no version {version}"));
            assert_eq!(
                *module,
                module_version(expected),
                "{name} version {version}: first module release"
            );
        }
        assert_eq!(
            leaf.since.len(),
            versions.len(),
            "{name}: every version the module accepts is in `since`"
        );
    }
}

#[test]
fn every_register_the_module_reads_is_loaded() {
    let reference = reference();
    for leaf in module_leaves() {
        let name = leaf.info.name;
        let Some(fact) = find(&reference, leaf) else {
            continue;
        };
        let loaded = leaf.loaded();
        if fact["reads_all_gprs"] == true {
            if !name.contains('<') {
                assert_eq!(
                    loaded,
                    RegSet::ALL_OPERANDS,
                    "{name}: every register goes in"
                );
            }
            continue;
        }
        let version = leaf.info.version.to_string();
        let reads = set(&fact["reads"][version.as_str()]);
        let conditional = set(&fact["conditional_reads"]);
        let required = reads.difference(conditional);
        assert!(
            required.difference(loaded).is_empty(),
            "{name}: the module reads {} but the wrapper does not load it",
            required.difference(loaded)
        );
        let extra = loaded.difference(RegSet::from_bits(reads.bits() | conditional.bits()));
        assert!(
            extra.is_empty(),
            "{name}: the wrapper loads {extra}, which the module does not read"
        );
    }
}

#[test]
fn every_register_the_module_writes_is_declared() {
    let reference = reference();
    for leaf in module_leaves() {
        let name = leaf.info.name;
        let Some(fact) = find(&reference, leaf) else {
            continue;
        };
        // TDG.VP.VMCALL: the module writes nothing itself; what comes back is the VMM's
        // reply, copied in on the next TDH.VP.ENTER (every exposed register).
        if fact["writes_known"] != true || fact["name"] == "TDG.VP.VMCALL" {
            continue;
        }
        // A version that writes more than the others (TDH.EXPORT.MEM version 1: R8) has its
        // own list in `writes_at`, checked against the table entry of that version.
        let version = leaf.info.version.to_string();
        let writes = match fact["writes_at"].get(version.as_str()) {
            Some(at) => set(at),
            None => set(&fact["writes"]),
        };
        assert_eq!(
            leaf.writes, writes,
            "{name}: the table's outputs and `err {{ .. }}` are what the module writes"
        );
    }
}

#[test]
fn the_reference_itself_cites_its_sources() {
    let reference = reference();
    assert!(reference["derived_from"].as_str().is_some());
    for fact in reference["leaves"].as_array().expect("leaves") {
        assert!(fact["source"].is_object(), "{}: no source", fact["name"]);
    }
}

#[test]
fn each_leaf_version_has_one_entry() {
    // A version-1 form is its own entry (its own register set); the same (family, number,
    // version) twice would give one call two register sets.
    let mut seen = std::collections::BTreeSet::new();
    for leaf in module_leaves() {
        let key = (
            leaf.info.family == Family::Tdcall,
            leaf.info.number,
            leaf.info.version,
        );
        assert!(
            seen.insert(key),
            "{} version {} has two entries",
            leaf.info.name,
            leaf.info.version
        );
    }
    // The version-1 forms of module 1.5 (intel/tdx-module@72d8cffb dispatchers: SEPT.ADD,
    // PAGE.PROMOTE, SEPT.REMOVE, MNG.RD, VP.RD, TDG.VM.RD; fork labels 1.5.13/1.5.24: SYS.INIT,
    // SYS.UPDATE; @9fd3c8b1: EXPORT.MEM, IMPORT.MEM, SYS.CONFIG, EXPORT.BLOCKW, EXPORT.RESTORE).
    // TDG.VP.VEINFO.GET version 1 has the registers of version 0: no entry of its own.
    for name in [
        "TDH.MEM.SEPT.ADD",
        "TDH.MEM.PAGE.PROMOTE",
        "TDH.MEM.SEPT.REMOVE",
        "TDH.MNG.RD",
        "TDH.VP.RD",
        "TDG.VM.RD",
        "TDH.EXPORT.MEM",
        "TDH.IMPORT.MEM",
        "TDH.SYS.INIT",
        "TDH.SYS.CONFIG",
        "TDH.SYS.UPDATE",
        "TDH.EXPORT.BLOCKW",
        "TDH.EXPORT.RESTORE",
    ] {
        let versions: Vec<u8> = module_leaves()
            .filter(|l| l.info.name == name)
            .map(|l| l.info.version)
            .collect();
        assert_eq!(
            versions,
            [0, 1],
            "{name}: an entry for version 0 and one for 1"
        );
    }
}
