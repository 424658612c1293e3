//! TDH.PHYMEM.*: cache write-back, and physical pages (RDMD, RECLAIM, WBINVD).

use super::{SUCCESS, need_ready, pages_4k, physical, td};
use crate::module::locks::{LockKey, Mode};
use crate::module::pamt::{Coverage, PAGE_4K, PamtType};
use crate::module::sept::level_bytes;
use crate::module::status::{Fail, Outcome, invalid, key_state, metadata_incorrect, operand as op};
use crate::module::td::Lifecycle;
use crate::module::{Call, WbSession};
use tdx_core::TdxStatus;

pub(super) fn tdh_phymem_cache_wb(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let pkg = call.pkg;
    if pkg >= call.cfg.packages {
        return Err(invalid(op::SYS));
    }
    call.lock(LockKey::WbCache(pkg), Mode::Exclusive, op::WBCACHE)?;
    call.lock(LockKey::Kot, Mode::Shared, op::KOT)?;
    let slot = pkg as usize;
    match call.cpu.rcx {
        0 => {
            let hkids: Vec<u16> = call
                .st
                .g
                .kot
                .iter()
                .filter(|(_, k)| k.flushed)
                .map(|(&h, _)| h)
                .collect();
            if hkids.is_empty() {
                call.st.g.wb[slot] = None;
                return Ok(TdxStatus::NO_HKID_READY_TO_WBCACHE);
            }
            call.st.g.wb[slot] = Some(WbSession {
                remaining: call.cfg.cache_wb_interruptions,
                hkids,
            });
        }
        1 if call.st.g.wb[slot].is_some() => {}
        _ => return Err(invalid(op::RCX)),
    }
    let Some(session) = call.st.g.wb[slot].as_mut() else {
        return Err(invalid(op::RCX));
    };
    if session.remaining > 0 {
        session.remaining -= 1;
        return Err(Fail::exact(TdxStatus::INTERRUPTED_RESUMABLE));
    }
    let hkids = std::mem::take(&mut session.hkids);
    call.st.g.wb[slot] = None;
    for hkid in hkids {
        if let Some(k) = call.st.g.kot.get_mut(&hkid) {
            k.wbinvd_pending &= !(1u64 << pkg);
        }
    }
    SUCCESS
}

pub(super) fn tdh_phymem_page_rdmd(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let hpa = call.cpu.rcx;
    if !hpa.is_multiple_of(PAGE_4K) || !physical(call, hpa) {
        return Err(invalid(op::RCX));
    }
    let Some(info) = call.st.pamt.info(hpa) else {
        return Err(invalid(op::RCX));
    };
    call.lock(LockKey::Page(info.hpa.as_u64()), Mode::Shared, op::RCX)?;
    call.cpu.rcx = info.page_type.code();
    call.cpu.rdx = info.owner.map_or(0, |tdr| tdr.as_u64());
    call.cpu.r8 = u64::from(info.size.code());
    SUCCESS
}

pub(super) fn tdh_phymem_page_reclaim(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let hpa = call.cpu.rcx;
    call.cpu.rcx = 0;
    call.cpu.rdx = 0;
    call.cpu.r8 = 0;
    if !hpa.is_multiple_of(PAGE_4K) || !physical(call, hpa) {
        return Err(invalid(op::RCX));
    }
    match call.st.pamt.coverage(hpa, PAGE_4K) {
        Coverage::Outside => return Err(invalid(op::RCX)),
        Coverage::Reserved => return Err(metadata_incorrect(op::RCX)),
        Coverage::Uninitialized | Coverage::Usable => {}
    }
    let Some((base, entry)) = call.st.pamt.lookup(hpa) else {
        return Err(metadata_incorrect(op::RCX));
    };
    call.lock(LockKey::Page(base), Mode::Exclusive, op::RCX)?;
    call.cpu.rcx = entry.page_type.code();
    call.cpu.rdx = entry.owner;
    call.cpu.r8 = u64::from(entry.size.code());
    if base != hpa {
        return Err(invalid(op::RCX));
    }
    let tdr = entry.owner;
    if entry.page_type == PamtType::Tdr {
        let td = td(call, tdr, op::RCX)?;
        if td.lifecycle != Lifecycle::Teardown {
            return Err(key_state(op::RCX));
        }
        if td.child_count != 0 {
            return Err(invalid(op::RCX));
        }
        call.st.tds.remove(&tdr);
        call.st.pamt.release(hpa);
        return SUCCESS;
    }
    call.lock(LockKey::Page(tdr), Mode::Shared, op::TDR)?;
    if td(call, tdr, op::TDR)?.lifecycle != Lifecycle::Teardown {
        return Err(key_state(op::TDR));
    }
    call.st.pamt.release(hpa);
    let size = entry.size;
    let removed_vcpu = if entry.page_type == PamtType::Tdvpr {
        call.st.vcpus.remove(&hpa);
        // The guest code goes (from its own store: the platform state stays unlocked).
        call.guests.take(hpa);
        true
    } else {
        false
    };
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::TDR))?;
    td.child_count = td.child_count.saturating_sub(pages_4k(size));
    match entry.page_type {
        PamtType::Reg | PamtType::Ept => {
            if let Some((level, gpa)) = td.sept.find_hpa(hpa) {
                td.sept.remove(level, gpa);
                // Entries below a reclaimed Secure-EPT page are gone with it.
                if level > 0 {
                    let doomed: Vec<(u8, u64)> = td
                        .sept
                        .iter()
                        .filter(|&(&(l, g), _)| {
                            l < level && g >= gpa && g < gpa + level_bytes(level)
                        })
                        .map(|(&k, _)| k)
                        .collect();
                    for (l, g) in doomed {
                        td.sept.remove(l, g);
                    }
                }
            }
        }
        PamtType::Tdcx => {
            td.tdcs.retain(|&p| p != hpa);
            for v in td.vcpus.iter().copied().collect::<Vec<_>>() {
                if let Some(vcpu) = call.st.vcpus.get_mut(&v) {
                    vcpu.tdcx.retain(|&p| p != hpa);
                }
            }
        }
        _ => {}
    }
    if removed_vcpu {
        td.vcpus.remove(&hpa);
    }
    SUCCESS
}

pub(super) fn tdh_phymem_page_wbinvd(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let keyed = call.cpu.rcx;
    let phys_bits = call.cfg.phys_bits;
    let hpa = keyed & ((1u64 << phys_bits) - 1);
    let hkid = keyed >> phys_bits;
    if !hpa.is_multiple_of(PAGE_4K) || call.st.pamt.coverage(hpa, PAGE_4K) == Coverage::Outside {
        return Err(invalid(op::RCX));
    }
    if !u16::try_from(hkid).is_ok_and(|h| call.cfg.hkids.contains(&h)) {
        return Err(invalid(op::RCX));
    }
    call.lock(LockKey::Page(hpa), Mode::Shared, op::RCX)?;
    SUCCESS
}
