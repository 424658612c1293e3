//! TD and vCPU lifecycle, Secure EPT, measurement and teardown through the trap: the success
//! path of every leaf, and the failure paths with their statuses and operand IDs.

mod common;

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

/// A page re-typed as a TDR, to hand the module the wrong kind of page.
fn tdcs_as_tdr(page: Page<Tdcs>) -> Page<Tdr> {
    as_page(page.as_u64())
}

#[test]
fn td_creation_failures() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        // SAFETY: see the `common` module docs.
        unsafe {
            let tdr: Page<Tdr> = m.alloc_page();
            assert_eq!(
                err(raw::tdh_mng_create(tdr, Hkid::new(5))),
                st(TdxStatus::OPERAND_INVALID, op::RDX),
                "not a TDX KeyID"
            );
            assert_eq!(
                err(raw::tdh_mng_create(tdr, Hkid::new(GLOBAL_KEYID))),
                st(TdxStatus::KEY_STATE_INCORRECT, op::RDX),
                "the global KeyID is taken"
            );
            assert_eq!(
                err(raw::tdh_mng_create(as_page(0x1000), Hkid::new(HKID))),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "outside every TDMR"
            );
            raw::tdh_mng_create(tdr, Hkid::new(HKID)).expect("MNG.CREATE");
            assert_eq!(
                err(raw::tdh_mng_create(tdr, Hkid::new(HKID + 1))),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::RCX),
                "the page is a TDR already"
            );
            assert_eq!(
                err(raw::tdh_mng_create(m.alloc_page(), Hkid::new(HKID))),
                st(TdxStatus::KEY_STATE_INCORRECT, op::RDX),
                "the HKID is in use"
            );
            let tdcs: Page<Tdcs> = m.alloc_page();
            assert_eq!(
                err(raw::tdh_mng_addcx(tdcs, tdr)),
                st(TdxStatus::KEY_STATE_INCORRECT, op::RDX),
                "keys not configured yet"
            );
            assert_eq!(
                err(raw::tdh_mng_key_config(tdcs_as_tdr(tdcs))),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::RCX),
                "not a TDR"
            );
            raw::tdh_mng_key_config(tdr).expect("KEY.CONFIG");
            assert_eq!(raw::tdh_mng_key_config(tdr), Ok(TdxStatus::KEY_CONFIGURED));
            assert_eq!(
                err(raw::tdh_mng_addcx(as_page(tdr.as_u64()), tdr)),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::RCX),
                "the TDR itself as a TDCS page: assigned twice"
            );
            assert_eq!(
                err(raw::tdh_mng_addcx(tdcs, as_page(tdcs.as_u64()))),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::RDX),
                "RDX is not a TDR"
            );
            raw::tdh_mng_addcx(tdcs, tdr).expect("MNG.ADDCX");
            let params = m.alloc_page::<Guest>().hpa();
            m.write_memory(params, &TdParams::default().to_bytes());
            assert_eq!(
                err(raw::tdh_mng_init(tdr, params)),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "TDCS not complete"
            );
            for _ in 1..4 {
                raw::tdh_mng_addcx(m.alloc_page(), tdr).expect("MNG.ADDCX");
            }
            assert_eq!(
                err(raw::tdh_mng_addcx(m.alloc_page(), tdr)),
                st(TdxStatus::OPERAND_INVALID, op::RDX),
                "one TDCS page too many"
            );
            assert_eq!(
                err(raw::tdh_mng_init(tdr, hpa(params.as_u64() + 512))),
                st(TdxStatus::OPERAND_INVALID, op::RDX),
                "TD_PARAMS is 1024-byte aligned"
            );
            for (bad, operand) in [
                (
                    TdParams {
                        max_vcpus: 0,
                        ..TdParams::default()
                    },
                    op::MAX_VCPUS,
                ),
                (
                    TdParams {
                        attributes: 1 << 5,
                        ..TdParams::default()
                    },
                    op::ATTRIBUTES,
                ),
                (
                    TdParams {
                        xfam: 0x1,
                        ..TdParams::default()
                    },
                    op::XFAM,
                ),
                (
                    TdParams {
                        eptp_controls: 0x18,
                        ..TdParams::default()
                    },
                    op::EPTP_CONTROLS,
                ),
                (
                    TdParams {
                        config_flags: TdParams::CONFIG_GPAW52,
                        ..TdParams::default()
                    },
                    op::EXEC_CONTROLS,
                ),
            ] {
                m.write_memory(params, &bad.to_bytes());
                assert_eq!(
                    err(raw::tdh_mng_init(tdr, params)),
                    st(TdxStatus::OPERAND_INVALID, operand),
                    "{bad:?}"
                );
            }
            // A 5-level Secure EPT with GPAW 52, for one vCPU.
            let good = TdParams {
                max_vcpus: 1,
                eptp_controls: TdParams::EPTP_WB_5LEVEL,
                config_flags: TdParams::CONFIG_GPAW52 | TdParams::CONFIG_NO_RBP_MOD,
                ..TdParams::default()
            };
            m.write_memory(params, &good.to_bytes());
            raw::tdh_mng_init(tdr, params).expect("MNG.INIT");
            assert_eq!(
                err(raw::tdh_mng_init(tdr, params)),
                OP_STATE_INCORRECT,
                "initialized already"
            );
            assert_eq!(m.td(tdr).map(|t| t.gpaw), Some(52));

            // TD-scope metadata.
            let rd = |id: u64| raw::tdh_mng_rd(tdr, FieldId::from_raw(id));
            assert_eq!(
                rd(metadata_fields::td::HKID.raw()).map(|o| o.value),
                Ok(u64::from(HKID))
            );
            assert_eq!(
                rd(metadata_fields::td::MAX_VCPUS.raw()).map(|o| o.value),
                Ok(1)
            );
            assert_eq!(
                rd(metadata_fields::td::NUM_TDCX.raw()).map(|o| o.value),
                Ok(4)
            );
            assert_eq!(
                rd(metadata_fields::td::CHLDCNT.raw()).map(|o| o.value),
                Ok(4)
            );
            assert_eq!(rd(metadata_fields::td::GPAW.raw()).map(|o| o.value), Ok(1));
            assert_eq!(
                rd(metadata_fields::td::LIFECYCLE_STATE.raw()).map(|o| o.value),
                Ok(Lifecycle::KeysConfigured.code())
            );
            // The module's metadata statuses, without an operand ID.
            let unknown = rd(0x1110_0003_0000_0077).expect_err("unknown field");
            assert_eq!(unknown.status(), METADATA_FIELD_ID_INCORRECT);
            assert_eq!(
                err(rd(metadata_fields::td::NOTIFY_ENABLES.raw())),
                TdxStatus::METADATA_FIELD_NOT_READABLE,
                "guest-only field in a production TD"
            );
            assert_eq!(
                err(raw::tdh_mng_rd(
                    as_page(tdcs.as_u64()),
                    metadata_fields::td::HKID
                )),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::RCX)
            );

            // vCPUs.
            let tdvpr: Page<Tdvpr> = m.alloc_page();
            raw::tdh_vp_create(tdvpr, tdr).expect("VP.CREATE");
            assert_eq!(
                err(raw::tdh_vp_create(m.alloc_page(), tdr)),
                st(TdxStatus::OPERAND_INVALID, op::RDX),
                "MAX_VCPUS is 1"
            );
            assert_eq!(
                err(raw::tdh_vp_init(tdvpr, 0, 0)),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "TDCX pages missing"
            );
            assert_eq!(
                err(raw::tdh_vp_addcx(m.alloc_page(), as_page(tdr.as_u64()))),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::RDX),
                "RDX is not a TDVPR"
            );
            for _ in 0..5 {
                raw::tdh_vp_addcx(m.alloc_page(), tdvpr).expect("VP.ADDCX");
            }
            assert_eq!(
                err(raw::tdh_vp_addcx(m.alloc_page(), tdvpr)),
                st(TdxStatus::OPERAND_INVALID, op::RDX),
                "one TDCX page too many"
            );
            assert_eq!(
                err(raw::tdh_vp_init_v0(tdvpr, 0, 0)),
                TdxStatus::OPERAND_INVALID,
                "version 0: OPERAND_INVALID on RAX (operand 0)"
            );
            assert_eq!(
                err(raw::tdh_vp_init(tdvpr, 0, 1 << 32)),
                st(TdxStatus::OPERAND_INVALID, op::R8),
                "x2APIC IDs are 32 bits"
            );
            raw::tdh_vp_init(tdvpr, 0xabc, 3).expect("VP.INIT");
            assert_eq!(
                err(raw::tdh_vp_init(tdvpr, 0, 4)),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "initialized already"
            );
            let vcpu = m.vcpu(tdvpr).expect("vCPU");
            assert_eq!((vcpu.gprs[1], vcpu.gprs[3]), (0xabc, 52), "RCX, RBX = GPAW");

            // vCPU metadata.
            let vp_rd = |id: u64| raw::tdh_vp_rd(tdvpr, FieldId::from_raw(id));
            assert_eq!(
                err(vp_rd(metadata_fields::vmcs::GUEST_RIP.raw())),
                TdxStatus::METADATA_FIELD_NOT_READABLE,
                "guest state of a production TD"
            );
            raw::tdh_vp_wr(
                tdvpr,
                metadata_fields::vmcs::POSTED_INTERRUPT_NOTIFICATION_VECTOR,
                0xf2,
                0xffff,
            )
            .expect("VP.WR");
            assert_eq!(
                vp_rd(metadata_fields::vmcs::POSTED_INTERRUPT_NOTIFICATION_VECTOR.raw())
                    .map(|o| o.value),
                Ok(0xf2)
            );
            raw::tdh_vp_wr(
                tdvpr,
                metadata_fields::vmcs::PIN_BASED_VM_EXECTION_CONTROLS,
                !0,
                0x80,
            )
            .expect("VP.WR under the mask");
            // A production host reads bit 7 only (`prod_rd_mask` 0x80): the always-one bits
            // (0x16) are there, but masked.
            assert_eq!(
                vp_rd(metadata_fields::vmcs::PIN_BASED_VM_EXECTION_CONTROLS.raw()).map(|o| o.value),
                Ok(0x80),
                "bit 7 written"
            );
            assert_eq!(
                err(raw::tdh_vp_wr(
                    tdvpr,
                    metadata_fields::vmcs::POSTED_INTERRUPT_NOTIFICATION_VECTOR,
                    0,
                    1 << 20
                )),
                METADATA_FIELD_NOT_WRITABLE,
                "a mask with no writable bit"
            );
            assert_eq!(
                err(raw::tdh_vp_wr(
                    tdvpr,
                    metadata_fields::vmcs::POSTED_INTERRUPT_NOTIFICATION_VECTOR,
                    1 << 20,
                    0xffff | 1 << 20
                )),
                METADATA_FIELD_VALUE_NOT_VALID,
                "a masked read-only bit that would change"
            );
            raw::tdh_vp_wr(
                tdvpr,
                metadata_fields::vmcs::POSTED_INTERRUPT_NOTIFICATION_VECTOR,
                0xf3,
                0xffff | 1 << 20,
            )
            .expect("masked read-only bits that keep their value: the write is narrowed");
            assert_eq!(
                vp_rd(metadata_fields::vmcs::POSTED_INTERRUPT_NOTIFICATION_VECTOR.raw())
                    .map(|o| o.value),
                Ok(0xf3)
            );
            assert_eq!(
                err(vp_rd(0x1120_0003_0000_7777)),
                METADATA_FIELD_ID_INCORRECT,
                "unknown vCPU field"
            );
            assert_eq!(
                err(raw::tdh_vp_wr(
                    tdvpr,
                    metadata_fields::vmcs::TIME_STAMP_COUNTER_OFFSET,
                    0,
                    1
                )),
                METADATA_FIELD_NOT_WRITABLE,
                "read-only field"
            );
        }
        m.check_invariants().expect("consistent");
    });
}

#[test]
fn debug_tds_expose_guest_state() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let params = TdParams {
            attributes: TdParams::ATTR_DEBUG,
            ..TdParams::default()
        };
        let td = create_td(&m, HKID, &params);
        let vp = create_vcpu(&m, &td, 0);
        // SAFETY: see the `common` module docs.
        unsafe {
            let rd = |id: u64| raw::tdh_vp_rd(vp.tdvpr, FieldId::from_raw(id)).map(|o| o.value);
            assert_eq!(rd(metadata_fields::vmcs::GUEST_RIP.raw()), Ok(0xFFFF_FFF0));
            assert_eq!(
                rd(metadata_fields::vp::RCX.raw()),
                Ok(0x1234),
                "RCX from VP.INIT"
            );
            raw::tdh_vp_wr(vp.tdvpr, metadata_fields::vmcs::GUEST_RIP, 0x1000, !0)
                .expect("debug TDs are writable");
            assert_eq!(rd(metadata_fields::vmcs::GUEST_RIP.raw()), Ok(0x1000));
            assert_eq!(
                raw::tdh_mng_rd(td.tdr, metadata_fields::td::NOTIFY_ENABLES).map(|o| o.value),
                Ok(0)
            );
        }
    });
}

#[test]
fn secure_ept_failures_report_entry_and_level_state() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let tdr = td.tdr;
        // SAFETY: see the `common` module docs.
        unsafe {
            // Level 1 (a page-table page) with nothing above it: the walk stops at level 3.
            let error = raw::tdh_mem_sept_add_level(0x20_0000 | 1, tdr, m.alloc_page())
                .expect_err("no parent");
            assert_eq!(error.status(), st(TdxStatus::EPT_WALK_FAILED, op::RCX));
            assert_eq!(sept_details(&error), (0, 0x003), "level 3, FREE");
            let error =
                raw::tdh_mem_sept_add(sept_gpa(0x20_0000, SeptLevel::Level4K), tdr, m.alloc_page())
                    .expect_err("level 0 is a leaf level");
            assert_eq!(error.status(), st(TdxStatus::OPERAND_INVALID, op::RCX));
            let added = map_sept(&m, &td, 0x20_0000);
            let error = raw::tdh_mem_sept_add_level(0x20_0000 | 1, tdr, m.alloc_page())
                .expect_err("exists");
            assert_eq!(
                error.status(),
                st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)
            );
            assert_eq!(
                sept_details(&error),
                (added[2].as_u64() | 7, 0x8401),
                "level 1, NL_MAPPED (the module's public_state 0x84)"
            );
            assert_eq!(
                err(raw::tdh_mem_sept_add_level(
                    0x40_0000 | 1,
                    tdr,
                    as_page(added[0].as_u64())
                )),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::R8),
                "the SEPT page is in use"
            );

            // PAGE.ADD.
            let source = m.alloc_page::<Guest>().hpa();
            let error = raw::tdh_mem_page_add(gpa(0x40_0000), tdr, m.alloc_page(), source)
                .expect_err("no page-table page for 0x400000");
            assert_eq!(error.status(), st(TdxStatus::EPT_WALK_FAILED, op::RCX));
            assert_eq!(sept_details(&error).1, 0x001, "level 1, FREE");
            raw::tdh_mem_page_add(gpa(0x20_0000), tdr, m.alloc_page(), source).expect("PAGE.ADD");
            let page: Page<Guest> = m.alloc_page();
            let error =
                raw::tdh_mem_page_add(gpa(0x20_0000), tdr, page, source).expect_err("mapped");
            assert_eq!(
                error.status(),
                st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)
            );
            assert_eq!(sept_details(&error).1, 0x400, "level 0, PRESENT");
            assert_eq!(
                err(raw::tdh_mem_page_add(
                    gpa(0x20_1000),
                    tdr,
                    as_page(tdr.as_u64()),
                    source
                )),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::R8),
                "the TDR as a TD page: assigned twice"
            );
            assert_eq!(
                err(raw::tdh_mr_extend(gpa(0x20_0010), tdr)),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "MR.EXTEND chunks are 256-byte aligned"
            );
            let error = raw::tdh_mr_extend(gpa(0x20_1000), tdr).expect_err("not mapped");
            assert_eq!(
                error.status(),
                TdxStatus::EPT_ENTRY_NOT_PRESENT,
                "the module's table allows MR.EXTEND on MAPPED only; no operand"
            );
            // TDX 1.5 allows PAGE.AUG in INITIALIZED (op_state_lookup.c); undo it at once.
            let aug_gpa = sept_gpa(0x20_3000, SeptLevel::Level4K);
            raw::tdh_mem_page_aug(aug_gpa, tdr, m.alloc_page()).expect("PAGE.AUG before FINALIZE");
            raw::tdh_mem_page_remove(aug_gpa, tdr).expect("and its PAGE.REMOVE");
            // Before finalize, PAGE.REMOVE needs no BLOCK.
            raw::tdh_mem_page_remove(sept_gpa(0x20_0000, SeptLevel::Level4K), tdr)
                .expect("PAGE.REMOVE of a pre-finalize page");
            raw::tdh_mem_page_add(gpa(0x20_0000), tdr, page, source).expect("PAGE.ADD again");

            raw::tdh_mr_finalize(tdr).expect("MR.FINALIZE");
            assert_eq!(err(raw::tdh_mr_finalize(tdr)), OP_STATE_INCORRECT);
            assert_eq!(
                err(raw::tdh_mem_page_add(
                    gpa(0x20_1000),
                    tdr,
                    m.alloc_page(),
                    source
                )),
                OP_STATE_INCORRECT,
                "PAGE.ADD after MR.FINALIZE"
            );
            assert_eq!(
                err(raw::tdh_mr_extend(gpa(0x20_0000), tdr)),
                OP_STATE_INCORRECT
            );

            // A 2 MiB page, AUGed under the level-2 Secure-EPT page.
            let big = m.try_alloc(PageSize::Size2M).expect("2 MiB page");
            let big_gpa = 0x40_0000;
            assert_eq!(
                err(raw::tdh_mem_page_aug(
                    sept_gpa(big_gpa, SeptLevel::Level2M),
                    tdr,
                    as_page(big.as_u64() + 0x1000)
                )),
                st(TdxStatus::OPERAND_INVALID, op::R8),
                "a 2 MiB page must be 2 MiB aligned"
            );
            raw::tdh_mem_page_aug(
                sept_gpa(big_gpa, SeptLevel::Level2M),
                tdr,
                as_page(big.as_u64()),
            )
            .expect("PAGE.AUG 2M");
            let info = m.page(hpa(big.as_u64() + 0x5000)).expect("in a TDMR");
            assert_eq!(
                (info.hpa, info.page_type, info.size),
                (big, PamtType::Reg, PageSize::Size2M)
            );
            let rdmd = raw::tdh_phymem_page_rdmd(hpa(big.as_u64() + 0x5000)).expect("RDMD");
            assert_eq!(rdmd.page_type, PamtType::Reg.code());

            // REMOVE of a mapped page in a running TD needs BLOCK and TRACK first.
            let packed = sept_gpa(0x20_0000, SeptLevel::Level4K);
            let error = raw::tdh_mem_page_remove(packed, tdr).expect_err("not blocked");
            assert_eq!(
                (error.status(), sept_details(&error).1),
                (st(TdxStatus::GPA_RANGE_NOT_BLOCKED, op::RCX), 0x400)
            );
            raw::tdh_mem_range_block(packed, tdr).expect("RANGE.BLOCK");
            // Blocked already: success with information, as tdh_mem_range_block.c answers it.
            assert_eq!(
                raw::tdh_mem_range_block(packed, tdr),
                Ok(st(TdxStatus::GPA_RANGE_ALREADY_BLOCKED, op::RCX))
            );
            let error = raw::tdh_mem_page_remove(packed, tdr).expect_err("not tracked");
            assert_eq!(
                error.status(),
                st(TdxStatus::from_raw(0xC000_0B08_0000_0000), op::RCX),
                "TDX_TLB_TRACKING_NOT_DONE"
            );
            raw::tdh_mem_track(tdr).expect("MEM.TRACK");
            raw::tdh_mem_page_remove(packed, tdr).expect("PAGE.REMOVE");
            assert_eq!(m.page(page.hpa()).map(|p| p.page_type), Some(PamtType::Nda));
            let error = raw::tdh_mem_range_block(packed, tdr).expect_err("free");
            assert_eq!(sept_details(&error), (0, 0x000));

            // PAMT reads.
            assert_eq!(
                raw::tdh_phymem_page_rdmd(tdr.hpa()).map(|o| o.page_type),
                Ok(PamtType::Tdr.code())
            );
            assert_eq!(
                raw::tdh_phymem_page_rdmd(hpa(m.config().tdmrs[0].base)).map(|o| o.page_type),
                Ok(PamtType::Rsvd.code())
            );
            assert_eq!(
                err(raw::tdh_phymem_page_rdmd(hpa(0x1000))),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "outside every TDMR"
            );
        }
        m.check_invariants().expect("consistent");
    });
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
