//! Every TDX Connect guest wrapper (module 2.0; the host ones: `module_connect.rs`) run
//! through the trap (tdx-emu) with a scripted handler: the register image the instruction
//! saw is checked against `tests/data/module-2.0-leaves.json`, and every output field is
//! checked to come from its register.

mod module_common;

use module_common::connect::*;
use module_common::*;
use tdx_calls::guest;

/// TDG.SPDM.TPA.SET: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_spdm_tpa_set() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_spdm_tpa_set(iommu(), 0x111u64, gpa(GPA)) }
    });
    check_inputs(
        "TDG.SPDM.TPA.SET",
        &seen,
        &[("rcx", IOMMU), ("rdx", 0x111), ("r8", GPA)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.SPDM.TPA.GET: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_spdm_tpa_get() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_spdm_tpa_get(iommu(), 0x111u64, gpa(GPA)) }
    });
    check_inputs(
        "TDG.SPDM.TPA.GET",
        &seen,
        &[("rcx", IOMMU), ("rdx", 0x111), ("r8", GPA)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.DEVIF.VALIDATE: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_devif_validate() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            guest::tdg_devif_validate(
                function(),
                0x111u64,
                0x122u64,
                0x133u64,
                0x144u64,
                0x155u64,
                0x166u64,
            )
        }
    });
    check_inputs(
        "TDG.DEVIF.VALIDATE",
        &seen,
        &[
            ("rcx", FUNCTION),
            ("r12", 0x111),
            ("r11", 0x122),
            ("r10", 0x133),
            ("r9", 0x144),
            ("r8", 0x155),
            ("rdx", 0x166),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.DEVIF.RD: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_devif_rd() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_devif_rd(function(), DevifField::TdispVersion) }
    });
    check_inputs(
        "TDG.DEVIF.RD",
        &seen,
        &[("rcx", FUNCTION), ("rdx", 1), ("r9", 0)],
    );
    let out = result.expect("success");
    assert_eq!(out.value, answer("rcx"), "rcx");
}

/// TDG.DEVIF.REQUEST: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_devif_request() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            guest::tdg_devif_request(
                function(),
                DevifReqIn::new(DevifReqIn::DEVICE_INTERFACE_REPORT),
            )
        }
    });
    check_inputs(
        "TDG.DEVIF.REQUEST",
        &seen,
        &[("rcx", FUNCTION), ("rdx", 0x84), ("r9", 0)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.DEVIF.RESPONSE: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_devif_response() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_devif_response(function(), 0x111u64) }
    });
    check_inputs(
        "TDG.DEVIF.RESPONSE",
        &seen,
        &[("rcx", FUNCTION), ("rdx", 0x111), ("r9", 0)],
    );
    let out = result.expect("success");
    assert_eq!(out.response_out.raw(), answer("rcx"), "rcx");
    assert_eq!(out.response_out.resp_code(), answer("rcx") as u8, "rcx 7:0");
}

/// TDG.DMAR.ACCEPT: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_dmar_accept() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            guest::tdg_dmar_accept(
                function(),
                DmarTarget::new(1).unwrap(),
                0u64,
                0u64,
                0u64,
                0u64,
            )
        }
    });
    check_inputs(
        "TDG.DMAR.ACCEPT",
        &seen,
        &[
            ("rcx", FUNCTION),
            ("rdx", 1),
            ("r12", 0),
            ("r13", 0),
            ("r14", 0),
            ("r15", 0),
            ("r8", 0),
            ("r9", 0),
            ("r10", 0),
            ("r11", 0),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.TDI.MMIO.ACCEPT: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_tdi_mmio_accept() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_tdi_mmio_accept(accept_gpa(), 0x111u64) }
    });
    check_inputs(
        "TDG.TDI.MMIO.ACCEPT",
        &seen,
        &[("rcx", GPA), ("rdx", 0x111)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.IQ.INV.REQUEST: the register image against the module reference, outputs from their registers.
#[test]
fn tdg_iq_inv_request() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_iq_inv_request(0x100u64, gpa(GPA)) }
    });
    check_inputs("TDG.IQ.INV.REQUEST", &seen, &[("rcx", 0x100), ("rdx", GPA)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}
