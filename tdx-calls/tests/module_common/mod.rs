//! Shared by `module_host.rs` and `module_guest.rs`: operands, the trap runner and the check
//! against `tests/data/module-1.5-leaves.json`.

#![allow(dead_code, unused_imports)]

#[path = "../common/mod.rs"]
mod common;
pub mod connect;

pub use common::{answer, get, set, trace};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;
pub use tdx_calls::handles::{TdxTd, TdxVp};
pub use tdx_core::{
    AcceptGpa, AttrFlags, CpuidVe, DynamicPamt, DynamicPamtPage, FieldId, Gpa, GpaAttr,
    GpaListInfo, Guest, Hpa, HpaAndSize, L2AttrList, L2EnterFlags, L2Invalidate, L2SeptPage,
    L2SeptPages, L2Vm, L2VmMask, MacLists, MigStream, MigscPage, Page, PageKind, PageListInfo,
    PageSize, PamtRange, Sept, SeptGpa, SeptLevel, ServtdAttributes, ServtdHandle, ServtdSlot,
    ServtdType, TdUuid, Tdcs, Tdcx, Tdr, TdxStatus, VmAndFlags,
};
pub use tdx_emu::{CpuState, Instruction};

pub const TDR: u64 = 0x0010_1000;
pub const TDR2: u64 = 0x0011_1000;
pub const TDCS: [u64; 2] = [0x0010_2000, 0x0010_3000];
pub const TDVPR: u64 = 0x0020_1000;
pub const TDCX: [u64; 1] = [0x0020_2000];
pub const PAGE: u64 = 0x0030_1000;
pub const SEPT: u64 = 0x0030_2000;
pub const SEPT2: u64 = 0x0030_3000;
pub const SOURCE: u64 = 0x0040_1000;
pub const SOURCE2: u64 = 0x0040_2000;
pub const GPA: u64 = 0x8000_0000;
pub const FIELD: u64 = 0x9410_0003_0000_0007;

pub fn page<K: PageKind>(raw: u64) -> Page<K> {
    Page::from_u64(raw).expect("aligned test page")
}
pub fn hpa(raw: u64) -> Hpa {
    Hpa::new(raw).expect("test HPA")
}
pub fn gpa(raw: u64) -> Gpa {
    Gpa::new(raw).expect("test GPA")
}
/// `GPA` at 2 MiB (register image `GPA | 1`).
pub fn sept_gpa() -> SeptGpa {
    SeptGpa::new(gpa(GPA), SeptLevel::Level2M).expect("aligned")
}
/// `GPA` at 4 KiB (register image `GPA`).
pub fn sept_gpa_4k() -> SeptGpa {
    SeptGpa::new(gpa(GPA), SeptLevel::Level4K).expect("aligned")
}
/// `GPA` at 4 KiB, guest form (register image `GPA`).
pub fn accept_gpa() -> AcceptGpa {
    AcceptGpa::new(gpa(GPA), PageSize::Size4K).expect("aligned")
}
pub fn vm(index: u8) -> L2Vm {
    L2Vm::new(index).expect("an L2 VM")
}

/// Run `f` with the TD handle of the tests.
pub fn with_td<R>(f: impl FnOnce(&TdxTd<'_>) -> R) -> R {
    let tdcs = TDCS.map(page::<Tdcs>);
    f(&TdxTd::new(page(TDR), &tdcs))
}

/// Run `f` with the vCPU handle of the tests.
pub fn with_vp<R>(f: impl FnOnce(&TdxVp<'_>) -> R) -> R {
    let tdcx = TDCX.map(page::<Tdcx>);
    f(&TdxVp::new(page(TDVPR), &tdcx))
}

/// Issue `call` once through the trap, answering success with [`answer`]`(reg)` in every
/// register of `outputs`; returns the result and the one instruction seen.
pub fn run<R>(outputs: &[&str], call: impl FnOnce() -> R) -> (R, (Instruction, CpuState)) {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            for reg in outputs {
                set(cpu, reg, answer(reg));
            }
        },
        call,
    );
    assert_eq!(seen.len(), 1, "one instruction");
    (result, seen[0])
}

fn reference() -> &'static [Value] {
    static DATA: OnceLock<Value> = OnceLock::new();
    DATA.get_or_init(|| {
        let read = |name: &str| -> Value {
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data")
                .join(name);
            serde_json::from_str(&std::fs::read_to_string(path).expect("read the reference"))
                .expect("JSON")
        };
        let mut data = read("module-1.5-leaves.json");
        // Module 2.0's TDX Connect leaves, in a file of their own (same form).
        let connect = read("module-2.0-leaves.json");
        let leaves = data["leaves"].as_array_mut().expect("leaves");
        leaves.extend(
            connect["leaves"]
                .as_array()
                .expect("leaves")
                .iter()
                .cloned(),
        );
        data
    })["leaves"]
        .as_array()
        .expect("leaves")
}

/// Check the register image of one call to leaf `name`: the instruction and RAX (leaf and
/// version) from the reference, the registers in `expected` (exactly the reference's
/// inputs, each with the value the wrapper must load), and 0 in every register the
/// reference says must be 0.
pub fn check_inputs(name: &str, seen: &(Instruction, CpuState), expected: &[(&str, u64)]) {
    check_inputs_at(name, 0, seen, expected);
}

/// [`check_inputs`] for version `version` of leaf `name` (the reference has one entry per
/// name and version: TDH.MEM.SEPT.ADD at 0 and at 1).
pub fn check_inputs_at(
    name: &str,
    version: u64,
    seen: &(Instruction, CpuState),
    expected: &[(&str, u64)],
) {
    let leaf = reference()
        .iter()
        .find(|l| l["name"] == name && l["version"] == version)
        .unwrap_or_else(|| panic!("{name} version {version} is not in module-1.5-leaves.json"));
    let (instruction, cpu) = seen;
    let want = if leaf["family"] == "seamcall" {
        Instruction::Seamcall
    } else {
        Instruction::Tdcall
    };
    assert_eq!(*instruction, want, "{name}: instruction");
    let number = leaf["leaf"].as_u64().expect("leaf");
    let version = leaf["version"].as_u64().expect("version");
    assert_eq!(cpu.rax, number | version << 16, "{name}: RAX");
    let mut inputs: Vec<&str> = leaf["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .map(|v| v.as_str().expect("a register"))
        .collect();
    let mut given: Vec<&str> = expected.iter().map(|(reg, _)| *reg).collect();
    inputs.sort_unstable();
    given.sort_unstable();
    assert_eq!(
        given, inputs,
        "{name}: the test covers every register the module reads"
    );
    for (reg, value) in expected {
        assert_eq!(get(cpu, reg), *value, "{name}: {reg}");
    }
    for zero in leaf["zero"].as_array().expect("zero") {
        let reg = zero.as_str().expect("a register");
        assert_eq!(get(cpu, reg), 0, "{name}: {reg} must be 0");
    }
}
