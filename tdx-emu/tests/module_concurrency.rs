//! Several threads on one module: contention gives TDX_OPERAND_BUSY with the operand ID of
//! what was busy, never a corrupt state.

mod common;

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use tdx_core::metadata_fields;
use tdx_core::{Hkid, ModuleArgs, Page, PageSize, SeptLevel, Tdr, TdxError, TdxStatus};
use tdx_emu::module::{Config, GuestContext, SeptState, TdParams, TdxModule, VmExit};

/// Busy statuses seen, by operand ID.
type BusyLog = Arc<Mutex<BTreeMap<u32, u64>>>;

/// Calls `f` until it is not `TDX_OPERAND_BUSY`, logging each busy operand.
fn until_not_busy<T>(
    log: &BusyLog,
    mut f: impl FnMut() -> Result<T, TdxError>,
) -> Result<T, TdxError> {
    loop {
        match f() {
            Err(e) if e.is_busy() => {
                *log.lock()
                    .expect("log")
                    .entry(e.status().operand())
                    .or_default() += 1;
                std::thread::yield_now();
            }
            other => return other,
        }
    }
}

fn contended_module() -> TdxModule {
    TdxModule::new(Config {
        lock_hold: Duration::from_micros(50),
        ..Config::default()
    })
}

#[test]
fn threads_hammering_one_td_get_busy_but_never_corrupt_it() {
    let m = contended_module();
    let (td, vp) = m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let vp = create_vcpu(&m, &td, 0);
        map_sept(&m, &td, 0);
        // SAFETY: see the `common` module docs.
        unsafe {
            raw::tdh_mr_finalize(td.tdr).expect("MR.FINALIZE");
            raw::tdh_mem_page_aug(sept_gpa(0x1000, SeptLevel::Level4K), td.tdr, m.alloc_page())
                .expect("AUG");
        }
        (td, vp)
    });
    let tdr = td.tdr;
    let busy: BusyLog = Arc::default();
    const THREADS: u64 = 4;
    const PAGES: u64 = 12;
    std::thread::scope(|scope| {
        for t in 0..THREADS {
            let (m, busy) = (&m, &busy);
            scope.spawn(move || {
                m.run(|| {
                    // SAFETY: see the `common` module docs.
                    unsafe {
                        raw::tdh_sys_lp_init().expect("LP.INIT");
                        let base = (t + 1) * (2 << 20);
                        let sept_page = m.alloc_page();
                        until_not_busy(busy, || {
                            raw::tdh_mem_sept_add_level(base | 1, tdr, sept_page)
                        })
                        .expect("SEPT.ADD");
                        for k in 0..PAGES {
                            let page = m.alloc_page();
                            let gpa = sept_gpa(base + k * 4096, SeptLevel::Level4K);
                            until_not_busy(busy, || raw::tdh_mem_page_aug(gpa, tdr, page))
                                .expect("AUG");
                            let hkid = metadata_fields::td::HKID;
                            let read = until_not_busy(busy, || raw::tdh_mng_rd(tdr, hkid));
                            assert_eq!(read.map(|o| o.value), Ok(u64::from(HKID)));
                            // KEY.CONFIG takes the TDR exclusively (and is a no-op by now).
                            let config = until_not_busy(busy, || raw::tdh_mng_key_config(tdr));
                            assert_eq!(config, Ok(TdxStatus::KEY_CONFIGURED));
                            until_not_busy(busy, || raw::tdh_mem_track(tdr)).expect("TRACK");
                        }
                        for k in 0..PAGES / 2 {
                            let gpa = sept_gpa(base + k * 4096, SeptLevel::Level4K);
                            until_not_busy(busy, || raw::tdh_mem_range_block(gpa, tdr))
                                .expect("BLOCK");
                            until_not_busy(busy, || raw::tdh_mem_track(tdr)).expect("TRACK");
                            until_not_busy(busy, || raw::tdh_mem_page_remove(gpa, tdr))
                                .expect("REMOVE");
                        }
                    }
                })
            });
        }
        // A guest thread accepting (again and again) while the host works: the guest side
        // takes the Secure-EPT tree exclusively.
        let (m, busy) = (&m, &busy);
        let tdvpr = vp.tdvpr;
        scope.spawn(move || {
            m.run(|| {
                m.as_guest(tdvpr, || {
                    for _ in 0..200 {
                        let accept = accept_gpa(0x1000, PageSize::Size4K);
                        // SAFETY: see the `common` module docs.
                        let status =
                            until_not_busy(busy, || unsafe { raw::tdg_mem_page_accept(accept) });
                        assert!(status.is_ok(), "{status:?}");
                    }
                })
            })
        });
    });
    m.check_invariants().expect("consistent after the storm");
    let info = m.td(tdr).expect("TD");
    let pending = info
        .leaves
        .iter()
        .filter(|l| l.state == SeptState::Pending)
        .count() as u64;
    assert_eq!(
        pending,
        THREADS * PAGES / 2,
        "each thread's AUGs minus its REMOVEs"
    );
    let busy = busy.lock().expect("log");
    let total: u64 = busy.values().sum();
    assert!(total > 0, "contention produced no TDX_OPERAND_BUSY");
    for operand in busy.keys() {
        assert!(
            [op::RCX, op::RDX, op::TDR, op::SEPT, op::TD_EPOCH].contains(operand),
            "unexpected busy operand {operand:#x} in {busy:?}"
        );
    }
    eprintln!("busy by operand: {busy:x?}");
}

#[test]
fn concurrent_td_creation_contends_for_the_kot() {
    let m = contended_module();
    m.run(|| bring_up(&m));
    let busy: BusyLog = Arc::default();
    std::thread::scope(|scope| {
        for t in 0..4u16 {
            let (m, busy) = (&m, &busy);
            scope.spawn(move || {
                m.run(|| {
                    // SAFETY: see the `common` module docs.
                    unsafe {
                        raw::tdh_sys_lp_init().expect("LP.INIT");
                        for i in 0..3u16 {
                            let tdr: Page<Tdr> = m.alloc_page();
                            let hkid = Hkid::new(40 + t * 3 + i);
                            until_not_busy(busy, || raw::tdh_mng_create(tdr, hkid))
                                .expect("MNG.CREATE");
                        }
                    }
                })
            });
        }
    });
    assert_eq!(m.tds().len(), 12);
    m.check_invariants().expect("consistent");
    let busy = busy.lock().expect("log");
    assert!(
        busy.keys().all(|&o| o == op::KOT || o == op::RCX),
        "{busy:?}"
    );
}

#[test]
fn mem_track_waits_for_vcpus_still_in_the_previous_epoch() {
    let m = module();
    let (entered_tx, entered_rx) = mpsc::channel::<()>();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let vp = create_vcpu(&m, &td, 0);
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mr_finalize(td.tdr) }.expect("MR.FINALIZE");
        let tdvpr = vp.tdvpr;
        m.set_guest(tdvpr, move |_ctx: &mut GuestContext<'_>| {
            let _ = entered_tx.send(());
            // Keep running until the other thread is done (or give up, not to hang a test).
            let _ = release_rx.recv_timeout(Duration::from_secs(10));
            VmExit::hlt()
        });
        let tdr = td.tdr;
        std::thread::scope(|scope| {
            let m = &m;
            let host = scope.spawn(move || {
                let _ = entered_rx.recv_timeout(Duration::from_secs(10));
                m.run(|| {
                    // SAFETY: see the `common` module docs.
                    unsafe {
                        raw::tdh_sys_lp_init().expect("LP.INIT");
                        raw::tdh_mem_track(tdr).expect("the first TRACK moves the epoch on");
                        let second = raw::tdh_mem_track(tdr);
                        let mut args = ModuleArgs {
                            rcx: tdvpr.as_u64(),
                            ..ModuleArgs::default()
                        };
                        let enter = raw::tdh_vp_enter(&mut args);
                        let _ = release_tx.send(());
                        (second, enter)
                    }
                })
            });
            let mut args = ModuleArgs {
                rcx: tdvpr.as_u64(),
                ..ModuleArgs::default()
            };
            // SAFETY: see the `common` module docs; `args` is live.
            let exit = unsafe { raw::tdh_vp_enter(&mut args) };
            assert_eq!(exit.map(|s| s.raw()), Ok(77));
            let (second, enter) = host.join().expect("host thread");
            assert_eq!(
                err(second),
                TdxStatus::PREVIOUS_TLB_EPOCH_BUSY,
                "the vCPU entered in the previous epoch is still running"
            );
            assert_eq!(
                err(enter),
                st(TdxStatus::OPERAND_BUSY, op::RCX),
                "the vCPU is running on another LP"
            );
        });
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mem_track(tdr) }.expect("the vCPU has exited");
        assert_eq!(m.td(tdr).map(|t| t.epoch), Some(2));
    });
}

#[test]
fn a_global_module_answers_every_thread() {
    // The process-wide handler: threads without `run` reach it. Only this test installs one
    // (each test binary is its own process).
    let m = module();
    m.install_global().expect("install");
    let hkid_count = std::thread::scope(|scope| {
        let first = scope.spawn(|| bring_up(&m));
        first.join().expect("bring-up thread");
        let handles: Vec<_> = (0..3)
            .map(|_| {
                scope.spawn(|| {
                    // SAFETY: see the `common` module docs.
                    unsafe { raw::tdh_sys_lp_init() }.expect("LP.INIT on this thread")
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).count()
    });
    assert_eq!(hkid_count, 3);
    let _ = tdx_emu::clear_global_handler();
}
