//! (b'): hand-written wrappers with the *same semantics* as the macro's (a) — a bounded
//! entropy retry for SEAMCALL (10 attempts on `TDX_RND_NO_ENTROPY`, none where (a) has none),
//! every returned register kept in the `TdxError`, success-with-information kept — written in
//! the shape issue 12 describes:
//!
//! * inline: the input moves, the instruction (with the CF check for SEAMCALL), one test of the
//!   status's error bit, and the output moves of a success;
//! * out of line, `#[cold]`, one per family ([`seamcall_failed`], which retries, and
//!   [`call_failed_regs`], which does not): everything else, reached only on an error status.
//!   Their parameters are ordered so that the registers the instruction returned (RDX, RCX, R8,
//!   R9) are already where the calling convention wants them (after the result pointer and the
//!   call site); RAX, R10, R11 and the inputs to retry with follow on the stack.
//!
//! Every SEAMCALL and TDCALL leaf of the catalog that is not a `regs = ...` wrapper has one,
//! exported as `tdx_fp_bp_<leaf>`; [`check_all`] runs each against (a) under the tdx-emu trap
//! (success with information, an error, VMfailInvalid, one `TDX_RND_NO_ENTROPY` then success,
//! and ten of them) and requires the same `Result` (the whole `TdxError` included) and the same
//! registers at every trap.

use core::arch::asm;

use tdx_calls::handles::{TdxTd, TdxVp};
use tdx_calls::{guest, host};
use tdx_core::__private::{R8, R9, R10, Rcx, Rdx, output};
use tdx_core::abi::{self, Leaf};
use tdx_core::reg::{RegEncode, RegSet};
use tdx_core::{
    AcceptGpa, CallSite, FieldId, Gpa, GpaListInfo, Guest, Hkid, Hpa, KeyedHpa, MigscPage,
    ModuleArgs, Page, PamtRange, Sept, SeptGpa, Tdcs, Tdcx, TdxError, TdxStatus,
};
use tdx_core::{CacheWbMode, RtmrIndex};

use crate::check::{Kind, Sample};
use crate::linux::VMFAILINVALID;
use crate::script::{Script, scripted};
use tdx_emu::CpuState;

/// RAX, RCX, RDX, R8-R11 as an instruction returned them.
pub type Returned = [u64; 7];

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

/// The kind of a family.
macro_rules! kind {
    (seamcall) => {
        Kind::Seamcall
    };
    (tdcall) => {
        Kind::Tdcall
    };
}

/// Compare (a)'s and (b')'s results and the registers their traps saw (RAX and the leaf's
/// input registers among RCX, RDX, R8, R9).
fn compare(
    name: &str,
    script: Script,
    inputs: RegSet,
    (a, b, same): (String, String, bool),
    ta: &[CpuState],
    tb: &[CpuState],
) -> Result<(), String> {
    let fail = |what: String| Err(format!("{name} ({script:?}): {what}"));
    if !same {
        return fail(format!("results differ: (a) {a}, (b') {b}"));
    }
    if ta.len() != tb.len() {
        return fail(format!("(a) trapped {} times, (b') {}", ta.len(), tb.len()));
    }
    for (n, (x, y)) in ta.iter().zip(tb).enumerate() {
        let regs = [
            (0, x.rax, y.rax),
            (1, x.rcx, y.rcx),
            (2, x.rdx, y.rdx),
            (8, x.r8, y.r8),
            (9, x.r9, y.r9),
        ];
        for (index, got_a, got_b) in regs {
            if (index == 0 || inputs.contains(index)) && got_a != got_b {
                return fail(format!(
                    "trap {n}, register {index}: (a) {got_a:#x}, (b') {got_b:#x}"
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

/// The instruction with the inputs an entry names; `(returned registers, inputs for a retry)`.
macro_rules! issue {
    (@regs $ra:ident $rc:ident $rd:ident $r8:ident $r9:ident $r10:ident $r11:ident
        [$($t:literal),*] [$($named:tt)*] $rax:expr; $($op:tt)*) => {
        // SAFETY: the caller upholds the leaf's contract (see the function's `# Safety`); every
        // register the module may write is an output; no stack is used.
        unsafe {
            asm!($($t,)* $($named)* inout("rax") $rax => $ra, $($op)*
                lateout("r10") $r10, lateout("r11") $r11, options(nostack))
        }
    };
    (@ops $t:tt $n:tt $rax:expr; []) => {{
        let (rax, rcx, rdx, r8, r9, r10, r11): (u64, u64, u64, u64, u64, u64, u64);
        issue!(@regs rax rcx rdx r8 r9 r10 r11 $t $n $rax; lateout("rcx") rcx, lateout("rdx") rdx,
            lateout("r8") r8, lateout("r9") r9,);
        let r: Returned = [rax, rcx, rdx, r8, r9, r10, r11];
        (r, [0, 0, 0, 0])
    }};
    (@ops $t:tt $n:tt $rax:expr; [rcx = $a:expr]) => {{
        let a: u64 = $a;
        let (rax, rcx, rdx, r8, r9, r10, r11): (u64, u64, u64, u64, u64, u64, u64);
        issue!(@regs rax rcx rdx r8 r9 r10 r11 $t $n $rax; inout("rcx") a => rcx, lateout("rdx") rdx,
            lateout("r8") r8, lateout("r9") r9,);
        let r: Returned = [rax, rcx, rdx, r8, r9, r10, r11];
        (r, [a, 0, 0, 0])
    }};
    (@ops $t:tt $n:tt $rax:expr; [rdx = $b:expr]) => {{
        let b: u64 = $b;
        let (rax, rcx, rdx, r8, r9, r10, r11): (u64, u64, u64, u64, u64, u64, u64);
        issue!(@regs rax rcx rdx r8 r9 r10 r11 $t $n $rax; lateout("rcx") rcx, inout("rdx") b => rdx,
            lateout("r8") r8, lateout("r9") r9,);
        let r: Returned = [rax, rcx, rdx, r8, r9, r10, r11];
        (r, [0, b, 0, 0])
    }};
    (@ops $t:tt $n:tt $rax:expr; [rcx = $a:expr, rdx = $b:expr]) => {{
        let (a, b): (u64, u64) = ($a, $b);
        let (rax, rcx, rdx, r8, r9, r10, r11): (u64, u64, u64, u64, u64, u64, u64);
        issue!(@regs rax rcx rdx r8 r9 r10 r11 $t $n $rax; inout("rcx") a => rcx, inout("rdx") b => rdx,
            lateout("r8") r8, lateout("r9") r9,);
        let r: Returned = [rax, rcx, rdx, r8, r9, r10, r11];
        (r, [a, b, 0, 0])
    }};
    (@ops $t:tt $n:tt $rax:expr; [rcx = $a:expr, rdx = $b:expr, r8 = $c:expr]) => {{
        let (a, b, c): (u64, u64, u64) = ($a, $b, $c);
        let (rax, rcx, rdx, r8, r9, r10, r11): (u64, u64, u64, u64, u64, u64, u64);
        issue!(@regs rax rcx rdx r8 r9 r10 r11 $t $n $rax; inout("rcx") a => rcx, inout("rdx") b => rdx,
            inout("r8") c => r8, lateout("r9") r9,);
        let r: Returned = [rax, rcx, rdx, r8, r9, r10, r11];
        (r, [a, b, c, 0])
    }};
    (@ops $t:tt $n:tt $rax:expr; [rcx = $a:expr, rdx = $b:expr, r8 = $c:expr, r9 = $d:expr]) => {{
        let (a, b, c, d): (u64, u64, u64, u64) = ($a, $b, $c, $d);
        let (rax, rcx, rdx, r8, r9, r10, r11): (u64, u64, u64, u64, u64, u64, u64);
        issue!(@regs rax rcx rdx r8 r9 r10 r11 $t $n $rax; inout("rcx") a => rcx, inout("rdx") b => rdx,
            inout("r8") c => r8, inout("r9") d => r9,);
        let r: Returned = [rax, rcx, rdx, r8, r9, r10, r11];
        (r, [a, b, c, d])
    }};
    (@ops $t:tt $n:tt $rax:expr; [rdx = $b:expr, r8 = $c:expr]) => {{
        let (b, c): (u64, u64) = ($b, $c);
        let (rax, rcx, rdx, r8, r9, r10, r11): (u64, u64, u64, u64, u64, u64, u64);
        issue!(@regs rax rcx rdx r8 r9 r10 r11 $t $n $rax; lateout("rcx") rcx, inout("rdx") b => rdx,
            inout("r8") c => r8, lateout("r9") r9,);
        let r: Returned = [rax, rcx, rdx, r8, r9, r10, r11];
        (r, [0, b, c, 0])
    }};
    (@ops $t:tt $n:tt $rax:expr; [rdx = $b:expr, r8 = $c:expr, r9 = $d:expr]) => {{
        let (b, c, d): (u64, u64, u64) = ($b, $c, $d);
        let (rax, rcx, rdx, r8, r9, r10, r11): (u64, u64, u64, u64, u64, u64, u64);
        issue!(@regs rax rcx rdx r8 r9 r10 r11 $t $n $rax; lateout("rcx") rcx, inout("rdx") b => rdx,
            inout("r8") c => r8, inout("r9") d => r9,);
        let r: Returned = [rax, rcx, rdx, r8, r9, r10, r11];
        (r, [0, b, c, d])
    }};
    (seamcall $rax:expr; $ins:tt) => {
        issue!(@ops ["seamcall", "jnc 2f", "mov rax, {vmfailinvalid}", "2:"]
            [vmfailinvalid = const VMFAILINVALID,] $rax; $ins)
    };
    (tdcall $rax:expr; $ins:tt) => { issue!(@ops ["tdcall"] [] $rax; $ins) };
}

/// What the cold path of an entry does: `retry` (SEAMCALL with the entropy retry) or `once`.
/// The retry policy (a) declares for the same leaf, so the two `CallSite`s agree.
macro_rules! retries {
    (retry) => {
        tdx_core::error::Retries {
            entropy: 9,
            busy: 0,
        }
    };
    (once) => {
        tdx_core::error::Retries::NONE
    };
}

macro_rules! cold {
    (retry, $call:expr, $r:ident, $i:ident) => {
        // SAFETY: forwarded from the caller.
        $r = unsafe { seamcall_failed($call, $r[2], $r[1], $r[3], $r[4], $r[0], $r[5], $r[6], $i) }?
    };
    (once, $call:expr, $r:ident, $i:ident) => {{
        let _ = $i;
        return Err(call_failed_regs(
            $call, $r[2], $r[1], $r[3], $r[4], $r[0], $r[5], $r[6],
        ));
    }};
}

/// Output register index in [`Returned`], and its type in the ABI table.
macro_rules! reg {
    (idx rcx) => {
        1
    };
    (idx rdx) => {
        2
    };
    (idx r8) => {
        3
    };
    (idx r9) => {
        4
    };
    (idx r10) => {
        5
    };
    (ty rcx) => {
        Rcx
    };
    (ty rdx) => {
        Rdx
    };
    (ty r8) => {
        R8
    };
    (ty r9) => {
        R9
    };
    (ty r10) => {
        R10
    };
}

/// The `Ok` value from the returned registers.
macro_rules! ok_value {
    ($r:ident, $leaf:ident, TdxStatus) => { TdxStatus::from_raw($r[0]) };
    ($r:ident, $leaf:ident, $($out:ident)::+ { $($field:ident: $reg:ident),* }) => {
        $($out)::+ {
            status: TdxStatus::from_raw($r[0]),
            $($field: output::<_, abi::$leaf, reg!(ty $reg)>($r[reg!(idx $reg)]),)*
        }
    };
}

/// The (b') entries, see the module documentation.
macro_rules! shaped {
    ($(
        $name:ident($($p:ident: $ty:ty),*) => $family:ident $leaf:ident $how:ident
            -> $out:ident $(:: $outp:ident)* $({ $($field:ident: $reg:ident),* })?
            [$($ins:tt)*];
    )*) => {
        $(
            /// (b') for this leaf.
            ///
            /// # Safety
            ///
            /// The catalog wrapper's contract.
            #[inline(never)]
            #[allow(unused_unsafe)]
            #[unsafe(export_name = concat!("tdx_fp_bp_", stringify!($name)))]
            pub unsafe fn $name($($p: $ty),*) -> Result<$out $(:: $outp)*, TdxError> {
                static CALL: CallSite = CallSite {
                    leaf: <abi::$leaf as Leaf>::INFO,
                    returned: RegSet::from_bits(<abi::$leaf as Leaf>::WRITES.bits() & 0x0f06),
                    retry: retries!($how),
                };
                #[allow(unused_mut)]
                let (mut r, i) = issue!($family <abi::$leaf as Leaf>::INFO.rax(); [$($ins)*]);
                if TdxStatus::from_raw(r[0]).is_error() {
                    cold!($how, &CALL, r, i);
                }
                Ok(ok_value!(r, $leaf, $out $(:: $outp)* $({ $($field: $reg),* })?))
            }
        )*

        /// The callers: call (b') and check its `Result`, as a call site does.
        pub mod callers {
            use super::*;
            $(
                /// Call (b') and test the `Result`.
                ///
                /// # Safety
                ///
                /// As (b').
                #[inline(never)]
                #[unsafe(export_name = concat!("tdx_cs_bp_", stringify!($name)))]
                pub unsafe fn $name($($p: $ty),*) -> bool {
                    // SAFETY: forwarded from the caller.
                    unsafe { super::$name($($p),*) }.is_ok()
                }
            )*
        }

        /// Run (b') once under a scripted trap (for the instruction counter).
        pub mod runs {
            use super::*;
            $(
                /// Call (b') with sample operands under `script`.
                pub fn $name(script: Script) {
                    // Keeps the call site linked into the binary the footprint bench measures.
                    core::hint::black_box(callers::$name as *const ());
                    #[allow(unused_mut, unused_variables)]
                    let mut tag = 0u64;
                    $(
                        tag += 1;
                        let $p: $ty = Sample::sample(tag);
                    )*
                    let _ = scripted(kind!($family), script, || {
                        // SAFETY: under the scripted trap handler, which answers the
                        // instruction; nothing is accessed through the sample operands.
                        core::hint::black_box(unsafe { super::$name($($p),*) })
                    });
                }
            )*
        }

        /// (b') against (a) under the trap.
        pub mod checks {
            use super::*;
            $(
                /// Same `Result` and same registers at every trap as (a), on every script.
                pub fn $name() -> Result<(), String> {
                    #[allow(unused_mut, unused_variables)]
                    let mut tag = 0u64;
                    $(
                        tag += 1;
                        let $p: $ty = Sample::sample(tag);
                    )*
                    let kind = kind!($family);
                    for script in Script::ALL {
                        if script == Script::VmFailInvalid && kind != Kind::Seamcall {
                            continue; // no CF for TDCALL
                        }
                        // SAFETY: under the scripted trap handler; nothing is accessed through
                        // the sample operands.
                        let (a, ta) = scripted(kind, script, || unsafe {
                            crate::subjects::$name::a($($p),*)
                        });
                        // SAFETY: as above.
                        let (b, tb) = scripted(kind, script, || unsafe { super::$name($($p),*) });
                        // On VMfailInvalid the module wrote nothing: the registers in the
                        // error are what the wrapper left there, so only the error is compared.
                        let same = if script == Script::VmFailInvalid {
                            a.as_ref().err().map(|e| (e.status(), e.leaf()))
                                == b.as_ref().err().map(|e| (e.status(), e.leaf()))
                                && a.is_err()
                        } else {
                            a == b
                        };
                        compare(stringify!($name), script, <abi::$leaf as Leaf>::INPUTS,
                            (format!("{a:x?}"), format!("{b:x?}"), same), &ta, &tb)?;
                    }
                    Ok(())
                }
            )*
        }

        /// Every (b'), in catalog order.
        pub static SHAPED: &[Shaped] = &[$(Shaped {
            name: stringify!($name),
            check: checks::$name,
            run: runs::$name,
        }),*];
    };
}

shaped! {
    tdh_mng_addcx(td: &TdxTd<'_>, tdcs: Page<Tdcs>) => seamcall TdhMngAddcx retry -> TdxStatus
        [rcx = tdcs.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mem_page_add(td: &TdxTd<'_>, gpa: Gpa, page: Page<Guest>, source: Hpa)
        => seamcall TdhMemPageAdd retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = page.to_reg(), r9 = source.to_reg()];
    tdh_mem_sept_add(td: &TdxTd<'_>, gpa: SeptGpa, page: Page<Sept>)
        => seamcall TdhMemSeptAdd retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = page.to_reg()];
    tdh_vp_addcx(vp: &TdxVp<'_>, tdcx: Page<Tdcx>) => seamcall TdhVpAddcx retry -> TdxStatus
        [rcx = tdcx.to_reg(), rdx = vp.tdvpr.to_reg()];
    tdh_mem_page_aug(td: &TdxTd<'_>, gpa: SeptGpa, page: Page<Guest>)
        => seamcall TdhMemPageAug retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = page.to_reg()];
    tdh_mem_range_block(td: &TdxTd<'_>, gpa: SeptGpa)
        => seamcall TdhMemRangeBlock retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mng_key_config(td: &TdxTd<'_>) => seamcall TdhMngKeyConfig retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_mng_create(td: &TdxTd<'_>, hkid: Hkid) => seamcall TdhMngCreate retry -> TdxStatus
        [rcx = td.tdr.to_reg(), rdx = hkid.to_reg()];
    tdh_vp_create(td: &TdxTd<'_>, vp: &TdxVp<'_>) => seamcall TdhVpCreate retry -> TdxStatus
        [rcx = vp.tdvpr.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mng_rd(td: &TdxTd<'_>, field: FieldId) => seamcall TdhMngRd retry
        -> host::MngRd { value: r8 } [rcx = td.tdr.to_reg(), rdx = field.to_reg()];
    tdh_mr_extend(td: &TdxTd<'_>, gpa: Gpa) => seamcall TdhMrExtend retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mr_finalize(td: &TdxTd<'_>) => seamcall TdhMrFinalize retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_vp_flush(vp: &TdxVp<'_>) => seamcall TdhVpFlush retry -> TdxStatus
        [rcx = vp.tdvpr.to_reg()];
    tdh_mng_vpflushdone(td: &TdxTd<'_>) => seamcall TdhMngVpflushdone retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_mng_key_freeid(td: &TdxTd<'_>) => seamcall TdhMngKeyFreeid retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_mng_init(td: &TdxTd<'_>, td_params: Hpa) => seamcall TdhMngInit retry -> TdxStatus
        [rcx = td.tdr.to_reg(), rdx = td_params.to_reg()];
    tdh_vp_init(vp: &TdxVp<'_>, initial_rcx: u64, x2apic_id: u64)
        => seamcall TdhVpInit retry -> TdxStatus
        [rcx = vp.tdvpr.to_reg(), rdx = initial_rcx, r8 = x2apic_id];
    tdh_phymem_page_rdmd(page: Hpa) => seamcall TdhPhymemPageRdmd once
        -> host::PageRdmd { page_type: rcx } [rcx = page.to_reg()];
    tdh_vp_rd(vp: &TdxVp<'_>, field: FieldId) => seamcall TdhVpRd retry
        -> host::VpRd { value: r8 } [rcx = vp.tdvpr.to_reg(), rdx = field.to_reg()];
    tdh_phymem_page_reclaim(page: Hpa) => seamcall TdhPhymemPageReclaim retry
        -> host::PageReclaim { page_type: rcx, owner: rdx, page_size: r8 } [rcx = page.to_reg()];
    tdh_mem_page_remove(td: &TdxTd<'_>, gpa: SeptGpa)
        => seamcall TdhMemPageRemove retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_sys_key_config() => seamcall TdhSysKeyConfig retry -> TdxStatus [];
    tdh_sys_init() => seamcall TdhSysInit retry -> TdxStatus [rcx = 0];
    tdh_sys_rd(field: FieldId) => seamcall TdhSysRd retry -> host::SysRd { value: r8 }
        [rdx = field.to_reg()];
    tdh_sys_lp_init() => seamcall TdhSysLpInit retry -> TdxStatus [];
    tdh_sys_tdmr_init(tdmr_base: Hpa) => seamcall TdhSysTdmrInit retry
        -> host::TdmrInit { next: rdx } [rcx = tdmr_base.to_reg()];
    tdh_mem_track(td: &TdxTd<'_>) => seamcall TdhMemTrack retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_phymem_cache_wb(mode: CacheWbMode) => seamcall TdhPhymemCacheWb retry -> TdxStatus
        [rcx = mode.to_reg()];
    tdh_phymem_page_wbinvd(page: KeyedHpa) => seamcall TdhPhymemPageWbinvd retry
        -> TdxStatus [rcx = page.to_reg()];
    tdh_vp_wr(vp: &TdxVp<'_>, field: FieldId, value: u64, mask: u64)
        => seamcall TdhVpWr retry -> host::VpWr { old: r8 }
        [rcx = vp.tdvpr.to_reg(), rdx = field.to_reg(), r8 = value, r9 = mask];
    tdh_sys_config(tdmr_info_array: Hpa, nr_tdmrs: u64, global_keyid: Hkid)
        => seamcall TdhSysConfig retry -> TdxStatus
        [rcx = tdmr_info_array.to_reg(), rdx = nr_tdmrs, r8 = global_keyid.to_reg()];
    tdh_sys_shutdown(handoff_version: u64) => seamcall TdhSysShutdown retry -> TdxStatus
        [rcx = handoff_version];
    tdh_sys_update() => seamcall TdhSysUpdate retry -> TdxStatus [];
    tdh_sys_disable() => seamcall TdhSysDisable retry -> TdxStatus [];
    tdh_mem_page_relocate(td: &TdxTd<'_>, gpa: SeptGpa, target: Page<Guest>)
        => seamcall TdhMemPageRelocate retry -> host::MemPageRelocate { old_page: rcx }
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = target.to_reg()];
    tdh_mem_rd(td: &TdxTd<'_>, gpa: Gpa) => seamcall TdhMemRd retry
        -> host::MemRd { data: r8 } [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mng_wr(td: &TdxTd<'_>, field: FieldId, value: u64, mask: u64)
        => seamcall TdhMngWr retry -> host::MngWr { old: r8 }
        [rcx = td.tdr.to_reg(), rdx = field.to_reg(), r8 = value, r9 = mask];
    tdh_mem_wr(td: &TdxTd<'_>, gpa: Gpa, data: u64) => seamcall TdhMemWr retry
        -> host::MemWr { old: r8 } [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = data];
    tdh_mem_page_promote(td: &TdxTd<'_>, gpa: SeptGpa) => seamcall TdhMemPagePromote retry
        -> host::MemPagePromote { sept_page: rcx } [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mem_sept_rd(td: &TdxTd<'_>, gpa: SeptGpa) => seamcall TdhMemSeptRd retry
        -> host::MemSeptRd { entry: rcx, level_state: rdx, attributes: r8 }
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mng_key_reclaimid(td: &TdxTd<'_>) => seamcall TdhMngKeyReclaimid retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_mem_sept_remove(td: &TdxTd<'_>, gpa: SeptGpa) => seamcall TdhMemSeptRemove retry
        -> host::MemSeptRemove { sept_page: rcx } [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_sys_info(sysinfo: Hpa, sysinfo_len: u64, cmrs: Hpa, cmr_entries: u64)
        => seamcall TdhSysInfo retry -> host::SysInfo { sysinfo_written: rdx, cmrs_written: r9 }
        [rcx = sysinfo.to_reg(), rdx = sysinfo_len, r8 = cmrs.to_reg(), r9 = cmr_entries];
    tdh_sys_rdall(list: Hpa, field: FieldId) => seamcall TdhSysRdall retry
        -> host::SysRdall { next: r8 } [rdx = list.to_reg(), r8 = field.to_reg()];
    tdh_mem_range_unblock(td: &TdxTd<'_>, gpa: SeptGpa)
        => seamcall TdhMemRangeUnblock retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_sys_lp_shutdown() => seamcall TdhSysLpShutdown retry -> TdxStatus [];
    tdh_phymem_pamt_add(range: PamtRange, page0: Page<Guest>, page1: Page<Guest>)
        => seamcall TdhPhymemPamtAdd retry -> TdxStatus
        [rcx = range.to_reg(), rdx = page0.to_reg(), r8 = page1.to_reg()];
    tdh_phymem_pamt_remove(range: PamtRange) => seamcall TdhPhymemPamtRemove retry
        -> host::PhymemPamtRemove { page0: rdx, page1: r8 } [rcx = range.to_reg()];
    tdh_export_blockw(td: &TdxTd<'_>, gpa_list: GpaListInfo) => seamcall TdhExportBlockw retry
        -> host::ExportBlockw { gpa_list: rcx } [rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg()];
    tdh_export_restore(td: &TdxTd<'_>, gpa_list: GpaListInfo)
        => seamcall TdhExportRestore retry -> host::ExportRestore { gpa_list: rcx }
        [rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg()];
    tdh_export_pause(td: &TdxTd<'_>) => seamcall TdhExportPause retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_export_unblockw(td: &TdxTd<'_>, gpa: SeptGpa)
        => seamcall TdhExportUnblockw retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_import_end(td: &TdxTd<'_>) => seamcall TdhImportEnd retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_import_commit(td: &TdxTd<'_>) => seamcall TdhImportCommit retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_mig_stream_create(td: &TdxTd<'_>, migsc: MigscPage)
        => seamcall TdhMigStreamCreate retry -> TdxStatus
        [rcx = migsc.to_reg(), rdx = td.tdr.to_reg()];
    p_seamldr_info(info: Hpa) => seamcall PSeamldrInfo retry -> TdxStatus [rcx = info.to_reg()];
    p_seamldr_install(params: Hpa) => seamcall PSeamldrInstall retry -> TdxStatus
        [rcx = params.to_reg()];
    tdg_vp_info() => tdcall TdgVpInfo once
        -> guest::VpInfo { gpa_width: rcx, attributes: rdx } [];
    tdg_mr_rtmr_extend(data: Gpa, index: RtmrIndex) => tdcall TdgMrRtmrExtend once -> TdxStatus
        [rcx = data.to_reg(), rdx = index.to_reg()];
    tdg_vp_veinfo_get() => tdcall TdgVpVeinfoGet once -> guest::VeInfo {
        exit_reason: rcx, exit_qualification: rdx, gla: r8, gpa: r9, instruction: r10
    } [];
    tdg_mr_report(report: Gpa, report_data: Gpa, subtype: u64) => tdcall TdgMrReport once
        -> TdxStatus [rcx = report.to_reg(), rdx = report_data.to_reg(), r8 = subtype];
    tdg_mem_page_accept(gpa: AcceptGpa) => tdcall TdgMemPageAccept once -> TdxStatus
        [rcx = gpa.to_reg()];
    tdg_vm_rd(field: FieldId) => tdcall TdgVmRd once -> guest::VmRd { value: r8 }
        [rcx = 0, rdx = field.to_reg()];
    tdg_vm_wr(field: FieldId, value: u64, mask: u64)
        => tdcall TdgVmWr once -> guest::VmWr { old: r8 }
        [rcx = 0, rdx = field.to_reg(), r8 = value, r9 = mask];
}
