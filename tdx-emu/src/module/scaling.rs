//! Calls on independent TDs share no lock word but the module's own: the test behind the
//! throughput benchmark's scaling (`benches/throughput.rs`, `docs/emulator.md`, Concurrency).
//!
//! Every mutex, read-write lock and lock word the model writes records its cache line in tests
//! ([`touched`](super::shared::touched)). Two threads each drive their own TD with the
//! benchmark's workload; the lines both wrote must be the PAMT 2 MiB / 1 GiB entry locks above
//! their pages, which the module's PAMT walk takes shared on hardware too (`pamt_walk`,
//! intel/tdx-module `src/common/memory_handlers/pamt_manager.c`@72d8cffb).

use std::collections::BTreeSet;

use tdx_core::ModuleArgs;
use tdx_core::metadata_fields;

use super::locks::LockKey;
use super::pamt::{PAGE_1G, PAGE_2M};
use super::shared::TOUCHED;
use super::{Config, TdParams, TdxModule, leaf};

struct Td {
    tdr: u64,
    tdvpr: u64,
    page: u64,
}

fn ok(m: &TdxModule, rax: u64, rcx: u64, rdx: u64, r8: u64) {
    let mut args = ModuleArgs {
        rcx,
        rdx,
        r8,
        ..ModuleArgs::default()
    };
    let done = m.seamcall(rax, &mut args);
    assert!(
        !done.cf && !done.status.is_error(),
        "leaf {rax:#x}: {:?}",
        done.status
    );
}

fn build_td(m: &TdxModule, hkid: u16) -> Td {
    let tdr = m.alloc_page::<tdx_core::Tdr>().as_u64();
    ok(m, leaf::TDH_MNG_CREATE, tdr, u64::from(hkid), 0);
    ok(m, leaf::TDH_MNG_KEY_CONFIG, tdr, 0, 0);
    for _ in 0..m.config().tdcx_per_td() {
        ok(
            m,
            leaf::TDH_MNG_ADDCX,
            m.alloc_page::<tdx_core::Tdcs>().as_u64(),
            tdr,
            0,
        );
    }
    let params = m.alloc_page::<tdx_core::Guest>();
    m.write_memory(params.hpa(), &TdParams::default().to_bytes());
    let params = params.as_u64();
    ok(m, leaf::TDH_MNG_INIT, tdr, params, 0);
    let tdvpr = m.alloc_page::<tdx_core::Tdvpr>().as_u64();
    ok(m, leaf::TDH_VP_CREATE, tdvpr, tdr, 0);
    for _ in 0..m.config().tdcx_per_vcpu() {
        ok(
            m,
            leaf::TDH_VP_ADDCX,
            m.alloc_page::<tdx_core::Tdcx>().as_u64(),
            tdvpr,
            0,
        );
    }
    ok(m, leaf::TDH_VP_INIT | (1 << 16), tdvpr, 0, 0);
    for level in (1..=3u64).rev() {
        ok(
            m,
            leaf::TDH_MEM_SEPT_ADD,
            level,
            tdr,
            m.alloc_page::<tdx_core::Sept>().as_u64(),
        );
    }
    ok(m, leaf::TDH_MR_FINALIZE, tdr, 0, 0);
    ok(m, leaf::TDH_VP_FLUSH, tdvpr, 0, 0);
    let page = m.alloc_page::<tdx_core::Guest>().as_u64();
    Td { tdr, tdvpr, page }
}

/// The benchmark's round, on a thread of its own (its own LP): the cache lines it wrote.
fn lines_of_a_run(m: &TdxModule, td: &Td) -> BTreeSet<usize> {
    std::thread::scope(|s| {
        s.spawn(|| {
            m.lp_init().expect("LP.INIT");
            TOUCHED.with_borrow_mut(BTreeSet::clear);
            for _ in 0..3 {
                ok(
                    m,
                    leaf::TDH_MNG_RD,
                    td.tdr,
                    metadata_fields::td::HKID.raw(),
                    0,
                );
                ok(
                    m,
                    leaf::TDH_VP_RD,
                    td.tdvpr,
                    metadata_fields::vmcs::POSTED_INTERRUPT_NOTIFICATION_VECTOR.raw(),
                    0,
                );
                ok(m, leaf::TDH_VP_ENTER, td.tdvpr, 0, 0);
                ok(m, leaf::TDH_MEM_PAGE_AUG, 0, td.tdr, td.page);
                ok(m, leaf::TDH_MEM_RANGE_BLOCK, 0, td.tdr, 0);
                ok(m, leaf::TDH_MEM_TRACK, td.tdr, 0, 0);
                ok(m, leaf::TDH_MEM_PAGE_REMOVE, 0, td.tdr, 0);
            }
            let lines = TOUCHED.take();
            ok(m, leaf::TDH_VP_FLUSH, td.tdvpr, 0, 0);
            lines
        })
        .join()
        .expect("the workload")
    })
}

#[test]
fn independent_tds_share_only_the_pamt_range_locks() {
    let m = TdxModule::new(Config::default());
    m.bring_up().expect("platform");
    let tds = [build_td(&m, 33), build_td(&m, 34)];
    let [one, two] = [&tds[0], &tds[1]].map(|td| lines_of_a_run(&m, td));
    // The PAMT range locks above both TDs' guest pages: the module shares these.
    let range_lines: BTreeSet<usize> = tds
        .iter()
        .flat_map(|td| {
            [
                LockKey::Pamt2M(td.page & !(PAGE_2M - 1)),
                LockKey::Pamt1G(td.page & !(PAGE_1G - 1)),
            ]
        })
        .map(|key| {
            let word = m.inner.locks.range_word(&key).expect("inside the TDMR");
            word as usize / 64
        })
        .collect();
    assert!(
        one.len() > range_lines.len(),
        "the run wrote its own locks: {one:?}"
    );
    let common: BTreeSet<usize> = one.intersection(&two).copied().collect();
    assert!(
        common.is_subset(&range_lines),
        "lines written by both TDs' calls, beyond the PAMT range locks: {:?}",
        common.difference(&range_lines).collect::<Vec<_>>()
    );
    // The platform-wide state (KOT, allocator) is not locked on this path at all.
    let global = std::ptr::from_ref(&m.inner.global) as usize / 64;
    assert!(!one.contains(&global) && !two.contains(&global));
}
