//! Subject (c), the Linux-style path: the shared out-of-line trampolines of Linux's
//! `arch/x86/virt/vmx/tdx/tdxcall.S` (`TDX_MODULE_CALL host ret saved`), its `sc_retry` and its
//! `__tdx_hypercall`, transcribed for user space.
//!
//! Every trampoline is a SysV C function `u64 f(u64 fn /* RDI */, struct tdx_module_args *args
//! /* RSI */)`: it loads the registers from the struct, issues the instruction, turns CF=1 into
//! `TDX_SEAMCALL_VMFAILINVALID` (SEAMCALL only), and (the `_ret` flavours) stores the registers
//! back. What is left out, because it only exists in the kernel: `FRAME_BEGIN`/`FRAME_END`
//! (`CONFIG_FRAME_POINTER`), the `_ASM_EXTABLE_FAULT` #GP/#UD fixup, the return thunk (`RET` is a
//! plain `ret` here), and `sc_retry`'s `preempt_disable()` / per-CPU `cache_state_incoherent`
//! write. Each of those would make (c) larger, so leaving them out favours (c).

use core::arch::global_asm;
use tdx_core::{ModuleArgs, TdxStatus};

/// `TDX_SEAMCALL_VMFAILINVALID`.
pub const VMFAILINVALID: u64 = TdxStatus::SEAMCALL_VMFAILINVALID.raw();
/// `TDX_RND_NO_ENTROPY`.
pub const RND_NO_ENTROPY: u64 = TdxStatus::RND_NO_ENTROPY.raw();
/// `RDRAND_RETRY_LOOPS`: the attempts `sc_retry` makes.
pub const RDRAND_RETRY_LOOPS: u32 = 10;
/// `TDVMCALL_EXPOSE_REGS_MASK`: RDX, RBX, RSI, RDI, R8-R15.
pub const TDVMCALL_EXPOSE_REGS_MASK: u64 = 0xFFCC;
/// `TDX_HYPERCALL_STANDARD`.
pub const TDX_HYPERCALL_STANDARD: u64 = 0;

/// The symbols of the trampolines, as they appear in the binary.
pub const TRAMPOLINES: [&str; 6] = [
    "__seamcall",
    "__seamcall_ret",
    "__seamcall_saved_ret",
    "__tdcall",
    "__tdcall_ret",
    "__tdcall_saved_ret",
];

// Offsets in `struct tdx_module_args` (checked against `ModuleArgs` in tdx-core): rcx 0, rdx 8,
// r8 16, r9 24, r10 32, r11 40, r12 48, r13 56, r14 64, r15 72, rbx 80, rdi 88, rsi 96.
global_asm!(
    // ------------------------------------------------ TDX_MODULE_CALL host=1 (plain)
    ".pushsection .text.tdx_linux_trampolines, \"ax\", @progbits",
    ".p2align 4",
    ".globl __seamcall",
    ".type __seamcall, @function",
    "__seamcall:",
    "mov rax, rdi",
    "mov rcx, [rsi]",
    "mov rdx, [rsi + 8]",
    "mov r8, [rsi + 16]",
    "mov r9, [rsi + 24]",
    "mov r10, [rsi + 32]",
    "mov r11, [rsi + 40]",
    "seamcall",
    "jc 3f",
    "2:",
    "ret",
    "3:",
    "mov rax, {vmfailinvalid}",
    "jmp 2b",
    ".size __seamcall, . - __seamcall",
    // ------------------------------------------------ TDX_MODULE_CALL host=1 ret=1
    ".p2align 4",
    ".globl __seamcall_ret",
    ".type __seamcall_ret, @function",
    "__seamcall_ret:",
    "mov rax, rdi",
    "mov rcx, [rsi]",
    "mov rdx, [rsi + 8]",
    "mov r8, [rsi + 16]",
    "mov r9, [rsi + 24]",
    "mov r10, [rsi + 32]",
    "mov r11, [rsi + 40]",
    "seamcall",
    "jc 3f",
    "mov [rsi], rcx",
    "mov [rsi + 8], rdx",
    "mov [rsi + 16], r8",
    "mov [rsi + 24], r9",
    "mov [rsi + 32], r10",
    "mov [rsi + 40], r11",
    "2:",
    "ret",
    "3:",
    "mov rax, {vmfailinvalid}",
    "jmp 2b",
    ".size __seamcall_ret, . - __seamcall_ret",
    // ------------------------------------------------ TDX_MODULE_CALL host=1 ret=1 saved=1
    ".p2align 4",
    ".globl __seamcall_saved_ret",
    ".type __seamcall_saved_ret, @function",
    "__seamcall_saved_ret:",
    "mov rax, rdi",
    "mov rcx, [rsi]",
    "mov rdx, [rsi + 8]",
    "mov r8, [rsi + 16]",
    "mov r9, [rsi + 24]",
    "mov r10, [rsi + 32]",
    "mov r11, [rsi + 40]",
    "push rbx",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "mov r12, [rsi + 48]",
    "mov r13, [rsi + 56]",
    "mov r14, [rsi + 64]",
    "mov r15, [rsi + 72]",
    "mov rbx, [rsi + 80]",
    "push rsi",
    "mov rdi, [rsi + 88]",
    "mov rsi, [rsi + 96]",
    "seamcall",
    "jc 3f",
    "push rax",
    "mov rax, [rsp + 8]",
    "mov [rax + 96], rsi",
    "pop rax",
    "pop rsi",
    "mov [rsi + 48], r12",
    "mov [rsi + 56], r13",
    "mov [rsi + 64], r14",
    "mov [rsi + 72], r15",
    "mov [rsi + 80], rbx",
    "mov [rsi + 88], rdi",
    "mov [rsi], rcx",
    "mov [rsi + 8], rdx",
    "mov [rsi + 16], r8",
    "mov [rsi + 24], r9",
    "mov [rsi + 32], r10",
    "mov [rsi + 40], r11",
    "xor ecx, ecx",
    "xor edx, edx",
    "xor r8d, r8d",
    "xor r9d, r9d",
    "xor r10d, r10d",
    "xor r11d, r11d",
    "xor r12d, r12d",
    "xor r13d, r13d",
    "xor r14d, r14d",
    "xor r15d, r15d",
    "xor ebx, ebx",
    "xor edi, edi",
    "2:",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbx",
    "ret",
    "3:",
    "mov rax, {vmfailinvalid}",
    "pop rsi",
    "jmp 2b",
    ".size __seamcall_saved_ret, . - __seamcall_saved_ret",
    // ------------------------------------------------ TDX_MODULE_CALL host=0 (plain)
    ".p2align 4",
    ".globl __tdcall",
    ".type __tdcall, @function",
    "__tdcall:",
    "mov rax, rdi",
    "mov rcx, [rsi]",
    "mov rdx, [rsi + 8]",
    "mov r8, [rsi + 16]",
    "mov r9, [rsi + 24]",
    "mov r10, [rsi + 32]",
    "mov r11, [rsi + 40]",
    "tdcall",
    "ret",
    ".size __tdcall, . - __tdcall",
    // ------------------------------------------------ TDX_MODULE_CALL host=0 ret=1
    ".p2align 4",
    ".globl __tdcall_ret",
    ".type __tdcall_ret, @function",
    "__tdcall_ret:",
    "mov rax, rdi",
    "mov rcx, [rsi]",
    "mov rdx, [rsi + 8]",
    "mov r8, [rsi + 16]",
    "mov r9, [rsi + 24]",
    "mov r10, [rsi + 32]",
    "mov r11, [rsi + 40]",
    "tdcall",
    "mov [rsi], rcx",
    "mov [rsi + 8], rdx",
    "mov [rsi + 16], r8",
    "mov [rsi + 24], r9",
    "mov [rsi + 32], r10",
    "mov [rsi + 40], r11",
    "ret",
    ".size __tdcall_ret, . - __tdcall_ret",
    // ------------------------------------------------ TDX_MODULE_CALL host=0 ret=1 saved=1
    ".p2align 4",
    ".globl __tdcall_saved_ret",
    ".type __tdcall_saved_ret, @function",
    "__tdcall_saved_ret:",
    "mov rax, rdi",
    "mov rcx, [rsi]",
    "mov rdx, [rsi + 8]",
    "mov r8, [rsi + 16]",
    "mov r9, [rsi + 24]",
    "mov r10, [rsi + 32]",
    "mov r11, [rsi + 40]",
    "push rbx",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "mov r12, [rsi + 48]",
    "mov r13, [rsi + 56]",
    "mov r14, [rsi + 64]",
    "mov r15, [rsi + 72]",
    "mov rbx, [rsi + 80]",
    "push rsi",
    "mov rdi, [rsi + 88]",
    "mov rsi, [rsi + 96]",
    "tdcall",
    "push rax",
    "mov rax, [rsp + 8]",
    "mov [rax + 96], rsi",
    "pop rax",
    "pop rsi",
    "mov [rsi + 48], r12",
    "mov [rsi + 56], r13",
    "mov [rsi + 64], r14",
    "mov [rsi + 72], r15",
    "mov [rsi + 80], rbx",
    "mov [rsi + 88], rdi",
    "mov [rsi], rcx",
    "mov [rsi + 8], rdx",
    "mov [rsi + 16], r8",
    "mov [rsi + 24], r9",
    "mov [rsi + 32], r10",
    "mov [rsi + 40], r11",
    "xor ecx, ecx",
    "xor edx, edx",
    "xor r8d, r8d",
    "xor r9d, r9d",
    "xor r10d, r10d",
    "xor r11d, r11d",
    "xor r12d, r12d",
    "xor r13d, r13d",
    "xor r14d, r14d",
    "xor r15d, r15d",
    "xor ebx, ebx",
    "xor edi, edi",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbx",
    "ret",
    ".size __tdcall_saved_ret, . - __tdcall_saved_ret",
    ".popsection",
    vmfailinvalid = const VMFAILINVALID,
);

/// The signature every trampoline has.
pub type Trampoline = unsafe extern "C" fn(u64, *mut ModuleArgs) -> u64;

// SAFETY: the symbols are defined by the `global_asm!` above with exactly these C signatures:
// they read the leaf from RDI and the struct pointer from RSI, preserve RBX, RBP, RSP and
// R12-R15, and return the status in RAX.
unsafe extern "C" {
    /// `__seamcall`: loads RCX, RDX, R8-R11; nothing is written back.
    pub unsafe fn __seamcall(leaf: u64, args: *mut ModuleArgs) -> u64;
    /// `__seamcall_ret`: as `__seamcall`, and writes RCX, RDX, R8-R11 back.
    pub unsafe fn __seamcall_ret(leaf: u64, args: *mut ModuleArgs) -> u64;
    /// `__seamcall_saved_ret`: all 13 registers in and out (TDH.VP.ENTER).
    pub unsafe fn __seamcall_saved_ret(leaf: u64, args: *mut ModuleArgs) -> u64;
    /// `__tdcall`: loads RCX, RDX, R8-R11; nothing is written back.
    pub unsafe fn __tdcall(leaf: u64, args: *mut ModuleArgs) -> u64;
    /// `__tdcall_ret`: as `__tdcall`, and writes RCX, RDX, R8-R11 back.
    pub unsafe fn __tdcall_ret(leaf: u64, args: *mut ModuleArgs) -> u64;
    /// `__tdcall_saved_ret`: all 13 registers in and out (TDG.VP.VMCALL).
    pub unsafe fn __tdcall_saved_ret(leaf: u64, args: *mut ModuleArgs) -> u64;
}

/// Linux's `sc_retry`: call `func` until it returns something other than `TDX_RND_NO_ENTROPY`,
/// at most [`RDRAND_RETRY_LOOPS`] times (`do { ... } while (ret == TDX_RND_NO_ENTROPY &&
/// --retry)`). As in Linux, a retry reissues the call with whatever the previous attempt wrote
/// back into `args`.
///
/// # Safety
///
/// As `func`: `args` is valid, and the leaf's operands name memory the module may access.
#[inline(always)]
pub unsafe fn sc_retry(func: Trampoline, leaf: u64, args: &mut ModuleArgs) -> u64 {
    let mut retry = RDRAND_RETRY_LOOPS;
    loop {
        // SAFETY: forwarded from the caller.
        let ret = unsafe { func(leaf, args) };
        retry -= 1;
        if ret != RND_NO_ENTROPY || retry == 0 {
            return ret;
        }
    }
}

/// Linux's `__tdx_hypercall` (`arch/x86/coco/tdx/tdx.c`), shared out of line by every
/// hypercall: expose RDX, RBX, RSI, RDI and R8-R15, issue TDG.VP.VMCALL through
/// `__tdcall_saved_ret`. Linux then panics if RAX is not zero and returns R10; here the TDCALL
/// status is returned and the caller reads R10 from `args`, so that the three subjects can be
/// compared on the failure paths too (the panic would add a call to a `noreturn` function).
///
/// # Safety
///
/// `args` is valid; R10 = `TDX_HYPERCALL_STANDARD`, R11 = the sub-function, and the operands
/// name memory the VMM may access.
#[inline(never)]
#[unsafe(export_name = "__tdx_hypercall")]
pub unsafe extern "C" fn tdx_hypercall(args: &mut ModuleArgs) -> u64 {
    args.rcx = TDVMCALL_EXPOSE_REGS_MASK;
    // SAFETY: forwarded from the caller; TDG.VP.VMCALL is TDCALL leaf 0.
    unsafe { __tdcall_saved_ret(0, args) }
}
