//! Which Secure-EPT leaf may act on an entry in which state: the TDX module's own table
//! (`include/auto_gen/sept_state_lookup.c` and `.h` of
//! intel/tdx-module@72d8cffb214b74ae94d75afce36423020f74b47c, TDX 1.5.01), committed as
//! `tdx-emu/data/sept_state_lookup.json` and read from there.
//!
//! The module keeps 16 L1 entry states (FREE, REMOVED, NL_MAPPED, NL_BLOCKED, MAPPED, BLOCKED,
//! the BLOCKEDW / EXPORTED_* migration states, PENDING, PENDING_BLOCKED, ...). The model's
//! entries reach six of them ([`module_state`]); every Secure-EPT leaf the model implements asks
//! [`gate`] whether the entry it found may be acted on, as the module's handlers ask
//! `sept_state_is_seamcall_leaf_allowed` / `sept_state_is_tdcall_leaf_allowed`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::leaf;
use super::sept::{self, Entry, LeafState};
use super::status::{Fail, operand as op};
use crate::trap::CpuState;
use tdx_core::TdxStatus;

/// The committed data file.
pub(crate) const SEPT_STATE_LOOKUP_JSON: &str = include_str!("../../data/sept_state_lookup.json");

/// The parsed table.
#[derive(Debug, Default)]
pub(crate) struct SeptTable {
    /// The module's state names, by column index.
    pub(crate) states: Vec<String>,
    /// `public_state` (what RDX bits 15:8 report), by column index.
    pub(crate) public_state: Vec<u8>,
    /// (TDCALL?, leaf) → a bit per column: the leaf is allowed on an entry in that state.
    pub(crate) allowed: BTreeMap<(bool, u64), u16>,
}

fn table() -> &'static SeptTable {
    static TABLE: OnceLock<SeptTable> = OnceLock::new();
    TABLE.get_or_init(|| parse(SEPT_STATE_LOOKUP_JSON).unwrap_or_default())
}

/// Parses the data file: `None` if it is not the shape this module expects (a test makes sure
/// the committed file is).
pub(crate) fn parse(json: &str) -> Option<SeptTable> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let mut table = SeptTable::default();
    for (i, state) in value["states"].as_array()?.iter().enumerate() {
        if state["index"].as_u64()? != i as u64 {
            return None;
        }
        table.states.push(state["name"].as_str()?.to_owned());
        table
            .public_state
            .push(u8::try_from(state["public_state"].as_u64()?).ok()?);
    }
    for (tdcall, rows) in [(false, "seamcall"), (true, "tdcall")] {
        for row in value[rows].as_array()? {
            let mut bits = 0u16;
            for state in row["allowed_in"].as_array()? {
                let index = table
                    .states
                    .iter()
                    .position(|s| Some(s.as_str()) == state.as_str())?;
                bits |= 1 << index;
            }
            table.allowed.insert((tdcall, row["leaf"].as_u64()?), bits);
        }
    }
    Some(table)
}

/// The module's name for the state of a model entry (`None`: FREE).
pub(crate) fn module_state(entry: Option<&Entry>) -> &'static str {
    match entry {
        None => "FREE",
        Some(Entry::NonLeaf { blocked: false, .. }) => "NL_MAPPED",
        Some(Entry::NonLeaf { blocked: true, .. }) => "NL_BLOCKED",
        Some(Entry::Leaf { state, .. }) => match state {
            LeafState::Present => "MAPPED",
            LeafState::Blocked => "BLOCKED",
            LeafState::Pending => "PENDING",
            LeafState::PendingBlocked => "PENDING_BLOCKED",
        },
    }
}

fn column(state: &str) -> Option<usize> {
    table().states.iter().position(|s| s == state)
}

/// The module's `public_state` of an entry: the state code a failed call reports in RDX bits
/// 15:8 (`set_arch_septe_details_in_vmm_regs`; a non-leaf entry is 0x84, not 4).
pub(crate) fn public_state(entry: Option<&Entry>) -> u8 {
    column(module_state(entry))
        .and_then(|i| table().public_state.get(i).copied())
        .unwrap_or(0)
}

/// Whether the module's table lets leaf `leaf` (a TDCALL leaf if `tdcall`) act on an entry in
/// the module state named `state`; `None` if the table has no row for the leaf or no such state.
pub(crate) fn allowed(tdcall: bool, leaf: u64, state: &str) -> Option<bool> {
    let bits = table().allowed.get(&(tdcall, leaf))?;
    Some(bits & (1 << column(state)?) != 0)
}

/// The one Secure-EPT state check every Secure-EPT leaf of the model goes through: whether the
/// module's table allows `leaf` on `entry`. A leaf without a row is not gated. What a refusal
/// answers is the leaf's own (the module's handlers differ: most return
/// `TDX_EPT_ENTRY_STATE_INCORRECT` on RCX with the entry details, TDH.MR.EXTEND
/// `TDX_EPT_ENTRY_NOT_PRESENT`, TDH.MEM.RANGE.BLOCK of a blocked entry
/// `TDX_GPA_RANGE_ALREADY_BLOCKED`).
pub(crate) fn gate(tdcall: bool, leaf: u64, entry: Option<&Entry>) -> bool {
    allowed(tdcall, leaf, module_state(entry)).unwrap_or(true)
}

/// The Secure-EPT state check of SEAMCALL `leaf` on `entry` (at `level`), with the refusal the
/// module's handler gives: `TDX_EPT_ENTRY_STATE_INCORRECT` on RCX with the entry details in
/// RCX/RDX (`set_arch_septe_details_in_vmm_regs`) for PAGE.ADD, SEPT.ADD, PAGE.AUG and
/// PAGE.REMOVE (which also needs a leaf entry); `TDX_GPA_RANGE_ALREADY_BLOCKED` on RCX (success
/// with information) with the details for RANGE.BLOCK of an entry that is blocked already;
/// `TDX_EPT_ENTRY_NOT_PRESENT` (no operand, no details) for MR.EXTEND.
pub(crate) fn check_seamcall(
    cpu: &mut CpuState,
    leaf: u64,
    entry: Option<&Entry>,
    level: u8,
) -> Result<(), Fail> {
    let leaf_needed =
        leaf == leaf::TDH_MEM_PAGE_REMOVE && !matches!(entry, Some(Entry::Leaf { .. }));
    if gate(false, leaf, entry) && !leaf_needed {
        return Ok(());
    }
    if leaf == leaf::TDH_MR_EXTEND {
        return Err(Fail::exact(TdxStatus::EPT_ENTRY_NOT_PRESENT));
    }
    let blocked = matches!(
        module_state(entry),
        "BLOCKED" | "NL_BLOCKED" | "PENDING_BLOCKED"
    );
    let status = if leaf == leaf::TDH_MEM_RANGE_BLOCK && blocked {
        TdxStatus::GPA_RANGE_ALREADY_BLOCKED
    } else {
        TdxStatus::EPT_ENTRY_STATE_INCORRECT
    };
    cpu.rcx = Entry::raw(entry, level);
    cpu.rdx = sept::level_state(level, entry);
    Err(Fail::new(status, op::RCX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_table_parses() {
        let table = parse(SEPT_STATE_LOOKUP_JSON).expect("sept_state_lookup.json parses");
        assert_eq!(table.states.len(), 16);
        assert_eq!(table.states[2], "NL_MAPPED");
        assert_eq!(table.public_state[2], 0x84);
        assert_eq!(allowed(false, 2, "FREE"), Some(true));
        assert_eq!(allowed(false, 2, "MAPPED"), Some(false));
        assert_eq!(allowed(true, 6, "PENDING"), Some(true));
    }
}
