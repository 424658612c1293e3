//! TDG.SYS.*: global (TDX module) metadata read by the guest (TDG.SYS.RD), as
//! intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_sys_rd.c` does it: RDX =
//! `MD_FIELD_ID_NA` and R8 = 0 first; the null field ID gives the first field in RDX with
//! `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`; a known field gives its value in R8 and the next
//! field in RDX. Which fields the guest may read is the module's table
//! (`global_sys_fields_lookup.c`, `guest_rd_mask`): another field the model has is
//! `TDX_METADATA_FIELD_NOT_READABLE`, and the enumeration skips it.

use crate::module::Call;
use crate::module::field_table::{self, Context};
use crate::module::metadata;
use crate::module::status::{Fail, Outcome, code};
use tdx_core::TdxStatus;

/// `MD_FIELD_ID_NA`: no field.
const FIELD_ID_NA: u64 = u64::MAX;
/// The context code of a field ID, bits 54:52 (`CONTEXT_CODE_MASK`), ignored by the null check.
const CONTEXT_CODE_MASK: u64 = 0x7 << 52;

pub(super) fn tdg_sys_rd(call: &mut Call<'_>) -> Outcome {
    let id = call.cpu.rdx;
    call.cpu.rdx = FIELD_ID_NA;
    call.cpu.r8 = 0;
    let fields = metadata::global_fields(call.cfg, call.st.g.sys.update_version);
    let guest_readable = |id: u64| {
        field_table::lookup(Context::Global, id).is_some_and(|row| row.mask("guest_rd_mask") != 0)
    };
    let next_readable = |from: usize| {
        fields[from..]
            .iter()
            .find(|f| guest_readable(f.id))
            .map_or(FIELD_ID_NA, |f| f.id)
    };
    if id | CONTEXT_CODE_MASK == FIELD_ID_NA {
        call.cpu.rdx = next_readable(0);
        return Ok(TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
    }
    let wanted = metadata::key(id);
    let Some(index) = fields.iter().position(|f| metadata::key(f.id) == wanted) else {
        return Err(Fail::exact(code::METADATA_FIELD_ID_INCORRECT));
    };
    if !guest_readable(fields[index].id) {
        return Err(Fail::exact(TdxStatus::METADATA_FIELD_NOT_READABLE));
    }
    call.cpu.r8 = fields[index].value;
    call.cpu.rdx = next_readable(index + 1);
    Ok(TdxStatus::SUCCESS)
}
