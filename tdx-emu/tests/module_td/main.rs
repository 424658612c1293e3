//! TD and vCPU lifecycle, Secure EPT, measurement and teardown through the trap: the success
//! path of every leaf, and the failure paths with their statuses and operand IDs.

#[path = "../common/mod.rs"]
mod common;
mod creation;
mod sept;

use std::sync::{Arc, Mutex};

/// The module's metadata statuses (intel/tdx-module@72d8cffb `tdx_error_codes_defs.h`).
const METADATA_FIELD_ID_INCORRECT: TdxStatus = TdxStatus::from_raw(0xC000_0C00_0000_0000);
const METADATA_FIELD_NOT_WRITABLE: TdxStatus = TdxStatus::from_raw(0xC000_0C01_0000_0000);
const METADATA_FIELD_VALUE_NOT_VALID: TdxStatus = TdxStatus::from_raw(0xC000_0C03_0000_0000);

use common::*;
use tdx_core::metadata_fields;
use tdx_core::{
    FieldId, Guest, Hkid, KeyedHpa, ModuleArgs, Page, PageSize, SeptLevel, Tdcs, Tdr, Tdvpr,
    TdxStatus,
};
use tdx_emu::module::{
    GuestContext, Lifecycle, MrtdBuilder, OpState, PamtType, SeptState, TdParams, VmExit, leaf,
};

/// SEPT error details: (RCX entry, RDX level_state) of a failed SEPT call.
fn sept_details(error: &tdx_core::TdxError) -> (u64, u64) {
    (error.reg_at(1).unwrap_or(!0), error.reg_at(2).unwrap_or(!0))
}

#[test]
fn a_td_from_scratch_to_reclaim() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let tdr = td.tdr;
        assert_eq!(td.tdcs.len(), 4, "TDCS_BASE_SIZE / 4 KiB");
        let info = m.td(tdr).expect("TD");
        assert_eq!(
            (info.lifecycle, info.op_state, info.gpaw),
            (Lifecycle::KeysConfigured, OpState::Initialized, 48)
        );
        let vp = create_vcpu(&m, &td, 7);
        assert_eq!(vp.tdcx.len(), 5, "TDVPS_BASE_SIZE / 4 KiB - 1");
        assert_eq!(m.vcpu(vp.tdvpr).map(|v| v.x2apic_id), Some(Some(7)));

        // Initial contents, measured: PAGE.ADD copies the source, MR.EXTEND hashes 256 bytes
        // at a time.
        let gpa0 = 0x10_0000;
        let sept_pages = map_sept(&m, &td, gpa0);
        assert_eq!(
            sept_pages.len(),
            3,
            "levels 3, 2 and 1 under a 4-level root"
        );
        let source: Page<Guest> = m.alloc_page();
        let contents: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
        m.write_memory(source.hpa(), &contents);
        let target: Page<Guest> = m.alloc_page();
        let mut expected = MrtdBuilder::new();
        // SAFETY: see the `common` module docs.
        unsafe {
            raw::tdh_mem_page_add(gpa(gpa0), td.tdr, target, source.hpa()).expect("PAGE.ADD");
            expected.page_add(gpa0);
            for chunk in 0..16u64 {
                raw::tdh_mr_extend(gpa(gpa0 + chunk * 256), td.tdr).expect("MR.EXTEND");
                let mut bytes = [0u8; 256];
                bytes.copy_from_slice(&contents[chunk as usize * 256..][..256]);
                expected.mr_extend(gpa0 + chunk * 256, &bytes);
            }
            assert_eq!(m.read_memory(target.hpa(), 4096), contents, "copied");
            raw::tdh_mr_finalize(td.tdr).expect("MR.FINALIZE");
        }
        assert_eq!(m.mrtd(tdr), Some(expected.finish()));
        assert_eq!(m.td(tdr).map(|t| t.op_state), Some(OpState::Runnable));

        // A page added at run time: AUG (pending), accepted by the guest inside VP.ENTER.
        let gpa1 = 0x10_1000;
        let aug: Page<Guest> = m.alloc_page();
        // SAFETY: see the `common` module docs.
        unsafe {
            raw::tdh_mem_page_aug(sept_gpa(gpa1, SeptLevel::Level4K), td.tdr, aug)
                .expect("PAGE.AUG");
        }
        assert_eq!(
            m.sept_leaf(tdr, gpa(gpa1)).map(|l| l.state),
            Some(SeptState::Pending)
        );

        // The guest: on its first entry it accepts the page and asks for CPUID through
        // TDG.VP.VMCALL; on the second it checks the answer and halts; then it faults.
        let log = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&log);
        m.set_guest(vp.tdvpr, move |ctx: &mut GuestContext<'_>| {
            match ctx.entry() {
                1 => {
                    let mut args = ModuleArgs {
                        rcx: gpa1,
                        ..ModuleArgs::default()
                    };
                    let accepted = ctx.tdcall(leaf::TDG_MEM_PAGE_ACCEPT, &mut args);
                    seen.lock().expect("log").push(("accept", accepted.raw()));
                    VmExit::tdvmcall(10, &[0x4000_0000, 0])
                }
                2 => {
                    let status = ctx.vmcall_status();
                    seen.lock().expect("log").push(("cpuid r10", status.raw()));
                    seen.lock().expect("log").push(("cpuid eax", ctx.gpr(12)));
                    VmExit::hlt()
                }
                _ => VmExit::ept_violation(gpa(0x30_0000), 0x181),
            }
        });
        let tdvpr = vp.tdvpr;
        let mut args = ModuleArgs {
            rcx: tdvpr.as_u64(),
            ..ModuleArgs::default()
        };
        // SAFETY: see the `common` module docs; `args` is live.
        unsafe {
            let exit = raw::tdh_vp_enter(&mut args).expect("VP.ENTER");
            assert_eq!(exit.raw(), 77, "TDX_SUCCESS with exit reason 77 (TDCALL)");
            assert_eq!((args.rcx, args.r10, args.r11), (0xFC00, 0, 10));
            assert_eq!((args.r12, args.r13), (0x4000_0000, 0));
            // The host (the VMM) answers the CPUID and re-enters.
            args = ModuleArgs {
                rcx: tdvpr.as_u64(),
                r10: 0,
                r12: 0x4000_0001,
                r13: 0x1111,
                r14: 0x2222,
                r15: 0x3333,
                ..ModuleArgs::default()
            };
            let exit = raw::tdh_vp_enter(&mut args).expect("VP.ENTER");
            assert_eq!((exit.raw(), args.r11, args.r12), (77, 12, 0), "HLT");
            args = ModuleArgs {
                rcx: tdvpr.as_u64(),
                ..ModuleArgs::default()
            };
            let exit = raw::tdh_vp_enter(&mut args).expect("VP.ENTER");
            assert_eq!(exit.raw(), 48, "EPT violation");
            assert_eq!((args.rcx, args.r8), (0x181, 0x30_0000));
        }
        assert_eq!(
            log.lock().expect("log").as_slice(),
            &[("accept", 0), ("cpuid r10", 0), ("cpuid eax", 0x4000_0001)]
        );
        assert_eq!(
            m.sept_leaf(tdr, gpa(gpa1)).map(|l| l.state),
            Some(SeptState::Present)
        );

        // Take the page away from the running TD: BLOCK, TRACK, REMOVE.
        // SAFETY: see the `common` module docs.
        unsafe {
            let packed = sept_gpa(gpa1, SeptLevel::Level4K);
            raw::tdh_mem_range_block(packed, td.tdr).expect("RANGE.BLOCK");
            raw::tdh_mem_track(td.tdr).expect("MEM.TRACK");
            raw::tdh_mem_page_remove(packed, td.tdr).expect("PAGE.REMOVE");
            let keyed =
                KeyedHpa::new(aug.hpa(), Hkid::new(HKID), m.config().phys_bits).expect("keyed");
            raw::tdh_phymem_page_wbinvd(keyed).expect("WBINVD");
        }
        assert_eq!(m.page(aug.hpa()).map(|p| p.page_type), Some(PamtType::Nda));
        m.check_invariants().expect("consistent");

        let wb_calls = teardown(&m, &td, &[vp]);
        assert_eq!(wb_calls, 3, "two INTERRUPTED_RESUMABLE, then success");
    });
    assert!(m.leaked_pages().is_empty(), "{:?}", m.leaked_pages());
    assert!(m.tds().is_empty());
    m.check_invariants().expect("consistent");
}

#[test]
fn teardown_happens_in_order() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let vp = create_vcpu(&m, &td, 0);
        map_sept(&m, &td, 0);
        let source = m.alloc_page::<Guest>().hpa();
        // SAFETY: see the `common` module docs.
        unsafe {
            raw::tdh_mem_page_add(gpa(0), td.tdr, m.alloc_page(), source).expect("PAGE.ADD");
            raw::tdh_mr_finalize(td.tdr).expect("MR.FINALIZE");
            let mut args = ModuleArgs {
                rcx: vp.tdvpr.as_u64(),
                ..ModuleArgs::default()
            };
            assert_eq!(
                raw::tdh_vp_enter(&mut args).map(|s| s.raw()),
                Ok(77),
                "idle: HLT"
            );
            assert_eq!(
                err(raw::tdh_phymem_page_reclaim(td.tdcs[0].hpa())),
                st(TdxStatus::KEY_STATE_INCORRECT, op::TDR),
                "TD pages come back only after teardown"
            );
            assert_eq!(
                err(raw::tdh_phymem_page_reclaim(m.alloc_page::<Guest>().hpa())),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::RCX),
                "a PT_NDA page"
            );
            assert_eq!(
                err(raw::tdh_mng_key_freeid(td.tdr)),
                st(TdxStatus::KEY_STATE_INCORRECT, op::RCX),
                "FREEID before VPFLUSHDONE"
            );
            assert_eq!(
                err(raw::tdh_mng_vpflushdone(td.tdr)),
                TdxStatus::FLUSHVP_NOT_DONE,
                "the vCPU is still associated"
            );
            // Another LP cannot flush it: it is associated with this one.
            std::thread::scope(|scope| {
                scope.spawn(|| {
                    m.run(|| {
                        raw::tdh_sys_lp_init().expect("LP.INIT");
                        assert_eq!(
                            err(raw::tdh_vp_flush(vp.tdvpr)),
                            TdxStatus::VCPU_NOT_ASSOCIATED
                        );
                        let mut args = ModuleArgs {
                            rcx: vp.tdvpr.as_u64(),
                            ..ModuleArgs::default()
                        };
                        assert_eq!(
                            err(raw::tdh_vp_enter(&mut args)),
                            st(TdxStatus::OPERAND_INVALID, op::RCX),
                            "associated with another LP"
                        );
                    })
                });
            });
            raw::tdh_vp_flush(vp.tdvpr).expect("VP.FLUSH");
            assert_eq!(
                err(raw::tdh_vp_flush(vp.tdvpr)),
                TdxStatus::VCPU_NOT_ASSOCIATED
            );
            assert_eq!(
                raw::tdh_phymem_cache_wb(0),
                Ok(TdxStatus::NO_HKID_READY_TO_WBCACHE),
                "nothing flushed yet"
            );
            raw::tdh_mng_vpflushdone(td.tdr).expect("VPFLUSHDONE");
            let mut args = ModuleArgs {
                rcx: vp.tdvpr.as_u64(),
                ..ModuleArgs::default()
            };
            assert_eq!(
                err(raw::tdh_vp_enter(&mut args)),
                st(TdxStatus::KEY_STATE_INCORRECT, op::RCX),
                "no entry once the TD is blocked"
            );
            assert_eq!(
                err(raw::tdh_phymem_cache_wb(1)),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "nothing to resume"
            );
            assert_eq!(
                err(raw::tdh_phymem_cache_wb(0)),
                TdxStatus::INTERRUPTED_RESUMABLE
            );
            assert_eq!(
                err(raw::tdh_mng_key_freeid(td.tdr)),
                st(TdxStatus::KEY_STATE_INCORRECT, op::RCX),
                "the cache write-back is not complete"
            );
            assert_eq!(
                err(raw::tdh_phymem_cache_wb(1)),
                TdxStatus::INTERRUPTED_RESUMABLE
            );
            raw::tdh_phymem_cache_wb(1).expect("CACHE.WB completes");
            raw::tdh_mng_key_freeid(td.tdr).expect("KEY.FREEID");
            assert_eq!(
                raw::tdh_phymem_cache_wb(0),
                Ok(TdxStatus::NO_HKID_READY_TO_WBCACHE)
            );
            assert_eq!(
                err(raw::tdh_phymem_page_reclaim(td.tdr.hpa())),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "the TDR goes last"
            );
            let reclaimed = raw::tdh_phymem_page_reclaim(vp.tdvpr.hpa()).expect("TDVPR");
            assert_eq!(
                (reclaimed.page_type, reclaimed.owner, reclaimed.size),
                (PamtType::Tdvpr.code(), td.tdr.as_u64(), 0)
            );
            assert_eq!(
                err(raw::tdh_phymem_page_wbinvd(
                    KeyedHpa::new(td.tdr.hpa(), Hkid::new(1), m.config().phys_bits).expect("keyed")
                )),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "KeyID 1 is not a TDX KeyID"
            );
        }
        m.check_invariants().expect("consistent mid-teardown");
        // The helper finishes: every other page, then the TDR.
        // SAFETY: see the `common` module docs.
        unsafe {
            let tdr = td.tdr;
            for page in m.leaked_pages() {
                if page.hpa != tdr.hpa() {
                    raw::tdh_phymem_page_reclaim(page.hpa).expect("reclaim");
                }
            }
            raw::tdh_phymem_page_reclaim(td.tdr.hpa()).expect("TDR");
        }
        assert!(m.leaked_pages().is_empty());
        // The HKID is free again.
        let again = create_td(&m, HKID, &TdParams::default());
        assert_eq!(m.td(again.tdr).map(|t| t.hkid), Some(Hkid::new(HKID)));
    });
}
