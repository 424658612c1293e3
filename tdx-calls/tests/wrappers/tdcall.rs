//! The TDCALL wrappers.

use super::*;

// ======================================================================== TDCALL

#[test]
fn tdg_vp_vmcall() {
    let f = fact("TDG.VP.VMCALL");
    let mut args = ModuleArgs::ZERO;
    for (i, reg) in common::REGS.iter().enumerate() {
        args.set(common::index(reg), 0x200 + i as u64);
    }
    let before = args;
    let (result, seen) = trace(
        |_, cpu| {
            for reg in common::REGS {
                common::set(cpu, reg, answer(reg));
            }
            cpu.rax = 0;
        },
        // SAFETY: the trap answers the instruction; `args` is live.
        || unsafe { guest::tdg_vp_vmcall(&mut args) },
    );
    let [one] = seen.as_slice() else {
        panic!("one instruction: {seen:?}")
    };
    let expected: Vec<(&str, u64)> = common::REGS
        .iter()
        .map(|reg| (*reg, before.get(common::index(reg)).unwrap_or(0)))
        .collect();
    check_inputs(f, one, &expected);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    let outputs = f.success_outputs();
    let got: Vec<(&str, u64)> = outputs
        .iter()
        .map(|reg| (reg.as_str(), args.get(common::index(reg)).unwrap_or(0)))
        .collect();
    check_outputs(f, &got);
}

#[test]
fn tdg_vp_info() {
    let f = fact("TDG.VP.INFO");
    let (result, seen) = once(&f.name, guest::tdg_vp_info);
    check_inputs(f, &seen, &[]);
    let out = result.expect("success");
    check_outputs(
        f,
        &[("rcx", out.gpa_width.raw()), ("rdx", out.attributes.raw())],
    );
}

#[test]
fn tdg_mr_rtmr_extend() {
    let f = fact("TDG.MR.RTMR.EXTEND");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_mr_rtmr_extend(gpa(0x9000), RtmrIndex::new(2)) }
    });
    check_inputs(f, &seen, &[("rcx", 0x9000), ("rdx", 2)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdg_vp_veinfo_get() {
    let f = fact("TDG.VP.VEINFO.GET");
    let (result, seen) = once(&f.name, guest::tdg_vp_veinfo_get);
    check_inputs(f, &seen, &[]);
    let out = result.expect("success");
    let gla = match out.gla {
        Ok(gla) => gla.as_u64(),
        Err(err) => err.raw(),
    };
    let gpa = match out.gpa {
        Ok(gpa) => gpa.as_u64(),
        Err(err) => err.raw(),
    };
    check_outputs(
        f,
        &[
            ("rcx", out.exit_reason.raw()),
            ("rdx", out.exit_qualification),
            ("r8", gla),
            ("r9", gpa),
            ("r10", out.instruction.raw()),
        ],
    );
}

#[test]
fn tdg_mr_report() {
    let f = fact("TDG.MR.REPORT");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_mr_report(gpa(0xA000), gpa(0xB000), 0) }
    });
    check_inputs(f, &seen, &[("rcx", 0xA000), ("rdx", 0xB000), ("r8", 0)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdg_mem_page_accept() {
    let f = fact("TDG.MEM.PAGE.ACCEPT");
    let op = AcceptGpa::new(gpa(0x20_0000), PageSize::Size2M).expect("aligned");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { guest::tdg_mem_page_accept(op) });
    check_inputs(f, &seen, &[("rcx", 0x20_0001)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdg_vm_rd() {
    let f = fact("TDG.VM.RD");
    let field = 0x1110_0003_0000_0016;
    let (result, seen) = once(&f.name, || guest::tdg_vm_rd(FieldId::from_raw(field)));
    check_inputs(f, &seen, &[("rdx", field)]);
    let out = result.expect("success");
    check_outputs(f, &[("r8", out.value)]);
}

#[test]
fn tdg_vm_wr() {
    let f = fact("TDG.VM.WR");
    let field = 0x9100_0000_0000_0010;
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_vm_wr(FieldId::from_raw(field), 1, 1) }
    });
    check_inputs(f, &seen, &[("rdx", field), ("r8", 1), ("r9", 1)]);
    // As for TDH.VP.WR: R8 as the instruction left it (the value sent, here).
    assert_eq!(result.map(|w| w.old), Ok(1));
}
