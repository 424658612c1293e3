//! TDG.SERVTD.*: a service TD (the caller, a migration TD) reads and writes the metadata of a
//! TD it is bound to (TDH.SERVTD.BIND), as intel/tdx-module@72d8cffb
//! `src/vmm_dispatcher/migration_api_calls/tdg_servtd_rd_wr.c` (1.5.01): the binding handle
//! (RCX) names the target's TDR and slot, R10–R13 the target's TD_UUID as the service TD knows
//! it; the TD-scope field table with the migration-TD masks (`migtd_rd_mask`,
//! `migtd_wr_mask`: `MD_SERV_TD_RD` / `MD_SERV_TD_WR` of `md_get_rd_wr_mask`).
//!
//! The module answers the failures it does not return to the guest directly (the target's
//! TDR and state, a slot that is not bound to this service TD) with a TD exit to the host
//! (`async_tdexit_cross_td`: `TDX_CROSS_TD_TRAP`, the guest's RAX = the status on resumption);
//! the model returns the same status to the guest at once (see `docs/emulator.md`,
//! Deviations).

use super::td;
use crate::module::locks::{LockKey, Mode};
use crate::module::md::{self, Access, Ctx};
use crate::module::op_state::gate_tdcall_othertd;
use crate::module::pamt::PamtType;
use crate::module::seamcall::tee_info_hash;
use crate::module::seamcall::{MAX_SERVTDS, OPERAND_SERVTD_BINDINGS, keys_configured};
use crate::module::status::{
    Fail, Outcome, busy, code, invalid, metadata_incorrect, operand as op,
};
use crate::module::td::{ServtdBinding, Td};
use crate::module::{Call, leaf, md_values};
use tdx_core::TdxStatus;

/// The target's PRE_IMPORT_UUID: the TD_UUID it had before an import overwrote it. The model
/// has no import, so it stays 0, as the module's zero-initialized TDCS holds it.
const PRE_IMPORT_UUID: [u64; 4] = [0; 4];
/// `CONTEXT_CODE` of a field ID (bits 54:52), which the handler sets to `MD_CTX_TD` (1).
const CONTEXT_CODE: u64 = 0x7 << 52;

/// `break_servtd_binding_handle` (`service_td.h`): the handle minus the service TD's UUID
/// quadword 0 holds the slot in bits 11:0 and the target's TDR page in bits 51:12 (bits 63:52
/// are ignored). Returns (TDR, slot).
pub(crate) fn break_binding_handle(handle: u64, servtd_uuid0: u64) -> (u64, u64) {
    let raw = handle.wrapping_sub(servtd_uuid0);
    (raw & 0x000F_FFFF_FFFF_F000, raw & 0xFFF)
}

pub(super) fn tdg_servtd_rd(call: &mut Call<'_>, tdr: u64) -> Outcome {
    servtd_rd_wr(call, tdr, false)
}

pub(super) fn tdg_servtd_wr(call: &mut Call<'_>, tdr: u64) -> Outcome {
    servtd_rd_wr(call, tdr, true)
}

/// The bound target TD: the call's second TD, or the caller itself if the handle names it.
fn target_td<'c>(call: &'c Call<'_>, caller: u64, target: u64) -> Result<&'c Td, Fail> {
    if target == caller {
        return call.st.tds.get(&caller).ok_or(metadata_incorrect(op::TDR));
    }
    match &call.st.other {
        Some((tdr, td)) if *tdr == target => Ok(&**td),
        _ => Err(metadata_incorrect(op::TDR)),
    }
}

fn target_td_mut<'c>(call: &'c mut Call<'_>, caller: u64, target: u64) -> Result<&'c mut Td, Fail> {
    if target == caller {
        return call
            .st
            .tds
            .get_mut(&caller)
            .ok_or(metadata_incorrect(op::TDR));
    }
    match &mut call.st.other {
        Some((tdr, td)) if *tdr == target => Ok(&mut **td),
        _ => Err(metadata_incorrect(op::TDR)),
    }
}

/// `othertd_check_lock_and_map_explicit_tdr` (OPERAND_ID_TDR, shared) and
/// `othertd_check_state_map_tdcs_and_lock`: a TDR page, locked shared, keys configured, TDCS
/// allocated, and an OP_STATE the module's `tdcall_othertd` row for `leaf` allows.
fn target_state(call: &mut Call<'_>, caller: u64, target: u64, leaf: u64) -> Result<(), Fail> {
    call.st.pamt.check_type(target, PamtType::Tdr, op::TDR)?;
    call.lock(LockKey::Page(target), Mode::Shared, op::TDR)?;
    let td = target_td(call, caller, target)?;
    keys_configured(td, op::TDR)?;
    if td.tdcs.len() != call.cfg.tdcx_per_td() {
        return Err(invalid(op::TDR));
    }
    gate_tdcall_othertd(leaf, td.op)
}

/// The target UUID (R10–R13) against the target's TD_UUID: else its PRE_IMPORT_UUID gives
/// `TDX_TARGET_UUID_UPDATED` with R10–R13 = the current TD_UUID, anything else
/// `TDX_TARGET_UUID_MISMATCH`.
fn target_uuid(call: &mut Call<'_>, td_uuid: [u64; 4], known: [u64; 4]) -> Result<(), Fail> {
    if td_uuid == known {
        return Ok(());
    }
    if known == PRE_IMPORT_UUID {
        [call.cpu.r10, call.cpu.r11, call.cpu.r12, call.cpu.r13] = td_uuid;
        return Err(Fail::exact(TdxStatus::TARGET_UUID_UPDATED));
    }
    Err(Fail::exact(TdxStatus::TARGET_UUID_MISMATCH))
}

/// The slot binds the caller: BOUND (`TDX_SERVTD_NOT_BOUND` with the slot as operand), to
/// the caller's TD_UUID (`TDX_SERVTD_UUID_MISMATCH`), and the caller's TDINFO hash under the
/// slot's IGNORE_TDINFO is the bound one (`TDX_SERVTD_INFO_HASH_MISMATCH`).
fn binding_matches(binding: &ServtdBinding, caller: &Td, slot: u64) -> Result<(), Fail> {
    if binding.state != ServtdBinding::BOUND {
        return Err(Fail::new(TdxStatus::SERVTD_NOT_BOUND, slot as u32));
    }
    if binding.uuid != caller.uuid {
        return Err(Fail::exact(TdxStatus::SERVTD_UUID_MISMATCH));
    }
    if tee_info_hash(caller, (binding.attributes >> 32) as u16) != binding.info_hash {
        return Err(Fail::exact(TdxStatus::SERVTD_INFO_HASH_MISMATCH));
    }
    Ok(())
}

/// `md_td_write_element`'s special write of MIG_VERSION: the value must lie in the export and
/// the import version ranges (`migration.h`: both 0..=0 in 1.5.01).
fn mig_version_valid(value: u64) -> Result<(), Fail> {
    const MIN_VERSION: u64 = 0;
    const MAX_VERSION: u64 = 0;
    if (MIN_VERSION..=MAX_VERSION).contains(&value) {
        Ok(())
    } else {
        Err(Fail::exact(code::METADATA_FIELD_VALUE_NOT_VALID))
    }
}

/// `tdg_servtd_rd_wr`, in the handler's order: RDX = `MD_FIELD_ID_NA` (read) and R8 = 0; the
/// handle broken with the caller's TD_UUID; slot < MAX_SERVTDS (operand RCX); the target's
/// TDR and state ([`target_state`]); the target UUID ([`target_uuid`]); the target's
/// binding-table lock, shared (`TDX_OPERAND_BUSY` on SERVTD_BINDINGS); the binding
/// ([`binding_matches`]); then the field, in the TD context whatever RDX's context code: a
/// null ID on read returns the first field the service TD may read
/// (`TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`), else one element (`md_check_as_single_element_id`)
/// read into R8 (RDX = the next readable ID) or written from R8 under the mask R9 (R8 = the old
/// value).
fn servtd_rd_wr(call: &mut Call<'_>, caller: u64, write: bool) -> Outcome {
    let leaf = if write {
        leaf::TDG_SERVTD_WR
    } else {
        leaf::TDG_SERVTD_RD
    };
    let (handle, id, value, mask) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    let known = [call.cpu.r10, call.cpu.r11, call.cpu.r12, call.cpu.r13];
    if !write {
        call.cpu.rdx = md::FIELD_ID_NA;
    }
    call.cpu.r8 = 0;
    let (target, slot) = break_binding_handle(handle, td(call, caller)?.uuid[0]);
    if slot >= MAX_SERVTDS {
        return Err(invalid(op::RCX));
    }
    target_state(call, caller, target, leaf)?;
    let td_uuid = target_td(call, caller, target)?.uuid;
    target_uuid(call, td_uuid, known)?;
    call.lock(
        LockKey::ServtdBindings(target),
        Mode::Shared,
        OPERAND_SERVTD_BINDINGS,
    )
    .map_err(|_| busy(OPERAND_SERVTD_BINDINGS))?;
    binding_matches(
        &target_td(call, caller, target)?.servtd,
        td(call, caller)?,
        slot,
    )?;

    let id = (id & !CONTEXT_CODE) | (1 << 52);
    if !write && md::is_null(id) {
        call.cpu.rdx = md::next_id(Ctx::Td, None, Access::ServtdRd);
        return Ok(TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
    }
    md::check_single_element(id)?;
    let e = md::find(Ctx::Td, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    let current = md_values::td_get(target_td(call, caller, target)?, &e);
    if !write {
        call.cpu.r8 = md::read(&e, Access::ServtdRd, current)?;
        call.cpu.rdx = md::next_id(Ctx::Td, Some(e), Access::ServtdRd);
        return Ok(TdxStatus::SUCCESS);
    }
    let written = md::write(&e, Access::ServtdWr, current, value, mask)?;
    if e.row.name == "MIG_VERSION" {
        mig_version_valid(written.new)?;
    }
    md_values::td_set(target_td_mut(call, caller, target)?, &e, written.new);
    call.cpu.r8 = written.old;
    Ok(TdxStatus::SUCCESS)
}
