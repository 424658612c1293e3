//! TDG.SYS.*: global (TDX module) metadata read by the guest, from the module's global field
//! table with the guest's masks (`global_sys_fields_lookup.c`, `guest_rd_mask`).
//!
//! TDG.SYS.RD as intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_sys_rd.c`: RDX =
//! `MD_FIELD_ID_NA` and R8 = 0 first; the null field ID gives the first field the guest may
//! read in RDX with `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`; a field gives its value in R8 and
//! the next readable field in RDX; a field the guest may not read is
//! `TDX_METADATA_FIELD_NOT_READABLE`. TDG.SYS.RDALL as `tdg_sys_rdall.c`.

use super::{td, translate};
use crate::module::Call;
use crate::module::md::{self, Access, Ctx};
use crate::module::seamcall::global_value;
use crate::module::status::{Fail, Outcome, code, invalid, operand as op};
use tdx_core::TdxStatus;

pub(super) fn tdg_sys_rd(call: &mut Call<'_>) -> Outcome {
    let id = call.cpu.rdx;
    call.cpu.rdx = md::FIELD_ID_NA;
    call.cpu.r8 = 0;
    if md::is_null(id) {
        call.cpu.rdx = md::next_id(Ctx::Sys, None, Access::GuestRd);
        return Ok(TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
    }
    md::check_single_element(id)?;
    let e = md::find(Ctx::Sys, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    call.cpu.r8 = md::read(&e, Access::GuestRd, global_value(call, &e))?;
    call.cpu.rdx = md::next_id(Ctx::Sys, Some(e), Access::GuestRd);
    Ok(TdxStatus::SUCCESS)
}

/// TDG.SYS.RDALL: R8 = `MD_FIELD_ID_NA` first; RDX must be a 4 KiB aligned private GPA of a
/// mapped page (operand RDX); the global fields the guest may read, from field R8 on, are
/// dumped there as a metadata list, and R8 = the next field ID.
pub(super) fn tdg_sys_rdall(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let (gpa, start) = (call.cpu.rdx, call.cpu.r8);
    call.cpu.r8 = md::FIELD_ID_NA;
    if !gpa.is_multiple_of(4096) {
        return Err(invalid(op::RDX));
    }
    let hpa = translate(td(call, tdr)?, gpa, 4096, op::RDX)?;
    let mut page = [0u8; md::LIST_BYTES];
    let value = |e: &md::Element| global_value(call, e);
    let (status, next) = md::dump(Ctx::Sys, start, Access::GuestRd, &value, &mut page)?;
    call.mem.write(hpa, &page);
    call.cpu.r8 = next;
    if status.is_error() {
        return Err(Fail::exact(status));
    }
    Ok(status)
}
