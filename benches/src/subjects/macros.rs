//! The macros the entries are written in: `subjects!`, and the pieces of (a), (b) and (c)
//! it expands to.

/// The number of token trees given: the length of an output array.
macro_rules! count {
    () => { 0usize };
    ($head:tt $($tail:tt)*) => { 1usize + count!($($tail)*) };
}

/// The body of a floor (b): one `asm!` block, the status in RAX.
macro_rules! floor {
    // SEAMCALL: CF=1 (VMfailInvalid) becomes TDX_SEAMCALL_VMFAILINVALID, as tdxcall.S does.
    (seamcall($rax:expr) [$($op:tt)*]) => {{
        let leaf: u64 = $rax;
        let status: u64;
        // SAFETY: the caller upholds the leaf's contract (see the function's `# Safety`); every
        // register the TDX module may write is an output or a clobber; no stack is used.
        unsafe {
            asm!(
                "seamcall",
                "jnc 2f",
                "mov rax, {vmfailinvalid}",
                "2:",
                vmfailinvalid = const VMFAILINVALID,
                inout("rax") leaf => status,
                $($op)*
                options(nostack),
            )
        };
        status
    }};
    (tdcall($rax:expr) [$($op:tt)*]) => {{
        let leaf: u64 = $rax;
        let status: u64;
        // SAFETY: the caller upholds the leaf's contract (see the function's `# Safety`); every
        // register the TDX module (or the VMM) may write is an output or a clobber.
        unsafe {
            asm!(
                "tdcall",
                inout("rax") leaf => status,
                $($op)*
                options(nostack),
            )
        };
        status
    }};
    // RBX cannot be an operand (LLVM reserves it): swap the value in through a scratch
    // register around the instruction, and the VMM's RBX out the same way.
    (tdcall_rbx($rax:expr, $rbx:expr) [$($op:tt)*]) => {{
        let leaf: u64 = $rax;
        let status: u64;
        // SAFETY: the caller upholds the leaf's contract; RBX is swapped back before the block
        // ends; every register the VMM may write is an output or a clobber.
        unsafe {
            asm!(
                "xchg {rbx}, rbx",
                "tdcall",
                "xchg {rbx}, rbx",
                rbx = inout(reg) $rbx => _,
                inout("rax") leaf => status,
                $($op)*
                options(nostack),
            )
        };
        status
    }};
    // All 13 registers in and out through `ModuleArgs`. RBX is reserved by LLVM and RDI holds the
    // pointer, so both go through the stack; after the instruction the returned RDI takes the
    // pointer's place on the stack and is popped straight into the struct. Registers that
    // carried guest or VMM values are cleared (as tdxcall.S does) so they cannot be used
    // speculatively; RBX and R12-R15 are restored anyway.
    (seamcall_regs($rax:expr, $args:expr)) => {{
        let leaf: u64 = $rax;
        let status: u64;
        let ptr: *mut ModuleArgs = $args;
        // SAFETY: `ptr` comes from a `&mut ModuleArgs`; the caller upholds the leaf's contract;
        // RBX is saved and restored around the block, RSP is balanced on every path, and every
        // other register the instruction may write is declared clobbered.
        unsafe {
            asm!(
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
                "jc 2f",
                "push rdi",
                "mov rdi, [rsp + 8]",
                "mov [rdi], rcx",
                "mov [rdi + 8], rdx",
                "mov [rdi + 16], r8",
                "mov [rdi + 24], r9",
                "mov [rdi + 32], r10",
                "mov [rdi + 40], r11",
                "mov [rdi + 48], r12",
                "mov [rdi + 56], r13",
                "mov [rdi + 64], r14",
                "mov [rdi + 72], r15",
                "mov [rdi + 80], rbx",
                "mov [rdi + 96], rsi",
                "pop qword ptr [rdi + 88]",
                "jmp 3f",
                "2:",
                "mov rax, {vmfailinvalid}",
                "3:",
                "add rsp, 8",
                "pop rbx",
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
                "xor esi, esi",
                "xor edi, edi",
                vmfailinvalid = const VMFAILINVALID,
                inout("rax") leaf => status,
                inout("rdi") ptr => _,
                lateout("rcx") _,
                lateout("rdx") _,
                lateout("r8") _,
                lateout("r9") _,
                lateout("r10") _,
                lateout("r11") _,
                lateout("r12") _,
                lateout("r13") _,
                lateout("r14") _,
                lateout("r15") _,
                lateout("rsi") _,
            )
        };
        status
    }};
    (tdcall_regs($rax:expr, $args:expr)) => {{
        let leaf: u64 = $rax;
        let status: u64;
        let ptr: *mut ModuleArgs = $args;
        // SAFETY: `ptr` comes from a `&mut ModuleArgs`; the caller upholds the leaf's contract;
        // RBX is saved and restored around the block, RSP is balanced on every path, and every
        // other register the instruction may write is declared clobbered.
        unsafe {
            asm!(
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
                "tdcall",
                "push rdi",
                "mov rdi, [rsp + 8]",
                "mov [rdi], rcx",
                "mov [rdi + 8], rdx",
                "mov [rdi + 16], r8",
                "mov [rdi + 24], r9",
                "mov [rdi + 32], r10",
                "mov [rdi + 40], r11",
                "mov [rdi + 48], r12",
                "mov [rdi + 56], r13",
                "mov [rdi + 64], r14",
                "mov [rdi + 72], r15",
                "mov [rdi + 80], rbx",
                "mov [rdi + 96], rsi",
                "pop qword ptr [rdi + 88]",
                "add rsp, 8",
                "pop rbx",
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
                "xor esi, esi",
                "xor edi, edi",
                inout("rax") leaf => status,
                inout("rdi") ptr => _,
                lateout("rcx") _,
                lateout("rdx") _,
                lateout("r8") _,
                lateout("r9") _,
                lateout("r10") _,
                lateout("r11") _,
                lateout("r12") _,
                lateout("r13") _,
                lateout("r14") _,
                lateout("r15") _,
                lateout("rsi") _,
            )
        };
        status
    }};
}

/// The body of a Linux-style path (c).
macro_rules! linux {
    // `_tdx_hypercall(fn, r12, r13, ...)`: R10 = standard, R11 = sub-function, the shared
    // `__tdx_hypercall` does the rest. Returns (TDCALL status, [R10, outputs...]).
    (hypercall($subfn:expr) { $($field:ident: $value:expr),* $(,)? } -> [$($out:ident),*]) => {{
        let mut args = ModuleArgs {
            r10: TDX_HYPERCALL_STANDARD,
            r11: $subfn,
            $($field: $value,)*
            ..ModuleArgs::ZERO
        };
        // SAFETY: `args` is live; the caller upholds the sub-function's contract.
        let status = unsafe { crate::linux::tdx_hypercall(&mut args) };
        (status, [$(args.$out),*])
    }};
    // The vendor (KVM) form: R10 is the hypercall number, set by the caller's fields.
    (vendor_hypercall($unused:expr) { $($field:ident: $value:expr),* $(,)? } -> [$($out:ident),*]) => {{
        let mut args = ModuleArgs { $($field: $value,)* ..ModuleArgs::ZERO };
        // SAFETY: `args` is live; the caller upholds the hypercall's contract.
        let status = unsafe { crate::linux::tdx_hypercall(&mut args) };
        (status, [$(args.$out),*])
    }};
    // `seamcall_ret(fn, &args)` and friends: `sc_retry` around the trampoline.
    (retry $tramp:ident($leaf:expr) { $($field:ident: $value:expr),* $(,)? } -> [$($out:ident),*]) => {{
        let mut args = ModuleArgs { $($field: $value,)* ..ModuleArgs::ZERO };
        // SAFETY: `args` is live; the caller upholds the leaf's contract.
        let status = unsafe { crate::linux::sc_retry(crate::linux::$tramp, $leaf, &mut args) };
        (status, [$(args.$out),*])
    }};
    // `__seamcall*(fn, &args)` / `__tdcall*(fn, &args)` without a retry loop.
    ($tramp:ident($leaf:expr) { $($field:ident: $value:expr),* $(,)? } -> [$($out:ident),*]) => {{
        let mut args = ModuleArgs { $($field: $value,)* ..ModuleArgs::ZERO };
        // SAFETY: `args` is live; the caller upholds the leaf's contract.
        let status = unsafe { crate::linux::$tramp($leaf, &mut args) };
        (status, [$(args.$out),*])
    }};
}

/// The values of (a)'s `Ok` output, as raw registers, for [`crate::check`].
macro_rules! a_fields {
    ($out:ident; $ty:path { $($field:ident),* }) => {
        vec![
            crate::check::Raw::raw(&$out.status),
            $(crate::check::Raw::raw(&$out.$field)),*
        ]
    };
    ($out:ident; $ty:path) => { vec![crate::check::Raw::raw(&$out)] };
}

/// The call sites: `#[inline(never)]` callers of (a), (b) and (c) that call the subject and
/// test its result (`is_ok()`; for (b) and (c) the same rule on the raw status), exported as
/// `tdx_cs_{a,b,c}_<leaf>` so that the footprint bench measures what a caller pays.
macro_rules! callers {
    ($name:ident; $($params:tt)*) => { callers!(@split $name [] $($params)*); };
    (@split $name:ident [$($decl:tt)*] ; $($rest:tt)*) => {
        callers!(@args $name [$($decl)*] [] $($rest)*);
    };
    (@split $name:ident [$($decl:tt)*] $t:tt $($rest:tt)*) => {
        callers!(@split $name [$($decl)* $t] $($rest)*);
    };
    (@args $name:ident [$($decl:tt)*] [$($arg:tt)*] ; $ok:ident) => {
        /// Call (a) and test the `Result`.
        ///
        /// # Safety
        ///
        /// As (a).
        #[inline(never)]
        #[unsafe(export_name = concat!("tdx_cs_a_", stringify!($name)))]
        pub unsafe fn call_a($($decl)*) -> bool {
            // SAFETY: forwarded from the caller.
            unsafe { a($($arg)*) }.is_ok()
        }

        /// Call (b) and test its status.
        ///
        /// # Safety
        ///
        /// As (a).
        #[inline(never)]
        #[unsafe(export_name = concat!("tdx_cs_b_", stringify!($name)))]
        pub unsafe fn call_b($($decl)*) -> bool {
            // SAFETY: forwarded from the caller.
            let (status, out) = unsafe { b($($arg)*) };
            crate::subjects::raw_ok(crate::check::Kind::$ok, status, &out)
        }

        /// Call (c) and test its status.
        ///
        /// # Safety
        ///
        /// As (a).
        #[inline(never)]
        #[unsafe(export_name = concat!("tdx_cs_c_", stringify!($name)))]
        pub unsafe fn call_c($($decl)*) -> bool {
            // SAFETY: forwarded from the caller.
            let (status, out) = unsafe { c($($arg)*) };
            crate::subjects::raw_ok(crate::check::Kind::$ok, status, &out)
        }
    };
    (@args $name:ident [$($decl:tt)*] [$($arg:tt)*] $t:tt $($rest:tt)*) => {
        callers!(@args $name [$($decl)*] [$($arg)* $t] $($rest)*);
    };
}

/// The list of leaves: one entry per catalog wrapper, see the module documentation.
macro_rules! subjects {
    (@list [$($done:ident)*]) => {
        /// This file's leaves, in catalog order.
        pub(super) const LIST: &[Subject] = &[$($done::SUBJECT),*];
    };

    // A `regs = ...` wrapper: all 13 registers through `&mut ModuleArgs`, after `prelude`.
    (@list [$($done:ident)*]
        $name:ident($($p:ident: $ty:ty),* ; $args:ident: &mut ModuleArgs) => $kind:ident {
            catalog $module:ident::$func:ident;
            prelude { $($prelude:tt)* }
            floor $floor:ident($rax:expr);
            linux $tramp:ident($leaf:expr);
        }
        $($rest:tt)*
    ) => {
        pub mod $name {
            //! The three subjects of one leaf.
            #![allow(clippy::too_many_arguments)] // one parameter per register, as the wrapper
            use super::*;

            /// (a): the catalog's wrapper, called through this shim.
            ///
            /// # Safety
            ///
            /// The catalog wrapper's contract.
            #[inline(never)]
            #[allow(unused_unsafe)] // some catalog wrappers are safe functions
            #[unsafe(export_name = concat!("tdx_fp_a_", stringify!($name)))]
            pub unsafe fn a($($p: $ty,)* $args: &mut ModuleArgs) -> Result<TdxStatus, TdxError> {
                // SAFETY: forwarded from the caller.
                unsafe { $module::$func($($p,)* $args) }
            }

            /// (b), the floor.
            ///
            /// # Safety
            ///
            /// As (a).
            #[inline(never)]
            #[unsafe(export_name = concat!("tdx_fp_b_", stringify!($name)))]
            pub unsafe fn b($($p: $ty,)* $args: &mut ModuleArgs) -> (u64, [u64; 0]) {
                $($prelude)*
                (floor!($floor($rax, core::ptr::from_mut($args))), [])
            }

            /// (c), the Linux-style path.
            ///
            /// # Safety
            ///
            /// As (a).
            #[inline(never)]
            #[unsafe(export_name = concat!("tdx_fp_c_", stringify!($name)))]
            pub unsafe fn c($($p: $ty,)* $args: &mut ModuleArgs) -> (u64, [u64; 0]) {
                $($prelude)*
                // SAFETY: `args` is live; the caller upholds the leaf's contract.
                (unsafe { crate::linux::$tramp($leaf, $args) }, [])
            }

            /// Run the three under the trap and compare them.
            pub fn check() -> Result<(), String> {
                #[allow(unused_mut, unused_variables)]
                let mut tag = 0u64;
                $(
                    tag += 1;
                    let $p: $ty = crate::check::Sample::sample(tag);
                )*
                crate::check::check_regs(
                    &SUBJECT,
                    // SAFETY: under the recording trap handler, which answers the instruction;
                    // `args` is live, nothing is accessed through the sample values.
                    |args| unsafe { a($($p,)* args) },
                    // SAFETY: as above.
                    |args| unsafe { b($($p,)* args) },
                    // SAFETY: as above.
                    |args| unsafe { c($($p,)* args) },
                )
            }

            callers!($name; $($p: $ty,)* $args: &mut ModuleArgs; $($p,)* $args; Seamcall);

            /// Run one of the subjects (`'a'`, `'b'`, `'c'`) once under `script`.
            pub fn run(set: char, script: crate::script::Script) {
                // Keeps the call sites linked into the binary the footprint bench measures.
                core::hint::black_box([
                    call_a as *const (),
                    call_b as *const (),
                    call_c as *const (),
                ]);
                #[allow(unused_mut, unused_variables)]
                let mut tag = 0u64;
                $(
                    tag += 1;
                    let $p: $ty = crate::check::Sample::sample(tag);
                )*
                let mut $args = ModuleArgs::ZERO;
                let kind = crate::check::Kind::$kind;
                let writes = SUBJECT.leaf().writes;
                // SAFETY: under the scripted trap handler; `args` is live, nothing is accessed
                // through the sample values.
                let _ = crate::script::scripted(kind, writes, script, || unsafe {
                    match set {
                        'a' => core::hint::black_box(a($($p,)* &mut $args)).is_ok(),
                        'b' => core::hint::black_box(b($($p,)* &mut $args)).0 == 0,
                        _ => core::hint::black_box(c($($p,)* &mut $args)).0 == 0,
                    }
                });
            }

            /// The leaf's entry.
            pub const SUBJECT: Subject = Subject {
                name: stringify!($name),
                kind: crate::check::Kind::$kind,
                wrapper: concat!("tdx_calls::", stringify!($module), "::", stringify!($func)),
                check,
                run,
            };
        }
        subjects!(@list [$($done)* $name] $($rest)*);
    };

    // Every other wrapper: typed parameters, the registers named in the entry.
    (@list [$($done:ident)*]
        $name:ident($($p:ident: $ty:ty),* $(,)?) => $kind:ident {
            catalog $module:ident::$func:ident -> $out:path $({ $($field:ident),* $(,)? })?;
            floor $floor:ident($($fa:expr),+) [$($op:tt)*] -> [$($bout:ident),* $(,)?];
            linux $($how:ident)+ ($leaf:expr) { $($cin:tt)* } -> [$($cout:ident),* $(,)?];
        }
        $($rest:tt)*
    ) => {
        pub mod $name {
            //! The three subjects of one leaf.
            #![allow(clippy::too_many_arguments)] // one parameter per register, as the wrapper
            use super::*;

            /// (a): the catalog's wrapper, called through this shim.
            ///
            /// # Safety
            ///
            /// The catalog wrapper's contract.
            #[inline(never)]
            #[allow(unused_unsafe)] // some catalog wrappers are safe functions
            #[unsafe(export_name = concat!("tdx_fp_a_", stringify!($name)))]
            pub unsafe fn a($($p: $ty),*) -> Result<$out, TdxError> {
                // SAFETY: forwarded from the caller.
                unsafe { $module::$func($($p),*) }
            }

            /// (b), the floor.
            ///
            /// # Safety
            ///
            /// As (a).
            #[inline(never)]
            #[unsafe(export_name = concat!("tdx_fp_b_", stringify!($name)))]
            pub unsafe fn b($($p: $ty),*) -> (u64, [u64; count!($($bout)*)]) {
                $(let $bout: u64;)*
                let status = floor!($floor($($fa),+) [$($op)*]);
                (status, [$($bout),*])
            }

            /// (c), the Linux-style path.
            ///
            /// # Safety
            ///
            /// As (a).
            #[inline(never)]
            #[unsafe(export_name = concat!("tdx_fp_c_", stringify!($name)))]
            pub unsafe fn c($($p: $ty),*) -> (u64, [u64; count!($($cout)*)]) {
                linux!($($how)+ ($leaf) { $($cin)* } -> [$($cout),*])
            }

            /// Run the three under the trap and compare them.
            pub fn check() -> Result<(), String> {
                let check = crate::check::Check::new(&SUBJECT);
                for scenario in check.scenarios() {
                    #[allow(unused_mut, unused_variables)]
                    let mut tag = 0u64;
                    $(
                        tag += 1;
                        let $p: $ty = crate::check::Sample::sample(tag);
                    )*
                    let run = || {
                        // SAFETY: under the recording trap handler, which answers the instruction;
                        // nothing is accessed through the sample operands.
                        unsafe { a($($p),*) }
                    };
                    let (a, a_traps) = check.trap(scenario, run);
                    let a = match a {
                        Ok(out) => crate::check::View::Ok(a_fields!(out; $out $({ $($field),* })?)),
                        Err(error) => crate::check::View::Err(error.status().raw()),
                    };
                    let run = || {
                        // SAFETY: as above.
                        unsafe { b($($p),*) }
                    };
                    let (b, b_traps) = check.trap(scenario, run);
                    let run = || {
                        // SAFETY: as above.
                        unsafe { c($($p),*) }
                    };
                    let (c, c_traps) = check.trap(scenario, run);
                    let views = [a, check.view(b.0, &b.1), check.view(c.0, &c.1)];
                    check.compare(scenario, views, [a_traps, b_traps, c_traps])?;
                }
                Ok(())
            }

            callers!($name; $($p: $ty),*; $($p),*; $kind);

            /// Run one of the subjects (`'a'`, `'b'`, `'c'`) once under `script`.
            pub fn run(set: char, script: crate::script::Script) {
                // Keeps the call sites linked into the binary the footprint bench measures.
                core::hint::black_box([
                    call_a as *const (),
                    call_b as *const (),
                    call_c as *const (),
                ]);
                #[allow(unused_mut, unused_variables)]
                let mut tag = 0u64;
                $(
                    tag += 1;
                    let $p: $ty = crate::check::Sample::sample(tag);
                )*
                let kind = crate::check::Kind::$kind;
                let writes = SUBJECT.leaf().writes;
                // SAFETY: under the scripted trap handler; nothing is accessed through the
                // sample operands.
                let _ = crate::script::scripted(kind, writes, script, || unsafe {
                    match set {
                        'a' => core::hint::black_box(a($($p),*)).is_ok(),
                        'b' => core::hint::black_box(b($($p),*)).0 == 0,
                        _ => core::hint::black_box(c($($p),*)).0 == 0,
                    }
                });
            }

            /// The leaf's entry.
            pub const SUBJECT: Subject = Subject {
                name: stringify!($name),
                kind: crate::check::Kind::$kind,
                wrapper: concat!("tdx_calls::", stringify!($module), "::", stringify!($func)),
                check,
                run,
            };
        }
        subjects!(@list [$($done)* $name] $($rest)*);
    };

    ($($entries:tt)*) => { subjects!(@list [] $($entries)*); };
}
