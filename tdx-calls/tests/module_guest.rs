//! Every module-1.5 wrapper the Linux reference does not cover (TDCALL), run through the trap
//! (tdx-emu) with a scripted handler: the register image the instruction saw (RAX = leaf and
//! version, and every register the wrapper loads) is checked against the committed reference
//! `tests/data/module-1.5-leaves.json` (read from intel/tdx-module@72d8cffb), and every output
//! field is checked to come from its register.

mod module_common;

use module_common::*;
use tdx_calls::guest;

/// TDG.VP.CPUIDVE.SET: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_vp_cpuidve_set() {
    let (result, seen) = run(&[], || {
        guest::tdg_vp_cpuidve_set(CpuidVe {
            supervisor: true,
            user: false,
        })
    });
    check_inputs("TDG.VP.CPUIDVE.SET", &seen, &[("rcx", 1)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.VP.RD: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_vp_rd() {
    let (result, seen) = run(&["rdx", "r8"], || {
        guest::tdg_vp_rd(FieldId::from_raw(FIELD))
    });
    check_inputs("TDG.VP.RD", &seen, &[("rcx", 0), ("rdx", FIELD)]);
    let out = result.expect("success");
    assert_eq!(out.next, answer("rdx"), "rdx");
    assert_eq!(out.value, answer("r8"), "r8");
}

/// TDG.VP.WR: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_vp_wr() {
    let (result, seen) = run(&["r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_vp_wr(FieldId::from_raw(FIELD), 0x55u64, 0xFFu64) }
    });
    check_inputs(
        "TDG.VP.WR",
        &seen,
        &[("rcx", 0), ("rdx", FIELD), ("r8", 0x55), ("r9", 0xFF)],
    );
    let out = result.expect("success");
    assert_eq!(out.old, answer("r8"), "r8");
}

/// TDG.SYS.RD: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_sys_rd() {
    let (result, seen) = run(&["rdx", "r8"], || {
        guest::tdg_sys_rd(FieldId::from_raw(FIELD))
    });
    check_inputs("TDG.SYS.RD", &seen, &[("rdx", FIELD)]);
    let out = result.expect("success");
    assert_eq!(out.next, answer("rdx"), "rdx");
    assert_eq!(out.value, answer("r8"), "r8");
}

/// TDG.SYS.RDALL: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_sys_rdall() {
    let (result, seen) = run(&["r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_sys_rdall(gpa(GPA), FieldId::from_raw(FIELD)) }
    });
    check_inputs("TDG.SYS.RDALL", &seen, &[("rdx", GPA), ("r8", FIELD)]);
    let out = result.expect("success");
    assert_eq!(out.next, answer("r8"), "r8");
}

/// TDG.MR.VERIFYREPORT: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_mr_verifyreport() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_mr_verifyreport(gpa(GPA)) }
    });
    check_inputs("TDG.MR.VERIFYREPORT", &seen, &[("rcx", GPA)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.MEM.PAGE.ATTR.RD: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_mem_page_attr_rd() {
    let (result, seen) = run(&["rcx", "rdx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_mem_page_attr_rd(gpa(GPA)) }
    });
    check_inputs("TDG.MEM.PAGE.ATTR.RD", &seen, &[("rcx", GPA)]);
    let out = result.expect("success");
    assert_eq!(out.mapping, answer("rcx"), "rcx");
    assert_eq!(out.attributes.raw(), answer("rdx"), "rdx");
}

/// TDG.MEM.PAGE.ATTR.WR: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_mem_page_attr_wr() {
    let (result, seen) = run(&["rcx", "rdx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            guest::tdg_mem_page_attr_wr(
                accept_gpa(),
                GpaAttr::from_raw(0).with_vm(vm(1), 0x8003),
                AttrFlags::default().with_vm(vm(1), 3, true).expect("valid"),
            )
        }
    });
    check_inputs(
        "TDG.MEM.PAGE.ATTR.WR",
        &seen,
        &[("rcx", GPA), ("rdx", 0x8003 << 16), ("r8", 0x8003 << 16)],
    );
    let out = result.expect("success");
    assert_eq!(out.mapping, answer("rcx"), "rcx");
    assert_eq!(out.attributes.raw(), answer("rdx"), "rdx");
}

/// TDG.VP.INVEPT: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_vp_invept() {
    let (result, seen) = run(&[], || guest::tdg_vp_invept(L2VmMask::EMPTY.with(vm(1))));
    check_inputs("TDG.VP.INVEPT", &seen, &[("rcx", 0b10)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.VP.INVVPID: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_vp_invvpid() {
    let (result, seen) = run(&["rdx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_vp_invvpid(VmAndFlags::entry(vm(2)), 0x7000u64) }
    });
    check_inputs(
        "TDG.VP.INVVPID",
        &seen,
        &[("rcx", 2 << 52), ("rdx", 0x7000)],
    );
    let out = result.expect("success");
    assert_eq!(out.entry_or_list, answer("rdx"), "rdx");
}

/// TDG.SERVTD.RD: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_servtd_rd() {
    let (result, seen) = run(&["rdx", "r8", "r10", "r11", "r12", "r13"], || {
        guest::tdg_servtd_rd(
            ServtdHandle::from_raw(0x77),
            FieldId::from_raw(FIELD),
            TdUuid {
                q0: 0x10,
                q1: 0x11,
                q2: 0x12,
                q3: 0x13,
            },
        )
    });
    check_inputs(
        "TDG.SERVTD.RD",
        &seen,
        &[
            ("rcx", 0x77),
            ("rdx", FIELD),
            ("r10", 0x10),
            ("r11", 0x11),
            ("r12", 0x12),
            ("r13", 0x13),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.next, answer("rdx"), "rdx");
    assert_eq!(out.value, answer("r8"), "r8");
    assert_eq!(out.uuid0, answer("r10"), "r10");
    assert_eq!(out.uuid1, answer("r11"), "r11");
    assert_eq!(out.uuid2, answer("r12"), "r12");
    assert_eq!(out.uuid3, answer("r13"), "r13");
}

/// TDG.SERVTD.WR: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_servtd_wr() {
    let (result, seen) = run(&["r8", "r10", "r11", "r12", "r13"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            guest::tdg_servtd_wr(
                ServtdHandle::from_raw(0x77),
                FieldId::from_raw(FIELD),
                0x55u64,
                0xFFu64,
                TdUuid {
                    q0: 0x10,
                    q1: 0x11,
                    q2: 0x12,
                    q3: 0x13,
                },
            )
        }
    });
    check_inputs(
        "TDG.SERVTD.WR",
        &seen,
        &[
            ("rcx", 0x77),
            ("rdx", FIELD),
            ("r8", 0x55),
            ("r9", 0xFF),
            ("r10", 0x10),
            ("r11", 0x11),
            ("r12", 0x12),
            ("r13", 0x13),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.old, answer("r8"), "r8");
    assert_eq!(out.uuid0, answer("r10"), "r10");
    assert_eq!(out.uuid1, answer("r11"), "r11");
    assert_eq!(out.uuid2, answer("r12"), "r12");
    assert_eq!(out.uuid3, answer("r13"), "r13");
}

/// TDG.VP.ENTER: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_vp_enter() {
    let (result, seen) = run(
        &[
            "rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "rdi", "rsi",
        ],
        || {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                guest::tdg_vp_enter(L2EnterFlags::new(vm(2), L2Invalidate::TlbOnly), gpa(GPA))
            }
        },
    );
    check_inputs("TDG.VP.ENTER", &seen, &[("rcx", 2 << 52 | 2), ("rdx", GPA)]);
    let out = result.expect("success");
    assert_eq!(out.exit_qualification, answer("rcx"), "rcx");
    assert_eq!(out.gla, answer("rdx"), "rdx");
    assert_eq!(out.gpa, answer("r8"), "r8");
    assert_eq!(out.interruption, answer("r9"), "r9");
    assert_eq!(out.idt_vectoring, answer("r10"), "r10");
    assert_eq!(out.instruction, answer("r11"), "r11");
    assert_eq!(out.exit_info, answer("r12"), "r12");
    assert_eq!(out.extended_exit_qualification, answer("r13"), "r13");
    assert_eq!(out.cs_base, answer("rdi"), "rdi");
    assert_eq!(out.cs, answer("rsi"), "rsi");
}
