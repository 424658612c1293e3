//! TD creation and setup failures, with their statuses and operand IDs; debug TDs.

use super::*;
use tdx_core::X2ApicId;
use tdx_emu::module::leaf;

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
                err(raw::tdh_vp_init(tdvpr, 0, X2ApicId::new(0))),
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
                err(raw::tdh_vp_init_v0(tdvpr, 0, X2ApicId::new(0))),
                TdxStatus::OPERAND_INVALID,
                "version 0: OPERAND_INVALID on RAX (operand 0)"
            );
            // `X2ApicId` cannot hold it: issued raw.
            let mut wide = ModuleArgs {
                rcx: tdvpr.as_u64(),
                r8: 1 << 32,
                ..ModuleArgs::default()
            };
            assert_eq!(
                m.seamcall(leaf::TDH_VP_INIT | 1 << 16, &mut wide).status,
                st(TdxStatus::OPERAND_INVALID, op::R8),
                "x2APIC IDs are 32 bits"
            );
            raw::tdh_vp_init(tdvpr, 0xabc, X2ApicId::new(3)).expect("VP.INIT");
            assert_eq!(
                err(raw::tdh_vp_init(tdvpr, 0, X2ApicId::new(4))),
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
