//! TDH.MEM.PAGE.DEMOTE and PROMOTE: split a 2 MiB or 1 GiB private page into 512 smaller ones
//! and merge them back, after intel/tdx-module@72d8cffb
//! `src/vmm_dispatcher/api_calls/tdh_mem_page_demote.c` and `tdh_mem_page_promote.c` (version
//! 0, no L2 VMs).

use super::mem::{blocked_and_tracked, lock_sept_entry, sept_td, walk};
use super::{
    SUCCESS, claim_free_page, entry_state_error, entry_state_error_as, lock_pamt_range, page_size,
    sept_gpa, td,
};
use crate::module::Call;
use crate::module::leaf;
use crate::module::locks::{LockKey, Mode};
use crate::module::pamt::PamtType;
use crate::module::sept::{Entry, LeafState, level_bytes};
use crate::module::sept_state::check_seamcall;
use crate::module::status::{Outcome, invalid, metadata_incorrect, operand as op};
use tdx_core::TdxStatus;

/// RDX bits 51:12: the TDR; bit 0 is the L2 Secure-EPT add mode (no L2 VMs in the model: no
/// effect); bits 11:1 and 63:52 are reserved (`td_handle_and_flags_t`).
const TDR_BITS: u64 = 0x000F_FFFF_FFFF_F000;
const L2_SEPT_ADD_MODE: u64 = 1;

/// TDH.MEM.PAGE.DEMOTE: the leaf at RCX = `GPA | level` (1 or 2) becomes a non-leaf entry over
/// the free page in R8, which holds 512 entries of the level below mapping the same host
/// range, in the leaf's state unblocked (BLOCKED to MAPPED, PENDING_BLOCKED to PENDING). The
/// module's order: RDX reserved bits (`OPERAND_INVALID` on RDX); TDR and TD state; level and
/// GPA (`OPERAND_INVALID` on RCX); the walk to the level; the entry lock; the module's table
/// (MAPPED, BLOCKED, PENDING, PENDING_BLOCKED of the states the model reaches), else
/// `EPT_ENTRY_STATE_INCORRECT` with the entry; in a RUNNABLE TD blocked
/// (`GPA_RANGE_NOT_BLOCKED` with the entry) and tracked (`TLB_TRACKING_NOT_DONE`); the new
/// Secure-EPT page claimed free (R8); the PAMT split of the large page (busy on RCX).
pub(super) fn tdh_mem_page_demote(call: &mut Call<'_>) -> Outcome {
    let (rcx, rdx, sept_page) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    if rdx & !(TDR_BITS | L2_SEPT_ADD_MODE) != 0 {
        call.cpu.rcx = 0;
        call.cpu.rdx = 0;
        return Err(invalid(op::RDX));
    }
    let tdr = rdx & TDR_BITS;
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_PAGE_DEMOTE)?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 1..=2)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    let (hpa, state) = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let entry = td.sept.get(level, gpa).copied();
        check_seamcall(call.cpu, leaf::TDH_MEM_PAGE_DEMOTE, entry.as_ref(), level)?;
        let Some(Entry::Leaf { hpa, state, bepoch }) = entry else {
            return Err(entry_state_error(call.cpu, td, level, gpa));
        };
        let blocked = matches!(state, LeafState::Blocked | LeafState::PendingBlocked);
        blocked_and_tracked(call.cpu, &call.st.vcpus, td, level, gpa, blocked, bepoch)?;
        (hpa, state)
    };
    claim_free_page(call, sept_page, op::R8)?;
    let size = page_size(level);
    call.lock(LockKey::Page(hpa), Mode::Exclusive, op::RCX)?;
    lock_pamt_range(call, hpa, size, op::RCX)?;
    // Commit: the PAMT first (the large page becomes 512 smaller ones), then the tree.
    let child = page_size(level - 1);
    let step = level_bytes(level - 1);
    call.st.pamt.release(hpa);
    for i in 0..512 {
        call.st
            .pamt
            .assign(hpa + i * step, PamtType::Reg, tdr, child);
    }
    call.st
        .pamt
        .assign(sept_page, PamtType::Ept, tdr, tdx_core::PageSize::Size4K);
    let state = match state {
        LeafState::Blocked => LeafState::Present,
        LeafState::PendingBlocked => LeafState::Pending,
        other => other,
    };
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.set(
        level,
        gpa,
        Entry::NonLeaf {
            page: sept_page,
            blocked: false,
            bepoch: 0,
        },
    );
    for i in 0..512 {
        td.sept.set(
            level - 1,
            gpa + i * step,
            Entry::Leaf {
                hpa: hpa + i * step,
                state,
                bepoch: 0,
            },
        );
    }
    td.child_count += 1;
    SUCCESS
}

/// TDH.MEM.PAGE.PROMOTE (version 0): the non-leaf entry at RCX = `GPA | level` (1 or 2)
/// becomes a leaf mapping the 2 MiB / 1 GiB page its 512 entries map, and its Secure-EPT page
/// comes back in RCX (free in the PAMT). The module's order: TDR and TD state; level and GPA
/// (`OPERAND_INVALID` on RCX); the walk to the level; the entry lock; the module's table
/// (NL_MAPPED, NL_BLOCKED, else `EPT_ENTRY_STATE_INCORRECT` with the entry); the Secure-EPT
/// page's lock (RCX); in a RUNNABLE TD blocked (`GPA_RANGE_NOT_BLOCKED` with the entry) and
/// tracked (`TLB_TRACKING_NOT_DONE`); each of the 512 entries locked (busy on RCX) and all
/// MAPPED or all PENDING, contiguous from a page aligned to the merged size
/// (`is_sept_page_valid_for_merge`, else `EPT_INVALID_PROMOTE_CONDITIONS` on RCX with the
/// entry); the PAMT merge (busy on RCX).
pub(super) fn tdh_mem_page_promote(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr) = (call.cpu.rcx, call.cpu.rdx);
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_PAGE_PROMOTE)?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 1..=2)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    let (sept_page, blocked, bepoch) = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let entry = td.sept.get(level, gpa).copied();
        check_seamcall(call.cpu, leaf::TDH_MEM_PAGE_PROMOTE, entry.as_ref(), level)?;
        let Some(Entry::NonLeaf {
            page,
            blocked,
            bepoch,
        }) = entry
        else {
            return Err(entry_state_error(call.cpu, td, level, gpa));
        };
        (page, blocked, bepoch)
    };
    call.lock(LockKey::Page(sept_page), Mode::Exclusive, op::RCX)?;
    {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        blocked_and_tracked(call.cpu, &call.st.vcpus, td, level, gpa, blocked, bepoch)?;
    }
    let step = level_bytes(level - 1);
    for i in 0..512 {
        call.lock(
            LockKey::SeptEntry(tdr, level - 1, gpa + i * step),
            Mode::Exclusive,
            op::RCX,
        )?;
    }
    let (hpa, state) = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let first = match td.sept.get(level - 1, gpa) {
            Some(&Entry::Leaf { hpa, state, .. })
                if hpa.is_multiple_of(level_bytes(level))
                    && matches!(state, LeafState::Present | LeafState::Pending) =>
            {
                Some((hpa, state))
            }
            _ => None,
        };
        let mergeable = first.filter(|&(hpa, state)| {
            (1..512).all(|i| {
                matches!(
                    td.sept.get(level - 1, gpa + i * step),
                    Some(&Entry::Leaf { hpa: h, state: s, .. }) if h == hpa + i * step && s == state
                )
            })
        });
        let Some(merged) = mergeable else {
            return Err(entry_state_error_as(
                call.cpu,
                TdxStatus::EPT_INVALID_PROMOTE_CONDITIONS,
                td,
                level,
                gpa,
            ));
        };
        merged
    };
    let size = page_size(level);
    lock_pamt_range(call, hpa, size, op::RCX)?;
    // Commit: the PAMT (512 entries become one), then the tree.
    for i in 0..512 {
        call.st.pamt.release(hpa + i * step);
    }
    call.st.pamt.assign(hpa, PamtType::Reg, tdr, size);
    call.st.pamt.release(sept_page);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    for i in 0..512 {
        td.sept.remove(level - 1, gpa + i * step);
    }
    td.sept.set(
        level,
        gpa,
        Entry::Leaf {
            hpa,
            state,
            bepoch: 0,
        },
    );
    td.child_count = td.child_count.saturating_sub(1);
    call.cpu.rcx = sept_page;
    SUCCESS
}
