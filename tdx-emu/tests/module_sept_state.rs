//! Every (Secure-EPT leaf, entry state) cell the model can reach, against the TDX module's own
//! table: `tdx-emu/data/sept_state_lookup.json`, extracted from
//! `include/auto_gen/sept_state_lookup.c` of
//! intel/tdx-module@72d8cffb214b74ae94d75afce36423020f74b47c (TDX 1.5.01).
//!
//! For each cell a fresh TD is built with the entry the leaf acts on in that state (FREE,
//! NL_MAPPED, NL_BLOCKED, MAPPED, BLOCKED, PENDING, PENDING_BLOCKED; at 4 KiB, or at 2 MiB for
//! the non-leaf states and the 2 MiB leaves), the leaf is issued, and: where the table says no,
//! the answer must be exactly the refusal the module's handler gives (with the entry's
//! `public_state` from the table in RDX bits 15:8 where the handler reports the entry); where it
//! says yes, anything but that refusal.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use tdx_core::{ModuleArgs, PageSize, TdxStatus};
use tdx_emu::module::{TdParams, TdxModule, leaf, operand as op};

const GPA: u64 = 0x20_0000;

/// The data file: (TDCALL?, leaf) -> allowed states, and state -> public_state.
struct Table {
    allowed: BTreeMap<(bool, u64), BTreeSet<String>>,
    public_state: BTreeMap<String, u64>,
}

fn table() -> Table {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../data/sept_state_lookup.json")).expect("JSON");
    assert_eq!(
        json["source"]["commit"], "72d8cffb214b74ae94d75afce36423020f74b47c",
        "the data file cites its module commit"
    );
    let public_state = json["states"]
        .as_array()
        .expect("states")
        .iter()
        .map(|s| {
            (
                s["name"].as_str().expect("name").to_owned(),
                s["public_state"].as_u64().expect("public_state"),
            )
        })
        .collect();
    let mut allowed = BTreeMap::new();
    for (tdcall, key) in [(false, "seamcall"), (true, "tdcall")] {
        for row in json[key].as_array().expect("rows") {
            let states = row["allowed_in"].as_array().expect("allowed_in");
            allowed.insert(
                (tdcall, row["leaf"].as_u64().expect("leaf")),
                states
                    .iter()
                    .map(|s| s.as_str().expect("state").to_owned())
                    .collect(),
            );
        }
    }
    Table {
        allowed,
        public_state,
    }
}

fn call(m: &TdxModule, leaf: u64, rcx: u64, rdx: u64, r8: u64, r9: u64) -> (TdxStatus, u64) {
    let mut args = ModuleArgs {
        rcx,
        rdx,
        r8,
        r9,
        ..ModuleArgs::default()
    };
    let status = m.seamcall(leaf, &mut args).status;
    (status, args.rdx)
}

fn ok(m: &TdxModule, leaf: u64, rcx: u64, rdx: u64, r8: u64, r9: u64) {
    let (status, _) = call(m, leaf, rcx, rdx, r8, r9);
    assert!(status.is_success(), "set-up leaf {leaf}: {status:?}");
}

/// A page of `level`'s size (4 KiB or 2 MiB).
fn page(m: &TdxModule, level: u8) -> u64 {
    let size = if level == 0 {
        PageSize::Size4K
    } else {
        PageSize::Size2M
    };
    m.try_alloc(size).expect("host page").as_u64()
}

/// Puts the entry at (`GPA`, `level`) of TD `tdr` in the module state `state`. The TD is
/// INITIALIZED (not finalized). Returns false if the model cannot reach that state there.
fn build(m: &TdxModule, tdr: u64, state: &str, level: u8) -> bool {
    // Secure-EPT pages down to the entry's table (levels 3..=level+1).
    for l in (level + 1..=3).rev() {
        let base = GPA & !((4096u64 << (9 * l)) - 1);
        ok(
            m,
            leaf::TDH_MEM_SEPT_ADD,
            base | u64::from(l),
            tdr,
            page(m, 0),
            0,
        );
    }
    let rcx = GPA | u64::from(level);
    match state {
        "FREE" => {}
        "NL_MAPPED" | "NL_BLOCKED" if level > 0 => {
            ok(m, leaf::TDH_MEM_SEPT_ADD, rcx, tdr, page(m, 0), 0);
            if state == "NL_BLOCKED" {
                ok(m, leaf::TDH_MEM_RANGE_BLOCK, rcx, tdr, 0, 0);
            }
        }
        "MAPPED" | "BLOCKED" if level == 0 => {
            ok(m, leaf::TDH_MEM_PAGE_ADD, GPA, tdr, page(m, 0), page(m, 0));
            if state == "BLOCKED" {
                ok(m, leaf::TDH_MEM_RANGE_BLOCK, rcx, tdr, 0, 0);
            }
        }
        "PENDING" | "PENDING_BLOCKED" => {
            ok(m, leaf::TDH_MEM_PAGE_AUG, rcx, tdr, page(m, level), 0);
            if state == "PENDING_BLOCKED" {
                ok(m, leaf::TDH_MEM_RANGE_BLOCK, rcx, tdr, 0, 0);
            }
        }
        _ => return false,
    }
    true
}

/// The refusal of `leaf` for an entry in `state`, as the module's handler gives it, and
/// whether RDX then reports the entry (`set_arch_septe_details_in_vmm_regs`).
fn refusal(tdcall: bool, leaf: u64, state: &str) -> (TdxStatus, bool) {
    let entry_state = TdxStatus::EPT_ENTRY_STATE_INCORRECT.with_operand(op::RCX);
    match (tdcall, leaf) {
        (false, leaf::TDH_MR_EXTEND) => (TdxStatus::EPT_ENTRY_NOT_PRESENT, false),
        (false, leaf::TDH_MEM_RANGE_BLOCK) if state.contains("BLOCKED") => (
            TdxStatus::GPA_RANGE_ALREADY_BLOCKED.with_operand(op::RCX),
            true,
        ),
        // TDH.MEM.RD / WR walk to the leaf mapping the GPA (`check_and_walk_private_gpa_to_leaf`)
        // before the table: no leaf is `TDX_EPT_ENTRY_NOT_PRESENT` with the entry where the walk
        // stopped (below an NL_MAPPED entry: the FREE one under it, another level).
        (false, leaf::TDH_MEM_RD | leaf::TDH_MEM_WR)
            if matches!(state, "FREE" | "NL_MAPPED" | "NL_BLOCKED") =>
        {
            (
                TdxStatus::EPT_ENTRY_NOT_PRESENT.with_operand(op::RCX),
                state != "NL_MAPPED",
            )
        }
        // TDG.MEM.PAGE.ACCEPT: the module's TDACCEPT_VIOLATION; the model's status for it.
        (true, _) => (entry_state, false),
        _ => (entry_state, true),
    }
}

/// Cells the module (and the model) refuse with the same status for another reason after the
/// table allowed them: SEPT.ADD on an NL_MAPPED entry without "allow existing"
/// (`process_l1_page`).
fn refused_later(tdcall: bool, leaf: u64, state: &str) -> bool {
    !tdcall && leaf == leaf::TDH_MEM_SEPT_ADD && state == "NL_MAPPED"
}

/// Issues `leaf` on the entry at (`GPA`, `level`). ACCEPT runs after TDH.MR.FINALIZE as the
/// TD's vCPU.
fn issue(
    m: &TdxModule,
    tdcall: bool,
    leaf: u64,
    tdr: u64,
    tdvpr: u64,
    level: u8,
) -> (TdxStatus, u64) {
    let rcx = GPA | u64::from(level);
    if tdcall {
        ok(m, leaf::TDH_MR_FINALIZE, tdr, 0, 0, 0);
        let mut args = ModuleArgs {
            rcx,
            ..ModuleArgs::default()
        };
        return (m.tdcall(as_page(tdvpr), leaf, &mut args), args.rdx);
    }
    match leaf {
        leaf::TDH_MEM_PAGE_ADD => call(m, leaf, GPA, tdr, page(m, 0), page(m, 0)),
        leaf::TDH_MEM_PAGE_RELOCATE | leaf::TDH_MEM_PAGE_DEMOTE => {
            call(m, leaf, rcx, tdr, page(m, 0), 0)
        }
        leaf::TDH_MEM_SEPT_ADD | leaf::TDH_MEM_PAGE_AUG => {
            let p = if leaf == leaf::TDH_MEM_SEPT_ADD {
                page(m, 0)
            } else {
                page(m, level)
            };
            call(m, leaf, rcx, tdr, p, 0)
        }
        leaf::TDH_MR_EXTEND | leaf::TDH_MEM_RD | leaf::TDH_MEM_WR => call(m, leaf, GPA, tdr, 0, 0),
        _ => call(m, leaf, rcx, tdr, 0, 0),
    }
}

#[test]
fn every_reachable_sept_leaf_and_entry_state_follows_the_modules_table() {
    let table = table();
    let leaves: [(bool, u64, &[u8]); 15] = [
        (false, leaf::TDH_MEM_PAGE_ADD, &[0]),
        (false, leaf::TDH_MEM_SEPT_ADD, &[1]),
        (false, leaf::TDH_MEM_PAGE_AUG, &[0, 1]),
        (false, leaf::TDH_MEM_RANGE_BLOCK, &[0, 1]),
        (false, leaf::TDH_MEM_RANGE_UNBLOCK, &[0, 1]),
        (false, leaf::TDH_MR_EXTEND, &[0]),
        (false, leaf::TDH_MEM_PAGE_REMOVE, &[0, 1]),
        (false, leaf::TDH_MEM_SEPT_RD, &[0, 1]),
        (false, leaf::TDH_MEM_RD, &[0, 1]),
        (false, leaf::TDH_MEM_WR, &[0, 1]),
        (false, leaf::TDH_MEM_SEPT_REMOVE, &[1]),
        (false, leaf::TDH_MEM_PAGE_RELOCATE, &[0]),
        (false, leaf::TDH_MEM_PAGE_DEMOTE, &[1]),
        (false, leaf::TDH_MEM_PAGE_PROMOTE, &[1]),
        (true, leaf::TDG_MEM_PAGE_ACCEPT, &[0, 1]),
    ];
    let states = [
        "FREE",
        "NL_MAPPED",
        "NL_BLOCKED",
        "MAPPED",
        "BLOCKED",
        "PENDING",
        "PENDING_BLOCKED",
    ];
    let mut checked = BTreeSet::new();
    for (tdcall, leaf, levels) in leaves {
        let allowed_in = &table.allowed[&(tdcall, leaf)];
        for state in states {
            // ACCEPT checks a FREE entry (an EPT violation to the host; the model:
            // EPT_WALK_FAILED), a guest-accessible leaf (ALREADY_ACCEPTED) and a non-leaf at
            // the requested size (SIZE_MISMATCH) before the table.
            if tdcall && matches!(state, "FREE" | "MAPPED" | "NL_MAPPED" | "NL_BLOCKED") {
                continue;
            }
            for &level in levels {
                let m = module();
                let reached = m.run(|| {
                    bring_up(&m);
                    // TDH.MEM.RD / WR answer only a debug TD (`TDX_TD_NON_DEBUG` first).
                    let debug = matches!(leaf, leaf::TDH_MEM_RD | leaf::TDH_MEM_WR);
                    let params = TdParams {
                        attributes: if debug { TdParams::ATTR_DEBUG } else { 0 },
                        ..TdParams::default()
                    };
                    let td = create_td(&m, HKID, &params);
                    let vp = create_vcpu(&m, &td, 0);
                    let tdr = td.tdr.as_u64();
                    if !build(&m, tdr, state, level) {
                        return false;
                    }
                    let (status, rdx) = issue(&m, tdcall, leaf, tdr, vp.tdvpr.as_u64(), level);
                    let (refused, details) = refusal(tdcall, leaf, state);
                    let cell =
                        format!("leaf {leaf} (TDCALL: {tdcall}) on {state} at level {level}");
                    if allowed_in.contains(state) && !refused_later(tdcall, leaf, state) {
                        assert_ne!(status, refused, "{cell}: the table allows it");
                    } else {
                        assert_eq!(status, refused, "{cell}: the table forbids it");
                        if details {
                            assert_eq!(
                                rdx,
                                table.public_state[state] << 8 | u64::from(level),
                                "{cell}: RDX reports the entry's public_state and level"
                            );
                        }
                    }
                    true
                });
                if reached {
                    checked.insert((tdcall, leaf, state));
                }
            }
        }
    }
    for (tdcall, leaf, _) in leaves {
        assert!(
            checked
                .iter()
                .filter(|c| (c.0, c.1) == (tdcall, leaf))
                .count()
                >= 3,
            "leaf {leaf}: too few states reached"
        );
    }
    assert!(checked.len() >= 30, "{} cells checked", checked.len());
}
