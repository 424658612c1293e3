//! Run the real `SEAMCALL` / `TDCALL` instruction bytes in user space, answered by software.
//!
//! Outside a TDX host's SEAM mode or a trust domain, `SEAMCALL` (`66 0F 01 CF`) and `TDCALL`
//! (`66 0F 01 CC`) fault in user space (#UD, delivered as `SIGILL`; on some hosts #GP, delivered
//! as `SIGSEGV`). This crate installs handlers for those signals that recognise the two
//! instructions, hand the registers to a software [`TrapHandler`] (a test script, or a software TDX
//! module), write its answer back into the registers, set RFLAGS.CF as it asks, and resume after
//! the instruction. So tests can execute the very instruction bytes that the `tdx-calls` macros
//! emit, with their real register assignments, on any x86-64 Linux machine.
//!
//! * [`with_handler`] installs a handler for the current thread while a closure runs (tests run
//!   on parallel threads, each with its own handler);
//! * [`set_global_handler`] installs a process-wide fallback for threads without one;
//! * [`trap_count`] and [`thread_trap_count`] count the instructions answered;
//! * [`TdxModule`] (in [`module`]) is a software TDX module to install as the handler: PAMT,
//!   keys, TD and vCPU lifecycle, Secure EPT, measurement, the guest side and a pluggable VMM,
//!   fault injection and call counters (see `docs/emulator.md`).
//!
//! Every other `SIGILL` / `SIGSEGV` (a real crash, `ud2`, a null pointer) goes to whatever handled
//! the signal before, so the process still dies of the real signal. See the [`trap`] module for the
//! details, including the rules for the `asm!` block that issues the instruction (no
//! `options(nomem)`, and declare what the handler may change) and why TDX instructions issued from
//! inside a handler are not supported.
//!
//! Only x86-64 Linux is supported.
//!
//! # Example
//!
//! ```
//! use core::arch::asm;
//! use tdx_emu::{CpuState, Instruction};
//!
//! // A stand-in for the TDX module: leaf 0x28 answers RCX + 1; every other leaf fails with CF set.
//! let mut module = |instruction: Instruction, cpu: &mut CpuState| {
//!     assert_eq!(instruction, Instruction::Seamcall);
//!     if cpu.rax == 0x28 {
//!         cpu.rax = 0; // TDX_SUCCESS
//!         cpu.rcx += 1;
//!     } else {
//!         cpu.cf = true; // VMfailInvalid
//!     }
//! };
//!
//! let traps_before = tdx_emu::thread_trap_count();
//! let (rax, rcx, cf) = tdx_emu::with_handler(&mut module, || {
//!     let (mut rax, mut rcx): (u64, u64) = (0x28, 41);
//!     let cf: u8;
//!     // SAFETY: under `with_handler`, SEAMCALL traps into `module`, which changes only RAX, RCX
//!     // and CF: RAX and RCX are inout operands, CF is read by `setc` and flags are not preserved.
//!     unsafe {
//!         asm!(
//!             "seamcall",
//!             "setc {cf}",
//!             cf = out(reg_byte) cf,
//!             inout("rax") rax,
//!             inout("rcx") rcx,
//!             options(nostack),
//!         );
//!     }
//!     (rax, rcx, cf)
//! });
//! assert_eq!((rax, rcx, cf), (0, 42, 0));
//! assert_eq!(tdx_emu::thread_trap_count() - traps_before, 1);
//! ```

#![deny(missing_docs)]

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
compile_error!("tdx-emu supports only x86_64 Linux: it decodes x86-64 Linux signal contexts");

pub mod module;
pub mod trap;

pub use module::{Config, TdxModule};
pub use trap::{
    CpuState, Instruction, SharedHandler, TrapHandler, clear_global_handler, global_handler,
    install, set_global_handler, thread_trap_count, trap_count, with_handler,
};
