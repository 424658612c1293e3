//! Every wrapper of the catalog, run through the trap (tdx-emu) with a recording handler: the
//! register image the instruction saw is checked against Linux's facts
//! (`tests/data/linux-abi.json`: leaf number and version in RAX, which register carries which
//! parameter, the TDG.VP.VMCALL mask and sub-function), and every output field is checked to
//! come from the register the reference names.

#[path = "../common/mod.rs"]
mod common;
mod seamcall;
mod tdcall;
mod tdvmcall;

use common::{answer, answer_outputs, check_inputs, check_outputs, fact, trace};
use tdx_calls::catalog::{CATALOG, Source};
use tdx_calls::guest;
use tdx_calls::handles::{TdxTd, TdxVp};
use tdx_calls::host::{self, ExitReasonExt, TdxErrorExt};
use tdx_calls::seamldr;
use tdx_calls::vmcall::{self, FatalErrorMessage};
use tdx_core::{
    AcceptGpa, EventNotifyVector, FieldId, Gpa, Guest, Hkid, Hpa, KeyedHpa, KvmHypercallNr,
    MapGpaTarget, ModuleArgs, Page, PageKind, PageSize, RtmrIndex, Sept, SeptGpa, SeptLevel,
    SharedGpa, Tdcs, Tdcx, TdvmcallStatus, TdxStatus,
};
use tdx_core::{AccessDirection, AccessSize, CacheWbMode, ExitReason, IoPort, MsrIndex};
use tdx_core::{SeptEntryState, SeptLevelState};
use tdx_emu::CpuState;

// ------------------------------------------------------------------------- operands

const TDR: u64 = 0x0010_1000;
const TDCS: [u64; 2] = [0x0010_2000, 0x0010_3000];
const TDVPR: u64 = 0x0020_1000;
const TDCX: [u64; 1] = [0x0020_2000];
const PAGE: u64 = 0x0030_1000;
const SEPT: u64 = 0x0030_2000;
const SOURCE: u64 = 0x0040_1000;
const GPA: u64 = 0x8000_0000;
const FIELD: u64 = 0x9410_0003_0000_0007;

fn page<K: PageKind>(raw: u64) -> Page<K> {
    Page::from_u64(raw).expect("aligned test page")
}
fn hpa(raw: u64) -> Hpa {
    Hpa::new(raw).expect("test HPA")
}
fn gpa(raw: u64) -> Gpa {
    Gpa::new(raw).expect("test GPA")
}
fn sept_gpa() -> SeptGpa {
    SeptGpa::new(gpa(GPA), SeptLevel::Level2M).expect("aligned")
}

/// Run `f` with the TD handle of the tests.
fn with_td<R>(f: impl FnOnce(&TdxTd<'_>) -> R) -> R {
    let tdcs = TDCS.map(page::<Tdcs>);
    f(&TdxTd::new(page(TDR), &tdcs))
}

/// Run `f` with the vCPU handle of the tests.
fn with_vp<R>(f: impl FnOnce(&TdxVp<'_>) -> R) -> R {
    let tdcx = TDCX.map(page::<Tdcx>);
    f(&TdxVp::new(page(TDVPR), &tdcx))
}

/// Issue `call` once through the trap, answering with the reference's outputs.
fn once<R>(name: &str, call: impl FnOnce() -> R) -> (R, (tdx_emu::Instruction, CpuState)) {
    let f = fact(name);
    let (result, seen) = trace(|_, cpu| answer_outputs(f, cpu), call);
    assert_eq!(seen.len(), 1, "{name}: one instruction");
    (result, seen[0])
}

// ============================================================= extended errors

/// A failed Secure-EPT call: RCX/RDX carry the entry and level/state, read from the error.
#[test]
fn sept_leaves_return_entry_and_level_state_in_the_error() {
    let level_state = SeptLevelState::new(SeptLevel::Level2M, SeptEntryState::PRESENT).raw();
    let entry = 0x8000_0000_0123_4007;
    let status = TdxStatus::EPT_ENTRY_STATE_INCORRECT.with_operand(TdxStatus::OPERAND_ID_RCX);
    let script = |_: usize, cpu: &mut CpuState| {
        cpu.rax = status.raw();
        cpu.rcx = entry;
        cpu.rdx = level_state;
    };
    type TdCall = Box<dyn Fn(&TdxTd<'_>) -> Result<TdxStatus, tdx_core::TdxError>>;
    let calls: Vec<(&str, TdCall)> = vec![
        (
            "TDH.MEM.PAGE.ADD",
            // SAFETY: the trap answers the instruction; no memory is touched.
            Box::new(|td| unsafe { host::tdh_mem_page_add(td, gpa(GPA), page(PAGE), hpa(SOURCE)) }),
        ),
        (
            "TDH.MEM.SEPT.ADD",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mem_sept_add(td, sept_gpa(), page(SEPT)) }),
        ),
        (
            "TDH.MEM.PAGE.AUG",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mem_page_aug(td, sept_gpa(), page(PAGE)) }),
        ),
        (
            "TDH.MEM.RANGE.BLOCK",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mem_range_block(td, sept_gpa()) }),
        ),
        (
            "TDH.MR.EXTEND",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mr_extend(td, gpa(GPA)) }),
        ),
        (
            "TDH.MEM.PAGE.REMOVE",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mem_page_remove(td, sept_gpa()) }),
        ),
    ];
    for (name, call) in calls {
        let f = fact(name);
        assert_eq!(f.out_on_error, ["rcx", "rdx"], "{name}: the reference");
        let (result, _) = trace(script, || with_td(|td| call(td)));
        let err = result.expect_err("the module failed");
        assert_eq!(err.status(), status, "{name}: status kept whole");
        let detail = err.sept_error().expect("a Secure-EPT leaf");
        assert_eq!(detail.entry, entry, "{name}: entry from RCX");
        assert_eq!(
            detail.level_state.raw(),
            level_state,
            "{name}: level/state from RDX"
        );
        assert_eq!(
            err.level_state().and_then(|ls| ls.level()),
            Some(SeptLevel::Level2M)
        );
        assert_eq!(err.mng_init_error(), None);
    }

    // Not a Secure-EPT leaf: nothing to decode.
    let (result, _) = trace(script, || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction.
            unsafe { host::tdh_mng_key_config(td) }
        })
    });
    assert_eq!(result.expect_err("failed").sept_error(), None);

    // VMfailInvalid: the module did not run, the registers mean nothing.
    let (result, _) = trace(
        |_, cpu: &mut CpuState| {
            cpu.cf = true;
            cpu.rcx = entry;
        },
        // SAFETY: the trap answers the instruction.
        || with_td(|td| unsafe { host::tdh_mem_page_aug(td, sept_gpa(), page(PAGE)) }),
    );
    assert_eq!(result.expect_err("CF=1").sept_error(), None);
}

#[test]
fn mng_init_returns_its_extended_error_in_rcx() {
    let f = fact("TDH.MNG.INIT");
    assert_eq!(f.out_on_error, ["rcx"]);
    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = TdxStatus::OPERAND_INVALID.with_operand(0x10).raw();
            cpu.rcx = 0x77;
        },
        // SAFETY: the trap answers the instruction.
        || with_td(|td| unsafe { host::tdh_mng_init(td, hpa(0x0050_0400)) }),
    );
    let err = result.expect_err("rejected td_params");
    assert!(err.status().matches(TdxStatus::OPERAND_INVALID));
    assert_eq!(err.mng_init_error(), Some(0x77));
    assert_eq!(err.sept_error(), None);
}

// ================================================================== coverage

/// Every wrapper of the catalog's Linux leaves is exercised above, and checked against a
/// reference fact (the module's other leaves: `module_*.rs`; the peers' GHCI sub-functions:
/// `vmcall_peers.rs`).
#[test]
fn every_catalog_entry_has_a_fact() {
    let linux: Vec<_> = CATALOG
        .iter()
        .filter(|e| e.source == Source::Linux)
        .collect();
    for entry in &linux {
        let f = fact(entry.leaf.name);
        assert_eq!(f.leaf, entry.leaf.number, "{}", entry.wrapper);
    }
    assert_eq!(
        linux.len(),
        57,
        "37 SEAMCALL + 8 TDCALL + 11 TDVMCALL + KVM"
    );
}
