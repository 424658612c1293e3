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
//! One leaf is one entry of the `subjects!` lists in `subjects/{seamcall,tdcall,tdvmcall}.rs`
//! (the macros are in `subjects/macros.rs`): the catalog wrapper and its output fields for
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
use tdx_core::{CacheOp, PconfigLeaf, ServiceNotify, ServiceTimeout};

/// The catalog wrappers without footprint subjects yet: module-1.5 leaves Linux does not
/// issue: host SEAMCALLs with page lists, L2 pages, PAMT pages, service-TD operands or an
/// input in R10 (the migration stream: the (b') machinery of [`crate::shaped`] loads RCX..R9
/// only), the guest leaves with the widest register sets, and (not written yet) the module-1.5.34
/// leaves and the version-1 forms. The footprint report names them; a test checks this
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
    // The module-1.5.34 leaves and the version-1 forms: no subjects written yet.
    "tdh_mem_scan_range",
    "tdh_mem_scan_comp",
    "tdh_mem_scan_config",
    "tdh_mem_scan_reset",
    "tdh_mem_sept_add_v1",
    "tdh_mng_rd_v1",
    "tdh_mem_page_promote_v1",
    "tdh_vp_rd_v1",
    "tdh_mem_sept_remove_v1",
    "tdh_export_mem_v1",
    "tdh_import_mem_v1",
    "tdg_mr_key_get",
    "tdg_vm_rd_v1",
    "tdh_sys_init_v1",
    "tdh_sys_config_v1",
    "tdh_sys_update_v1",
    "tdh_export_blockw_v1",
    "tdh_export_restore_v1",
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

mod seamcall;
mod tdcall;
mod tdvmcall;

pub use seamcall::*;
pub use tdcall::*;
pub use tdvmcall::*;

/// Every leaf's subjects, in catalog order: the SEAMCALL leaves (host, then P-SEAMLDR), the
/// guest TDCALL leaves, then the TDG.VP.VMCALL sub-functions, one file per family.
pub static SUBJECTS: &[Subject] = &ALL;

const ALL: [Subject; seamcall::LIST.len() + tdcall::LIST.len() + tdvmcall::LIST.len()] =
    concat([seamcall::LIST, tdcall::LIST, tdvmcall::LIST]);

/// The parts one after the other (a `const fn`, so that [`SUBJECTS`] stays a `static` slice).
const fn concat<const N: usize>(parts: [&[Subject]; 3]) -> [Subject; N] {
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
