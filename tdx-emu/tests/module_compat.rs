//! The leaves module 1.5 keeps for VMMs written against module 1.0, through the trap with the
//! catalog's wrappers (`tdx_calls::host`): TDH.SYS.LP.SHUTDOWN and TDH.MNG.KEY.RECLAIMID (no-ops
//! that return `TDX_SUCCESS`) and TDH.SYS.INFO (TDSYSINFO_STRUCT and the CMR_INFO array), each
//! as its intel/tdx-module@72d8cffb (1.5.01) handler and the dispatcher in front of it.

mod common;

use common::*;
use tdx_calls::TdxTd;
use tdx_calls::host::{tdh_mng_key_reclaimid, tdh_sys_info, tdh_sys_lp_shutdown};
use tdx_core::metadata_fields::global;
use tdx_core::{Hpa, Page, Tdr, TdxStatus};
use tdx_emu::module::{Config, TdParams, Tdmr, TdxModule, operand as op};

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

fn u16_at(bytes: &[u8], at: usize) -> u64 {
    u64::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u64::from(u32::from_le_bytes(b))
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(b)
}

/// Whether the 1024 bytes at `at` are all zero.
fn zeroed(m: &TdxModule, at: Hpa) -> bool {
    m.read_memory(at, 1024).iter().all(|&b| b == 0)
}

/// Two CMRs (the model reports its TDMRs as CMRs).
fn two_tdmr_module() -> TdxModule {
    TdxModule::new(Config {
        tdmrs: vec![
            Tdmr::new(4 << 30, 1 << 30).with_reserved(0, 4 << 20),
            Tdmr::new(8 << 30, 1 << 30).with_reserved(0, 4 << 20),
        ],
        ..Config::default()
    })
}

#[test]
fn sys_info_writes_tdsysinfo_and_the_cmr_array_as_sys_rd_reports_them() {
    let m = two_tdmr_module();
    m.run(|| {
        // The dispatcher runs TDH.SYS.INFO before the platform is ready: LP.INIT suffices.
        // SAFETY: see the `common` module docs.
        unsafe {
            raw::tdh_sys_init().expect("SYS.INIT");
            raw::tdh_sys_lp_init().expect("LP.INIT");
        }
        let info: Page<tdx_core::Guest> = m.alloc_page();
        let cmrs: Page<tdx_core::Guest> = m.alloc_page();
        // Stale bytes, to see that reserved ones are written as 0.
        m.write_memory(info.hpa(), &[0xAA; 4096]);
        m.write_memory(cmrs.hpa(), &[0xAA; 4096]);
        // SAFETY: see the `common` module docs.
        let out = unsafe { tdh_sys_info(info.hpa(), 4096, cmrs.hpa(), 64) }.expect("SYS.INFO");
        assert_eq!((out.sysinfo_written, out.cmrs_written), (1024, 32));
        let s = m.read_memory(info.hpa(), 1024);
        assert_eq!(u32_at(&s, 0), 0, "attributes");
        assert_eq!(u32_at(&s, 4), 0x8086, "vendor_id");
        assert_eq!(
            (u16_at(&s, 14), u16_at(&s, 16), s[18]),
            (5, 1, 1),
            "1.5, SYS_RD"
        );
        assert_eq!(
            m.read_memory(hpa(info.as_u64() + 1024), 8),
            vec![0xAA; 8],
            "1024 bytes written, not more"
        );
        // The rest as TDH.SYS.RD reads the same fields (on a ready platform).
        let cmr0 = m.read_memory(cmrs.hpa(), 512);
        assert_eq!(
            m.read_memory(hpa(cmrs.as_u64() + 512), 8),
            vec![0xAA; 8],
            "32 entries of 16 bytes, not more"
        );
        {
            // SAFETY: see the `common` module docs.
            unsafe {
                let array: Page<tdx_core::Guest> = m.alloc_page();
                raw::tdh_sys_config(array.hpa(), 2, tdx_core::Hkid::new(GLOBAL_KEYID))
                    .expect("SYS.CONFIG");
                raw::tdh_sys_key_config().expect("SYS.KEY.CONFIG");
            }
            assert_eq!(u16_at(&s, 32), sys_rd(global::MAX_TDMRS));
            assert_eq!(u16_at(&s, 34), sys_rd(global::MAX_RESERVED_PER_TDMR));
            assert_eq!(u16_at(&s, 36), sys_rd(global::PAMT_4K_ENTRY_SIZE));
            assert_eq!(u16_at(&s, 48), sys_rd(global::TDCS_BASE_SIZE));
            assert_eq!(u16_at(&s, 52), sys_rd(global::TDVPS_BASE_SIZE));
            assert_eq!(s[54], 0, "tdvps_xfam_dependent_size");
            assert_eq!(u64_at(&s, 64), sys_rd(global::ATTRIBUTES_FIXED0));
            assert_eq!(u64_at(&s, 72), sys_rd(global::ATTRIBUTES_FIXED1));
            assert_eq!(u64_at(&s, 80), sys_rd(global::XFAM_FIXED0));
            assert_eq!(u64_at(&s, 88), sys_rd(global::XFAM_FIXED1));
            let n = sys_rd(global::NUM_CPUID_CONFIG);
            assert_eq!(u32_at(&s, 128), n);
            for i in 0..n {
                let at = 132 + 24 * i as usize;
                let leaves = tdx_core::FieldId::from_raw(global::CPUID_CONFIG_LEAVES.raw() + i);
                let low = tdx_core::FieldId::from_raw(global::CPUID_CONFIG_VALUES.raw() + 2 * i);
                let high = tdx_core::FieldId::from_raw(low.raw() + 1);
                assert_eq!(u64_at(&s, at), sys_rd(leaves), "leaf and sub-leaf {i}");
                assert_eq!(u64_at(&s, at + 8), sys_rd(low), "EBX:EAX {i}");
                assert_eq!(u64_at(&s, at + 16), sys_rd(high), "EDX:ECX {i}");
            }
            let used = 132 + 24 * n as usize;
            assert!(
                s[19..32]
                    .iter()
                    .chain(&s[38..48])
                    .chain(&s[96..128])
                    .all(|&b| b == 0)
            );
            assert!(s[used..].iter().all(|&b| b == 0), "reserved to the end");
            assert_eq!(sys_rd(global::NUM_CMRS), 2);
            for i in 0..2u64 {
                let base = tdx_core::FieldId::from_raw(global::CMR_BASE.raw() + i);
                let size = tdx_core::FieldId::from_raw(global::CMR_SIZE.raw() + i);
                assert_eq!(u64_at(&cmr0, 16 * i as usize), sys_rd(base), "CMR {i} base");
                assert_eq!(
                    u64_at(&cmr0, 16 * i as usize + 8),
                    sys_rd(size),
                    "CMR {i} size"
                );
            }
            assert!(
                cmr0[32..].iter().all(|&b| b == 0),
                "null entries after the CMRs"
            );
        }
    });
}

#[test]
fn sys_info_checks_its_operands_in_the_handlers_order() {
    let m = module();
    m.run(|| {
        let info: Page<tdx_core::Guest> = m.alloc_page();
        let cmrs: Page<tdx_core::Guest> = m.alloc_page();
        let keyed = |page: Hpa, keyid: u64| hpa(page.as_u64() | keyid << m.config().phys_bits);
        let invalid = |operand| st(TdxStatus::OPERAND_INVALID, operand);
        // SAFETY: see the `common` module docs.
        unsafe {
            // No LP.INIT on this LP (SYS_LP_INIT_NOT_DONE in the module; see Deviations).
            let refused = tdh_sys_info(info.hpa(), 1024, cmrs.hpa(), 32).unwrap_err();
            assert_eq!(refused.status(), invalid(op::SYS));
            assert_eq!((refused.reg_at(2), refused.reg_at(9)), (Some(0), Some(0)));
            raw::tdh_sys_init().expect("SYS.INIT");
            raw::tdh_sys_lp_init().expect("LP.INIT");
            let call = |i: Hpa, len, c: Hpa, n| tdh_sys_info(i, len, c, n).map_err(|e| e.status());
            let half_k = hpa(info.as_u64() + 512);
            assert_eq!(
                call(half_k, 1024, cmrs.hpa(), 32),
                Err(invalid(op::RCX)),
                "1 KiB aligned"
            );
            assert_eq!(
                call(keyed(info.hpa(), 1), 1024, cmrs.hpa(), 32),
                Err(invalid(op::RCX)),
                "no KeyID bits"
            );
            assert_eq!(
                call(info.hpa(), 1023, cmrs.hpa(), 32),
                Err(invalid(op::RDX))
            );
            // The R8 / R9 checks come after the TDSYSINFO_STRUCT buffer was zeroed.
            m.write_memory(info.hpa(), &[0xAA; 1024]);
            let eighth = hpa(cmrs.as_u64() + 256);
            assert_eq!(
                call(info.hpa(), 1024, eighth, 32),
                Err(invalid(op::R8)),
                "512 aligned"
            );
            assert_eq!(
                m.read_memory(info.hpa(), 1024),
                vec![0; 1024],
                "zeroed first"
            );
            m.write_memory(info.hpa(), &[0xAA; 1024]);
            assert_eq!(
                call(info.hpa(), 1024, keyed(cmrs.hpa(), 2), 32),
                Err(invalid(op::R8))
            );
            assert_eq!(call(info.hpa(), 1024, cmrs.hpa(), 31), Err(invalid(op::R9)));
            assert!(zeroed(&m, info.hpa()));
            assert_eq!(m.read_memory(cmrs.hpa(), 8), vec![0; 8], "CMRs untouched");
            // A short RDX is refused before the buffer is touched.
            m.write_memory(info.hpa(), &[0xAA; 1024]);
            assert_eq!(call(info.hpa(), 16, cmrs.hpa(), 32), Err(invalid(op::RDX)));
            assert_eq!(m.read_memory(info.hpa(), 4), vec![0xAA; 4]);
            // The smallest sizes that pass, at 512-aligned CMRs.
            let ok = call(info.hpa(), 1024, hpa(cmrs.as_u64() + 512), 32);
            assert!(ok.is_ok(), "{ok:?}");
        }
    });
}
