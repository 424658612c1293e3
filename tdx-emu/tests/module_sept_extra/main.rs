//! The Secure-EPT leaves beyond the mapping ones, through the catalog wrappers
//! (`tdx_calls::host::tdh_mem_sept_rd`, `tdh_mem_rd`, `tdh_mem_wr`, ...) under the model:
//! the success path and the failure statuses with their operand IDs and entry details, as
//! intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_sept_rd.c`,
//! `tdh_mem_rd_wr.c`, `tdh_mem_sept_remove.c`, `tdh_mem_page_relocate.c`,
//! `tdh_mem_page_demote.c` and `tdh_mem_page_promote.c` answer them.

#[path = "../common/mod.rs"]
mod common;
mod rw;
mod size;

use common::*;
use tdx_calls::TdxTd;
use tdx_calls::host::TdxErrorExt;
use tdx_core::{Guest, Page};
use tdx_emu::module::{TdParams, TdxModule};

pub(crate) const GPA: u64 = 0x20_0000;

pub(crate) fn td_ref(td: &Td) -> TdxTd<'_> {
    TdxTd {
        tdr: td.tdr,
        tdcs: &[],
    }
}

/// (entry, level_state) of a failed Secure-EPT leaf, through the catalog's decoder.
pub(crate) fn details(error: &tdx_core::TdxError) -> (u64, u64) {
    let detail = error.sept_error().expect("a Secure-EPT leaf's error");
    (detail.entry, detail.level_state.raw())
}

/// A TD with the Secure-EPT pages for `GPA` and a 4 KiB page PAGE.ADDed there whose bytes
/// 8..16 are `0x1122_3344_5566_7788`. Returns the TD, the Secure-EPT pages and the TD page.
pub(crate) fn td_with_page(
    m: &TdxModule,
    hkid: u16,
    params: &TdParams,
) -> (Td, Vec<Page<tdx_core::Sept>>, u64) {
    let td = create_td(m, hkid, params);
    let septs = map_sept(m, &td, GPA);
    let source = m.alloc_page::<Guest>().hpa();
    m.write_memory(
        hpa(source.as_u64() + 8),
        &0x1122_3344_5566_7788u64.to_le_bytes(),
    );
    let target: Page<Guest> = m.alloc_page();
    // SAFETY: see the `common` module docs.
    unsafe { raw::tdh_mem_page_add(gpa(GPA), td.tdr, target, source) }.expect("PAGE.ADD");
    (td, septs, target.as_u64())
}
