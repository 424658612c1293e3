//! Benchmarks for tdx-calls: footprint, calls and expansion (see `benches/` and
//! `docs/benchmarks.md`).
//!
//! * [`subjects`]: for every leaf, (a) the macro's wrapper, (b) a hand-written minimal `asm!`
//!   wrapper (the floor) and (c) the Linux-style path through a shared trampoline
//!   ([`linux`]), as `#[inline(never)]` functions with exported names;
//! * [`check`]: runs the three through the tdx-emu trap and checks that they agree;
//! * [`shaped`]: (b'), hand-written wrappers with (a)'s semantics and a shared cold routine per
//!   family; [`sites`]: their footprint and the call sites';
//! * [`script`]: scripted trap answers (success, entropy retry, error, VMfailInvalid);
//! * [`count`]: exact instruction counts by ptrace single-stepping (the calls bench);
//! * [`build`]: compile-time measurements (the macro against the pre-expanded catalog, and the
//!   clean build of tdx-core before and after the syn trim);
//! * [`footprint`]: measures functions in a built binary (`nm`, `objdump`);
//! * [`expansion`]: the catalog's declarations, as the expansion bench expands them;
//! * [`report`]: writes the benches' sections of `docs/benchmarks.md`.
//!
//! The subjects are compiled into this library so that the `footprint_subjects` binary (whose
//! release build the footprint bench disassembles), the call bench and the tests share them.

pub mod build;
pub mod check;
pub mod count;
pub mod expansion;
pub mod footprint;
pub mod linux;
pub mod report;
pub mod script;
pub mod shaped;
pub mod sites;
pub mod subjects;

/// One leaf's three subjects.
#[derive(Clone, Copy)]
pub struct Subject {
    /// The wrapper's name, as in the catalog (`tdh_phymem_page_reclaim`).
    pub name: &'static str,
    /// How the leaf uses the registers (and its family).
    pub kind: check::Kind,
    /// The catalog wrapper's path, as the demangled symbol (`tdx_calls::host::tdh_mng_create`).
    pub wrapper: &'static str,
    /// Run the three subjects under the trap and compare them.
    pub check: fn() -> Result<(), String>,
    /// Run subject `'a'`, `'b'` or `'c'` once under a scripted trap (the instruction counter).
    pub run: fn(char, script::Script),
}

impl Subject {
    /// `seamcall`, `tdcall` or `tdvmcall`.
    pub const fn family(&self) -> &'static str {
        self.kind.family()
    }
}
