//! TDH.SERVTD.*: binding a service TD (a migration TD, the only type of 1.5.01) to a target
//! TD, as intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_servtd_prebind.c`
//! and `tdh_servtd_bind.c`. The target's TDCS holds one binding slot (`MAX_SERVTDS` = 1,
//! `src/common/helpers/service_td.h`), NOT_BOUND → PRE_BOUND (PREBIND: by the hash of the
//! service TD's TDINFO) → BOUND (BIND: by the service TD itself), readable as the TDCS fields
//! SERVTD_BINDINGS_TABLE and SERVTD_NUM.

use super::{SUCCESS, keys_configured, need_ready, physical, td, td_lock};
use crate::module::Call;
use crate::module::leaf;
use crate::module::locks::{LockKey, Mode};
use crate::module::measure::{Digest48, sha384};
use crate::module::op_state::{gate, gate_servtd_bind_othertd};
use crate::module::pamt::PamtType;
use crate::module::status::{Fail, Outcome, busy, invalid, metadata_incorrect, operand as op};
use crate::module::td::{OpState, ServtdBinding, Td};
use tdx_core::TdxStatus;

/// `MAX_SERVTDS`: binding slots per TD.
pub(crate) const MAX_SERVTDS: u64 = 1;
/// `SERVTD_TYPE_MIGTD`, the one supported service-TD type (`is_servtd_supported`).
const SERVTD_TYPE_MIGTD: u64 = 0;
/// `SERVTD_ATTRIBUTES_FIXED_0`: attribute bits that may be 1 (INSTANCE_BINDING, IGNORE_TDINFO).
const SERVTD_ATTRIBUTES_FIXED_0: u64 = 0x0000_07FF_0000_0001;
/// `OPERAND_ID_SERVTD_BINDINGS` (`tdx_error_codes_defs.h`): the TDCS binding-table lock.
pub(crate) const OPERAND_SERVTD_BINDINGS: u32 = 174;

/// The checks of `check_state_map_tdcs_and_lock` on the target TD: keys configured, TDCS
/// allocated, and the OP_STATE table for `leaf` (the model's statuses, see Deviations).
fn target_state(call: &Call<'_>, tdr: u64, leaf: u64) -> Result<(), Fail> {
    let td = td(call, tdr, op::RCX)?;
    keys_configured(td, op::RCX)?;
    if td.tdcs.len() != call.cfg.tdcx_per_td() {
        return Err(invalid(op::RCX));
    }
    gate(leaf, td.op)
}

/// Slot (R8), type (R9) and attributes (R10), checked in the handlers' order.
fn slot_type_attributes(slot: u64, kind: u64, attributes: u64) -> Result<(u16, u64), Fail> {
    if slot >= MAX_SERVTDS {
        return Err(invalid(op::R8));
    }
    // A 16-bit field, then `is_servtd_supported`.
    if kind > 0xFFFF || kind != SERVTD_TYPE_MIGTD {
        return Err(invalid(op::R9));
    }
    // `servtd_is_attrib_valid` (SERVTD_ATTRIBUTES_FIXED_1 is 0).
    if attributes & !SERVTD_ATTRIBUTES_FIXED_0 != 0 {
        return Err(invalid(op::R10));
    }
    Ok((kind as u16, attributes))
}

/// TDH.SERVTD.PREBIND: TDR (RCX) shared; the target's state (UNINITIALIZED or INITIALIZED by
/// the table); RDX a 64-byte aligned HPA without KeyID bits (operand RDX); slot, type,
/// attributes; the binding-table lock; a BOUND slot is `TDX_SERVTD_BOUND`. The slot becomes
/// PRE_BOUND with the type, attributes and the 48-byte SERVTD_INFO_HASH read from RDX
/// (SERVTD_NUM + 1 if it was NOT_BOUND; a PRE_BOUND slot is overwritten).
pub(super) fn tdh_servtd_prebind(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (tdr, hash_pa) = (call.cpu.rcx, call.cpu.rdx);
    td_lock(call, tdr, op::RCX, Mode::Shared)?;
    target_state(call, tdr, leaf::TDH_SERVTD_PREBIND)?;
    if !hash_pa.is_multiple_of(64) || !physical(call, hash_pa) {
        return Err(invalid(op::RDX));
    }
    let mut info_hash: Digest48 = [0; 48];
    call.mem.read(hash_pa, &mut info_hash);
    let (servtd_type, attributes) = slot_type_attributes(call.cpu.r8, call.cpu.r9, call.cpu.r10)?;
    bindings_lock(call, tdr)?;
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RCX))?;
    match td.servtd.state {
        ServtdBinding::BOUND => return Err(Fail::exact(TdxStatus::SERVTD_BOUND)),
        ServtdBinding::NOT_BOUND => td.servtd_num += 1,
        _ => {}
    }
    td.servtd = ServtdBinding {
        state: ServtdBinding::PRE_BOUND,
        servtd_type,
        attributes,
        uuid: td.servtd.uuid,
        info_hash,
    };
    SUCCESS
}

/// The target's binding-table lock, exclusive (`TDX_OPERAND_BUSY` on SERVTD_BINDINGS).
fn bindings_lock(call: &mut Call<'_>, tdr: u64) -> Result<(), Fail> {
    call.lock(
        LockKey::ServtdBindings(tdr),
        Mode::Exclusive,
        OPERAND_SERVTD_BINDINGS,
    )
    .map_err(|_| busy(OPERAND_SERVTD_BINDINGS))
}

/// The service TD of TDH.SERVTD.BIND (RDX), as `check_lock_and_map_explicit_tdr` with
/// OPERAND_ID_RDX and `othertd_check_state_map_tdcs_and_lock`: a TDR, locked shared, keys
/// configured, TDCS allocated, and an OP_STATE the module's othertd table allows (RUNNABLE
/// among the states the model reaches). Returns its TD_UUID and the SHA-384 of its TDINFO.
fn service_td(
    call: &mut Call<'_>,
    servtd: u64,
    ignore_tdinfo: u16,
) -> Result<([u64; 4], Digest48), Fail> {
    call.st.pamt.check_type(servtd, PamtType::Tdr, op::RDX)?;
    call.lock(LockKey::Page(servtd), Mode::Shared, op::RDX)?;
    let td = match &call.st.other {
        Some((tdr, td)) if *tdr == servtd => &**td,
        _ => return Err(metadata_incorrect(op::RDX)),
    };
    keys_configured(td, op::RDX)?;
    if td.tdcs.len() != call.cfg.tdcx_per_td() {
        return Err(invalid(op::RDX));
    }
    gate_servtd_bind_othertd(td.op)?;
    Ok((td.uuid, tee_info_hash(td, ignore_tdinfo)))
}

/// `get_teeinfohash` (`helpers.c`@72d8cffb): the SHA-384 of the TD's 512-byte TDINFO
/// (ATTRIBUTES, XFAM, MRTD, MRCONFIGID, MROWNER, MROWNERCONFIG, RTMR[0..4], SERVTD_HASH, the
/// TDINFO of a TDREPORT), each field zero where the IGNORE_TDINFO bitmap (attribute bits
/// 47:32) has its bit: 0 ATTRIBUTES, 1 XFAM, 2 MRTD, 3 MRCONFIGID, 4 MROWNER,
/// 5 MROWNERCONFIG, 6–9 RTMR[i], 10 SERVTD_HASH (0 in the model).
pub(crate) fn tee_info_hash(td: &Td, ignore: u16) -> Digest48 {
    let p = td.params.unwrap_or_default();
    let mut info = [0u8; 512];
    let keep = |bit: u32| ignore & (1 << bit) == 0;
    let mut put = |bit: u32, at: usize, bytes: &[u8]| {
        if keep(bit) {
            info[at..at + bytes.len()].copy_from_slice(bytes);
        }
    };
    put(0, 0, &p.attributes.to_le_bytes());
    put(1, 8, &p.xfam.to_le_bytes());
    put(2, 16, &td.mrtd_final.unwrap_or([0; 48]));
    put(3, 64, &p.mrconfigid);
    put(4, 112, &p.mrowner);
    put(5, 160, &p.mrownerconfig);
    for (i, rtmr) in td.rtmr.iter().enumerate() {
        put(6 + i as u32, 208 + 48 * i, rtmr);
    }
    sha384(&info)
}

/// TDH.SERVTD.BIND: RCX and R10–R13 = 0 first; the service TD (RDX) must not be the target
/// (operand RDX); target TDR (RCX) shared and its state (the table); the service TD's checks
/// ([`service_td`]); slot, type, attributes; the binding-table lock; then by the slot's state:
/// NOT_BOUND needs the target UNINITIALIZED or INITIALIZED (`TDX_OP_STATE_INCORRECT`) and
/// records the type, attributes, TDINFO hash and UUID (SERVTD_NUM + 1); PRE_BOUND must match
/// type (`TDX_SERVTD_TYPE_MISMATCH`), attributes (`TDX_SERVTD_ATTR_MISMATCH`) and hash
/// (`TDX_SERVTD_INFO_HASH_MISMATCH`), and records the UUID; BOUND (rebinding) must match type
/// and attributes, then with INSTANCE_BINDING the UUID (`TDX_SERVTD_UUID_MISMATCH`, the hash
/// is taken anew), without it the hash (the UUID is taken anew). The slot is BOUND; RCX = the
/// binding handle (slot | TDR page << 12, plus the bound UUID's first quadword,
/// `create_servtd_binding_handle`), R10–R13 = the target's TD_UUID.
pub(super) fn tdh_servtd_bind(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (tdr, servtd) = (call.cpu.rcx, call.cpu.rdx);
    let (slot_in, kind_in, attributes_in) = (call.cpu.r8, call.cpu.r9, call.cpu.r10);
    call.cpu.rcx = 0;
    (call.cpu.r10, call.cpu.r11, call.cpu.r12, call.cpu.r13) = (0, 0, 0, 0);
    if servtd == tdr {
        return Err(invalid(op::RDX));
    }
    td_lock(call, tdr, op::RCX, Mode::Shared)?;
    target_state(call, tdr, leaf::TDH_SERVTD_BIND)?;
    let ignore_tdinfo = (attributes_in >> 32) as u16;
    let (servtd_uuid, info_hash) = service_td(call, servtd, ignore_tdinfo)?;
    let (servtd_type, attributes) = slot_type_attributes(slot_in, kind_in, attributes_in)?;
    bindings_lock(call, tdr)?;
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RCX))?;
    let slot = &mut td.servtd;
    let matches_kind = |slot: &ServtdBinding| {
        if slot.servtd_type != servtd_type {
            Err(Fail::exact(TdxStatus::SERVTD_TYPE_MISMATCH))
        } else if slot.attributes != attributes {
            Err(Fail::exact(TdxStatus::SERVTD_ATTR_MISMATCH))
        } else {
            Ok(())
        }
    };
    let hash_mismatch = Fail::exact(TdxStatus::SERVTD_INFO_HASH_MISMATCH);
    match slot.state {
        ServtdBinding::NOT_BOUND => {
            if !matches!(td.op, OpState::Uninitialized | OpState::Initialized) {
                return Err(Fail::exact(crate::module::status::code::OP_STATE_INCORRECT));
            }
            *slot = ServtdBinding {
                state: ServtdBinding::NOT_BOUND,
                servtd_type,
                attributes,
                uuid: servtd_uuid,
                info_hash,
            };
            td.servtd_num += 1;
        }
        ServtdBinding::PRE_BOUND => {
            matches_kind(slot)?;
            if slot.info_hash != info_hash {
                return Err(hash_mismatch);
            }
            slot.uuid = servtd_uuid;
        }
        _ => {
            matches_kind(slot)?;
            if attributes & 1 != 0 {
                if slot.uuid != servtd_uuid {
                    return Err(Fail::exact(TdxStatus::SERVTD_UUID_MISMATCH));
                }
                slot.info_hash = info_hash;
            } else {
                if slot.info_hash != info_hash {
                    return Err(hash_mismatch);
                }
                slot.uuid = servtd_uuid;
            }
        }
    }
    let slot = &mut td.servtd;
    slot.state = ServtdBinding::BOUND;
    // `create_servtd_binding_handle`: slot in bits 11:0, the TDR's page number in 51:12, plus
    // the bound service TD's UUID quadword 0 (wrapping).
    let handle = (((tdr >> 12) & ((1 << 40) - 1)) << 12) | slot_in;
    call.cpu.rcx = handle.wrapping_add(slot.uuid[0]);
    let uuid = td.uuid;
    (call.cpu.r10, call.cpu.r11, call.cpu.r12, call.cpu.r13) = (uuid[0], uuid[1], uuid[2], uuid[3]);
    SUCCESS
}
