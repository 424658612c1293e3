//! The leaves module 1.5 keeps for VMMs written against module 1.0, through the trap with the
//! catalog's wrappers (`tdx_calls::host`): TDH.SYS.LP.SHUTDOWN and TDH.MNG.KEY.RECLAIMID (no-ops
//! that return `TDX_SUCCESS`) and TDH.SYS.INFO (TDSYSINFO_STRUCT and the CMR_INFO array), each
//! as its intel/tdx-module@72d8cffb (1.5.01) handler and the dispatcher in front of it.

mod common;

use common::*;
use tdx_calls::TdxTd;
use tdx_calls::host::{tdh_mng_key_reclaimid, tdh_sys_lp_shutdown};
use tdx_core::metadata_fields::global;
use tdx_core::{Page, Tdr, TdxStatus};
use tdx_emu::module::{TdParams, operand as op};

fn sys_rd(field: tdx_core::FieldId) -> u64 {
    // SAFETY: see the `common` module docs.
    unsafe { raw::tdh_sys_rd(field) }.expect("SYS.RD").value
}

fn td_of(tdr: Page<Tdr>) -> TdxTd<'static> {
    TdxTd { tdr, tdcs: &[] }
}

#[test]
fn lp_shutdown_succeeds_in_every_platform_state_and_changes_nothing() {
    let m = module();
    m.run(|| {
        // SAFETY: see the `common` module docs.
        unsafe {
            // Before TDH.SYS.INIT, where every other leaf but the SYS ones is refused, and
            // without LP.INIT on this LP: the handler checks nothing.
            assert_eq!(tdh_sys_lp_shutdown(), Ok(TdxStatus::SUCCESS));
            bring_up(&m);
            assert_eq!(tdh_sys_lp_shutdown(), Ok(TdxStatus::SUCCESS));
            // A no-op: this LP is still initialized, so LP.INIT twice is still refused and
            // SYS.RD still answers.
            assert_eq!(
                err(raw::tdh_sys_lp_init()),
                st(TdxStatus::OPERAND_INVALID, op::SYS)
            );
            assert_eq!(sys_rd(global::MAJOR_VERSION), 1);
            // After TDH.SYS.SHUTDOWN it is the one leaf the dispatcher still runs.
            let hv = sys_rd(global::MODULE_HV);
            raw::tdh_sys_shutdown(hv).expect("SYS.SHUTDOWN");
            assert_eq!(tdh_sys_lp_shutdown(), Ok(TdxStatus::SUCCESS));
            assert_eq!(
                err(raw::tdh_sys_rd(global::MAJOR_VERSION)),
                st(TdxStatus::OPERAND_INVALID, op::SYS),
                "any other leaf after SYS.SHUTDOWN"
            );
        }
    });
    assert_eq!(m.calls(tdx_emu::Instruction::Seamcall, 44), 3);
}

#[test]
fn key_reclaimid_succeeds_whatever_rcx_once_the_platform_is_ready() {
    let m = module();
    m.run(|| {
        // SAFETY: see the `common` module docs.
        unsafe {
            let page: Page<Tdr> = m.alloc_page();
            // Not one of the leaves the dispatcher runs before SYS_READY.
            raw::tdh_sys_init().expect("SYS.INIT");
            raw::tdh_sys_lp_init().expect("LP.INIT");
            assert_eq!(
                err(tdh_mng_key_reclaimid(&td_of(page))),
                st(TdxStatus::OPERAND_INVALID, op::SYS)
            );
        }
    });
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let before = m.td(td.tdr).expect("the TD");
        // SAFETY: see the `common` module docs.
        unsafe {
            // A TD's TDR, a free page, a page outside every TDMR: RCX is not looked at.
            assert_eq!(
                tdh_mng_key_reclaimid(&td_of(td.tdr)),
                Ok(TdxStatus::SUCCESS)
            );
            let free: Page<Tdr> = m.alloc_page();
            assert_eq!(tdh_mng_key_reclaimid(&td_of(free)), Ok(TdxStatus::SUCCESS));
            assert_eq!(
                tdh_mng_key_reclaimid(&td_of(as_page(0x1000))),
                Ok(TdxStatus::SUCCESS)
            );
        }
        // Nothing changed: the TD keeps its key and state, the free page stays free.
        let after = m.td(td.tdr).expect("the TD");
        assert_eq!(
            (after.hkid, after.lifecycle, after.op_state),
            (before.hkid, before.lifecycle, before.op_state)
        );
    });
    // A thread without LP.INIT on a ready platform: still TDX_SUCCESS (no LP check).
    std::thread::scope(|scope| {
        scope.spawn(|| {
            m.run(|| {
                // SAFETY: see the `common` module docs.
                let reclaimed = unsafe { tdh_mng_key_reclaimid(&td_of(as_page(0x1000))) };
                assert_eq!(reclaimed, Ok(TdxStatus::SUCCESS));
            })
        });
    });
}
