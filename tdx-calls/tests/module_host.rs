//! Every module-1.5 wrapper the Linux reference does not cover (SEAMCALL), run through the trap
//! (tdx-emu) with a scripted handler: the register image the instruction saw (RAX = leaf and
//! version, and every register the wrapper loads) is checked against the committed reference
//! `tests/data/module-1.5-leaves.json` (read from intel/tdx-module@72d8cffb), and every output
//! field is checked to come from its register.

mod module_common;

use module_common::*;
use tdx_calls::host;

/// TDH.MEM.PAGE.RELOCATE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mem_page_relocate() {
    let (result, seen) = run(&["rcx"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mem_page_relocate(td, sept_gpa_4k(), page::<Guest>(PAGE)) }
        })
    });
    check_inputs(
        "TDH.MEM.PAGE.RELOCATE",
        &seen,
        &[("rcx", GPA), ("rdx", TDR), ("r8", PAGE)],
    );
    let out = result.expect("success");
    assert_eq!(out.old_page, answer("rcx"), "rcx");
}

/// TDH.MEM.RD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mem_rd() {
    let (result, seen) = run(&["r8"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mem_rd(td, gpa(GPA)) }
        })
    });
    check_inputs("TDH.MEM.RD", &seen, &[("rcx", GPA), ("rdx", TDR)]);
    let out = result.expect("success");
    assert_eq!(out.data, answer("r8"), "r8");
}

/// TDH.MEM.WR: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mem_wr() {
    let (result, seen) = run(&["r8"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mem_wr(td, gpa(GPA), 0x1122_3344_5566_7788u64) }
        })
    });
    check_inputs(
        "TDH.MEM.WR",
        &seen,
        &[("rcx", GPA), ("rdx", TDR), ("r8", 0x1122_3344_5566_7788)],
    );
    let out = result.expect("success");
    assert_eq!(out.old, answer("r8"), "r8");
}

/// TDH.MEM.PAGE.DEMOTE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mem_page_demote() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_mem_page_demote(
                    td,
                    sept_gpa(),
                    page::<Sept>(SEPT),
                    L2SeptPages {
                        vm1: L2SeptPage::NONE,
                        vm2: L2SeptPage::new(page::<Sept>(SEPT2)),
                        vm3: L2SeptPage::NONE,
                    },
                    DynamicPamt {
                        page0: DynamicPamtPage::new(page::<Guest>(PAGE)),
                        page1: DynamicPamtPage::NONE,
                    },
                )
            }
        })
    });
    check_inputs(
        "TDH.MEM.PAGE.DEMOTE",
        &seen,
        &[
            ("rcx", GPA | 1),
            ("rdx", TDR),
            ("r8", SEPT),
            ("r9", !0),
            ("r10", SEPT2),
            ("r11", !0),
            ("r12", PAGE),
            ("r13", 0),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.MEM.PAGE.PROMOTE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mem_page_promote() {
    let (result, seen) = run(&["rcx"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mem_page_promote(td, sept_gpa()) }
        })
    });
    check_inputs(
        "TDH.MEM.PAGE.PROMOTE",
        &seen,
        &[("rcx", GPA | 1), ("rdx", TDR)],
    );
    let out = result.expect("success");
    assert_eq!(out.sept_page, answer("rcx"), "rcx");
}

/// TDH.MEM.SEPT.RD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mem_sept_rd() {
    let (result, seen) = run(&["rcx", "rdx", "r8"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mem_sept_rd(td, sept_gpa()) }
        })
    });
    check_inputs("TDH.MEM.SEPT.RD", &seen, &[("rcx", GPA | 1), ("rdx", TDR)]);
    let out = result.expect("success");
    assert_eq!(out.entry, answer("rcx"), "rcx");
    assert_eq!(out.level_state, answer("rdx"), "rdx");
    assert_eq!(out.attributes.raw(), answer("r8"), "r8");
}

/// TDH.MEM.SEPT.REMOVE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mem_sept_remove() {
    let (result, seen) = run(&["rcx"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mem_sept_remove(td, sept_gpa()) }
        })
    });
    check_inputs(
        "TDH.MEM.SEPT.REMOVE",
        &seen,
        &[("rcx", GPA | 1), ("rdx", TDR)],
    );
    let out = result.expect("success");
    assert_eq!(out.sept_page, answer("rcx"), "rcx");
}

/// TDH.MEM.RANGE.UNBLOCK: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mem_range_unblock() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mem_range_unblock(td, sept_gpa()) }
        })
    });
    check_inputs(
        "TDH.MEM.RANGE.UNBLOCK",
        &seen,
        &[("rcx", GPA | 1), ("rdx", TDR)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.MNG.WR: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mng_wr() {
    let (result, seen) = run(&["r8"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mng_wr(td, FieldId::from_raw(FIELD), 0x55u64, 0xFFu64) }
        })
    });
    check_inputs(
        "TDH.MNG.WR",
        &seen,
        &[("rcx", TDR), ("rdx", FIELD), ("r8", 0x55), ("r9", 0xFF)],
    );
    let out = result.expect("success");
    assert_eq!(out.old, answer("r8"), "r8");
}

/// TDH.MNG.KEY.RECLAIMID: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mng_key_reclaimid() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mng_key_reclaimid(td) }
        })
    });
    check_inputs("TDH.MNG.KEY.RECLAIMID", &seen, &[("rcx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.SYS.INFO: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_sys_info() {
    let (result, seen) = run(&["rdx", "r9"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_sys_info(hpa(SOURCE), 1024u64, hpa(PAGE), 32u64) }
    });
    check_inputs(
        "TDH.SYS.INFO",
        &seen,
        &[("rcx", SOURCE), ("rdx", 1024), ("r8", PAGE), ("r9", 32)],
    );
    let out = result.expect("success");
    assert_eq!(out.sysinfo_written, answer("rdx"), "rdx");
    assert_eq!(out.cmrs_written, answer("r9"), "r9");
}

/// TDH.SYS.RDALL: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_sys_rdall() {
    let (result, seen) = run(&["r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_sys_rdall(hpa(PAGE), FieldId::from_raw(FIELD)) }
    });
    check_inputs("TDH.SYS.RDALL", &seen, &[("rdx", PAGE), ("r8", FIELD)]);
    let out = result.expect("success");
    assert_eq!(out.next, answer("r8"), "r8");
}

/// TDH.SYS.LP.SHUTDOWN: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_sys_lp_shutdown() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_sys_lp_shutdown() }
    });
    check_inputs("TDH.SYS.LP.SHUTDOWN", &seen, &[]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.SERVTD.BIND: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_servtd_bind() {
    let (result, seen) = run(&["rcx", "r10", "r11", "r12", "r13"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_servtd_bind(
                    td,
                    page::<Tdr>(TDR2),
                    ServtdSlot::new(0),
                    ServtdType::MIGTD,
                    ServtdAttributes::new(1).expect("valid"),
                )
            }
        })
    });
    check_inputs(
        "TDH.SERVTD.BIND",
        &seen,
        &[
            ("rcx", TDR),
            ("rdx", TDR2),
            ("r8", 0),
            ("r9", 0),
            ("r10", 1),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.handle.raw(), answer("rcx"), "rcx");
    assert_eq!(out.uuid0, answer("r10"), "r10");
    assert_eq!(out.uuid1, answer("r11"), "r11");
    assert_eq!(out.uuid2, answer("r12"), "r12");
    assert_eq!(out.uuid3, answer("r13"), "r13");
}

/// TDH.SERVTD.PREBIND: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_servtd_prebind() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_servtd_prebind(
                    td,
                    hpa(SOURCE),
                    ServtdSlot::new(0),
                    ServtdType::MIGTD,
                    ServtdAttributes::new(1).expect("valid"),
                )
            }
        })
    });
    check_inputs(
        "TDH.SERVTD.PREBIND",
        &seen,
        &[
            ("rcx", TDR),
            ("rdx", SOURCE),
            ("r8", 0),
            ("r9", 0),
            ("r10", 1),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.EXPORT.ABORT: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_abort() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_export_abort(
                    td,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.EXPORT.ABORT",
        &seen,
        &[("rcx", TDR), ("r8", SOURCE | 128 << 52), ("r10", 1)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.EXPORT.BLOCKW: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_blockw() {
    let (result, seen) = run(&["rcx"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_export_blockw(td, GpaListInfo::new(hpa(SEPT), 0, 7).expect("valid"))
            }
        })
    });
    check_inputs(
        "TDH.EXPORT.BLOCKW",
        &seen,
        &[("rcx", SEPT | 7 << 55), ("rdx", TDR)],
    );
    let out = result.expect("success");
    assert_eq!(out.gpa_list.raw(), answer("rcx"), "rcx");
}

/// TDH.EXPORT.RESTORE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_restore() {
    let (result, seen) = run(&["rcx"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_export_restore(td, GpaListInfo::new(hpa(SEPT), 0, 7).expect("valid"))
            }
        })
    });
    check_inputs(
        "TDH.EXPORT.RESTORE",
        &seen,
        &[("rcx", SEPT | 7 << 55), ("rdx", TDR)],
    );
    let out = result.expect("success");
    assert_eq!(out.gpa_list.raw(), answer("rcx"), "rcx");
}

/// TDH.EXPORT.MEM: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_mem() {
    let (result, seen) = run(&["rcx", "rdx"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_export_mem(
                    td,
                    GpaListInfo::new(hpa(SEPT), 0, 7).expect("valid"),
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    PageListInfo::new(hpa(PAGE), 3).expect("valid"),
                    MigStream::new(1),
                    MacLists {
                        list0: hpa(TDR2),
                        list1: hpa(SOURCE2),
                    },
                    L2AttrList::NONE,
                )
            }
        })
    });
    check_inputs(
        "TDH.EXPORT.MEM",
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
}

/// TDH.EXPORT.PAUSE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_pause() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_export_pause(td) }
        })
    });
    check_inputs("TDH.EXPORT.PAUSE", &seen, &[("rcx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.EXPORT.TRACK: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_track() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_export_track(
                    td,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.EXPORT.TRACK",
        &seen,
        &[("rcx", TDR), ("r8", SOURCE | 128 << 52), ("r10", 1)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.EXPORT.STATE.IMMUTABLE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_state_immutable() {
    let (result, seen) = run(&["rdx"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_export_state_immutable(
                    td,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    PageListInfo::new(hpa(PAGE), 3).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.EXPORT.STATE.IMMUTABLE",
        &seen,
        &[
            ("rcx", TDR),
            ("r8", SOURCE | 128 << 52),
            ("r9", PAGE | 3 << 55),
            ("r10", 1),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.pages, answer("rdx"), "rdx");
}

/// TDH.EXPORT.STATE.TD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_state_td() {
    let (result, seen) = run(&["rdx"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_export_state_td(
                    td,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    PageListInfo::new(hpa(PAGE), 3).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.EXPORT.STATE.TD",
        &seen,
        &[
            ("rcx", TDR),
            ("r8", SOURCE | 128 << 52),
            ("r9", PAGE | 3 << 55),
            ("r10", 1),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.pages, answer("rdx"), "rdx");
}

/// TDH.EXPORT.STATE.VP: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_state_vp() {
    let (result, seen) = run(&["rdx"], || {
        with_vp(|vp| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_export_state_vp(
                    vp,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    PageListInfo::new(hpa(PAGE), 3).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.EXPORT.STATE.VP",
        &seen,
        &[
            ("rcx", TDVPR),
            ("r8", SOURCE | 128 << 52),
            ("r9", PAGE | 3 << 55),
            ("r10", 1),
        ],
    );
    let out = result.expect("success");
    assert_eq!(out.pages, answer("rdx"), "rdx");
}

/// TDH.EXPORT.UNBLOCKW: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_export_unblockw() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_export_unblockw(td, sept_gpa()) }
        })
    });
    check_inputs(
        "TDH.EXPORT.UNBLOCKW",
        &seen,
        &[("rcx", GPA | 1), ("rdx", TDR)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IMPORT.ABORT: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_import_abort() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_import_abort(
                    td,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.IMPORT.ABORT",
        &seen,
        &[("rcx", TDR), ("r8", SOURCE | 128 << 52), ("r10", 1)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IMPORT.END: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_import_end() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_import_end(td) }
        })
    });
    check_inputs("TDH.IMPORT.END", &seen, &[("rcx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IMPORT.COMMIT: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_import_commit() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_import_commit(td) }
        })
    });
    check_inputs("TDH.IMPORT.COMMIT", &seen, &[("rcx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IMPORT.MEM: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_import_mem() {
    let (result, seen) = run(&["rcx"], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_import_mem(
                    td,
                    GpaListInfo::new(hpa(SEPT), 0, 7).expect("valid"),
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    PageListInfo::new(hpa(PAGE), 3).expect("valid"),
                    MigStream::new(1),
                    MacLists {
                        list0: hpa(TDR2),
                        list1: hpa(SOURCE2),
                    },
                    PageListInfo::new(hpa(SEPT2), 1).expect("valid"),
                    L2AttrList::NONE,
                )
            }
        })
    });
    check_inputs(
        "TDH.IMPORT.MEM",
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
}

/// TDH.IMPORT.TRACK: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_import_track() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_import_track(
                    td,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.IMPORT.TRACK",
        &seen,
        &[("rcx", TDR), ("r8", SOURCE | 128 << 52), ("r10", 1)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IMPORT.STATE.IMMUTABLE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_import_state_immutable() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_import_state_immutable(
                    td,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    PageListInfo::new(hpa(PAGE), 3).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.IMPORT.STATE.IMMUTABLE",
        &seen,
        &[
            ("rcx", TDR),
            ("rdx", 0),
            ("r8", SOURCE | 128 << 52),
            ("r9", PAGE | 3 << 55),
            ("r10", 1),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IMPORT.STATE.TD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_import_state_td() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_import_state_td(
                    td,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    PageListInfo::new(hpa(PAGE), 3).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.IMPORT.STATE.TD",
        &seen,
        &[
            ("rcx", TDR),
            ("rdx", 0),
            ("r8", SOURCE | 128 << 52),
            ("r9", PAGE | 3 << 55),
            ("r10", 1),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.IMPORT.STATE.VP: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_import_state_vp() {
    let (result, seen) = run(&[], || {
        with_vp(|vp| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe {
                host::tdh_import_state_vp(
                    vp,
                    HpaAndSize::new(hpa(SOURCE), 128).expect("valid"),
                    PageListInfo::new(hpa(PAGE), 3).expect("valid"),
                    MigStream::new(1),
                )
            }
        })
    });
    check_inputs(
        "TDH.IMPORT.STATE.VP",
        &seen,
        &[
            ("rcx", TDVPR),
            ("rdx", 0),
            ("r8", SOURCE | 128 << 52),
            ("r9", PAGE | 3 << 55),
            ("r10", 1),
        ],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.MIG.STREAM.CREATE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_mig_stream_create() {
    let (result, seen) = run(&[], || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mig_stream_create(td, MigscPage::new(hpa(PAGE)).expect("aligned")) }
        })
    });
    check_inputs(
        "TDH.MIG.STREAM.CREATE",
        &seen,
        &[("rcx", PAGE), ("rdx", TDR)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}
