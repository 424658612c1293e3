//! The model's metadata fields checked against the module's tables, field by field: every field
//! the model answers exists in the module's table, and the rights the model gives the host
//! (production and debug TDs) and the guest are the module's. The cells where the model
//! knowingly differs are listed in [`KNOWN`] (and in docs/emulator.md, Deviations): any other
//! difference, or a listed one that went away, fails.

use super::{Context, lookup, table};
use crate::module::Config;
use crate::module::metadata::{self, Read, TD_FIELDS, VP_FIELDS};

/// The model's known differences from the module 1.5.01 tables, as `check` reports them.
const KNOWN: &[&str] = &[
    // Fields of later modules that Linux reads (tdx_global_metadata.c) and the model answers.
    "global 0x9900000100000008: not in the table", // MAX_VCPUS_PER_TD
    "td 0x9100000000000019: not in the table",     // TOPOLOGY_ENUM_CONFIGURED
    // TD_CTLS: the model takes the later modules' guest mask (bits 0-4 and 63); 1.5.01: bit 0.
    "td TD_CTLS: guest writes 0x800000000000001e beyond the module's mask",
    // The TD VMCS fields (Linux's VMCS encodings, class 0) are in td_vmcs_fields_lookup.c,
    // which is not extracted yet: GUEST_ES_SELECTOR.. PIN_BASED_VM_EXEC_CONTROL, GUEST_CR0,
    // GUEST_CR4, GUEST_RSP, GUEST_RIP, GUEST_RFLAGS.
    "vp 0x2: not in the table",
    "vp 0x2010: not in the table",
    "vp 0x2016: not in the table",
    "vp 0x203c: not in the table",
    "vp 0x4000: not in the table",
    "vp 0x6800: not in the table",
    "vp 0x6804: not in the table",
    "vp 0x681c: not in the table",
    "vp 0x681e: not in the table",
    "vp 0x6820: not in the table",
    // GPR 4 is RSP, which the module keeps in the VMCS (RSP_PLACEHOLDER: no access); the
    // model lets a debug host read and write it like the other GPRs.
    "vp RSP_PLACEHOLDER: host read debug only, module never",
    "vp RSP_PLACEHOLDER: debug host writes 0xffffffffffffffff beyond the module's mask",
];

#[test]
fn the_tables_are_loaded() {
    assert_eq!(table(Context::Global).len(), 65);
    assert_eq!(table(Context::Td).len(), 83);
    assert_eq!(table(Context::Vp).len(), 119);
}

/// Every difference between the model's fields and the module's tables.
fn check() -> Vec<String> {
    let mut out = Vec::new();
    for field in metadata::global_fields(&Config::default(), 0) {
        match lookup(Context::Global, field.id) {
            None => out.push(format!("global {:#x}: not in the table", field.id)),
            Some(row) if row.mask("vmm_rd_mask") == 0 => {
                out.push(format!("global {}: the host may not read it", row.name));
            }
            Some(_) => {}
        }
    }
    let host = |out: &mut Vec<String>, what: &str, name: &str, read: Read, prod: u64, dbg: u64| {
        let model = match read {
            Read::Yes => "production and debug",
            Read::DebugOnly => "debug only",
        };
        let module = match (prod != 0, dbg != 0) {
            (true, _) => "production and debug",
            (false, true) => "debug only",
            (false, false) => "never",
        };
        if model != module {
            out.push(format!("{what} {name}: host read {model}, module {module}"));
        }
    };
    for def in TD_FIELDS {
        let Some(row) = lookup(Context::Td, def.id) else {
            out.push(format!("td {:#x}: not in the table", def.id));
            continue;
        };
        let name = &row.name;
        host(
            &mut out,
            "td",
            name,
            def.host,
            row.mask("prod_rd_mask"),
            row.mask("dbg_rd_mask"),
        );
        if def.guest_read != (row.mask("guest_rd_mask") != 0) {
            out.push(format!("td {name}: guest read {}", def.guest_read));
        }
        let extra = def.guest_write & !row.mask("guest_wr_mask");
        if extra != 0 {
            out.push(format!(
                "td {name}: guest writes {extra:#x} beyond the module's mask"
            ));
        }
    }
    let gprs = (0..16).filter_map(|n| metadata::vp_field(metadata::vp::GUEST_GPR + n));
    for def in VP_FIELDS.into_iter().chain(gprs.map(|(def, _)| def)) {
        let Some(row) = lookup(Context::Vp, def.id) else {
            out.push(format!("vp {:#x}: not in the table", def.id));
            continue;
        };
        let name = &row.name;
        host(
            &mut out,
            "vp",
            name,
            def.read,
            row.mask("prod_rd_mask"),
            row.mask("dbg_rd_mask"),
        );
        for (what, model, module) in [
            ("production", def.write, row.mask("prod_wr_mask")),
            ("debug", def.debug_write, row.mask("dbg_wr_mask")),
        ] {
            let extra = model & !module;
            if extra != 0 {
                out.push(format!(
                    "vp {name}: {what} host writes {extra:#x} beyond the module's mask"
                ));
            }
        }
    }
    out
}

#[test]
fn every_field_of_the_model_has_the_modules_id_and_rights() {
    let found = check();
    let unexpected: Vec<_> = found
        .iter()
        .filter(|d| !KNOWN.contains(&d.as_str()))
        .collect();
    let gone: Vec<_> = KNOWN
        .iter()
        .filter(|k| !found.iter().any(|d| d == *k))
        .collect();
    assert!(
        unexpected.is_empty() && gone.is_empty(),
        "differences not listed in KNOWN: {unexpected:#?}\nlisted but gone: {gone:#?}"
    );
}
