//! TDG.VM.*: TD-scope metadata from the guest (TDG.VM.RD, TDG.VM.WR).

use super::td;
use crate::module::Call;
use crate::module::metadata;
use crate::module::seamcall::td_field_value;
use crate::module::status::{Fail, Outcome, invalid, operand as op};
use tdx_core::TdxStatus;

pub(super) fn tdg_vm_rd(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let id = call.cpu.rdx;
    call.cpu.r8 = 0;
    let Some((def, next)) = metadata::td_field(id) else {
        return Err(invalid(op::RDX));
    };
    if !def.guest_read {
        return Err(Fail::new(TdxStatus::METADATA_FIELD_NOT_READABLE, op::RDX));
    }
    let value = td_field_value(td(call, tdr)?, def.field);
    call.cpu.r8 = value;
    call.cpu.rdx = next;
    Ok(TdxStatus::SUCCESS)
}

pub(super) fn tdg_vm_wr(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let (id, value, mask) = (call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    let Some((def, _)) = metadata::td_field(id) else {
        return Err(invalid(op::RDX));
    };
    if def.guest_write == 0 {
        return Err(invalid(op::RDX));
    }
    if mask & !def.guest_write != 0 {
        return Err(invalid(op::R9));
    }
    let td = call.st.tds.get_mut(&tdr).ok_or(invalid(op::RAX))?;
    let slot = match def.field {
        metadata::TdField::NotifyEnables => &mut td.notify_enables,
        metadata::TdField::TdCtls => &mut td.td_ctls,
        _ => return Err(invalid(op::RDX)),
    };
    let old = *slot;
    *slot = (old & !mask) | (value & mask);
    call.cpu.r8 = old;
    Ok(TdxStatus::SUCCESS)
}
