use super::signal::{Message, trap};
use super::*;
use libc::{c_int, siginfo_t, ucontext_t};
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};

#[test]
fn instruction_encodings_round_trip() {
    for instruction in [Instruction::Seamcall, Instruction::Tdcall] {
        assert_eq!(Instruction::decode(instruction.bytes()), Some(instruction));
    }
    assert_eq!(Instruction::Seamcall.bytes(), [0x66, 0x0F, 0x01, 0xCF]);
    assert_eq!(Instruction::Tdcall.bytes(), [0x66, 0x0F, 0x01, 0xCC]);
    // ENCLS (no 66 prefix), UD2 and friends are not TDX instructions.
    assert_eq!(Instruction::decode([0x0F, 0x01, 0xCF, 0x90]), None);
    assert_eq!(Instruction::decode([0x0F, 0x0B, 0x90, 0x90]), None);
    assert_eq!(Instruction::decode([0x66, 0x0F, 0x01, 0xCD]), None);
    assert_eq!(Instruction::Seamcall.to_string(), "SEAMCALL");
    assert_eq!(Instruction::Tdcall.to_string(), "TDCALL");
}

fn sample_gregs() -> Gregs {
    let mut gregs: Gregs = [0; 23];
    for (index, value) in gregs.iter_mut().enumerate() {
        *value = 0x1000 + index as libc::greg_t;
    }
    gregs
}

#[test]
fn cpu_state_reads_every_register() {
    let gregs = sample_gregs();
    let cpu = CpuState::from_gregs(&gregs);
    assert_eq!(cpu.rax, 0x1000 + GREG_RAX as u64);
    assert_eq!(cpu.rbx, 0x1000 + GREG_RBX as u64);
    assert_eq!(cpu.rsp, 0x1000 + GREG_RSP as u64);
    assert_eq!(cpu.r15, 0x1000 + GREG_R15 as u64);
    assert_eq!(cpu.rip, 0x1000 + GREG_RIP as u64);
    assert!(!cpu.cf);
}

#[test]
fn cpu_state_writes_back_all_but_rsp_and_rip() {
    let mut gregs = sample_gregs();
    gregs[GREG_EFL] = 0x246; // ZF, PF, IF set; CF clear
    let mut cpu = CpuState::from_gregs(&gregs);
    cpu.rax = u64::MAX;
    cpu.rbx = 0xB;
    cpu.rbp = 0xBB;
    cpu.r11 = 0x11;
    cpu.rsp = 0xDEAD;
    cpu.rip = 0xBEEF;
    cpu.cf = true;
    cpu.write_to_gregs(&mut gregs);
    assert_eq!(gregs[GREG_RAX], -1);
    assert_eq!(gregs[GREG_RBX], 0xB);
    assert_eq!(gregs[GREG_RBP], 0xBB);
    assert_eq!(gregs[GREG_R11], 0x11);
    assert_eq!(gregs[GREG_RSP], 0x1000 + GREG_RSP as libc::greg_t);
    assert_eq!(gregs[GREG_RIP], 0x1000 + GREG_RIP as libc::greg_t);
    assert_eq!(gregs[GREG_EFL], 0x247);

    cpu.cf = false;
    cpu.write_to_gregs(&mut gregs);
    assert_eq!(gregs[GREG_EFL], 0x246);
}

#[test]
fn with_handler_restores_the_previous_handler_even_on_panic() {
    let mut outer = |_: Instruction, _: &mut CpuState| {};
    let mut inner = |_: Instruction, _: &mut CpuState| {};
    assert!(THREAD_HANDLER.get().is_none());
    with_handler(&mut outer, || {
        let outer_ptr = THREAD_HANDLER.get().map(|p| p.as_ptr().cast::<()>());
        assert!(outer_ptr.is_some());
        let unwound = panic::catch_unwind(AssertUnwindSafe(|| {
            with_handler(&mut inner, || {
                assert_ne!(
                    THREAD_HANDLER.get().map(|p| p.as_ptr().cast::<()>()),
                    outer_ptr
                );
                panic!("inner closure panics");
            })
        }));
        assert!(unwound.is_err());
        assert_eq!(
            THREAD_HANDLER.get().map(|p| p.as_ptr().cast::<()>()),
            outer_ptr
        );
    });
    assert!(THREAD_HANDLER.get().is_none());
}

/// `si_code`s from Linux's `<asm-generic/siginfo.h>` (the libc crate does not export them).
const SEGV_MAPERR: c_int = 1;
const ILL_ILLOPN: c_int = 2;

/// Instruction bytes for the fabricated signal contexts below.
static CODE: [u8; 8] = [0x66, 0x0F, 0x01, 0xCF, 0x0F, 0x0B, 0x90, 0x90];

/// A `siginfo_t` as the kernel would fill it in.
fn siginfo(signal: c_int, code: c_int, address: u64) -> siginfo_t {
    // SAFETY: all-zeroes is a valid `siginfo_t` (plain integers and padding).
    let mut info: siginfo_t = unsafe { mem::zeroed() };
    info.si_signo = signal;
    info.si_code = code;
    // The fault address is the first field of the union after the three `int`s (and padding),
    // at offset 16 on x86-64; `si_addr()` reads it from there.
    // SAFETY: offset 16 is inside `info` and suitably aligned for a pointer.
    unsafe {
        ptr::from_mut(&mut info)
            .cast::<u8>()
            .add(16)
            .cast::<u64>()
            .write(address)
    };
    // SAFETY: `si_addr` reads the field just written.
    assert_eq!(unsafe { info.si_addr() } as u64, address);
    info
}

/// A signal context stopped at `rip`.
fn context_at(rip: u64) -> ucontext_t {
    // SAFETY: all-zeroes is a valid `ucontext_t` (integers and null pointers).
    let mut context: ucontext_t = unsafe { mem::zeroed() };
    context.uc_mcontext.gregs = sample_gregs();
    context.uc_mcontext.gregs[GREG_RIP] = rip as libc::greg_t;
    context
}

/// The SIGSEGV path (hosts where the instruction raises #GP) without a real #GP: `trap` on a
/// fabricated context whose RIP points at SEAMCALL bytes.
#[test]
fn a_general_protection_sigsegv_at_seamcall_is_answered() {
    let rip = CODE.as_ptr() as u64;
    let mut seen = Vec::new();
    let mut handler = |instruction: Instruction, cpu: &mut CpuState| {
        seen.push((instruction, *cpu));
        cpu.rax = 0x77;
        cpu.cf = true;
    };
    with_handler(&mut handler, || {
        // #GP: si_code SI_KERNEL, si_addr 0.
        let mut context = context_at(rip);
        let info = siginfo(libc::SIGSEGV, libc::SI_KERNEL, 0);
        assert!(trap(libc::SIGSEGV, &info, &mut context));
        let gregs = &context.uc_mcontext.gregs;
        assert_eq!(gregs[GREG_RAX], 0x77);
        assert_eq!(gregs[GREG_EFL] as u64 & FLAGS_CF, FLAGS_CF);
        assert_eq!(gregs[GREG_RIP] as u64, rip + 4);

        // A fault fetching the instruction itself is not ours, nor is a signal sent by kill.
        for (code, address) in [
            (SEGV_MAPERR, rip),
            (SEGV_MAPERR, rip + 2),
            (libc::SI_USER, 0),
        ] {
            let mut context = context_at(rip);
            let info = siginfo(libc::SIGSEGV, code, address);
            assert!(!trap(libc::SIGSEGV, &info, &mut context));
            assert_eq!(context.uc_mcontext.gregs, context_at(rip).uc_mcontext.gregs);
        }

        // Not a TDX instruction (UD2), and an unreadable RIP.
        for rip in [rip + 4, 8] {
            let mut context = context_at(rip);
            let info = siginfo(libc::SIGILL, ILL_ILLOPN, rip);
            assert!(!trap(libc::SIGILL, &info, &mut context));
        }
    });
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].0, Instruction::Seamcall);
    assert_eq!(seen[0].1.rip, rip);
    assert_eq!(seen[0].1.rax, 0x1000 + GREG_RAX as u64);
}

#[test]
fn message_truncates_instead_of_allocating() {
    let mut message = Message::new();
    for _ in 0..100 {
        let _ = write!(message, "{:#x} ", u64::MAX);
    }
    assert_eq!(message.as_bytes().len(), Message::CAPACITY);
    assert!(message.as_bytes().starts_with(b"0xffffffffffffffff "));
}
