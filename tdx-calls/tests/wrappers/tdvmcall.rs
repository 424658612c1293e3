//! The TDG.VP.VMCALL wrappers.

use super::*;

// ================================================================= TDG.VP.VMCALL

#[test]
fn tdvmcall_cpuid() {
    let f = fact("Instruction.CPUID");
    let (result, seen) = once(&f.name, || vmcall::tdvmcall_cpuid(0x4000_0001, 3));
    check_inputs(f, &seen, &[("r12", 0x4000_0001), ("r13", 3)]);
    let out = result.expect("success");
    assert_eq!(out.status, TdvmcallStatus::SUCCESS, "R10");
    check_outputs(
        f,
        &[
            ("r12", out.eax),
            ("r13", out.ebx),
            ("r14", out.ecx),
            ("r15", out.edx),
        ],
    );
}

#[test]
fn tdvmcall_hlt() {
    let f = fact("Instruction.HLT");
    let (result, seen) = once(&f.name, || vmcall::tdvmcall_hlt(1));
    check_inputs(f, &seen, &[("r12", 1)]);
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_io() {
    let f = fact("Instruction.IO");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no device is touched.
        unsafe {
            vmcall::tdvmcall_io(
                AccessSize::Word,
                AccessDirection::Write,
                IoPort::new(0x3f8),
                0xab,
            )
        }
    });
    check_inputs(
        f,
        &seen,
        &[("r12", 2), ("r13", 1), ("r14", 0x3f8), ("r15", 0xab)],
    );
    let out = result.expect("success");
    check_outputs(f, &[("r11", out.value)]);
}

#[test]
fn tdvmcall_rdmsr() {
    let f = fact("Instruction.RDMSR");
    let (result, seen) = once(&f.name, || {
        vmcall::tdvmcall_rdmsr(MsrIndex::new(0x4b56_4d00))
    });
    check_inputs(f, &seen, &[("r12", 0x4b56_4d00)]);
    let out = result.expect("success");
    check_outputs(f, &[("r11", out.value)]);
}

#[test]
fn tdvmcall_wrmsr() {
    let f = fact("Instruction.WRMSR");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no MSR is touched.
        unsafe { vmcall::tdvmcall_wrmsr(MsrIndex::new(0x4b56_4d01), 0x1_0000_0002) }
    });
    check_inputs(f, &seen, &[("r12", 0x4b56_4d01), ("r13", 0x1_0000_0002)]);
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_request_mmio() {
    let f = fact("#VE.RequestMMIO");
    let addr = SharedGpa::new(0x8000_fee0_0000).expect("shared GPA");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no device is touched.
        unsafe { vmcall::tdvmcall_request_mmio(AccessSize::Qword, AccessDirection::Read, addr, 0) }
    });
    check_inputs(
        f,
        &seen,
        &[
            ("r12", 8),
            ("r13", 0),
            ("r14", 0x8000_fee0_0000),
            ("r15", 0),
        ],
    );
    let out = result.expect("success");
    check_outputs(f, &[("r11", out.value)]);
}

#[test]
fn tdvmcall_get_td_vm_call_info() {
    let f = fact("GetTdVmCallInfo");
    let (result, seen) = once(&f.name, || vmcall::tdvmcall_get_td_vm_call_info(1));
    check_inputs(f, &seen, &[("r12", 1)]);
    let out = result.expect("success");
    check_outputs(
        f,
        &[
            ("r11", out.r11),
            ("r12", out.r12),
            ("r13", out.r13),
            ("r14", out.r14),
        ],
    );
}

#[test]
fn tdvmcall_map_gpa() {
    let f = fact("MapGPA");
    let start = MapGpaTarget::Shared(SharedGpa::new(0x8000_0010_0000).expect("shared"));
    // SAFETY: the trap answers the instruction; no memory changes sides.
    let (result, seen) = once(&f.name, || unsafe {
        vmcall::tdvmcall_map_gpa(start, 0x2000)
    });
    check_inputs(f, &seen, &[("r12", 0x8000_0010_0000), ("r13", 0x2000)]);
    let out = result.expect("success");
    check_outputs(f, &[("r11", out.resume)]);
}

#[test]
fn tdvmcall_get_quote() {
    let f = fact("GetQuote");
    assert_eq!(f.unused_zero, ["r14", "r15"], "what Linux passes besides");
    let buffer = SharedGpa::new(0x8000_0020_0000).expect("shared");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe {
        vmcall::tdvmcall_get_quote(buffer, 0x4000)
    });
    check_inputs(f, &seen, &[("r12", 0x8000_0020_0000), ("r13", 0x4000)]);
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_report_fatal_error() {
    let f = fact("ReportFatalError");
    let message = FatalErrorMessage::from_bytes(
        b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!?",
    );
    let (result, seen) = once(&f.name, || vmcall::tdvmcall_report_fatal_error(0, &message));
    let word = |i: usize| {
        let text = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!?";
        let mut le = [0u8; 8];
        le.copy_from_slice(&text[8 * i..8 * i + 8]);
        u64::from_le_bytes(le)
    };
    // GHCI order: R14, R15, RBX, RDI, RSI, R8, R9, RDX.
    check_inputs(
        f,
        &seen,
        &[
            ("r12", 0),
            ("r14", word(0)),
            ("r15", word(1)),
            ("rbx", word(2)),
            ("rdi", word(3)),
            ("rsi", word(4)),
            ("r8", word(5)),
            ("r9", word(6)),
            ("rdx", word(7)),
        ],
    );
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_setup_event_notify_interrupt() {
    let f = fact("SetupEventNotifyInterrupt");
    let vector = EventNotifyVector::new(0xf3).expect("not an exception vector");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no interrupt is injected.
        unsafe { vmcall::tdvmcall_setup_event_notify_interrupt(vector) }
    });
    check_inputs(f, &seen, &[("r12", 0xf3)]);
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_kvm_hypercall() {
    let f = fact("TDG.VP.VMCALL<KVM hypercall>");
    let nr = KvmHypercallNr::new(12).expect("non-zero");
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = answer("r10");
        },
        || vmcall::tdvmcall_kvm_hypercall(nr, 0x11, 0x22, 0x33, 0x44),
    );
    let [one] = seen.as_slice() else {
        panic!("one instruction: {seen:?}")
    };
    // TDCALL leaf 0 with the mask of what the reference names (R10..R14; Linux's
    // __tdx_hypercall would expose 0xFFCC), R10 = the hypercall number, R11..R14 = p1..p4.
    check_inputs(
        f,
        one,
        &[
            ("rcx", f.exposed_mask()),
            ("r10", 12),
            ("r11", 0x11),
            ("r12", 0x22),
            ("r13", 0x33),
            ("r14", 0x44),
        ],
    );
    assert_eq!(one.1.rcx, 0x7C00);
    let out = result.expect("the TDCALL succeeded");
    check_outputs(f, &[("r10", out.ret)]);
}
