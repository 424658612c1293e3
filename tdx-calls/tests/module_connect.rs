//! Every TDX Connect host wrapper (module 2.0; the guest ones: `module_connect_guest.rs`)
//! run through the trap (tdx-emu) with a scripted handler: the register image the
//! instruction saw is checked against `tests/data/module-2.0-leaves.json`, and every output
//! field is checked to come from its register. The typed operands and their hand-written
//! register images: `module_common/connect.rs`.

mod module_common;

use module_common::connect::*;
use module_common::*;
use tdx_calls::host;
/// TDH.IOMMU.SETREG: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_iommu_setreg() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_iommu_setreg(iommu(), IommuRegId::SpdmDirPa, 0x122u64) }
    });
    check_inputs(
        "TDH.IOMMU.SETREG",
        &seen,
        &[("rcx", IOMMU), ("rdx", 0x8000_0008), ("r8", 0x122)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IOMMU.GETREG: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_iommu_getreg() {
    let (result, seen) = run(&["r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_iommu_getreg(0x100u64, IommuRegId::IommuState) }
    });
    check_inputs(
        "TDH.IOMMU.GETREG",
        &seen,
        &[("rcx", 0x100), ("rdx", 0x8000_0002)],
    );
    let out = result.expect("success");
    assert_eq!(out.value, answer("r8"), "r8");
}

/// TDH.SPDM.CREATE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_spdm_create() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_spdm_create(iommu(), 0x111u64, page::<Guest>(PAGE)) }
    });
    check_inputs(
        "TDH.SPDM.CREATE",
        &seen,
        &[("rcx", IOMMU), ("rdx", 0x111), ("r8", PAGE)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.SPDM.DELETE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_spdm_delete() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_spdm_delete(iommu(), 0x111u64) }
    });
    check_inputs("TDH.SPDM.DELETE", &seen, &[("rcx", IOMMU), ("rdx", 0x111)]);
    let out = result.expect("success");
    assert_eq!(out.spdm_info, answer("rcx"), "rcx");
}

/// TDH.IDE.STREAM.CREATE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_ide_stream_create() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            host::tdh_ide_stream_create(
                iommu(),
                0x111u64,
                0x122u64,
                0x133u64,
                0x144u64,
                0x155u64,
                0x166u64,
                0x177u64,
                0x188u64,
                page::<Guest>(PAGE),
            )
        }
    });
    check_inputs(
        "TDH.IDE.STREAM.CREATE",
        &seen,
        &[
            ("rcx", IOMMU),
            ("rdx", 0x111),
            ("r8", 0x122),
            ("r9", 0x133),
            ("r10", 0x144),
            ("r11", 0x155),
            ("r12", 0x166),
            ("r13", 0x177),
            ("r14", 0x188),
            ("r15", PAGE),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IDE.STREAM.BLOCK: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_ide_stream_block() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_ide_stream_block(iommu(), stream()) }
    });
    check_inputs(
        "TDH.IDE.STREAM.BLOCK",
        &seen,
        &[("rcx", IOMMU), ("rdx", STREAM)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IDE.STREAM.DELETE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_ide_stream_delete() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_ide_stream_delete(iommu(), stream()) }
    });
    check_inputs(
        "TDH.IDE.STREAM.DELETE",
        &seen,
        &[("rcx", IOMMU), ("rdx", STREAM)],
    );
    let out = result.expect("success");
    assert_eq!(out.exinfo, answer("rcx"), "rcx");
}

/// TDH.IDE.STREAM.IDEKMREQ: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_ide_stream_idekmreq() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            host::tdh_ide_stream_idekmreq(
                iommu(),
                stream(),
                IdeKmObject::KeyProg,
                IdeKmParam::new(true, IdeDirection::DevTx, 2).unwrap(),
                0x144u64,
                hpa(SOURCE),
            )
        }
    });
    check_inputs(
        "TDH.IDE.STREAM.IDEKMREQ",
        &seen,
        &[
            ("rcx", IOMMU),
            ("rdx", STREAM),
            ("r8", 2),
            ("r9", 0x23),
            ("r10", 0x144),
            ("r11", SOURCE),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IDE.STREAM.IDEKMRSP: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_ide_stream_idekmrsp() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_ide_stream_idekmrsp(iommu(), stream(), hpa(SOURCE)) }
    });
    check_inputs(
        "TDH.IDE.STREAM.IDEKMRSP",
        &seen,
        &[("rcx", IOMMU), ("rdx", STREAM), ("r8", SOURCE)],
    );
    let out = result.expect("success");
    assert_eq!(out.payload, answer("rcx"), "rcx");
}

/// TDH.DEVIF.CREATE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_devif_create() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            host::tdh_devif_create(
                DevifId::new(iommu(), stream(), function()),
                page::<Tdr>(TDR),
                page::<Guest>(PAGE),
                page::<Guest>(PAGE),
                page::<Guest>(PAGE),
            )
        }
    });
    check_inputs(
        "TDH.DEVIF.CREATE",
        &seen,
        &[
            ("rcx", FUNCTION << 32 | STREAM << 16 | IOMMU),
            ("rdx", TDR),
            ("r8", PAGE),
            ("r9", PAGE),
            ("r10", PAGE),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.DEVIF.REMOVE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_devif_remove() {
    let (result, seen) = run(&["rcx", "rdx", "r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_devif_remove(function()) }
    });
    check_inputs("TDH.DEVIF.REMOVE", &seen, &[("rcx", FUNCTION)]);
    let out = result.expect("success");
    assert_eq!(out.td_buffer, answer("rcx"), "rcx");
    assert_eq!(out.vmm_buffer, answer("rdx"), "rdx");
    assert_eq!(out.tdr, answer("r8"), "r8");
}

/// TDH.DEVIF.REQUEST: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_devif_request() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            host::tdh_devif_request(
                function(),
                DevifReqIn::new(DevifReqIn::LOCK_INTERFACE).with_no_fw_update(),
                hpa(SOURCE),
            )
        }
    });
    check_inputs(
        "TDH.DEVIF.REQUEST",
        &seen,
        &[("rcx", FUNCTION), ("rdx", 0x183), ("r8", SOURCE), ("r9", 0)],
    );
    let out = result.expect("success");
    assert_eq!(out.request_out.raw(), answer("rcx"), "rcx");
    assert_eq!(
        out.request_out.message_code(),
        answer("rcx") as u8,
        "rcx 7:0"
    );
}

/// TDH.DEVIF.RESPONSE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_devif_response() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            host::tdh_devif_response(
                function(),
                DevifRspIn::new(hpa(SOURCE), true).unwrap(),
                0x122u64,
            )
        }
    });
    check_inputs(
        "TDH.DEVIF.RESPONSE",
        &seen,
        &[
            ("rcx", FUNCTION),
            ("rdx", SOURCE | 1 << 63),
            ("r8", 0x122),
            ("r9", 0),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.response_out.raw(), answer("rcx"), "rcx");
    assert_eq!(
        out.response_out.output_len(),
        (answer("rcx") >> 8) as u16,
        "rcx 23:8"
    );
}

/// TDH.DEVIF.MT.ADD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_devif_mt_add() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_devif_mt_add(devifmt(), page::<Guest>(PAGE)) }
    });
    check_inputs(
        "TDH.DEVIF.MT.ADD",
        &seen,
        &[("rcx", FUNCTION << 32 | 2), ("rdx", PAGE)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.DEVIF.MT.REMOVE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_devif_mt_remove() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_devif_mt_remove(devifmt()) }
    });
    check_inputs("TDH.DEVIF.MT.REMOVE", &seen, &[("rcx", FUNCTION << 32 | 2)]);
    let out = result.expect("success");
    assert_eq!(out.page, answer("rcx"), "rcx");
}

/// TDH.DEVIF.MT.RD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_devif_mt_rd() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_devif_mt_rd(devifmt()) }
    });
    check_inputs("TDH.DEVIF.MT.RD", &seen, &[("rcx", FUNCTION << 32 | 2)]);
    let out = result.expect("success");
    assert_eq!(out.entry, answer("rcx"), "rcx");
}

/// TDH.DMAR.ADD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_dmar_add() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            host::tdh_dmar_add(
                dmar(),
                0x111u64,
                0x122u64,
                0x133u64,
                0x144u64,
                0x155u64,
                0x166u64,
                0x177u64,
                0x188u64,
            )
        }
    });
    check_inputs(
        "TDH.DMAR.ADD",
        &seen,
        &[
            ("rcx", IOMMU << 48 | FUNCTION << 32 | 7 << 12 | 2),
            ("rdx", 0x111),
            ("r8", 0x122),
            ("r9", 0x133),
            ("r10", 0x144),
            ("r11", 0x155),
            ("r12", 0x166),
            ("r13", 0x177),
            ("r14", 0x188),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.DMAR.BLOCK: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_dmar_block() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_dmar_block(dmar()) }
    });
    check_inputs(
        "TDH.DMAR.BLOCK",
        &seen,
        &[("rcx", IOMMU << 48 | FUNCTION << 32 | 7 << 12 | 2)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.DMAR.READ: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_dmar_read() {
    let (result, seen) = run(
        &["rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"],
        || {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_dmar_read(dmar()) }
        },
    );
    check_inputs(
        "TDH.DMAR.READ",
        &seen,
        &[("rcx", IOMMU << 48 | FUNCTION << 32 | 7 << 12 | 2)],
    );
    let out = result.expect("success");
    assert_eq!(out.state.raw(), answer("rdx"), "rdx");
    assert_eq!(out.state.level(), answer("rdx") as u8 & 7, "rdx 2:0");
    assert_eq!(out.q0, answer("r8"), "r8");
    assert_eq!(out.q1, answer("r9"), "r9");
    assert_eq!(out.q2, answer("r10"), "r10");
    assert_eq!(out.q3, answer("r11"), "r11");
    assert_eq!(out.q4, answer("r12"), "r12");
    assert_eq!(out.q5, answer("r13"), "r13");
    assert_eq!(out.q6, answer("r14"), "r14");
    assert_eq!(out.q7, answer("r15"), "r15");
}

/// TDH.DMAR.REMOVE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_dmar_remove() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_dmar_remove(dmar()) }
    });
    check_inputs(
        "TDH.DMAR.REMOVE",
        &seen,
        &[("rcx", IOMMU << 48 | FUNCTION << 32 | 7 << 12 | 2)],
    );
    let out = result.expect("success");
    assert_eq!(out.page, answer("rcx"), "rcx");
}

/// TDH.MMIO.MT.ADD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mmio_mt_add() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_mmio_mt_add(mmiomt(), page::<Guest>(PAGE)) }
    });
    check_inputs(
        "TDH.MMIO.MT.ADD",
        &seen,
        &[("rcx", PAGE | 1), ("rdx", PAGE)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.MMIO.MT.SET: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mmio_mt_set() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_mmio_mt_set(mmiomt(), MmiomtSetInfo::new(2, function()).unwrap()) }
    });
    check_inputs(
        "TDH.MMIO.MT.SET",
        &seen,
        &[("rcx", PAGE | 1), ("rdx", FUNCTION << 12 | 2)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.MMIO.MT.RD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mmio_mt_rd() {
    let (result, seen) = run(&["rcx", "rdx", "r8", "r9"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_mmio_mt_rd(mmiomt()) }
    });
    check_inputs("TDH.MMIO.MT.RD", &seen, &[("rcx", PAGE | 1)]);
    let out = result.expect("success");
    assert_eq!(out.q0, answer("rcx"), "rcx");
    assert_eq!(out.q1, answer("rdx"), "rdx");
    assert_eq!(out.q2, answer("r8"), "r8");
    assert_eq!(out.q3, answer("r9"), "r9");
}

/// TDH.MMIO.MT.REMOVE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mmio_mt_remove() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_mmio_mt_remove(mmiomt()) }
    });
    check_inputs("TDH.MMIO.MT.REMOVE", &seen, &[("rcx", PAGE | 1)]);
    let out = result.expect("success");
    assert_eq!(out.page_number, answer("rcx"), "rcx");
}

/// TDH.MMIO.MAP: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mmio_map() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_mmio_map(sept_gpa(), page::<Tdr>(TDR), hpa(SOURCE)) }
    });
    check_inputs(
        "TDH.MMIO.MAP",
        &seen,
        &[("rcx", GPA | 1), ("rdx", TDR), ("r8", SOURCE)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.MMIO.BLOCK: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mmio_block() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_mmio_block(sept_gpa(), page::<Tdr>(TDR)) }
    });
    check_inputs("TDH.MMIO.BLOCK", &seen, &[("rcx", GPA | 1), ("rdx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.MMIO.UNMAP: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mmio_unmap() {
    let (result, seen) = run(&["r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_mmio_unmap(sept_gpa(), page::<Tdr>(TDR)) }
    });
    check_inputs("TDH.MMIO.UNMAP", &seen, &[("rcx", GPA | 1), ("rdx", TDR)]);
    let out = result.expect("success");
    assert_eq!(out.mmio, answer("r8"), "r8");
}

/// TDH.IQ.INV.REQUEST: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_iq_inv_request() {
    let (result, seen) = run(&["rcx"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            host::tdh_iq_inv_request(
                iommu(),
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
        "TDH.IQ.INV.REQUEST",
        &seen,
        &[
            ("rcx", IOMMU),
            ("rdx", 0x111),
            ("r8", 0x122),
            ("r9", 0x133),
            ("r10", 0x144),
            ("r11", 0x155),
            ("r12", 0x166),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.remaining, answer("rcx"), "rcx");
}

/// TDH.IQ.INV.PROCESS: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_iq_inv_process() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_iq_inv_process(iommu()) }
    });
    check_inputs("TDH.IQ.INV.PROCESS", &seen, &[("rcx", IOMMU)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.MEM.SHARED.SEPT.WR: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mem_shared_sept_wr() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            host::tdh_mem_shared_sept_wr(
                0x100u64,
                page::<Tdr>(TDR),
                0x122u64,
                0x133u64,
                0x144u64,
                0x155u64,
            )
        }
    });
    check_inputs_at(
        "TDH.MEM.SHARED.SEPT.WR",
        1,
        &seen,
        &[
            ("rcx", 0x100),
            ("rdx", TDR),
            ("r8", 0x122),
            ("r9", 0x133),
            ("r10", 0x144),
            ("r11", 0x155),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}
