//! (b'): hand-written wrappers with the *same semantics* as the macro's (a) — a bounded
//! entropy retry for SEAMCALL (10 attempts on `TDX_RND_NO_ENTROPY`, none where (a) has none),
//! every returned register kept in the `TdxError`, success-with-information kept — written in
//! the shape issue 12 describes:
//!
//! * inline: the input moves, the instruction (with the CF check for SEAMCALL), one test of the
//!   status's error bit, and the output moves of a success;
//! * out of line, `#[cold]`, one per family and shape ([`seamcall_failed`], which retries with
//!   RCX..R9, [`seamcall_failed_wide`], which retries with the whole register image, for the
//!   leaves with an input (or a reserved zero) above R9, [`seamcall_failed_taking`], the same
//!   for the leaves the module writes R12 or R13 for (TDH.SERVTD.BIND, TDH.DMAR.READ,
//!   TDH.MEM.PAGE.PROMOTE), and [`call_failed_regs`], which does not retry): everything else,
//!   reached only on an error status. Their parameters are ordered so that the registers
//!   the instruction returned (RDX, RCX, R8, R9) are already where the calling convention wants
//!   them (after the result pointer and the call site); RAX, R10, R11 and the inputs to retry
//!   with follow on the stack.
//!
//! Every SEAMCALL leaf of the catalog that is not a `regs = ...` wrapper, and the TDCALL leaves
//! but the module-1.5 ones of `subjects/tdcall.rs` (TDG.MR.KEY.GET and TDG.VM.RD version 1
//! aside), has one, exported as `tdx_fp_bp_<leaf>`
//! (`entries.rs`; the machinery is in `macros.rs`); [`check_all`] runs each against (a) under
//! the tdx-emu trap (success with information, an error, VMfailInvalid, one
//! `TDX_RND_NO_ENTROPY` then success, and ten of them) and requires the same `Result` (the
//! whole `TdxError` included) and the same input registers at every trap.

use core::arch::asm;

use tdx_calls::handles::{TdxTd, TdxVp};
use tdx_calls::{guest, host};

use tdx_core::__private::{R8, R9, R10, R11, R12, R13, R14, R15, Rcx, Rdx, output};
use tdx_core::abi::{self, Leaf};
use tdx_core::reg::{RegEncode, RegSet};
use tdx_core::{
    AcceptGpa, CallSite, FieldId, Gpa, GpaListInfo, Guest, Hkid, Hpa, KeyedHpa, MigscPage,
    ModuleArgs, Page, PamtRange, Sept, SeptGpa, Tdcs, Tdcx, TdxError, TdxStatus,
};
use tdx_core::{CacheWbMode, RtmrIndex, X2ApicId};
use tdx_core::{
    DevifField, DevifId, DevifReqIn, DevifRspIn, DevifmtIdx, DmarIdx, DmarTarget, FunctionId,
    IdeKmObject, IdeKmParam, IommuId, IommuRegId, MmiomtIdx, MmiomtSetInfo, StreamId,
};
use tdx_core::{
    DynamicPamt, FatalErrorConfig, FeatureEnables, HpaAndSize, L2AttrList, L2SeptPages,
    ListOfLists, MacLists, MigStream, PageListInfo, RangeListInfo, ScanControls, ScanCxPage,
    SeptAddPages, ServtdAttributes, ServtdSlot, ServtdType, TdHandleAndFlags, Tdr,
};

use crate::check::{Kind, Sample};
use crate::linux::VMFAILINVALID;
use crate::preserved::kept;
use crate::registers::{self, OPERANDS, gpr, reg};
use crate::script::{Script, scripted};
use tdx_emu::CpuState;

/// RAX, RCX, RDX, R8-R11 as an instruction returned them.
pub type Returned = [u64; 7];
/// RAX, RCX, RDX, R8-R15 as an instruction returned them: [`Returned`], then R12..R15 where
/// the wrapper takes them back (zero where not).
pub type Taken = [u64; 11];

/// `TDX_RND_NO_ENTROPY`.
pub const RND_NO_ENTROPY: u64 = TdxStatus::RND_NO_ENTROPY.raw();
/// Attempts after the first on `TDX_RND_NO_ENTROPY` (as the macro and Linux's `sc_retry`).
pub const ENTROPY_RETRIES: u32 = 9;

/// The error of a failed call, every returned register kept (as the macro's).
#[inline(always)]
fn error(call: &'static CallSite, r: Returned) -> TdxError {
    let regs = ModuleArgs {
        rcx: r[1],
        rdx: r[2],
        r8: r[3],
        r9: r[4],
        r10: r[5],
        r11: r[6],
        ..ModuleArgs::ZERO
    };
    TdxError::new(call, TdxStatus::from_raw(r[0]), regs)
}

/// SEAMCALL with all four input registers, for a retry.
///
/// # Safety
///
/// The wrapper's contract for the leaf `rax`.
#[inline(always)]
unsafe fn seamcall_all(rax: u64, i: &[u64; 4]) -> Returned {
    let mut r = [0u64; 7];
    // SAFETY: the caller upholds the leaf's contract; every register the module may write is
    // an output; no stack is used.
    unsafe {
        asm!(
            "seamcall",
            "jnc 2f",
            "mov rax, {vmfailinvalid}",
            "2:",
            vmfailinvalid = const VMFAILINVALID,
            inout("rax") rax => r[0],
            inout("rcx") i[0] => r[1],
            inout("rdx") i[1] => r[2],
            inout("r8") i[2] => r[3],
            inout("r9") i[3] => r[4],
            lateout("r10") r[5],
            lateout("r11") r[6],
            options(nostack),
        )
    };
    r
}

/// The shared cold routine of the SEAMCALL wrappers that retry: reached only on an error
/// status; re-issues the leaf (with the original inputs `i`, RCX, RDX, R8, R9) while it returns
/// `TDX_RND_NO_ENTROPY`, at most [`ENTROPY_RETRIES`] more times, then returns the registers of
/// a success or the error with every returned register.
///
/// # Safety
///
/// The wrapper's contract (it may issue the leaf again).
#[cold]
#[inline(never)]
#[allow(clippy::too_many_arguments)] // the registers, in the order the convention wants them
pub unsafe fn seamcall_failed(
    call: &'static CallSite,
    rdx: u64,
    rcx: u64,
    r8: u64,
    r9: u64,
    rax: u64,
    r10: u64,
    r11: u64,
    i: [u64; 4],
) -> Result<Returned, TdxError> {
    let mut r = [rax, rcx, rdx, r8, r9, r10, r11];
    let mut left = ENTROPY_RETRIES;
    while r[0] == RND_NO_ENTROPY && left > 0 {
        left -= 1;
        // SAFETY: forwarded from the caller.
        r = unsafe { seamcall_all(call.leaf.rax(), &i) };
    }
    if TdxStatus::from_raw(r[0]).is_error() {
        Err(error(call, r))
    } else {
        Ok(r)
    }
}

/// SEAMCALL with every operand register loaded from `regs` and written back through it, for a
/// retry of a leaf with an input above R9 (as tdx-core's wide path and Linux's
/// `__seamcall_saved_ret`; the block is tdx-core's `issue_wide`, transcribed): RBP and RBX are
/// saved around the instruction, the pointer travels in RDI before it and on the stack after.
///
/// # Safety
///
/// The wrapper's contract for the leaf `rax`; `regs` holds the inputs it was issued with.
#[inline(always)]
unsafe fn seamcall_image(rax: u64, regs: &mut ModuleArgs) -> u64 {
    let status: u64;
    let ptr: *mut ModuleArgs = regs;
    // SAFETY: `ptr` is a live `&mut ModuleArgs`; RBP and RBX are saved and restored and RSP is
    // balanced; all 13 operand registers are loaded from it and written back through it, every
    // other register the block touches is declared clobbered; the caller upholds the leaf's
    // contract.
    unsafe {
        asm!(
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
            "seamcall",
            "jnc 2f",
            "mov rax, {vmfailinvalid}",
            "2:",
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
            vmfailinvalid = const VMFAILINVALID,
            inout("rax") rax => status,
            inout("rdi") ptr => _,
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _, lateout("r12") _, lateout("r13") _,
            lateout("r14") _, lateout("r15") _, lateout("rsi") _,
        )
    };
    status
}

/// [`seamcall_failed`] for the leaves with an input above R9 (R10..R15): the retry re-issues
/// the whole register image `i` it was first issued with, and, as the macro's wide path, the
/// error after a retry keeps every register of the last attempt. The registers of a success
/// (its status and RCX..R11) come back as [`Returned`].
///
/// # Safety
///
/// The wrapper's contract (it may issue the leaf again).
#[cold]
#[inline(never)]
#[allow(clippy::too_many_arguments)] // the registers, in the order the convention wants them
pub unsafe fn seamcall_failed_wide(
    call: &'static CallSite,
    rdx: u64,
    rcx: u64,
    r8: u64,
    r9: u64,
    rax: u64,
    r10: u64,
    r11: u64,
    i: &ModuleArgs,
) -> Result<Returned, TdxError> {
    let mut regs = ModuleArgs {
        rcx,
        rdx,
        r8,
        r9,
        r10,
        r11,
        ..ModuleArgs::ZERO
    };
    let mut status = rax;
    let mut left = ENTROPY_RETRIES;
    while status == RND_NO_ENTROPY && left > 0 {
        left -= 1;
        regs = *i;
        // SAFETY: forwarded from the caller.
        status = unsafe { seamcall_image(call.leaf.rax(), &mut regs) };
    }
    if TdxStatus::from_raw(status).is_error() {
        Err(TdxError::new(call, TdxStatus::from_raw(status), regs))
    } else {
        Ok([
            status, regs.rcx, regs.rdx, regs.r8, regs.r9, regs.r10, regs.r11,
        ])
    }
}

/// [`seamcall_failed_wide`] for the leaves the module writes above R11 for (TDH.SERVTD.BIND,
/// TDH.DMAR.READ, TDH.MEM.PAGE.PROMOTE): the registers of the first attempt come in through `r` (as the macro's wide
/// path, the error keeps those above R11 too) and those of a success go back through it.
///
/// # Safety
///
/// The wrapper's contract (it may issue the leaf again).
#[cold]
#[inline(never)]
pub unsafe fn seamcall_failed_taking(
    call: &'static CallSite,
    r: &mut Taken,
    i: &ModuleArgs,
) -> Result<(), TdxError> {
    let mut regs = ModuleArgs {
        rcx: r[1],
        rdx: r[2],
        r8: r[3],
        r9: r[4],
        r10: r[5],
        r11: r[6],
        r12: r[7],
        r13: r[8],
        r14: r[9],
        r15: r[10],
        ..ModuleArgs::ZERO
    };
    let mut status = r[0];
    let mut left = ENTROPY_RETRIES;
    while status == RND_NO_ENTROPY && left > 0 {
        left -= 1;
        regs = *i;
        // SAFETY: forwarded from the caller.
        status = unsafe { seamcall_image(call.leaf.rax(), &mut regs) };
    }
    if TdxStatus::from_raw(status).is_error() {
        return Err(TdxError::new(call, TdxStatus::from_raw(status), regs));
    }
    *r = [
        status, regs.rcx, regs.rdx, regs.r8, regs.r9, regs.r10, regs.r11, regs.r12, regs.r13,
        regs.r14, regs.r15,
    ];
    Ok(())
}

/// The shared cold routine of the wrappers that do not retry (TDCALL, and the SEAMCALL leaves
/// (a) does not retry): the error, with every returned register.
#[cold]
#[inline(never)]
#[allow(clippy::too_many_arguments)] // the registers, in the order the convention wants them
pub fn call_failed_regs(
    call: &'static CallSite,
    rdx: u64,
    rcx: u64,
    r8: u64,
    r9: u64,
    rax: u64,
    r10: u64,
    r11: u64,
) -> TdxError {
    error(call, [rax, rcx, rdx, r8, r9, r10, r11])
}

/// One (b').
pub struct Shaped {
    /// The leaf's wrapper name.
    pub name: &'static str,
    /// Compare it with (a) under the trap.
    pub check: fn() -> Result<(), String>,
    /// Run it once under a script.
    pub run: fn(Script),
}

/// Compare (a)'s and (b')'s results and the registers their traps saw (RAX and every register
/// the leaf reads: the table's inputs and reserved zeros), after checking that both kept the
/// callee-saved registers (`lost`, [`kept`]).
fn compare(
    name: &str,
    script: Script,
    inputs: RegSet,
    (a, b, same): (String, String, bool),
    lost: [RegSet; 2],
    ta: &[CpuState],
    tb: &[CpuState],
) -> Result<(), String> {
    let fail = |what: String| Err(format!("{name} ({script:?}): {what}"));
    for (set, lost) in ["(a)", "(b')"].into_iter().zip(lost) {
        if !lost.is_empty() {
            return fail(format!(
                "{set} did not preserve {lost}: the module writes it, the asm! does not declare it"
            ));
        }
    }
    if !same {
        return fail(format!("results differ: (a) {a}, (b') {b}"));
    }
    if ta.len() != tb.len() {
        return fail(format!("(a) trapped {} times, (b') {}", ta.len(), tb.len()));
    }
    for (n, (x, y)) in ta.iter().zip(tb).enumerate() {
        if x.rax != y.rax {
            return fail(format!(
                "trap {n}, RAX: (a) {:#x}, (b') {:#x}",
                x.rax, y.rax
            ));
        }
        for index in OPERANDS.into_iter().filter(|&index| inputs.contains(index)) {
            let (got_a, got_b) = (reg(x, index), reg(y, index));
            if got_a != got_b {
                return fail(format!(
                    "trap {n}, input {}: (a) {got_a:#x}, (b') {got_b:#x}",
                    registers::name(index)
                ));
            }
        }
    }
    Ok(())
}

/// Check every (b') against (a); the failures, one line each.
pub fn check_all() -> Vec<String> {
    SHAPED.iter().filter_map(|s| (s.check)().err()).collect()
}

#[macro_use]
mod macros;
mod entries;

pub use entries::{SHAPED, callers, checks, runs};
