//! TDG.MEM.*: TDG.MEM.PAGE.ACCEPT and TDG.MEM.PAGE.ATTR.RD.

use super::td;
use crate::module::locks::{LockKey, Mode};
use crate::module::sept::{Entry, LeafState, level_bytes};
use crate::module::sept_state::gate;
use crate::module::status::{Fail, Outcome, PAGE_ALREADY_ACCEPTED, invalid, operand as op};
use crate::module::{Call, leaf};
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
    let entry = td.sept.get(level, gpa).copied();
    match entry {
        // A guest-accessible leaf (MAPPED): already accepted, before the table is asked.
        Some(Entry::Leaf {
            state: LeafState::Present,
            ..
        }) => Ok(PAGE_ALREADY_ACCEPTED),
        Some(Entry::Leaf { hpa, bepoch, .. })
            if gate(true, leaf::TDG_MEM_PAGE_ACCEPT, entry.as_ref()) =>
        {
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
        // Refused by the table (blocked), or mapped with smaller pages (the real module:
        // TDX_PAGE_SIZE_MISMATCH / an EPT violation).
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

/// TDG.MEM.PAGE.ATTR.RD as `tdg_mem_page_attr_rd.c` for a TD without L2 VMs (the model has
/// none): RCX a private GPA of the TD's width (`check_gpa_validity`, no alignment: the GPA is
/// aligned on the mapping's level) else `TDX_OPERAND_INVALID` operand RCX; the Secure-EPT tree
/// shared, as the guest-side entry lock (`TDX_OPERAND_BUSY` operand RCX); the module's table
/// lets the leaf read MAPPED and PENDING leaves (and migration states the model lacks). Out:
/// RCX = `gpa_mapping_and_flags` (GPA aligned on the level, level in bits 2:0, PENDING in bit
/// 62), RDX = 0 (the L1 attributes are reserved, `sept_get_gpa_attr`, and there is no L2 VM).
/// Every other entry (FREE, blocked, non-leaf) makes the real module exit to the VMM with an EPT
/// violation; the model answers `TDX_EPT_WALK_FAILED` operand RCX, as for ACCEPT.
pub(super) fn tdg_mem_page_attr_rd(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let gpa = call.cpu.rcx;
    call.cpu.rcx = 0;
    call.cpu.rdx = 0;
    if !td(call, tdr)?.is_private_gpa(gpa) {
        return Err(invalid(op::RCX));
    }
    call.lock(LockKey::Sept(tdr), Mode::Shared, op::RCX)?;
    let td = td(call, tdr)?;
    let found = td.sept.find_leaf(gpa);
    let allowed = found
        .as_ref()
        .is_some_and(|(_, _, entry)| gate(true, leaf::TDG_MEM_PAGE_ATTR_RD, Some(entry)));
    match found {
        Some((level, base, Entry::Leaf { state, .. })) if allowed => {
            let pending = matches!(state, LeafState::Pending | LeafState::PendingBlocked);
            call.cpu.rcx = base | u64::from(level) | (u64::from(pending) << 62);
            Ok(TdxStatus::SUCCESS)
        }
        _ => Err(Fail::new(TdxStatus::EPT_WALK_FAILED, op::RCX)),
    }
}
