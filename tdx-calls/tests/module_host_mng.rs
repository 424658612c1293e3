//! Every module-1.5 wrapper the Linux reference does not cover (SEAMCALL, TD management, platform, dynamic PAMT and service TDs), run through the trap
//! (tdx-emu) with a scripted handler: the register image the instruction saw (RAX = leaf and
//! version, and every register the wrapper loads) is checked against the committed reference
//! `tests/data/module-1.5-leaves.json` (read from intel/tdx-module@72d8cffb), and every output
//! field is checked to come from its register.

mod module_common;

use module_common::*;
use tdx_calls::host;

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

/// TDH.PHYMEM.PAMT.ADD: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_phymem_pamt_add() {
    let (result, seen) = run(&[], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe {
            host::tdh_phymem_pamt_add(
                PamtRange::new(hpa(0x20_0000)).expect("aligned"),
                page::<Guest>(PAGE),
                page::<Guest>(SEPT2),
            )
        }
    });
    check_inputs(
        "TDH.PHYMEM.PAMT.ADD",
        &seen,
        &[("rcx", 0x20_0000 | 1), ("rdx", PAGE), ("r8", SEPT2)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

/// TDH.PHYMEM.PAMT.REMOVE: the register image against the module reference, outputs from their registers.
#[test]
fn tdh_phymem_pamt_remove() {
    let (result, seen) = run(&["rdx", "r8"], || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_phymem_pamt_remove(PamtRange::new(hpa(0x20_0000)).expect("aligned")) }
    });
    check_inputs("TDH.PHYMEM.PAMT.REMOVE", &seen, &[("rcx", 0x20_0000 | 1)]);
    let out = result.expect("success");
    assert_eq!(out.page0, answer("rdx"), "rdx");
    assert_eq!(out.page1, answer("r8"), "r8");
}
