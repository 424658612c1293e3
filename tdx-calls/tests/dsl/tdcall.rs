//! The TDCALL and TDG.VP.VMCALL shapes, and threads.

use super::*;

#[test]
fn tdcall_leaf_and_outputs() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.rcx = 52;
            cpu.rdx = 0x1000_0000;
        },
        tdg_vp_info,
    );
    assert_eq!(seen[0].0, Instruction::Tdcall);
    assert_eq!(seen[0].1.rax, 1);
    let info = result.expect("success");
    assert_eq!(
        (info.gpa_width.raw(), info.attributes.raw()),
        (52, 0x1000_0000)
    );

    // TDCALL has no CF check: CF is ignored and RAX is the status.
    let (result, seen) = trace(
        |attempt, cpu| {
            cpu.rax = if attempt == 0 {
                TdxStatus::OPERAND_BUSY.raw()
            } else {
                0
            }
        },
        // SAFETY: the trap answers the instruction.
        || unsafe {
            tdg_mr_report(
                Gpa::new(0x1000).expect("gpa"),
                Gpa::new(0x2000).expect("gpa"),
                0,
            )
        },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(seen.len(), 2, "retry(busy = 1)");
    assert_eq!(
        (seen[0].1.rax, seen[0].1.rcx, seen[0].1.rdx, seen[0].1.r8),
        (4, 0x1000, 0x2000, 0)
    );
}

#[test]
fn tdcall_regs_form() {
    let mut args = ModuleArgs {
        rcx: 0xfc00,
        r10: 0,
        r11: 0x10001,
        r12: 0x5000,
        r13: 0x1000,
        ..ModuleArgs::default()
    };
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = 1;
            cpu.r11 = 0x5800;
        },
        || {
            // SAFETY: the trap answers the instruction; `args` is live.
            unsafe { tdg_vp_vmcall(&mut args) }
        },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(
        (seen[0].1.rax, seen[0].1.rcx, seen[0].1.r11, seen[0].1.r12),
        (0, 0xfc00, 0x10001, 0x5000)
    );
    assert_eq!((args.r10, args.r11), (1, 0x5800));
}

#[test]
fn tdvmcall_sets_mask_r10_r11_and_reads_r10_status() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = TdvmcallStatus::RETRY.raw();
            cpu.r11 = 0x8000;
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { tdvmcall_map_gpa(private(0x4000), 0x2000) },
    );
    let cpu = seen[0].1;
    assert_eq!(seen[0].0, Instruction::Tdcall);
    assert_eq!(cpu.rax, 0, "TDG.VP.VMCALL is TDCALL leaf 0");
    assert_eq!(cpu.rcx, 0x3c00, "exposed: R10 R11 R12 R13");
    assert_eq!(cpu.r10, 0, "GHCI standard");
    assert_eq!(cpu.r11, 0x10001, "MapGPA");
    assert_eq!((cpu.r12, cpu.r13), (0x4000, 0x2000));
    let out = result.expect("RETRY is not an error");
    assert_eq!(out.status, TdvmcallStatus::RETRY);
    assert_eq!(out.resume, 0x8000);
}

#[test]
fn tdvmcall_output_only_exposed_registers_go_in_as_zero_and_survive_being_written() {
    let keep: [u64; 6] = black_box([31, 32, 33, 34, 35, 36]);
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = 0;
            cpu.r12 = 0xa;
            cpu.r13 = 0xb;
            cpu.r14 = 0xc;
            cpu.r15 = 0xd;
        },
        || tdvmcall_cpuid(0x4000_0000, 0),
    );
    let cpu = seen[0].1;
    assert_eq!(cpu.rcx, 0xfc00, "R10-R15 exposed");
    assert_eq!(
        (cpu.r12, cpu.r13, cpu.r14, cpu.r15),
        (0x4000_0000, 0, 0, 0),
        "no stale value leaks"
    );
    let out = result.expect("success");
    assert_eq!((out.eax, out.ebx, out.ecx, out.edx), (0xa, 0xb, 0xc, 0xd));
    assert_eq!(black_box(keep), [31, 32, 33, 34, 35, 36]);
}

#[test]
fn tdvmcall_failures_name_the_right_status() {
    // The VMM refused: R10 has bit 63 set.
    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = TdvmcallStatus::INVALID_OPERAND.raw();
        },
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdvmcall_map_gpa(private(0x4000), 0x1000) }
        },
    );
    let error = result.expect_err("VMM error");
    assert_eq!(error.vmcall_status(), Some(TdvmcallStatus::INVALID_OPERAND));
    assert_eq!(error.status(), TdxStatus::SUCCESS);
    // The TDCALL itself failed: RAX non-zero.
    let (result, _) = trace(
        |_, cpu| cpu.rax = TdxStatus::OPERAND_INVALID.raw(),
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdvmcall_map_gpa(private(0x4000), 0x1000) }
        },
    );
    assert_eq!(
        result.map_err(|e| e.status()),
        Err(TdxStatus::OPERAND_INVALID)
    );
}

#[test]
fn tdvmcall_with_rbx_rdi_rsi_rdx() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = 0;
            cpu.rbx = 0xffff;
        },
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { report_fatal_error(0, 0x11, 0x22, 0x33, 0x44) }
        },
    );
    let cpu = seen[0].1;
    assert_eq!(cpu.rcx, 0x1ccc, "RDX RBX RSI RDI R10 R11 R12");
    assert_eq!(
        (cpu.r11, cpu.r12, cpu.rbx, cpu.rdi, cpu.rsi, cpu.rdx),
        (0x10003, 0, 0x11, 0x22, 0x33, 0x44)
    );
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn parallel_threads_each_see_their_own_calls() {
    std::thread::scope(|scope| {
        for t in 0..4u64 {
            scope.spawn(move || {
                for i in 0..200u64 {
                    let (result, seen) = trace(
                        |_, cpu| {
                            cpu.rax = 0;
                            cpu.r8 = cpu.rdx * 2;
                        },
                        || {
                            // SAFETY: the trap answers the instruction.
                            unsafe { tdh_mng_rd_v3(page(0x1000 * (t + 1)), FieldId::from_raw(i)) }
                        },
                    );
                    assert_eq!(seen[0].1.rcx, 0x1000 * (t + 1));
                    assert_eq!(result.map(|out| out.value), Ok(i * 2));
                }
            });
        }
    });
}
