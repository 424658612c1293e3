//! The version-1 forms of module 1.5 and the leaves of module 1.5.34, run through the trap
//! (tdx-emu) with a scripted handler: the register image the instruction saw (RAX = leaf and
//! version, every register the wrapper loads) is checked against the committed reference
//! `tests/data/module-1.5-leaves.json` (one entry per name and version, read from
//! intel/tdx-module@72d8cffb and @9fd3c8b1), and every output field is checked to come from
//! its register.

mod module_common;

use module_common::*;
use tdx_calls::{guest, host};
use tdx_core::{
    FatalErrorConfig, FeatureEnables, Gpa, Hkid, Hpa, L1SeptPage, ListOfLists, RangeListInfo,
    ScanControls, ScanCxOut, ScanCxPage, ScanOp, ScanQualifier, SeptAddPage, SeptAddPages,
    TdHandleAndFlags,
};

/// TDH.MEM.SEPT.ADD version 1: RAX 0x10003, RDX carries `allow_existing`, R8–R11 the four
/// optional pages in and each page's fate out.
#[test]
fn tdh_mem_sept_add_v1() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r8 = !0; // added
            cpu.r9 = SEPT2 | 1 << 63; // existed: not used
            cpu.r10 = SEPT; // not added
            cpu.r11 = !0;
        },
        || {
            let pages = SeptAddPages {
                l1: L1SeptPage::NONE,
                l2: L2SeptPages {
                    vm1: L2SeptPage::new(page::<Sept>(SEPT2)),
                    vm2: L2SeptPage::new(page::<Sept>(SEPT)),
                    vm3: L2SeptPage::NONE,
                },
            };
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_mem_sept_add_v1(TdHandleAndFlags::new(page(TDR), true), sept_gpa(), pages)
            }
        },
    );
    assert_eq!(seen.len(), 1, "one instruction");
    check_inputs_at(
        "TDH.MEM.SEPT.ADD",
        1,
        &seen[0],
        &[
            ("rcx", GPA | 1),
            ("rdx", TDR | 1),
            ("r8", !0),
            ("r9", SEPT2),
            ("r10", SEPT),
            ("r11", !0),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.l1, SeptAddPage::Added, "r8");
    assert_eq!(out.vm1, SeptAddPage::NotUsed(SEPT2), "r9");
    assert_eq!(out.vm2, SeptAddPage::Pending(SEPT), "r10");
    assert_eq!(out.vm3, SeptAddPage::Added, "r11");
}

/// TDH.MEM.SEPT.ADD version 1 on error: R8–R11 still say what the module kept.
#[test]
fn tdh_mem_sept_add_v1_error_keeps_the_page_fates() {
    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = TdxStatus::OPERAND_BUSY.raw();
            cpu.r8 = SEPT;
        },
        || {
            let pages = SeptAddPages {
                l1: L1SeptPage::new(page::<Sept>(SEPT)),
                l2: L2SeptPages::NONE,
            };
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_mem_sept_add_v1(
                    TdHandleAndFlags::new(page(TDR), false),
                    sept_gpa(),
                    pages,
                )
            }
        },
    );
    let err = result.expect_err("busy");
    assert_eq!(err.reg::<tdx_core::reg::R8>(), Some(SEPT));
}

/// TDH.MEM.PAGE.PROMOTE version 1: the L2 VMs' freed pages from R9–R11.
#[test]
fn tdh_mem_page_promote_v1() {
    let (result, seen) = run(&["rcx", "r9", "r10", "r11"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mem_page_promote_v1(td, sept_gpa()) })
    });
    check_inputs_at(
        "TDH.MEM.PAGE.PROMOTE",
        1,
        &seen,
        &[("rcx", GPA | 1), ("rdx", TDR)],
    );
    let out = result.expect("success");
    assert_eq!(out.sept_page, answer("rcx"), "rcx");
    assert_eq!(
        (out.vm1, out.vm2, out.vm3),
        (answer("r9"), answer("r10"), answer("r11"))
    );
}

/// TDH.MEM.SEPT.REMOVE version 1: the L2 VMs' removed pages from R9–R11.
#[test]
fn tdh_mem_sept_remove_v1() {
    let (result, seen) = run(&["rcx", "r9", "r10", "r11"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mem_sept_remove_v1(td, sept_gpa()) })
    });
    check_inputs_at(
        "TDH.MEM.SEPT.REMOVE",
        1,
        &seen,
        &[("rcx", GPA | 1), ("rdx", TDR)],
    );
    let out = result.expect("success");
    assert_eq!(out.sept_page, answer("rcx"), "rcx");
    assert_eq!(
        (out.vm1, out.vm2, out.vm3),
        (answer("r9"), answer("r10"), answer("r11"))
    );
}

/// TDH.MNG.RD version 1: the next field ID from RDX, the value from R8.
#[test]
fn tdh_mng_rd_v1() {
    let (result, seen) = run(&["rdx", "r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mng_rd_v1(td, FieldId::from_raw(FIELD)) })
    });
    check_inputs_at("TDH.MNG.RD", 1, &seen, &[("rcx", TDR), ("rdx", FIELD)]);
    let out = result.expect("success");
    assert_eq!((out.next, out.value), (answer("rdx"), answer("r8")));
}

/// TDH.MNG.RD version 1 with a null field ID: the first field comes back with the
/// success-with-information status, which is `Ok` and kept.
#[test]
fn tdh_mng_rd_v1_first_field_is_success_with_information() {
    const FIRST_FIELD_ID_IN_CONTEXT: u64 = TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT.raw();
    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = FIRST_FIELD_ID_IN_CONTEXT;
            cpu.rdx = FIELD;
            cpu.r8 = 0;
        },
        // SAFETY: the trap answers the instruction; no memory is touched.
        || with_td(|td| unsafe { host::tdh_mng_rd_v1(td, FieldId::from_raw(0)) }),
    );
    let out = result.expect("success with information");
    assert_eq!(out.status.raw(), FIRST_FIELD_ID_IN_CONTEXT);
    assert_eq!(out.next, FIELD);
}

/// TDH.VP.RD version 1: the next field ID from RDX, the value from R8.
#[test]
fn tdh_vp_rd_v1() {
    let (result, seen) = run(&["rdx", "r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_vp(|vp| unsafe { host::tdh_vp_rd_v1(vp, FieldId::from_raw(FIELD)) })
    });
    check_inputs_at("TDH.VP.RD", 1, &seen, &[("rcx", TDVPR), ("rdx", FIELD)]);
    let out = result.expect("success");
    assert_eq!((out.next, out.value), (answer("rdx"), answer("r8")));
}

/// TDG.VM.RD version 1: RCX loaded with 0, the next field ID from RDX.
#[test]
fn tdg_vm_rd_v1() {
    let (result, seen) = run(&["rdx", "r8"], || {
        guest::tdg_vm_rd_v1(FieldId::from_raw(FIELD))
    });
    check_inputs_at("TDG.VM.RD", 1, &seen, &[("rcx", 0), ("rdx", FIELD)]);
    let out = result.expect("success");
    assert_eq!((out.next, out.value), (answer("rdx"), answer("r8")));
}

fn migration_operands() -> (GpaListInfo, HpaAndSize, PageListInfo, MigStream, MacLists) {
    (
        GpaListInfo::new(hpa(SEPT), 0, 7).expect("valid"),
        HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
        PageListInfo::new(hpa(PAGE), 3).expect("valid"),
        MigStream::new(1),
        MacLists {
            list0: hpa(TDR2),
            list1: hpa(SOURCE2),
        },
    )
}

/// TDH.EXPORT.MEM version 1: R8 (the MBMD in) returns the GPA list error count.
#[test]
fn tdh_export_mem_v1() {
    let (gpa_list, mbmd, pages, stream, macs) = migration_operands();
    let (result, seen) = run(&["rcx", "rdx", "r8"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_export_mem_v1(td, gpa_list, mbmd, pages, stream, macs, L2AttrList::NONE)
            }
        })
    });
    check_inputs_at(
        "TDH.EXPORT.MEM",
        1,
        &seen,
        &[
            ("rcx", SEPT | 7 << 55),
            ("rdx", TDR),
            ("r8", SOURCE | 128 << 52),
            ("r9", PAGE | 3 << 55),
            ("r10", 1),
            ("r11", TDR2),
            ("r12", SOURCE2),
            ("r14", !0),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.gpa_list.raw(), answer("rcx"), "rcx");
    assert_eq!(out.processed, answer("rdx"), "rdx");
    assert_eq!(out.errors, answer("r8"), "r8");
}

/// TDH.IMPORT.MEM version 1: R8 returns the GPA list error count.
#[test]
fn tdh_import_mem_v1() {
    let (gpa_list, mbmd, pages, stream, macs) = migration_operands();
    let new_pages = PageListInfo::new(hpa(SEPT2), 1).expect("valid");
    let (result, seen) = run(&["rcx", "r8"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_import_mem_v1(
                    td,
                    gpa_list,
                    mbmd,
                    pages,
                    stream,
                    macs,
                    new_pages,
                    L2AttrList::NONE,
                )
            }
        })
    });
    check_inputs_at(
        "TDH.IMPORT.MEM",
        1,
        &seen,
        &[
            ("rcx", SEPT | 7 << 55),
            ("rdx", TDR),
            ("r8", SOURCE | 128 << 52),
            ("r9", PAGE | 3 << 55),
            ("r10", 1),
            ("r11", TDR2),
            ("r12", SOURCE2),
            ("r13", SEPT2 | 1 << 55),
            ("r14", !0),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.gpa_list.raw(), answer("rcx"), "rcx");
    assert_eq!(out.errors, answer("r8"), "r8");
}

/// The list of lists of the SCAN tests: page 0x5000, entries 0..=5.
fn lists() -> ListOfLists {
    ListOfLists::new(Hpa::new(0x5000).unwrap(), 5).unwrap()
}

/// The scan controls of the SCAN tests: DCHECK (1), re-export (1 in bits 15:8), context 7
/// (bits 47:32), range 3 (bits 55:48).
fn controls() -> ScanControls {
    ScanControls::new(ScanOp::Dcheck, ScanQualifier::Reexport, 7, 3)
}

/// TDH.MEM.SCAN.RANGE (1.5.34): R9–R11 in and out.
#[test]
fn tdh_mem_scan_range() {
    let (result, seen) = run(&["r9", "r10", "r11"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mem_scan_range(td, lists(), controls(), gpa(GPA), 0x20_0000, 7) }
        })
    });
    check_inputs(
        "TDH.MEM.SCAN.RANGE",
        &seen,
        &[
            ("rcx", 0x5000 | 2 | 5 << 55),
            ("rdx", TDR),
            ("r8", 0x0003_0007_0000_0101),
            ("r9", GPA),
            ("r10", 0x20_0000),
            ("r11", 7),
        ],
    );
    let out = result.expect("success");
    assert_eq!(
        (out.next, out.left, out.next_entry),
        (Gpa::new(answer("r9")), answer("r10"), answer("r11"))
    );
}

/// TDH.MEM.SCAN.COMP (1.5.34): R11 in and out.
#[test]
fn tdh_mem_scan_comp() {
    let (result, seen) = run(&["r11"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mem_scan_comp(td, lists(), controls().resumed(), 9) })
    });
    check_inputs(
        "TDH.MEM.SCAN.COMP",
        &seen,
        &[
            ("rcx", 0x5000 | 2 | 5 << 55),
            ("rdx", TDR),
            ("r8", 0x0003_0007_0000_0101 | 1 << 63),
            ("r11", 9),
        ],
    );
    assert_eq!(result.expect("success").next_entry, answer("r11"));
}

/// TDH.MEM.SCAN.CONFIG (1.5.34): the four control pages in R8–R11, back with bit 63 on a
/// reconfiguration.
#[test]
fn tdh_mem_scan_config() {
    let (result, seen) = run(&["r8", "r9", "r10", "r11"], || {
        with_td(|td| {
            let ranges = RangeListInfo::new(Hpa::new(0x6000).unwrap(), 3).unwrap();
            let cx = |hpa| ScanCxPage::new(Hpa::new(hpa).unwrap()).unwrap();
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_mem_scan_config(
                    td,
                    ranges,
                    cx(PAGE),
                    cx(SEPT),
                    cx(SEPT2),
                    ScanCxPage::NONE,
                )
            }
        })
    });
    check_inputs(
        "TDH.MEM.SCAN.CONFIG",
        &seen,
        &[
            ("rcx", 0x6000 | 3),
            ("rdx", TDR),
            ("r8", PAGE),
            ("r9", SEPT),
            ("r10", SEPT2),
            ("r11", !0),
        ],
    );
    let out = result.expect("success");
    assert_eq!(
        [out.cx0, out.cx1, out.cx2, out.cx3].map(ScanCxOut::raw),
        [answer("r8"), answer("r9"), answer("r10"), answer("r11")]
    );
}

/// TDH.MEM.SCAN.RESET (1.5.34): the TDR in RDX, RCX not loaded.
#[test]
fn tdh_mem_scan_reset() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mem_scan_reset(td) })
    });
    check_inputs("TDH.MEM.SCAN.RESET", &seen, &[("rdx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDG.MR.KEY.GET (1.5.34): the key size from R9.
#[test]
fn tdg_mr_key_get() {
    let (result, seen) = run(&["r9"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_mr_key_get(gpa(GPA), gpa(GPA + 0x1000), 1) }
    });
    check_inputs(
        "TDG.MR.KEY.GET",
        &seen,
        &[("rcx", GPA), ("rdx", GPA + 0x1000), ("r8", 1)],
    );
    assert_eq!(result.expect("success").key_bits, answer("r9"));
}

/// TDH.SYS.INIT version 1: RAX 0x10021, R8 the fatal-error configuration, RCX loaded with 0.
#[test]
fn tdh_sys_init_v1() {
    let fatal = FatalErrorConfig::new(Some(hpa(SOURCE)))
        .expect("aligned")
        .with_interrupt(0x30)
        .expect("vector >= 16");
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_sys_init_v1(fatal) }
    });
    check_inputs_at(
        "TDH.SYS.INIT",
        1,
        &seen,
        &[("rcx", 0), ("r8", SOURCE | 1 << 54 | 0x30 << 56)],
    );
    result.expect("success");
}

/// TDH.SYS.CONFIG version 1: RAX 0x1002D, R9 the features to enable, R10 loaded with 0.
#[test]
fn tdh_sys_config_v1() {
    let enables = FeatureEnables::new(0b101, 0b111).expect("enumerated");
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_sys_config_v1(hpa(SOURCE), 2, Hkid::new(5), enables) }
    });
    check_inputs_at(
        "TDH.SYS.CONFIG",
        1,
        &seen,
        &[
            ("rcx", SOURCE),
            ("rdx", 2),
            ("r8", 5),
            ("r9", 0b101),
            ("r10", 0),
        ],
    );
    result.expect("success");
}

/// TDH.SYS.UPDATE version 1: RAX 0x10035, R9 the features to enable, R10 loaded with 0.
#[test]
fn tdh_sys_update_v1() {
    let enables = FeatureEnables::new(1 << 40, 1 << 40).expect("enumerated");
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_sys_update_v1(enables) }
    });
    check_inputs_at("TDH.SYS.UPDATE", 1, &seen, &[("r9", 1 << 40), ("r10", 0)]);
    result.expect("success");
}

/// TDH.EXPORT.BLOCKW version 1: R8 returns the GPA list error count.
#[test]
fn tdh_export_blockw_v1() {
    let (gpa_list, ..) = migration_operands();
    let (result, seen) = run(&["rcx", "r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_export_blockw_v1(td, gpa_list) })
    });
    check_inputs_at(
        "TDH.EXPORT.BLOCKW",
        1,
        &seen,
        &[("rcx", SEPT | 7 << 55), ("rdx", TDR)],
    );
    let out = result.expect("success");
    assert_eq!(out.gpa_list.raw(), answer("rcx"), "rcx");
    assert_eq!(out.errors, answer("r8"), "r8");
}

/// TDH.EXPORT.RESTORE version 1: R8 returns the GPA list error count.
#[test]
fn tdh_export_restore_v1() {
    let (gpa_list, ..) = migration_operands();
    let (result, seen) = run(&["rcx", "r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_export_restore_v1(td, gpa_list) })
    });
    check_inputs_at(
        "TDH.EXPORT.RESTORE",
        1,
        &seen,
        &[("rcx", SEPT | 7 << 55), ("rdx", TDR)],
    );
    let out = result.expect("success");
    assert_eq!(out.gpa_list.raw(), answer("rcx"), "rcx");
    assert_eq!(out.errors, answer("r8"), "r8");
}
