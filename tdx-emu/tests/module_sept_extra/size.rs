//! PAGE.DEMOTE and PAGE.PROMOTE.

use super::*;
use tdx_calls::host;
use tdx_core::{DynamicPamt, Guest, L2SeptPages, ModuleArgs, Page, PageSize, SeptLevel, TdxStatus};
use tdx_emu::module::{TdParams, TdxModule, leaf};

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
