//! Which SEAMCALL leaf may run in which TD operation state: the TDX module's own table
//! (`include/auto_gen/op_state_lookup.c` of intel/tdx-module@72d8cffb214b74ae94d75afce36423020f74b47c,
//! TDX 1.5.01), committed as `tdx-emu/data/op_state_lookup.json` and read from there.
//!
//! The data file is embedded with `include_str!` and parsed once, so it stays the only place
//! the table is written (no generated Rust to keep in step); a test checks that it parses and
//! that every cell the model can reach behaves as it says.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::status::{Fail, code};
use super::td::OpState;

/// The committed data file.
pub(crate) const OP_STATE_LOOKUP_JSON: &str = include_str!("../../data/op_state_lookup.json");

/// For each gated SEAMCALL leaf, a bit per OP_STATE (bit `i` = allowed in state code `i`).
fn seamcall_table() -> &'static BTreeMap<u64, u16> {
    static TABLE: OnceLock<BTreeMap<u64, u16>> = OnceLock::new();
    TABLE.get_or_init(|| parse(OP_STATE_LOOKUP_JSON).unwrap_or_default())
}

/// Parses the data file: `None` if it is not the shape this module expects (a test makes
/// sure the committed file is).
pub(crate) fn parse(json: &str) -> Option<BTreeMap<u64, u16>> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let states: Vec<&str> = value["states"]
        .as_array()?
        .iter()
        .map(|s| s.as_str())
        .collect::<Option<_>>()?;
    let mut table = BTreeMap::new();
    for row in value["seamcall"].as_array()? {
        let leaf = row["leaf"].as_u64()?;
        let mut bits = 0u16;
        for state in row["allowed_in"].as_array()? {
            let index = states.iter().position(|s| Some(*s) == state.as_str())?;
            bits |= 1 << index;
        }
        table.insert(leaf, bits);
    }
    Some(table)
}

/// Whether the module's table lets SEAMCALL `leaf` run in `state`; `None` if the table has no
/// row for the leaf (the module does not gate it by OP_STATE).
pub(crate) fn seamcall_allowed(leaf: u64, state: OpState) -> Option<bool> {
    let bits = seamcall_table().get(&leaf)?;
    Some(bits & (1 << state.code()) != 0)
}

/// The module's `check_state_map_tdcs_and_lock` verdict on the OP_STATE: `TDX_OP_STATE_INCORRECT`
/// (no operand ID, as `helpers.c` returns it) if the table forbids `leaf` in `state`.
pub(crate) fn gate(leaf: u64, state: OpState) -> Result<(), Fail> {
    match seamcall_allowed(leaf, state) {
        Some(false) => Err(Fail::exact(code::OP_STATE_INCORRECT)),
        _ => Ok(()),
    }
}

/// The OP_STATEs in which a TD may be the *service* TD of TDH.SERVTD.BIND (the module's
/// `servtd_bind_othertd_allowed_in`, checked by `othertd_check_state_map_tdcs_and_lock`), a
/// bit per state code.
fn servtd_bind_othertd_table() -> u16 {
    static TABLE: OnceLock<u16> = OnceLock::new();
    *TABLE.get_or_init(|| parse_othertd(OP_STATE_LOOKUP_JSON).unwrap_or(0))
}

/// Parses `servtd_bind_othertd_allowed_in` of the data file.
fn parse_othertd(json: &str) -> Option<u16> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let states = value["states"].as_array()?;
    let mut bits = 0u16;
    for state in value["servtd_bind_othertd_allowed_in"].as_array()? {
        bits |= 1 << states.iter().position(|s| s == state)?;
    }
    Some(bits)
}

/// The module's verdict on the service TD's OP_STATE in TDH.SERVTD.BIND:
/// `TDX_OP_STATE_INCORRECT` (no operand ID) unless the table allows `state`.
pub(crate) fn gate_servtd_bind_othertd(state: OpState) -> Result<(), Fail> {
    if servtd_bind_othertd_table() & (1 << state.code()) != 0 {
        Ok(())
    } else {
        Err(Fail::exact(code::OP_STATE_INCORRECT))
    }
}

/// The OP_STATEs in which a TD may be the *target* of TDCALL `leaf` (TDG.SERVTD.RD or .WR:
/// the module's `op_state_is_tdcall_allowed` with `other_td`, the data file's
/// `tdcall_othertd`), a bit per state code; `None` for a leaf without a row.
fn tdcall_othertd_row(leaf: u64) -> Option<u16> {
    static TABLE: OnceLock<BTreeMap<u64, u16>> = OnceLock::new();
    let table =
        TABLE.get_or_init(|| parse_tdcall_othertd(OP_STATE_LOOKUP_JSON).unwrap_or_default());
    table.get(&leaf).copied()
}

/// Parses `tdcall_othertd` of the data file.
fn parse_tdcall_othertd(json: &str) -> Option<BTreeMap<u64, u16>> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let states = value["states"].as_array()?;
    let mut table = BTreeMap::new();
    for row in value["tdcall_othertd"].as_array()? {
        let mut bits = 0u16;
        for state in row["allowed_in"].as_array()? {
            bits |= 1 << states.iter().position(|s| s == state)?;
        }
        table.insert(row["leaf"].as_u64()?, bits);
    }
    Some(table)
}

/// The module's verdict on the target TD's OP_STATE in TDCALL `leaf` (TDG.SERVTD.RD/WR):
/// `TDX_OP_STATE_INCORRECT` (no operand ID) unless the table allows `state`.
pub(crate) fn gate_tdcall_othertd(leaf: u64, state: OpState) -> Result<(), Fail> {
    match tdcall_othertd_row(leaf) {
        Some(bits) if bits & (1 << state.code()) != 0 => Ok(()),
        _ => Err(Fail::exact(code::OP_STATE_INCORRECT)),
    }
}
