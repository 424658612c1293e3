//! Secure-EPT failures: the entry and level state each failed leaf returns.

use super::*;

#[test]
fn secure_ept_failures_report_entry_and_level_state() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let tdr = td.tdr;
        // SAFETY: see the `common` module docs.
        unsafe {
            // Level 1 (a page-table page) with nothing above it: the walk stops at level 3.
            let error = raw::tdh_mem_sept_add_level(0x20_0000 | 1, tdr, m.alloc_page())
                .expect_err("no parent");
            assert_eq!(error.status(), st(TdxStatus::EPT_WALK_FAILED, op::RCX));
            assert_eq!(sept_details(&error), (0, 0x003), "level 3, FREE");
            let error =
                raw::tdh_mem_sept_add(sept_gpa(0x20_0000, SeptLevel::Level4K), tdr, m.alloc_page())
                    .expect_err("level 0 is a leaf level");
            assert_eq!(error.status(), st(TdxStatus::OPERAND_INVALID, op::RCX));
            let added = map_sept(&m, &td, 0x20_0000);
            let error = raw::tdh_mem_sept_add_level(0x20_0000 | 1, tdr, m.alloc_page())
                .expect_err("exists");
            assert_eq!(
                error.status(),
                st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)
            );
            assert_eq!(
                sept_details(&error),
                (added[2].as_u64() | 7, 0x8401),
                "level 1, NL_MAPPED (the module's public_state 0x84)"
            );
            assert_eq!(
                err(raw::tdh_mem_sept_add_level(
                    0x40_0000 | 1,
                    tdr,
                    as_page(added[0].as_u64())
                )),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::R8),
                "the SEPT page is in use"
            );

            // PAGE.ADD.
            let source = m.alloc_page::<Guest>().hpa();
            let error = raw::tdh_mem_page_add(gpa(0x40_0000), tdr, m.alloc_page(), source)
                .expect_err("no page-table page for 0x400000");
            assert_eq!(error.status(), st(TdxStatus::EPT_WALK_FAILED, op::RCX));
            assert_eq!(sept_details(&error).1, 0x001, "level 1, FREE");
            raw::tdh_mem_page_add(gpa(0x20_0000), tdr, m.alloc_page(), source).expect("PAGE.ADD");
            let page: Page<Guest> = m.alloc_page();
            let error =
                raw::tdh_mem_page_add(gpa(0x20_0000), tdr, page, source).expect_err("mapped");
            assert_eq!(
                error.status(),
                st(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)
            );
            assert_eq!(sept_details(&error).1, 0x400, "level 0, PRESENT");
            assert_eq!(
                err(raw::tdh_mem_page_add(
                    gpa(0x20_1000),
                    tdr,
                    as_page(tdr.as_u64()),
                    source
                )),
                st(TdxStatus::PAGE_METADATA_INCORRECT, op::R8),
                "the TDR as a TD page: assigned twice"
            );
            assert_eq!(
                err(raw::tdh_mr_extend(gpa(0x20_0010), tdr)),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "MR.EXTEND chunks are 256-byte aligned"
            );
            let error = raw::tdh_mr_extend(gpa(0x20_1000), tdr).expect_err("not mapped");
            assert_eq!(
                error.status(),
                TdxStatus::EPT_ENTRY_NOT_PRESENT,
                "the module's table allows MR.EXTEND on MAPPED only; no operand"
            );
            // TDX 1.5 allows PAGE.AUG in INITIALIZED (op_state_lookup.c); undo it at once.
            let aug_gpa = sept_gpa(0x20_3000, SeptLevel::Level4K);
            raw::tdh_mem_page_aug(aug_gpa, tdr, m.alloc_page()).expect("PAGE.AUG before FINALIZE");
            raw::tdh_mem_page_remove(aug_gpa, tdr).expect("and its PAGE.REMOVE");
            // Before finalize, PAGE.REMOVE needs no BLOCK.
            raw::tdh_mem_page_remove(sept_gpa(0x20_0000, SeptLevel::Level4K), tdr)
                .expect("PAGE.REMOVE of a pre-finalize page");
            raw::tdh_mem_page_add(gpa(0x20_0000), tdr, page, source).expect("PAGE.ADD again");

            raw::tdh_mr_finalize(tdr).expect("MR.FINALIZE");
            assert_eq!(err(raw::tdh_mr_finalize(tdr)), OP_STATE_INCORRECT);
            assert_eq!(
                err(raw::tdh_mem_page_add(
                    gpa(0x20_1000),
                    tdr,
                    m.alloc_page(),
                    source
                )),
                OP_STATE_INCORRECT,
                "PAGE.ADD after MR.FINALIZE"
            );
            assert_eq!(
                err(raw::tdh_mr_extend(gpa(0x20_0000), tdr)),
                OP_STATE_INCORRECT
            );

            // A 2 MiB page, AUGed under the level-2 Secure-EPT page.
            let big = m.try_alloc(PageSize::Size2M).expect("2 MiB page");
            let big_gpa = 0x40_0000;
            assert_eq!(
                err(raw::tdh_mem_page_aug(
                    sept_gpa(big_gpa, SeptLevel::Level2M),
                    tdr,
                    as_page(big.as_u64() + 0x1000)
                )),
                st(TdxStatus::OPERAND_INVALID, op::R8),
                "a 2 MiB page must be 2 MiB aligned"
            );
            raw::tdh_mem_page_aug(
                sept_gpa(big_gpa, SeptLevel::Level2M),
                tdr,
                as_page(big.as_u64()),
            )
            .expect("PAGE.AUG 2M");
            let info = m.page(hpa(big.as_u64() + 0x5000)).expect("in a TDMR");
            assert_eq!(
                (info.hpa, info.page_type, info.size),
                (big, PamtType::Reg, PageSize::Size2M)
            );
            let rdmd = raw::tdh_phymem_page_rdmd(hpa(big.as_u64() + 0x5000)).expect("RDMD");
            assert_eq!(rdmd.page_type, PamtType::Reg.code());

            // REMOVE of a mapped page in a running TD needs BLOCK and TRACK first.
            let packed = sept_gpa(0x20_0000, SeptLevel::Level4K);
            let error = raw::tdh_mem_page_remove(packed, tdr).expect_err("not blocked");
            assert_eq!(
                (error.status(), sept_details(&error).1),
                (st(TdxStatus::GPA_RANGE_NOT_BLOCKED, op::RCX), 0x400)
            );
            raw::tdh_mem_range_block(packed, tdr).expect("RANGE.BLOCK");
            // Blocked already: success with information, as tdh_mem_range_block.c answers it.
            assert_eq!(
                raw::tdh_mem_range_block(packed, tdr),
                Ok(st(TdxStatus::GPA_RANGE_ALREADY_BLOCKED, op::RCX))
            );
            let error = raw::tdh_mem_page_remove(packed, tdr).expect_err("not tracked");
            assert_eq!(
                error.status(),
                st(TdxStatus::from_raw(0xC000_0B08_0000_0000), op::RCX),
                "TDX_TLB_TRACKING_NOT_DONE"
            );
            raw::tdh_mem_track(tdr).expect("MEM.TRACK");
            raw::tdh_mem_page_remove(packed, tdr).expect("PAGE.REMOVE");
            assert_eq!(m.page(page.hpa()).map(|p| p.page_type), Some(PamtType::Nda));
            let error = raw::tdh_mem_range_block(packed, tdr).expect_err("free");
            assert_eq!(sept_details(&error), (0, 0x000));

            // PAMT reads.
            assert_eq!(
                raw::tdh_phymem_page_rdmd(tdr.hpa()).map(|o| o.page_type),
                Ok(PamtType::Tdr.code())
            );
            assert_eq!(
                raw::tdh_phymem_page_rdmd(hpa(m.config().tdmrs[0].base)).map(|o| o.page_type),
                Ok(PamtType::Rsvd.code())
            );
            assert_eq!(
                err(raw::tdh_phymem_page_rdmd(hpa(0x1000))),
                st(TdxStatus::OPERAND_INVALID, op::RCX),
                "outside every TDMR"
            );
        }
        m.check_invariants().expect("consistent");
    });
}
