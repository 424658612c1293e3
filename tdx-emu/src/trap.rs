//! The trap: SIGILL/SIGSEGV handlers that answer `SEAMCALL` and `TDCALL` in software.
//!
//! # How it works
//!
//! Outside SEAM / a trust domain, `SEAMCALL` (`66 0F 01 CF`) and `TDCALL` (`66 0F 01 CC`) fault in
//! user space: usually with #UD, which Linux delivers as `SIGILL`, on some hosts (for example a host
//! where KVM has put the CPU in VMX operation) with #GP, delivered as `SIGSEGV`. [`install`] hooks
//! both signals. When one arrives, the handler:
//!
//! 1. ignores signals sent by another process or thread (`kill`, `tgkill`, `sigqueue`): only a fault
//!    raised by the instruction itself can be a trap;
//! 2. for `SIGSEGV`, ignores faults on fetching the instruction itself (`si_addr` inside the 4 bytes
//!    at RIP, e.g. a call through a null function pointer);
//! 3. reads the 4 bytes at RIP without risking a fault: `process_vm_readv` on its own thread (which
//!    reports `EFAULT` instead of faulting, and keeps working after the main thread has exited),
//!    then, for an execute-only page, `/proc/thread-self/mem`; if neither can read them, it says
//!    so on stderr (see `signal::read_code`);
//! 4. if they are a TDX instruction, copies every general-purpose register into a [`CpuState`], calls
//!    this thread's handler (see [`with_handler`]) or else the process-wide one (see
//!    [`set_global_handler`]), copies the registers back (all but RSP and RIP), sets RFLAGS.CF from
//!    [`CpuState::cf`] and moves RIP past the instruction.
//!
//! A TDX instruction with neither handler prints one line naming the instruction, its address and
//! how to install one, and is then passed on like any other signal.
//!
//! Everything else is passed on to the disposition the signal had before [`install`]: a previously
//! installed handler is called. For a fault whose previous disposition was the default (or
//! ignored: the kernel kills on an ignored fault too), the default action is restored so that the
//! faulting instruction runs again and the process dies of the real signal, core dump and all. A
//! signal *sent* with `kill`/`tgkill`/`sigqueue` that was ignored stays ignored and leaves the trap
//! installed; one with the default disposition kills the process, as it would have without the
//! trap.
//!
//! # Signal-safety
//!
//! Until it knows that the signal is one of its traps, the handler only does async-signal-safe
//! things: it reads the signal context, makes plain system calls (`process_vm_readv`, `open`,
//! `pread`, `close`, `write`, `sigaction`, `raise`), loads atomics and reads `const`-initialised thread-locals without destructors (which
//! never allocate or register anything). A genuine crash can happen anywhere, even inside `malloc`,
//! so this matters.
//!
//! The [`TrapHandler`] itself is ordinary Rust code that may allocate, lock and print. That is fine
//! because a trap is *synchronous*: the thread was executing a TDX instruction in an `asm!` block,
//! not half-way through `malloc` or holding a lock inside the standard library. (A handler must not
//! take a lock that the code around the instruction holds, exactly as with a re-entrant call.)
//!
//! # Flags
//!
//! * `SA_SIGINFO`: needed for the `siginfo_t` (origin of the signal, fault address) and the
//!   `ucontext_t` (the registers).
//! * No `SA_ONSTACK`: handlers run on the thread's own stack, just below the interrupted frame (the
//!   kernel skips the 128-byte red zone), so they get as much stack as the code that issued the
//!   instruction. The alternative stack that Rust's runtime registers per thread is only a few KiB,
//!   which a handler that formats a panic message or emulates a TDX module can easily overflow.
//!   The price: a stack overflow can no longer be reported by the Rust runtime's own SIGSEGV handler
//!   (the kernel has no stack to deliver it on), so it kills the process with a plain `SIGSEGV`
//!   instead of the "has overflowed its stack" message.
//! * `SA_NODEFER`: the signal is not blocked while it is being handled, so that a TDX instruction
//!   executed from inside a handler reaches the trap again, which notices (a per-thread "in a
//!   handler" flag) and aborts with a message saying that **nested TDX instructions are not
//!   supported**. (With the signal blocked, the kernel would kill the process without a word.) The
//!   flag, not the signal mask, is what keeps a handler from being re-entered while its `&mut` is
//!   live. Any other fault inside a handler is passed on like any other fault (see above), so the
//!   process still dies of it.
//!
//! # Rules for the `asm!` block that issues the instruction
//!
//! * Do not use `options(nomem)`, `options(readonly)` or `options(pure)`: the handler reads and
//!   writes memory (its own state, the counters, whatever the handler touches), which those options
//!   would let the compiler reorder around the instruction.
//! * Do not use `options(preserves_flags)` if the code looks at CF afterwards.
//! * Declare every register the handler may change as an output (`inout`/`lateout`), or save and
//!   restore it inside the block, as with the real instruction.

use std::cell::Cell;
use std::ffi::c_void;
use std::fmt;
use std::io;
use std::mem;
use std::ptr::{self, NonNull};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};

use libc::{c_int, siginfo_t};

mod signal;

/// Which TDX instruction trapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Instruction {
    /// `SEAMCALL` (`66 0F 01 CF`): the host VMM calling the TDX module.
    Seamcall,
    /// `TDCALL` (`66 0F 01 CC`): a trust domain calling the TDX module.
    Tdcall,
}

impl Instruction {
    /// Length in bytes of either instruction; the trap moves RIP forward by this much.
    pub const LEN: usize = 4;

    /// The instruction's encoding, as the trap recognises it at RIP.
    pub const fn bytes(self) -> [u8; Self::LEN] {
        match self {
            Instruction::Seamcall => [0x66, 0x0F, 0x01, 0xCF],
            Instruction::Tdcall => [0x66, 0x0F, 0x01, 0xCC],
        }
    }

    /// The instruction encoded by exactly these bytes, if any.
    ///
    /// Only the canonical 4-byte encodings are recognised: the same opcode without the `66`
    /// prefix (`0F 01 CF` is `ENCLS`) or with extra prefixes is not a TDX instruction to the trap.
    pub const fn decode(bytes: [u8; Self::LEN]) -> Option<Self> {
        match bytes {
            [0x66, 0x0F, 0x01, 0xCF] => Some(Instruction::Seamcall),
            [0x66, 0x0F, 0x01, 0xCC] => Some(Instruction::Tdcall),
            _ => None,
        }
    }

    /// The upper-case mnemonic, `"SEAMCALL"` or `"TDCALL"`.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            Instruction::Seamcall => "SEAMCALL",
            Instruction::Tdcall => "TDCALL",
        }
    }
}

impl fmt::Display for Instruction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.mnemonic())
    }
}

/// The general-purpose registers at the trapping instruction, as the handler sees and edits them.
///
/// The trap fills in every field from the signal context, hands the state to the handler and then
/// writes the general-purpose registers back, except [`rsp`](Self::rsp) and [`rip`](Self::rip):
/// changes to those two are ignored (the trap itself moves RIP past the instruction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CpuState {
    /// RAX: the leaf number on entry, the completion status on return.
    pub rax: u64,
    /// RBX.
    pub rbx: u64,
    /// RCX.
    pub rcx: u64,
    /// RDX.
    pub rdx: u64,
    /// RSI.
    pub rsi: u64,
    /// RDI.
    pub rdi: u64,
    /// RBP. Rust's `asm!` cannot name RBP as an operand, so a handler should leave it alone unless
    /// the `asm!` block saves and restores it.
    pub rbp: u64,
    /// RSP at the instruction. Read-only: changes are ignored.
    pub rsp: u64,
    /// R8.
    pub r8: u64,
    /// R9.
    pub r9: u64,
    /// R10.
    pub r10: u64,
    /// R11.
    pub r11: u64,
    /// R12.
    pub r12: u64,
    /// R13.
    pub r13: u64,
    /// R14.
    pub r14: u64,
    /// R15.
    pub r15: u64,
    /// RFLAGS.CF after the instruction (how `SEAMCALL` reports VMfailInvalid). It starts `false`
    /// whatever CF was before the instruction; the handler sets it if it wants CF set.
    pub cf: bool,
    /// Address of the trapping instruction. Read-only: changes are ignored.
    pub rip: u64,
}

/// Indices of the general-purpose registers in `mcontext_t::gregs`, in `CpuState` field order.
const GREG_RAX: usize = libc::REG_RAX as usize;
const GREG_RBX: usize = libc::REG_RBX as usize;
const GREG_RCX: usize = libc::REG_RCX as usize;
const GREG_RDX: usize = libc::REG_RDX as usize;
const GREG_RSI: usize = libc::REG_RSI as usize;
const GREG_RDI: usize = libc::REG_RDI as usize;
const GREG_RBP: usize = libc::REG_RBP as usize;
const GREG_RSP: usize = libc::REG_RSP as usize;
const GREG_R8: usize = libc::REG_R8 as usize;
const GREG_R9: usize = libc::REG_R9 as usize;
const GREG_R10: usize = libc::REG_R10 as usize;
const GREG_R11: usize = libc::REG_R11 as usize;
const GREG_R12: usize = libc::REG_R12 as usize;
const GREG_R13: usize = libc::REG_R13 as usize;
const GREG_R14: usize = libc::REG_R14 as usize;
const GREG_R15: usize = libc::REG_R15 as usize;
const GREG_RIP: usize = libc::REG_RIP as usize;
const GREG_EFL: usize = libc::REG_EFL as usize;

/// RFLAGS.CF.
const FLAGS_CF: u64 = 1;

/// The saved registers of an interrupted thread (`greg_t` is a signed 64-bit integer).
type Gregs = [libc::greg_t; 23];

impl CpuState {
    /// The state at a trap, read from the signal context's registers.
    fn from_gregs(gregs: &Gregs) -> Self {
        let reg = |index: usize| gregs[index] as u64;
        CpuState {
            rax: reg(GREG_RAX),
            rbx: reg(GREG_RBX),
            rcx: reg(GREG_RCX),
            rdx: reg(GREG_RDX),
            rsi: reg(GREG_RSI),
            rdi: reg(GREG_RDI),
            rbp: reg(GREG_RBP),
            rsp: reg(GREG_RSP),
            r8: reg(GREG_R8),
            r9: reg(GREG_R9),
            r10: reg(GREG_R10),
            r11: reg(GREG_R11),
            r12: reg(GREG_R12),
            r13: reg(GREG_R13),
            r14: reg(GREG_R14),
            r15: reg(GREG_R15),
            cf: false,
            rip: reg(GREG_RIP),
        }
    }

    /// Writes the handler's answer back: every general-purpose register except RSP and RIP, and
    /// CF (the other RFLAGS bits are kept). Does not move RIP.
    fn write_to_gregs(&self, gregs: &mut Gregs) {
        let values = [
            (GREG_RAX, self.rax),
            (GREG_RBX, self.rbx),
            (GREG_RCX, self.rcx),
            (GREG_RDX, self.rdx),
            (GREG_RSI, self.rsi),
            (GREG_RDI, self.rdi),
            (GREG_RBP, self.rbp),
            (GREG_R8, self.r8),
            (GREG_R9, self.r9),
            (GREG_R10, self.r10),
            (GREG_R11, self.r11),
            (GREG_R12, self.r12),
            (GREG_R13, self.r13),
            (GREG_R14, self.r14),
            (GREG_R15, self.r15),
        ];
        for (index, value) in values {
            gregs[index] = value as libc::greg_t;
        }
        let flags = gregs[GREG_EFL] as u64;
        let flags = if self.cf {
            flags | FLAGS_CF
        } else {
            flags & !FLAGS_CF
        };
        gregs[GREG_EFL] = flags as libc::greg_t;
    }
}

/// A software stand-in for whatever answers the instruction (the TDX module, or a test script),
/// installed for one thread with [`with_handler`].
///
/// It is implemented for every `FnMut(Instruction, &mut CpuState)`. Rust does not infer closure
/// argument types through this blanket impl, so annotate them:
/// `|instruction: Instruction, cpu: &mut CpuState| { ... }`.
///
/// The handler runs inside the signal handler, on the stack of the thread that executed the
/// instruction. It may allocate, print and take locks (see the [module docs](self)), but it must not
/// itself execute `SEAMCALL` or `TDCALL`: nested TDX instructions are not supported and kill the
/// process. A panic in a handler cannot unwind through the signal frame, so it aborts the process
/// after the panic message has been printed.
pub trait TrapHandler {
    /// Answers one `instruction`: reads the inputs from `cpu` and writes the outputs into it.
    fn handle(&mut self, instruction: Instruction, cpu: &mut CpuState);
}

impl<F: FnMut(Instruction, &mut CpuState)> TrapHandler for F {
    fn handle(&mut self, instruction: Instruction, cpu: &mut CpuState) {
        self(instruction, cpu)
    }
}

/// A handler that several threads may call at once: the process-wide fallback of
/// [`set_global_handler`].
///
/// It is implemented for every `Fn(Instruction, &mut CpuState) + Sync`, such as a plain `fn` item.
/// Interior mutability (a `Mutex`, atomics) is up to the implementation; the same rules as for
/// [`TrapHandler`] apply (no nested TDX instructions, panics abort).
pub trait SharedHandler: Sync {
    /// Answers one `instruction` executed by some thread: reads the inputs from `cpu` and writes
    /// the outputs into it.
    fn handle(&self, instruction: Instruction, cpu: &mut CpuState);
}

impl<F: Fn(Instruction, &mut CpuState) + Sync> SharedHandler for F {
    fn handle(&self, instruction: Instruction, cpu: &mut CpuState) {
        self(instruction, cpu)
    }
}

thread_local! {
    // All three are `const`-initialised and have no destructor, so accessing them (also from the
    // signal handler) never allocates, never registers a destructor and never fails.

    /// This thread's handler, set by `with_handler` for the duration of its closure. The lifetime
    /// is erased; `with_handler` removes the pointer before the borrow it came from ends.
    static THREAD_HANDLER: Cell<Option<NonNull<dyn TrapHandler>>> = const { Cell::new(None) };

    /// TDX instructions answered on this thread.
    static THREAD_TRAPS: Cell<u64> = const { Cell::new(0) };

    /// Set while a handler runs on this thread, to catch nested TDX instructions.
    static IN_HANDLER: Cell<bool> = const { Cell::new(false) };
}

/// TDX instructions answered in this process.
static TRAPS: AtomicU64 = AtomicU64::new(0);

/// The process-wide fallback handler. A thin pointer to a leaked `&'static dyn SharedHandler` (a
/// fat pointer does not fit in an atomic); null when there is none. The boxes are never freed
/// because a signal handler on another thread may still be reading one.
static GLOBAL_HANDLER: AtomicPtr<&'static dyn SharedHandler> = AtomicPtr::new(ptr::null_mut());

/// The dispositions `SIGILL` and `SIGSEGV` had before [`install`], for signals that are not ours.
static PREVIOUS_SIGILL: OnceLock<libc::sigaction> = OnceLock::new();
static PREVIOUS_SIGSEGV: OnceLock<libc::sigaction> = OnceLock::new();

/// Installs the `SIGILL` and `SIGSEGV` handlers that turn TDX instructions into calls to a
/// [`TrapHandler`] or [`SharedHandler`].
///
/// Idempotent and thread-safe: the first call installs, every later call returns its result.
/// [`with_handler`] and [`set_global_handler`] call it for you.
///
/// The dispositions the two signals had before are remembered: signals that are not TDX
/// instructions are passed on to them (see the [module docs](self)). Install after any other
/// library that wants these signals, and do not let anything replace the handlers afterwards.
///
/// # Errors
///
/// The error of the failing `sigaction(2)` call (which does not happen for these two signals on
/// Linux in practice).
pub fn install() -> io::Result<()> {
    static INSTALLED: OnceLock<Result<(), i32>> = OnceLock::new();
    match INSTALLED.get_or_init(|| {
        install_signal(libc::SIGILL, &PREVIOUS_SIGILL)?;
        install_signal(libc::SIGSEGV, &PREVIOUS_SIGSEGV)
    }) {
        Ok(()) => Ok(()),
        Err(code) => Err(io::Error::from_raw_os_error(*code)),
    }
}

/// Remembers `signal`'s current disposition in `previous`, then points it at `on_signal`.
fn install_signal(signal: c_int, previous: &OnceLock<libc::sigaction>) -> Result<(), i32> {
    // Save the old disposition *before* installing ours, so that our handler always finds it.
    // SAFETY: `sigaction` is a plain C struct for which all-zeroes is a valid value.
    let mut old: libc::sigaction = unsafe { mem::zeroed() };
    // SAFETY: a null new action only queries; the kernel writes the current one into `old`.
    if unsafe { libc::sigaction(signal, ptr::null(), &mut old) } != 0 {
        return Err(signal::last_errno());
    }
    // `install` runs this at most once per signal, so the slot is empty.
    let _ = previous.set(old);

    install_action(signal)
}

/// Points `signal` at [`signal::on_signal`] (async-signal-safe: also used from the handler, to
/// take back a signal it had to reset).
fn install_action(signal: c_int) -> Result<(), i32> {
    // SAFETY: as above, all-zeroes is a valid `sigaction`.
    let mut action: libc::sigaction = unsafe { mem::zeroed() };
    let handler: extern "C" fn(c_int, *mut siginfo_t, *mut c_void) = signal::on_signal;
    action.sa_sigaction = handler as libc::sighandler_t;
    // See the module docs for why SA_NODEFER and why no SA_ONSTACK.
    action.sa_flags = libc::SA_SIGINFO | libc::SA_NODEFER;
    // SAFETY: `sa_mask` is a valid, writable `sigset_t`.
    unsafe { libc::sigemptyset(&mut action.sa_mask) };
    // SAFETY: `action` is fully initialised, and `on_signal` has the SA_SIGINFO signature.
    if unsafe { libc::sigaction(signal, &action, ptr::null_mut()) } != 0 {
        return Err(signal::last_errno());
    }
    Ok(())
}

/// Runs `f` with `handler` answering every TDX instruction executed *on this thread*, and returns
/// what `f` returns.
///
/// The previous per-thread handler (if any) comes back afterwards, also when `f` panics, so calls
/// nest. Other threads are not affected: tests on parallel threads each install their own handler.
/// Threads without a handler fall back to the [global handler](set_global_handler).
///
/// # Panics
///
/// If the trap cannot be installed (see [`install`]). Panics of `f` propagate.
pub fn with_handler<H: TrapHandler, R>(handler: &mut H, f: impl FnOnce() -> R) -> R {
    if let Err(error) = install() {
        panic!("tdx-emu: cannot install the SIGILL/SIGSEGV trap: {error}");
    }
    let handler: NonNull<dyn TrapHandler + '_> = NonNull::from(handler as &mut dyn TrapHandler);
    // SAFETY: this only erases the trait object's lifetime. The pointer is stored in this thread's
    // THREAD_HANDLER only until `_restore` is dropped, on return or unwind, which is before the
    // `&mut H` borrow it comes from ends; `f` cannot touch `*handler` meanwhile since it is borrowed.
    let handler: NonNull<dyn TrapHandler> = unsafe { mem::transmute(handler) };
    let _restore = RestoreThreadHandler {
        previous: THREAD_HANDLER.replace(Some(handler)),
    };
    f()
}

/// Puts the previous per-thread handler back when `with_handler` returns or unwinds.
struct RestoreThreadHandler {
    previous: Option<NonNull<dyn TrapHandler>>,
}

impl Drop for RestoreThreadHandler {
    fn drop(&mut self) {
        THREAD_HANDLER.set(self.previous);
    }
}

/// Makes `handler` answer TDX instructions on every thread that has no [per-thread
/// handler](with_handler) (the software TDX module is meant to live here), and installs the trap.
///
/// `handler` is called concurrently from several threads, hence `&'static` and [`Sync`]: a `fn`
/// item (`&my_handler`), a `static`, or `Box::leak(Box::new(...))`. Each call leaks one
/// pointer-sized box, because a replaced handler may still be in use on another thread.
///
/// Returns the handler it replaces, if any.
///
/// # Errors
///
/// If the trap cannot be installed (see [`install`]); the global handler is then left unchanged.
pub fn set_global_handler(
    handler: &'static dyn SharedHandler,
) -> io::Result<Option<&'static dyn SharedHandler>> {
    install()?;
    let new = Box::into_raw(Box::new(handler));
    let old = GLOBAL_HANDLER.swap(new, Ordering::AcqRel);
    // SAFETY: GLOBAL_HANDLER is null or points to a box that is never freed.
    Ok(unsafe { old.as_ref() }.copied())
}

/// Removes the global handler, and returns it if there was one.
///
/// A TDX instruction on a thread without a per-thread handler then kills the process (after a
/// message on stderr), as if the trap were not installed.
pub fn clear_global_handler() -> Option<&'static dyn SharedHandler> {
    let old = GLOBAL_HANDLER.swap(ptr::null_mut(), Ordering::AcqRel);
    // SAFETY: GLOBAL_HANDLER is null or points to a box that is never freed.
    unsafe { old.as_ref() }.copied()
}

/// The current global handler, if any.
pub fn global_handler() -> Option<&'static dyn SharedHandler> {
    let current = GLOBAL_HANDLER.load(Ordering::Acquire);
    // SAFETY: GLOBAL_HANDLER is null or points to a box that is never freed.
    unsafe { current.as_ref() }.copied()
}

/// How many TDX instructions this process has trapped and answered so far (on all threads).
pub fn trap_count() -> u64 {
    TRAPS.load(Ordering::Relaxed)
}

/// How many TDX instructions this thread has trapped and answered so far.
pub fn thread_trap_count() -> u64 {
    THREAD_TRAPS.get()
}

#[cfg(test)]
mod tests;
