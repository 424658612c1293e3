//! The SEAMCALL shapes: registers in and out, versions, retries, errors, the `regs =` form.

use super::*;

#[test]
fn inputs_land_in_their_registers_and_outputs_come_from_theirs() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.rcx = 3; // page type
            cpu.rdx = 0x7000_0000; // owner
            cpu.r8 = 1; // page size
            cpu.r9 = 0x999;
        },
        // SAFETY: the trap answers the instruction; no memory is touched.
        || unsafe { tdh_phymem_page_reclaim(hpa(0x1234_5000)) },
    );
    let [(instruction, cpu)] = seen.as_slice() else {
        panic!("one trap expected: {seen:?}")
    };
    assert_eq!(*instruction, Instruction::Seamcall);
    assert_eq!(cpu.rax, 28, "RAX = TDH.PHYMEM.PAGE.RECLAIM, version 0");
    assert_eq!(cpu.rcx, 0x1234_5000, "RCX = the page");
    let out = result.expect("success");
    assert_eq!(out.status, TdxStatus::SUCCESS);
    assert_eq!(out.page_type.raw(), 3, "page_type from RCX");
    assert_eq!(
        out.owner,
        Hpa::new(0x7000_0000),
        "owner (the TDR's HPA) from RDX"
    );
    assert_eq!(out.page_size.raw(), 1, "page_size from R8");
}

#[test]
fn typed_operands_are_encoded_whole() {
    let (result, seen) = trace(
        |_, cpu| cpu.rax = 0,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mng_create(page(0x4000_0000), Hkid::new(0x1f)) }
        },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(
        (seen[0].1.rax, seen[0].1.rcx, seen[0].1.rdx),
        (9, 0x4000_0000, 0x1f)
    );
}

#[test]
fn version_goes_to_rax_bits_23_16() {
    let (_, seen) = trace(
        |_, cpu| cpu.rax = 0,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_vp_init(page(0x5000), 0xabc, X2ApicId::new(7)) }
        },
    );
    let cpu = seen[0].1;
    assert_eq!(
        cpu.rax, 0x1_0016,
        "TDH.VP.INIT is leaf 22 version 1 in the table"
    );
    assert_eq!((cpu.rcx, cpu.rdx, cpu.r8), (0x5000, 0xabc, 7));

    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r8 = 0xfeed;
        },
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mng_rd_v3(page(0x6000), FieldId::from_raw(0x9100_0000_0000_0010)) }
        },
    );
    assert_eq!(
        seen[0].1.rax,
        11 | 3 << 16,
        "`version = 3` overrides the table"
    );
    assert_eq!(seen[0].1.rdx, 0x9100_0000_0000_0010);
    assert_eq!(result.map(|out| out.value), Ok(0xfeed));
}

#[test]
fn field_bindings_load_the_field() {
    let td = Td { tdr: page(0x8000) };
    let (_, seen) = trace(
        |_, cpu| cpu.rax = 0,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mng_addcx(&td, page(0x9000)) }
        },
    );
    assert_eq!(
        (seen[0].1.rax, seen[0].1.rcx, seen[0].1.rdx),
        (1, 0x9000, 0x8000)
    );
}

#[test]
fn cf_set_means_vmfailinvalid_whatever_rax_holds() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.cf = true;
            cpu.rax = 0; // stale: must not be taken for success
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { tdh_sys_lp_init() },
    );
    assert_eq!(seen.len(), 1, "VMfailInvalid is not retried");
    let error = result.expect_err("CF=1 is a failure");
    assert_eq!(error.status(), TdxStatus::SEAMCALL_VMFAILINVALID);
    assert_eq!(error.status().raw(), 0x8000_FF00_FFFF_0000);
}

#[test]
fn success_with_information_is_kept_not_an_error() {
    let info = 0x0000_0815_0000_0000; // TDX_KEY_CONFIGURED: bit 63 clear
    let (result, _) = trace(
        |_, cpu| cpu.rax = info,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mng_create(page(0x4000_0000), Hkid::new(1)) }
        },
    );
    let status = result.expect("bit 63 clear is success");
    assert_eq!(status.raw(), info);
    assert!(status.is_success_with_info());

    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = info;
            cpu.rcx = 2;
        },
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_phymem_page_reclaim(hpa(0x1000)) }
        },
    );
    assert_eq!(
        result.map(|out| out.status.raw()),
        Ok(info),
        "kept in the output struct too"
    );
}

#[test]
fn entropy_retries_stop_at_linux_bound() {
    // Default: at most 10 attempts, as Linux's sc_retry (RDRAND_RETRY_LOOPS).
    let (result, seen) = trace(
        |_, cpu| cpu.rax = NO_ENTROPY,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init() }
        },
    );
    assert_eq!(seen.len(), 10);
    assert_eq!(result.map_err(|e| e.status().raw()), Err(NO_ENTROPY));

    let (result, seen) = trace(
        |_, cpu| cpu.rax = NO_ENTROPY,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init_two_retries() }
        },
    );
    assert_eq!(
        seen.len(),
        3,
        "retry(entropy = 2): one call and two retries"
    );
    assert!(result.is_err());

    let (result, seen) = trace(
        |_, cpu| cpu.rax = NO_ENTROPY,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init_no_retry() }
        },
    );
    assert_eq!(seen.len(), 1, "retry(none)");
    assert!(result.is_err());

    // A retry that succeeds returns Ok, and the inputs are reloaded each time.
    let (result, seen) = trace(
        |attempt, cpu| cpu.rax = if attempt < 4 { NO_ENTROPY } else { 0 },
        // SAFETY: the trap answers the instruction.
        || unsafe { tdh_mng_create(page(0x2000), Hkid::new(5)) },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(seen.len(), 5);
    assert!(
        seen.iter()
            .all(|(_, cpu)| cpu.rax == 9 && cpu.rcx == 0x2000 && cpu.rdx == 5)
    );
}

#[test]
fn busy_retries_compare_under_the_status_mask_and_stop_at_their_bound() {
    let gpa = SeptGpa::new(Gpa::new(0x20_0000).expect("gpa"), SeptLevel::Level2M).expect("aligned");
    let (result, seen) = trace(
        |_, cpu| cpu.rax = BUSY_RCX,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mem_sept_add(gpa, page(0x3000), page(0x4000)) }
        },
    );
    assert_eq!(seen.len(), 4, "retry(busy = 3): one call and three retries");
    let error = result.expect_err("still busy");
    assert_eq!(error.status().raw(), BUSY_RCX, "the operand ID is kept");
    assert!(error.is_busy());
    assert_eq!(seen[0].1.rcx, 0x20_0000 | 1, "GPA | level 1 (2M)");

    // Busy is not retried where the wrapper did not opt in.
    let (result, seen) = trace(
        |_, cpu| cpu.rax = BUSY_RCX,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init() }
        },
    );
    assert_eq!(seen.len(), 1);
    assert!(result.expect_err("busy").is_busy());
}

#[test]
fn a_failed_call_keeps_leaf_status_and_every_returned_register() {
    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = BUSY_RCX;
            cpu.rcx = 0x11;
            cpu.rdx = 0x22;
            cpu.r8 = 0x33;
            cpu.r9 = 0x44;
            cpu.r10 = 0x55;
            cpu.r11 = 0x66;
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { tdh_phymem_page_reclaim(hpa(0x1000)) },
    );
    let error = result.expect_err("busy is an error");
    assert_eq!(error.leaf(), abi::TdhPhymemPageReclaim::INFO);
    assert_eq!(error.reg::<reg::Rcx>(), Some(0x11));
    assert_eq!(error.reg::<reg::R11>(), Some(0x66));
    assert_eq!(
        error.reg::<reg::R12>(),
        None,
        "R12 is not returned by this leaf"
    );
    assert_eq!(
        error.to_string(),
        "TDH.PHYMEM.PAGE.RECLAIM (leaf 28) failed: TDX_OPERAND_BUSY operand RCX \
         (0x8000020000000001); rcx=0x11 rdx=0x22 r8=0x33 r9=0x44 r10=0x55 r11=0x66"
    );
}

#[test]
fn unknown_status_codes_are_kept() {
    let strange = 0xC0DE_0042_0000_0007;
    let (result, _) = trace(
        |_, cpu| cpu.rax = strange,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init() }
        },
    );
    let error = result.expect_err("bit 63 set");
    assert_eq!(error.status().raw(), strange);
    assert!(error.to_string().contains("0xc0de004200000007"), "{error}");
}

#[test]
fn rbx_rdi_rsi_and_callee_saved_registers_are_carried_and_survive() {
    let keep: [u64; 8] = black_box([1, 2, 3, 4, 5, 6, 7, 8]);
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.rbx = 0xb0b0; // an output: must come back through the swap
            cpu.r12 = 0x1212;
            cpu.r9 = 0x99;
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { raw_leaf(0xa, 0xb, 0xc, 0xd, 0xe, 0xf) },
    );
    let cpu = seen[0].1;
    assert_eq!(cpu.rax, 0x42 | 2 << 16);
    assert_eq!(
        (cpu.rcx, cpu.rbx, cpu.rdi, cpu.rsi, cpu.r12, cpu.r15),
        (0xa, 0xb, 0xc, 0xd, 0xe, 0xf)
    );
    let out = result.expect("success");
    assert_eq!((out.b_out, out.e_out, out.r9_out), (0xb0b0, 0x1212, 0x99));
    assert_eq!(
        black_box(keep),
        [1, 2, 3, 4, 5, 6, 7, 8],
        "live values survive the call"
    );
}

#[test]
fn p_seamldr_leaves_keep_bit_63() {
    let (_, seen) = trace(
        |_, cpu| cpu.rax = 0,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { p_seamldr_install(hpa(0x7000)) }
        },
    );
    assert_eq!(seen[0].1.rax, 0x8000_0000_0000_0001);
}

#[test]
fn regs_form_moves_all_13_registers_through_module_args() {
    let mut args = ModuleArgs {
        rcx: 0x1000,
        rdx: 2,
        r8: 3,
        r9: 4,
        r10: 5,
        r11: 6,
        r12: 7,
        r13: 8,
        r14: 9,
        r15: 10,
        rbx: 11,
        rdi: 12,
        rsi: 13,
    };
    let keep: [u64; 6] = black_box([21, 22, 23, 24, 25, 26]);
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 77; // TDX_SUCCESS with exit reason 77 (TDCALL) in bits 31:0
            cpu.rcx = 101;
            cpu.rdx = 102;
            cpu.r8 = 103;
            cpu.r9 = 104;
            cpu.r10 = 105;
            cpu.r11 = 106;
            cpu.r12 = 107;
            cpu.r13 = 108;
            cpu.r14 = 109;
            cpu.r15 = 110;
            cpu.rbx = 111;
            cpu.rdi = 112;
            cpu.rsi = 113;
        },
        // SAFETY: the trap answers the instruction; `args` is live.
        || unsafe { tdh_vp_enter(&mut args) },
    );
    let cpu = seen[0].1;
    assert_eq!(cpu.rax, 0);
    assert_eq!(
        [
            cpu.rcx, cpu.rdx, cpu.r8, cpu.r9, cpu.r10, cpu.r11, cpu.r12, cpu.r13, cpu.r14, cpu.r15,
            cpu.rbx, cpu.rdi, cpu.rsi
        ],
        [0x1000, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    );
    let status = result.expect("success");
    assert_eq!(status.operand(), 77, "the exit reason is RAX bits 31:0");
    assert_eq!(
        args,
        ModuleArgs {
            rcx: 101,
            rdx: 102,
            r8: 103,
            r9: 104,
            r10: 105,
            r11: 106,
            r12: 107,
            r13: 108,
            r14: 109,
            r15: 110,
            rbx: 111,
            rdi: 112,
            rsi: 113
        }
    );
    assert_eq!(black_box(keep), [21, 22, 23, 24, 25, 26]);

    // CF=1: VMfailInvalid, and (as Linux) nothing is written back.
    let before = args;
    let (result, _) = trace(
        |_, cpu| {
            cpu.cf = true;
            cpu.rcx = 0xdead;
        },
        || {
            // SAFETY: the trap answers the instruction; `args` is live.
            unsafe { tdh_vp_enter(&mut args) }
        },
    );
    assert_eq!(
        result.map_err(|e| e.status()),
        Err(TdxStatus::SEAMCALL_VMFAILINVALID)
    );
    assert_eq!(args, before);
}

#[test]
fn regs_form_retries_with_the_original_inputs() {
    let mut args = ModuleArgs {
        rcx: 0x1000,
        r12: 0x12,
        ..ModuleArgs::default()
    };
    let (result, seen) = trace(
        |attempt, cpu| {
            cpu.rax = if attempt == 0 { NO_ENTROPY } else { 0 };
            cpu.rcx = 0xbad;
            cpu.r12 = 0xbad;
        },
        // SAFETY: the trap answers the instruction; `args` is live.
        || unsafe { tdh_vp_enter_retry(&mut args) },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(seen.len(), 2);
    assert_eq!(
        (seen[1].1.rcx, seen[1].1.r12),
        (0x1000, 0x12),
        "inputs restored for the retry"
    );
}
