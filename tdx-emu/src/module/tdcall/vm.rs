//! TDG.VM.*: TD-scope metadata from the guest (TDG.VM.RD, TDG.VM.WR), from the module's
//! TDR/TDCS field table with the guest's masks (`md.rs`).

use super::td;
use crate::module::Call;
use crate::module::md::{self, Access, Ctx};
use crate::module::md_values;
use crate::module::status::{Fail, Outcome, code, invalid, operand as op};
use crate::module::td::TdParams;
use tdx_core::TdxStatus;

/// The checks TDG.VM.RD and TDG.VM.WR share, in the module's order (`tdg_vm_rd_wr.c`):
/// R8 cleared (RDX too for a version-1 read), the version, then `vm_id` (RCX) must be 0.
fn vm_rd_wr_prologue(call: &mut Call<'_>, write: bool) -> Result<(), Fail> {
    if !write && call.version > 0 {
        call.cpu.rdx = md::FIELD_ID_NA;
    }
    call.cpu.r8 = 0;
    if !write && call.version > 1 {
        return Err(invalid(op::RAX));
    }
    if call.cpu.rcx != 0 {
        return Err(invalid(op::RCX));
    }
    Ok(())
}

pub(super) fn tdg_vm_rd(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let id = call.cpu.rdx;
    vm_rd_wr_prologue(call, false)?;
    let access = Access::GuestRd;
    if call.version > 0 && md::is_null(id) {
        call.cpu.rdx = md::next_id(Ctx::Td, None, access);
        return Ok(TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
    }
    md::check_single_element(id)?;
    let e = md::find(Ctx::Td, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    let value = md::read(&e, access, md_values::td_get(td(call, tdr)?, &e))?;
    call.cpu.r8 = value;
    if call.version > 0 {
        call.cpu.rdx = md::next_id(Ctx::Td, Some(e), access);
    }
    Ok(TdxStatus::SUCCESS)
}

pub(super) fn tdg_vm_wr(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let (id, value, mask) = (call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    vm_rd_wr_prologue(call, true)?;
    md::check_single_element(id)?;
    let e = md::find(Ctx::Td, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    let td = td(call, tdr)?;
    let written = md::write(&e, Access::GuestWr, md_values::td_get(td, &e), value, mask)?;
    // TD_CTLS.PENDING_VE_DISABLE (bit 0) changes only with CONFIG_FLAGS.FLEXIBLE_PENDING_VE
    // (`md_td_write_element`, special write handling).
    let flexible = td
        .params
        .is_some_and(|p| p.config_flags & TdParams::CONFIG_FLEXIBLE_PENDING_VE != 0);
    if e.row.name == "TD_CTLS" && !flexible && (written.new ^ written.old) & 1 != 0 {
        return Err(Fail::exact(code::METADATA_FIELD_VALUE_NOT_VALID));
    }
    let td = call.st.tds.get_mut(&tdr).ok_or(invalid(op::RAX))?;
    md_values::td_set(td, &e, written.new);
    call.cpu.r8 = written.old;
    Ok(TdxStatus::SUCCESS)
}
