//! SEPT.RD, MEM.RD / MEM.WR, SEPT.REMOVE and PAGE.RELOCATE.

use super::*;
use tdx_calls::host;
use tdx_core::{Guest, ModuleArgs, Page, SeptLevel, TdxStatus};
use tdx_emu::module::{TdParams, TdxModule, leaf};

#[test]
fn sept_rd_reads_entries_at_every_level_and_reports_failed_walks() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let (td, septs, page) = td_with_page(&m, HKID, &TdParams::default());
        let t = td_ref(&td);
        // SAFETY: see the `common` module docs.
        unsafe {
            let leaf0 = host::tdh_mem_sept_rd(&t, sept_gpa(GPA, SeptLevel::Level4K)).expect("RD");
            assert_eq!(
                (leaf0.entry, leaf0.level_state),
                (page | 7, 0x400),
                "level 0, MAPPED (public state 4)"
            );
            let pt = host::tdh_mem_sept_rd(&t, sept_gpa(GPA, SeptLevel::Level2M)).expect("RD");
            assert_eq!(
                (pt.entry, pt.level_state),
                (septs[2].as_u64() | 7, 0x8401),
                "level 1, NL_MAPPED (public state 0x84)"
            );
            let free = host::tdh_mem_sept_rd(&t, sept_gpa(GPA + 0x1000, SeptLevel::Level4K))
                .expect("a FREE entry reads too");
            assert_eq!((free.entry, free.level_state), (0, 0), "level 0, FREE");

            // A block shows in the state.
            raw::tdh_mem_range_block(sept_gpa(GPA, SeptLevel::Level4K), td.tdr).expect("BLOCK");
            let blocked = host::tdh_mem_sept_rd(&t, sept_gpa(GPA, SeptLevel::Level4K)).expect("RD");
            assert_eq!(blocked.level_state, 0x100, "level 0, BLOCKED");

            // The walk stops at level 2 (no Secure-EPT page for 1 GiB..2 GiB).
            let error = host::tdh_mem_sept_rd(&t, sept_gpa(0x4000_0000, SeptLevel::Level4K))
                .expect_err("no page-table pages there");
            assert_eq!(error.status(), st(TdxStatus::EPT_WALK_FAILED, op::RCX));
            assert_eq!(details(&error), (0, 0x002), "level 2, FREE");

            // A shared GPA (bit 47 of a 48-bit GPA width).
            let error = host::tdh_mem_sept_rd(&t, sept_gpa(1 << 47, SeptLevel::Level4K))
                .expect_err("shared");
            assert_eq!(error.status(), st(TdxStatus::OPERAND_INVALID, op::RCX));
        }
        // RDX bit 0 (read the L2 attributes) is for debug TDs only.
        let mut args = ModuleArgs {
            rcx: GPA,
            rdx: td.tdr.as_u64() | 1,
            ..ModuleArgs::default()
        };
        assert_eq!(
            m.seamcall(leaf::TDH_MEM_SEPT_RD, &mut args).status,
            st(TdxStatus::OPERAND_INVALID, op::RDX)
        );
        let debug = TdParams {
            attributes: TdParams::ATTR_DEBUG,
            ..TdParams::default()
        };
        let (debug_td, _, page) = td_with_page(&m, HKID + 1, &debug);
        let mut args = ModuleArgs {
            rcx: GPA,
            rdx: debug_td.tdr.as_u64() | 1,
            r8: 0xdead,
            ..ModuleArgs::default()
        };
        assert!(
            m.seamcall(leaf::TDH_MEM_SEPT_RD, &mut args)
                .status
                .is_success()
        );
        assert_eq!(
            (args.rcx, args.rdx, args.r8),
            (page | 7, 0x400, 0),
            "no L2 VMs: no attributes"
        );
    });
}

#[test]
fn mem_rd_and_wr_read_and_write_a_debug_tds_private_memory() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let debug = TdParams {
            attributes: TdParams::ATTR_DEBUG,
            ..TdParams::default()
        };
        let (td, _, page) = td_with_page(&m, HKID, &debug);
        let t = td_ref(&td);
        // SAFETY: see the `common` module docs.
        unsafe {
            let read = host::tdh_mem_rd(&t, gpa(GPA + 8)).expect("MEM.RD");
            assert_eq!(
                read.data, 0x1122_3344_5566_7788,
                "the bytes PAGE.ADD copied"
            );
            let written = host::tdh_mem_wr(&t, gpa(GPA + 8), 0xfeed_f00d).expect("MEM.WR");
            assert_eq!(
                written.old, 0x1122_3344_5566_7788,
                "WR returns the old value"
            );
            assert_eq!(
                host::tdh_mem_rd(&t, gpa(GPA + 8)).map(|r| r.data),
                Ok(0xfeed_f00d)
            );
            assert_eq!(
                m.read_memory(hpa(page + 8), 8),
                0xfeed_f00du64.to_le_bytes(),
                "the TD page itself changed"
            );

            assert_eq!(
                err(host::tdh_mem_rd(&t, gpa(GPA + 4))),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "8-byte aligned"
            );
            let error = host::tdh_mem_wr(&t, gpa(GPA + 0x1000), 1).expect_err("not mapped");
            assert_eq!(
                error.status(),
                st(TdxStatus::EPT_ENTRY_NOT_PRESENT, op::RCX)
            );
            assert_eq!(details(&error), (0, 0), "level 0, FREE");
            let error = host::tdh_mem_rd(&t, gpa(0x4000_0000)).expect_err("walk stops");
            assert_eq!(
                error.status(),
                st(TdxStatus::EPT_ENTRY_NOT_PRESENT, op::RCX)
            );
            assert_eq!(details(&error), (0, 2), "level 2, FREE");

            raw::tdh_mem_range_block(sept_gpa(GPA, SeptLevel::Level4K), td.tdr).expect("BLOCK");
            for error in [
                host::tdh_mem_rd(&t, gpa(GPA)).map(|_| ()),
                host::tdh_mem_wr(&t, gpa(GPA), 2).map(|_| ()),
            ] {
                let error = error.expect_err("blocked");
                assert_eq!(
                    error.status(),
                    st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)
                );
                assert_eq!(details(&error), (page, 0x100), "level 0, BLOCKED");
            }
            assert_eq!(
                m.read_memory(hpa(page), 8),
                [0; 8],
                "the refused WR wrote nothing"
            );
        }
        // A production TD: no debug access at all.
        let (prod, _, _) = td_with_page(&m, HKID + 1, &TdParams::default());
        // SAFETY: see the `common` module docs.
        unsafe {
            assert_eq!(
                err(host::tdh_mem_rd(&td_ref(&prod), gpa(GPA))),
                TdxStatus::TD_NON_DEBUG
            );
            assert_eq!(
                err(host::tdh_mem_wr(&td_ref(&prod), gpa(GPA), 3)),
                TdxStatus::TD_NON_DEBUG
            );
        }
    });
}

#[test]
fn sept_remove_frees_an_empty_secure_ept_page_and_refuses_the_rest() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let (td, septs, _) = td_with_page(&m, HKID, &TdParams::default());
        let t = td_ref(&td);
        let pt = sept_gpa(GPA, SeptLevel::Level2M);
        let children = |m: &TdxModule| m.td(td.tdr).map(|t| t.child_count);
        // SAFETY: see the `common` module docs.
        unsafe {
            let error = host::tdh_mem_sept_remove(&t, pt).expect_err("a page is mapped under it");
            assert_eq!(error.status(), st(TdxStatus::EPT_PAGE_NOT_FREE, op::RCX));
            assert_eq!(
                details(&error),
                (septs[2].as_u64() | 7, 0x8401),
                "level 1, NL_MAPPED"
            );
            assert_eq!(
                err(host::tdh_mem_sept_remove(
                    &t,
                    sept_gpa(GPA, SeptLevel::Level4K)
                )),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "level 0 holds no Secure-EPT page"
            );
            let error = host::tdh_mem_sept_remove(&t, sept_gpa(0x4000_0000, SeptLevel::Level2M))
                .expect_err("no level-2 entry there");
            assert_eq!(error.status(), st(TdxStatus::EPT_WALK_FAILED, op::RCX));
            assert_eq!(details(&error), (0, 0x002), "level 2, FREE");

            raw::tdh_mem_page_remove(sept_gpa(GPA, SeptLevel::Level4K), td.tdr)
                .expect("PAGE.REMOVE");
            let before = children(&m);
            let removed = host::tdh_mem_sept_remove(&t, pt).expect("SEPT.REMOVE");
            assert_eq!(
                removed.sept_page,
                septs[2].as_u64(),
                "RCX: the removed page"
            );
            assert_eq!(children(&m), before.map(|c| c - 1), "one child page less");
            let read = host::tdh_mem_sept_rd(&t, pt).expect("SEPT.RD");
            assert_eq!(
                (read.entry, read.level_state),
                (0, 0x001),
                "level 1 now FREE"
            );
            let error = host::tdh_mem_sept_remove(&t, pt).expect_err("FREE");
            assert_eq!(
                error.status(),
                st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)
            );
            assert_eq!(details(&error), (0, 0x001), "level 1, FREE");
            // The page is free in the PAMT: it can be a Secure-EPT page again.
            raw::tdh_mem_sept_add_level(GPA | 1, td.tdr, as_page(removed.sept_page))
                .expect("the removed page is free");
        }
    });
}

#[test]
fn sept_remove_in_a_runnable_td_needs_a_tracked_block() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let septs = map_sept(&m, &td, GPA);
        let t = td_ref(&td);
        let pt = sept_gpa(GPA, SeptLevel::Level2M);
        // SAFETY: see the `common` module docs.
        unsafe {
            raw::tdh_mr_finalize(td.tdr).expect("MR.FINALIZE");
            let error = host::tdh_mem_sept_remove(&t, pt).expect_err("not blocked");
            assert_eq!(
                error.status(),
                st(TdxStatus::GPA_RANGE_NOT_BLOCKED, op::RCX)
            );
            assert_eq!(details(&error), (septs[2].as_u64() | 7, 0x8401));
            raw::tdh_mem_range_block(pt, td.tdr).expect("RANGE.BLOCK");
            assert_eq!(
                err(host::tdh_mem_sept_remove(&t, pt)),
                st(TdxStatus::from_raw(0xC000_0B08_0000_0000), op::RCX),
                "TDX_TLB_TRACKING_NOT_DONE: no TDH.MEM.TRACK since the block"
            );
            raw::tdh_mem_track(td.tdr).expect("MEM.TRACK");
            let removed = host::tdh_mem_sept_remove(&t, pt).expect("blocked and tracked");
            assert_eq!(removed.sept_page, septs[2].as_u64());
        }
    });
}

#[test]
fn page_relocate_moves_a_page_and_its_contents() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let (td, septs, page) = td_with_page(&m, HKID, &TdParams::default());
        let t = td_ref(&td);
        let leaf0 = sept_gpa(GPA, SeptLevel::Level4K);
        let target: Page<Guest> = m.alloc_page();
        // SAFETY: see the `common` module docs.
        unsafe {
            let moved = host::tdh_mem_page_relocate(&t, leaf0, target).expect("RELOCATE");
            assert_eq!(moved.old_page, page, "RCX: the page the TD no longer uses");
            assert_eq!(
                m.read_memory(hpa(target.as_u64() + 8), 8),
                0x1122_3344_5566_7788u64.to_le_bytes(),
                "the contents moved"
            );
            let read = host::tdh_mem_sept_rd(&t, leaf0).expect("SEPT.RD");
            assert_eq!((read.entry, read.level_state), (target.as_u64() | 7, 0x400));
            // The old page is free in the PAMT.
            raw::tdh_mem_sept_add_level(0x40_0000 | 1, td.tdr, as_page(page))
                .expect("the old page is free");

            assert_eq!(
                err(host::tdh_mem_page_relocate(&t, leaf0, target)),
                st(TdxStatus::OPERAND_INVALID, op::R8),
                "onto the page it is already in"
            );
            assert_eq!(
                err(host::tdh_mem_page_relocate(
                    &t,
                    leaf0,
                    as_page(septs[0].as_u64())
                )),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::R8),
                "onto a page in use (a Secure-EPT page)"
            );
            assert_eq!(
                err(host::tdh_mem_page_relocate(
                    &t,
                    sept_gpa(GPA, SeptLevel::Level2M),
                    m.alloc_page()
                )),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "4 KiB pages only"
            );
            let error = host::tdh_mem_page_relocate(
                &t,
                sept_gpa(GPA + 0x1000, SeptLevel::Level4K),
                m.alloc_page(),
            )
            .expect_err("FREE");
            assert_eq!(
                error.status(),
                st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)
            );
            assert_eq!(details(&error), (0, 0), "level 0, FREE");
        }
    });
}

#[test]
fn page_relocate_in_a_runnable_td_needs_a_tracked_block_and_unblocks() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let (td, _, page) = td_with_page(&m, HKID, &TdParams::default());
        let t = td_ref(&td);
        let leaf0 = sept_gpa(GPA, SeptLevel::Level4K);
        // SAFETY: see the `common` module docs.
        unsafe {
            raw::tdh_mr_finalize(td.tdr).expect("MR.FINALIZE");
            let error =
                host::tdh_mem_page_relocate(&t, leaf0, m.alloc_page()).expect_err("not blocked");
            assert_eq!(
                error.status(),
                st(TdxStatus::GPA_RANGE_NOT_BLOCKED, op::RCX)
            );
            assert_eq!(details(&error), (page | 7, 0x400), "level 0, MAPPED");
            raw::tdh_mem_range_block(leaf0, td.tdr).expect("RANGE.BLOCK");
            assert_eq!(
                err(host::tdh_mem_page_relocate(&t, leaf0, m.alloc_page())),
                st(TdxStatus::from_raw(0xC000_0B08_0000_0000), op::RCX),
                "TDX_TLB_TRACKING_NOT_DONE"
            );
            raw::tdh_mem_track(td.tdr).expect("MEM.TRACK");
            let target: Page<Guest> = m.alloc_page();
            let moved = host::tdh_mem_page_relocate(&t, leaf0, target).expect("tracked");
            assert_eq!(moved.old_page, page);
            let read = host::tdh_mem_sept_rd(&t, leaf0).expect("SEPT.RD");
            assert_eq!(
                (read.entry, read.level_state),
                (target.as_u64() | 7, 0x400),
                "mapped at the target, unblocked"
            );
        }
    });
}
