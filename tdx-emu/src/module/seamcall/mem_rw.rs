//! TDH.MEM.* that read or write without changing the Secure EPT: SEPT.RD (an entry, any TD)
//! and RD / WR (8 bytes of a debug TD's private memory), after intel/tdx-module@72d8cffb
//! `src/vmm_dispatcher/api_calls/tdh_mem_sept_rd.c` and `tdh_mem_rd_wr.c`.

use super::mem::{sept_td, walk};
use super::{SUCCESS, sept_error, sept_gpa, td};
use crate::module::Call;
use crate::module::leaf;
use crate::module::locks::{LockKey, Mode};
use crate::module::sept::{Entry, LeafState, level_bytes, level_state};
use crate::module::sept_state::check_seamcall;
use crate::module::status::{Fail, Outcome, invalid, metadata_incorrect, operand as op};
use tdx_core::TdxStatus;

/// RDX bit 0 of TDH.MEM.SEPT.RD: also read the L2 VMs' attributes (debug TDs only).
const READ_L2_ATTRIBUTES: u64 = 1;

/// TDH.MEM.SEPT.RD: the Secure-EPT entry at RCX = `GPA | level` (any level from 0 to the
/// root's, any state) in RCX and its level/state in RDX. RDX bit 0 asks for the L2 VMs'
/// attributes in R8 as well (a debug TD only, else `TDX_OPERAND_INVALID` on RDX): the model
/// has no L2 VMs, so R8 reads 0. The module's order: TDR, TD state, the L2 flag, the GPA, the
/// walk to the level (`EPT_WALK_FAILED` with the entry where it stopped), the entry lock.
pub(super) fn tdh_mem_sept_rd(call: &mut Call<'_>) -> Outcome {
    let (rcx, rdx) = (call.cpu.rcx, call.cpu.rdx);
    let read_l2 = rdx & READ_L2_ATTRIBUTES != 0;
    let tdr = rdx & !READ_L2_ATTRIBUTES;
    sept_td(call, tdr, Mode::Shared, leaf::TDH_MEM_SEPT_RD)?;
    let (gpa, level) = {
        let td = td(call, tdr, op::RDX)?;
        if read_l2 && !td.is_debug() {
            return Err(invalid(op::RDX));
        }
        sept_gpa(rcx, td, 0..=td.sept.top())?
    };
    call.lock(LockKey::Sept(tdr), Mode::Shared, op::SEPT)?;
    walk(call, tdr, gpa, level)?;
    call.lock(
        LockKey::SeptEntry(tdr, level, gpa),
        Mode::Exclusive,
        op::RCX,
    )?;
    let td = td(call, tdr, op::RDX)?;
    // Allowed in every state by the module's table; asked all the same, as every SEPT leaf.
    let entry = td.sept.get(level, gpa).copied();
    check_seamcall(call.cpu, leaf::TDH_MEM_SEPT_RD, entry.as_ref(), level)?;
    if read_l2 {
        call.cpu.r8 = 0;
    }
    call.cpu.rcx = Entry::raw(entry.as_ref(), level);
    call.cpu.rdx = level_state(level, entry.as_ref());
    SUCCESS
}

pub(super) fn tdh_mem_rd(call: &mut Call<'_>) -> Outcome {
    mem_rd_wr(call, false)
}

pub(super) fn tdh_mem_wr(call: &mut Call<'_>) -> Outcome {
    mem_rd_wr(call, true)
}

/// TDH.MEM.RD / TDH.MEM.WR: the 8 bytes at the 8-byte aligned private GPA in RCX of the debug
/// TD in RDX, returned in R8 (the old value, for WR, which then writes R8's input). The module's
/// order (`tdh_mem_rd_wr`): RCX, RDX and R8 cleared; TDR and TD state; `TDX_TD_NON_DEBUG` (no
/// operand) for a production TD; RCX alignment; the Secure-EPT tree lock; the walk to the leaf
/// (any level) that maps the GPA, a private GPA inside the GPA width else `TDX_OPERAND_INVALID`
/// on RCX, no leaf there `TDX_EPT_ENTRY_NOT_PRESENT` on RCX with the entry where the walk
/// stopped; the entry lock; the module's table (RD: MAPPED, WR: MAPPED, of the states the model
/// reaches) else `TDX_EPT_ENTRY_STATE_INCORRECT` on RCX with the entry.
fn mem_rd_wr(call: &mut Call<'_>, write: bool) -> Outcome {
    let (gpa, tdr, data) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    let leaf = if write {
        leaf::TDH_MEM_WR
    } else {
        leaf::TDH_MEM_RD
    };
    call.cpu.r8 = 0;
    sept_td(call, tdr, Mode::Shared, leaf)?;
    if !td(call, tdr, op::RDX)?.is_debug() {
        return Err(Fail::exact(TdxStatus::TD_NON_DEBUG));
    }
    if !gpa.is_multiple_of(8) {
        return Err(invalid(op::RCX));
    }
    call.lock(LockKey::Sept(tdr), Mode::Shared, op::SEPT)?;
    let (level, base, entry) = {
        let td = td(call, tdr, op::RDX)?;
        if !td.is_private_gpa(gpa) {
            return Err(invalid(op::RCX));
        }
        // Walk down to the first entry that is not an (unblocked) non-leaf one.
        let mut level = td.sept.top();
        loop {
            let base = gpa & !(level_bytes(level) - 1);
            let entry = td.sept.get(level, base).copied();
            match entry {
                Some(Entry::NonLeaf { blocked: false, .. }) if level > 0 => level -= 1,
                Some(leaf @ Entry::Leaf { .. }) => break (level, base, leaf),
                _ => {
                    return Err(sept_error(
                        call.cpu,
                        TdxStatus::EPT_ENTRY_NOT_PRESENT,
                        Entry::raw(entry.as_ref(), level),
                        level_state(level, entry.as_ref()),
                    ));
                }
            }
        }
    };
    call.lock(
        LockKey::SeptEntry(tdr, level, base),
        Mode::Exclusive,
        op::RCX,
    )?;
    check_seamcall(call.cpu, leaf, Some(&entry), level)?;
    let Entry::Leaf {
        hpa,
        state: LeafState::Present,
        ..
    } = entry
    else {
        // Only MAPPED passes the table among the states the model reaches.
        let td = call.st.tds.get(&tdr).ok_or(metadata_incorrect(op::RDX))?;
        return Err(super::entry_state_error(call.cpu, td, level, base));
    };
    let hpa = hpa + (gpa - base);
    let mut old = [0u8; 8];
    call.mem.read(hpa, &mut old);
    call.cpu.r8 = u64::from_le_bytes(old);
    if write {
        call.mem.write(hpa, &data.to_le_bytes());
    }
    SUCCESS
}
