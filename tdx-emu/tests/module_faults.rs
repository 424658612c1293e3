//! Fault injection drives the retry paths the macros emit, through the real instruction.

mod common;

use common::*;
use tdx_core::metadata_fields;
use tdx_core::{PageSize, SeptLevel, TdxStatus};
use tdx_emu::module::{
    Config, Fault, FaultKind, SeptState, SeptTable, TdParams, TdxModule, Trigger, leaf, operand,
};
use tdx_emu::{Instruction, thread_trap_count};

/// Traps this thread takes while `f` runs.
fn traps<R>(f: impl FnOnce() -> R) -> (R, u64) {
    let before = thread_trap_count();
    let result = f();
    (result, thread_trap_count() - before)
}

#[test]
fn the_default_entropy_retry_sees_ten_traps() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let id = m.inject(Fault::seamcall(leaf::TDH_MNG_RD, FaultKind::NoEntropy));
        let field = metadata_fields::td::HKID;
        // SAFETY: see the `common` module docs.
        let (result, count) = traps(|| unsafe { raw::tdh_mng_rd(td.tdr, field) });
        assert_eq!(count, 10, "one call and nine retries, as Linux's sc_retry");
        assert_eq!(err(result), TdxStatus::RND_NO_ENTROPY);
        assert_eq!(m.fault_hits(id), Some(10));
        assert!(m.remove_fault(id));

        // Entropy that comes back on the 4th try: the wrapper succeeds, the call happened once.
        m.inject(Fault::seamcall(leaf::TDH_MNG_RD, FaultKind::NoEntropy).when(Trigger::FirstN(3)));
        // SAFETY: see the `common` module docs.
        let (result, count) = traps(|| unsafe { raw::tdh_mng_rd(td.tdr, field) });
        assert_eq!((result.map(|o| o.value), count), (Ok(u64::from(HKID)), 4));
        m.clear_faults();
    });
}

#[test]
fn a_busy_retry_of_two_sees_three_traps() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        map_sept(&m, &td, 0);
        let page = m.alloc_page();
        let gpa = sept_gpa(0x20_0000, SeptLevel::Level2M);
        m.inject(Fault::seamcall(
            leaf::TDH_MEM_SEPT_ADD,
            FaultKind::Busy {
                operand: operand::SEPT,
            },
        ));
        // SAFETY: see the `common` module docs.
        let (result, count) = traps(|| unsafe { raw::tdh_mem_sept_add_busy2(gpa, td.tdr, page) });
        assert_eq!(count, 3, "one call and two busy retries");
        assert_eq!(err(result), st(TdxStatus::OPERAND_BUSY, operand::SEPT));
        // Nothing happened to the model: the page is still free.
        assert_eq!(m.page(page.hpa()).map(|p| p.owner), Some(None));
        m.clear_faults();

        // Busy twice, then through: the retry succeeds on the third trap.
        m.inject(
            Fault::seamcall(leaf::TDH_MEM_SEPT_ADD, FaultKind::BUSY_RCX).when(Trigger::FirstN(2)),
        );
        // SAFETY: see the `common` module docs.
        let (result, count) = traps(|| unsafe { raw::tdh_mem_sept_add_busy2(gpa, td.tdr, page) });
        assert_eq!((result, count), (Ok(TdxStatus::SUCCESS), 3));
        let info = m.td(td.tdr).expect("TD");
        let table = SeptTable {
            level: gpa.level(),
            gpa: gpa.gpa(),
            page,
        };
        assert!(info.sept_pages.contains(&table), "{:?}", info.sept_pages);

        // Without opting in, busy is not retried.
        m.inject(Fault::seamcall(leaf::TDH_MEM_SEPT_ADD, FaultKind::BUSY_RCX));
        let other = m.alloc_page();
        // SAFETY: see the `common` module docs.
        let (result, count) = traps(|| unsafe {
            raw::tdh_mem_sept_add(sept_gpa(0x40_0000, SeptLevel::Level2M), td.tdr, other)
        });
        assert_eq!((err(result), count), (st(TdxStatus::OPERAND_BUSY, 1), 1));
    });
}

#[test]
fn vmfailinvalid_sets_cf_and_is_not_retried() {
    let m = module();
    m.run(|| {
        m.inject(Fault::new(
            Instruction::Seamcall,
            None,
            FaultKind::VmFailInvalid,
            Trigger::Nth(2),
        ));
        // SAFETY: see the `common` module docs.
        unsafe {
            raw::tdh_sys_init().expect("the first call goes through");
            let (result, count) = traps(|| raw::tdh_sys_lp_init());
            assert_eq!((err(result), count), (TdxStatus::SEAMCALL_VMFAILINVALID, 1));
            raw::tdh_sys_lp_init().expect("the third call goes through");
        }
        assert_eq!(m.faults_fired(), 1);
        let lp_init = m
            .call_counts()
            .into_iter()
            .find(|c| c.leaf == leaf::TDH_SYS_LP_INIT)
            .expect("counted");
        assert_eq!(
            (lp_init.name, lp_init.calls, lp_init.errors, lp_init.faults),
            (Some("TDH.SYS.LP.INIT"), 2, 1, 1)
        );
    });
}

#[test]
fn a_guest_retries_a_busy_accept_once() {
    let m = module();
    m.run(|| {
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
        m.inject(
            Fault::tdcall(
                leaf::TDG_MEM_PAGE_ACCEPT,
                FaultKind::Busy {
                    operand: operand::SEPT,
                },
            )
            .when(Trigger::Nth(1)),
        );
        m.as_guest(vp.tdvpr, || {
            // SAFETY: see the `common` module docs.
            let (result, count) = traps(|| unsafe {
                raw::tdg_mem_page_accept_busy1(accept_gpa(0x1000, PageSize::Size4K))
            });
            assert_eq!((result, count), (Ok(TdxStatus::SUCCESS), 2));
        });
        assert_eq!(
            m.sept_leaf(td.tdr, gpa(0x1000)).map(|l| l.state),
            Some(SeptState::Present)
        );
    });
}

#[test]
fn rates_are_deterministic_per_seed() {
    let run = |seed: u64| {
        let m = TdxModule::new(Config {
            seed,
            ..Config::default()
        });
        m.run(|| {
            bring_up(&m);
            m.inject(Fault::new(
                Instruction::Seamcall,
                Some(leaf::TDH_SYS_RD),
                FaultKind::Status(TdxStatus::OPERAND_BUSY.with_operand(operand::SYS)),
                Trigger::Rate {
                    per_million: 300_000,
                },
            ));
            (0..200)
                .map(|_| {
                    // SAFETY: see the `common` module docs.
                    unsafe { raw::tdh_sys_rd(metadata_fields::global::MAJOR_VERSION).is_err() }
                })
                .collect::<Vec<bool>>()
        })
    };
    let a = run(1);
    assert_eq!(a, run(1), "same seed, same faults");
    assert_ne!(a, run(2));
    let hits = a.iter().filter(|&&failed| failed).count();
    assert!((30..100).contains(&hits), "{hits} of 200 at 30%");
}
