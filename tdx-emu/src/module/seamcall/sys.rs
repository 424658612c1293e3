//! TDH.SYS.*: platform initialization, global metadata, shutdown, update (and TDH.SYS.DISABLE).

use super::{SUCCESS, need_lp, need_ready, physical, sys_lock};
use crate::module::locks::Mode;
use crate::module::metadata::{self};
use crate::module::status::{Fail, Outcome, invalid, operand as op};
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

pub(super) fn tdh_sys_rd(call: &mut Call<'_>) -> Outcome {
    call.cpu.r8 = 0;
    need_lp(call)?;
    sys_lock(call, Mode::Shared)?;
    let fields = metadata::global_fields(call.cfg, call.st.g.sys.update_version);
    let wanted = metadata::key(call.cpu.rdx);
    let Some(index) = fields.iter().position(|f| metadata::key(f.id) == wanted) else {
        return Err(invalid(op::RDX));
    };
    call.cpu.r8 = fields[index].value;
    call.cpu.rdx = fields.get(index + 1).map_or(u64::MAX, |f| f.id);
    SUCCESS
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
