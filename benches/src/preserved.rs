//! The callee-saved registers across a subject: a wrapper whose `asm!` lets the module (or the
//! trap) overwrite RBX or R12-R15 without declaring it corrupts its caller, which no
//! comparison of results sees reliably. [`kept`] runs a subject with canaries in them and
//! says which it did not preserve.

use core::arch::asm;
use tdx_core::reg::RegSet;

/// What [`kept`] loads into RBX, R12, R13, R14 and R15 before the subject runs.
const CANARY: [u64; 5] = [
    0xCA5E_0000_0000_0003,
    0xCA5E_0000_0000_000C,
    0xCA5E_0000_0000_000D,
    0xCA5E_0000_0000_000E,
    0xCA5E_0000_0000_000F,
];
/// Their x86 indices.
const INDEX: [u8; 5] = [3, 12, 13, 14, 15];

/// Call the closure `f` points to (from the `asm!` of [`kept`]).
extern "C" fn call(f: &mut &mut dyn FnMut()) {
    f()
}

/// Run `f` with canaries in RBX and R12-R15; its result and the registers among them that it
/// did not leave as it found them (empty for a wrapper that declares every register the
/// module writes).
pub fn kept<R>(f: impl FnOnce() -> R) -> (R, RegSet) {
    let mut f = Some(f);
    let mut result = None;
    let mut run = || {
        if let Some(f) = f.take() {
            result = Some(f());
        }
    };
    let mut run: &mut dyn FnMut() = &mut run;
    let (rbx, r12, r13, r14, r15): (u64, u64, u64, u64, u64);
    // SAFETY: RBX is saved on the stack and restored; R12-R15 are outputs and every
    // caller-saved register is clobbered (`clobber_abi`); the stack stays 16-byte aligned at
    // the call (two 8-byte slots); `call` takes a live `&mut &mut dyn FnMut()`.
    unsafe {
        asm!(
            "push rbx",
            "sub rsp, 8",
            "mov rbx, {c3}",
            "mov r12, {c12}",
            "mov r13, {c13}",
            "mov r14, {c14}",
            "mov r15, {c15}",
            "call {call}",
            "mov rax, rbx",
            "add rsp, 8",
            "pop rbx",
            c3 = const CANARY[0],
            c12 = const CANARY[1],
            c13 = const CANARY[2],
            c14 = const CANARY[3],
            c15 = const CANARY[4],
            call = sym call,
            in("rdi") &mut run,
            lateout("rax") rbx,
            lateout("r12") r12,
            lateout("r13") r13,
            lateout("r14") r14,
            lateout("r15") r15,
            clobber_abi("C"),
        );
    }
    let after = [rbx, r12, r13, r14, r15];
    let mut lost = RegSet::EMPTY;
    for ((index, canary), value) in INDEX.into_iter().zip(CANARY).zip(after) {
        if value != canary {
            lost = lost.with(index);
        }
    }
    let result = result.expect("`kept` calls the closure once");
    (result, lost)
}
