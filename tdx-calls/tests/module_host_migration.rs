//! Every module-1.5 wrapper the Linux reference does not cover (SEAMCALL, live migration), run through the trap
//! (tdx-emu) with a scripted handler: the register image the instruction saw (RAX = leaf and
//! version, and every register the wrapper loads) is checked against the committed reference
//! `tests/data/module-1.5-leaves.json` (read from intel/tdx-module@72d8cffb), and every output
//! field is checked to come from its register.

mod module_common;

use module_common::*;
use tdx_calls::host;

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
