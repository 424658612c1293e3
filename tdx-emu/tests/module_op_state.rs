//! Every (SEAMCALL leaf, TD OP_STATE) cell the model can reach, against the TDX module's own
//! table: `tdx-emu/data/op_state_lookup.json`, extracted from `include/auto_gen/op_state_lookup.c`
//! of intel/tdx-module@72d8cffb214b74ae94d75afce36423020f74b47c (TDX 1.5.01).
//!
//! For each state the model reaches (UNINITIALIZED with its TDCS, INITIALIZED, RUNNABLE) a fresh
//! TD is built and every gated leaf is issued with operands good enough to reach the module's
//! OP_STATE check: where the table says no, the answer must be exactly `TDX_OP_STATE_INCORRECT`;
//! where it says yes, anything but that.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use tdx_core::metadata_fields;
use tdx_core::{ModuleArgs, TdxStatus};
use tdx_emu::Instruction;
use tdx_emu::module::{OpState, TdParams, TdxModule, leaf};

/// The table as the data file has it: leaf -> the states it is allowed in.
fn table() -> BTreeMap<u64, BTreeSet<String>> {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../data/op_state_lookup.json")).expect("JSON");
    assert_eq!(
        json["source"]["commit"], "72d8cffb214b74ae94d75afce36423020f74b47c",
        "the data file cites its module commit"
    );
    let states: Vec<&str> = json["states"]
        .as_array()
        .expect("states")
        .iter()
        .map(|s| s.as_str().expect("name"))
        .collect();
    let ours: Vec<&str> = OpState::ALL.iter().map(|s| s.module_name()).collect();
    assert_eq!(
        states, ours,
        "OpState has the module's values, in its order"
    );
    json["seamcall"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| {
            let allowed = row["allowed_in"].as_array().expect("allowed_in");
            (
                row["leaf"].as_u64().expect("leaf"),
                allowed
                    .iter()
                    .map(|s| s.as_str().expect("state").to_owned())
                    .collect(),
            )
        })
        .collect()
}

/// A TD in `state` with a vCPU created (not initialized, one TDCX page short) when the state
/// allows one. Returns (TDR, TDVPR).
fn td_in(m: &TdxModule, state: OpState) -> (u64, Option<u64>) {
    let call = |leaf: u64, args: &mut ModuleArgs| {
        let done = m.seamcall(leaf, args);
        assert!(
            !done.cf && done.status.is_success(),
            "set-up leaf {leaf}: {:?}",
            done.status
        );
    };
    let tdr = m.alloc_page::<tdx_core::Tdr>().as_u64();
    call(
        leaf::TDH_MNG_CREATE,
        &mut ModuleArgs {
            rcx: tdr,
            rdx: u64::from(HKID),
            ..ModuleArgs::default()
        },
    );
    call(
        leaf::TDH_MNG_KEY_CONFIG,
        &mut ModuleArgs {
            rcx: tdr,
            ..ModuleArgs::default()
        },
    );
    for _ in 0..m.config().tdcx_per_td() {
        let page = m.alloc_page::<tdx_core::Tdcs>().as_u64();
        call(
            leaf::TDH_MNG_ADDCX,
            &mut ModuleArgs {
                rcx: page,
                rdx: tdr,
                ..ModuleArgs::default()
            },
        );
    }
    if state == OpState::Uninitialized {
        return (tdr, None);
    }
    let params = m.alloc_page::<tdx_core::Guest>().as_u64();
    m.write_memory(hpa(params), &TdParams::default().to_bytes());
    call(
        leaf::TDH_MNG_INIT,
        &mut ModuleArgs {
            rcx: tdr,
            rdx: params,
            ..ModuleArgs::default()
        },
    );
    let tdvpr = m.alloc_page::<tdx_core::Tdvpr>().as_u64();
    call(
        leaf::TDH_VP_CREATE,
        &mut ModuleArgs {
            rcx: tdvpr,
            rdx: tdr,
            ..ModuleArgs::default()
        },
    );
    if state == OpState::Runnable {
        call(
            leaf::TDH_MR_FINALIZE,
            &mut ModuleArgs {
                rcx: tdr,
                ..ModuleArgs::default()
            },
        );
    }
    (tdr, Some(tdvpr))
}

/// The operands of `leaf` for a TD (`tdr`) and vCPU (`tdvpr`), or `None` when the cell cannot be
/// reached (the leaf needs a vCPU and the state has none).
fn operands(m: &TdxModule, leaf: u64, tdr: u64, tdvpr: Option<u64>) -> Option<ModuleArgs> {
    let page = m.alloc_page::<tdx_core::Guest>().as_u64();
    let mut a = ModuleArgs::default();
    match leaf {
        leaf::TDH_MNG_ADDCX => (a.rcx, a.rdx) = (page, tdr),
        leaf::TDH_MEM_PAGE_ADD => {
            (a.rcx, a.rdx, a.r8, a.r9) = (0, tdr, page, m.alloc_page::<tdx_core::Guest>().as_u64())
        }
        leaf::TDH_MEM_SEPT_ADD => (a.rcx, a.rdx, a.r8) = (0x4000_0000 | 2, tdr, page),
        leaf::TDH_MEM_PAGE_AUG => (a.rcx, a.rdx, a.r8) = (0x3000, tdr, page),
        leaf::TDH_MEM_RANGE_BLOCK
        | leaf::TDH_MEM_RANGE_UNBLOCK
        | leaf::TDH_MEM_PAGE_REMOVE
        | leaf::TDH_MEM_SEPT_RD
        | leaf::TDH_MEM_RD
        | leaf::TDH_MEM_WR => (a.rcx, a.rdx) = (0x3000, tdr),
        leaf::TDH_MEM_SEPT_REMOVE => (a.rcx, a.rdx) = (0x4000_0000 | 2, tdr),
        leaf::TDH_MEM_PAGE_RELOCATE => (a.rcx, a.rdx, a.r8) = (0x3000, tdr, page),
        leaf::TDH_MEM_PAGE_DEMOTE => (a.rcx, a.rdx, a.r8) = (0x20_0000 | 1, tdr, page),
        leaf::TDH_MEM_PAGE_PROMOTE => (a.rcx, a.rdx) = (0x20_0000 | 1, tdr),
        leaf::TDH_VP_CREATE => (a.rcx, a.rdx) = (page, tdr),
        leaf::TDH_MNG_RD => (a.rcx, a.rdx) = (tdr, metadata_fields::td::HKID.raw()),
        // HP_LOCK_TIMEOUT: the one TDCS field a production host may write.
        leaf::TDH_MNG_WR => (a.rcx, a.rdx, a.r8, a.r9) = (tdr, 0x9110_0003_0000_0011, 0, !0),
        leaf::TDH_MR_EXTEND => (a.rcx, a.rdx) = (0, tdr),
        leaf::TDH_MR_FINALIZE | leaf::TDH_MEM_TRACK => a.rcx = tdr,
        // PREBIND: a 64-byte aligned hash; BIND: the target's state is checked before the
        // service TD (here a page that is no TDR).
        leaf::TDH_SERVTD_PREBIND | leaf::TDH_SERVTD_BIND => (a.rcx, a.rdx) = (tdr, page),
        leaf::TDH_MNG_INIT => {
            m.write_memory(hpa(page), &TdParams::default().to_bytes());
            (a.rcx, a.rdx) = (tdr, page);
        }
        leaf::TDH_VP_ADDCX => (a.rcx, a.rdx) = (page, tdvpr?),
        leaf::TDH_VP_INIT | leaf::TDH_VP_ENTER | leaf::TDH_VP_FLUSH => a.rcx = tdvpr?,
        leaf::TDH_VP_RD | leaf::TDH_VP_WR => {
            (a.rcx, a.rdx) = (tdvpr?, metadata_fields::vmcs::GUEST_RIP.raw())
        }
        _ => return None,
    }
    Some(a)
}

/// Cells where the model (like the module) fails an earlier check before it reads OP_STATE:
/// MNG.ADDCX with the TDCS already complete (the module's TDX_TDCX_NUM_INCORRECT).
fn checked_earlier(leaf: u64, state: OpState) -> bool {
    leaf == leaf::TDH_MNG_ADDCX && state != OpState::Uninitialized
}

#[test]
fn every_reachable_leaf_and_state_follows_the_modules_table() {
    let table = table();
    let reachable = [
        OpState::Uninitialized,
        OpState::Initialized,
        OpState::Runnable,
    ];
    let mut checked = BTreeSet::new();
    for state in reachable {
        for (&leaf, allowed_in) in &table {
            if !leaf::modelled(Instruction::Seamcall, leaf) {
                continue; // a leaf the model does not implement (migration, SPDM, ...)
            }
            // A fresh TD per cell: a leaf that succeeds must not change the next cell's state.
            let m = module();
            m.run(|| {
                bring_up(&m);
                let (tdr, tdvpr) = td_in(&m, state);
                assert_eq!(m.td(as_page(tdr)).map(|t| t.op_state), Some(state));
                let mut args = operands(&m, leaf, tdr, tdvpr);
                let Some(args) = args.as_mut() else {
                    return; // needs a vCPU, and a TD in this state has none
                };
                if checked_earlier(leaf, state) {
                    return;
                }
                // The model implements TDH.VP.INIT version 1 only.
                let rax = if leaf == leaf::TDH_VP_INIT {
                    leaf | (1 << 16)
                } else {
                    leaf
                };
                let status = m.seamcall(rax, args).status;
                let allowed = allowed_in.contains(state.module_name());
                let name = leaf::name(Instruction::Seamcall, leaf).unwrap_or("?");
                if allowed {
                    assert_ne!(
                        status, OP_STATE_INCORRECT,
                        "{name} in {state:?}: the table allows it"
                    );
                } else {
                    assert_eq!(
                        status, OP_STATE_INCORRECT,
                        "{name} in {state:?}: the table forbids it"
                    );
                }
                checked.insert((leaf, state));
            });
        }
    }
    // Every leaf the model implements that the table gates was checked in at least one state.
    for &leaf in table.keys() {
        if leaf::modelled(Instruction::Seamcall, leaf) {
            assert!(
                checked.iter().any(|&(l, _)| l == leaf),
                "leaf {leaf} never checked"
            );
        }
    }
    assert!(checked.len() >= 40, "{} cells checked", checked.len());
}

#[test]
fn mng_addcx_in_uninitialized_reaches_its_op_state_check() {
    // With the TDCS one page short, MNG.ADDCX is allowed (the table: UNINITIALIZED only).
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td_partial(&m);
        let page = m.alloc_page::<tdx_core::Tdcs>().as_u64();
        let mut args = ModuleArgs {
            rcx: page,
            rdx: td,
            ..ModuleArgs::default()
        };
        assert_eq!(
            m.seamcall(leaf::TDH_MNG_ADDCX, &mut args).status,
            TdxStatus::SUCCESS
        );
    });
}

/// A TD with keys and all but one TDCS page.
fn create_td_partial(m: &TdxModule) -> u64 {
    let tdr = m.alloc_page::<tdx_core::Tdr>().as_u64();
    let mut args = ModuleArgs {
        rcx: tdr,
        rdx: u64::from(HKID),
        ..ModuleArgs::default()
    };
    assert!(
        m.seamcall(leaf::TDH_MNG_CREATE, &mut args)
            .status
            .is_success()
    );
    let mut args = ModuleArgs {
        rcx: tdr,
        ..ModuleArgs::default()
    };
    assert!(
        m.seamcall(leaf::TDH_MNG_KEY_CONFIG, &mut args)
            .status
            .is_success()
    );
    for _ in 1..m.config().tdcx_per_td() {
        let page = m.alloc_page::<tdx_core::Tdcs>().as_u64();
        let mut args = ModuleArgs {
            rcx: page,
            rdx: tdr,
            ..ModuleArgs::default()
        };
        assert!(
            m.seamcall(leaf::TDH_MNG_ADDCX, &mut args)
                .status
                .is_success()
        );
    }
    tdr
}
