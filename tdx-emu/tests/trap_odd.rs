//! The trap in odd situations (issue 11): the main thread has exited, the instruction sits in an
//! execute-only page, a signal with an ignored or default disposition is sent, and a TDX
//! instruction runs with no handler at all.
//!
//! Every test runs its scenario in a child process (this test binary re-executed with
//! `TDX_EMU_CHILD` set), so that a crash or a deadlock cannot take the test runner down, and waits
//! for it with a timeout, so that a deadlock fails the test instead of hanging it.

use std::arch::asm;
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tdx_emu::{CpuState, Instruction};

/// The environment variable that tells a child which scenario to run.
const CHILD_ENV: &str = "TDX_EMU_CHILD";

/// How long a child may take before the test calls it a deadlock.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Printed by a child whose scenario went as expected, right before it exits with status 0.
const PASSED: &str = "child: scenario passed";

/// Whether this process is the child asked to run `scenario`.
fn is_child(scenario: &str) -> bool {
    std::env::var(CHILD_ENV).is_ok_and(|value| value == scenario)
}

/// How a child ended, and what it printed.
struct Child {
    status: ExitStatus,
    stderr: String,
}

impl Child {
    fn describe(&self) -> String {
        format!("status {:?}\n--- stderr\n{}", self.status, self.stderr)
    }

    /// Asserts that the child printed [`PASSED`] and exited with status 0.
    fn assert_passed(&self) {
        assert!(
            self.status.code() == Some(0) && self.stderr.contains(PASSED),
            "{}",
            self.describe()
        );
    }

    /// Asserts that the child was killed by `signal`.
    fn assert_killed_by(&self, signal: libc::c_int) {
        assert_eq!(self.status.signal(), Some(signal), "{}", self.describe());
    }
}

/// Re-runs test `test` of this binary in a child process with `CHILD_ENV = scenario`, and waits
/// for it at most [`TIMEOUT`] (then kills it and fails).
fn run_child(test: &str, scenario: &str) -> Child {
    let exe = std::env::current_exe().expect("current_exe");
    let mut child = Command::new(exe)
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, scenario)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the test binary");
    let mut pipe = child.stderr.take().expect("stderr is piped");
    let reader = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    });
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = reader.join().unwrap_or_default();
            panic!("child {scenario:?} still running after {TIMEOUT:?} (deadlock?)\n{stderr}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    let stderr = reader.join().expect("stderr reader");
    Child { status, stderr }
}

/// Executes SEAMCALL with `leaf` in RAX and returns RAX afterwards.
fn seamcall_rax(leaf: u64) -> u64 {
    let mut rax = leaf;
    // SAFETY: the handlers in these tests change at most RAX (inout) and the flags. Without a
    // handler, the (child) process dies.
    unsafe { asm!(".byte 0x66, 0x0f, 0x01, 0xcf", inout("rax") rax, options(nostack)) };
    rax
}

/// Executes TDCALL with `leaf` in RAX and returns RAX afterwards.
fn tdcall_rax(leaf: u64) -> u64 {
    let mut rax = leaf;
    // SAFETY: as for `seamcall_rax`.
    unsafe { asm!(".byte 0x66, 0x0f, 0x01, 0xcc", inout("rax") rax, options(nostack)) };
    rax
}

/// Answers every TDX instruction with RAX = leaf + 1.
fn plus_one(_: Instruction, cpu: &mut CpuState) {
    cpu.rax += 1;
}

/// SEAMCALL under a `plus_one` handler works (exits the child with a message otherwise).
fn check_the_trap_answers(when: &str) {
    let rax = tdx_emu::with_handler(&mut plus_one, || seamcall_rax(41));
    if rax != 42 {
        eprintln!("child: {when}: SEAMCALL answered RAX = {rax:#x}, expected 42");
        // SAFETY: _exit ends the process; nothing is left half-done.
        unsafe { libc::_exit(1) };
    }
}

/// Reports success and ends the child (also when the main thread is gone).
fn pass() -> ! {
    eprintln!("{PASSED}");
    // SAFETY: _exit ends the process.
    unsafe { libc::_exit(0) }
}

/// Fails the child with `message`.
fn fail(message: &str) -> ! {
    eprintln!("child: {message}");
    // SAFETY: _exit ends the process.
    unsafe { libc::_exit(1) }
}

/// Sets `signal`'s disposition to `handler` (`SIG_IGN` or `SIG_DFL`).
fn set_disposition(signal: libc::c_int, handler: libc::sighandler_t) {
    // SAFETY: all-zeroes is a valid sigaction (empty mask, no flags), filled in before use.
    let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
    action.sa_sigaction = handler;
    // SAFETY: `action` is valid; SIG_IGN and SIG_DFL need no handler function.
    let result = unsafe { libc::sigaction(signal, &action, std::ptr::null_mut()) };
    assert_eq!(result, 0);
}

/// `signal`'s current handler.
fn disposition(signal: libc::c_int) -> libc::sighandler_t {
    // SAFETY: all-zeroes is a valid sigaction for the kernel to overwrite.
    let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only queries.
    let result = unsafe { libc::sigaction(signal, std::ptr::null(), &mut action) };
    assert_eq!(result, 0);
    action.sa_sigaction
}

// ---------------------------------------------------------------------------------------------
// 1. The main thread has exited.

/// The scenario of `the_trap_works_after_the_main_thread_exits`. It must run before `main`, on the
/// main thread itself (libtest runs tests on other threads), so it is a constructor: in the child,
/// it starts a worker thread and ends the main thread with a raw `exit(2)` (no unwinding, no
/// `atexit`), leaving a process whose thread group leader is a zombie.
extern "C" fn main_thread_exits_scenario() {
    if !is_child(MAIN_THREAD_EXITS) {
        return;
    }
    thread::spawn(|| {
        // Wait until the main thread is gone: then process_vm_readv(getpid()) fails with ESRCH.
        let deadline = Instant::now() + Duration::from_secs(10);
        let probe = [0u8; 4];
        loop {
            let mut copy = [0u8; 4];
            let local = libc::iovec {
                iov_base: copy.as_mut_ptr().cast(),
                iov_len: 4,
            };
            let remote = libc::iovec {
                iov_base: probe.as_ptr().cast_mut().cast(),
                iov_len: 4,
            };
            // SAFETY: the kernel writes only to `copy` and checks `remote` itself.
            let read = unsafe { libc::process_vm_readv(libc::getpid(), &local, 1, &remote, 1, 0) };
            if read < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH) {
                break;
            }
            if Instant::now() >= deadline {
                fail("process_vm_readv(getpid()) still works: the main thread did not exit");
            }
            thread::sleep(Duration::from_millis(5));
        }
        check_the_trap_answers("after the main thread exited");
        let rax = tdx_emu::with_handler(&mut plus_one, || tdcall_rax(7));
        if rax != 8 {
            fail("TDCALL after the main thread exited was not answered");
        }
        pass();
    });
    // SAFETY: SYS_exit ends only the calling (main) thread, without unwinding; the worker ends
    // the process with _exit.
    unsafe { libc::syscall(libc::SYS_exit, 0) };
}

const MAIN_THREAD_EXITS: &str = "main_thread_exits";

#[used]
#[unsafe(link_section = ".init_array")]
static MAIN_THREAD_EXITS_CONSTRUCTOR: extern "C" fn() = main_thread_exits_scenario;

#[test]
fn the_trap_works_after_the_main_thread_exits() {
    run_child(
        "the_trap_works_after_the_main_thread_exits",
        MAIN_THREAD_EXITS,
    )
    .assert_passed();
}

// ---------------------------------------------------------------------------------------------
// 2. The instruction is in an execute-only mapping.

/// `SEAMCALL; RET`: a function that executes SEAMCALL with RAX as its in-out register.
const SEAMCALL_RET: [u8; 5] = [0x66, 0x0F, 0x01, 0xCF, 0xC3];

/// Maps a fresh page, copies `code` to its start and makes it execute-only (`PROT_EXEC`).
fn execute_only_page(code: &[u8]) -> *mut libc::c_void {
    // SAFETY: maps a fresh private page; no existing memory is affected.
    let page = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            4096,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    assert_ne!(page, libc::MAP_FAILED);
    // SAFETY: the page is 4096 writable bytes, `code` is shorter and does not overlap it.
    unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), page.cast(), code.len()) };
    // SAFETY: changes only the protection of the page just mapped.
    assert_eq!(unsafe { libc::mprotect(page, 4096, libc::PROT_EXEC) }, 0);

    // The situation of the issue: the kernel refuses to copy from the page (EFAULT).
    let mut copy = [0u8; 4];
    let local = libc::iovec {
        iov_base: copy.as_mut_ptr().cast(),
        iov_len: 4,
    };
    let remote = libc::iovec {
        iov_base: page,
        iov_len: 4,
    };
    // SAFETY: the kernel writes only to `copy` and checks `remote` itself.
    let read = unsafe { libc::process_vm_readv(libc::getpid(), &local, 1, &remote, 1, 0) };
    assert_eq!(read, -1);
    assert_eq!(
        std::io::Error::last_os_error().raw_os_error(),
        Some(libc::EFAULT)
    );
    page
}

/// Calls the `SEAMCALL; RET` at `code` with `rax`, returns RAX afterwards.
fn call_seamcall_at(code: *mut libc::c_void, rax: u64) -> u64 {
    let mut rax = rax;
    // SAFETY: `code` holds SEAMCALL; RET, which (trapped into a handler that changes only RAX)
    // returns with RAX changed; everything else is covered by the C ABI clobbers.
    unsafe { asm!("call {code}", code = in(reg) code, inout("rax") rax, clobber_abi("C")) };
    rax
}

const EXECUTE_ONLY: &str = "execute_only";

#[test]
fn a_tdx_instruction_in_an_execute_only_page_is_answered() {
    const NAME: &str = "a_tdx_instruction_in_an_execute_only_page_is_answered";
    if is_child(EXECUTE_ONLY) {
        let page = execute_only_page(&SEAMCALL_RET);
        let rax = tdx_emu::with_handler(&mut plus_one, || call_seamcall_at(page, 99));
        if rax != 100 {
            fail(&format!("RAX = {rax:#x} after SEAMCALL, expected 100"));
        }
        pass();
    }
    run_child(NAME, EXECUTE_ONLY).assert_passed();
}

const EXECUTE_ONLY_NO_PROC: &str = "execute_only_no_proc";

/// Makes every later `openat(2)` of this thread fail with `EACCES` (a seccomp filter).
fn forbid_openat() {
    const fn statement(code: u32, k: u32) -> libc::sock_filter {
        libc::sock_filter {
            code: code as u16,
            jt: 0,
            jf: 0,
            k,
        }
    }
    const fn jump_if_equal(k: u32, jt: u8, jf: u8) -> libc::sock_filter {
        libc::sock_filter {
            code: (libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K) as u16,
            jt,
            jf,
            k,
        }
    }
    // <linux/audit.h>: EM_X86_64 | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE.
    const AUDIT_ARCH_X86_64: u32 = 0xC000_003E;
    // struct seccomp_data: int nr at offset 0, u32 arch at offset 4.
    let load = libc::BPF_LD | libc::BPF_W | libc::BPF_ABS;
    let filter = [
        statement(load, 4),
        jump_if_equal(AUDIT_ARCH_X86_64, 0, 3),
        statement(load, 0),
        jump_if_equal(libc::SYS_openat as u32, 0, 1),
        statement(
            libc::BPF_RET | libc::BPF_K,
            libc::SECCOMP_RET_ERRNO | libc::EACCES as u32,
        ),
        statement(libc::BPF_RET | libc::BPF_K, libc::SECCOMP_RET_ALLOW),
    ];
    let program = libc::sock_fprog {
        len: filter.len() as u16,
        filter: filter.as_ptr().cast_mut(),
    };
    // SAFETY: PR_SET_NO_NEW_PRIVS takes plain integers.
    let result = unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) };
    assert_eq!(result, 0);
    // SAFETY: `program` points to `filter`, a valid BPF program that outlives the call.
    let installed = unsafe {
        libc::prctl(
            libc::PR_SET_SECCOMP,
            libc::SECCOMP_MODE_FILTER,
            &program as *const libc::sock_fprog,
        )
    };
    assert_eq!(installed, 0, "{}", std::io::Error::last_os_error());
}

#[test]
fn an_unreadable_execute_only_page_fails_with_a_message() {
    const NAME: &str = "an_unreadable_execute_only_page_fails_with_a_message";
    if is_child(EXECUTE_ONLY_NO_PROC) {
        let page = execute_only_page(&SEAMCALL_RET);
        tdx_emu::install().expect("install");
        forbid_openat();
        eprintln!("child: executing SEAMCALL in an execute-only page, without /proc");
        tdx_emu::with_handler(&mut plus_one, || call_seamcall_at(page, 99));
        fail("the unreadable SEAMCALL should have killed the process");
    }
    let child = run_child(NAME, EXECUTE_ONLY_NO_PROC);
    // The host's own signal for SEAMCALL: SIGILL for #UD, SIGSEGV for #GP.
    let signal = child.status.signal();
    assert!(
        signal == Some(libc::SIGILL) || signal == Some(libc::SIGSEGV),
        "{}",
        child.describe()
    );
    let line = child
        .stderr
        .lines()
        .find(|line| line.starts_with("tdx-emu: "))
        .unwrap_or_else(|| panic!("no tdx-emu message\n{}", child.describe()));
    for needle in [
        "cannot read the instruction at 0x",
        "EFAULT",
        "execute-only",
    ] {
        assert!(line.contains(needle), "{needle:?} missing from {line:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Signals passed on to an ignored or default disposition.

/// Whether `signal` is still handled by the trap (not reset to `SIG_DFL` or `SIG_IGN`).
fn trap_is_installed(signal: libc::c_int) -> bool {
    let handler = disposition(signal);
    handler != libc::SIG_DFL && handler != libc::SIG_IGN
}

const IGNORED_KILL: &str = "ignored_kill";

#[test]
fn a_sent_signal_that_was_ignored_leaves_the_trap_installed() {
    const NAME: &str = "a_sent_signal_that_was_ignored_leaves_the_trap_installed";
    if is_child(IGNORED_KILL) {
        set_disposition(libc::SIGILL, libc::SIG_IGN);
        set_disposition(libc::SIGSEGV, libc::SIG_IGN);
        tdx_emu::install().expect("install");
        check_the_trap_answers("before any signal");
        for signal in [libc::SIGILL, libc::SIGSEGV] {
            // tgkill to this thread: delivered (and ignored) before raise returns.
            // SAFETY: raise has no memory-safety preconditions.
            assert_eq!(unsafe { libc::raise(signal) }, 0);
            if !trap_is_installed(signal) {
                fail(&format!("raise({signal}) uninstalled the trap"));
            }
            check_the_trap_answers("after raise");
            // kill to the process: delivered to some thread, soon.
            // SAFETY: kill has no memory-safety preconditions.
            assert_eq!(unsafe { libc::kill(libc::getpid(), signal) }, 0);
            thread::sleep(Duration::from_millis(100));
            if !trap_is_installed(signal) {
                fail(&format!("kill({signal}) uninstalled the trap"));
            }
            check_the_trap_answers("after kill");
        }
        pass();
    }
    run_child(NAME, IGNORED_KILL).assert_passed();
}

const DEFAULT_KILL: &str = "default_kill";

#[test]
fn a_sent_signal_with_the_default_disposition_still_kills() {
    const NAME: &str = "a_sent_signal_with_the_default_disposition_still_kills";
    if is_child(DEFAULT_KILL) {
        set_disposition(libc::SIGILL, libc::SIG_DFL);
        tdx_emu::install().expect("install");
        check_the_trap_answers("before the signal");
        eprintln!("child: raising SIGILL");
        // SAFETY: raise has no memory-safety preconditions; SIGILL must kill this child.
        unsafe { libc::raise(libc::SIGILL) };
        fail("SIGILL with SIG_DFL should have killed the process");
    }
    let child = run_child(NAME, DEFAULT_KILL);
    child.assert_killed_by(libc::SIGILL);
    assert!(child.stderr.contains("child: raising SIGILL"));
}

const IGNORED_FAULT: &str = "ignored_fault";

#[test]
fn a_real_fault_whose_signal_was_ignored_still_kills() {
    const NAME: &str = "a_real_fault_whose_signal_was_ignored_still_kills";
    if is_child(IGNORED_FAULT) {
        set_disposition(libc::SIGILL, libc::SIG_IGN);
        tdx_emu::install().expect("install");
        check_the_trap_answers("before ud2");
        eprintln!("child: executing ud2");
        // SAFETY: not sound on purpose: UD2 raises SIGILL, which kills the process even though
        // SIGILL was ignored (as the kernel does for an ignored synchronous fault).
        unsafe { asm!("ud2") };
        fail("ud2 should have killed the process");
    }
    let child = run_child(NAME, IGNORED_FAULT);
    child.assert_killed_by(libc::SIGILL);
    assert!(child.stderr.contains("child: executing ud2"));
}

// ---------------------------------------------------------------------------------------------
// 5. A TDX instruction with no handler.

/// Checks the one line a child printed about an unanswered `mnemonic`.
fn check_no_handler_message(child: &Child, mnemonic: &str) {
    let signal = child.status.signal();
    assert!(
        signal == Some(libc::SIGILL) || signal == Some(libc::SIGSEGV),
        "{}",
        child.describe()
    );
    let lines: Vec<&str> = child
        .stderr
        .lines()
        .filter(|line| line.starts_with("tdx-emu: "))
        .collect();
    assert_eq!(lines.len(), 1, "{}", child.describe());
    let line = lines[0];
    for needle in [
        &format!("tdx-emu: {mnemonic} at 0x") as &str,
        "no handler",
        "TdxModule",
        "run",
        "install_global",
        "with_handler",
    ] {
        assert!(line.contains(needle), "{needle:?} missing from {line:?}");
    }
}

const NO_HANDLER: &str = "no_handler";

#[test]
fn a_seamcall_with_no_handler_names_the_instruction_and_the_fix() {
    const NAME: &str = "a_seamcall_with_no_handler_names_the_instruction_and_the_fix";
    if is_child(NO_HANDLER) {
        check_the_trap_answers("with a handler");
        seamcall_rax(5);
        fail("the unanswered SEAMCALL should have killed the process");
    }
    check_no_handler_message(&run_child(NAME, NO_HANDLER), "SEAMCALL");
}

const NO_HANDLER_ON_THIS_THREAD: &str = "no_handler_on_this_thread";

#[test]
fn a_tdcall_on_a_thread_without_a_handler_names_the_instruction_and_the_fix() {
    const NAME: &str = "a_tdcall_on_a_thread_without_a_handler_names_the_instruction_and_the_fix";
    if is_child(NO_HANDLER_ON_THIS_THREAD) {
        // This thread has a handler; the other one does not.
        tdx_emu::with_handler(&mut plus_one, || {
            assert_eq!(tdcall_rax(1), 2);
            thread::spawn(|| tdcall_rax(5)).join().ok();
        });
        fail("the unanswered TDCALL should have killed the process");
    }
    check_no_handler_message(&run_child(NAME, NO_HANDLER_ON_THIS_THREAD), "TDCALL");
}
