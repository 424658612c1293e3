//! The SEAMCALL leaves: platform, PAMT, keys, TD and vCPU lifecycle, Secure EPT, measurement.
//!
//! Every handler checks and takes locks first, then validates, then mutates: a failed call
//! leaves the state as it was. Register outputs that a leaf always writes (the extended error
//! information of the SEPT-type leaves, the R8 of the RD leaves) are written even on failure,
//! as the real module does.

use tdx_core::{PageSize, TdxStatus};

use crate::trap::CpuState;

use super::locks::{LockKey, Mode};
use super::metadata::{self, Read, TdField, VpField};
use super::pamt::{Coverage, PAGE_4K, PamtType};
use super::sept::{self, Entry, LeafState, level_bytes};
use super::status::{Fail, Outcome, busy, invalid, key_state, metadata_incorrect, operand as op};
use super::td::{Lifecycle, OpState, Td, TdParams, Vcpu, VcpuState};
use super::{Call, KotEntry, Phase, VmExit, WbSession, leaf};

const SUCCESS: Outcome = Ok(TdxStatus::SUCCESS);

/// Answers SEAMCALL `leaf` (every leaf but TDH.VP.ENTER).
pub(crate) fn dispatch(call: &mut Call<'_>, leaf: u64) -> Outcome {
    // Version checks: TDH.VP.INIT is version 1 only, TDH.SYS.CONFIG and TDH.SYS.UPDATE accept
    // 0 and 1, everything else 0.
    let max_version = match leaf {
        leaf::TDH_SYS_CONFIG | leaf::TDH_SYS_UPDATE | leaf::TDH_VP_INIT => 1,
        _ => 0,
    };
    if call.version > max_version || (leaf == leaf::TDH_VP_INIT && call.version != 1) {
        return Err(invalid(op::RAX));
    }
    match leaf {
        leaf::TDH_SYS_INIT => sys_init(call),
        leaf::TDH_SYS_LP_INIT => sys_lp_init(call),
        leaf::TDH_SYS_RD => sys_rd(call),
        leaf::TDH_SYS_CONFIG => sys_config(call),
        leaf::TDH_SYS_KEY_CONFIG => sys_key_config(call),
        leaf::TDH_SYS_TDMR_INIT => sys_tdmr_init(call),
        leaf::TDH_SYS_SHUTDOWN => sys_shutdown(call),
        leaf::TDH_SYS_UPDATE => sys_update(call),
        leaf::TDH_SYS_DISABLE => sys_disable(call),
        leaf::P_SEAMLDR_INFO => seamldr_info(call),
        leaf::P_SEAMLDR_INSTALL => seamldr_install(call),
        leaf::TDH_MNG_CREATE => mng_create(call),
        leaf::TDH_MNG_KEY_CONFIG => mng_key_config(call),
        leaf::TDH_MNG_ADDCX => mng_addcx(call),
        leaf::TDH_MNG_INIT => mng_init(call),
        leaf::TDH_MNG_RD => mng_rd(call),
        leaf::TDH_VP_CREATE => vp_create(call),
        leaf::TDH_VP_ADDCX => vp_addcx(call),
        leaf::TDH_VP_INIT => vp_init(call),
        leaf::TDH_VP_RD => vp_rd(call),
        leaf::TDH_VP_WR => vp_wr(call),
        leaf::TDH_VP_FLUSH => vp_flush(call),
        leaf::TDH_MEM_SEPT_ADD => mem_sept_add(call),
        leaf::TDH_MEM_PAGE_ADD => mem_page_add(call),
        leaf::TDH_MR_EXTEND => mr_extend(call),
        leaf::TDH_MR_FINALIZE => mr_finalize(call),
        leaf::TDH_MEM_PAGE_AUG => mem_page_aug(call),
        leaf::TDH_MEM_RANGE_BLOCK => mem_range_block(call),
        leaf::TDH_MEM_TRACK => mem_track(call),
        leaf::TDH_MEM_PAGE_REMOVE => mem_page_remove(call),
        leaf::TDH_MNG_VPFLUSHDONE => mng_vpflushdone(call),
        leaf::TDH_PHYMEM_CACHE_WB => phymem_cache_wb(call),
        leaf::TDH_MNG_KEY_FREEID => mng_key_freeid(call),
        leaf::TDH_PHYMEM_PAGE_RDMD => phymem_page_rdmd(call),
        leaf::TDH_PHYMEM_PAGE_RECLAIM => phymem_page_reclaim(call),
        leaf::TDH_PHYMEM_PAGE_WBINVD => phymem_page_wbinvd(call),
        _ => Err(invalid(op::RAX)),
    }
}

// ------------------------------------------------------------------------- helpers

/// This LP ran TDH.SYS.LP.INIT.
fn need_lp(call: &Call<'_>) -> Result<(), Fail> {
    if call.st.sys.lp_init.contains(&call.lp) {
        Ok(())
    } else {
        Err(invalid(op::SYS))
    }
}

/// The platform is initialized and this LP too.
fn need_ready(call: &Call<'_>) -> Result<(), Fail> {
    need_lp(call)?;
    if call.st.sys.phase == Phase::Ready {
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
    call.st.pamt.check_free(page, PageSize::Size4K, operand)
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
fn keys_configured(td: &Td, operand: u32) -> Result<(), Fail> {
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
    let entry = td.sept.get(level, gpa);
    sept_error(
        cpu,
        TdxStatus::EPT_ENTRY_STATE_INCORRECT,
        Entry::raw(entry, level),
        sept::level_state(level, Entry::state(entry)),
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

// ------------------------------------------------------------------------- platform

fn sys_init(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    if call.cpu.rcx != 0 {
        return Err(invalid(op::RCX));
    }
    if call.st.sys.phase != Phase::Uninit {
        return Err(invalid(op::SYS));
    }
    call.st.sys.phase = Phase::SysInit;
    SUCCESS
}

fn sys_lp_init(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Shared)?;
    if !matches!(
        call.st.sys.phase,
        Phase::SysInit | Phase::Configured | Phase::Ready | Phase::UpdatePending
    ) || call.st.sys.lp_init.contains(&call.lp)
    {
        return Err(invalid(op::SYS));
    }
    call.st.sys.lp_init.insert(call.lp);
    SUCCESS
}

fn sys_rd(call: &mut Call<'_>) -> Outcome {
    call.cpu.r8 = 0;
    need_lp(call)?;
    sys_lock(call, Mode::Shared)?;
    let fields = metadata::global_fields(call.cfg, call.st.sys.update_version);
    let wanted = metadata::key(call.cpu.rdx);
    let Some(index) = fields.iter().position(|f| metadata::key(f.id) == wanted) else {
        return Err(invalid(op::RDX));
    };
    call.cpu.r8 = fields[index].value;
    call.cpu.rdx = fields.get(index + 1).map_or(u64::MAX, |f| f.id);
    SUCCESS
}

fn sys_config(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_lp(call)?;
    if call.st.sys.phase != Phase::SysInit {
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
    call.st.sys.global_keyid = Some(keyid);
    call.st.kot.insert(
        keyid,
        KotEntry {
            tdr: 0,
            flushed: false,
            wbinvd_pending: 0,
        },
    );
    call.st.sys.phase = Phase::Configured;
    SUCCESS
}

fn sys_key_config(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_lp(call)?;
    if !matches!(call.st.sys.phase, Phase::Configured | Phase::Ready)
        || call.pkg >= call.cfg.packages
    {
        return Err(invalid(op::SYS));
    }
    let bit = 1u64 << call.pkg;
    if call.st.sys.key_pkgs & bit != 0 {
        return Ok(TdxStatus::KEY_CONFIGURED);
    }
    call.st.sys.key_pkgs |= bit;
    if call.st.sys.key_pkgs.count_ones() == call.cfg.packages {
        call.st.sys.phase = Phase::Ready;
    }
    SUCCESS
}

fn sys_tdmr_init(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_ready(call)?;
    let base = call.cpu.rcx;
    let Some(index) = call.st.pamt.tdmrs().iter().position(|t| t.base == base) else {
        return Err(invalid(op::RCX));
    };
    let end = call.st.pamt.tdmrs()[index].end();
    let next = &mut call.st.pamt.initialized[index];
    *next = next.saturating_add(call.cfg.tdmr_init_chunk).min(end);
    call.cpu.rdx = *next;
    SUCCESS
}

fn sys_shutdown(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_ready(call)?;
    if call.cpu.rcx != metadata::MODULE_HV {
        return Err(invalid(op::RCX));
    }
    call.st.sys.phase = Phase::Shutdown;
    call.st.sys.lp_init.clear();
    SUCCESS
}

fn sys_update(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    need_lp(call)?;
    if call.st.sys.phase != Phase::UpdatePending {
        return Err(invalid(op::SYS));
    }
    call.st.sys.phase = Phase::Ready;
    SUCCESS
}

fn sys_disable(call: &mut Call<'_>) -> Outcome {
    sys_lock(call, Mode::Exclusive)?;
    if call.st.sys.disable_left > 0 {
        call.st.sys.disable_left -= 1;
        return Err(Fail::exact(TdxStatus::INTERRUPTED_RESUMABLE));
    }
    call.st.sys.phase = Phase::Disabled;
    SUCCESS
}

fn seamldr_info(call: &mut Call<'_>) -> Outcome {
    let pa = call.cpu.rcx;
    if !pa.is_multiple_of(8) || !physical(call, pa) {
        return Err(invalid(op::RCX));
    }
    // struct seamldr_info: version, attributes, vendor_id, build_date (u32 each), build_num,
    // minor, major, update (u16 each), 4 reserved bytes, num_remaining_updates (u32), zeroes.
    let mut info = [0u8; 256];
    info[8..12].copy_from_slice(&0x8086u32.to_le_bytes());
    info[12..16].copy_from_slice(&20_250_101u32.to_le_bytes());
    info[16..18].copy_from_slice(&1u16.to_le_bytes());
    info[20..22].copy_from_slice(&2u16.to_le_bytes());
    info[28..32].copy_from_slice(&16u32.to_le_bytes());
    call.mem.write(pa, &info);
    SUCCESS
}

fn seamldr_install(call: &mut Call<'_>) -> Outcome {
    let pa = call.cpu.rcx;
    if !pa.is_multiple_of(PAGE_4K) || pa == 0 || !physical(call, pa) {
        return Err(invalid(op::RCX));
    }
    if call.st.sys.phase != Phase::Shutdown {
        return Err(invalid(op::SYS));
    }
    call.st.sys.phase = Phase::UpdatePending;
    call.st.sys.update_version = call.st.sys.update_version.wrapping_add(1);
    call.st.sys.lp_init.clear();
    SUCCESS
}

// ------------------------------------------------------------------------- keys and TD

fn mng_create(call: &mut Call<'_>) -> Outcome {
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
    if call.st.kot.contains_key(&hkid) {
        return Err(key_state(op::RDX));
    }
    call.st
        .pamt
        .assign(tdr, PamtType::Tdr, tdr, PageSize::Size4K);
    call.st.kot.insert(
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

fn mng_key_config(call: &mut Call<'_>) -> Outcome {
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

fn mng_addcx(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (page, tdr) = (call.cpu.rcx, call.cpu.rdx);
    td_lock(call, tdr, op::RDX, Mode::Exclusive)?;
    {
        let td = td(call, tdr, op::RDX)?;
        keys_configured(td, op::RDX)?;
        if td.op != OpState::Uninitialized || td.tdcs.len() >= call.cfg.tdcx_per_td() {
            return Err(invalid(op::RDX));
        }
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
fn fixed_bits_ok(value: u64, fixed0: u64, fixed1: u64) -> bool {
    value & !fixed0 == 0 && value & fixed1 == fixed1
}

/// Validates TD_PARAMS against the module's fixed bits; the error names the bad field.
fn check_td_params(call: &Call<'_>, p: &TdParams) -> Result<(u8, u8), Fail> {
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

fn mng_init(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (tdr, params_pa) = (call.cpu.rcx, call.cpu.rdx);
    call.cpu.rcx = 0;
    td_lock(call, tdr, op::RCX, Mode::Exclusive)?;
    {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        if td.op != OpState::Uninitialized || td.tdcs.len() != call.cfg.tdcx_per_td() {
            return Err(invalid(op::RCX));
        }
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
    td.mrtd = super::MrtdBuilder::new();
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

fn mng_rd(call: &mut Call<'_>) -> Outcome {
    call.cpu.r8 = 0;
    need_ready(call)?;
    let (tdr, id) = (call.cpu.rcx, call.cpu.rdx);
    td_lock(call, tdr, op::RCX, Mode::Shared)?;
    let Some((def, next)) = metadata::td_field(id) else {
        return Err(invalid(op::RDX));
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
        return Err(Fail::new(TdxStatus::METADATA_FIELD_NOT_READABLE, op::RDX));
    }
    let value = td_field_value(td, def.field);
    call.cpu.r8 = value;
    call.cpu.rdx = next;
    SUCCESS
}

// ------------------------------------------------------------------------- vCPUs

fn vp_create(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (tdvpr, tdr) = (call.cpu.rcx, call.cpu.rdx);
    td_lock(call, tdr, op::RDX, Mode::Exclusive)?;
    {
        let td = td(call, tdr, op::RDX)?;
        keys_configured(td, op::RDX)?;
        let max = td.params.map_or(0, |p| usize::from(p.max_vcpus));
        if td.op == OpState::Uninitialized || td.vcpus.len() >= max {
            return Err(invalid(op::RDX));
        }
    }
    claim_free_page(call, tdvpr, op::RCX)?;
    call.st
        .pamt
        .assign(tdvpr, PamtType::Tdvpr, tdr, PageSize::Size4K);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    let index = td.next_vcpu_index;
    td.next_vcpu_index += 1;
    td.vcpus.insert(tdvpr);
    td.child_count += 1;
    call.st.vcpus.insert(tdvpr, Vcpu::new(tdvpr, tdr, index));
    SUCCESS
}

fn vp_addcx(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (page, tdvpr) = (call.cpu.rcx, call.cpu.rdx);
    let tdr = vcpu_lock(call, tdvpr, op::RDX, Mode::Exclusive)?;
    keys_configured(td(call, tdr, op::RDX)?, op::RDX)?;
    match call.st.vcpus.get(&tdvpr) {
        Some(v) if v.state == VcpuState::Created && v.tdcx.len() < call.cfg.tdcx_per_vcpu() => {}
        _ => return Err(invalid(op::RDX)),
    }
    claim_free_page(call, page, op::RCX)?;
    call.st
        .pamt
        .assign(page, PamtType::Tdcx, tdr, PageSize::Size4K);
    if let Some(vcpu) = call.st.vcpus.get_mut(&tdvpr) {
        vcpu.tdcx.push(page);
    }
    if let Some(td) = call.st.tds.get_mut(&tdr) {
        td.child_count += 1;
    }
    SUCCESS
}

fn vp_init(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (tdvpr, initial_rcx, x2apic) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    let tdr = vcpu_lock(call, tdvpr, op::RCX, Mode::Exclusive)?;
    let (gpaw, taken) = {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        let taken: Vec<u32> = td
            .vcpus
            .iter()
            .filter_map(|v| call.st.vcpus.get(v).and_then(|v| v.x2apic_id))
            .collect();
        (td.gpaw, taken)
    };
    let tdcx_needed = call.cfg.tdcx_per_vcpu();
    let lp = call.lp;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    if vcpu.state != VcpuState::Created || vcpu.tdcx.len() != tdcx_needed {
        return Err(invalid(op::RCX));
    }
    associable(vcpu, lp, op::RCX)?;
    let Some(x2apic) = u32::try_from(x2apic).ok().filter(|id| !taken.contains(id)) else {
        return Err(invalid(op::R8));
    };
    vcpu.state = VcpuState::Initialized;
    vcpu.x2apic_id = Some(x2apic);
    vcpu.associated_lp = Some(lp);
    // The TD's initial register state (TDX virtual firmware interface).
    vcpu.gprs[1] = initial_rcx; // RCX: from the VMM
    vcpu.gprs[3] = u64::from(gpaw); // RBX: GPAW
    vcpu.gprs[6] = u64::from(vcpu.index); // RSI: vCPU index
    vcpu.rip = 0xFFFF_FFF0;
    vcpu.cr0 = 0x21; // PE | NE
    vcpu.cr4 = 0x2040; // VMXE | MCE
    SUCCESS
}

fn vp_field_value(vcpu: &Vcpu, field: VpField) -> u64 {
    match field {
        VpField::PostedIntrNv => vcpu.posted_intr_nv,
        VpField::TscOffset => 0,
        VpField::PostedIntrDesc => vcpu.posted_intr_desc,
        VpField::SharedEptp => vcpu.shared_eptp,
        VpField::PinBased => vcpu.pin_based,
        VpField::GuestCr0 => vcpu.cr0,
        VpField::GuestCr4 => vcpu.cr4,
        VpField::GuestRsp => vcpu.gprs[4],
        VpField::GuestRip => vcpu.rip,
        VpField::GuestRflags => vcpu.rflags,
        VpField::Gpr(n) => vcpu.gprs[usize::from(n & 15)],
        VpField::StateDetails => 0,
        VpField::PendNmi => vcpu.pend_nmi,
    }
}

fn set_vp_field(vcpu: &mut Vcpu, field: VpField, value: u64) {
    match field {
        VpField::PostedIntrNv => vcpu.posted_intr_nv = value,
        VpField::PostedIntrDesc => vcpu.posted_intr_desc = value,
        VpField::SharedEptp => vcpu.shared_eptp = value,
        VpField::PinBased => vcpu.pin_based = value,
        VpField::GuestCr0 => vcpu.cr0 = value,
        VpField::GuestCr4 => vcpu.cr4 = value,
        VpField::GuestRsp => vcpu.gprs[4] = value,
        VpField::GuestRip => vcpu.rip = value,
        VpField::GuestRflags => vcpu.rflags = value,
        VpField::Gpr(n) => vcpu.gprs[usize::from(n & 15)] = value,
        VpField::PendNmi => vcpu.pend_nmi = value,
        VpField::TscOffset | VpField::StateDetails => {}
    }
}

/// Common checks of TDH.VP.RD / TDH.VP.WR; returns (TDR, debug TD).
fn vp_rw_checks(call: &mut Call<'_>, mode: Mode) -> Result<(u64, bool), Fail> {
    need_ready(call)?;
    let tdvpr = call.cpu.rcx;
    let tdr = vcpu_lock(call, tdvpr, op::RCX, mode)?;
    let debug = {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        td.is_debug()
    };
    let lp = call.lp;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    if vcpu.state != VcpuState::Initialized {
        return Err(invalid(op::RCX));
    }
    associable(vcpu, lp, op::RCX)?;
    vcpu.associated_lp = Some(lp);
    Ok((tdr, debug))
}

fn vp_rd(call: &mut Call<'_>) -> Outcome {
    call.cpu.r8 = 0;
    let (_, debug) = vp_rw_checks(call, Mode::Shared)?;
    let (tdvpr, id) = (call.cpu.rcx, call.cpu.rdx);
    let Some((def, next)) = metadata::vp_field(id) else {
        return Err(invalid(op::RDX));
    };
    let readable = match def.read {
        Read::Yes => true,
        Read::DebugOnly => debug,
    };
    if !readable {
        return Err(Fail::new(TdxStatus::METADATA_FIELD_NOT_READABLE, op::RDX));
    }
    let vcpu = call.st.vcpus.get(&tdvpr).ok_or(invalid(op::RCX))?;
    call.cpu.r8 = vp_field_value(vcpu, def.field);
    call.cpu.rdx = next;
    SUCCESS
}

fn vp_wr(call: &mut Call<'_>) -> Outcome {
    let (_, debug) = vp_rw_checks(call, Mode::Exclusive)?;
    let (tdvpr, id, value, mask) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    let Some((def, _)) = metadata::vp_field(id) else {
        return Err(invalid(op::RDX));
    };
    let writable = if debug { def.debug_write } else { def.write };
    if writable == 0 {
        return Err(invalid(op::RDX));
    }
    if mask & !writable != 0 {
        return Err(invalid(op::R9));
    }
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    let old = vp_field_value(vcpu, def.field);
    set_vp_field(vcpu, def.field, (old & !mask) | (value & mask));
    call.cpu.r8 = old;
    SUCCESS
}

fn vp_flush(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let tdvpr = call.cpu.rcx;
    let tdr = vcpu_lock(call, tdvpr, op::RCX, Mode::Exclusive)?;
    if td(call, tdr, op::RCX)?.lifecycle == Lifecycle::Teardown {
        return Err(key_state(op::RCX));
    }
    let lp = call.lp;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    if vcpu.associated_lp != Some(lp) {
        return Err(Fail::exact(TdxStatus::VCPU_NOT_ASSOCIATED));
    }
    vcpu.associated_lp = None;
    SUCCESS
}

/// What TDH.VP.ENTER hands to the guest code, and back.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prepared {
    pub(crate) tdvpr: u64,
    pub(crate) tdr: u64,
    pub(crate) index: u32,
    pub(crate) entry: u64,
    pub(crate) gprs: [u64; 16],
}

/// The registers a TDG.VP.VMCALL mask may expose (RDX, RBX, RSI, RDI, R8-R15).
pub(crate) const EXPOSABLE: u64 = 0xFFCC;

/// TDH.VP.ENTER, first half: checks, locks (the vCPU stays locked until the exit), and the
/// VMM's reply to the guest's pending TDG.VP.VMCALL.
pub(crate) fn vp_enter_prepare(call: &mut Call<'_>) -> Result<Prepared, Fail> {
    need_ready(call)?;
    if call.version != 0 {
        return Err(invalid(op::RAX));
    }
    let tdvpr = call.cpu.rcx;
    let tdr = vcpu_lock(call, tdvpr, op::RCX, Mode::Exclusive)?;
    let epoch = {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        if td.op != OpState::Finalized {
            return Err(invalid(op::RCX));
        }
        td.epoch
    };
    {
        let vcpu = call.st.vcpus.get(&tdvpr).ok_or(invalid(op::RCX))?;
        if vcpu.state != VcpuState::Initialized {
            return Err(invalid(op::RCX));
        }
        associable(vcpu, call.lp, op::RCX)?;
    }
    // The entry takes the TD epoch lock shared, briefly: TDH.MEM.TRACK holding it makes the
    // entry BUSY on TD_EPOCH.
    if !call.st.locks.try_acquire(LockKey::Epoch(tdr), Mode::Shared) {
        return Err(busy(op::TD_EPOCH));
    }
    call.st.locks.release(LockKey::Epoch(tdr), Mode::Shared);

    let host = *call.cpu;
    let lp = call.lp;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    if let Some(mask) = vcpu.pending_vmcall_mask.take() {
        let regs = gprs_of(&host);
        for (n, (slot, value)) in vcpu.gprs.iter_mut().zip(regs).enumerate() {
            if mask & (1 << n) != 0 {
                *slot = value;
            }
        }
        vcpu.gprs[0] = 0; // the guest's TDCALL completed
    }
    vcpu.running = true;
    vcpu.entered_epoch = epoch;
    vcpu.associated_lp = Some(lp);
    vcpu.entries += 1;
    Ok(Prepared {
        tdvpr,
        tdr,
        index: vcpu.index,
        entry: vcpu.entries,
        gprs: vcpu.gprs,
    })
}

/// The GPRs of `cpu` by x86 number.
pub(crate) fn gprs_of(cpu: &CpuState) -> [u64; 16] {
    [
        cpu.rax, cpu.rcx, cpu.rdx, cpu.rbx, cpu.rsp, cpu.rbp, cpu.rsi, cpu.rdi, cpu.r8, cpu.r9,
        cpu.r10, cpu.r11, cpu.r12, cpu.r13, cpu.r14, cpu.r15,
    ]
}

/// Sets the 13 operand registers of `cpu` (not RAX, RSP, RBP) from `gprs`.
pub(crate) fn set_operand_regs(cpu: &mut CpuState, gprs: &[u64; 16]) {
    cpu.rcx = gprs[1];
    cpu.rdx = gprs[2];
    cpu.rbx = gprs[3];
    cpu.rsi = gprs[6];
    cpu.rdi = gprs[7];
    cpu.r8 = gprs[8];
    cpu.r9 = gprs[9];
    cpu.r10 = gprs[10];
    cpu.r11 = gprs[11];
    cpu.r12 = gprs[12];
    cpu.r13 = gprs[13];
    cpu.r14 = gprs[14];
    cpu.r15 = gprs[15];
}

/// TDH.VP.ENTER, second half: store the guest's registers and report the exit to the host.
/// `exit` is `None` if the guest code panicked.
pub(crate) fn vp_enter_finish(
    st: &mut super::State,
    prepared: &Prepared,
    gprs: [u64; 16],
    exit: Option<VmExit>,
    cpu: &mut CpuState,
) {
    let Some(vcpu) = st.vcpus.get_mut(&prepared.tdvpr) else {
        cpu.rax = TdxStatus::NON_RECOVERABLE_VCPU.raw();
        return;
    };
    vcpu.running = false;
    vcpu.gprs = gprs;
    let mut out = [0u64; 16];
    match exit {
        Some(VmExit::Tdvmcall(args)) => {
            let mask = (args.rcx & EXPOSABLE) | (1 << 10) | (1 << 11);
            let regs = [
                0, mask, args.rdx, args.rbx, 0, 0, args.rsi, args.rdi, args.r8, args.r9, args.r10,
                args.r11, args.r12, args.r13, args.r14, args.r15,
            ];
            for (n, value) in regs.into_iter().enumerate() {
                if mask & (1 << n) != 0 {
                    vcpu.gprs[n] = value;
                    out[n] = value;
                }
            }
            vcpu.gprs[1] = mask;
            out[1] = mask;
            vcpu.pending_vmcall_mask = Some(mask);
            cpu.rax = u64::from(leaf::EXIT_REASON_TDCALL);
        }
        Some(VmExit::Other {
            reason,
            qualification,
            ext_qualification,
            gpa,
            intr_info,
        }) => {
            out[1] = qualification;
            out[2] = ext_qualification;
            out[8] = gpa;
            out[9] = intr_info;
            cpu.rax = u64::from(reason);
        }
        None => {
            // The guest code panicked: the vCPU cannot be resumed (exit reason 2, triple
            // fault).
            cpu.rax = TdxStatus::NON_RECOVERABLE_VCPU.raw() | 2;
        }
    }
    set_operand_regs(cpu, &out);
}

// ------------------------------------------------------------------------- Secure EPT

/// The TD-scope part of the SEPT leaves: TD locked `mode`, keys configured, build state in
/// `states`.
fn sept_td(call: &mut Call<'_>, tdr: u64, mode: Mode, states: &[OpState]) -> Result<(), Fail> {
    need_ready(call)?;
    call.cpu.rcx = 0;
    call.cpu.rdx = 0;
    td_lock(call, tdr, op::RDX, mode)?;
    let td = td(call, tdr, op::RDX)?;
    keys_configured(td, op::RDX)?;
    if !states.contains(&td.op) {
        return Err(invalid(op::RDX));
    }
    Ok(())
}

fn mem_sept_add(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr, page) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    sept_td(
        call,
        tdr,
        Mode::Shared,
        &[OpState::Initialized, OpState::Finalized],
    )?;
    let (gpa, level) = {
        let td = td(call, tdr, op::RDX)?;
        sept_gpa(rcx, td, 1..=td.sept.top())?
    };
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        if td.sept.get(level, gpa).is_some() {
            return Err(entry_state_error(call.cpu, td, level, gpa));
        }
    }
    claim_free_page(call, page, op::R8)?;
    call.st
        .pamt
        .assign(page, PamtType::Ept, tdr, PageSize::Size4K);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.set(level, gpa, Entry::NonLeaf { page });
    td.child_count += 1;
    SUCCESS
}

fn mem_page_add(call: &mut Call<'_>) -> Outcome {
    let (gpa, tdr, target, source) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    sept_td(call, tdr, Mode::Exclusive, &[OpState::Initialized])?;
    {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        if !gpa.is_multiple_of(PAGE_4K) || !td.is_private_gpa(gpa) {
            return Err(invalid(op::RCX));
        }
        if let Err(w) = td.sept.walk(gpa, 0) {
            return Err(sept_error(
                call.cpu,
                TdxStatus::EPT_WALK_FAILED,
                w.entry,
                w.level_state,
            ));
        }
        if td.sept.get(0, gpa).is_some() {
            return Err(entry_state_error(call.cpu, td, 0, gpa));
        }
    }
    if !source.is_multiple_of(PAGE_4K) || !physical(call, source) {
        return Err(invalid(op::R9));
    }
    claim_free_page(call, target, op::R8)?;
    let mut contents = vec![0u8; PAGE_4K as usize];
    call.mem.read(source, &mut contents);
    call.mem.write(target, &contents);
    call.st
        .pamt
        .assign(target, PamtType::Reg, tdr, PageSize::Size4K);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.mrtd.page_add(gpa);
    td.sept.set(
        0,
        gpa,
        Entry::Leaf {
            hpa: target,
            state: LeafState::Present,
            bepoch: 0,
        },
    );
    td.child_count += 1;
    SUCCESS
}

fn mr_extend(call: &mut Call<'_>) -> Outcome {
    let (gpa, tdr) = (call.cpu.rcx, call.cpu.rdx);
    sept_td(call, tdr, Mode::Exclusive, &[OpState::Initialized])?;
    let hpa = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        if !gpa.is_multiple_of(256) || !td.is_private_gpa(gpa) {
            return Err(invalid(op::RCX));
        }
        match td.sept.find_leaf(gpa) {
            Some((
                _,
                base,
                Entry::Leaf {
                    hpa,
                    state: LeafState::Present,
                    ..
                },
            )) => hpa + (gpa - base),
            Some((level, base, _)) => return Err(entry_state_error(call.cpu, td, level, base)),
            None => {
                let page = gpa & !(PAGE_4K - 1);
                return Err(match td.sept.walk(page, 0) {
                    Err(w) => {
                        sept_error(call.cpu, TdxStatus::EPT_WALK_FAILED, w.entry, w.level_state)
                    }
                    Ok(()) => entry_state_error(call.cpu, td, 0, page),
                });
            }
        }
    };
    let mut chunk = [0u8; 256];
    call.mem.read(hpa, &mut chunk);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.mrtd.mr_extend(gpa, &chunk);
    SUCCESS
}

fn mr_finalize(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let tdr = call.cpu.rcx;
    td_lock(call, tdr, op::RCX, Mode::Exclusive)?;
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RCX))?;
    keys_configured(td, op::RCX)?;
    if td.op != OpState::Initialized {
        return Err(invalid(op::RCX));
    }
    td.mrtd_final = Some(td.mrtd.clone().finish());
    td.op = OpState::Finalized;
    SUCCESS
}

/// Locks the Secure-EPT tree shared and the entry exclusively (busy on RCX).
fn lock_sept_entry(call: &mut Call<'_>, tdr: u64, level: u8, gpa: u64) -> Result<(), Fail> {
    call.lock(LockKey::Sept(tdr), Mode::Shared, op::SEPT)?;
    call.lock(
        LockKey::SeptEntry(tdr, level, gpa),
        Mode::Exclusive,
        op::RCX,
    )
}

/// Walks to (`gpa`, `level`) in TD `tdr`, turning a failed walk into `EPT_WALK_FAILED`.
fn walk(call: &mut Call<'_>, tdr: u64, gpa: u64, level: u8) -> Result<(), Fail> {
    let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
    td.sept
        .walk(gpa, level)
        .map_err(|w| sept_error(call.cpu, TdxStatus::EPT_WALK_FAILED, w.entry, w.level_state))
}

fn mem_page_aug(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr, page) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    sept_td(call, tdr, Mode::Shared, &[OpState::Finalized])?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 0..=2)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        if td.sept.get(level, gpa).is_some() {
            return Err(entry_state_error(call.cpu, td, level, gpa));
        }
    }
    let size = page_size(level);
    if page % size.bytes() != 0 || !physical(call, page) {
        return Err(invalid(op::R8));
    }
    call.lock(LockKey::Page(page), Mode::Exclusive, op::R8)?;
    call.st.pamt.check_free(page, size, op::R8)?;
    call.st.pamt.assign(page, PamtType::Reg, tdr, size);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.set(
        level,
        gpa,
        Entry::Leaf {
            hpa: page,
            state: LeafState::Pending,
            bepoch: 0,
        },
    );
    td.child_count += pages_4k(size);
    SUCCESS
}

fn mem_range_block(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr) = (call.cpu.rcx, call.cpu.rdx);
    sept_td(
        call,
        tdr,
        Mode::Shared,
        &[OpState::Initialized, OpState::Finalized],
    )?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 0..=2)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    let epoch = td.epoch;
    match td.sept.get(level, gpa).copied() {
        Some(Entry::Leaf { hpa, state, .. })
            if matches!(state, LeafState::Present | LeafState::Pending) =>
        {
            let state = if state == LeafState::Present {
                LeafState::Blocked
            } else {
                LeafState::PendingBlocked
            };
            td.sept.set(
                level,
                gpa,
                Entry::Leaf {
                    hpa,
                    state,
                    bepoch: epoch,
                },
            );
            SUCCESS
        }
        _ => Err(entry_state_error(call.cpu, td, level, gpa)),
    }
}

fn mem_track(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let tdr = call.cpu.rcx;
    td_lock(call, tdr, op::RCX, Mode::Shared)?;
    {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        if td.op == OpState::Uninitialized {
            return Err(invalid(op::RCX));
        }
    }
    call.lock(LockKey::Epoch(tdr), Mode::Exclusive, op::TD_EPOCH)?;
    let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RCX))?;
    let lagging = td
        .vcpus
        .iter()
        .filter_map(|v| call.st.vcpus.get(v))
        .any(|v| v.running && v.entered_epoch < td.epoch);
    if lagging {
        return Err(Fail::exact(TdxStatus::PREVIOUS_TLB_EPOCH_BUSY));
    }
    if let Some(td) = call.st.tds.get_mut(&tdr) {
        td.epoch += 1;
    }
    SUCCESS
}

fn mem_page_remove(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr) = (call.cpu.rcx, call.cpu.rdx);
    sept_td(
        call,
        tdr,
        Mode::Shared,
        &[OpState::Initialized, OpState::Finalized],
    )?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 0..=2)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    let (hpa, size) = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let Some(Entry::Leaf { hpa, state, bepoch }) = td.sept.get(level, gpa).copied() else {
            return Err(entry_state_error(call.cpu, td, level, gpa));
        };
        if td.op == OpState::Finalized {
            // A running TD may have the page in its TLBs: it must be blocked, and the block
            // tracked (TDH.MEM.TRACK, and every vCPU that entered before it has exited).
            let blocked = matches!(state, LeafState::Blocked | LeafState::PendingBlocked);
            let tracked = td.epoch > bepoch
                && !td
                    .vcpus
                    .iter()
                    .filter_map(|v| call.st.vcpus.get(v))
                    .any(|v| v.running && v.entered_epoch <= bepoch);
            if !blocked || !tracked {
                return Err(entry_state_error(call.cpu, td, level, gpa));
            }
        }
        (hpa, page_size(level))
    };
    call.lock(LockKey::Page(hpa), Mode::Exclusive, op::RCX)?;
    call.st.pamt.release(hpa);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.remove(level, gpa);
    td.child_count = td.child_count.saturating_sub(pages_4k(size));
    call.cpu.rcx = hpa;
    SUCCESS
}

// ------------------------------------------------------------------------- teardown

fn mng_vpflushdone(call: &mut Call<'_>) -> Outcome {
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
    if let Some(k) = call.st.kot.get_mut(&hkid) {
        k.flushed = true;
        k.wbinvd_pending = all;
    }
    if let Some(td) = call.st.tds.get_mut(&tdr) {
        td.lifecycle = Lifecycle::Blocked;
    }
    SUCCESS
}

fn phymem_cache_wb(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let pkg = call.pkg;
    if pkg >= call.cfg.packages {
        return Err(invalid(op::SYS));
    }
    call.lock(LockKey::WbCache(pkg), Mode::Exclusive, op::WBCACHE)?;
    call.lock(LockKey::Kot, Mode::Shared, op::KOT)?;
    let slot = pkg as usize;
    match call.cpu.rcx {
        0 => {
            let hkids: Vec<u16> = call
                .st
                .kot
                .iter()
                .filter(|(_, k)| k.flushed)
                .map(|(&h, _)| h)
                .collect();
            if hkids.is_empty() {
                call.st.wb[slot] = None;
                return Ok(TdxStatus::NO_HKID_READY_TO_WBCACHE);
            }
            call.st.wb[slot] = Some(WbSession {
                remaining: call.cfg.cache_wb_interruptions,
                hkids,
            });
        }
        1 if call.st.wb[slot].is_some() => {}
        _ => return Err(invalid(op::RCX)),
    }
    let Some(session) = call.st.wb[slot].as_mut() else {
        return Err(invalid(op::RCX));
    };
    if session.remaining > 0 {
        session.remaining -= 1;
        return Err(Fail::exact(TdxStatus::INTERRUPTED_RESUMABLE));
    }
    let hkids = std::mem::take(&mut session.hkids);
    call.st.wb[slot] = None;
    for hkid in hkids {
        if let Some(k) = call.st.kot.get_mut(&hkid) {
            k.wbinvd_pending &= !(1u64 << pkg);
        }
    }
    SUCCESS
}

fn mng_key_freeid(call: &mut Call<'_>) -> Outcome {
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
        .kot
        .get(&hkid)
        .is_some_and(|k| k.wbinvd_pending != 0)
    {
        return Err(key_state(op::RCX));
    }
    call.st.kot.remove(&hkid);
    if let Some(td) = call.st.tds.get_mut(&tdr) {
        td.lifecycle = Lifecycle::Teardown;
    }
    SUCCESS
}

// ------------------------------------------------------------------------- physical pages

fn phymem_page_rdmd(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let hpa = call.cpu.rcx;
    if !hpa.is_multiple_of(PAGE_4K) || !physical(call, hpa) {
        return Err(invalid(op::RCX));
    }
    let Some(info) = call.st.pamt.info(hpa) else {
        return Err(invalid(op::RCX));
    };
    call.lock(LockKey::Page(info.hpa), Mode::Shared, op::RCX)?;
    call.cpu.rcx = info.page_type.code();
    call.cpu.rdx = info.owner;
    call.cpu.r8 = u64::from(info.size.code());
    SUCCESS
}

fn phymem_page_reclaim(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let hpa = call.cpu.rcx;
    call.cpu.rcx = 0;
    call.cpu.rdx = 0;
    call.cpu.r8 = 0;
    if !hpa.is_multiple_of(PAGE_4K) || !physical(call, hpa) {
        return Err(invalid(op::RCX));
    }
    match call.st.pamt.coverage(hpa, PAGE_4K) {
        Coverage::Outside => return Err(invalid(op::RCX)),
        Coverage::Reserved => return Err(metadata_incorrect(op::RCX)),
        Coverage::Uninitialized | Coverage::Usable => {}
    }
    let Some((base, entry)) = call.st.pamt.lookup(hpa) else {
        return Err(metadata_incorrect(op::RCX));
    };
    call.lock(LockKey::Page(base), Mode::Exclusive, op::RCX)?;
    call.cpu.rcx = entry.page_type.code();
    call.cpu.rdx = entry.owner;
    call.cpu.r8 = u64::from(entry.size.code());
    if base != hpa {
        return Err(invalid(op::RCX));
    }
    let tdr = entry.owner;
    if entry.page_type == PamtType::Tdr {
        let td = td(call, tdr, op::RCX)?;
        if td.lifecycle != Lifecycle::Teardown {
            return Err(key_state(op::RCX));
        }
        if td.child_count != 0 {
            return Err(invalid(op::RCX));
        }
        call.st.tds.remove(&tdr);
        call.st.pamt.release(hpa);
        return SUCCESS;
    }
    call.lock(LockKey::Page(tdr), Mode::Shared, op::TDR)?;
    if td(call, tdr, op::TDR)?.lifecycle != Lifecycle::Teardown {
        return Err(key_state(op::TDR));
    }
    call.st.pamt.release(hpa);
    let size = entry.size;
    let removed_vcpu = if entry.page_type == PamtType::Tdvpr {
        call.st.vcpus.remove(&hpa);
        call.st.guests.remove(&hpa);
        true
    } else {
        false
    };
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::TDR))?;
    td.child_count = td.child_count.saturating_sub(pages_4k(size));
    match entry.page_type {
        PamtType::Reg | PamtType::Ept => {
            if let Some((level, gpa)) = td.sept.find_hpa(hpa) {
                td.sept.remove(level, gpa);
                // Entries below a reclaimed Secure-EPT page are gone with it.
                if level > 0 {
                    let doomed: Vec<(u8, u64)> = td
                        .sept
                        .iter()
                        .filter(|&(&(l, g), _)| {
                            l < level && g >= gpa && g < gpa + level_bytes(level)
                        })
                        .map(|(&k, _)| k)
                        .collect();
                    for (l, g) in doomed {
                        td.sept.remove(l, g);
                    }
                }
            }
        }
        PamtType::Tdcx => {
            td.tdcs.retain(|&p| p != hpa);
            for v in td.vcpus.iter().copied().collect::<Vec<_>>() {
                if let Some(vcpu) = call.st.vcpus.get_mut(&v) {
                    vcpu.tdcx.retain(|&p| p != hpa);
                }
            }
        }
        _ => {}
    }
    if removed_vcpu {
        td.vcpus.remove(&hpa);
    }
    SUCCESS
}

fn phymem_page_wbinvd(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let keyed = call.cpu.rcx;
    let phys_bits = call.cfg.phys_bits;
    let hpa = keyed & ((1u64 << phys_bits) - 1);
    let hkid = keyed >> phys_bits;
    if !hpa.is_multiple_of(PAGE_4K) || call.st.pamt.coverage(hpa, PAGE_4K) == Coverage::Outside {
        return Err(invalid(op::RCX));
    }
    if !u16::try_from(hkid).is_ok_and(|h| call.cfg.hkids.contains(&h)) {
        return Err(invalid(op::RCX));
    }
    call.lock(LockKey::Page(hpa), Mode::Shared, op::RCX)?;
    SUCCESS
}
