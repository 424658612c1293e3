//! TDH.MNG.*: TD creation, keys, TDCS pages, TD_PARAMS, TD-scope metadata, flush and HKID release.

use super::{SUCCESS, claim_free_page, keys_configured, need_ready, physical, td, td_lock};
use crate::module::leaf;
use crate::module::locks::{LockKey, Mode};
use crate::module::measure::MrtdBuilder;
use crate::module::metadata::{self, Read, TdField};
use crate::module::op_state::gate;
use crate::module::pamt::PamtType;
use crate::module::sept::{self};
use crate::module::status::{
    Fail, Outcome, code, invalid, key_state, metadata_incorrect, operand as op,
};
use crate::module::td::{Lifecycle, OpState, Td, TdParams};
use crate::module::{Call, KotEntry};
use tdx_core::{PageSize, TdxStatus};

pub(super) fn tdh_mng_create(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (tdr, hkid) = (call.cpu.rcx, call.cpu.rdx);
    call.lock(LockKey::Kot, Mode::Exclusive, op::KOT)?;
    claim_free_page(call, tdr, op::RCX)?;
    let Some(hkid) = u16::try_from(hkid)
        .ok()
        .filter(|h| call.cfg.hkids.contains(h))
    else {
        return Err(invalid(op::RDX));
    };
    if call.st.g.kot.contains_key(&hkid) {
        return Err(key_state(op::RDX));
    }
    call.st
        .pamt
        .assign(tdr, PamtType::Tdr, tdr, PageSize::Size4K);
    call.st.g.kot.insert(
        hkid,
        KotEntry {
            tdr,
            flushed: false,
            wbinvd_pending: 0,
        },
    );
    call.st.tds.insert(tdr, Td::new(tdr, hkid));
    SUCCESS
}

pub(super) fn tdh_mng_key_config(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let tdr = call.cpu.rcx;
    td_lock(call, tdr, op::RCX, Mode::Exclusive)?;
    if call.pkg >= call.cfg.packages {
        return Err(invalid(op::SYS));
    }
    let packages = call.cfg.packages;
    let bit = 1u64 << call.pkg;
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RCX))?;
    match td.lifecycle {
        Lifecycle::HkidAssigned => {}
        Lifecycle::KeysConfigured => return Ok(TdxStatus::KEY_CONFIGURED),
        Lifecycle::Blocked | Lifecycle::Teardown => return Err(key_state(op::RCX)),
    }
    if td.pkg_configured & bit != 0 {
        return Ok(TdxStatus::KEY_CONFIGURED);
    }
    td.pkg_configured |= bit;
    if td.pkg_configured.count_ones() == packages {
        td.lifecycle = Lifecycle::KeysConfigured;
    }
    SUCCESS
}

pub(super) fn tdh_mng_addcx(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (page, tdr) = (call.cpu.rcx, call.cpu.rdx);
    td_lock(call, tdr, op::RDX, Mode::Exclusive)?;
    {
        let td = td(call, tdr, op::RDX)?;
        keys_configured(td, op::RDX)?;
        if td.tdcs.len() >= call.cfg.tdcx_per_td() {
            return Err(invalid(op::RDX));
        }
        // OP_STATE is checked once the TDCS exists (`tdh_mng_add_cx.c`).
        gate(leaf::TDH_MNG_ADDCX, td.op)?;
    }
    claim_free_page(call, page, op::RCX)?;
    call.st
        .pamt
        .assign(page, PamtType::Tdcx, tdr, PageSize::Size4K);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.tdcs.push(page);
    td.child_count += 1;
    SUCCESS
}

/// Whether `value` sets only bits `fixed0` allows and every bit `fixed1` requires.
pub(super) fn fixed_bits_ok(value: u64, fixed0: u64, fixed1: u64) -> bool {
    value & !fixed0 == 0 && value & fixed1 == fixed1
}

/// Validates TD_PARAMS against the module's fixed bits; the error names the bad field.
pub(super) fn check_td_params(call: &Call<'_>, p: &TdParams) -> Result<(u8, u8), Fail> {
    if !fixed_bits_ok(
        p.attributes,
        metadata::ATTRIBUTES_FIXED0,
        metadata::ATTRIBUTES_FIXED1,
    ) {
        return Err(invalid(op::ATTRIBUTES));
    }
    if !fixed_bits_ok(p.xfam, metadata::XFAM_FIXED0, metadata::XFAM_FIXED1) {
        return Err(invalid(op::XFAM));
    }
    if p.max_vcpus == 0 || p.max_vcpus > call.cfg.max_vcpus_per_td {
        return Err(invalid(op::MAX_VCPUS));
    }
    let memory_type = p.eptp_controls & 7;
    let walk_length = ((p.eptp_controls >> 3) & 7) + 1;
    if p.eptp_controls & !0x3F != 0 || memory_type != 6 || !(4..=5).contains(&walk_length) {
        return Err(invalid(op::EPTP_CONTROLS));
    }
    if walk_length == 5 && call.cfg.max_gpaw < 52 {
        return Err(invalid(op::EPTP_CONTROLS));
    }
    let known = TdParams::CONFIG_GPAW52
        | TdParams::CONFIG_FLEXIBLE_PENDING_VE
        | TdParams::CONFIG_NO_RBP_MOD;
    if p.config_flags & !known != 0 {
        return Err(invalid(op::EXEC_CONTROLS));
    }
    let gpaw = if p.config_flags & TdParams::CONFIG_GPAW52 != 0 {
        if walk_length != 5 {
            return Err(invalid(op::EXEC_CONTROLS));
        }
        52
    } else {
        48
    };
    if p.tsc_frequency != 0 && !(4..=400).contains(&p.tsc_frequency) {
        return Err(invalid(op::TSC_FREQUENCY));
    }
    // The root table holds the top level's entries: level 3 (4-level) or 4 (5-level).
    Ok((gpaw, (walk_length - 1) as u8))
}

pub(super) fn tdh_mng_init(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (tdr, params_pa) = (call.cpu.rcx, call.cpu.rdx);
    call.cpu.rcx = 0;
    td_lock(call, tdr, op::RCX, Mode::Exclusive)?;
    {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        if td.tdcs.len() != call.cfg.tdcx_per_td() {
            return Err(invalid(op::RCX));
        }
        gate(leaf::TDH_MNG_INIT, td.op)?;
    }
    if !params_pa.is_multiple_of(1024) || !physical(call, params_pa) {
        return Err(invalid(op::RDX));
    }
    let mut bytes = [0u8; TdParams::SIZE];
    call.mem.read(params_pa, &mut bytes);
    let params = TdParams::from_bytes(&bytes);
    let (gpaw, top) = check_td_params(call, &params)?;
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RCX))?;
    td.params = Some(params);
    td.gpaw = gpaw;
    td.sept = sept::Sept::new(top);
    td.mrtd = MrtdBuilder::new();
    td.op = OpState::Initialized;
    SUCCESS
}

/// The value of a TD-scope field.
pub(crate) fn td_field_value(td: &Td, field: TdField) -> u64 {
    let params = td.params.unwrap_or(TdParams {
        attributes: 0,
        xfam: 0,
        max_vcpus: 0,
        eptp_controls: 0,
        config_flags: 0,
        tsc_frequency: 0,
        mrconfigid: [0; 48],
        mrowner: [0; 48],
        mrownerconfig: [0; 48],
    });
    match field {
        TdField::NumTdcx => td.tdcs.len() as u64,
        TdField::ChldCnt => td.child_count,
        TdField::Lifecycle => td.lifecycle.code(),
        TdField::Hkid => u64::from(td.hkid),
        TdField::PkgConfigBitmap => td.pkg_configured,
        TdField::NumVcpus => td.vcpus.len() as u64,
        TdField::OpState => td.op.code(),
        TdField::Attributes => params.attributes,
        TdField::Xfam => params.xfam,
        TdField::MaxVcpus => u64::from(params.max_vcpus),
        TdField::Gpaw => u64::from(td.gpaw == 52),
        TdField::Eptp => params.eptp_controls,
        TdField::TscOffset => 0,
        TdField::TscMultiplier => 1 << 48,
        TdField::TscFrequency => u64::from(params.tsc_frequency),
        TdField::NotifyEnables => td.notify_enables,
        TdField::ConfigFlags => params.config_flags,
        TdField::TdCtls => td.td_ctls,
        TdField::TopologyEnumConfigured => 0,
        TdField::CpuidValues => 0,
    }
}

pub(super) fn tdh_mng_rd(call: &mut Call<'_>) -> Outcome {
    call.cpu.r8 = 0;
    need_ready(call)?;
    let (tdr, id) = (call.cpu.rcx, call.cpu.rdx);
    td_lock(call, tdr, op::RCX, Mode::Shared)?;
    {
        // The module checks OP_STATE once the TD has keys and its TDCS (before that the model
        // still answers TDR fields: see docs/emulator.md, Deviations).
        let td = td(call, tdr, op::RCX)?;
        if td.lifecycle == Lifecycle::KeysConfigured && td.tdcs.len() == call.cfg.tdcx_per_td() {
            gate(leaf::TDH_MNG_RD, td.op)?;
        }
    }
    let Some((def, next)) = metadata::td_field(id) else {
        // The module's status (`md_read_element`), without an operand ID.
        return Err(Fail::exact(code::METADATA_FIELD_ID_INCORRECT));
    };
    let td = td(call, tdr, op::RCX)?;
    if def.in_tdcs {
        keys_configured(td, op::RCX)?;
        if td.tdcs.len() != call.cfg.tdcx_per_td() {
            return Err(invalid(op::RCX));
        }
    }
    let readable = match def.host {
        Read::Yes => true,
        Read::DebugOnly => td.is_debug(),
    };
    if !readable {
        return Err(Fail::exact(code::METADATA_FIELD_NOT_READABLE));
    }
    let value = td_field_value(td, def.field);
    call.cpu.r8 = value;
    call.cpu.rdx = next;
    SUCCESS
}

pub(super) fn tdh_mng_vpflushdone(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let tdr = call.cpu.rcx;
    td_lock(call, tdr, op::RCX, Mode::Exclusive)?;
    call.lock(LockKey::Kot, Mode::Exclusive, op::KOT)?;
    let hkid = {
        let td = td(call, tdr, op::RCX)?;
        if !matches!(
            td.lifecycle,
            Lifecycle::HkidAssigned | Lifecycle::KeysConfigured
        ) {
            return Err(key_state(op::RCX));
        }
        let associated = td
            .vcpus
            .iter()
            .filter_map(|v| call.st.vcpus.get(v))
            .any(|v| v.associated_lp.is_some());
        if associated {
            return Err(Fail::exact(TdxStatus::FLUSHVP_NOT_DONE));
        }
        td.hkid
    };
    let all = if call.cfg.packages >= 64 {
        u64::MAX
    } else {
        (1u64 << call.cfg.packages) - 1
    };
    if let Some(k) = call.st.g.kot.get_mut(&hkid) {
        k.flushed = true;
        k.wbinvd_pending = all;
    }
    if let Some(td) = call.st.tds.get_mut(&tdr) {
        td.lifecycle = Lifecycle::Blocked;
    }
    SUCCESS
}

pub(super) fn tdh_mng_key_freeid(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let tdr = call.cpu.rcx;
    td_lock(call, tdr, op::RCX, Mode::Exclusive)?;
    call.lock(LockKey::Kot, Mode::Exclusive, op::KOT)?;
    let hkid = {
        let td = td(call, tdr, op::RCX)?;
        if td.lifecycle != Lifecycle::Blocked {
            return Err(key_state(op::RCX));
        }
        td.hkid
    };
    if call
        .st
        .g
        .kot
        .get(&hkid)
        .is_some_and(|k| k.wbinvd_pending != 0)
    {
        return Err(key_state(op::RCX));
    }
    call.st.g.kot.remove(&hkid);
    if let Some(td) = call.st.tds.get_mut(&tdr) {
        td.lifecycle = Lifecycle::Teardown;
    }
    SUCCESS
}
