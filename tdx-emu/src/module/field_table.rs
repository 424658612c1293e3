//! The TDX module's metadata field tables (`tdx-emu/data/metadata_fields.json`, extracted from
//! intel/tdx-module@72d8cffb `include/auto_gen/{global_sys,tdr_tdcs,td_vmcs,tdvps}_fields_lookup.c`):
//! every field ID of module 1.5.01 with its element size and its read and write masks per
//! caller. Parsed once; a file that does not parse gives empty tables (the model then knows no
//! rights, and the tests that check it against the tables fail), never a panic.

use std::sync::OnceLock;

use serde_json::Value;

/// Which table. Every metadata leaf answers from them (`md.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    /// `global_sys_fields_lookup.c`.
    Global,
    /// `tdr_tdcs_fields_lookup.c`.
    Td,
    /// `td_vmcs_fields_lookup.c` (class 0 of the vCPU context).
    Vmcs,
    /// `tdvps_fields_lookup.c`.
    Vp,
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldRow {
    pub(crate) name: String,
    pub(crate) id: u64,
    pub(crate) element_bytes: u64,
    pub(crate) fields: u64,
    pub(crate) elements: u64,
    /// `(mask name, value)`: `vmm_rd_mask`, `prod_wr_mask`, `guest_rd_mask`, ...
    masks: Vec<(String, u64)>,
}

impl FieldRow {
    /// The mask named `name` (`"guest_rd_mask"`); 0 if the table has none by that name.
    pub(crate) fn mask(&self, name: &str) -> u64 {
        self.masks
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |&(_, v)| v)
    }
}

struct Tables {
    global: Vec<FieldRow>,
    td: Vec<FieldRow>,
    vmcs: Vec<FieldRow>,
    vp: Vec<FieldRow>,
}

fn hex(value: &Value) -> Option<u64> {
    u64::from_str_radix(value.as_str()?.trim_start_matches("0x"), 16).ok()
}

fn rows(data: &Value, context: &str) -> Vec<FieldRow> {
    let Some(rows) = data.get(context).and_then(Value::as_array) else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(|row| {
            let object = row.as_object()?;
            Some(FieldRow {
                name: row.get("name")?.as_str()?.to_string(),
                id: hex(row.get("field_id")?)?,
                element_bytes: row.get("element_bytes")?.as_u64()?,
                fields: row.get("num_of_fields")?.as_u64()?,
                elements: row.get("num_of_elem")?.as_u64()?,
                masks: object
                    .iter()
                    .filter(|(k, _)| k.ends_with("_mask"))
                    .filter_map(|(k, v)| Some((k.clone(), hex(v)?)))
                    .collect(),
            })
        })
        .collect()
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let data: Value = serde_json::from_str(include_str!("../../data/metadata_fields.json"))
            .unwrap_or(Value::Null);
        Tables {
            global: rows(&data, "global"),
            td: rows(&data, "td"),
            vmcs: rows(&data, "vmcs"),
            vp: rows(&data, "vp"),
        }
    })
}

/// Every row of a table, in the module's order.
pub(crate) fn table(context: Context) -> &'static [FieldRow] {
    let t = tables();
    match context {
        Context::Global => &t.global,
        Context::Td => &t.td,
        Context::Vmcs => &t.vmcs,
        Context::Vp => &t.vp,
    }
}
