//! The footprint subjects: for every leaf of the catalog (`tdx_calls::CATALOG`) that
//! [`has_subjects`] (all but the [`WITHOUT_SUBJECTS`], module-1.5 leaves Linux does not
//! issue), three
//! `#[inline(never)]` functions, exported under plain names so that `nm` and `objdump` find
//! them in the release binary of `footprint_subjects`:
//!
//! * `tdx_fp_a_<leaf>`, (a): an `#[inline(never)]` shim that calls the catalog's wrapper,
//!   `tdx_calls::<module>::<leaf>`, which the macro expanded in tdx-calls. The footprint bench
//!   measures that wrapper's own symbol (the shim is a one-instruction tail jump, the caller's
//!   business); if the wrapper were ever inlined into the shim, it measures the shim instead;
//! * `tdx_fp_b_<leaf>`, (b): the floor, a hand-written minimal `asm!` wrapper with the same
//!   semantics: the same registers in, the leaf's outputs returned, the status in RAX, the CF
//!   check for SEAMCALL, but no retry loop and no capture of error registers. It returns
//!   `(status, [outputs])`: the status in RAX and the outputs after it, which is what a
//!   careful kernel engineer writes by hand (Linux returns the status and writes the outputs
//!   through pointers);
//! * `tdx_fp_c_<leaf>`, (c): the Linux-style path: marshal into [`ModuleArgs`], call one shared
//!   out-of-line trampoline ([`crate::linux`], `sc_retry` where Linux has it), read the outputs
//!   back; same return as (b).
//!
//! One leaf is one entry of the `subjects!` list below: the catalog wrapper and its output
//! fields for (a), the operand list of the floor's `asm!` for (b), the trampoline and struct
//! fields for (c). The floor's operands are written out per leaf on purpose: it is the
//! hand-written baseline, and its machine code is what `cargo bench -p tdx-benches --bench
//! footprint -- --show LEAF` prints next to the other two. [`crate::check`] runs the three
//! through the tdx-emu trap and checks that they load the same registers and return the same
//! values, and a test checks that every catalog entry has its subjects.
//!
//! The three take the catalog wrapper's parameters, so the caller's side is identical: the
//! floor and the Linux path take the register image with `RegEncode::to_reg` (free: the types
//! are one register wide) and load handle fields (`td.tdr`) from memory as the wrapper does.

use crate::Subject;
use crate::linux::{TDX_HYPERCALL_STANDARD, VMFAILINVALID};
use core::arch::asm;
use tdx_calls::catalog::CatalogEntry;
use tdx_calls::handles::{TdxTd, TdxVp};
use tdx_calls::vmcall::FatalErrorMessage;
use tdx_calls::{guest, host, seamldr, vmcall};
use tdx_core::outputs::{
    AccessDirection, AccessSize, CacheWbMode, EventNotifyVector, IoPort, KvmHypercallNr,
    MapGpaTarget, MsrIndex, RtmrIndex,
};
use tdx_core::reg::RegEncode;
use tdx_core::vmcall_ops::{CacheOp, PconfigLeaf, ServiceNotify, ServiceTimeout};
use tdx_core::{
    AcceptGpa, FieldId, Gpa, Guest, Hkid, Hpa, KeyedHpa, ModuleArgs, Page, Sept, SeptGpa,
    SharedGpa, Tdcs, Tdcx, TdvmcallStatus, TdxError, TdxStatus,
};
use tdx_core::{
    AttrFlags, CpuidVe, GpaAttr, GpaListInfo, L2VmMask, MigscPage, PamtRange, ServtdHandle, TdUuid,
    VmAndFlags,
};

/// The catalog wrappers without footprint subjects yet: module-1.5 leaves Linux does not
/// issue: host SEAMCALLs with page lists, L2 pages, PAMT pages, service-TD operands or an
/// input in R10 (the migration stream: the (b') machinery of [`crate::shaped`] loads RCX..R9
/// only), and the guest leaves with the widest register sets. The footprint report names them; a test checks this
/// list against [`SUBJECTS`] and the catalog.
pub const WITHOUT_SUBJECTS: &[&str] = &[
    // module 2.0, TDX Connect (no subjects yet)
    "tdh_iommu_setreg",
    "tdh_iommu_getreg",
    "tdh_spdm_create",
    "tdh_spdm_delete",
    "tdh_ide_stream_create",
    "tdh_ide_stream_block",
    "tdh_ide_stream_delete",
    "tdh_ide_stream_idekmreq",
    "tdh_ide_stream_idekmrsp",
    "tdh_devif_create",
    "tdh_devif_remove",
    "tdh_devif_request",
    "tdh_devif_response",
    "tdh_devif_mt_add",
    "tdh_devif_mt_remove",
    "tdh_devif_mt_rd",
    "tdh_dmar_add",
    "tdh_dmar_block",
    "tdh_dmar_read",
    "tdh_dmar_remove",
    "tdh_mmio_mt_add",
    "tdh_mmio_mt_set",
    "tdh_mmio_mt_rd",
    "tdh_mmio_mt_remove",
    "tdh_mmio_map",
    "tdh_mmio_block",
    "tdh_mmio_unmap",
    "tdh_iq_inv_request",
    "tdh_iq_inv_process",
    "tdh_mem_shared_sept_wr",
    "tdg_spdm_tpa_set",
    "tdg_spdm_tpa_get",
    "tdg_devif_validate",
    "tdg_devif_rd",
    "tdg_devif_request",
    "tdg_devif_response",
    "tdg_dmar_accept",
    "tdg_tdi_mmio_accept",
    "tdg_iq_inv_request",
    "tdh_mem_page_demote",
    "tdh_servtd_bind",
    "tdh_servtd_prebind",
    "tdh_export_abort",
    "tdh_export_mem",
    "tdh_export_track",
    "tdh_export_state_immutable",
    "tdh_export_state_td",
    "tdh_export_state_vp",
    "tdh_import_abort",
    "tdh_import_mem",
    "tdh_import_track",
    "tdh_import_state_immutable",
    "tdh_import_state_td",
    "tdh_import_state_vp",
    "tdg_vp_enter",
];

/// Whether a catalog entry has footprint subjects (it is not in [`WITHOUT_SUBJECTS`]).
pub fn has_subjects(entry: &CatalogEntry) -> bool {
    !WITHOUT_SUBJECTS.contains(&entry.wrapper)
}

/// The catalog entries with subjects, in catalog order ([`SUBJECTS`] follows it).
pub fn subject_catalog() -> impl Iterator<Item = &'static CatalogEntry> {
    tdx_calls::catalog::CATALOG
        .iter()
        .filter(|entry| has_subjects(entry))
}

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

/// Whether a raw `(status, [outputs])` is a success, by the rule of the leaf's kind: the
/// status's error bit; for TDG.VP.VMCALL also the VMM's status in R10 (the first output); for
/// the vendor hypercall (R10 a result) only the TDCALL status.
#[inline(always)]
pub fn raw_ok<const N: usize>(kind: crate::check::Kind, status: u64, out: &[u64; N]) -> bool {
    match kind {
        crate::check::Kind::Tdvmcall => {
            status == 0 && out.first().is_some_and(|r10| r10 >> 63 == 0)
        }
        crate::check::Kind::Vendor => status == 0,
        _ => status >> 63 == 0,
    }
}

/// The list of leaves: one entry per catalog wrapper, see the module documentation.
macro_rules! subjects {
    (@list [$($done:ident)*]) => {
        /// Every leaf's subjects, in catalog order.
        pub static SUBJECTS: &[Subject] = &[$($done::SUBJECT),*];
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
                // SAFETY: under the scripted trap handler; `args` is live, nothing is accessed
                // through the sample values.
                let _ = crate::script::scripted(kind, script, || unsafe {
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
                    // SAFETY: under the recording trap handler, which answers the instruction;
                    // nothing is accessed through the sample operands.
                    let (a, a_traps) = check.trap(scenario, || unsafe { a($($p),*) });
                    let a = match a {
                        Ok(out) => crate::check::View::Ok(a_fields!(out; $out $({ $($field),* })?)),
                        Err(error) => crate::check::View::Err(error.status().raw()),
                    };
                    // SAFETY: as above.
                    let (b, b_traps) = check.trap(scenario, || unsafe { b($($p),*) });
                    // SAFETY: as above.
                    let (c, c_traps) = check.trap(scenario, || unsafe { c($($p),*) });
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
                // SAFETY: under the scripted trap handler; nothing is accessed through the
                // sample operands.
                let _ = crate::script::scripted(kind, script, || unsafe {
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

// The entries, in catalog order. Each is
//
//     name(params) => Kind {
//         catalog module::wrapper -> Out { output fields };                (a)
//         floor seamcall|tdcall|tdcall_rbx(RAX[, RBX]) [asm! operands,] -> [outputs]; (b)
//         linux [retry] trampoline(RAX) { struct fields } -> [fields read back];    (c)
//     }
//
// or, for the two `regs = ...` wrappers,
// `name(params; args: &mut ModuleArgs) => Kind { catalog ...; prelude { ... } floor ...; linux ...; }`.
//
// (c) calls `__seamcall` / `__tdcall` when the leaf returns nothing and the `_ret` flavour when it
// does, with `sc_retry` wherever Linux has it (every SEAMCALL but TDH.VP.ENTER and
// TDH.PHYMEM.PAGE.RDMD, as the catalog's own retry policy), and `__tdx_hypercall` for
// TDG.VP.VMCALL sub-functions. Every floor names all of RCX, RDX and R8-R11 (SEAMCALL/TDCALL
// return values there) and, for TDG.VP.VMCALL, every register it exposes to the VMM.
subjects! {
    // ================================================================== SEAMCALL (host)

    tdh_vp_enter(vp: &TdxVp<'_>; args: &mut ModuleArgs) => SeamcallRegs {
        catalog host::tdh_vp_enter;
        prelude { args.rcx = vp.tdvpr.to_reg(); }
        floor seamcall_regs(0);
        linux __seamcall_saved_ret(0);
    }

    tdh_mng_addcx(td: &TdxTd<'_>, tdcs: Page<Tdcs>) => Seamcall {
        catalog host::tdh_mng_addcx -> TdxStatus;
        floor seamcall(1) [
            inout("rcx") tdcs.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(1) { rcx: tdcs.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_mem_page_add(td: &TdxTd<'_>, gpa: Gpa, page: Page<Guest>, source: Hpa) => Seamcall {
        catalog host::tdh_mem_page_add -> TdxStatus;
        floor seamcall(2) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") page.to_reg() => _, inout("r9") source.to_reg() => _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(2) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: page.to_reg(), r9: source.to_reg(),
        } -> [];
    }

    tdh_mem_sept_add(td: &TdxTd<'_>, gpa: SeptGpa, page: Page<Sept>) => Seamcall {
        catalog host::tdh_mem_sept_add -> TdxStatus;
        floor seamcall(3) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") page.to_reg() => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(3) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: page.to_reg(),
        } -> [];
    }

    tdh_vp_addcx(vp: &TdxVp<'_>, tdcx: Page<Tdcx>) => Seamcall {
        catalog host::tdh_vp_addcx -> TdxStatus;
        floor seamcall(4) [
            inout("rcx") tdcx.to_reg() => _, inout("rdx") vp.tdvpr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(4) { rcx: tdcx.to_reg(), rdx: vp.tdvpr.to_reg() } -> [];
    }

    tdh_mem_page_aug(td: &TdxTd<'_>, gpa: SeptGpa, page: Page<Guest>) => Seamcall {
        catalog host::tdh_mem_page_aug -> TdxStatus;
        floor seamcall(6) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") page.to_reg() => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(6) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: page.to_reg(),
        } -> [];
    }

    tdh_mem_range_block(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_range_block -> TdxStatus;
        floor seamcall(7) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(7) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_key_config(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mng_key_config -> TdxStatus;
        floor seamcall(8) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(8) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_create(td: &TdxTd<'_>, hkid: Hkid) => Seamcall {
        catalog host::tdh_mng_create -> TdxStatus;
        floor seamcall(9) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") hkid.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(9) { rcx: td.tdr.to_reg(), rdx: hkid.to_reg() } -> [];
    }

    tdh_vp_create(td: &TdxTd<'_>, vp: &TdxVp<'_>) => Seamcall {
        catalog host::tdh_vp_create -> TdxStatus;
        floor seamcall(10) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(10) { rcx: vp.tdvpr.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_rd(td: &TdxTd<'_>, field: FieldId) => Seamcall {
        catalog host::tdh_mng_rd -> host::MngRd { value };
        floor seamcall(11) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") field.to_reg() => _,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(11) { rcx: td.tdr.to_reg(), rdx: field.to_reg() } -> [r8];
    }

    tdh_mr_extend(td: &TdxTd<'_>, gpa: Gpa) => Seamcall {
        catalog host::tdh_mr_extend -> TdxStatus;
        floor seamcall(16) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(16) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_mr_finalize(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mr_finalize -> TdxStatus;
        floor seamcall(17) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(17) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_vp_flush(vp: &TdxVp<'_>) => Seamcall {
        catalog host::tdh_vp_flush -> TdxStatus;
        floor seamcall(18) [
            inout("rcx") vp.tdvpr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(18) { rcx: vp.tdvpr.to_reg() } -> [];
    }

    tdh_mng_vpflushdone(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mng_vpflushdone -> TdxStatus;
        floor seamcall(19) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(19) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_key_freeid(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mng_key_freeid -> TdxStatus;
        floor seamcall(20) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(20) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_init(td: &TdxTd<'_>, td_params: Hpa) => Seamcall {
        catalog host::tdh_mng_init -> TdxStatus;
        floor seamcall(21) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") td_params.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(21) { rcx: td.tdr.to_reg(), rdx: td_params.to_reg() } -> [];
    }

    tdh_vp_init(vp: &TdxVp<'_>, initial_rcx: u64, x2apic_id: u64) => Seamcall {
        catalog host::tdh_vp_init -> TdxStatus;
        floor seamcall(22 | 1 << 16) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") initial_rcx => _,
            inout("r8") x2apic_id => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(22 | 1 << 16) {
            rcx: vp.tdvpr.to_reg(), rdx: initial_rcx, r8: x2apic_id,
        } -> [];
    }

    tdh_phymem_page_rdmd(page: Hpa) => Seamcall {
        catalog host::tdh_phymem_page_rdmd -> host::PageRdmd { page_type };
        floor seamcall(24) [
            inout("rcx") page.to_reg() => rcx,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux __seamcall_ret(24) { rcx: page.to_reg() } -> [rcx];
    }

    tdh_vp_rd(vp: &TdxVp<'_>, field: FieldId) => Seamcall {
        catalog host::tdh_vp_rd -> host::VpRd { value };
        floor seamcall(26) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") field.to_reg() => _,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(26) { rcx: vp.tdvpr.to_reg(), rdx: field.to_reg() } -> [r8];
    }

    tdh_phymem_page_reclaim(page: Hpa) => Seamcall {
        catalog host::tdh_phymem_page_reclaim -> host::PageReclaim { page_type, owner, page_size };
        floor seamcall(28) [
            inout("rcx") page.to_reg() => rcx, lateout("rdx") rdx, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx, r8];
        linux retry __seamcall_ret(28) { rcx: page.to_reg() } -> [rcx, rdx, r8];
    }

    tdh_mem_page_remove(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_page_remove -> TdxStatus;
        floor seamcall(29) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(29) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_sys_key_config() => Seamcall {
        catalog host::tdh_sys_key_config -> TdxStatus;
        floor seamcall(31) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(31) {} -> [];
    }

    tdh_sys_init() => Seamcall {
        catalog host::tdh_sys_init -> TdxStatus;
        floor seamcall(33) [
            inout("rcx") 0u64 => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(33) {} -> [];
    }

    tdh_sys_rd(field: FieldId) => Seamcall {
        catalog host::tdh_sys_rd -> host::SysRd { value };
        floor seamcall(34) [
            inout("rdx") field.to_reg() => _, lateout("r8") r8,
            lateout("rcx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(34) { rdx: field.to_reg() } -> [r8];
    }

    tdh_sys_lp_init() => Seamcall {
        catalog host::tdh_sys_lp_init -> TdxStatus;
        floor seamcall(35) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(35) {} -> [];
    }

    tdh_sys_tdmr_init(tdmr_base: Hpa) => Seamcall {
        catalog host::tdh_sys_tdmr_init -> host::TdmrInit { next };
        floor seamcall(36) [
            inout("rcx") tdmr_base.to_reg() => _, lateout("rdx") rdx,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx];
        linux retry __seamcall_ret(36) { rcx: tdmr_base.to_reg() } -> [rdx];
    }

    tdh_mem_track(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mem_track -> TdxStatus;
        floor seamcall(38) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(38) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_phymem_cache_wb(mode: CacheWbMode) => Seamcall {
        catalog host::tdh_phymem_cache_wb -> TdxStatus;
        floor seamcall(40) [
            inout("rcx") mode.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(40) { rcx: mode.to_reg() } -> [];
    }

    tdh_phymem_page_wbinvd(page: KeyedHpa) => Seamcall {
        catalog host::tdh_phymem_page_wbinvd -> TdxStatus;
        floor seamcall(41) [
            inout("rcx") page.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(41) { rcx: page.to_reg() } -> [];
    }

    tdh_vp_wr(vp: &TdxVp<'_>, field: FieldId, value: u64, mask: u64) => Seamcall {
        catalog host::tdh_vp_wr -> TdxStatus;
        floor seamcall(43) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") field.to_reg() => _,
            inout("r8") value => _, inout("r9") mask => _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(43) {
            rcx: vp.tdvpr.to_reg(), rdx: field.to_reg(), r8: value, r9: mask,
        } -> [];
    }

    tdh_sys_config(tdmr_info_array: Hpa, nr_tdmrs: u64, global_keyid: Hkid) => Seamcall {
        catalog host::tdh_sys_config -> TdxStatus;
        floor seamcall(45) [
            inout("rcx") tdmr_info_array.to_reg() => _, inout("rdx") nr_tdmrs => _,
            inout("r8") global_keyid.to_reg() => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(45) {
            rcx: tdmr_info_array.to_reg(), rdx: nr_tdmrs, r8: global_keyid.to_reg(),
        } -> [];
    }

    tdh_sys_shutdown(handoff_version: u64) => Seamcall {
        catalog host::tdh_sys_shutdown -> TdxStatus;
        floor seamcall(52) [
            inout("rcx") handoff_version => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(52) { rcx: handoff_version } -> [];
    }

    tdh_sys_update() => Seamcall {
        catalog host::tdh_sys_update -> TdxStatus;
        floor seamcall(53) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(53) {} -> [];
    }

    tdh_sys_disable() => Seamcall {
        catalog host::tdh_sys_disable -> TdxStatus;
        floor seamcall(69) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(69) {} -> [];
    }

    // The module-1.5 host leaves Linux does not issue (those without page lists or migration
    // operands; the others are in `WITHOUT_SUBJECTS`).

    tdh_mem_page_relocate(td: &TdxTd<'_>, gpa: SeptGpa, target: Page<Guest>) => Seamcall {
        catalog host::tdh_mem_page_relocate -> host::MemPageRelocate { old_page };
        floor seamcall(5) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") target.to_reg() => _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(5) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: target.to_reg(),
        } -> [rcx];
    }

    tdh_mem_rd(td: &TdxTd<'_>, gpa: Gpa) => Seamcall {
        catalog host::tdh_mem_rd -> host::MemRd { data };
        floor seamcall(12) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(12) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [r8];
    }

    tdh_mng_wr(td: &TdxTd<'_>, field: FieldId, value: u64, mask: u64) => Seamcall {
        catalog host::tdh_mng_wr -> host::MngWr { old };
        floor seamcall(13) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") field.to_reg() => _,
            inout("r8") value => r8, inout("r9") mask => _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(13) {
            rcx: td.tdr.to_reg(), rdx: field.to_reg(), r8: value, r9: mask,
        } -> [r8];
    }

    tdh_mem_wr(td: &TdxTd<'_>, gpa: Gpa, data: u64) => Seamcall {
        catalog host::tdh_mem_wr -> host::MemWr { old };
        floor seamcall(14) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") data => r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(14) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: data } -> [r8];
    }

    tdh_mem_page_promote(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_page_promote -> host::MemPagePromote { sept_page };
        floor seamcall(23) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
            lateout("r12") _, lateout("r13") _,
        ] -> [rcx];
        linux retry __seamcall_ret(23) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [rcx];
    }

    tdh_mem_sept_rd(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_sept_rd -> host::MemSeptRd { entry, level_state, attributes };
        floor seamcall(25) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => rdx,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx, r8];
        linux retry __seamcall_ret(25) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [rcx, rdx, r8];
    }

    tdh_mng_key_reclaimid(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mng_key_reclaimid -> TdxStatus;
        floor seamcall(27) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(27) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_mem_sept_remove(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_sept_remove -> host::MemSeptRemove { sept_page };
        floor seamcall(30) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(30) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [rcx];
    }

    tdh_sys_info(sysinfo: Hpa, sysinfo_len: u64, cmrs: Hpa, cmr_entries: u64) => Seamcall {
        catalog host::tdh_sys_info -> host::SysInfo { sysinfo_written, cmrs_written };
        floor seamcall(32) [
            inout("rcx") sysinfo.to_reg() => _, inout("rdx") sysinfo_len => rdx,
            inout("r8") cmrs.to_reg() => _, inout("r9") cmr_entries => r9,
            lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r9];
        linux retry __seamcall_ret(32) {
            rcx: sysinfo.to_reg(), rdx: sysinfo_len, r8: cmrs.to_reg(), r9: cmr_entries,
        } -> [rdx, r9];
    }

    tdh_sys_rdall(list: Hpa, field: FieldId) => Seamcall {
        catalog host::tdh_sys_rdall -> host::SysRdall { next };
        floor seamcall(37) [
            inout("rdx") list.to_reg() => _, inout("r8") field.to_reg() => r8,
            lateout("rcx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(37) { rdx: list.to_reg(), r8: field.to_reg() } -> [r8];
    }

    tdh_mem_range_unblock(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_range_unblock -> TdxStatus;
        floor seamcall(39) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(39) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_sys_lp_shutdown() => Seamcall {
        catalog host::tdh_sys_lp_shutdown -> TdxStatus;
        floor seamcall(44) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(44) {} -> [];
    }

    tdh_phymem_pamt_add(range: PamtRange, page0: Page<Guest>, page1: Page<Guest>) => Seamcall {
        catalog host::tdh_phymem_pamt_add -> TdxStatus;
        floor seamcall(58) [
            inout("rcx") range.to_reg() => _, inout("rdx") page0.to_reg() => _,
            inout("r8") page1.to_reg() => _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(58) {
            rcx: range.to_reg(), rdx: page0.to_reg(), r8: page1.to_reg(),
        } -> [];
    }

    tdh_phymem_pamt_remove(range: PamtRange) => Seamcall {
        catalog host::tdh_phymem_pamt_remove -> host::PhymemPamtRemove { page0, page1 };
        floor seamcall(59) [
            inout("rcx") range.to_reg() => _, lateout("rdx") rdx, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r8];
        linux retry __seamcall_ret(59) { rcx: range.to_reg() } -> [rdx, r8];
    }

    tdh_export_blockw(td: &TdxTd<'_>, gpa_list: GpaListInfo) => Seamcall {
        catalog host::tdh_export_blockw -> host::ExportBlockw { gpa_list };
        floor seamcall(65) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(65) { rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg() } -> [rcx];
    }

    tdh_export_restore(td: &TdxTd<'_>, gpa_list: GpaListInfo) => Seamcall {
        catalog host::tdh_export_restore -> host::ExportRestore { gpa_list };
        floor seamcall(66) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(66) { rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg() } -> [rcx];
    }

    tdh_export_pause(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_export_pause -> TdxStatus;
        floor seamcall(70) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(70) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_export_unblockw(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_export_unblockw -> TdxStatus;
        floor seamcall(75) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(75) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_import_end(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_import_end -> TdxStatus;
        floor seamcall(81) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(81) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_import_commit(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_import_commit -> TdxStatus;
        floor seamcall(82) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(82) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_mig_stream_create(td: &TdxTd<'_>, migsc: MigscPage) => Seamcall {
        catalog host::tdh_mig_stream_create -> TdxStatus;
        floor seamcall(96) [
            inout("rcx") migsc.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(96) { rcx: migsc.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    // ================================================================ SEAMCALL (P-SEAMLDR)

    p_seamldr_info(info: Hpa) => Seamcall {
        catalog seamldr::p_seamldr_info -> TdxStatus;
        floor seamcall(0x8000_0000_0000_0000) [
            inout("rcx") info.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(0x8000_0000_0000_0000) { rcx: info.to_reg() } -> [];
    }

    p_seamldr_install(params: Hpa) => Seamcall {
        catalog seamldr::p_seamldr_install -> TdxStatus;
        floor seamcall(0x8000_0000_0000_0001) [
            inout("rcx") params.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(0x8000_0000_0000_0001) { rcx: params.to_reg() } -> [];
    }

    // ==================================================================== TDCALL (guest)

    tdg_vp_vmcall(; args: &mut ModuleArgs) => TdcallRegs {
        catalog guest::tdg_vp_vmcall;
        prelude {}
        floor tdcall_regs(0);
        linux __tdcall_saved_ret(0);
    }

    tdg_vp_info() => Tdcall {
        catalog guest::tdg_vp_info -> guest::VpInfo { gpa_width, attributes };
        floor tdcall(1) [
            lateout("rcx") rcx, lateout("rdx") rdx,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx];
        linux __tdcall_ret(1) {} -> [rcx, rdx];
    }

    tdg_mr_rtmr_extend(data: Gpa, index: RtmrIndex) => Tdcall {
        catalog guest::tdg_mr_rtmr_extend -> TdxStatus;
        floor tdcall(2) [
            inout("rcx") data.to_reg() => _, inout("rdx") index.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(2) { rcx: data.to_reg(), rdx: index.to_reg() } -> [];
    }

    tdg_vp_veinfo_get() => Tdcall {
        catalog guest::tdg_vp_veinfo_get
            -> guest::VeInfo { exit_reason, exit_qualification, gla, gpa, instruction };
        floor tdcall(3) [
            lateout("rcx") rcx, lateout("rdx") rdx, lateout("r8") r8, lateout("r9") r9,
            lateout("r10") r10, lateout("r11") _,
        ] -> [rcx, rdx, r8, r9, r10];
        linux __tdcall_ret(3) {} -> [rcx, rdx, r8, r9, r10];
    }

    tdg_mr_report(report: Gpa, report_data: Gpa, subtype: u64) => Tdcall {
        catalog guest::tdg_mr_report -> TdxStatus;
        floor tdcall(4) [
            inout("rcx") report.to_reg() => _, inout("rdx") report_data.to_reg() => _,
            inout("r8") subtype => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(4) { rcx: report.to_reg(), rdx: report_data.to_reg(), r8: subtype } -> [];
    }

    tdg_mem_page_accept(gpa: AcceptGpa) => Tdcall {
        catalog guest::tdg_mem_page_accept -> TdxStatus;
        floor tdcall(6) [
            inout("rcx") gpa.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(6) { rcx: gpa.to_reg() } -> [];
    }

    tdg_vm_rd(field: FieldId) => Tdcall {
        catalog guest::tdg_vm_rd -> guest::VmRd { value };
        floor tdcall(7) [
            inout("rdx") field.to_reg() => _, lateout("r8") r8,
            lateout("rcx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux __tdcall_ret(7) { rdx: field.to_reg() } -> [r8];
    }

    tdg_vm_wr(field: FieldId, value: u64, mask: u64) => Tdcall {
        catalog guest::tdg_vm_wr -> TdxStatus;
        floor tdcall(8) [
            inout("rdx") field.to_reg() => _, inout("r8") value => _, inout("r9") mask => _,
            lateout("rcx") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(8) { rdx: field.to_reg(), r8: value, r9: mask } -> [];
    }

    // The module-1.5 guest leaves Linux does not issue (the same shapes as above; RCX = 0
    // where the table reserves it).

    tdg_vp_cpuidve_set(setting: CpuidVe) => Tdcall {
        catalog guest::tdg_vp_cpuidve_set -> TdxStatus;
        floor tdcall(5) [
            inout("rcx") setting.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(5) { rcx: setting.to_reg() } -> [];
    }

    tdg_vp_rd(field: FieldId) => Tdcall {
        catalog guest::tdg_vp_rd -> guest::VpRd { next, value };
        floor tdcall(9) [
            inout("rcx") 0u64 => _, inout("rdx") field.to_reg() => rdx, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r8];
        linux __tdcall_ret(9) { rdx: field.to_reg() } -> [rdx, r8];
    }

    tdg_vp_wr(field: FieldId, value: u64, mask: u64) => Tdcall {
        catalog guest::tdg_vp_wr -> guest::VpWr { old };
        floor tdcall(10) [
            inout("rcx") 0u64 => _, inout("rdx") field.to_reg() => _, inout("r8") value => r8,
            inout("r9") mask => _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux __tdcall_ret(10) { rdx: field.to_reg(), r8: value, r9: mask } -> [r8];
    }

    tdg_sys_rd(field: FieldId) => Tdcall {
        catalog guest::tdg_sys_rd -> guest::SysRd { next, value };
        floor tdcall(11) [
            inout("rdx") field.to_reg() => rdx, lateout("r8") r8,
            lateout("rcx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r8];
        linux __tdcall_ret(11) { rdx: field.to_reg() } -> [rdx, r8];
    }

    tdg_sys_rdall(list: Gpa, field: FieldId) => Tdcall {
        catalog guest::tdg_sys_rdall -> guest::SysRdall { next };
        floor tdcall(12) [
            inout("rdx") list.to_reg() => _, inout("r8") field.to_reg() => r8,
            lateout("rcx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux __tdcall_ret(12) { rdx: list.to_reg(), r8: field.to_reg() } -> [r8];
    }

    tdg_servtd_rd(handle: ServtdHandle, field: FieldId, uuid: TdUuid) => Tdcall {
        catalog guest::tdg_servtd_rd -> guest::ServtdRd { next, value, uuid0, uuid1, uuid2, uuid3 };
        floor tdcall(18) [
            inout("rcx") handle.to_reg() => _, inout("rdx") field.to_reg() => rdx,
            lateout("r8") r8, lateout("r9") _,
            inout("r10") uuid.q0 => r10, inout("r11") uuid.q1 => r11,
            inout("r12") uuid.q2 => r12, inout("r13") uuid.q3 => r13,
        ] -> [rdx, r8, r10, r11, r12, r13];
        linux __tdcall_saved_ret(18) {
            rcx: handle.to_reg(), rdx: field.to_reg(),
            r10: uuid.q0, r11: uuid.q1, r12: uuid.q2, r13: uuid.q3,
        } -> [rdx, r8, r10, r11, r12, r13];
    }

    tdg_servtd_wr(handle: ServtdHandle, field: FieldId, value: u64, mask: u64, uuid: TdUuid) => Tdcall {
        catalog guest::tdg_servtd_wr -> guest::ServtdWr { old, uuid0, uuid1, uuid2, uuid3 };
        floor tdcall(20) [
            inout("rcx") handle.to_reg() => _, inout("rdx") field.to_reg() => _,
            inout("r8") value => r8, inout("r9") mask => _,
            inout("r10") uuid.q0 => r10, inout("r11") uuid.q1 => r11,
            inout("r12") uuid.q2 => r12, inout("r13") uuid.q3 => r13,
        ] -> [r8, r10, r11, r12, r13];
        linux __tdcall_saved_ret(20) {
            rcx: handle.to_reg(), rdx: field.to_reg(), r8: value, r9: mask,
            r10: uuid.q0, r11: uuid.q1, r12: uuid.q2, r13: uuid.q3,
        } -> [r8, r10, r11, r12, r13];
    }

    tdg_mr_verifyreport(report_mac: Gpa) => Tdcall {
        catalog guest::tdg_mr_verifyreport -> TdxStatus;
        floor tdcall(22) [
            inout("rcx") report_mac.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(22) { rcx: report_mac.to_reg() } -> [];
    }

    tdg_mem_page_attr_rd(gpa: Gpa) => Tdcall {
        catalog guest::tdg_mem_page_attr_rd -> guest::MemPageAttrRd { mapping, attributes };
        floor tdcall(23) [
            inout("rcx") gpa.to_reg() => rcx, lateout("rdx") rdx,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx];
        linux __tdcall_ret(23) { rcx: gpa.to_reg() } -> [rcx, rdx];
    }

    tdg_mem_page_attr_wr(gpa: AcceptGpa, attributes: GpaAttr, flags: AttrFlags) => Tdcall {
        catalog guest::tdg_mem_page_attr_wr -> guest::MemPageAttrWr { mapping, attributes };
        floor tdcall(24) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") attributes.to_reg() => rdx,
            inout("r8") flags.to_reg() => _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx];
        linux __tdcall_ret(24) {
            rcx: gpa.to_reg(), rdx: attributes.to_reg(), r8: flags.to_reg(),
        } -> [rcx, rdx];
    }

    tdg_vp_invept(vms: L2VmMask) => Tdcall {
        catalog guest::tdg_vp_invept -> TdxStatus;
        floor tdcall(26) [
            inout("rcx") vms.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(26) { rcx: vms.to_reg() } -> [];
    }

    tdg_vp_invvpid(vm: VmAndFlags, entry_or_list: u64) => Tdcall {
        catalog guest::tdg_vp_invvpid -> guest::VpInvvpid { entry_or_list };
        floor tdcall(27) [
            inout("rcx") vm.to_reg() => _, inout("rdx") entry_or_list => rdx,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx];
        linux __tdcall_ret(27) { rcx: vm.to_reg(), rdx: entry_or_list } -> [rdx];
    }

    // ========================================================= TDG.VP.VMCALL (guest → VMM)
    // The floor exposes what the macro exposes (the bound registers, R10, R11 and the
    // outputs; output-only registers go in as zero, so nothing leaks to the VMM) and returns
    // (TDCALL status, [R10, outputs]). The Linux path exposes 0xFFCC, as `__tdx_hypercall`.

    tdvmcall_cpuid(leaf: u64, subleaf: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_cpuid -> vmcall::Cpuid { eax, ebx, ecx, edx };
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 10u64 => _,
            inout("r12") leaf => r12, inout("r13") subleaf => r13,
            inout("r14") 0u64 => r14, inout("r15") 0u64 => r15,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r12, r13, r14, r15];
        linux hypercall(10) { r12: leaf, r13: subleaf } -> [r10, r12, r13, r14, r15];
    }

    tdvmcall_hlt(irq_disabled: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_hlt -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x1c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 12u64 => _,
            inout("r12") irq_disabled => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(12) { r12: irq_disabled } -> [r10];
    }

    tdvmcall_io(size: AccessSize, direction: AccessDirection, port: IoPort, value: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_io -> vmcall::Io { value };
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 30u64 => r11,
            inout("r12") size.to_reg() => _, inout("r13") direction.to_reg() => _,
            inout("r14") port.to_reg() => _, inout("r15") value => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(30) {
            r12: size.to_reg(), r13: direction.to_reg(), r14: port.to_reg(), r15: value,
        } -> [r10, r11];
    }

    tdvmcall_rdmsr(msr: MsrIndex) => Tdvmcall {
        catalog vmcall::tdvmcall_rdmsr -> vmcall::Rdmsr { value };
        floor tdcall(0) [
            inout("rcx") 0x1c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 31u64 => r11,
            inout("r12") msr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(31) { r12: msr.to_reg() } -> [r10, r11];
    }

    tdvmcall_wrmsr(msr: MsrIndex, value: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_wrmsr -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x3c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 32u64 => _,
            inout("r12") msr.to_reg() => _, inout("r13") value => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(32) { r12: msr.to_reg(), r13: value } -> [r10];
    }

    tdvmcall_request_mmio(size: AccessSize, direction: AccessDirection, addr: SharedGpa, value: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_request_mmio -> vmcall::Mmio { value };
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 48u64 => r11,
            inout("r12") size.to_reg() => _, inout("r13") direction.to_reg() => _,
            inout("r14") addr.to_reg() => _, inout("r15") value => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(48) {
            r12: size.to_reg(), r13: direction.to_reg(), r14: addr.to_reg(), r15: value,
        } -> [r10, r11];
    }

    tdvmcall_wbinvd(op: CacheOp) => Tdvmcall {
        catalog vmcall::tdvmcall_wbinvd -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x1c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 54u64 => _,
            inout("r12") op.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(54) { r12: op.to_reg() } -> [r10];
    }

    tdvmcall_pconfig(leaf: PconfigLeaf, rbx: u64, rcx: u64, rdx: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_pconfig -> vmcall::Pconfig { rax };
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 65u64 => r11,
            inout("r12") leaf.to_reg() => _, inout("r13") rbx => _,
            inout("r14") rcx => _, inout("r15") rdx => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(65) { r12: leaf.to_reg(), r13: rbx, r14: rcx, r15: rdx } -> [r10, r11];
    }

    tdvmcall_get_td_vm_call_info(leaf: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_get_td_vm_call_info -> vmcall::TdVmCallInfo { r11, r12, r13, r14 };
        floor tdcall(0) [
            inout("rcx") 0x7c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10000u64 => r11,
            inout("r12") leaf => r12, inout("r13") 0u64 => r13, inout("r14") 0u64 => r14,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11, r12, r13, r14];
        linux hypercall(0x10000) { r12: leaf } -> [r10, r11, r12, r13, r14];
    }

    tdvmcall_map_gpa(start: MapGpaTarget, size: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_map_gpa -> vmcall::MapGpa { resume };
        floor tdcall(0) [
            inout("rcx") 0x3c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10001u64 => r11,
            inout("r12") start.to_reg() => _, inout("r13") size => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(0x10001) { r12: start.to_reg(), r13: size } -> [r10, r11];
    }

    tdvmcall_get_quote(buffer: SharedGpa, size: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_get_quote -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x3c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10002u64 => _,
            inout("r12") buffer.to_reg() => _, inout("r13") size => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(0x10002) { r12: buffer.to_reg(), r13: size } -> [r10];
    }

    tdvmcall_report_fatal_error(code: u64, message: &FatalErrorMessage) => Tdvmcall {
        catalog vmcall::tdvmcall_report_fatal_error -> TdvmcallStatus;
        floor tdcall_rbx(0, message.rbx) [
            inout("rcx") 0xdfccu64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10003u64 => _,
            inout("r12") code => _, inout("r14") message.r14 => _, inout("r15") message.r15 => _,
            inout("rdi") message.rdi => _, inout("rsi") message.rsi => _,
            inout("r8") message.r8 => _, inout("r9") message.r9 => _,
            inout("rdx") message.rdx => _,
        ] -> [r10];
        linux hypercall(0x10003) {
            r12: code, r14: message.r14, r15: message.r15, rbx: message.rbx, rdi: message.rdi,
            rsi: message.rsi, r8: message.r8, r9: message.r9, rdx: message.rdx,
        } -> [r10];
    }

    tdvmcall_setup_event_notify_interrupt(vector: EventNotifyVector) => Tdvmcall {
        catalog vmcall::tdvmcall_setup_event_notify_interrupt -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x1c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10004u64 => _,
            inout("r12") vector.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(0x10004) { r12: vector.to_reg() } -> [r10];
    }

    tdvmcall_service(command: SharedGpa, response: SharedGpa, notify: ServiceNotify, timeout: ServiceTimeout) => Tdvmcall {
        catalog vmcall::tdvmcall_service -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10005u64 => _,
            inout("r12") command.to_reg() => _, inout("r13") response.to_reg() => _,
            inout("r14") notify.to_reg() => _, inout("r15") timeout.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(0x10005) {
            r12: command.to_reg(), r13: response.to_reg(), r14: notify.to_reg(),
            r15: timeout.to_reg(),
        } -> [r10];
    }

    // The vendor (KVM) hypercall: R10 = the hypercall number, its result comes back in R10.
    tdvmcall_kvm_hypercall(nr: KvmHypercallNr, p1: u64, p2: u64, p3: u64, p4: u64) => Vendor {
        catalog vmcall::tdvmcall_kvm_hypercall -> vmcall::KvmHypercall { ret };
        floor tdcall(0) [
            inout("rcx") 0x7c00u64 => _, inout("r10") nr.to_reg() => r10, inout("r11") p1 => _,
            inout("r12") p2 => _, inout("r13") p3 => _, inout("r14") p4 => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux vendor_hypercall(0) { r10: nr.to_reg(), r11: p1, r12: p2, r13: p3, r14: p4 } -> [r10];
    }
}
