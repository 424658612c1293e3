//! The Secure-EPT leaves beyond the mapping ones, through the catalog wrappers
//! (`tdx_calls::host::tdh_mem_sept_rd`, `tdh_mem_rd`, `tdh_mem_wr`, ...) under the model:
//! the success path and the failure statuses with their operand IDs and entry details, as
//! intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_sept_rd.c`,
//! `tdh_mem_rd_wr.c` and `tdh_mem_sept_remove.c` answer them.

mod common;

use common::*;
use tdx_calls::TdxTd;
use tdx_calls::host::{self, TdxErrorExt};
use tdx_core::{DynamicPamt, Guest, L2SeptPages, ModuleArgs, Page, PageSize, SeptLevel, TdxStatus};
use tdx_emu::module::{TdParams, TdxModule, leaf};

const GPA: u64 = 0x20_0000;

fn td_ref(td: &Td) -> TdxTd<'_> {
    TdxTd {
        tdr: td.tdr,
        tdcs: &[],
    }
}

/// (entry, level_state) of a failed Secure-EPT leaf, through the catalog's decoder.
fn details(error: &tdx_core::TdxError) -> (u64, u64) {
    let detail = error.sept_error().expect("a Secure-EPT leaf's error");
    (detail.entry, detail.level_state.raw())
}

/// A TD with the Secure-EPT pages for `GPA` and a 4 KiB page PAGE.ADDed there whose bytes
/// 8..16 are `0x1122_3344_5566_7788`. Returns the TD, the Secure-EPT pages and the TD page.
fn td_with_page(
    m: &TdxModule,
    hkid: u16,
    params: &TdParams,
) -> (Td, Vec<Page<tdx_core::Sept>>, u64) {
    let td = create_td(m, hkid, params);
    let septs = map_sept(m, &td, GPA);
    let source = m.alloc_page::<Guest>().hpa();
    m.write_memory(
        hpa(source.as_u64() + 8),
        &0x1122_3344_5566_7788u64.to_le_bytes(),
    );
    let target: Page<Guest> = m.alloc_page();
    // SAFETY: see the `common` module docs.
    unsafe { raw::tdh_mem_page_add(gpa(GPA), td.tdr, target, source) }.expect("PAGE.ADD");
    (td, septs, target.as_u64())
}

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

/// AUGs a 2 MiB page at `gpa` (whose level-1 entry is FREE under existing Secure-EPT pages).
fn aug_2m(m: &TdxModule, td: &Td, gpa_raw: u64) -> u64 {
    let page = m.try_alloc(PageSize::Size2M).expect("2 MiB page").as_u64();
    let mut args = ModuleArgs {
        rcx: gpa_raw | 1,
        rdx: td.tdr.as_u64(),
        r8: page,
        ..ModuleArgs::default()
    };
    let status = m.seamcall(leaf::TDH_MEM_PAGE_AUG, &mut args).status;
    assert!(status.is_success(), "PAGE.AUG 2 MiB: {status:?}");
    page
}

const BIG: u64 = 0x40_0000;

#[test]
fn page_demote_splits_a_2m_page_into_512_4k_pages() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let (td, septs, _) = td_with_page(&m, HKID, &TdParams::default());
        let t = td_ref(&td);
        let big = aug_2m(&m, &td, BIG);
        let demote = |gpa, sept: Page<tdx_core::Sept>| {
            // SAFETY: see the `common` module docs.
            unsafe {
                host::tdh_mem_page_demote(&t, gpa, sept, L2SeptPages::NONE, DynamicPamt::NONE)
            }
        };
        assert_eq!(
            err(demote(sept_gpa(BIG, SeptLevel::Level4K), m.alloc_page())),
            st(TdxStatus::OPERAND_INVALID, op::RCX),
            "a 4 KiB page cannot be split"
        );
        let error =
            demote(sept_gpa(0x60_0000, SeptLevel::Level2M), m.alloc_page()).expect_err("FREE");
        assert_eq!(
            error.status(),
            st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)
        );
        assert_eq!(details(&error), (0, 0x001), "level 1, FREE");
        let error =
            demote(sept_gpa(GPA, SeptLevel::Level2M), m.alloc_page()).expect_err("NL_MAPPED");
        assert_eq!(details(&error), (septs[2].as_u64() | 7, 0x8401));
        assert_eq!(
            err(demote(
                sept_gpa(BIG, SeptLevel::Level2M),
                as_page(septs[0].as_u64())
            )),
            st(TdxStatus::PAGE_METADATA_INCORRECT, op::R8),
            "the new Secure-EPT page must be free"
        );
        let mut reserved = ModuleArgs {
            rcx: BIG | 1,
            rdx: td.tdr.as_u64() | 2,
            r8: m.alloc_page::<Guest>().as_u64(),
            ..ModuleArgs::default()
        };
        assert_eq!(
            m.seamcall(leaf::TDH_MEM_PAGE_DEMOTE, &mut reserved).status,
            st(TdxStatus::OPERAND_INVALID, op::RDX),
            "RDX bits 11:1 are reserved"
        );

        let children = m.td(td.tdr).map(|t| t.child_count);
        let sept: Page<tdx_core::Sept> = m.alloc_page();
        demote(sept_gpa(BIG, SeptLevel::Level2M), sept).expect("DEMOTE");
        assert_eq!(m.td(td.tdr).map(|t| t.child_count), children.map(|c| c + 1));
        // SAFETY: see the `common` module docs.
        unsafe {
            let pt = host::tdh_mem_sept_rd(&t, sept_gpa(BIG, SeptLevel::Level2M)).expect("RD");
            assert_eq!((pt.entry, pt.level_state), (sept.as_u64() | 7, 0x8401));
            for i in [0u64, 5, 511] {
                let leaf =
                    host::tdh_mem_sept_rd(&t, sept_gpa(BIG + i * 0x1000, SeptLevel::Level4K))
                        .expect("RD");
                assert_eq!(
                    (leaf.entry, leaf.level_state),
                    (big + i * 0x1000, 0x200),
                    "4 KiB page {i}: the same host page, still PENDING"
                );
            }
            // Each 4 KiB page is its own now: one can be removed alone.
            raw::tdh_mem_page_remove(sept_gpa(BIG + 0x5000, SeptLevel::Level4K), td.tdr)
                .expect("PAGE.REMOVE of one 4 KiB page");
        }
        m.check_invariants()
            .expect("SEPT and PAMT agree after the split");
    });
}

#[test]
fn page_demote_in_a_runnable_td_needs_a_tracked_block_and_unblocks() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let (td, _, _) = td_with_page(&m, HKID, &TdParams::default());
        let t = td_ref(&td);
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mr_finalize(td.tdr) }.expect("MR.FINALIZE");
        let big = aug_2m(&m, &td, BIG);
        let gpa2m = sept_gpa(BIG, SeptLevel::Level2M);
        let demote = |sept: Page<tdx_core::Sept>| {
            // SAFETY: see the `common` module docs.
            unsafe {
                host::tdh_mem_page_demote(&t, gpa2m, sept, L2SeptPages::NONE, DynamicPamt::NONE)
            }
        };
        let error = demote(m.alloc_page()).expect_err("not blocked");
        assert_eq!(
            error.status(),
            st(TdxStatus::GPA_RANGE_NOT_BLOCKED, op::RCX)
        );
        assert_eq!(details(&error), (big | 0x80, 0x201), "level 1, PENDING");
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mem_range_block(gpa2m, td.tdr) }.expect("RANGE.BLOCK");
        assert_eq!(
            err(demote(m.alloc_page())),
            st(TdxStatus::from_raw(0xC000_0B08_0000_0000), op::RCX),
            "TDX_TLB_TRACKING_NOT_DONE"
        );
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mem_track(td.tdr) }.expect("MEM.TRACK");
        demote(m.alloc_page()).expect("blocked and tracked");
        // SAFETY: see the `common` module docs.
        let leaf =
            // SAFETY: see the `common` module docs.
            unsafe { host::tdh_mem_sept_rd(&t, sept_gpa(BIG, SeptLevel::Level4K)) }.expect("RD");
        assert_eq!(
            leaf.level_state, 0x200,
            "PENDING_BLOCKED split into PENDING"
        );
        m.check_invariants().expect("SEPT and PAMT agree");
    });
}

#[test]
fn page_promote_merges_512_pages_back_and_refuses_a_broken_range() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let (td, septs, _) = td_with_page(&m, HKID, &TdParams::default());
        let t = td_ref(&td);
        let big = aug_2m(&m, &td, BIG);
        let gpa2m = sept_gpa(BIG, SeptLevel::Level2M);
        // SAFETY: see the `common` module docs.
        let demote = |sept: Page<tdx_core::Sept>| unsafe {
            host::tdh_mem_page_demote(&t, gpa2m, sept, L2SeptPages::NONE, DynamicPamt::NONE)
        };
        // SAFETY: see the `common` module docs.
        let promote = |gpa| unsafe { host::tdh_mem_page_promote(&t, gpa) };
        let children = m.td(td.tdr).map(|t| t.child_count);
        let sept: Page<tdx_core::Sept> = m.alloc_page();
        demote(sept).expect("DEMOTE");

        assert_eq!(
            err(promote(sept_gpa(BIG, SeptLevel::Level4K))),
            st(TdxStatus::OPERAND_INVALID, op::RCX),
            "level 0 holds no page table"
        );
        let error = promote(sept_gpa(0x60_0000, SeptLevel::Level2M)).expect_err("FREE");
        assert_eq!(
            error.status(),
            st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)
        );
        assert_eq!(details(&error), (0, 0x001), "level 1, FREE");
        let error = promote(sept_gpa(GPA, SeptLevel::Level2M)).expect_err("one page of 512");
        assert_eq!(
            error.status(),
            st(TdxStatus::EPT_INVALID_PROMOTE_CONDITIONS, op::RCX)
        );
        assert_eq!(details(&error), (septs[2].as_u64() | 7, 0x8401));

        let merged = promote(gpa2m).expect("PROMOTE");
        assert_eq!(
            merged.sept_page,
            sept.as_u64(),
            "RCX: the freed Secure-EPT page"
        );
        assert_eq!(m.td(td.tdr).map(|t| t.child_count), children);
        // SAFETY: see the `common` module docs.
        let read = unsafe { host::tdh_mem_sept_rd(&t, gpa2m) }.expect("SEPT.RD");
        assert_eq!(
            (read.entry, read.level_state),
            (big | 0x80, 0x201),
            "one 2 MiB PENDING leaf again"
        );
        m.check_invariants()
            .expect("SEPT and PAMT agree after the merge");

        // Split again and take one page out: the range no longer merges.
        demote(as_page(merged.sept_page)).expect("the freed page is free: DEMOTE again");
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mem_page_remove(sept_gpa(BIG + 0x3000, SeptLevel::Level4K), td.tdr) }
            .expect("PAGE.REMOVE");
        assert_eq!(
            err(promote(gpa2m)),
            st(TdxStatus::EPT_INVALID_PROMOTE_CONDITIONS, op::RCX)
        );
        m.check_invariants()
            .expect("a refused PROMOTE changes nothing");
    });
}

#[test]
fn page_promote_in_a_runnable_td_needs_a_tracked_block() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let (td, _, _) = td_with_page(&m, HKID, &TdParams::default());
        let t = td_ref(&td);
        let gpa2m = sept_gpa(BIG, SeptLevel::Level2M);
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mr_finalize(td.tdr) }.expect("MR.FINALIZE");
        let big = aug_2m(&m, &td, BIG);
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mem_range_block(gpa2m, td.tdr) }.expect("RANGE.BLOCK");
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mem_track(td.tdr) }.expect("MEM.TRACK");
        // SAFETY: see the `common` module docs.
        unsafe {
            host::tdh_mem_page_demote(
                &t,
                gpa2m,
                m.alloc_page(),
                L2SeptPages::NONE,
                DynamicPamt::NONE,
            )
        }
        .expect("DEMOTE");
        // SAFETY: see the `common` module docs.
        let error = unsafe { host::tdh_mem_page_promote(&t, gpa2m) }.expect_err("not blocked");
        assert_eq!(
            error.status(),
            st(TdxStatus::GPA_RANGE_NOT_BLOCKED, op::RCX)
        );
        assert_eq!(details(&error).1, 0x8401, "level 1, NL_MAPPED");
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mem_range_block(gpa2m, td.tdr) }.expect("RANGE.BLOCK of the table");
        assert_eq!(
            // SAFETY: see the `common` module docs.
            err(unsafe { host::tdh_mem_page_promote(&t, gpa2m) }),
            st(TdxStatus::from_raw(0xC000_0B08_0000_0000), op::RCX),
            "TDX_TLB_TRACKING_NOT_DONE"
        );
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mem_track(td.tdr) }.expect("MEM.TRACK");
        // SAFETY: see the `common` module docs.
        unsafe { host::tdh_mem_page_promote(&t, gpa2m) }.expect("blocked and tracked");
        // SAFETY: see the `common` module docs.
        let read = unsafe { host::tdh_mem_sept_rd(&t, gpa2m) }.expect("SEPT.RD");
        assert_eq!((read.entry, read.level_state), (big | 0x80, 0x201));
        m.check_invariants().expect("SEPT and PAMT agree");
    });
}
