//! TDG.VM.*: TD-scope metadata from the guest (TDG.VM.RD, TDG.VM.WR).

use super::td;
use crate::module::Call;
use crate::module::metadata;
use crate::module::seamcall::td_field_value;
use crate::module::status::{Fail, Outcome, code, invalid, operand as op};
use tdx_core::TdxStatus;

/// `MD_FIELD_ID_NA`: the "no next field" value TDG.VM.RD version 1 leaves in RDX.
const FIELD_ID_NA: u64 = u64::MAX;

/// The checks TDG.VM.RD and TDG.VM.WR share, in the module's order (`tdg_vm_rd_wr.c`):
/// R8 cleared (RDX too for a version-1 read), the version, then `vm_id` (RCX) must be 0.
fn vm_rd_wr_prologue(call: &mut Call<'_>, write: bool) -> Result<(), Fail> {
    if !write && call.version > 0 {
        call.cpu.rdx = FIELD_ID_NA;
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
    let Some((def, next)) = metadata::td_field(id) else {
        return Err(Fail::exact(code::METADATA_FIELD_ID_INCORRECT));
    };
    if !def.guest_read {
        return Err(Fail::exact(code::METADATA_FIELD_NOT_READABLE));
    }
    let value = td_field_value(td(call, tdr)?, def.field);
    call.cpu.r8 = value;
    if call.version > 0 {
        call.cpu.rdx = next;
    }
    Ok(TdxStatus::SUCCESS)
}

pub(super) fn tdg_vm_wr(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let (id, value, mask) = (call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    vm_rd_wr_prologue(call, true)?;
    let Some((def, _)) = metadata::td_field(id) else {
        return Err(Fail::exact(code::METADATA_FIELD_ID_INCORRECT));
    };
    // The module narrows the request to the writable bits; nothing left is NOT_WRITABLE.
    let writable = def.guest_write & mask;
    if writable == 0 {
        return Err(Fail::exact(code::METADATA_FIELD_NOT_WRITABLE));
    }
    let td = call.st.tds.get_mut(&tdr).ok_or(invalid(op::RAX))?;
    let slot = match def.field {
        metadata::TdField::NotifyEnables => &mut td.notify_enables,
        metadata::TdField::TdCtls => &mut td.td_ctls,
        _ => return Err(Fail::exact(code::METADATA_FIELD_NOT_WRITABLE)),
    };
    let old = *slot;
    // `md_check_forbidden_bits_unchanged`: masked bits the guest may not write must keep
    // their value.
    let forbidden = mask & !def.guest_write;
    if old & forbidden != value & forbidden {
        return Err(Fail::exact(code::METADATA_FIELD_VALUE_NOT_VALID));
    }
    *slot = (old & !writable) | (value & writable);
    call.cpu.r8 = old;
    Ok(TdxStatus::SUCCESS)
}
