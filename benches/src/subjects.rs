//! The footprint subjects: for every leaf of the catalog (`tdx_calls::CATALOG`) that
//! [`has_subjects`] (all but the [`WITHOUT_SUBJECTS`], none now), three
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
//! One leaf is one entry of the `subjects!` lists in `subjects/*.rs`, one file per part of
//! the catalog (`PARTS`; the macros are in `subjects/macros.rs`, the samples of the newer
//! operand types in `subjects/samples.rs`): the catalog wrapper and its output fields for
//! (a), the operand list of the floor's `asm!` for (b), the trampoline and struct fields for
//! (c). The floor's operands are written out per leaf on purpose: it is the
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
use tdx_core::reg::RegEncode;
use tdx_core::{
    AcceptGpa, FieldId, Gpa, Guest, Hkid, Hpa, KeyedHpa, ModuleArgs, Page, Sept, SeptGpa,
    SharedGpa, Tdcs, Tdcx, TdvmcallStatus, TdxError, TdxStatus,
};
use tdx_core::{
    AccessDirection, AccessSize, CacheWbMode, EventNotifyVector, IoPort, KvmHypercallNr,
    MapGpaTarget, MsrIndex, RtmrIndex,
};
use tdx_core::{
    AttrFlags, CpuidVe, GpaAttr, GpaListInfo, L2VmMask, MigscPage, PamtRange, ServtdHandle, TdUuid,
    VmAndFlags,
};
use tdx_core::{CacheOp, PconfigLeaf, ServiceNotify, ServiceTimeout, X2ApicId};
use tdx_core::{
    DevifField, DevifId, DevifReqIn, DevifRspIn, DevifmtIdx, DmarIdx, DmarTarget, FunctionId,
    IdeKmObject, IdeKmParam, IommuId, IommuRegId, MmiomtIdx, MmiomtSetInfo, StreamId,
};
use tdx_core::{
    DynamicPamt, HpaAndSize, L2AttrList, L2SeptPages, MacLists, MigStream, PageListInfo,
    ServtdAttributes, ServtdSlot, ServtdType, Tdr,
};
use tdx_core::{
    FatalErrorConfig, FeatureEnables, L2EnterFlags, ListOfLists, RangeListInfo, ScanControls,
    ScanCxPage, SeptAddPages, TdHandleAndFlags,
};

/// The catalog wrappers without footprint subjects yet: none; every catalog leaf has its
/// subjects. The footprint report names the list; a test checks it against [`SUBJECTS`] and
/// the catalog.
pub const WITHOUT_SUBJECTS: &[&str] = &[];

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

#[macro_use]
mod macros;

mod samples;

mod guest_connect;
mod host15;
mod host_connect;
mod host_v1;
mod p_seamldr;
mod seamcall;
mod tdcall;
mod tdvmcall;

pub use guest_connect::*;
pub use host_connect::*;
pub use host_v1::*;
pub use host15::*;
pub use p_seamldr::*;
pub use seamcall::*;
pub use tdcall::*;
pub use tdvmcall::*;

/// The files' lists, in catalog order: the host SEAMCALL leaves (Linux's, module 1.5's, module
/// 1.5.34's and the version-1 forms, TDX Connect's), P-SEAMLDR's, the guest TDCALL leaves
/// (then TDX Connect's), then the TDG.VP.VMCALL sub-functions.
const PARTS: [&[Subject]; 8] = [
    seamcall::LIST,
    host15::LIST,
    host_v1::LIST,
    host_connect::LIST,
    p_seamldr::LIST,
    tdcall::LIST,
    guest_connect::LIST,
    tdvmcall::LIST,
];

/// Every leaf's subjects, in catalog order (`PARTS` one after the other).
pub static SUBJECTS: &[Subject] = &ALL;

const ALL: [Subject; total(&PARTS)] = concat(PARTS);

/// The number of subjects of all parts.
const fn total(parts: &[&[Subject]]) -> usize {
    let (mut n, mut part) = (0, 0);
    while part < parts.len() {
        n += parts[part].len();
        part += 1;
    }
    n
}

/// The parts one after the other (a `const fn`, so that [`SUBJECTS`] stays a `static` slice).
const fn concat<const N: usize, const P: usize>(parts: [&[Subject]; P]) -> [Subject; N] {
    let mut all = [parts[0][0]; N];
    let (mut part, mut at) = (0, 0);
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            all[at] = parts[part][i];
            (i, at) = (i + 1, at + 1);
        }
        part += 1;
    }
    all
}
