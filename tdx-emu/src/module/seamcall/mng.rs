//! TDH.MNG.*: TD creation, keys, TDCS pages, TD_PARAMS, TD-scope metadata, flush and HKID release.

use super::{SUCCESS, claim_free_page, keys_configured, need_ready, physical, td, td_lock};
use crate::module::leaf;
use crate::module::locks::{LockKey, Mode};
use crate::module::md::{self, Access, Ctx};
use crate::module::md_values;
use crate::module::measure::MrtdBuilder;
use crate::module::metadata;
use crate::module::op_state::gate;
use crate::module::pamt::PamtType;
use crate::module::sept::{self};
use crate::module::status::{
    Fail, Outcome, code, invalid, key_state, metadata_incorrect, operand as op,
};
use crate::module::td::{Lifecycle, OpState, Td, TdParams};
use crate::module::{Call, KotEntry, Phase};
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
    let mut td = Td::new(tdr, hkid);
    td.uuid = td_uuid(call.secret, tdr);
    call.st.tds.insert(tdr, td);
    SUCCESS
}

/// A new TD's TD_UUID. The module draws 256 random bits (`generate_256bit_random` in
/// `tdh_mng_create.c`@72d8cffb); the model derives them from its secret, the TDR and a count
/// of the TDs it created, so that every TD, even one created again at the same TDR, has its
/// own.
fn td_uuid(secret: &[u8; 32], tdr: u64) -> [u64; 4] {
    static CREATED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = CREATED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut input = Vec::with_capacity(56);
    input.extend_from_slice(secret);
    input.extend_from_slice(&tdr.to_le_bytes());
    input.extend_from_slice(&count.to_le_bytes());
    let digest = crate::module::measure::sha384(&input);
    let mut uuid = [0u64; 4];
    for (q, bytes) in uuid.iter_mut().zip(digest.chunks_exact(8)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(bytes);
        *q = u64::from_le_bytes(word);
    }
    uuid
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

/// The checks TDH.MNG.RD and TDH.MNG.WR share, in the module's order (`tdh_mng_rd_wr.c`): the
/// TDR (shared), then the TDCS and OP_STATE; returns whether the TD is a debug TD. Before the
/// TD has keys and its TDCS the model still answers the TDR fields (see docs/emulator.md,
/// Deviations), so the TDCS checks come with the field.
fn mng_rw_prologue(call: &mut Call<'_>, leaf: u64) -> Result<bool, Fail> {
    need_ready(call)?;
    let tdr = call.cpu.rcx;
    td_lock(call, tdr, op::RCX, Mode::Shared)?;
    let td = td(call, tdr, op::RCX)?;
    if td.lifecycle == Lifecycle::KeysConfigured && td.tdcs.len() == call.cfg.tdcx_per_td() {
        gate(leaf, td.op)?;
    }
    Ok(td.is_debug())
}

/// A TDCS field (every class but the TDR's 0-2) needs the TD's keys and its TDCS pages.
fn tdcs_ready(call: &Call<'_>, e: &md::Element) -> Result<(), Fail> {
    if (e.row.id >> 56) & 0x3F <= 2 {
        return Ok(());
    }
    let td = td(call, call.cpu.rcx, op::RCX)?;
    keys_configured(td, op::RCX)?;
    if td.tdcs.len() != call.cfg.tdcx_per_td() {
        return Err(invalid(op::RCX));
    }
    Ok(())
}

pub(super) fn tdh_mng_rd(call: &mut Call<'_>) -> Outcome {
    let (tdr, id) = (call.cpu.rcx, call.cpu.rdx);
    if call.version > 0 {
        call.cpu.rdx = md::FIELD_ID_NA;
    }
    call.cpu.r8 = 0;
    let debug = mng_rw_prologue(call, leaf::TDH_MNG_RD)?;
    let access = Access::HostRd { debug };
    if call.version > 0 && md::is_null(id) {
        call.cpu.rdx = md::next_id(Ctx::Td, None, access);
        return Ok(TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
    }
    md::check_single_element(id)?;
    let e = md::find(Ctx::Td, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    tdcs_ready(call, &e)?;
    let value = md::read(&e, access, md_values::td_get(td(call, tdr, op::RCX)?, &e))?;
    if call.version > 0 {
        call.cpu.rdx = md::next_id(Ctx::Td, Some(e), access);
    }
    call.cpu.r8 = value;
    SUCCESS
}

pub(super) fn tdh_mng_wr(call: &mut Call<'_>) -> Outcome {
    let (tdr, id, value, mask) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    call.cpu.r8 = 0;
    let debug = mng_rw_prologue(call, leaf::TDH_MNG_WR)?;
    md::check_single_element(id)?;
    let e = md::find(Ctx::Td, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    tdcs_ready(call, &e)?;
    let access = Access::HostWr { debug };
    let current = md_values::td_get(td(call, tdr, op::RCX)?, &e);
    let written = md::write(&e, access, current, value, mask)?;
    // HP_LOCK_TIMEOUT is written whole only (`md_td_write_element`, special write handling).
    if e.row.name == "HP_LOCK_TIMEOUT" && mask & e.size_mask() != e.size_mask() {
        return Err(Fail::exact(TdxStatus::METADATA_WR_MASK_NOT_VALID));
    }
    let td = call.st.tds.get_mut(&tdr).ok_or(invalid(op::RCX))?;
    md_values::td_set(td, &e, written.new);
    call.cpu.r8 = written.old;
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

/// TDH.MNG.KEY.RECLAIMID as intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_mng_key_reclaimid.c`: "provided for backward
/// compatibility. It does not do anything except returning a constant TDX_SUCCESS status";
/// RCX is not looked at (any value, a TDR or not) and nothing is locked. The dispatcher runs it
/// only once the platform is ready (`tdx_vmm_dispatcher.c`: not one of the leaves allowed
/// before SYS_READY); the handler itself checks no LP initialization.
pub(super) fn tdh_mng_key_reclaimid(call: &mut Call<'_>) -> Outcome {
    if call.ready || call.st.g.sys.phase == Phase::Ready {
        SUCCESS
    } else {
        Err(invalid(op::SYS))
    }
}
