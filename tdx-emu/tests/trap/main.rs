//! Executes real `SEAMCALL` / `TDCALL` instructions under the trap and checks what the handler sees
//! and what comes back:
//!
//! * [`registers`]: every register, RBX, CF and RIP, in both directions;
//! * [`handlers`]: which handler answers (per thread, the global one, nested `with_handler`);
//! * [`crash`]: the tests that must crash the process (a real segfault, `ud2`, a panicking
//!   handler, ...). They re-run this test binary in a child process with `TDX_EMU_CHILD` set, and
//!   check how the child died.

use std::arch::asm;

/// The encodings, spelled as bytes so that the test does not depend on the assembler's mnemonics
/// (the `tdcall_*` tests use the mnemonic `tdcall` as well). Defined before the `mod`s below, which
/// use them.
macro_rules! seamcall_bytes {
    () => {
        ".byte 0x66, 0x0f, 0x01, 0xcf"
    };
}
macro_rules! tdcall_bytes {
    () => {
        ".byte 0x66, 0x0f, 0x01, 0xcc"
    };
}

/// Executes SEAMCALL with `leaf` in RAX and returns RAX afterwards.
fn seamcall_rax(leaf: u64) -> u64 {
    let mut rax = leaf;
    // SAFETY: the handlers in these tests change at most RAX (inout) and the flags.
    unsafe { asm!(seamcall_bytes!(), inout("rax") rax, options(nostack)) };
    rax
}

mod crash;
mod handlers;
mod registers;
