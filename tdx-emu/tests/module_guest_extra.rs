//! The guest leaves beyond the basic ones, through the catalog's wrappers
//! (`tdx_calls::guest::*`) under the emulator: TDG.MR.VERIFYREPORT, TDG.MR.KEY.GET and
//! TDG.VP.CPUIDVE.SET, with the statuses of the module's handlers (intel/tdx-module@72d8cffb
//! `src/td_dispatcher/vm_exits/`, and 1.5.34's `tdg_mr_key_get.c`).

mod common;

use common::*;
use tdx_core::{
    CpuidVe, L2Vm, L2VmMask, SeptLevel, TdxError, TdxStatus, VmAndFlags, metadata_fields, tdcall,
};
use tdx_emu::module::{TdParams, TdxModule};

/// TDG.VP.CPUIDVE.SET with a raw RCX (to set reserved bits, which `CpuidVe` cannot).
#[tdcall(leaf = 5, in(rcx = raw))]
unsafe fn cpuidve_set_raw(raw: u64) -> Result<TdxStatus, TdxError>;

/// The TD of [`guest_td_with`], with the default parameters.
fn guest_td(m: &TdxModule) -> (Td, Vp) {
    guest_td_with(m, &TdParams::default())
}

#[test]
fn verifyreport_accepts_the_models_report_and_refuses_a_changed_one() {
    let m = module();
    m.run(|| {
        let (td, vp) = guest_td(&m);
        let report_at = hpa_of(&m, &td, 0x400);
        m.as_guest(vp.tdvpr, || {
            // SAFETY: see the `common` module docs.
            unsafe {
                raw::tdg_mr_report(gpa(0x400), gpa(0x1000), 0).expect("MR.REPORT");
                assert_eq!(
                    tdx_calls::guest::tdg_mr_verifyreport(gpa(0x400)),
                    Ok(TdxStatus::SUCCESS),
                    "the REPORTMACSTRUCT TDG.MR.REPORT wrote"
                );
                assert_eq!(
                    err(tdx_calls::guest::tdg_mr_verifyreport(gpa(0x480))),
                    st(TdxStatus::OPERAND_INVALID, op::RCX),
                    "256-byte aligned"
                );
                assert_eq!(
                    err(tdx_calls::guest::tdg_mr_verifyreport(gpa(0x5000))),
                    st(TdxStatus::OPERAND_INVALID, op::RCX),
                    "not mapped"
                );
            }
            let original = m.read_memory(report_at, 256);
            // One bit of REPORTDATA (offset 128): the MAC no longer matches.
            let mut changed = original.clone();
            changed[128] ^= 1;
            m.write_memory(report_at, &changed);
            // SAFETY: see the `common` module docs.
            let verdict = unsafe { tdx_calls::guest::tdg_mr_verifyreport(gpa(0x400)) };
            assert_eq!(err(verdict), TdxStatus::INVALID_REPORTMACSTRUCT);
            // The MAC itself (offset 224).
            let mut changed = original.clone();
            changed[230] ^= 0x80;
            m.write_memory(report_at, &changed);
            // SAFETY: see the `common` module docs.
            let verdict = unsafe { tdx_calls::guest::tdg_mr_verifyreport(gpa(0x400)) };
            assert_eq!(err(verdict), TdxStatus::INVALID_REPORTMACSTRUCT);
            // A CPUSVN (offset 16) the platform does not have: checked before the MAC.
            let mut changed = original.clone();
            changed[16] = 2;
            m.write_memory(report_at, &changed);
            // SAFETY: see the `common` module docs.
            let verdict = unsafe { tdx_calls::guest::tdg_mr_verifyreport(gpa(0x400)) };
            assert_eq!(err(verdict), TdxStatus::INVALID_CPUSVN);
            // Restored: verifies again.
            m.write_memory(report_at, &original);
            // SAFETY: see the `common` module docs.
            let verdict = unsafe { tdx_calls::guest::tdg_mr_verifyreport(gpa(0x400)) };
            assert_eq!(verdict, Ok(TdxStatus::SUCCESS));
        });
    });
}

#[test]
fn key_get_answers_operand_invalid_on_a_platform_without_sealing() {
    let m = module();
    m.run(|| {
        let (_td, vp) = guest_td(&m);
        m.as_guest(vp.tdvpr, || {
            // Aligned private GPAs and a valid requestor, and junk: the same first check.
            for (request, key, requestor) in [(0x0, 0x1000, 0), (0x8, 0x5000, u64::MAX)] {
                // SAFETY: see the `common` module docs.
                let got =
                    unsafe { tdx_calls::guest::tdg_mr_key_get(gpa(request), gpa(key), requestor) };
                assert_eq!(err(got), TdxStatus::OPERAND_INVALID, "no operand ID");
            }
        });
    });
}

#[test]
fn cpuidve_set_stores_the_setting_and_refuses_reserved_bits() {
    let m = module();
    m.run(|| {
        let (_td, vp) = guest_td(&m);
        m.as_guest(vp.tdvpr, || {
            let read = || {
                let get = |f| tdx_calls::guest::tdg_vp_rd(f).map(|r| r.value);
                (
                    get(metadata_fields::vp::CPUID_SUPERVISOR_VE),
                    get(metadata_fields::vp::CPUID_USER_VE),
                )
            };
            assert_eq!(read(), (Ok(0), Ok(0)), "off after TDH.VP.INIT");
            let both = CpuidVe {
                supervisor: true,
                user: true,
            };
            assert_eq!(
                tdx_calls::guest::tdg_vp_cpuidve_set(both),
                Ok(TdxStatus::SUCCESS)
            );
            assert_eq!(read(), (Ok(1), Ok(1)));
            let user = CpuidVe {
                supervisor: false,
                user: true,
            };
            assert_eq!(
                tdx_calls::guest::tdg_vp_cpuidve_set(user),
                Ok(TdxStatus::SUCCESS)
            );
            assert_eq!(read(), (Ok(0), Ok(1)));
            for reserved in [0b100, 1 << 63] {
                assert_eq!(
                    err(
                        // SAFETY: see the `common` module docs; RCX is no address.
                        unsafe { cpuidve_set_raw(reserved | 0b1) }
                    ),
                    st(TdxStatus::OPERAND_INVALID, op::RCX),
                    "reserved bits {reserved:#x}"
                );
            }
            assert_eq!(read(), (Ok(0), Ok(1)), "a refused call changes nothing");
        });
    });
}

#[test]
fn page_attr_rd_reports_the_mapping_of_a_td_without_l2_vms() {
    const PENDING: u64 = 1 << 62;
    let m = module();
    m.run(|| {
        let (td, vp) = guest_td(&m);
        // BLOCKED: the module's table does not let ATTR.RD read it.
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mem_range_block(sept_gpa(0x1000, SeptLevel::Level4K), td.tdr) }
            .expect("RANGE.BLOCK");
        m.as_guest(vp.tdvpr, || {
            // SAFETY: see the `common` module docs (ATTR.RD reads only the Secure EPT).
            let attr = |raw| unsafe { tdx_calls::guest::tdg_mem_page_attr_rd(gpa(raw)) };
            let ok = |raw| {
                let out = attr(raw).expect("ATTR.RD");
                (out.mapping, out.attributes.raw())
            };
            assert_eq!(ok(0x0), (0x0, 0), "MAPPED 4 KiB: level 0, no attributes");
            assert_eq!(ok(0x234), (0x0, 0), "aligned on the mapping's level");
            assert_eq!(ok(0x2000), (0x2000 | PENDING, 0), "PENDING 4 KiB");
            assert_eq!(ok(0x2F_1234), (0x20_0000 | 1 | PENDING, 0), "PENDING 2 MiB");
            assert_eq!(
                err(attr(0x1000)),
                st(TdxStatus::EPT_WALK_FAILED, op::RCX),
                "BLOCKED"
            );
            assert_eq!(
                err(attr(0x5000)),
                st(TdxStatus::EPT_WALK_FAILED, op::RCX),
                "not mapped"
            );
            assert_eq!(
                err(attr(1 << 47)),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "shared GPA (GPAW 48)"
            );
        });
    });
}

#[test]
fn invept_and_invvpid_answer_as_for_a_td_without_l2_vms() {
    let m = module();
    m.run(|| {
        let (_td, vp) = guest_td(&m);
        m.as_guest(vp.tdvpr, || {
            let vm1 = L2Vm::new(1).expect("VM 1");
            assert_eq!(
                tdx_calls::guest::tdg_vp_invept(L2VmMask::EMPTY),
                Ok(TdxStatus::SUCCESS),
                "no VM: nothing to flush"
            );
            assert_eq!(
                err(tdx_calls::guest::tdg_vp_invept(L2VmMask::EMPTY.with(vm1))),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "VM 1 does not exist"
            );
            for flags in [VmAndFlags::entry(vm1), VmAndFlags::list(vm1)] {
                // SAFETY: see the `common` module docs; the call is refused before RDX is read.
                let got = unsafe { tdx_calls::guest::tdg_vp_invvpid(flags, 0x1000) };
                assert_eq!(err(got), st(TdxStatus::OPERAND_INVALID, op::RCX));
            }
        });
    });
}
