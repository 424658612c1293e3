//! Tests in a child process: the ones that must crash it. Each re-runs its own test of this binary
//! with `TDX_EMU_CHILD` set to its name, and checks how the child died.

use std::arch::asm;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Output};

use tdx_emu::{CpuState, Instruction};

use crate::seamcall_rax;

/// The environment variable that tells a child which crash to perform.
const CHILD_ENV: &str = "TDX_EMU_CHILD";

/// Whether this process is the child of `test`, asked to run it for real.
fn is_child(test: &str) -> bool {
    std::env::var(CHILD_ENV).is_ok_and(|value| value == test)
}

/// The test harness's name of this module's test `test`: its path without the crate's name
/// (`crash::ud2_still_kills_with_sigill`), which `--exact` must be given.
fn harness_name(test: &str) -> String {
    match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::{test}"),
        None => test.to_string(),
    }
}

/// Re-runs the test `test` of this module in a child process, in child mode.
fn run_child(test: &str) -> Output {
    let exe = std::env::current_exe().expect("current_exe");
    Command::new(exe)
        .args([
            "--exact",
            &harness_name(test),
            "--nocapture",
            "--test-threads=1",
        ])
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
