//! Trap answers for the leaves that return values above R11 in registers they do not also take
//! as inputs (TDH.SERVTD.BIND: R12, R13; TDH.DMAR.READ: R12-R15; TDG.VP.ENTER: R12, R13, RDI,
//! RSI). The handlers of [`crate::check`] and [`crate::script`] answer a SEAMCALL or TDCALL
//! leaf in RCX..R11 only, so those outputs would come back as whatever the registers held and
//! no two subjects could agree on them. The two functions here answer as those handlers do and
//! also write the leaf's registers above R11 (`extra`, by x86 index), each with a distinctive
//! value. With no `extra` they are the handlers of `check` and `script` themselves.
//!
//! (The cleaner home of this is the handlers themselves, answering every register of the
//! leaf's `WRITES`; `check.rs` was being split by another change when these were written.)

use crate::check::{Check, Kind, Scenario};
use crate::script::Script;
use tdx_core::TdxStatus;
use tdx_emu::{CpuState, Instruction, with_handler};

/// RCX, RDX, R8-R11: what both handlers answer for a SEAMCALL or TDCALL leaf.
const VOLATILE: [u8; 6] = [1, 2, 8, 9, 10, 11];
/// Success with information, as `check.rs` answers it: `TDX_KEY_CONFIGURED`.
const SUCCESS_WITH_INFO: u64 = 0x0000_0815_0000_0000;

/// The x86 index of an operand register named in an entry (`answers [r12, rdi]`).
macro_rules! gpr {
    (rsi) => {
        6
    };
    (rdi) => {
        7
    };
    (r12) => {
        12
    };
    (r13) => {
        13
    };
    (r14) => {
        14
    };
    (r15) => {
        15
    };
}
pub(crate) use gpr;

fn set(cpu: &mut CpuState, index: u8, value: u64) {
    let slot = match index {
        1 => &mut cpu.rcx,
        2 => &mut cpu.rdx,
        6 => &mut cpu.rsi,
        7 => &mut cpu.rdi,
        8 => &mut cpu.r8,
        9 => &mut cpu.r9,
        10 => &mut cpu.r10,
        11 => &mut cpu.r11,
        12 => &mut cpu.r12,
        13 => &mut cpu.r13,
        14 => &mut cpu.r14,
        15 => &mut cpu.r15,
        _ => unreachable!("not an output register of a SEAMCALL or TDCALL leaf: {index}"),
    };
    *slot = value;
}

/// [`Check::trap`] for a SEAMCALL or TDCALL leaf that also writes `extra`: the same answers
/// (`0x5000 + index` in every register written, the status of `scenario`), in `extra` too.
pub fn trap<R>(
    check: &Check,
    kind: Kind,
    scenario: Scenario,
    extra: &[u8],
    f: impl FnOnce() -> R,
) -> (R, Vec<CpuState>) {
    if extra.is_empty() {
        return check.trap(scenario, f);
    }
    assert!(matches!(kind, Kind::Seamcall | Kind::Tdcall), "{kind:?}");
    let mut seen = Vec::new();
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        seen.push(*cpu);
        if scenario == Scenario::VmFailInvalid {
            cpu.cf = true; // RAX is left as it was, as the CPU does
            return;
        }
        for &index in VOLATILE.iter().chain(extra) {
            set(cpu, index, 0x5000 + u64::from(index));
        }
        cpu.rax = match scenario {
            Scenario::Error => TdxStatus::OPERAND_INVALID.raw(),
            _ => SUCCESS_WITH_INFO,
        };
    };
    let result = with_handler(&mut handler, f);
    (result, seen)
}

/// [`crate::script::scripted`] for a leaf that also writes `extra`: the `n`-th trap answers
/// as [`crate::script::answer`] and writes `0x5000 + 0x100 * n + index` into `extra` too (not
/// on VMfailInvalid, when the module writes nothing).
pub fn scripted<R>(
    kind: Kind,
    script: Script,
    extra: &[u8],
    f: impl FnOnce() -> R,
) -> (R, Vec<CpuState>) {
    let mut seen = Vec::new();
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        let n = seen.len() as u64;
        seen.push(*cpu);
        crate::script::answer(kind, script, n, cpu);
        if !(script == Script::VmFailInvalid && kind.family() == "seamcall") {
            for &index in extra {
                set(cpu, index, 0x5000 + 0x100 * n + u64::from(index));
            }
        }
    };
    let result = with_handler(&mut handler, f);
    (result, seen)
}
