//! TDH.MR.*: measurement of the initial TD image (EXTEND, FINALIZE).

use super::mem::sept_td;
use super::{SUCCESS, entry_state_error, keys_configured, need_ready, sept_error, td_lock};
use crate::module::Call;
use crate::module::leaf;
use crate::module::locks::Mode;
use crate::module::op_state::gate;
use crate::module::pamt::PAGE_4K;
use crate::module::sept::Entry;
use crate::module::sept_state::check_seamcall;
use crate::module::status::{Outcome, invalid, metadata_incorrect, operand as op};
use crate::module::td::OpState;
use tdx_core::TdxStatus;

pub(super) fn tdh_mr_extend(call: &mut Call<'_>) -> Outcome {
    let (gpa, tdr) = (call.cpu.rcx, call.cpu.rdx);
    sept_td(call, tdr, Mode::Exclusive, leaf::TDH_MR_EXTEND)?;
    let hpa = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        if !gpa.is_multiple_of(256) || !td.is_private_gpa(gpa) {
            return Err(invalid(op::RCX));
        }
        // The module walks to the leaf and asks its table (MAPPED only): anything else is
        // TDX_EPT_ENTRY_NOT_PRESENT; a walk that stops at a missing parent is EPT_WALK_FAILED.
        match td.sept.find_leaf(gpa) {
            Some((level, base, entry)) => {
                check_seamcall(call.cpu, leaf::TDH_MR_EXTEND, Some(&entry), level)?;
                let Entry::Leaf { hpa, .. } = entry else {
                    return Err(entry_state_error(call.cpu, td, level, base));
                };
                hpa + (gpa - base)
            }
            None => {
                let page = gpa & !(PAGE_4K - 1);
                if let Err(w) = td.sept.walk(page, 0) {
                    return Err(sept_error(
                        call.cpu,
                        TdxStatus::EPT_WALK_FAILED,
                        w.entry,
                        w.level_state,
                    ));
                }
                check_seamcall(call.cpu, leaf::TDH_MR_EXTEND, None, 0)?;
                return Err(entry_state_error(call.cpu, td, 0, page));
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

pub(super) fn tdh_mr_finalize(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let tdr = call.cpu.rcx;
    td_lock(call, tdr, op::RCX, Mode::Exclusive)?;
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RCX))?;
    keys_configured(td, op::RCX)?;
    gate(leaf::TDH_MR_FINALIZE, td.op)?;
    td.mrtd_final = Some(td.mrtd.clone().finish());
    td.op = OpState::Runnable;
    SUCCESS
}
