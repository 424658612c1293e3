//! The shared, out-of-line path of every register-form SEAMCALL and TDCALL wrapper.
//!
//! A wrapper issues its instruction once, inline, and tests the status: zero is the only
//! value its hot path handles. Any other status (an error, a success with information, or a
//! status its retry policy retries) comes here, to one `#[cold]` routine per family and shape,
//! shared by every wrapper: it applies the bounded retry policy of the wrapper's
//! [`CallSite`], re-issuing the leaf with the same input image, and then either hands back the
//! registers of a successful attempt or builds the [`TdxError`]. The wrapper reaches it
//! through a `#[cold]` generic entry ([`narrow_failed`], [`out_of_line`]) instantiated with a
//! closure of the wrapper that builds the wrapper's whole `Result`, so the wrapper's hot path
//! returns straight after that one call and needs no stack frame of its own.
//!
//! Two shapes, chosen by the macro:
//!
//! * **narrow** (`[u64; 6]` inputs, RCX–R11): the wrapper binds and takes back no register
//!   above R11, and the ABI table says the leaf writes none (the compiler checks
//!   `Preserves`), so re-issuing the leaf with RCX–R11 loaded and taken back is exact;
//! * **wide** (a [`ModuleArgs`]): every register in and out, like Linux's
//!   `__seamcall_saved_ret`, for wrappers that use R12–R15, RBX, RDI or RSI.
//!
//! No routine is called from inside an `asm!` block: the wrapper's block is the instruction
//! alone, so the shape is valid in kernel builds with objtool's stack validation, return
//! thunks and IBT (a `call` here is an ordinary Rust call the compiler emits).

use crate::error::{CallSite, Retries};
use crate::status::TdxStatus;
use crate::{ModuleArgs, TdxError};

/// `TDX_SEAMCALL_VMFAILINVALID`: RAX after SEAMCALL returns CF=1.
const VMFAILINVALID: u64 = TdxStatus::SEAMCALL_VMFAILINVALID.raw();

/// A wide wrapper's handling of a non-zero status, out of line: `state` holds what the first
/// attempt returned (and the input image, for a retry), `failed` (a closure of the wrapper,
/// which calls [`seamcall_wide`] or [`tdcall_wide`] and builds the whole `Result`) runs on it.
/// One copy per wrapper (identical copies are merged); the wrapper's hot path only stores
/// `state`, calls this and returns, so none of its values is live across a call and it needs
/// no stack frame on success.
#[cold]
#[inline(never)]
pub fn out_of_line<S, R>(mut state: S, failed: impl FnOnce(&mut S) -> R) -> R {
    failed(&mut state)
}

/// The out-of-line part of a narrow wrapper whose first attempt returned a non-zero status:
/// RAX and RCX–R11 as that attempt returned them (ordered so that RDX, RCX, R8 and R9 already
/// are the registers the SysV ABI passes them in), `inputs` the RCX–R11 image it was issued
/// with. Runs the shared retry ([`seamcall_narrow`], or [`tdcall_narrow`] when `SEAMCALL` is
/// `false`), then `finish`, the wrapper's closure that builds its `Result`, with the call site,
/// whether the last attempt succeeded and its registers (RAX, RCX–R11). One copy per wrapper
/// (identical copies are merged): the wrapper's hot path only calls this and returns, so none
/// of its values is live across a call and it needs no stack frame on success.
///
/// # Safety
///
/// As for [`seamcall_narrow`].
#[cold]
#[inline(never)]
#[allow(clippy::too_many_arguments)] // the registers, where the instruction left them
pub unsafe fn narrow_failed<const SEAMCALL: bool, R>(
    call: &'static CallSite,
    rdx: u64,
    rcx: u64,
    r8: u64,
    r9: u64,
    rax: u64,
    r10: u64,
    r11: u64,
    inputs: &[u64; 6],
    finish: impl FnOnce(&'static CallSite, bool, &[u64; 7]) -> R,
) -> R {
    let mut regs = [rax, rcx, rdx, r8, r9, r10, r11];
    // SAFETY: forwarded from the caller's contract.
    let ok = unsafe {
        if SEAMCALL {
            seamcall_narrow(call, inputs, &mut regs)
        } else {
            tdcall_narrow(call, inputs, &mut regs)
        }
    };
    finish(call, ok, &regs)
}

/// What the retry policy says about `status`: retry it, or stop.
#[inline]
fn retry(status: u64, left: &mut Retries) -> bool {
    if status == TdxStatus::RND_NO_ENTROPY.raw() && left.entropy > 0 {
        left.entropy -= 1;
        return true;
    }
    if status & TdxStatus::STATUS_MASK == TdxStatus::OPERAND_BUSY.raw() && left.busy > 0 {
        left.busy -= 1;
        return true;
    }
    false
}

/// The error of a narrow call whose retries are spent: status in `regs[0]`, RCX–R11 in
/// `regs[1..]`. Returned by value, so that it is built in place in the wrapper's `Err`.
#[cold]
#[inline(never)]
pub fn narrow_error(call: &'static CallSite, regs: &[u64; 7]) -> TdxError {
    let args = ModuleArgs {
        rcx: regs[1],
        rdx: regs[2],
        r8: regs[3],
        r9: regs[4],
        r10: regs[5],
        r11: regs[6],
        ..ModuleArgs::default()
    };
    TdxError::new(call, TdxStatus::from_raw(regs[0]), args)
}

/// The shared path of a narrow SEAMCALL wrapper whose first attempt returned a non-zero
/// status: `regs` holds RAX and RCX–R11 as that attempt returned them, `inputs` the RCX–R11
/// image it was issued with. Leaves the last attempt in `regs` and returns `true` when it
/// succeeded (a success with information, or a retry that succeeded), `false` when the
/// wrapper fails with [`narrow_error`].
///
/// # Safety
///
/// The wrapper's contract: re-issuing `call.leaf` with `inputs` is what the wrapper's caller
/// asked for, and the leaf writes no register above R11.
#[cold]
#[inline(never)]
pub unsafe fn seamcall_narrow(
    call: &'static CallSite,
    inputs: &[u64; 6],
    regs: &mut [u64; 7],
) -> bool {
    // SAFETY: forwarded from the caller's contract.
    unsafe { narrow(true, call, inputs, regs) }
}

/// [`seamcall_narrow`] for TDCALL.
///
/// # Safety
///
/// As for [`seamcall_narrow`].
#[cold]
#[inline(never)]
pub unsafe fn tdcall_narrow(
    call: &'static CallSite,
    inputs: &[u64; 6],
    regs: &mut [u64; 7],
) -> bool {
    // SAFETY: forwarded from the caller's contract.
    unsafe { narrow(false, call, inputs, regs) }
}

/// The retry loop of [`seamcall_narrow`] and [`tdcall_narrow`]: `regs` holds the last
/// attempt (RAX, RCX–R11).
///
/// # Safety
///
/// As for [`seamcall_narrow`]; `seamcall` selects the instruction.
unsafe fn narrow(
    seamcall: bool,
    call: &'static CallSite,
    inputs: &[u64; 6],
    regs: &mut [u64; 7],
) -> bool {
    let mut left = call.retry;
    while TdxStatus::from_raw(regs[0]).is_error() {
        if !retry(regs[0], &mut left) {
            return false;
        }
        // SAFETY: forwarded from the caller's contract.
        *regs = unsafe { issue_narrow(seamcall, call.leaf.rax(), inputs) };
    }
    true
}

/// Issue `rax` with RCX–R11 loaded from `inputs`; returns RAX and RCX–R11.
///
/// # Safety
///
/// As for [`seamcall_narrow`]: the leaf reads RCX–R11 and writes at most RAX and RCX–R11.
unsafe fn issue_narrow(seamcall: bool, rax: u64, inputs: &[u64; 6]) -> [u64; 7] {
    let mut out = [0u64; 7];
    macro_rules! narrow {
        ($instruction:literal $(, $fail:literal)* ; $($operand:tt)*) => {
            // SAFETY: the leaf reads RCX–R11 (loaded from `inputs`) and writes at most RAX and
            // RCX–R11 (taken back), which the caller's contract and the ABI table guarantee;
            // for SEAMCALL, CF=1 is turned into TDX_SEAMCALL_VMFAILINVALID as in the wrapper.
            unsafe {
                core::arch::asm!(
                    $instruction,
                    $($fail,)*
                    $($operand)*
                    inout("rax") rax => out[0],
                    inout("rcx") inputs[0] => out[1],
                    inout("rdx") inputs[1] => out[2],
                    inout("r8") inputs[2] => out[3],
                    inout("r9") inputs[3] => out[4],
                    inout("r10") inputs[4] => out[5],
                    inout("r11") inputs[5] => out[6],
                    options(nostack),
                );
            }
        };
    }
    if seamcall {
        narrow!("seamcall", "jnc 2f", "mov rax, {vmfailinvalid}", "2:";
            vmfailinvalid = const VMFAILINVALID,);
    } else {
        narrow!("tdcall";);
    }
    out
}

/// Issue `rax` with every operand register in and out through `regs`.
///
/// # Safety
///
/// As for [`seamcall_wide`]; `seamcall` selects the instruction.
unsafe fn issue_wide(seamcall: bool, rax: u64, regs: &mut ModuleArgs) -> u64 {
    let status: u64;
    let ptr: *mut ModuleArgs = regs;
    macro_rules! wide {
        ($instruction:literal $(, $fail:literal)* ; $($operand:tt)*) => {
            // SAFETY: `ptr` is a live `&mut ModuleArgs`; the block saves and restores RBP and
            // RBX, loads all 13 operand registers from it, writes them back through it and
            // declares every other register it touches clobbered, as the `regs = …` form.
            unsafe {
                core::arch::asm!(
                    "push rbp",
                    "push rbx",
                    "push rdi",
                    "mov rcx, [rdi]",
                    "mov rdx, [rdi + 8]",
                    "mov r8, [rdi + 16]",
                    "mov r9, [rdi + 24]",
                    "mov r10, [rdi + 32]",
                    "mov r11, [rdi + 40]",
                    "mov r12, [rdi + 48]",
                    "mov r13, [rdi + 56]",
                    "mov r14, [rdi + 64]",
                    "mov r15, [rdi + 72]",
                    "mov rbx, [rdi + 80]",
                    "mov rsi, [rdi + 96]",
                    "mov rdi, [rdi + 88]",
                    $instruction,
                    $($fail,)*
                    "push rax",
                    "mov rax, [rsp + 8]",
                    "mov [rax], rcx",
                    "mov [rax + 8], rdx",
                    "mov [rax + 16], r8",
                    "mov [rax + 24], r9",
                    "mov [rax + 32], r10",
                    "mov [rax + 40], r11",
                    "mov [rax + 48], r12",
                    "mov [rax + 56], r13",
                    "mov [rax + 64], r14",
                    "mov [rax + 72], r15",
                    "mov [rax + 80], rbx",
                    "mov [rax + 88], rdi",
                    "mov [rax + 96], rsi",
                    "pop rax",
                    "add rsp, 8",
                    "pop rbx",
                    "pop rbp",
                    $($operand)*
                    inout("rax") rax => status,
                    inout("rdi") ptr => _,
                    lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
                    lateout("r10") _, lateout("r11") _, lateout("r12") _, lateout("r13") _,
                    lateout("r14") _, lateout("r15") _, lateout("rsi") _,
                );
            }
        };
    }
    if seamcall {
        wide!("seamcall", "jnc 2f", "mov rax, {vmfailinvalid}", "2:";
            vmfailinvalid = const VMFAILINVALID,);
    } else {
        wide!("tdcall";);
    }
    status
}

/// The shared path of a wide wrapper (one that binds or takes back a register above R11):
/// `status` and `regs` as the first attempt returned them, `inputs` the image it was issued
/// with. On `Ok`, the status of the successful attempt.
///
/// # Safety
///
/// The wrapper's contract: re-issuing `call.leaf` with `inputs` is what the wrapper's caller
/// asked for.
#[cold]
#[inline(never)]
pub unsafe fn seamcall_wide(
    call: &'static CallSite,
    inputs: &ModuleArgs,
    status: u64,
    regs: &mut ModuleArgs,
) -> Result<u64, TdxError> {
    // SAFETY: forwarded.
    unsafe { wide(true, call, inputs, status, regs) }
}

/// [`seamcall_wide`] for TDCALL.
///
/// # Safety
///
/// As for [`seamcall_wide`].
#[cold]
#[inline(never)]
pub unsafe fn tdcall_wide(
    call: &'static CallSite,
    inputs: &ModuleArgs,
    status: u64,
    regs: &mut ModuleArgs,
) -> Result<u64, TdxError> {
    // SAFETY: forwarded.
    unsafe { wide(false, call, inputs, status, regs) }
}

/// # Safety
///
/// As for [`seamcall_wide`].
unsafe fn wide(
    seamcall: bool,
    call: &'static CallSite,
    inputs: &ModuleArgs,
    mut status: u64,
    regs: &mut ModuleArgs,
) -> Result<u64, TdxError> {
    let mut left = call.retry;
    while TdxStatus::from_raw(status).is_error() {
        if !retry(status, &mut left) {
            return Err(TdxError::new(call, TdxStatus::from_raw(status), *regs));
        }
        *regs = *inputs;
        // SAFETY: forwarded from the caller's contract.
        status = unsafe { issue_wide(seamcall, call.leaf.rax(), regs) };
    }
    Ok(status)
}
