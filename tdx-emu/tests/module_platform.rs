//! The platform leaves through the trap: SYS.INIT, LP.INIT, SYS.RD, SYS.CONFIG, SYS.KEY.CONFIG,
//! SYS.TDMR.INIT, SYS.SHUTDOWN / P-SEAMLDR / SYS.UPDATE, SYS.DISABLE, and unknown leaves.

mod common;

use common::*;
use tdx_core::metadata_fields::{self, global};
use tdx_core::{FieldId, Guest, Hkid, Page, Tdr, TdxStatus};
use tdx_emu::module::{Config, TdParams, TdxModule, operand as op, with_package};

fn sys_rd(field: impl Into<FieldOrRaw>) -> Result<SysRd, tdx_core::TdxError> {
    // SAFETY: see the `common` module docs.
    unsafe { raw::tdh_sys_rd(field.into().0) }
}

/// A field ID, or a raw value for the IDs no table names (Linux's spellings, made-up IDs).
struct FieldOrRaw(FieldId);

impl From<FieldId> for FieldOrRaw {
    fn from(id: FieldId) -> Self {
        FieldOrRaw(id)
    }
}

impl From<u64> for FieldOrRaw {
    fn from(raw: u64) -> Self {
        FieldOrRaw(FieldId::from_raw(raw))
    }
}

#[test]
fn bring_up_takes_several_tdmr_init_calls_and_sys_rd_reports_the_model() {
    let m = module();
    m.run(|| {
        let tdmr_calls = bring_up(&m);
        // One 1 GiB TDMR initialized 256 MiB at a time: the caller's loop runs 4 times.
        assert_eq!(tdmr_calls, 4);
        assert_eq!(
            sys_rd(global::TDCS_BASE_SIZE).map(|o| o.value),
            Ok(4 * 4096)
        );
        assert_eq!(
            sys_rd(global::TDVPS_BASE_SIZE).map(|o| o.value),
            Ok(6 * 4096)
        );
        assert_eq!(sys_rd(global::TDR_BASE_SIZE).map(|o| o.value), Ok(4096));
        // MAX_VCPUS_PER_TD (0x9900000100000008) is a field of later modules: not in 1.5.01's
        // table, so `metadata_fields` has no constant for it and the module refuses it.
        assert_eq!(
            sys_rd(0x9900_0001_0000_0008).map_err(|e| e.status()),
            Err(TdxStatus::METADATA_FIELD_ID_INCORRECT)
        );
        assert_eq!(sys_rd(global::MAJOR_VERSION).map(|o| o.value), Ok(1));
        assert_eq!(sys_rd(global::NUM_CPUID_CONFIG).map(|o| o.value), Ok(4));
        assert_eq!(sys_rd(global::NUM_CMRS).map(|o| o.value), Ok(1));
        assert_eq!(sys_rd(global::CMR_BASE).map(|o| o.value), Ok(4 << 30));
        let features = sys_rd(global::TDX_FEATURES0).expect("FEATURES0").value;
        assert_ne!(features & (1 << 18), 0, "NO_RBP_MOD");
        // Linux builds some IDs without the element-size bits; they match all the same.
        assert_eq!(sys_rd(0x9800_0000_0000_0100).map(|o| o.value), Ok(4 * 4096));
        // An unknown field: the module's METADATA_FIELD_ID_INCORRECT (`md_read_element`, no
        // operand), and R8 = 0.
        let error = sys_rd(0x9800_0001_0000_0999).expect_err("unknown field");
        assert_eq!(error.status(), TdxStatus::METADATA_FIELD_ID_INCORRECT);
        assert_eq!(error.reg_at(8), Some(0));
    });
    assert_eq!(m.calls(tdx_emu::Instruction::Seamcall, 36), 4);
}

#[test]
fn platform_leaves_refuse_the_wrong_order() {
    let m = module();
    m.run(|| {
        // SAFETY: see the `common` module docs.
        unsafe {
            let sys = |s| st(TdxStatus::OPERAND_INVALID, s);
            assert_eq!(
                err(raw::tdh_sys_lp_init()),
                sys(op::SYS),
                "LP.INIT before SYS.INIT"
            );
            assert_eq!(
                err(raw::tdh_sys_init_rcx(1)),
                sys(op::RCX),
                "attributes are reserved"
            );
            raw::tdh_sys_init().expect("SYS.INIT");
            assert_eq!(err(raw::tdh_sys_init()), sys(op::SYS), "SYS.INIT twice");
            assert_eq!(
                err(sys_rd(global::MAJOR_VERSION)),
                sys(op::SYS),
                "SYS.RD before LP.INIT"
            );
            raw::tdh_sys_lp_init().expect("LP.INIT");
            assert_eq!(err(raw::tdh_sys_lp_init()), sys(op::SYS), "LP.INIT twice");
            let array: Page<Guest> = m.alloc_page();
            assert_eq!(
                err(raw::tdh_sys_key_config()),
                sys(op::SYS),
                "KEY.CONFIG first"
            );
            assert_eq!(
                err(raw::tdh_sys_config(array.hpa(), 2, Hkid::new(GLOBAL_KEYID))),
                sys(op::RDX),
                "one TDMR, not two"
            );
            assert_eq!(
                err(raw::tdh_sys_config(
                    hpa(array.as_u64() + 8),
                    1,
                    Hkid::new(32)
                )),
                sys(op::RCX),
                "the TDMR_INFO array is 512-byte aligned"
            );
            assert_eq!(
                err(raw::tdh_sys_config(array.hpa(), 1, Hkid::new(7))),
                sys(op::R8),
                "the global KeyID must be a TDX KeyID"
            );
            raw::tdh_sys_config(array.hpa(), 1, Hkid::new(GLOBAL_KEYID)).expect("SYS.CONFIG");
            let base = m.config().tdmrs[0].base;
            assert_eq!(
                err(raw::tdh_sys_tdmr_init(hpa(base))),
                sys(op::SYS),
                "TDMR.INIT before KEY.CONFIG"
            );
            // Not ready: TD leaves are refused too.
            let tdr: Page<Tdr> = m.alloc_page();
            assert_eq!(err(raw::tdh_mng_create(tdr, Hkid::new(HKID))), sys(op::SYS));
            raw::tdh_sys_key_config().expect("KEY.CONFIG");
            let again = raw::tdh_sys_key_config().expect("success with information");
            assert_eq!(again, TdxStatus::KEY_CONFIGURED);
            assert!(again.is_success_with_info());
            assert_eq!(
                err(raw::tdh_sys_tdmr_init(hpa(base + (1 << 30)))),
                sys(op::RCX),
                "not a TDMR base"
            );
            // Pages beyond what TDMR.INIT has initialized cannot be used yet.
            let first = raw::tdh_sys_tdmr_init(hpa(base)).expect("TDMR.INIT").next;
            assert_eq!(first, base + (256 << 20));
            let late = Page::<Tdr>::from_u64(base + (512 << 20)).expect("page");
            assert_eq!(
                err(raw::tdh_mng_create(late, Hkid::new(HKID))),
                sys(op::RCX)
            );
            // An early page works.
            raw::tdh_mng_create(tdr, Hkid::new(HKID)).expect("MNG.CREATE in the initialized part");
            // A page in the TDMR's reserved area: PT_RSVD.
            let reserved = Page::<Tdr>::from_u64(base).expect("page");
            assert_eq!(
                err(raw::tdh_mng_create(reserved, Hkid::new(HKID + 1))),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::RCX)
            );
            // Leaves the model does not know, and reserved RAX bits.
            assert_eq!(err(raw::unknown_leaf()), TdxStatus::OPERAND_INVALID);
        }
    });
}

#[test]
fn every_thread_is_a_logical_processor() {
    let m = module();
    m.run(|| bring_up(&m));
    std::thread::scope(|scope| {
        scope.spawn(|| {
            m.run(|| {
                // SAFETY: see the `common` module docs.
                unsafe {
                    assert_eq!(
                        err(raw::tdh_mng_key_config(m.alloc_page())),
                        st(TdxStatus::OPERAND_INVALID, op::SYS),
                        "a SEAMCALL on an LP without LP.INIT"
                    );
                    raw::tdh_sys_lp_init().expect("LP.INIT on this thread");
                    assert_eq!(sys_rd(global::MINOR_VERSION).map(|o| o.value), Ok(5));
                }
            })
        });
    });
}

#[test]
fn keys_are_configured_per_package() {
    let m = TdxModule::new(Config {
        packages: 2,
        ..Config::default()
    });
    m.run(|| {
        bring_up(&m);
        // SAFETY: see the `common` module docs.
        unsafe {
            let tdr: Page<Tdr> = m.alloc_page();
            raw::tdh_mng_create(tdr, Hkid::new(HKID)).expect("MNG.CREATE");
            raw::tdh_mng_key_config(tdr).expect("package 0");
            assert_eq!(
                err(raw::tdh_mng_addcx(m.alloc_page(), tdr)),
                st(TdxStatus::KEY_STATE_INCORRECT, op::RDX),
                "keys not configured on package 1 yet"
            );
            assert_eq!(
                raw::tdh_mng_key_config(tdr),
                Ok(TdxStatus::KEY_CONFIGURED),
                "package 0 again"
            );
            with_package(1, || raw::tdh_mng_key_config(tdr)).expect("package 1");
            raw::tdh_mng_addcx(m.alloc_page(), tdr).expect("now TDCS pages can be added");
        }
    });
}

#[test]
fn shutdown_install_update_keeps_tds() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        // SAFETY: see the `common` module docs.
        unsafe {
            let hv = sys_rd(global::MODULE_HV).expect("handoff version").value;
            assert_eq!(
                err(raw::tdh_sys_shutdown(hv + 1)),
                st(TdxStatus::OPERAND_INVALID, op::RCX)
            );
            let install_page: Page<Guest> = m.alloc_page();
            assert_eq!(
                err(raw::p_seamldr_install(install_page.hpa())),
                st(TdxStatus::OPERAND_INVALID, op::SYS),
                "install needs a shut-down module"
            );
            raw::tdh_sys_shutdown(hv).expect("SYS.SHUTDOWN");
            let field = metadata_fields::td::HKID;
            assert_eq!(
                err(raw::tdh_mng_rd(td.tdr, field)),
                st(TdxStatus::OPERAND_INVALID, op::SYS)
            );
            assert_eq!(
                err(raw::p_seamldr_install(hpa(install_page.as_u64() + 16))),
                st(TdxStatus::OPERAND_INVALID, op::RCX)
            );
            raw::p_seamldr_install(install_page.hpa()).expect("P-SEAMLDR.INSTALL");
            assert_eq!(
                err(raw::tdh_sys_update()),
                st(TdxStatus::OPERAND_INVALID, op::SYS),
                "LP.INIT again first"
            );
            raw::tdh_sys_lp_init().expect("LP.INIT after install");
            raw::tdh_sys_update().expect("SYS.UPDATE");
            assert_eq!(
                raw::tdh_mng_rd(td.tdr, field).map(|o| o.value),
                Ok(u64::from(HKID)),
                "the TD survived the update"
            );
            assert_eq!(sys_rd(global::UPDATE_VERSION).map(|o| o.value), Ok(1));
        }
    });
}

#[test]
fn seamldr_info_writes_its_structure() {
    let m = module();
    m.run(|| {
        let info: Page<Guest> = m.alloc_page();
        // SAFETY: see the `common` module docs.
        unsafe { raw::p_seamldr_info(info.hpa()) }.expect("P-SEAMLDR.INFO works before init");
        assert_eq!(
            // SAFETY: see the `common` module docs.
            err(unsafe { raw::p_seamldr_info(hpa(info.as_u64() + 4)) }),
            st(TdxStatus::OPERAND_INVALID, op::RCX)
        );
        let bytes = m.read_memory(info.hpa(), 32);
        assert_eq!(
            u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]),
            0x8086
        );
        assert_eq!(
            u16::from_le_bytes([bytes[20], bytes[21]]),
            2,
            "major version"
        );
    });
}

#[test]
fn disable_is_resumable_and_then_every_seamcall_fails_with_cf() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        // SAFETY: see the `common` module docs.
        unsafe {
            assert_eq!(
                err(raw::tdh_sys_disable()),
                TdxStatus::INTERRUPTED_RESUMABLE
            );
            raw::tdh_sys_disable().expect("SYS.DISABLE completes");
            let before = tdx_emu::thread_trap_count();
            assert_eq!(
                err(raw::tdh_sys_lp_init()),
                TdxStatus::SEAMCALL_VMFAILINVALID
            );
            assert_eq!(
                tdx_emu::thread_trap_count() - before,
                1,
                "VMfailInvalid is not retried"
            );
            raw::p_seamldr_info(m.alloc_page::<Guest>().hpa())
                .expect("the P-SEAMLDR still answers");
        }
    });
}
