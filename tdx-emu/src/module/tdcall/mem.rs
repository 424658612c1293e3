//! TDG.MEM.*: TDG.MEM.PAGE.ACCEPT.

use super::td;
use crate::module::Call;
use crate::module::locks::{LockKey, Mode};
use crate::module::sept::{Entry, LeafState, level_bytes};
use crate::module::status::{Fail, Outcome, PAGE_ALREADY_ACCEPTED, invalid, operand as op};
use tdx_core::TdxStatus;

pub(super) fn tdg_mem_page_accept(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let rcx = call.cpu.rcx;
    let level = (rcx & 7) as u8;
    let gpa = rcx & !7;
    {
        let td = td(call, tdr)?;
        if level > 2 || !gpa.is_multiple_of(level_bytes(level)) || !td.is_private_gpa(gpa) {
            return Err(invalid(op::RCX));
        }
    }
    // The guest side takes the Secure-EPT tree exclusively: host SEPT calls racing with an
    // ACCEPT see TDX_OPERAND_BUSY on SEPT, as KVM does ("contention with TDCALLs").
    call.lock(LockKey::Sept(tdr), Mode::Exclusive, op::SEPT)?;
    let td = call.st.tds.get_mut(&tdr).ok_or(invalid(op::RAX))?;
    match td.sept.get(level, gpa).copied() {
        Some(Entry::Leaf {
            hpa,
            state: LeafState::Pending,
            bepoch,
        }) => {
            td.sept.set(
                level,
                gpa,
                Entry::Leaf {
                    hpa,
                    state: LeafState::Present,
                    bepoch,
                },
            );
            call.mem.zero(hpa, level_bytes(level));
            Ok(TdxStatus::SUCCESS)
        }
        Some(Entry::Leaf {
            state: LeafState::Present,
            ..
        }) => Ok(PAGE_ALREADY_ACCEPTED),
        // Blocked, or mapped with smaller pages (the real module: TDX_PAGE_SIZE_MISMATCH).
        Some(_) => Err(Fail::new(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)),
        None => match td.sept.find_leaf(gpa) {
            // Mapped with a larger page than the size asked for.
            Some((l, _, _)) if l > level => {
                Err(Fail::new(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX))
            }
            // Nothing there: the real CPU exits to the host with an EPT violation.
            _ => Err(Fail::new(TdxStatus::EPT_WALK_FAILED, op::RCX)),
        },
    }
}
