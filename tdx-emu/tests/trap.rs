//! Executes real `SEAMCALL` / `TDCALL` instructions under the trap and checks what the handler sees
//! and what comes back.
//!
//! The tests that must crash the process (a real segfault, `ud2`, a panicking handler, ...) re-run
//! this test binary in a child process with `TDX_EMU_CHILD` set, and check how the child died.

use std::arch::asm;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;

use tdx_emu::{CpuState, Instruction};

/// The encodings, spelled as bytes so that the test does not depend on the assembler's mnemonics
/// (the `tdcall_*` tests use the mnemonic `tdcall` as well).
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

/// Every general-purpose register an `asm!` block can name (all but RBX, RBP and RSP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Regs {
    rax: u64,
    rcx: u64,
    rdx: u64,
    rsi: u64,
    rdi: u64,
    r8: u64,
    r9: u64,
    r10: u64,
    r11: u64,
    r12: u64,
    r13: u64,
    r14: u64,
    r15: u64,
}

impl Regs {
    /// Distinct, recognisable values: register `i` gets `base + i`.
    fn numbered(base: u64) -> Self {
        Regs {
            rax: base,
            rcx: base + 1,
            rdx: base + 2,
            rsi: base + 3,
            rdi: base + 4,
            r8: base + 5,
            r9: base + 6,
            r10: base + 7,
            r11: base + 8,
            r12: base + 9,
            r13: base + 10,
            r14: base + 11,
            r15: base + 12,
        }
    }

    fn of(cpu: &CpuState) -> Self {
        Regs {
            rax: cpu.rax,
            rcx: cpu.rcx,
            rdx: cpu.rdx,
            rsi: cpu.rsi,
            rdi: cpu.rdi,
            r8: cpu.r8,
            r9: cpu.r9,
            r10: cpu.r10,
            r11: cpu.r11,
            r12: cpu.r12,
            r13: cpu.r13,
            r14: cpu.r14,
            r15: cpu.r15,
        }
    }

    fn store(&self, cpu: &mut CpuState) {
        cpu.rax = self.rax;
        cpu.rcx = self.rcx;
        cpu.rdx = self.rdx;
        cpu.rsi = self.rsi;
        cpu.rdi = self.rdi;
        cpu.r8 = self.r8;
        cpu.r9 = self.r9;
        cpu.r10 = self.r10;
        cpu.r11 = self.r11;
        cpu.r12 = self.r12;
        cpu.r13 = self.r13;
        cpu.r14 = self.r14;
        cpu.r15 = self.r15;
    }
}

/// Defines `fn $name(Regs) -> Regs` that executes `$instruction` with every nameable register as an
/// inout operand.
macro_rules! all_registers_call {
    ($name:ident, $instruction:expr) => {
        fn $name(mut regs: Regs) -> Regs {
            // SAFETY: the instruction traps into the test's handler, which may change only the
            // registers listed here (all inout) and the flags (not preserved). Without a handler,
            // the process dies.
            unsafe {
                asm!(
                    $instruction,
                    inout("rax") regs.rax,
                    inout("rcx") regs.rcx,
                    inout("rdx") regs.rdx,
                    inout("rsi") regs.rsi,
                    inout("rdi") regs.rdi,
                    inout("r8") regs.r8,
                    inout("r9") regs.r9,
                    inout("r10") regs.r10,
                    inout("r11") regs.r11,
                    inout("r12") regs.r12,
                    inout("r13") regs.r13,
                    inout("r14") regs.r14,
                    inout("r15") regs.r15,
                    options(nostack),
                );
            }
            regs
        }
    };
}

all_registers_call!(seamcall_all, seamcall_bytes!());
all_registers_call!(tdcall_all, tdcall_bytes!());

/// What an instruction run by a `*_flags` function observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Observed {
    rax: u64,
    /// RBX after the instruction, fetched with `xchg`.
    rbx: u64,
    /// CF after the instruction, fetched with `setc`.
    cf: bool,
    /// Address of the instruction (from a label).
    instruction_address: u64,
    /// Written by the instruction right after the TDX instruction: proves execution went on there.
    marker: u32,
}

/// The marker written right after the TDX instruction.
const MARKER: u32 = 0x600D_F00D;

/// Defines `fn $name(rax, rbx, carry_in) -> Observed` that sets CF to `carry_in` and RBX to `rbx`,
/// executes `$instruction`, and reports RAX, RBX, CF, the instruction's address and the marker.
macro_rules! flags_call {
    ($name:ident, $instruction:expr) => {
        fn $name(rax: u64, rbx: u64, carry_in: bool) -> Observed {
            let mut rax = rax;
            let mut rbx = rbx;
            let cf: u8;
            let instruction_address: u64;
            let marker: u32;
            // SAFETY: RBX is swapped in and out with `xchg`, so the compiler's RBX is intact
            // afterwards; the handler changes only RAX, RBX and CF. `lea`, `xchg`, `setc` and `mov`
            // leave CF alone, `bt` sets it from bit 0 of `carry_in`.
            unsafe {
                asm!(
                    "lea {address}, [rip + 2f]",
                    "xchg {rbx}, rbx",
                    "bt {carry_in}, 0",
                    "2:",
                    $instruction,
                    "setc {cf}",
                    "xchg {rbx}, rbx",
                    "mov {marker:e}, {MARKER}",
                    address = out(reg) instruction_address,
                    rbx = inout(reg) rbx,
                    carry_in = in(reg) u64::from(carry_in),
                    cf = out(reg_byte) cf,
                    marker = out(reg) marker,
                    MARKER = const MARKER,
                    inout("rax") rax,
                    options(nostack),
                );
            }
            Observed {
                rax,
                rbx,
                cf: cf != 0,
                instruction_address,
                marker,
            }
        }
    };
}

flags_call!(seamcall_flags, seamcall_bytes!());
flags_call!(tdcall_flags, tdcall_bytes!());
flags_call!(tdcall_mnemonic_flags, "tdcall");

/// Executes SEAMCALL with `leaf` in RAX and returns RAX afterwards.
fn seamcall_rax(leaf: u64) -> u64 {
    let mut rax = leaf;
    // SAFETY: the handlers in these tests change at most RAX (inout) and the flags.
    unsafe { asm!(seamcall_bytes!(), inout("rax") rax, options(nostack)) };
    rax
}

/// Runs `instruction_all` (SEAMCALL or TDCALL with all registers) under a handler that records
/// what it saw and answers with other values, and checks both directions.
fn check_all_registers(expected: Instruction, instruction_all: fn(Regs) -> Regs) {
    let input = Regs::numbered(0x1111_0000_0000_0000);
    let answer = Regs::numbered(0xA000_0000_0000_0100);
    let mut seen = Vec::new();
    let mut handler = |instruction: Instruction, cpu: &mut CpuState| {
        seen.push((instruction, *cpu));
        answer.store(cpu);
    };
    let stack_marker = 0u8;
    let output = tdx_emu::with_handler(&mut handler, || instruction_all(input));

    assert_eq!(
        output, answer,
        "the handler's values come back in the asm outputs"
    );
    assert_eq!(seen.len(), 1, "exactly one trap");
    let (instruction, cpu) = seen[0];
    assert_eq!(instruction, expected);
    assert_eq!(
        Regs::of(&cpu),
        input,
        "the handler sees exactly the asm inputs"
    );
    assert!(!cpu.cf, "CF starts false");
    assert_ne!(cpu.rip, 0);
    // RSP is the stack pointer at the instruction, somewhere near this frame.
    let here = &stack_marker as *const u8 as u64;
    assert!(
        cpu.rsp.abs_diff(here) < 1 << 20,
        "rsp {:#x} vs frame {here:#x}",
        cpu.rsp
    );
}

#[test]
fn seamcall_passes_every_register_both_ways() {
    check_all_registers(Instruction::Seamcall, seamcall_all);
}

#[test]
fn tdcall_passes_every_register_both_ways() {
    check_all_registers(Instruction::Tdcall, tdcall_all);
}

/// Checks RBX in both directions, CF set and cleared by the handler, RIP as seen by the handler and
/// execution resuming after the instruction.
fn check_rbx_cf_and_rip(expected: Instruction, instruction_flags: fn(u64, u64, bool) -> Observed) {
    let mut seen = Vec::new();
    let mut handler = |instruction: Instruction, cpu: &mut CpuState| {
        seen.push((instruction, *cpu));
        // Leaf 1 reports failure through CF; every other leaf succeeds with CF clear.
        cpu.cf = cpu.rax == 1;
        cpu.rax += 0x5EC0_0000;
        cpu.rbx = !cpu.rbx;
    };
    let (failed, succeeded) = tdx_emu::with_handler(&mut handler, || {
        // CF clear before; the handler sets it.
        let failed = instruction_flags(1, 0x0B0B_0B0B_0B0B_0B0B, false);
        // CF set before; the handler clears it.
        let succeeded = instruction_flags(2, 0x1234_5678_9ABC_DEF0, true);
        (failed, succeeded)
    });

    assert_eq!(seen.len(), 2);
    for (instruction, _) in &seen {
        assert_eq!(*instruction, expected);
    }
    let (first, second) = (seen[0].1, seen[1].1);

    assert_eq!(first.rax, 1);
    assert_eq!(first.rbx, 0x0B0B_0B0B_0B0B_0B0B, "the handler sees RBX");
    assert_eq!(
        first.rip, failed.instruction_address,
        "RIP is the instruction's address"
    );
    assert!(!first.cf);
    assert_eq!(failed.rax, 0x5EC0_0001);
    assert_eq!(
        failed.rbx, !0x0B0B_0B0B_0B0B_0B0B,
        "RBX written by the handler comes back"
    );
    assert!(
        failed.cf,
        "CF set by the handler is visible after the instruction"
    );
    assert_eq!(
        failed.marker, MARKER,
        "execution resumed after the instruction"
    );

    assert_eq!(second.rax, 2);
    assert_eq!(second.rbx, 0x1234_5678_9ABC_DEF0);
    assert_eq!(second.rip, succeeded.instruction_address);
    assert!(!second.cf, "CF starts false whatever it was before");
    assert_eq!(succeeded.rax, 0x5EC0_0002);
    assert_eq!(succeeded.rbx, !0x1234_5678_9ABC_DEF0);
    assert!(!succeeded.cf, "CF cleared by the handler");
    assert_eq!(succeeded.marker, MARKER);
}

#[test]
fn seamcall_rbx_cf_and_rip() {
    check_rbx_cf_and_rip(Instruction::Seamcall, seamcall_flags);
}

#[test]
fn tdcall_rbx_cf_and_rip() {
    check_rbx_cf_and_rip(Instruction::Tdcall, tdcall_flags);
}

#[test]
fn the_assemblers_tdcall_mnemonic_is_trapped_too() {
    check_rbx_cf_and_rip(Instruction::Tdcall, tdcall_mnemonic_flags);
}

#[test]
fn each_thread_sees_only_its_own_handler() {
    const THREADS: u64 = 8;
    const ITERATIONS: u64 = 2000;
    let barrier = Barrier::new(THREADS as usize);
    thread::scope(|scope| {
        for id in 0..THREADS {
            let barrier = &barrier;
            scope.spawn(move || {
                let before = tdx_emu::thread_trap_count();
                let mut calls = 0u64;
                let mut handler = |instruction: Instruction, cpu: &mut CpuState| {
                    assert_eq!(instruction, Instruction::Seamcall);
                    calls += 1;
                    cpu.rax = (id << 32) | (cpu.rax + 1);
                };
                tdx_emu::with_handler(&mut handler, || {
                    barrier.wait();
                    for iteration in 0..ITERATIONS {
                        assert_eq!(seamcall_rax(iteration), (id << 32) | (iteration + 1));
                    }
                });
                assert_eq!(calls, ITERATIONS);
                assert_eq!(tdx_emu::thread_trap_count() - before, ITERATIONS);
            });
        }
    });
}

/// The global handler: echoes RCX + 1 in RAX, and counts its calls.
static GLOBAL_CALLS: AtomicU64 = AtomicU64::new(0);
fn global_module(instruction: Instruction, cpu: &mut CpuState) {
    assert_eq!(instruction, Instruction::Seamcall);
    GLOBAL_CALLS.fetch_add(1, Ordering::Relaxed);
    cpu.rax = 0x6106_A100_0000_0000 | (cpu.rcx + 1);
}

/// Serialises the tests that use the (process-wide) global handler.
static GLOBAL_LOCK: Mutex<()> = Mutex::new(());

#[test]
fn threads_without_a_handler_use_the_global_handler() {
    let _lock = GLOBAL_LOCK
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let previous = tdx_emu::set_global_handler(&global_module).expect("install");
    assert!(previous.is_none());
    assert!(tdx_emu::global_handler().is_some());
    let calls_before = GLOBAL_CALLS.load(Ordering::Relaxed);

    const THREADS: u64 = 4;
    const ITERATIONS: u64 = 500;
    thread::scope(|scope| {
        // Threads with no per-thread handler: answered by the global one, concurrently.
        for id in 0..THREADS {
            scope.spawn(move || {
                for iteration in 0..ITERATIONS {
                    let rcx = (id << 16) | iteration;
                    let mut rax = 0;
                    // SAFETY: the global handler changes only RAX (inout) and flags.
                    unsafe {
                        asm!(seamcall_bytes!(), inout("rax") rax, in("rcx") rcx, options(nostack))
                    };
                    assert_eq!(rax, 0x6106_A100_0000_0000 | (rcx + 1));
                }
                assert_eq!(tdx_emu::thread_trap_count(), ITERATIONS);
            });
        }
        // Meanwhile a thread with its own handler still gets its own answers.
        scope.spawn(|| {
            let mut own = |_: Instruction, cpu: &mut CpuState| cpu.rax = 0x0000_0A11;
            tdx_emu::with_handler(&mut own, || {
                for _ in 0..ITERATIONS {
                    assert_eq!(seamcall_rax(7), 0x0000_0A11);
                }
            });
        });
    });
    assert_eq!(
        GLOBAL_CALLS.load(Ordering::Relaxed) - calls_before,
        THREADS * ITERATIONS,
        "only the threads without a handler reached the global one"
    );

    assert!(tdx_emu::clear_global_handler().is_some());
    assert!(tdx_emu::global_handler().is_none());
    assert!(tdx_emu::clear_global_handler().is_none());
}

#[test]
fn with_handler_nests_restores_and_counts() {
    let process_before = tdx_emu::trap_count();
    let thread_before = tdx_emu::thread_trap_count();
    let mut outer_calls = 0;
    let mut inner_calls = 0;
    let mut outer = |_: Instruction, cpu: &mut CpuState| {
        outer_calls += 1;
        cpu.rax = u64::MAX;
    };
    tdx_emu::with_handler(&mut outer, || {
        assert_eq!(seamcall_rax(0), u64::MAX);
        let mut inner = |_: Instruction, cpu: &mut CpuState| {
            inner_calls += 1;
            cpu.rax = 2;
        };
        tdx_emu::with_handler(&mut inner, || {
            assert_eq!(seamcall_rax(0), 2);
            assert_eq!(seamcall_rax(0), 2);
        });
        assert_eq!(seamcall_rax(0), u64::MAX, "the outer handler is back");

        // Also after the inner closure panics.
        let mut panicking_scope = |_: Instruction, cpu: &mut CpuState| cpu.rax = 3;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            tdx_emu::with_handler(&mut panicking_scope, || {
                assert_eq!(seamcall_rax(0), 3);
                panic!("the closure (not the handler) panics");
            })
        }));
        assert!(result.is_err());
        assert_eq!(
            seamcall_rax(0),
            u64::MAX,
            "the outer handler is back after a panic"
        );
    });
    assert_eq!(outer_calls, 3);
    assert_eq!(inner_calls, 2);
    assert_eq!(tdx_emu::thread_trap_count() - thread_before, 6);
    // Other tests trap concurrently, so the process count grew by at least ours.
    assert!(tdx_emu::trap_count() - process_before >= 6);
}

// ---------------------------------------------------------------------------------------------
// Tests in a child process.

/// The environment variable that tells a child which crash to perform.
const CHILD_ENV: &str = "TDX_EMU_CHILD";

/// Whether this process is the child of `test`, asked to run it for real.
fn is_child(test: &str) -> bool {
    std::env::var(CHILD_ENV).is_ok_and(|value| value == test)
}

/// Re-runs the test `test` of this binary in a child process, in child mode.
fn run_child(test: &str) -> Output {
    let exe = std::env::current_exe().expect("current_exe");
    Command::new(exe)
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, test)
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("spawn the test binary")
}

fn describe(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Answers every TDX instruction with RAX = 0 (so children can check the trap works first).
fn answer_zero(_: Instruction, cpu: &mut CpuState) {
    cpu.rax = 0;
}

#[test]
fn a_real_segfault_still_kills_with_sigsegv() {
    const NAME: &str = "a_real_segfault_still_kills_with_sigsegv";
    if is_child(NAME) {
        tdx_emu::install().expect("install");
        assert_eq!(
            tdx_emu::with_handler(&mut answer_zero, || seamcall_rax(5)),
            0
        );
        // SAFETY: maps a fresh inaccessible page; no existing memory is affected.
        let page = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                4096,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        assert_ne!(page, libc::MAP_FAILED);
        eprintln!("child: writing to an inaccessible page");
        // SAFETY: not sound on purpose: the write faults, which must kill this child process.
        unsafe { std::ptr::write_volatile(page.cast::<u64>(), 1) };
        unreachable!("the write should have killed the process");
    }
    let output = run_child(NAME);
    assert_eq!(
        output.status.signal(),
        Some(libc::SIGSEGV),
        "{}",
        describe(&output)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("child: writing"));
}

#[test]
fn calling_a_null_function_pointer_still_kills_with_sigsegv() {
    const NAME: &str = "calling_a_null_function_pointer_still_kills_with_sigsegv";
    if is_child(NAME) {
        tdx_emu::install().expect("install");
        eprintln!("child: jumping to address 0");
        // SAFETY: not sound on purpose: fetching at address 0 faults (si_addr == RIP), which must
        // kill this child process.
        unsafe { asm!("xor eax, eax", "call rax", out("rax") _, clobber_abi("C")) };
        unreachable!("the call should have killed the process");
    }
    let output = run_child(NAME);
    assert_eq!(
        output.status.signal(),
        Some(libc::SIGSEGV),
        "{}",
        describe(&output)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("child: jumping"));
}

#[test]
fn ud2_still_kills_with_sigill() {
    const NAME: &str = "ud2_still_kills_with_sigill";
    if is_child(NAME) {
        tdx_emu::install().expect("install");
        assert_eq!(
            tdx_emu::with_handler(&mut answer_zero, || seamcall_rax(5)),
            0
        );
        eprintln!("child: executing ud2");
        // Even with a handler installed on this thread: UD2 is not a TDX instruction.
        tdx_emu::with_handler(&mut answer_zero, || {
            // SAFETY: not sound on purpose: UD2 raises SIGILL, which must kill this child process.
            unsafe { asm!("ud2") };
        });
        unreachable!("ud2 should have killed the process");
    }
    let output = run_child(NAME);
    assert_eq!(
        output.status.signal(),
        Some(libc::SIGILL),
        "{}",
        describe(&output)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("child: executing ud2"));
}

/// A SIGILL handler installed before the trap: exits with status 42.
extern "C" fn exit_42(_: libc::c_int, _: *mut libc::siginfo_t, _: *mut libc::c_void) {
    // SAFETY: _exit is async-signal-safe and ends the process.
    unsafe { libc::_exit(42) };
}

#[test]
fn other_sigills_go_to_the_previous_handler() {
    const NAME: &str = "other_sigills_go_to_the_previous_handler";
    if is_child(NAME) {
        // SAFETY: all-zeroes is a valid sigaction, which we fill in before use.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        let handler: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) = exit_42;
        action.sa_sigaction = handler as libc::sighandler_t;
        action.sa_flags = libc::SA_SIGINFO;
        // SAFETY: `action` is valid and `exit_42` has the SA_SIGINFO signature.
        let installed = unsafe { libc::sigaction(libc::SIGILL, &action, std::ptr::null_mut()) };
        assert_eq!(installed, 0);

        tdx_emu::install().expect("install");
        // TDX instructions are still answered by the trap...
        assert_eq!(
            tdx_emu::with_handler(&mut answer_zero, || seamcall_rax(5)),
            0
        );
        // ... and everything else reaches the handler that was there before.
        // SAFETY: not sound on purpose: UD2 raises SIGILL, whose previous handler exits.
        unsafe { asm!("ud2") };
        unreachable!("the previous SIGILL handler should have exited");
    }
    let output = run_child(NAME);
    assert_eq!(output.status.code(), Some(42), "{}", describe(&output));
}

#[test]
fn a_tdx_instruction_without_any_handler_dies_with_a_message() {
    const NAME: &str = "a_tdx_instruction_without_any_handler_dies_with_a_message";
    if is_child(NAME) {
        tdx_emu::install().expect("install");
        seamcall_rax(5);
        unreachable!("the unanswered SEAMCALL should have killed the process");
    }
    let output = run_child(NAME);
    // The host's own signal for SEAMCALL: SIGILL for #UD, SIGSEGV for #GP.
    let signal = output.status.signal();
    assert!(
        signal == Some(libc::SIGILL) || signal == Some(libc::SIGSEGV),
        "{}",
        describe(&output)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("tdx-emu: SEAMCALL at 0x") && stderr.contains("no handler"),
        "{}",
        describe(&output)
    );
}

#[test]
fn a_panicking_handler_aborts_with_a_message() {
    const NAME: &str = "a_panicking_handler_aborts_with_a_message";
    if is_child(NAME) {
        let mut handler = |_: Instruction, _: &mut CpuState| panic!("handler exploded");
        tdx_emu::with_handler(&mut handler, || seamcall_rax(5));
        unreachable!("the panic should have aborted the process");
    }
    let output = run_child(NAME);
    assert_eq!(
        output.status.signal(),
        Some(libc::SIGABRT),
        "{}",
        describe(&output)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("handler exploded"), "{}", describe(&output));
    assert!(
        stderr.contains("tdx-emu: the handler answering SEAMCALL at 0x")
            && stderr.contains("panicked"),
        "{}",
        describe(&output)
    );
}

#[test]
fn a_nested_tdx_instruction_kills_the_process() {
    const NAME: &str = "a_nested_tdx_instruction_kills_the_process";
    if is_child(NAME) {
        let mut handler = |_: Instruction, cpu: &mut CpuState| cpu.rax = seamcall_rax(cpu.rax);
        tdx_emu::with_handler(&mut handler, || seamcall_rax(5));
        unreachable!("the nested SEAMCALL should have killed the process");
    }
    let output = run_child(NAME);
    assert_eq!(
        output.status.signal(),
        Some(libc::SIGABRT),
        "{}",
        describe(&output)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("tdx-emu: SEAMCALL at 0x")
            && stderr.contains("nested TDX instructions are not supported"),
        "{}",
        describe(&output)
    );
}
