//! The SEAMCALL leaves, one file per class of the spec (sys, mng, mr, mem, vp, phymem, and the
//! P-SEAMLDR leaves), one handler per leaf named after it (`tdh_mem_page_aug` answers
//! TDH.MEM.PAGE.AUG). This file holds the dispatch and the checks several classes share.
//!
//! Every handler checks and takes locks first, then validates, then mutates: a failed call
//! leaves the state as it was. Register outputs that a leaf always writes (the extended error
//! information of the SEPT-type leaves, the R8 of the RD leaves) are written even on failure,
//! as the real module does.

use crate::module::locks::{LockKey, Mode};
use crate::module::pamt::{PAGE_1G, PAGE_2M, PAGE_4K, PamtType};
use crate::module::sept::{self, Entry, level_bytes};
use crate::module::status::{Fail, Outcome, invalid, key_state, metadata_incorrect, operand as op};
use crate::module::td::{Lifecycle, Td, Vcpu};
use crate::module::{Call, Phase, leaf};
use crate::trap::CpuState;
use mem::{
    tdh_mem_page_add, tdh_mem_page_aug, tdh_mem_page_relocate, tdh_mem_page_remove,
    tdh_mem_range_block, tdh_mem_range_unblock, tdh_mem_sept_add, tdh_mem_sept_remove,
    tdh_mem_track,
};
use mem_rw::{tdh_mem_rd, tdh_mem_sept_rd, tdh_mem_wr};
use mem_size::{tdh_mem_page_demote, tdh_mem_page_promote};
use mng::{
    tdh_mng_addcx, tdh_mng_create, tdh_mng_init, tdh_mng_key_config, tdh_mng_key_freeid,
    tdh_mng_key_reclaimid, tdh_mng_rd, tdh_mng_vpflushdone, tdh_mng_wr,
};
use mr::{tdh_mr_extend, tdh_mr_finalize};
use phymem::{
    tdh_phymem_cache_wb, tdh_phymem_page_rdmd, tdh_phymem_page_reclaim, tdh_phymem_page_wbinvd,
};
use seamldr::{p_seamldr_info, p_seamldr_install};
use servtd::{tdh_servtd_bind, tdh_servtd_prebind};
use sys::{
    tdh_sys_config, tdh_sys_disable, tdh_sys_info, tdh_sys_init, tdh_sys_key_config,
    tdh_sys_lp_init, tdh_sys_lp_shutdown, tdh_sys_rd, tdh_sys_rdall, tdh_sys_shutdown,
    tdh_sys_tdmr_init, tdh_sys_update,
};
use tdx_core::{PageSize, TdxStatus};
use vp::{tdh_vp_addcx, tdh_vp_create, tdh_vp_flush, tdh_vp_init, tdh_vp_rd, tdh_vp_wr};

mod mem;
mod mem_rw;
mod mem_size;
mod mng;
mod mr;
mod phymem;
mod seamldr;
mod servtd;
mod sys;
mod vp;

pub(crate) use servtd::{MAX_SERVTDS, OPERAND_SERVTD_BINDINGS, tee_info_hash};
pub(crate) use sys::global_value;
pub(crate) use vp::{
    EXPOSABLE, Prepared, gprs_of, set_operand_regs, tdh_vp_enter_finish, tdh_vp_enter_prepare,
};

const SUCCESS: Outcome = Ok(TdxStatus::SUCCESS);

/// A leaf's handler.
type Handler = fn(&mut Call<'_>) -> Outcome;

/// The handler of SEAMCALL `leaf` (every modelled leaf but TDH.VP.ENTER).
fn handler(leaf: u64) -> Option<Handler> {
    Some(match leaf {
        leaf::TDH_SYS_INIT => tdh_sys_init,
        leaf::TDH_SYS_LP_INIT => tdh_sys_lp_init,
        leaf::TDH_SYS_RD => tdh_sys_rd,
        leaf::TDH_SYS_RDALL => tdh_sys_rdall,
        leaf::TDH_SYS_CONFIG => tdh_sys_config,
        leaf::TDH_SYS_KEY_CONFIG => tdh_sys_key_config,
        leaf::TDH_SYS_TDMR_INIT => tdh_sys_tdmr_init,
        leaf::TDH_SYS_SHUTDOWN => tdh_sys_shutdown,
        leaf::TDH_SYS_UPDATE => tdh_sys_update,
        leaf::TDH_SYS_DISABLE => tdh_sys_disable,
        leaf::TDH_SYS_LP_SHUTDOWN => tdh_sys_lp_shutdown,
        leaf::TDH_SYS_INFO => tdh_sys_info,
        leaf::P_SEAMLDR_INFO => p_seamldr_info,
        leaf::P_SEAMLDR_INSTALL => p_seamldr_install,
        leaf::TDH_MNG_CREATE => tdh_mng_create,
        leaf::TDH_MNG_KEY_CONFIG => tdh_mng_key_config,
        leaf::TDH_MNG_ADDCX => tdh_mng_addcx,
        leaf::TDH_MNG_INIT => tdh_mng_init,
        leaf::TDH_MNG_RD => tdh_mng_rd,
        leaf::TDH_MNG_WR => tdh_mng_wr,
        leaf::TDH_VP_CREATE => tdh_vp_create,
        leaf::TDH_VP_ADDCX => tdh_vp_addcx,
        leaf::TDH_VP_INIT => tdh_vp_init,
        leaf::TDH_VP_RD => tdh_vp_rd,
        leaf::TDH_VP_WR => tdh_vp_wr,
        leaf::TDH_VP_FLUSH => tdh_vp_flush,
        leaf::TDH_MEM_SEPT_ADD => tdh_mem_sept_add,
        leaf::TDH_MEM_PAGE_ADD => tdh_mem_page_add,
        leaf::TDH_MR_EXTEND => tdh_mr_extend,
        leaf::TDH_MR_FINALIZE => tdh_mr_finalize,
        leaf::TDH_MEM_PAGE_AUG => tdh_mem_page_aug,
        leaf::TDH_MEM_RANGE_BLOCK => tdh_mem_range_block,
        leaf::TDH_MEM_RANGE_UNBLOCK => tdh_mem_range_unblock,
        leaf::TDH_MEM_TRACK => tdh_mem_track,
        leaf::TDH_MEM_PAGE_REMOVE => tdh_mem_page_remove,
        leaf::TDH_MEM_SEPT_RD => tdh_mem_sept_rd,
        leaf::TDH_MEM_RD => tdh_mem_rd,
        leaf::TDH_MEM_WR => tdh_mem_wr,
        leaf::TDH_MEM_SEPT_REMOVE => tdh_mem_sept_remove,
        leaf::TDH_MEM_PAGE_RELOCATE => tdh_mem_page_relocate,
        leaf::TDH_MEM_PAGE_DEMOTE => tdh_mem_page_demote,
        leaf::TDH_MEM_PAGE_PROMOTE => tdh_mem_page_promote,
        leaf::TDH_MNG_VPFLUSHDONE => tdh_mng_vpflushdone,
        leaf::TDH_PHYMEM_CACHE_WB => tdh_phymem_cache_wb,
        leaf::TDH_MNG_KEY_FREEID => tdh_mng_key_freeid,
        leaf::TDH_MNG_KEY_RECLAIMID => tdh_mng_key_reclaimid,
        leaf::TDH_SERVTD_PREBIND => tdh_servtd_prebind,
        leaf::TDH_SERVTD_BIND => tdh_servtd_bind,
        leaf::TDH_PHYMEM_PAGE_RDMD => tdh_phymem_page_rdmd,
        leaf::TDH_PHYMEM_PAGE_RECLAIM => tdh_phymem_page_reclaim,
        leaf::TDH_PHYMEM_PAGE_WBINVD => tdh_phymem_page_wbinvd,
        _ => return None,
    })
}

/// Whether the model answers SEAMCALL `leaf` (TDH.VP.ENTER aside).
pub(crate) fn handles(leaf: u64) -> bool {
    handler(leaf).is_some()
}

/// Answers SEAMCALL `leaf` (every leaf but TDH.VP.ENTER).
pub(crate) fn dispatch(call: &mut Call<'_>, leaf: u64) -> Outcome {
    let Some(handler) = handler(leaf) else {
        return Err(invalid(op::RAX));
    };
    // Version checks: TDH.VP.INIT is version 1 only, TDH.SYS.CONFIG, TDH.SYS.UPDATE,
    // TDH.MNG.RD and TDH.VP.RD accept 0 and 1, everything else 0.
    let max_version = match leaf {
        leaf::TDH_SYS_CONFIG
        | leaf::TDH_SYS_UPDATE
        | leaf::TDH_VP_INIT
        | leaf::TDH_MNG_RD
        | leaf::TDH_VP_RD => 1,
        _ => 0,
    };
    if call.version > max_version || (leaf == leaf::TDH_VP_INIT && call.version != 1) {
        return Err(invalid(op::RAX));
    }
    handler(call)
}

/// This LP ran TDH.SYS.LP.INIT.
fn need_lp(call: &Call<'_>) -> Result<(), Fail> {
    if call.lp_ready {
        return Ok(());
    }
    if call.st.g.sys.lp_init.contains(&call.lp) {
        crate::module::cache_lp_ready(call.module_id, call.lp_generation);
        Ok(())
    } else {
        Err(invalid(op::SYS))
    }
}

/// The platform is initialized and this LP too.
fn need_ready(call: &Call<'_>) -> Result<(), Fail> {
    need_lp(call)?;
    if call.ready || call.st.g.sys.phase == Phase::Ready {
        Ok(())
    } else {
        Err(invalid(op::SYS))
    }
}

/// The platform lock: contention on it is `TDX_SYS_BUSY`.
fn sys_lock(call: &mut Call<'_>, mode: Mode) -> Result<(), Fail> {
    call.lock(LockKey::Sys, mode, op::SYS)
        .map_err(|_| Fail::exact(TdxStatus::SYS_BUSY))
}

/// `addr` fits the physical address width (no KeyID bits).
fn physical(call: &Call<'_>, addr: u64) -> bool {
    addr >> call.cfg.phys_bits == 0
}

/// The checks before a 4 KiB page is handed to the module, in the module's order: aligned and
/// inside a TDMR, locked for this call, and free in the PAMT. Every error names `operand`, the
/// register that carried the page.
fn claim_free_page(call: &mut Call<'_>, page: u64, operand: u32) -> Result<(), Fail> {
    if !page.is_multiple_of(PAGE_4K) || !physical(call, page) {
        return Err(invalid(operand));
    }
    call.lock(LockKey::Page(page), Mode::Exclusive, operand)?;
    lock_pamt_range(call, page, PageSize::Size4K, operand)?;
    call.st.pamt.check_free(page, PageSize::Size4K, operand)
}

/// The PAMT levels above a page being claimed, as the module's PAMT walk locks them: the 2 MiB
/// and 1 GiB entries shared for a 4 KiB page, the 2 MiB one exclusive for a 2 MiB page, the
/// 1 GiB one exclusive for a 1 GiB page. Two claims of overlapping ranges cannot both pass
/// their checks: one gets `TDX_OPERAND_BUSY` on `operand`.
fn lock_pamt_range(
    call: &mut Call<'_>,
    page: u64,
    size: PageSize,
    operand: u32,
) -> Result<(), Fail> {
    let (range_2m, range_1g) = (page & !(PAGE_2M - 1), page & !(PAGE_1G - 1));
    let (mode_2m, mode_1g) = match size {
        PageSize::Size4K => (Some(Mode::Shared), Mode::Shared),
        PageSize::Size2M => (Some(Mode::Exclusive), Mode::Shared),
        _ => (None, Mode::Exclusive),
    };
    if let Some(mode) = mode_2m {
        call.lock(LockKey::Pamt2M(range_2m), mode, operand)?;
    }
    call.lock(LockKey::Pamt1G(range_1g), mode_1g, operand)
}

/// Checks that `tdr` (carried in the register with ID `operand`) is a TD root page, and locks
/// it.
fn td_lock(call: &mut Call<'_>, tdr: u64, operand: u32, mode: Mode) -> Result<(), Fail> {
    call.st.pamt.check_type(tdr, PamtType::Tdr, operand)?;
    call.lock(LockKey::Page(tdr), mode, operand)?;
    if call.st.tds.contains_key(&tdr) {
        Ok(())
    } else {
        Err(metadata_incorrect(operand))
    }
}

/// Checks that `tdvpr` (in the register with ID `operand`) is a vCPU root page, locks it, and
/// locks its TD shared (implicitly: busy is operand TDR). Returns the TDR.
fn vcpu_lock(call: &mut Call<'_>, tdvpr: u64, operand: u32, mode: Mode) -> Result<u64, Fail> {
    let entry = call.st.pamt.check_type(tdvpr, PamtType::Tdvpr, operand)?;
    call.lock(LockKey::Page(tdvpr), mode, operand)?;
    call.lock(LockKey::Page(entry.owner), Mode::Shared, op::TDR)?;
    match call.st.vcpus.get(&tdvpr) {
        Some(vcpu) if call.st.tds.contains_key(&vcpu.tdr) => Ok(vcpu.tdr),
        _ => Err(metadata_incorrect(operand)),
    }
}

fn td<'a>(call: &'a Call<'_>, tdr: u64, operand: u32) -> Result<&'a Td, Fail> {
    call.st.tds.get(&tdr).ok_or(metadata_incorrect(operand))
}

/// The TD's keys are configured on every package (it is neither new nor being torn down).
pub(crate) fn keys_configured(td: &Td, operand: u32) -> Result<(), Fail> {
    if td.lifecycle == Lifecycle::KeysConfigured {
        Ok(())
    } else {
        Err(key_state(operand))
    }
}

/// The vCPU is not associated with another LP (the real module: `TDX_VCPU_ASSOCIATED`).
fn associable(vcpu: &Vcpu, lp: u64, operand: u32) -> Result<(), Fail> {
    match vcpu.associated_lp {
        Some(other) if other != lp => Err(invalid(operand)),
        _ => Ok(()),
    }
}

/// Writes the extended error information of a SEPT-type leaf and returns `status` on RCX.
fn sept_error(cpu: &mut CpuState, status: TdxStatus, entry: u64, level_state: u64) -> Fail {
    cpu.rcx = entry;
    cpu.rdx = level_state;
    Fail::new(status, op::RCX)
}

/// The entry at (`level`, `gpa`) as a SEPT error: `EPT_ENTRY_STATE_INCORRECT` on RCX.
fn entry_state_error(cpu: &mut CpuState, td: &Td, level: u8, gpa: u64) -> Fail {
    entry_state_error_as(cpu, TdxStatus::EPT_ENTRY_STATE_INCORRECT, td, level, gpa)
}

/// The entry at (`level`, `gpa`) as a SEPT error with `status` on RCX.
fn entry_state_error_as(
    cpu: &mut CpuState,
    status: TdxStatus,
    td: &Td,
    level: u8,
    gpa: u64,
) -> Fail {
    let entry = td.sept.get(level, gpa);
    sept_error(
        cpu,
        status,
        Entry::raw(entry, level),
        sept::level_state(level, entry),
    )
}

/// Decodes the `GPA | level` operand in RCX for TD `td`: the level in `levels`, the GPA
/// aligned to it, private and inside the TD's GPA width.
fn sept_gpa(rcx: u64, td: &Td, levels: std::ops::RangeInclusive<u8>) -> Result<(u64, u8), Fail> {
    let level = (rcx & 7) as u8;
    if !levels.contains(&level) {
        return Err(invalid(op::RCX));
    }
    let gpa = rcx & !7;
    if !gpa.is_multiple_of(level_bytes(level)) || !td.is_private_gpa(gpa) {
        return Err(invalid(op::RCX));
    }
    Ok((gpa, level))
}

fn page_size(level: u8) -> PageSize {
    match level {
        0 => PageSize::Size4K,
        1 => PageSize::Size2M,
        _ => PageSize::Size1G,
    }
}

fn pages_4k(size: PageSize) -> u64 {
    size.bytes() / PAGE_4K
}
