//! The guest side through the trap: a thread runs as a vCPU (`TdxModule::as_guest`) and
//! executes the real `tdcall` instructions the macros emit; TDG.VP.VMCALL goes to the VMM.

mod common;

use common::*;
use tdx_core::metadata_fields;
use tdx_core::{Guest, Gva, ModuleArgs, Page, PageSize, SharedGpa, TdvmcallStatus, TdxStatus};
use tdx_emu::module::{
    ExampleVmm, PAGE_ALREADY_ACCEPTED, SeptState, TdParams, TdReport, TdxModule, VeInfo, VmcallInfo,
};

/// Module statuses (`tdx_error_codes_defs.h`, intel/tdx-module@72d8cff).
const METADATA_FIELD_ID_INCORRECT: TdxStatus = TdxStatus::from_raw(0xC000_0C00_0000_0000);
const METADATA_FIELD_NOT_WRITABLE: TdxStatus = TdxStatus::from_raw(0xC000_0C01_0000_0000);
const METADATA_FIELD_NOT_READABLE: TdxStatus = TdxStatus::from_raw(0xC000_0C02_0000_0000);
const NO_VALID_VE_INFO: TdxStatus = TdxStatus::from_raw(0xC000_0704_0000_0000);

/// [`guest_td_with`] with CONFIG_FLAGS.FLEXIBLE_PENDING_VE, so the guest may change
/// TD_CTLS.PENDING_VE_DISABLE.
fn guest_td(m: &TdxModule) -> (Td, Vp) {
    let params = TdParams {
        config_flags: TdParams::CONFIG_FLEXIBLE_PENDING_VE,
        ..TdParams::default()
    };
    guest_td_with(m, &params)
}

#[test]
fn guest_leaves_through_the_instruction() {
    let m = module();
    m.run(|| {
        let (td, vp) = guest_td(&m);
        let tdr = td.tdr;
        m.as_guest(vp.tdvpr, || {
            // TDG.VP.INFO.
            let info = raw::tdg_vp_info().expect("VP.INFO");
            assert_eq!(
                (info.gpaw, info.attributes, info.vcpus, info.index),
                (48, 0, 1 | (4 << 32), 0)
            );

            // TDG.MEM.PAGE.ACCEPT.
            // SAFETY: see the `common` module docs.
            unsafe {
                assert_eq!(
                    raw::tdg_mem_page_accept(accept_gpa(0x2000, PageSize::Size4K)),
                    Ok(TdxStatus::SUCCESS)
                );
                let again = raw::tdg_mem_page_accept(accept_gpa(0x2000, PageSize::Size4K))
                    .expect("success with information");
                assert_eq!(again, PAGE_ALREADY_ACCEPTED);
                assert_eq!(again.raw(), 0x0000_0B0A_0000_0000);
                assert_eq!(
                    err(raw::tdg_mem_page_accept(accept_gpa(
                        0x3000,
                        PageSize::Size4K
                    ))),
                    st(TdxStatus::EPT_WALK_FAILED, op::RCX),
                    "nothing mapped: the real CPU would exit with an EPT violation"
                );
                assert_eq!(
                    err(raw::tdg_mem_page_accept_raw(0x4000 | 3)),
                    st(TdxStatus::OPERAND_INVALID, op::RCX),
                    "size code 3"
                );
                assert_eq!(
                    err(raw::tdg_mem_page_accept(accept_gpa(
                        0x20_1000,
                        PageSize::Size4K
                    ))),
                    st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX),
                    "mapped as 2 MiB"
                );
                raw::tdg_mem_page_accept(accept_gpa(0x20_0000, PageSize::Size2M))
                    .expect("ACCEPT 2M");
            }

            // TDG.VM.RD / TDG.VM.WR, every register explicit (RCX = vm_id must be 0).
            let rd = |id: u64| {
                let mut args = ModuleArgs {
                    rdx: id,
                    ..ModuleArgs::default()
                };
                // SAFETY: see the `common` module docs; `args` is live.
                unsafe { raw::tdg_vm_rd_regs(&mut args) }.map(|_| args.r8)
            };
            let wr = |id: u64, value: u64, mask: u64| {
                let mut args = ModuleArgs {
                    rdx: id,
                    r8: value,
                    r9: mask,
                    ..ModuleArgs::default()
                };
                // SAFETY: as above.
                unsafe { raw::tdg_vm_wr_regs(&mut args) }.map(|_| args.r8)
            };
            assert_eq!(rd(metadata_fields::td::ATTRIBUTES.raw()), Ok(0));
            assert_eq!(rd(metadata_fields::td::MAX_VCPUS.raw()), Ok(4));
            assert_eq!(
                err(rd(metadata_fields::td::OP_STATE.raw())),
                METADATA_FIELD_NOT_READABLE
            );
            assert_eq!(err(rd(0x1110_0003_0000_0300)), METADATA_FIELD_ID_INCORRECT);
            assert_eq!(
                wr(metadata_fields::td::TD_CTLS.raw(), 0b1011, 0b1),
                Ok(0),
                "R8 = old value"
            );
            assert_eq!(rd(metadata_fields::td::TD_CTLS.raw()), Ok(1));
            assert_eq!(
                err(wr(metadata_fields::td::TD_CTLS.raw(), 0, 1 << 40)),
                METADATA_FIELD_NOT_WRITABLE,
                "no writable bit in the mask"
            );
            assert_eq!(
                err(wr(metadata_fields::td::ATTRIBUTES.raw(), 1, 1)),
                METADATA_FIELD_NOT_WRITABLE,
                "read-only for the guest"
            );

            // TDG.MR.RTMR.EXTEND and TDG.MR.REPORT, through guest memory.
            let data = [0x5au8; 48];
            m.write_memory(hpa_of(&m, &td, 0x40), &data);
            let report_data: Vec<u8> = (0..64).collect();
            m.write_memory(hpa_of(&m, &td, 0x1000), &report_data);
            // SAFETY: see the `common` module docs.
            unsafe {
                raw::tdg_mr_rtmr_extend(gpa(0x40), 2).expect("RTMR.EXTEND");
                assert_eq!(
                    err(raw::tdg_mr_rtmr_extend(gpa(0x40), 4)),
                    st(TdxStatus::OPERAND_INVALID, op::RDX)
                );
                assert_eq!(
                    err(raw::tdg_mr_rtmr_extend(gpa(0x44), 0)),
                    st(TdxStatus::OPERAND_INVALID, op::RCX),
                    "64-byte aligned"
                );
                assert_eq!(
                    err(raw::tdg_mr_rtmr_extend(gpa(0x5000), 0)),
                    st(TdxStatus::OPERAND_INVALID, op::RCX),
                    "not mapped"
                );
                raw::tdg_mr_report(gpa(0x400), gpa(0x1000), 0).expect("MR.REPORT");
                assert_eq!(
                    err(raw::tdg_mr_report(gpa(0x400), gpa(0x1000), 1)),
                    st(TdxStatus::OPERAND_INVALID, op::R8)
                );
                assert_eq!(
                    err(raw::tdg_mr_report(gpa(0x200), gpa(0x1000), 0)),
                    st(TdxStatus::OPERAND_INVALID, op::RCX),
                    "1024-byte aligned"
                );
            }
            let mut bytes = [0u8; 1024];
            bytes.copy_from_slice(&m.read_memory(hpa_of(&m, &td, 0x400), 1024));
            let report = TdReport::parse(&bytes);
            assert!(TdReport::tdinfo_hash_matches(&bytes));
            assert_eq!(report.report_type[0], 0x81);
            assert_eq!(report.report_data.as_slice(), report_data.as_slice());
            assert_eq!(Some(report.mrtd), m.mrtd(tdr));
            assert_eq!(report.rtmr[2], m.td(tdr).expect("TD").rtmr[2]);
            assert_ne!(report.rtmr[2], [0; 48]);
            assert_eq!(report.rtmr[0], [0; 48]);

            // TDG.VP.VEINFO.GET.
            assert_eq!(err(raw::tdg_vp_veinfo_get()), NO_VALID_VE_INFO);
            assert!(m.inject_ve(
                vp.tdvpr,
                VeInfo {
                    exit_reason: 48,
                    exit_qualification: 0x81,
                    gla: Gva::new(0xffff_8000_0000_1000).expect("canonical"),
                    gpa: gpa(0x8_0000_1000),
                    instruction_length: 3,
                    instruction_info: 0x10,
                }
            ));
            let ve = raw::tdg_vp_veinfo_get().expect("VEINFO.GET");
            assert_eq!(
                (ve.exit_reason, ve.qualification, ve.gpa, ve.instruction),
                (48, 0x81, 0x8_0000_1000, 3 | (0x10 << 32))
            );
            assert_eq!(err(raw::tdg_vp_veinfo_get()), NO_VALID_VE_INFO, "consumed");
        });
        assert_eq!(
            m.sept_leaf(tdr, gpa(0x20_0000)).map(|l| l.state),
            Some(SeptState::Present)
        );
    });
}

#[test]
fn tdvmcalls_reach_the_example_vmm() {
    let m = module();
    let vmm = ExampleVmm::new();
    m.set_vmm(vmm.clone());
    m.run(|| {
        let (_, vp) = guest_td(&m);
        m.as_guest(vp.tdvpr, || {
            // MapGPA 5 MiB to shared, as Linux's guest does it: retry from R11.
            let shared = 1u64 << 47;
            let (mut start, end) = (shared, shared + (5 << 20));
            let mut calls = 0;
            loop {
                calls += 1;
                // SAFETY: see the `common` module docs.
                let out = unsafe { raw::tdvmcall_map_gpa(start, end - start) }.expect("MapGPA");
                if out.status == TdvmcallStatus::RETRY {
                    assert!(out.resume > start && out.resume < end);
                    start = out.resume;
                } else {
                    assert_eq!(out.status, TdvmcallStatus::SUCCESS);
                    break;
                }
            }
            assert_eq!(calls, 3, "2 MiB per call");
            // SAFETY: see the `common` module docs.
            let misaligned = unsafe { raw::tdvmcall_map_gpa(shared | 0x10, 4096) };
            assert_eq!(
                misaligned.map_err(|e| e.vmcall_status()),
                Err(Some(TdvmcallStatus::ALIGN_ERROR))
            );

            let cpuid = raw::tdvmcall_cpuid(0x4000_0000, 0).expect("CPUID");
            assert_eq!(cpuid.eax, 0x4000_0001);
            let mut signature = Vec::new();
            for reg in [cpuid.ebx, cpuid.ecx, cpuid.edx] {
                signature.extend_from_slice(&(reg as u32).to_le_bytes());
            }
            assert_eq!(&signature[..9], b"TdxEmuVmm");
            let outside = raw::tdvmcall_cpuid(0x1, 0).expect_err("not a hypervisor leaf");
            assert_eq!(
                outside.vmcall_status(),
                Some(TdvmcallStatus::INVALID_OPERAND)
            );

            assert_eq!(
                // SAFETY: the example VMM answers; an MSR read touches no memory.
                unsafe { raw::tdvmcall_rdmsr(ExampleVmm::MSR_APIC_BASE) }.map(|o| o.value),
                Ok(0xFEE0_0D00)
            );
            // SAFETY: as above.
            let unknown = unsafe { raw::tdvmcall_rdmsr(0xC000_0080) }.expect_err("unknown MSR");
            assert_eq!(
                unknown.vmcall_status(),
                Some(TdvmcallStatus::INVALID_OPERAND)
            );

            let buffer = SharedGpa::new(shared | 0x10_0000).expect("shared GPA");
            // SAFETY: see the `common` module docs.
            let quote = unsafe { raw::tdvmcall_get_quote(buffer, 0x4000) };
            assert_eq!(quote, Ok(TdvmcallStatus::SUCCESS));
            assert_eq!(raw::tdvmcall_hlt(0), Ok(TdvmcallStatus::SUCCESS));

            // A mask that exposes RCX is refused by the module itself.
            let mut args = ModuleArgs {
                rcx: 0xFC02,
                r11: 12,
                ..ModuleArgs::default()
            };
            // SAFETY: see the `common` module docs; `args` is live.
            let bad = unsafe { raw::tdg_vp_vmcall(&mut args) };
            assert_eq!(err(bad), st(TdxStatus::OPERAND_INVALID, op::RCX));
        });
    });
    assert!(vmm.is_shared(0x40_0000));
    assert!(!vmm.is_shared(0x60_0000));
    assert_eq!(vmm.quotes(), vec![((1 << 47) | 0x10_0000, 0x4000)]);
    assert_eq!(vmm.conversions().len(), 3);
}

#[test]
fn a_custom_vmm_sees_only_exposed_registers() {
    let m = module();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = std::sync::Arc::clone(&seen);
    m.set_vmm(move |info: &VmcallInfo, regs: &mut ModuleArgs| {
        log.lock().expect("log").push((info.mask, *regs));
        regs.r10 = 0;
        regs.r11 = 0x77;
        regs.rbx = 0xbad; // RBX is not exposed: the guest never sees this
    });
    m.run(|| {
        let (_, vp) = guest_td(&m);
        m.as_guest(vp.tdvpr, || {
            let mut args = ModuleArgs {
                rcx: 0x1C00, // R10, R11, R12
                r10: 0,
                r11: 0x10000,
                r12: 0,
                r13: 0x1313, // not exposed
                rbx: 0x0b0b,
                ..ModuleArgs::default()
            };
            // SAFETY: see the `common` module docs; `args` is live.
            unsafe { raw::tdg_vp_vmcall(&mut args) }.expect("TDG.VP.VMCALL");
            assert_eq!((args.r10, args.r11), (0, 0x77));
        });
    });
    let seen = seen.lock().expect("log");
    let (mask, regs) = seen[0];
    assert_eq!(mask, 0x1C00);
    assert_eq!(
        (regs.r11, regs.r13, regs.rbx),
        (0x10000, 0, 0),
        "R13 and RBX hidden"
    );
}

#[test]
fn a_tdcall_outside_a_guest_is_refused() {
    let m = module();
    m.run(|| {
        assert_eq!(err(raw::tdg_vp_info()), TdxStatus::OPERAND_INVALID);
    });
}

#[test]
fn guest_data_pages_are_zeroed_on_accept() {
    let m = module();
    m.run(|| {
        let (td, vp) = guest_td(&m);
        let hpa = hpa_of(&m, &td, 0x2000);
        m.write_memory(hpa, &[0xff; 64]);
        m.as_guest(vp.tdvpr, || {
            // SAFETY: see the `common` module docs.
            unsafe { raw::tdg_mem_page_accept(accept_gpa(0x2000, PageSize::Size4K)) }
                .expect("ACCEPT");
        });
        assert_eq!(m.read_memory(hpa, 64), vec![0; 64]);
        let page: Page<Guest> = m.alloc_page();
        assert_eq!(m.page(page.hpa()).map(|p| p.owner), Some(None));
    });
}
