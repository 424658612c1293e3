//! TDH.SYS.*: platform initialization, global metadata, shutdown, update (and TDH.SYS.DISABLE).

use super::{SUCCESS, need_lp, need_ready, physical, sys_lock};
use crate::module::locks::Mode;
use crate::module::md::{self, Access, Ctx};
use crate::module::metadata;
use crate::module::status::{Fail, Outcome, code, invalid, operand as op};
use crate::module::{Call, KotEntry, Phase};
use tdx_core::TdxStatus;

pub(super) fn tdh_sys_init(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    if call.cpu.rcx != 0 {
        return Err(invalid(op::RCX));
    }
    if call.st.g.sys.phase != Phase::Uninit {
        return Err(invalid(op::SYS));
    }
    call.st.g.sys.phase = Phase::SysInit;
    SUCCESS
}

pub(super) fn tdh_sys_lp_init(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Shared)?;
    if !matches!(
        call.st.g.sys.phase,
        Phase::SysInit | Phase::Configured | Phase::Ready | Phase::UpdatePending
    ) || call.st.g.sys.lp_init.contains(&call.lp)
    {
        return Err(invalid(op::SYS));
    }
    call.st.g.sys.lp_init.insert(call.lp);
    SUCCESS
}

/// The value of global field element `e`: the model's ([`metadata::global_fields`]), else 0.
pub(crate) fn global_value(call: &Call<'_>, e: &md::Element) -> u64 {
    let key = e.key();
    metadata::global_fields(call.cfg, call.st.g.sys.update_version)
        .iter()
        .find(|f| metadata::key(f.id) == key)
        .map_or(0, |f| f.value)
}

/// TDH.SYS.RD as `tdh_sys_rd.c`: RDX = `MD_FIELD_ID_NA` and R8 = 0 first; the null field ID
/// gives the first field; a field gives its value in R8 and the next field in RDX.
pub(super) fn tdh_sys_rd(call: &mut Call<'_>) -> Outcome {
    let id = call.cpu.rdx;
    call.cpu.rdx = md::FIELD_ID_NA;
    call.cpu.r8 = 0;
    need_lp(call)?;
    sys_lock(call, Mode::Shared)?;
    let access = Access::HostRd { debug: false };
    if md::is_null(id) {
        call.cpu.rdx = md::next_id(Ctx::Sys, None, access);
        return Ok(TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
    }
    md::check_single_element(id)?;
    let e = md::find(Ctx::Sys, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    call.cpu.r8 = md::read(&e, access, global_value(call, &e))?;
    call.cpu.rdx = md::next_id(Ctx::Sys, Some(e), access);
    SUCCESS
}

/// TDH.SYS.RDALL as `tdh_sys_rdall.c`: R8 = `MD_FIELD_ID_NA` first; RDX must be a 4 KiB
/// aligned HPA without KeyID bits (`shared_hpa_check_with_pwr_2_alignment`, operand RDX); the
/// global fields the host may read, from field R8 on, are dumped there as a metadata list
/// (`md_dump_list`), and R8 = the next field ID (`MD_FIELD_ID_NA` when all fit).
pub(super) fn tdh_sys_rdall(call: &mut Call<'_>) -> Outcome {
    let (list, start) = (call.cpu.rdx, call.cpu.r8);
    call.cpu.r8 = md::FIELD_ID_NA;
    need_lp(call)?;
    sys_lock(call, Mode::Shared)?;
    if !list.is_multiple_of(4096) || !physical(call, list) {
        return Err(invalid(op::RDX));
    }
    let mut page = [0u8; md::LIST_BYTES];
    let value = |e: &md::Element| global_value(call, e);
    let (status, next) = md::dump(
        Ctx::Sys,
        start,
        Access::HostRd { debug: false },
        &value,
        &mut page,
    )?;
    call.mem.write(list, &page);
    call.cpu.r8 = next;
    if status.is_error() {
        return Err(Fail::exact(status));
    }
    Ok(status)
}

pub(super) fn tdh_sys_config(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_lp(call)?;
    if call.st.g.sys.phase != Phase::SysInit {
        return Err(invalid(op::SYS));
    }
    let (array, count, keyid) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    if array == 0 || !array.is_multiple_of(512) || !physical(call, array) {
        return Err(invalid(op::RCX));
    }
    if count == 0 || count > 64 || count != call.cfg.tdmrs.len() as u64 {
        return Err(invalid(op::RDX));
    }
    let Some(keyid) = u16::try_from(keyid)
        .ok()
        .filter(|k| call.cfg.hkids.contains(k))
    else {
        return Err(invalid(op::R8));
    };
    call.st.g.sys.global_keyid = Some(keyid);
    call.st.g.kot.insert(
        keyid,
        KotEntry {
            tdr: 0,
            flushed: false,
            wbinvd_pending: 0,
        },
    );
    call.st.g.sys.phase = Phase::Configured;
    SUCCESS
}

pub(super) fn tdh_sys_key_config(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_lp(call)?;
    if !matches!(call.st.g.sys.phase, Phase::Configured | Phase::Ready)
        || call.pkg >= call.cfg.packages
    {
        return Err(invalid(op::SYS));
    }
    let bit = 1u64 << call.pkg;
    if call.st.g.sys.key_pkgs & bit != 0 {
        return Ok(TdxStatus::KEY_CONFIGURED);
    }
    call.st.g.sys.key_pkgs |= bit;
    if call.st.g.sys.key_pkgs.count_ones() == call.cfg.packages {
        call.st.g.sys.phase = Phase::Ready;
    }
    SUCCESS
}

pub(super) fn tdh_sys_tdmr_init(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_ready(call)?;
    let base = call.cpu.rcx;
    let Some(index) = call.st.pamt.tdmrs().iter().position(|t| t.base == base) else {
        return Err(invalid(op::RCX));
    };
    let end = call.st.pamt.tdmrs()[index].end();
    let next = call
        .st
        .pamt
        .initialized(index)
        .saturating_add(call.cfg.tdmr_init_chunk)
        .min(end);
    call.st.pamt.set_initialized(index, next);
    call.cpu.rdx = next;
    SUCCESS
}

pub(super) fn tdh_sys_shutdown(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_ready(call)?;
    if call.cpu.rcx != metadata::MODULE_HV {
        return Err(invalid(op::RCX));
    }
    call.st.g.sys.phase = Phase::Shutdown;
    call.st.g.sys.lp_init.clear();
    SUCCESS
}

pub(super) fn tdh_sys_update(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_lp(call)?;
    if call.st.g.sys.phase != Phase::UpdatePending {
        return Err(invalid(op::SYS));
    }
    call.st.g.sys.phase = Phase::Ready;
    SUCCESS
}

pub(super) fn tdh_sys_disable(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    if call.st.g.sys.disable_left > 0 {
        call.st.g.sys.disable_left -= 1;
        return Err(Fail::exact(TdxStatus::INTERRUPTED_RESUMABLE));
    }
    call.st.g.sys.phase = Phase::Disabled;
    SUCCESS
}

/// TDH.SYS.LP.SHUTDOWN as intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_sys_lp_shutdown.c`:
/// "deprecated - serves as place holder for legacy VMMs that still call it": `TDX_SUCCESS`,
/// nothing changes (this LP stays initialized). The dispatcher lets it through in every
/// platform state, before the module is ready and after TDH.SYS.SHUTDOWN (the one leaf it
/// accepts then, `tdx_vmm_dispatcher.c`), and the handler checks no LP initialization.
pub(super) fn tdh_sys_lp_shutdown(_call: &mut Call<'_>) -> Outcome {
    SUCCESS
}

/// TDH.SYS.INFO as intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_sys_info.c`,
/// in its order: RDX = R9 = 0 first; this LP's TDH.SYS.LP.INIT done (the dispatcher runs the
/// leaf before the platform is ready); RCX a 1024-byte aligned HPA without KeyID bits
/// (`shared_hpa_check_with_pwr_2_alignment`, operand RCX); RDX ≥ 1024 (operand RDX); the
/// TDSYSINFO_STRUCT buffer is zeroed *before* the CMR_INFO checks; R8 aligned to
/// `MAX_CMR * 16` = 512 bytes without KeyID bits (operand R8); R9 ≥ `MAX_CMR` (operand R9).
/// Then TDSYSINFO_STRUCT and the 32 CMR_INFO entries are written, RDX = 1024, R9 = 32. No
/// lock is taken.
pub(super) fn tdh_sys_info(call: &mut Call<'_>) -> Outcome {
    let (info, info_len, cmrs, cmr_entries) =
        (call.cpu.rcx, call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    call.cpu.rdx = 0;
    call.cpu.r9 = 0;
    need_lp(call)?;
    if !info.is_multiple_of(metadata::SYS_INFO_BYTES as u64) || !physical(call, info) {
        return Err(invalid(op::RCX));
    }
    if info_len < metadata::SYS_INFO_BYTES as u64 {
        return Err(invalid(op::RDX));
    }
    call.mem.zero(info, metadata::SYS_INFO_BYTES as u64);
    let cmr_bytes = (metadata::MAX_CMR * metadata::CMR_INFO_ENTRY_BYTES) as u64;
    if !cmrs.is_multiple_of(cmr_bytes) || !physical(call, cmrs) {
        return Err(invalid(op::R8));
    }
    if cmr_entries < metadata::MAX_CMR as u64 {
        return Err(invalid(op::R9));
    }
    call.mem.write(info, &metadata::sys_info_struct(call.cfg));
    call.mem.write(cmrs, &metadata::cmr_info(call.cfg));
    call.cpu.rdx = metadata::SYS_INFO_BYTES as u64;
    call.cpu.r9 = metadata::MAX_CMR as u64;
    SUCCESS
}
