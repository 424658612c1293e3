//! The machinery of the (b') entries: `shaped!` and the pieces it expands to.

/// The kind of a family.
macro_rules! kind {
    (seamcall) => {
        Kind::Seamcall
    };
    (tdcall) => {
        Kind::Tdcall
    };
}

/// The instruction with the inputs an entry names: `(registers, input image)`, the registers
/// [`Taken`] (RAX, RCX..R15; those above R11 zero unless taken back).
///
/// The entry lists its inputs in register order (`[rcx = a, r8 = b, r12 = c]`), after `out`
/// the registers above R11 the leaf returns values in, and after `clobber` those it writes and
/// (a) does not take back, both in register order. Every register from RCX to R11 is an output
/// (`inout` where it is an input, `lateout` where not); R12..R15 are `in` where they are
/// inputs, `lateout` into the registers where they are outputs, `lateout(..) _` where
/// clobbered. The muncher below walks the registers in order and collects the operands, one
/// rule per register and case (macro patterns compare a register name only with a literal).
macro_rules! issue {
    ($family:ident $rax:expr; [$($reg:ident = $val:expr),* $(,)?] [$($out:ident),*]
        [$($clob:ident),*]) => {{
        let i = ModuleArgs { $($reg: $val,)* ..ModuleArgs::ZERO };
        let mut r: Taken = [0; 11];
        issue!(@rcx $family ($rax) r i [] [$($reg)*] {[$($out)*] [$($clob)*]});
        (r, i)
    }};
    // RCX..R11: an output, and an input if the entry names it.
    (@rcx $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [rcx $($in:ident)*] $c:tt) => {
        issue!(@rdx $f $a $r $i [$($o)* inout("rcx") $i.rcx => $r[1],] [$($in)*] $c)
    };
    (@rcx $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt $c:tt) => {
        issue!(@rdx $f $a $r $i [$($o)* lateout("rcx") $r[1],] $in $c)
    };
    (@rdx $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [rdx $($in:ident)*] $c:tt) => {
        issue!(@r8 $f $a $r $i [$($o)* inout("rdx") $i.rdx => $r[2],] [$($in)*] $c)
    };
    (@rdx $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt $c:tt) => {
        issue!(@r8 $f $a $r $i [$($o)* lateout("rdx") $r[2],] $in $c)
    };
    (@r8 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [r8 $($in:ident)*] $c:tt) => {
        issue!(@r9 $f $a $r $i [$($o)* inout("r8") $i.r8 => $r[3],] [$($in)*] $c)
    };
    (@r8 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt $c:tt) => {
        issue!(@r9 $f $a $r $i [$($o)* lateout("r8") $r[3],] $in $c)
    };
    (@r9 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [r9 $($in:ident)*] $c:tt) => {
        issue!(@r10 $f $a $r $i [$($o)* inout("r9") $i.r9 => $r[4],] [$($in)*] $c)
    };
    (@r9 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt $c:tt) => {
        issue!(@r10 $f $a $r $i [$($o)* lateout("r9") $r[4],] $in $c)
    };
    (@r10 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [r10 $($in:ident)*] $c:tt) => {
        issue!(@r11 $f $a $r $i [$($o)* inout("r10") $i.r10 => $r[5],] [$($in)*] $c)
    };
    (@r10 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt $c:tt) => {
        issue!(@r11 $f $a $r $i [$($o)* lateout("r10") $r[5],] $in $c)
    };
    (@r11 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [r11 $($in:ident)*] $c:tt) => {
        issue!(@r12 $f $a $r $i [$($o)* inout("r11") $i.r11 => $r[6],] [$($in)*] $c)
    };
    (@r11 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt $c:tt) => {
        issue!(@r12 $f $a $r $i [$($o)* lateout("r11") $r[6],] $in $c)
    };
    // R12..R15: an input (the module preserves it), an output, a clobber, or left alone.
    (@r12 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [r12 $($in:ident)*] $tc:tt) => {
        issue!(@r13 $f $a $r $i [$($o)* in("r12") $i.r12,] [$($in)*] $tc)
    };
    (@r12 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt {[r12 $($t:ident)*] $c:tt}) => {
        issue!(@r13 $f $a $r $i [$($o)* lateout("r12") $r[7],] $in {[$($t)*] $c})
    };
    (@r12 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt {$t:tt [r12 $($c:ident)*]}) => {
        issue!(@r13 $f $a $r $i [$($o)* lateout("r12") _,] $in {$t [$($c)*]})
    };
    (@r12 $f:tt $a:tt $r:ident $i:ident $o:tt $in:tt $tc:tt) => {
        issue!(@r13 $f $a $r $i $o $in $tc)
    };
    (@r13 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [r13 $($in:ident)*] $tc:tt) => {
        issue!(@r14 $f $a $r $i [$($o)* in("r13") $i.r13,] [$($in)*] $tc)
    };
    (@r13 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt {[r13 $($t:ident)*] $c:tt}) => {
        issue!(@r14 $f $a $r $i [$($o)* lateout("r13") $r[8],] $in {[$($t)*] $c})
    };
    (@r13 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt {$t:tt [r13 $($c:ident)*]}) => {
        issue!(@r14 $f $a $r $i [$($o)* lateout("r13") _,] $in {$t [$($c)*]})
    };
    (@r13 $f:tt $a:tt $r:ident $i:ident $o:tt $in:tt $tc:tt) => {
        issue!(@r14 $f $a $r $i $o $in $tc)
    };
    (@r14 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [r14 $($in:ident)*] $tc:tt) => {
        issue!(@r15 $f $a $r $i [$($o)* in("r14") $i.r14,] [$($in)*] $tc)
    };
    (@r14 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt {[r14 $($t:ident)*] $c:tt}) => {
        issue!(@r15 $f $a $r $i [$($o)* lateout("r14") $r[9],] $in {[$($t)*] $c})
    };
    (@r14 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] $in:tt {$t:tt [r14 $($c:ident)*]}) => {
        issue!(@r15 $f $a $r $i [$($o)* lateout("r14") _,] $in {$t [$($c)*]})
    };
    (@r14 $f:tt $a:tt $r:ident $i:ident $o:tt $in:tt $tc:tt) => {
        issue!(@r15 $f $a $r $i $o $in $tc)
    };
    (@r15 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [r15] {[] []}) => {
        issue!(@asm $f $a $r [$($o)* in("r15") $i.r15,])
    };
    (@r15 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [] {[r15] []}) => {
        issue!(@asm $f $a $r [$($o)* lateout("r15") $r[10],])
    };
    (@r15 $f:tt $a:tt $r:ident $i:ident [$($o:tt)*] [] {[] [r15]}) => {
        issue!(@asm $f $a $r [$($o)* lateout("r15") _,])
    };
    (@r15 $f:tt $a:tt $r:ident $i:ident $o:tt [] {[] []}) => {
        issue!(@asm $f $a $r $o)
    };
    (@asm seamcall ($rax:expr) $r:ident [$($o:tt)*]) => {
        // SAFETY: the caller upholds the leaf's contract (see the function's `# Safety`); every
        // register the module may write is an output or a clobber; no stack is used.
        unsafe {
            asm!("seamcall", "jnc 2f", "mov rax, {vmfailinvalid}", "2:",
                vmfailinvalid = const VMFAILINVALID,
                inout("rax") $rax => $r[0], $($o)* options(nostack))
        }
    };
    (@asm tdcall ($rax:expr) $r:ident [$($o:tt)*]) => {
        // SAFETY: the caller upholds the leaf's contract (see the function's `# Safety`); every
        // register the module may write is an output or a clobber; no stack is used.
        unsafe { asm!("tdcall", inout("rax") $rax => $r[0], $($o)* options(nostack)) }
    };
}

/// What the cold path of an entry does: `retry` (SEAMCALL with the entropy retry, the inputs
/// in RCX..R9), `retry_wide` (the same, the inputs anywhere up to R15), `retry_taking` (the
/// same, for the leaves the module writes above R11 for: TDH.SERVTD.BIND and TDH.DMAR.READ
/// return values there, TDH.MEM.PAGE.PROMOTE error information) or `once`.
/// The retry policy (a) declares for the same leaf, so the two `CallSite`s agree.
macro_rules! retries {
    (retry) => {
        tdx_core::error::Retries {
            entropy: 9,
            busy: 0,
        }
    };
    (retry_wide) => {
        retries!(retry)
    };
    (retry_taking) => {
        retries!(retry)
    };
    (once) => {
        tdx_core::error::Retries::NONE
    };
}

macro_rules! cold {
    (retry, $call:expr, $r:ident, $i:ident) => {{
        let (i, r) = ([$i.rcx, $i.rdx, $i.r8, $i.r9], $r);
        // SAFETY: forwarded from the caller.
        let ok = unsafe { seamcall_failed($call, r[2], r[1], r[3], r[4], r[0], r[5], r[6], i) }?;
        $r[..7].copy_from_slice(&ok);
    }};
    // The image is copied here, in the cold path, so that the hot path keeps the inputs in
    // registers (a reference to `$i` itself would put the whole struct on the stack first).
    (retry_wide, $call:expr, $r:ident, $i:ident) => {{
        let image: ModuleArgs = $i;
        // SAFETY: forwarded from the caller.
        let ok = unsafe {
            seamcall_failed_wide(
                $call, $r[2], $r[1], $r[3], $r[4], $r[0], $r[5], $r[6], &image,
            )
        }?;
        $r[..7].copy_from_slice(&ok);
    }};
    (retry_taking, $call:expr, $r:ident, $i:ident) => {{
        let (image, mut taken): (ModuleArgs, Taken) = ($i, $r);
        // SAFETY: forwarded from the caller.
        unsafe { seamcall_failed_taking($call, &mut taken, &image) }?;
        $r = taken;
    }};
    (once, $call:expr, $r:ident, $i:ident) => {{
        let _ = $i;
        return Err(call_failed_regs(
            $call, $r[2], $r[1], $r[3], $r[4], $r[0], $r[5], $r[6],
        ));
    }};
}

/// Output register index in [`Taken`], and its type in the ABI table.
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
    (idx r11) => {
        6
    };
    (idx r12) => {
        7
    };
    (idx r13) => {
        8
    };
    (idx r14) => {
        9
    };
    (idx r15) => {
        10
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
    (ty r11) => {
        R11
    };
    (ty r12) => {
        R12
    };
    (ty r13) => {
        R13
    };
    (ty r14) => {
        R14
    };
    (ty r15) => {
        R15
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
        $name:ident($($p:ident: $ty:ty),* $(,)?) => $family:ident $leaf:ident $how:ident
            -> $out:ident $(:: $outp:ident)* $({ $($field:ident: $reg:ident),* $(,)? })?
            [$($ins:tt)*] $(out [$($outr:ident),*])? $(clobber [$($clob:ident),*])?;
    )*) => {
        $(
            /// (b') for this leaf.
            ///
            /// # Safety
            ///
            /// The catalog wrapper's contract.
            #[inline(never)]
            #[allow(unused_unsafe)]
            #[allow(clippy::too_many_arguments)] // one parameter per register, as the wrapper
            #[unsafe(export_name = concat!("tdx_fp_bp_", stringify!($name)))]
            pub unsafe fn $name($($p: $ty),*) -> Result<$out $(:: $outp)*, TdxError> {
                static CALL: CallSite = CallSite {
                    leaf: <abi::$leaf as Leaf>::INFO,
                    // RCX, RDX, R8-R11 and the outputs above R11: what the wrapper takes back.
                    returned: RegSet::from_bits(
                        <abi::$leaf as Leaf>::WRITES.bits()
                            & (0x0f06 $($(| 1 << gpr!($outr))*)?),
                    ),
                    retry: retries!($how),
                };
                #[allow(unused_mut)]
                let (mut r, i) = issue!($family <abi::$leaf as Leaf>::INFO.rax(); [$($ins)*]
                    [$($($outr),*)?] [$($($clob),*)?]);
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
                #[allow(clippy::too_many_arguments)] // as (b')
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
                    let writes = <abi::$leaf as Leaf>::WRITES;
                    let _ = scripted(kind!($family), writes, script, || {
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
                    let writes = <abi::$leaf as Leaf>::WRITES;
                    for script in Script::ALL {
                        if script == Script::VmFailInvalid && kind != Kind::Seamcall {
                            continue; // no CF for TDCALL
                        }
                        let ((a, lost_a), ta) = scripted(kind, writes, script, || {
                            // SAFETY: under the scripted trap handler; nothing is accessed
                            // through the sample operands.
                            kept(|| unsafe { crate::subjects::$name::a($($p),*) })
                        });
                        let ((b, lost_b), tb) = scripted(kind, writes, script, || {
                            // SAFETY: as above.
                            kept(|| unsafe { super::$name($($p),*) })
                        });
                        // On VMfailInvalid the module wrote nothing: the registers in the
                        // error are what the wrapper left there, so only the error is compared.
                        let same = if script == Script::VmFailInvalid {
                            a.as_ref().err().map(|e| (e.status(), e.leaf()))
                                == b.as_ref().err().map(|e| (e.status(), e.leaf()))
                                && a.is_err()
                        } else {
                            a == b
                        };
                        compare(stringify!($name), script, <abi::$leaf as Leaf>::DATA.loaded(),
                            (format!("{a:x?}"), format!("{b:x?}"), same), [lost_a, lost_b],
                            &ta, &tb)?;
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
