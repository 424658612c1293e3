//! The signal handler itself: deciding whether a signal is a trap, reading the instruction,
//! answering it, and passing everything else on. Everything here runs in signal context; until a
//! signal is known to be a trap, only async-signal-safe calls are made (see the
//! [parent module](super)).

use std::ffi::c_void;
use std::fmt::{self, Write as _};
use std::mem;
use std::panic::{self, AssertUnwindSafe};
use std::ptr;
use std::sync::atomic::Ordering;

use libc::{c_int, siginfo_t, ucontext_t};

use super::{
    CpuState, GREG_RIP, IN_HANDLER, Instruction, PREVIOUS_SIGILL, PREVIOUS_SIGSEGV, THREAD_HANDLER,
    THREAD_TRAPS, TRAPS, global_handler, install_action,
};

/// The `SA_SIGINFO` handler for `SIGILL` and `SIGSEGV`.
pub(super) extern "C" fn on_signal(signal: c_int, info: *mut siginfo_t, context: *mut c_void) {
    // The interrupted code may be between a failing call and its read of errno; keep it intact.
    // SAFETY: `__errno_location` returns this thread's errno, valid for the thread's lifetime.
    let saved_errno = unsafe { *libc::__errno_location() };

    // SAFETY: installed with SA_SIGINFO, so the kernel passes a valid `siginfo_t` and `ucontext_t`
    // describing this very delivery, both exclusively ours until we return.
    let answered = unsafe { trap(signal, &*info, &mut *context.cast::<ucontext_t>()) };
    if !answered {
        // SAFETY: the kernel's arguments, passed on unchanged.
        unsafe { pass_on(signal, info, context) };
    }

    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved_errno };
}

/// Answers the signal if it is a TDX instruction with a handler; returns whether it did.
pub(super) fn trap(signal: c_int, info: &siginfo_t, context: &mut ucontext_t) -> bool {
    // A signal sent with kill/tgkill/sigqueue has si_code <= 0 (SI_USER, SI_TKILL, SI_QUEUE, ...).
    // Whatever RIP points at, the thread did not fault on it.
    if info.si_code <= 0 {
        return false;
    }
    let gregs = &mut context.uc_mcontext.gregs;
    let rip = gregs[GREG_RIP] as u64;

    // A fault on fetching the instruction (jumping to unmapped memory, a null function pointer):
    // the bytes at RIP are unreadable, and in any case not an instruction that ran.
    if signal == libc::SIGSEGV {
        // SAFETY: `si_addr` is defined for SIGSEGV.
        let fault_address = unsafe { info.si_addr() } as u64;
        if fault_address.wrapping_sub(rip) < Instruction::LEN as u64 {
            return false;
        }
    }

    let code = match read_code(rip) {
        Ok(code) => code,
        Err(why) => {
            report_unreadable(rip, why);
            return false;
        }
    };
    let Some(instruction) = Instruction::decode(code) else {
        return false;
    };

    if IN_HANDLER.get() {
        let mut message = Message::new();
        let _ = writeln!(
            message,
            "tdx-emu: {instruction} at {rip:#x} executed inside a trap handler; nested TDX \
             instructions are not supported, aborting"
        );
        die(message.as_bytes());
    }

    let thread_handler = THREAD_HANDLER.get();
    let global_handler = global_handler();
    if thread_handler.is_none() && global_handler.is_none() {
        // One line, then the signal goes on to its previous disposition (normally: the process
        // dies of it).
        let mut message = Message::new();
        let _ = writeln!(
            message,
            "tdx-emu: {instruction} at {rip:#x} trapped with no handler on this thread and no \
             global handler: answer it with a tdx_emu::TdxModule (module.run(|| ..) on this \
             thread, or module.install_global() for every thread) or with your own handler \
             (tdx_emu::with_handler, tdx_emu::set_global_handler); passing the signal on (the \
             process normally dies of it)"
        );
        write_stderr(message.as_bytes());
        return false;
    }

    // From here on we are answering a TDX instruction, i.e. a synchronous trap at a known-safe point
    // in an `asm!` block, so the handler may run ordinary (non-async-signal-safe) code.
    let mut cpu = CpuState::from_gregs(gregs);
    IN_HANDLER.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(|| match thread_handler {
        Some(mut handler) => {
            // SAFETY: `with_handler` keeps the pointee alive and otherwise unused while the pointer
            // is installed, and IN_HANDLER rules out a second, aliasing call from a nested trap.
            unsafe { handler.as_mut() }.handle(instruction, &mut cpu)
        }
        None => {
            if let Some(handler) = global_handler {
                handler.handle(instruction, &mut cpu);
            }
        }
    }));
    IN_HANDLER.set(false);
    if result.is_err() {
        // Unwinding out of a signal handler is undefined behaviour; the panic hook has already
        // printed the panic message.
        let mut message = Message::new();
        let _ = writeln!(
            message,
            "tdx-emu: the handler answering {instruction} at {rip:#x} panicked; a panic cannot \
             unwind through the signal frame, aborting"
        );
        die(message.as_bytes());
    }

    cpu.write_to_gregs(gregs);
    gregs[GREG_RIP] = rip.wrapping_add(Instruction::LEN as u64) as libc::greg_t;
    TRAPS.fetch_add(1, Ordering::Relaxed);
    THREAD_TRAPS.set(THREAD_TRAPS.get() + 1);
    true
}

/// Why the instruction bytes at RIP could not be read: the errno of each method tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unreadable {
    /// `process_vm_readv` on this thread.
    vm_readv: c_int,
    /// `pread` of `/proc/thread-self/mem`, if it was tried (0: a short read).
    proc_mem: Option<c_int>,
}

/// The instruction bytes at `rip`.
///
/// Reading `rip` directly could fault (a second fault, inside the signal handler, that would take
/// the process down instead of passing the first signal on), so this asks the kernel to copy them:
///
/// 1. `process_vm_readv` on this *thread* (its tid, not `getpid()`: the pid names the thread group
///    leader, and once the main thread has exited that task has no memory map and the call fails
///    with `ESRCH`). It reports `EFAULT` instead of faulting.
/// 2. On `EFAULT`, `pread` of `/proc/thread-self/mem` at `rip`. `process_vm_readv` honours the
///    mapping's protection, so it cannot read an execute-only page (`PROT_EXEC` without
///    `PROT_READ`, e.g. JIT code); the `mem` file reads a process's own memory like a debugger does
///    (`FOLL_FORCE`), whatever the protection. It is opened per use (only on this slow path): a
///    descriptor kept open would survive `fork` and read the *parent's* memory, or be closed or
///    replaced by the program.
/// 3. If `process_vm_readv` is unavailable (`ENOSYS`, or `EPERM` from a seccomp filter), the bytes
///    are read directly, which is safe because the CPU has just fetched them (the caller ruled out
///    a fetch fault), as long as they do not cross into another page, whose mapping the CPU may not
///    have needed.
pub(super) fn read_code(rip: u64) -> Result<[u8; Instruction::LEN], Unreadable> {
    let mut bytes = [0u8; Instruction::LEN];
    let local = libc::iovec {
        iov_base: bytes.as_mut_ptr().cast(),
        iov_len: bytes.len(),
    };
    let remote = libc::iovec {
        iov_base: rip as *mut c_void,
        iov_len: bytes.len(),
    };
    // SAFETY: gettid(2) has no preconditions and cannot fail.
    let tid = unsafe { libc::syscall(libc::SYS_gettid) } as libc::pid_t;
    // SAFETY: the kernel only writes to `local`, our 4-byte buffer, and checks `remote` itself.
    let read = unsafe { libc::process_vm_readv(tid, &local, 1, &remote, 1, 0) };
    if read == bytes.len() as isize {
        return Ok(bytes);
    }
    let vm_readv = if read < 0 { last_errno() } else { 0 };
    match vm_readv {
        libc::EFAULT => {
            let proc_mem = read_proc_mem(rip, &mut bytes);
            match proc_mem {
                Ok(()) => Ok(bytes),
                Err(errno) => Err(Unreadable {
                    vm_readv,
                    proc_mem: Some(errno),
                }),
            }
        }
        libc::ENOSYS | libc::EPERM if rip % 4096 <= 4096 - Instruction::LEN as u64 => {
            // x86-64 pages are at least 4 KiB, so a 4 KiB-aligned window never spans two pages.
            // SAFETY: the CPU fetched the instruction at `rip` without faulting, so its page is
            // mapped and executable (hence readable on x86-64 without protection keys; with them,
            // an execute-only page would have given EFAULT above, not EPERM), and these 4 bytes
            // lie in that page.
            Ok(unsafe { ptr::read_unaligned(rip as *const [u8; Instruction::LEN]) })
        }
        _ => Err(Unreadable {
            vm_readv,
            proc_mem: None,
        }),
    }
}

/// Reads `bytes.len()` bytes at `address` from `/proc/thread-self/mem` (async-signal-safe: open,
/// pread, close). The error is the failing call's errno (0 for a short read).
fn read_proc_mem(address: u64, bytes: &mut [u8]) -> Result<(), c_int> {
    // Offsets are signed: an address above i64::MAX (not a user address anyway) cannot be read.
    let Ok(offset) = libc::off_t::try_from(address) else {
        return Err(libc::EINVAL);
    };
    // SAFETY: a NUL-terminated path; open(2) is async-signal-safe.
    let fd = unsafe {
        libc::open(
            c"/proc/thread-self/mem".as_ptr(),
            libc::O_RDONLY | libc::O_CLOEXEC,
        )
    };
    if fd < 0 {
        return Err(last_errno());
    }
    // SAFETY: `bytes` is a valid, writable buffer of `bytes.len()` bytes; pread(2) is
    // async-signal-safe.
    let read = unsafe { libc::pread(fd, bytes.as_mut_ptr().cast(), bytes.len(), offset) };
    let errno = last_errno();
    // SAFETY: `fd` was opened above and is not used afterwards.
    unsafe { libc::close(fd) };
    match read {
        n if n == bytes.len() as isize => Ok(()),
        n if n < 0 => Err(errno),
        _ => Err(0),
    }
}

/// Prints why the bytes at `rip` could not be read, so that the death that follows (or whatever
/// the previous handler does) is not a mystery.
fn report_unreadable(rip: u64, why: Unreadable) {
    let mut message = Message::new();
    let _ = write!(
        message,
        "tdx-emu: cannot read the instruction at {rip:#x} to tell whether it is SEAMCALL/TDCALL \
         (process_vm_readv: {}",
        Errno(why.vm_readv)
    );
    if let Some(errno) = why.proc_mem {
        let _ = write!(message, ", /proc/thread-self/mem: {}", Errno(errno));
    }
    let _ = write!(message, ")");
    if why.proc_mem == Some(libc::EIO) {
        let _ = write!(message, "; nothing is mapped there");
    } else if why.vm_readv == libc::EFAULT {
        let _ = write!(
            message,
            "; code in an execute-only page (PROT_EXEC without PROT_READ) can only be read through \
             /proc/thread-self/mem: map it readable or allow that file"
        );
    }
    let _ = writeln!(message, "; passing the signal on");
    write_stderr(message.as_bytes());
}

/// An errno, printed by name for the ones [`read_code`] can meet.
struct Errno(c_int);

impl fmt::Display for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.0 {
            0 => "short read",
            libc::EFAULT => "EFAULT",
            libc::ESRCH => "ESRCH",
            libc::EPERM => "EPERM",
            libc::EACCES => "EACCES",
            libc::ENOENT => "ENOENT",
            libc::ENOSYS => "ENOSYS",
            libc::EIO => "EIO",
            libc::EINVAL => "EINVAL",
            libc::EMFILE => "EMFILE",
            libc::ENFILE => "ENFILE",
            other => return write!(f, "errno {other}"),
        };
        f.write_str(name)
    }
}

/// Hands a signal that is not ours to the disposition it had before [`install`](super::install).
///
/// # Safety
///
/// The arguments must be the ones the kernel passed to [`on_signal`].
unsafe fn pass_on(signal: c_int, info: *mut siginfo_t, context: *mut c_void) {
    let previous = match signal {
        libc::SIGILL => PREVIOUS_SIGILL.get(),
        _ => PREVIOUS_SIGSEGV.get(),
    };
    let Some(previous) = previous else {
        // Cannot happen: `install` saves the old disposition before installing us.
        die(b"tdx-emu: signal received before its previous disposition was saved, aborting\n");
    };

    let handler = previous.sa_sigaction;
    if handler == libc::SIG_DFL || handler == libc::SIG_IGN {
        // SAFETY: the caller passes the kernel's valid `siginfo_t`.
        let sent = unsafe { (*info).si_code } <= 0;
        if sent {
            // Someone sent the signal (kill, tgkill, sigqueue): nothing faulted.
            if handler == libc::SIG_IGN {
                // Ignored, as it would have been without the trap. The disposition stays ours, so
                // later TDX instructions still trap.
                return;
            }
            // SIG_DFL: the default action (core dump and termination). Re-raise it with the
            // default disposition; SA_NODEFER leaves it unblocked, so it is delivered, and kills,
            // before raise returns.
            set_default_action(signal);
            // SAFETY: raise(3) is async-signal-safe and has no memory-safety preconditions.
            unsafe { libc::raise(signal) };
            // Still alive (the signal was blocked after all): take the signal back.
            let _ = install_action(signal);
            return;
        }
        // A fault. Go back to the default action and return: the faulting instruction runs again,
        // and the kernel now kills the process with the real signal (and the real siginfo, core
        // dump and exit status). "Ignoring" a fault instead would re-execute it forever; for an
        // ignored one the kernel itself resets SIG_DFL and kills, which is what this does too. The
        // trap stays uninstalled only if the instruction does *not* fault again, which a real
        // fault does (a signal a thread sends itself with a fault's si_code, through
        // rt_tgsigqueueinfo, looks the same and is treated the same).
        set_default_action(signal);
        return;
    }

    // A real handler: call it the way it was registered. (Its own sa_mask, SA_NODEFER and
    // SA_RESETHAND flags are not re-applied: it runs with our signal mask.)
    if previous.sa_flags & libc::SA_SIGINFO != 0 {
        // SAFETY: with SA_SIGINFO, `sa_sigaction` holds a handler of this signature.
        let handler: extern "C" fn(c_int, *mut siginfo_t, *mut c_void) =
            unsafe { mem::transmute(handler) };
        handler(signal, info, context);
    } else {
        // SAFETY: without SA_SIGINFO, `sa_sigaction` holds a `sa_handler` of this signature.
        let handler: extern "C" fn(c_int) = unsafe { mem::transmute(handler) };
        handler(signal);
    }
}

/// Resets `signal` to `SIG_DFL` (async-signal-safe).
fn set_default_action(signal: c_int) {
    // SAFETY: all-zeroes is a valid `sigaction`: SIG_DFL, empty mask, no flags.
    let action: libc::sigaction = unsafe { mem::zeroed() };
    // SAFETY: `action` is a valid `sigaction`; sigaction(2) is async-signal-safe.
    unsafe { libc::sigaction(signal, &action, ptr::null_mut()) };
}

/// Writes `message` to stderr with write(2) (async-signal-safe, no lock, no allocation) and aborts.
fn die(message: &[u8]) -> ! {
    write_stderr(message);
    std::process::abort()
}

/// Writes all of `bytes` to fd 2 with write(2), ignoring errors.
fn write_stderr(mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: `bytes` is a valid buffer of `bytes.len()` bytes.
        let written =
            unsafe { libc::write(libc::STDERR_FILENO, bytes.as_ptr().cast(), bytes.len()) };
        if written > 0 {
            bytes = &bytes[written as usize..];
        } else if written < 0 && last_errno() == libc::EINTR {
            continue;
        } else {
            return;
        }
    }
}

/// This thread's errno.
pub(super) fn last_errno() -> c_int {
    // SAFETY: `__errno_location` returns this thread's errno, valid for the thread's lifetime.
    unsafe { *libc::__errno_location() }
}

/// A fixed-size, stack-allocated text buffer, so that messages can be formatted in a signal handler
/// without allocating. Text that does not fit is cut off.
pub(super) struct Message {
    bytes: [u8; Message::CAPACITY],
    len: usize,
}

impl Message {
    /// Enough for the longest message (the no-handler line is about 330 bytes).
    pub(super) const CAPACITY: usize = 512;

    pub(super) fn new() -> Self {
        Message {
            bytes: [0; Message::CAPACITY],
            len: 0,
        }
    }

    pub(super) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl fmt::Write for Message {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let room = self.bytes.len() - self.len;
        let take = text.len().min(room);
        self.bytes[self.len..self.len + take].copy_from_slice(&text.as_bytes()[..take]);
        self.len += take;
        Ok(())
    }
}
