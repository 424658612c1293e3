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
//! * [`registers`]: the operand registers of a trapped instruction, and which ones a trap
//!   answers; [`preserved`]: whether a subject kept RBX and R12-R15;
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
pub mod preserved;
pub mod registers;
pub mod report;
pub mod script;
pub mod shaped;
pub mod sites;
pub mod subjects;

use tdx_core::abi::LeafData;

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

    /// The leaf's entry in the ABI table (`tdx_core::abi::leaves()`), found through the
    /// wrapper's catalog entry: the registers it reads and writes, which the checks go by.
    pub fn leaf(&self) -> &'static LeafData {
        let (module, wrapper) = self
            .wrapper
            .strip_prefix("tdx_calls::")
            .and_then(|path| path.split_once("::"))
            .unwrap_or_else(|| panic!("{}: not a tdx_calls wrapper path", self.wrapper));
        let entry = tdx_calls::catalog::CATALOG
            .iter()
            .find(|entry| entry.module == module && entry.wrapper == wrapper)
            .unwrap_or_else(|| panic!("{}: not in the catalog", self.wrapper));
        tdx_core::abi::leaves()
            .find(|leaf| leaf.type_name == entry.leaf_type)
            .unwrap_or_else(|| {
                panic!(
                    "{}: leaf {} not in the ABI table",
                    self.name, entry.leaf_type
                )
            })
    }
}
