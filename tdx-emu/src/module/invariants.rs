//! The consistency checks of [`TdxModule::check_invariants`](super::TdxModule::check_invariants).

use std::collections::BTreeMap;
use tdx_core::PageSize;

use super::shared::guard;
use super::td::{Td, Vcpu};
use super::{Config, Inner, KotEntry, Lifecycle, PamtType, pamt, sept};

/// A copy of the whole state, taken TD by TD (consistent when no call is in flight, which is
/// when [`TdxModule::check_invariants`](super::TdxModule::check_invariants) is meant to run).
pub(super) struct Snapshot<'a> {
    tds: BTreeMap<u64, Td>,
    vcpus: BTreeMap<u64, Vcpu>,
    kot: BTreeMap<u16, KotEntry>,
    pamt: &'a pamt::Pamt,
    locks: &'a super::LockTable,
}

impl<'a> Snapshot<'a> {
    pub(super) fn take(inner: &'a Inner) -> Self {
        let mut tds = BTreeMap::new();
        let mut vcpus = BTreeMap::new();
        for (tdr, shard) in inner.tds.all() {
            let state = guard(&shard);
            if !state.dead {
                tds.insert(tdr, state.td.clone());
                vcpus.extend(state.vcpus.iter().map(|(&k, v)| (k, v.clone())));
            }
        }
        let kot = guard(&inner.global).kot.clone();
        Snapshot {
            tds,
            vcpus,
            kot,
            pamt: &inner.pamt,
            locks: &inner.locks,
        }
    }
}

/// The consistency checks of [`TdxModule::check_invariants`](super::TdxModule::check_invariants).
pub(super) fn check(st: &Snapshot<'_>, cfg: &Config) -> Result<(), String> {
    use pamt::{PAGE_1G, PAGE_2M};
    if st.locks.any_held() {
        return Err("a module lock is still held".into());
    }
    let mut owned: BTreeMap<u64, u64> = BTreeMap::new();
    let entries: Vec<(u64, pamt::Entry)> = st.pamt.entries().collect();
    for &(hpa, e) in &entries {
        let bytes = e.size.bytes();
        if !hpa.is_multiple_of(bytes) {
            return Err(format!("PAMT: {hpa:#x} misaligned for {}", e.size));
        }
        if e.size != PageSize::Size4K {
            let inner = entries
                .iter()
                .filter(|(other, _)| *other > hpa && *other < hpa + bytes)
                .count();
            if inner != 0 {
                return Err(format!("PAMT: page inside {hpa:#x} has two owners"));
            }
        }
        for (align, size) in [(PAGE_2M, PageSize::Size2M), (PAGE_1G, PageSize::Size1G)] {
            let base = hpa & !(align - 1);
            if base != hpa
                && size > e.size
                && entries.iter().any(|&(b, o)| b == base && o.size == size)
            {
                return Err(format!("PAMT: {hpa:#x} also inside a {size} page"));
            }
        }
        match e.page_type {
            PamtType::Tdr => {
                if e.owner != hpa || !st.tds.contains_key(&hpa) {
                    return Err(format!("PAMT: TDR {hpa:#x} without a TD"));
                }
            }
            PamtType::Nda | PamtType::Rsvd => {
                return Err(format!("PAMT: {hpa:#x} stored as {}", e.page_type));
            }
            _ => {
                if !st.tds.contains_key(&e.owner) {
                    return Err(format!(
                        "PAMT: {hpa:#x} ({}) owned by missing TD {:#x}",
                        e.page_type, e.owner
                    ));
                }
                *owned.entry(e.owner).or_default() += bytes / 4096;
            }
        }
    }
    for (&tdr, td) in &st.tds {
        if td.tdr != tdr {
            return Err(format!("TD {tdr:#x} filed under the wrong TDR"));
        }
        let count = owned.get(&tdr).copied().unwrap_or(0);
        if count != td.child_count {
            return Err(format!(
                "TD {tdr:#x}: child count {} but {count} pages owned",
                td.child_count
            ));
        }
        td.sept.check().map_err(|e| format!("TD {tdr:#x}: {e}"))?;
        let live = td.lifecycle != Lifecycle::Teardown;
        for (&(level, gpa), entry) in td.sept.iter() {
            let (page, want, size) = match *entry {
                sept::Entry::Leaf { hpa, .. } => (
                    hpa,
                    PamtType::Reg,
                    match level {
                        0 => PageSize::Size4K,
                        1 => PageSize::Size2M,
                        _ => PageSize::Size1G,
                    },
                ),
                sept::Entry::NonLeaf { page, .. } => (page, PamtType::Ept, PageSize::Size4K),
            };
            match st.pamt.lookup(page) {
                Some((base, e))
                    if base == page && e.page_type == want && e.owner == tdr && e.size == size => {}
                other => {
                    return Err(format!(
                        "TD {tdr:#x}: SEPT level {level} GPA {gpa:#x} maps {page:#x} but PAMT says {other:?}"
                    ));
                }
            }
        }
        if live {
            if st.kot.get(&td.hkid).map(|k| k.tdr) != Some(tdr) {
                return Err(format!("TD {tdr:#x}: HKID {} not owned by it", td.hkid));
            }
            if td.tdcs.len() > cfg.tdcx_per_td() {
                return Err(format!("TD {tdr:#x}: too many TDCS pages"));
            }
        }
        for &v in &td.vcpus {
            match st.vcpus.get(&v) {
                Some(vcpu) if vcpu.tdr == tdr => {}
                _ => return Err(format!("TD {tdr:#x}: vCPU {v:#x} missing")),
            }
        }
    }
    for &(hpa, e) in &entries {
        let Some(td) = st.tds.get(&e.owner) else {
            continue;
        };
        let live = td.lifecycle != Lifecycle::Teardown;
        match e.page_type {
            PamtType::Reg | PamtType::Ept if live && td.sept.find_hpa(hpa).is_none() => {
                return Err(format!(
                    "PAMT: {hpa:#x} ({}) of TD {:#x} not in its SEPT",
                    e.page_type, e.owner
                ));
            }
            PamtType::Tdcx => {
                let in_td = td.tdcs.contains(&hpa);
                let in_vcpu = td
                    .vcpus
                    .iter()
                    .filter_map(|v| st.vcpus.get(v))
                    .filter(|v| v.tdcx.contains(&hpa))
                    .count();
                if usize::from(in_td) + in_vcpu > 1 || (live && !in_td && in_vcpu == 0) {
                    return Err(format!("PAMT: TDCX page {hpa:#x} not where its TD says"));
                }
            }
            PamtType::Tdvpr if st.vcpus.get(&hpa).map(|v| v.tdr) != Some(e.owner) => {
                return Err(format!("PAMT: TDVPR {hpa:#x} without a vCPU"));
            }
            _ => {}
        }
    }
    for (&tdvpr, vcpu) in &st.vcpus {
        if vcpu.tdvpr != tdvpr {
            return Err(format!("vCPU {tdvpr:#x} filed under the wrong TDVPR"));
        }
        if st.pamt.lookup(tdvpr).map(|(_, e)| e.page_type) != Some(PamtType::Tdvpr) {
            return Err(format!("vCPU {tdvpr:#x}: TDVPR page not PT_TDVPR"));
        }
        if vcpu.running {
            return Err(format!("vCPU {tdvpr:#x}: still marked running"));
        }
    }
    for (&hkid, k) in &st.kot {
        if k.tdr != 0 && st.tds.get(&k.tdr).map(|t| t.hkid) != Some(hkid) {
            return Err(format!("KOT: HKID {hkid} owned by missing TD {:#x}", k.tdr));
        }
    }
    Ok(())
}
