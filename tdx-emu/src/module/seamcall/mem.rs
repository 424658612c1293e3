//! TDH.MEM.*: the Secure EPT (SEPT.ADD, PAGE.ADD, PAGE.AUG, RANGE.BLOCK, RANGE.UNBLOCK, TRACK,
//! PAGE.REMOVE, SEPT.REMOVE).

use super::{
    SUCCESS, claim_free_page, entry_state_error, entry_state_error_as, keys_configured,
    lock_pamt_range, need_ready, page_size, pages_4k, physical, sept_error, sept_gpa, td, td_lock,
};
use crate::module::Call;
use crate::module::leaf;
use crate::module::locks::{LockKey, Mode};
use crate::module::op_state::gate;
use crate::module::pamt::{PAGE_4K, PamtType};
use crate::module::sept::{Entry, LeafState, level_state};
use crate::module::sept_state::check_seamcall;
use crate::module::shared::VcpuView;
use crate::module::status::{Fail, Outcome, code, invalid, metadata_incorrect, operand as op};
use crate::module::td::{OpState, Td};
use crate::trap::CpuState;
use tdx_core::{PageSize, TdxStatus};

/// The TD-scope part of the SEPT leaves: TD locked `mode`, keys configured, and `leaf` allowed
/// in the TD's OP_STATE by the module's table.
pub(super) fn sept_td(call: &mut Call<'_>, tdr: u64, mode: Mode, leaf: u64) -> Result<(), Fail> {
    need_ready(call)?;
    call.cpu.rcx = 0;
    call.cpu.rdx = 0;
    td_lock(call, tdr, op::RDX, mode)?;
    let td = td(call, tdr, op::RDX)?;
    keys_configured(td, op::RDX)?;
    gate(leaf, td.op)
}

pub(super) fn tdh_mem_sept_add(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr, page) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_SEPT_ADD)?;
    let (gpa, level) = {
        let td = td(call, tdr, op::RDX)?;
        sept_gpa(rcx, td, 1..=td.sept.top())?
    };
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let entry = td.sept.get(level, gpa);
        check_seamcall(call.cpu, leaf::TDH_MEM_SEPT_ADD, entry, level)?;
        if entry.is_some() {
            // NL_MAPPED passes the table: the module then refuses an existing Secure-EPT page
            // with the same status unless the caller allows existing pages (`process_l1_page`),
            // which the model does not implement.
            return Err(entry_state_error(call.cpu, td, level, gpa));
        }
    }
    claim_free_page(call, page, op::R8)?;
    call.st
        .pamt
        .assign(page, PamtType::Ept, tdr, PageSize::Size4K);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.set(
        level,
        gpa,
        Entry::NonLeaf {
            page,
            blocked: false,
            bepoch: 0,
        },
    );
    td.child_count += 1;
    SUCCESS
}

pub(super) fn tdh_mem_page_add(call: &mut Call<'_>) -> Outcome {
    let (gpa, tdr, target, source) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    sept_td(call, tdr, Mode::Exclusive, leaf::TDH_MEM_PAGE_ADD)?;
    {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        if !gpa.is_multiple_of(PAGE_4K) || !td.is_private_gpa(gpa) {
            return Err(invalid(op::RCX));
        }
        if let Err(w) = td.sept.walk(gpa, 0) {
            return Err(sept_error(
                call.cpu,
                TdxStatus::EPT_WALK_FAILED,
                w.entry,
                w.level_state,
            ));
        }
        check_seamcall(call.cpu, leaf::TDH_MEM_PAGE_ADD, td.sept.get(0, gpa), 0)?;
    }
    if !source.is_multiple_of(PAGE_4K) || !physical(call, source) {
        return Err(invalid(op::R9));
    }
    claim_free_page(call, target, op::R8)?;
    let mut contents = vec![0u8; PAGE_4K as usize];
    call.mem.read(source, &mut contents);
    call.mem.write(target, &contents);
    call.st
        .pamt
        .assign(target, PamtType::Reg, tdr, PageSize::Size4K);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.mrtd.page_add(gpa);
    td.sept.set(
        0,
        gpa,
        Entry::Leaf {
            hpa: target,
            state: LeafState::Present,
            bepoch: 0,
        },
    );
    td.child_count += 1;
    SUCCESS
}

/// Locks the Secure-EPT tree shared and the entry exclusively (busy on RCX).
pub(super) fn lock_sept_entry(
    call: &mut Call<'_>,
    tdr: u64,
    level: u8,
    gpa: u64,
) -> Result<(), Fail> {
    call.lock(LockKey::Sept(tdr), Mode::Shared, op::SEPT)?;
    call.lock(
        LockKey::SeptEntry(tdr, level, gpa),
        Mode::Exclusive,
        op::RCX,
    )
}

/// Walks to (`gpa`, `level`) in TD `tdr`, turning a failed walk into `EPT_WALK_FAILED`.
pub(super) fn walk(call: &mut Call<'_>, tdr: u64, gpa: u64, level: u8) -> Result<(), Fail> {
    let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
    td.sept
        .walk(gpa, level)
        .map_err(|w| sept_error(call.cpu, TdxStatus::EPT_WALK_FAILED, w.entry, w.level_state))
}

pub(super) fn tdh_mem_page_aug(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr, page) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_PAGE_AUG)?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 0..=2)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        check_seamcall(
            call.cpu,
            leaf::TDH_MEM_PAGE_AUG,
            td.sept.get(level, gpa),
            level,
        )?;
    }
    let size = page_size(level);
    if page % size.bytes() != 0 || !physical(call, page) {
        return Err(invalid(op::R8));
    }
    call.lock(LockKey::Page(page), Mode::Exclusive, op::R8)?;
    lock_pamt_range(call, page, size, op::R8)?;
    call.st.pamt.check_free(page, size, op::R8)?;
    call.st.pamt.assign(page, PamtType::Reg, tdr, size);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.set(
        level,
        gpa,
        Entry::Leaf {
            hpa: page,
            state: LeafState::Pending,
            bepoch: 0,
        },
    );
    td.child_count += pages_4k(size);
    SUCCESS
}

pub(super) fn tdh_mem_range_block(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr) = (call.cpu.rcx, call.cpu.rdx);
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_RANGE_BLOCK)?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 0..=2)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    let epoch = td.epoch;
    let entry = td.sept.get(level, gpa).copied();
    check_seamcall(call.cpu, leaf::TDH_MEM_RANGE_BLOCK, entry.as_ref(), level)?;
    let blocked = match entry {
        Some(Entry::Leaf { hpa, state, .. }) => Entry::Leaf {
            hpa,
            state: if state == LeafState::Pending {
                LeafState::PendingBlocked
            } else {
                LeafState::Blocked
            },
            bepoch: epoch,
        },
        Some(Entry::NonLeaf { page, .. }) => Entry::NonLeaf {
            page,
            blocked: true,
            bepoch: epoch,
        },
        // FREE is refused by the table.
        None => return Err(entry_state_error(call.cpu, td, level, gpa)),
    };
    td.sept.set(level, gpa, blocked);
    SUCCESS
}

/// TDH.MEM.RANGE.UNBLOCK: undo a TDH.MEM.RANGE.BLOCK once the block was tracked (locks and
/// checks as BLOCK, the entry states from the module's table). A blocked leaf needs its block
/// tracked (TDH.MEM.TRACK since, and no vCPU still running from before it), else
/// `TDX_TLB_TRACKING_NOT_DONE`; a blocked non-leaf entry keeps no block epoch in the model and
/// is unblocked at once (docs/emulator.md, Deviations).
pub(super) fn tdh_mem_range_unblock(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr) = (call.cpu.rcx, call.cpu.rdx);
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_RANGE_UNBLOCK)?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 0..=2)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    let unblocked = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let entry = td.sept.get(level, gpa).copied();
        check_seamcall(call.cpu, leaf::TDH_MEM_RANGE_UNBLOCK, entry.as_ref(), level)?;
        // As `tdh_mem_range_unblock.c` (72d8cffb, lines 158-184): only while the TD may be
        // running (the op-state's tlb_tracking_required) must the block have been tracked, for
        // a leaf and a non-leaf entry alike, and the failure names the Secure-EPT tree.
        let bepoch = match entry {
            Some(Entry::Leaf { bepoch, .. } | Entry::NonLeaf { bepoch, .. }) => Some(bepoch),
            None => None,
        };
        if let Some(bepoch) = bepoch
            && td.op == OpState::Runnable
            && !block_tracked(&call.st.vcpus, td, bepoch)
        {
            return Err(Fail::new(code::TLB_TRACKING_NOT_DONE, op::SEPT));
        }
        match entry {
            Some(Entry::Leaf { hpa, state, bepoch }) => Entry::Leaf {
                hpa,
                state: if state == LeafState::PendingBlocked {
                    LeafState::Pending
                } else {
                    LeafState::Present
                },
                bepoch,
            },
            Some(Entry::NonLeaf { page, bepoch, .. }) => Entry::NonLeaf {
                page,
                blocked: false,
                bepoch,
            },
            // Not blocked: refused by the table.
            None => return Err(entry_state_error(call.cpu, td, level, gpa)),
        }
    };
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.set(level, gpa, unblocked);
    SUCCESS
}

pub(super) fn tdh_mem_track(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let tdr = call.cpu.rcx;
    td_lock(call, tdr, op::RCX, Mode::Shared)?;
    {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        gate(leaf::TDH_MEM_TRACK, td.op)?;
    }
    call.lock(LockKey::Epoch(tdr), Mode::Exclusive, op::TD_EPOCH)?;
    let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RCX))?;
    let lagging = td
        .vcpus
        .iter()
        .filter_map(|v| call.st.vcpus.get(v))
        .any(|v| v.running && v.entered_epoch < td.epoch);
    if lagging {
        return Err(Fail::exact(TdxStatus::PREVIOUS_TLB_EPOCH_BUSY));
    }
    if let Some(td) = call.st.tds.get_mut(&tdr) {
        td.epoch += 1;
    }
    SUCCESS
}

pub(super) fn tdh_mem_page_remove(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr) = (call.cpu.rcx, call.cpu.rdx);
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_PAGE_REMOVE)?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 0..=2)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    let (hpa, size) = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let entry = td.sept.get(level, gpa).copied();
        check_seamcall(call.cpu, leaf::TDH_MEM_PAGE_REMOVE, entry.as_ref(), level)?;
        let Some(Entry::Leaf { hpa, state, bepoch }) = entry else {
            return Err(entry_state_error(call.cpu, td, level, gpa));
        };
        let blocked = matches!(state, LeafState::Blocked | LeafState::PendingBlocked);
        blocked_and_tracked(call.cpu, &call.st.vcpus, td, level, gpa, blocked, bepoch)?;
        (hpa, page_size(level))
    };
    call.lock(LockKey::Page(hpa), Mode::Exclusive, op::RCX)?;
    call.st.pamt.release(hpa);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.remove(level, gpa);
    td.child_count = td.child_count.saturating_sub(pages_4k(size));
    call.cpu.rcx = hpa;
    SUCCESS
}

/// Whether a block made in TD epoch `bepoch` is tracked: TDH.MEM.TRACK ran since (the epoch
/// moved on) and no vCPU that entered before it still runs (`is_tlb_tracked`).
pub(super) fn block_tracked(vcpus: &VcpuView<'_>, td: &Td, bepoch: u64) -> bool {
    td.epoch > bepoch
        && !td
            .vcpus
            .iter()
            .filter_map(|v| vcpus.get(v))
            .any(|v| v.running && v.entered_epoch <= bepoch)
}

/// What the leaves that change a mapping check while the TD may be running (OP_STATE RUNNABLE:
/// the op-state's `tlb_tracking_required` holds for every state the model reaches where a vCPU
/// can run): the entry at `level`/`gpa` is blocked (`GPA_RANGE_NOT_BLOCKED` with its details in
/// RCX/RDX) and the block tracked (TDH.MEM.TRACK since, and every vCPU that entered before it
/// has exited: `TLB_TRACKING_NOT_DONE` on RCX), as PAGE.REMOVE, PAGE.RELOCATE, PAGE.DEMOTE and
/// PAGE.PROMOTE do in intel/tdx-module@72d8cffb.
pub(super) fn blocked_and_tracked(
    cpu: &mut CpuState,
    vcpus: &VcpuView<'_>,
    td: &Td,
    level: u8,
    gpa: u64,
    blocked: bool,
    bepoch: u64,
) -> Result<(), Fail> {
    if td.op != OpState::Runnable {
        return Ok(());
    }
    if !blocked {
        return Err(entry_state_error_as(
            cpu,
            TdxStatus::GPA_RANGE_NOT_BLOCKED,
            td,
            level,
            gpa,
        ));
    }
    if !block_tracked(vcpus, td, bepoch) {
        return Err(Fail::new(code::TLB_TRACKING_NOT_DONE, op::RCX));
    }
    Ok(())
}

/// TDH.MEM.SEPT.REMOVE (version 0): remove the empty Secure-EPT page under the non-leaf entry
/// at RCX = `GPA | level` (levels 1 to the root's), as `tdh_mem_sept_remove.c`: TDR and TD
/// state; the level and GPA (`TDX_OPERAND_INVALID` on RCX); the Secure-EPT tree exclusively
/// and the walk to the level (`EPT_WALK_FAILED` with the entry where it stopped); the entry
/// lock; the module's table (NL_MAPPED, NL_BLOCKED, else `EPT_ENTRY_STATE_INCORRECT` with the
/// entry); the Secure-EPT page's lock (busy on RCX); in a RUNNABLE TD the entry must be
/// blocked (`GPA_RANGE_NOT_BLOCKED` with the entry) and the block tracked
/// (`TLB_TRACKING_NOT_DONE`); every entry of the page FREE (`EPT_PAGE_NOT_FREE` with the
/// entry). Then the entry is FREE, the page free in the PAMT (to be WBINVDed by the host), the
/// TD's child count one less, and RCX = the page.
pub(super) fn tdh_mem_sept_remove(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr) = (call.cpu.rcx, call.cpu.rdx);
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_SEPT_REMOVE)?;
    let (gpa, level) = {
        let td = td(call, tdr, op::RDX)?;
        sept_gpa(rcx, td, 1..=td.sept.top())?
    };
    call.lock(LockKey::Sept(tdr), Mode::Exclusive, op::SEPT)?;
    walk(call, tdr, gpa, level)?;
    call.lock(
        LockKey::SeptEntry(tdr, level, gpa),
        Mode::Exclusive,
        op::RCX,
    )?;
    let (page, blocked, bepoch) = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let entry = td.sept.get(level, gpa).copied();
        check_seamcall(call.cpu, leaf::TDH_MEM_SEPT_REMOVE, entry.as_ref(), level)?;
        let Some(Entry::NonLeaf {
            page,
            blocked,
            bepoch,
        }) = entry
        else {
            // Only the non-leaf states pass the table.
            return Err(entry_state_error(call.cpu, td, level, gpa));
        };
        (page, blocked, bepoch)
    };
    call.lock(LockKey::Page(page), Mode::Exclusive, op::RCX)?;
    let refusal = {
        let td = td(call, tdr, op::RDX)?;
        if td.op == OpState::Runnable && !blocked {
            // The TD may be running: the page must be blocked and the block tracked.
            Some(TdxStatus::GPA_RANGE_NOT_BLOCKED)
        } else if td.op == OpState::Runnable && !block_tracked(&call.st.vcpus, td, bepoch) {
            return Err(Fail::new(code::TLB_TRACKING_NOT_DONE, op::RCX));
        } else if td.sept.has_children(level, gpa) {
            Some(TdxStatus::EPT_PAGE_NOT_FREE)
        } else {
            None
        }
    };
    if let Some(status) = refusal {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let entry = td.sept.get(level, gpa);
        return Err(sept_error(
            call.cpu,
            status,
            Entry::raw(entry, level),
            level_state(level, entry),
        ));
    }
    call.st.pamt.release(page);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.remove(level, gpa);
    td.child_count = td.child_count.saturating_sub(1);
    call.cpu.rcx = page;
    SUCCESS
}

/// TDH.MEM.PAGE.RELOCATE: move the 4 KiB page mapped at RCX = `GPA | 0` to the free page in
/// R8, as `tdh_mem_page_relocate.c`: TDR and TD state; level 0 only, the GPA (`OPERAND_INVALID`
/// on RCX); the walk to level 0; the entry lock; a leaf the module's table allows (MAPPED,
/// BLOCKED, PENDING, PENDING_BLOCKED of the states the model reaches) else
/// `EPT_ENTRY_STATE_INCORRECT` with the entry; the target the page itself: `OPERAND_INVALID`
/// on R8; the old page's lock (RCX); in a RUNNABLE TD blocked (`GPA_RANGE_NOT_BLOCKED` with the
/// entry) and tracked (`TLB_TRACKING_NOT_DONE`); the target claimed as a free 4 KiB page (R8).
/// Then the contents are copied (not for a pending page), the entry maps the target, unblocked
/// (BLOCKED to MAPPED, PENDING_BLOCKED to PENDING), the old page is free in the PAMT and comes
/// back in RCX.
pub(super) fn tdh_mem_page_relocate(call: &mut Call<'_>) -> Outcome {
    let (rcx, tdr, target) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_PAGE_RELOCATE)?;
    let (gpa, level) = sept_gpa(rcx, td(call, tdr, op::RDX)?, 0..=0)?;
    lock_sept_entry(call, tdr, level, gpa)?;
    walk(call, tdr, gpa, level)?;
    let (source, state, bepoch) = {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let entry = td.sept.get(level, gpa).copied();
        check_seamcall(call.cpu, leaf::TDH_MEM_PAGE_RELOCATE, entry.as_ref(), level)?;
        let Some(Entry::Leaf { hpa, state, bepoch }) = entry else {
            return Err(entry_state_error(call.cpu, td, level, gpa));
        };
        (hpa, state, bepoch)
    };
    if source == target & !(PAGE_4K - 1) {
        return Err(invalid(op::R8));
    }
    call.lock(LockKey::Page(source), Mode::Exclusive, op::RCX)?;
    {
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        let blocked = matches!(state, LeafState::Blocked | LeafState::PendingBlocked);
        blocked_and_tracked(call.cpu, &call.st.vcpus, td, level, gpa, blocked, bepoch)?;
    }
    claim_free_page(call, target, op::R8)?;
    let pending = matches!(state, LeafState::Pending | LeafState::PendingBlocked);
    if !pending {
        let mut contents = vec![0u8; PAGE_4K as usize];
        call.mem.read(source, &mut contents);
        call.mem.write(target, &contents);
    }
    call.st.pamt.release(source);
    call.st
        .pamt
        .assign(target, PamtType::Reg, tdr, PageSize::Size4K);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    td.sept.set(
        level,
        gpa,
        Entry::Leaf {
            hpa: target,
            state: if pending {
                LeafState::Pending
            } else {
                LeafState::Present
            },
            bepoch: 0,
        },
    );
    call.cpu.rcx = source;
    SUCCESS
}
