//! Every module-1.5 wrapper the Linux reference does not cover (SEAMCALL, Secure EPT and memory), run through the trap
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
