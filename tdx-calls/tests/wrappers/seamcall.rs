//! The SEAMCALL wrappers (host, then P-SEAMLDR).

use super::*;

// ====================================================================== SEAMCALL

#[test]
fn tdh_mng_addcx() {
    let f = fact("TDH.MNG.ADDCX");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mng_addcx(td, page(TDCS[1])) })
    });
    check_inputs(f, &seen, &[("rcx", TDCS[1]), ("rdx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mem_page_add() {
    let f = fact("TDH.MEM.PAGE.ADD");
    let (result, seen) = once(&f.name, || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_mem_page_add(td, gpa(GPA), page::<Guest>(PAGE), hpa(SOURCE)) }
        })
    });
    check_inputs(
        f,
        &seen,
        &[("rcx", GPA), ("rdx", TDR), ("r8", PAGE), ("r9", SOURCE)],
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mem_sept_add() {
    let f = fact("TDH.MEM.SEPT.ADD");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mem_sept_add(td, sept_gpa(), page::<Sept>(SEPT)) })
    });
    check_inputs(f, &seen, &[("rcx", GPA | 1), ("rdx", TDR), ("r8", SEPT)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_vp_addcx() {
    let f = fact("TDH.VP.ADDCX");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_vp(|vp| unsafe { host::tdh_vp_addcx(vp, page(TDCX[0])) })
    });
    check_inputs(f, &seen, &[("rcx", TDCX[0]), ("rdx", TDVPR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mem_page_aug() {
    let f = fact("TDH.MEM.PAGE.AUG");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mem_page_aug(td, sept_gpa(), page::<Guest>(PAGE)) })
    });
    check_inputs(f, &seen, &[("rcx", GPA | 1), ("rdx", TDR), ("r8", PAGE)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mem_range_block() {
    let f = fact("TDH.MEM.RANGE.BLOCK");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mem_range_block(td, sept_gpa()) })
    });
    check_inputs(f, &seen, &[("rcx", GPA | 1), ("rdx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mng_key_config() {
    let f = fact("TDH.MNG.KEY.CONFIG");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mng_key_config(td) })
    });
    check_inputs(f, &seen, &[("rcx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mng_create() {
    let f = fact("TDH.MNG.CREATE");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mng_create(td, Hkid::new(0x2b)) })
    });
    check_inputs(f, &seen, &[("rcx", TDR), ("rdx", 0x2b)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_vp_create() {
    let f = fact("TDH.VP.CREATE");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| with_vp(|vp| unsafe { host::tdh_vp_create(td, vp) }))
    });
    check_inputs(f, &seen, &[("rcx", TDVPR), ("rdx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mng_rd() {
    let f = fact("TDH.MNG.RD");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mng_rd(td, FieldId::from_raw(FIELD)) })
    });
    check_inputs(f, &seen, &[("rcx", TDR), ("rdx", FIELD)]);
    let out = result.expect("success");
    check_outputs(f, &[("r8", out.value)]);
}

#[test]
fn tdh_mr_extend() {
    let f = fact("TDH.MR.EXTEND");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mr_extend(td, gpa(GPA + 0x100)) })
    });
    check_inputs(f, &seen, &[("rcx", GPA + 0x100), ("rdx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mr_finalize() {
    let f = fact("TDH.MR.FINALIZE");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mr_finalize(td) })
    });
    check_inputs(f, &seen, &[("rcx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_vp_flush() {
    let f = fact("TDH.VP.FLUSH");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || with_vp(|vp| unsafe { host::tdh_vp_flush(vp) }));
    check_inputs(f, &seen, &[("rcx", TDVPR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mng_vpflushdone() {
    let f = fact("TDH.MNG.VPFLUSHDONE");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mng_vpflushdone(td) })
    });
    check_inputs(f, &seen, &[("rcx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mng_key_freeid() {
    let f = fact("TDH.MNG.KEY.FREEID");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mng_key_freeid(td) })
    });
    check_inputs(f, &seen, &[("rcx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_mng_init() {
    let f = fact("TDH.MNG.INIT");
    let params = 0x0050_0400; // 1024-byte aligned
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mng_init(td, hpa(params)) })
    });
    check_inputs(f, &seen, &[("rcx", TDR), ("rdx", params)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_vp_init() {
    let f = fact("TDH.VP.INIT");
    assert_eq!(
        f.version, 1,
        "the reference: TDH.VP.INIT is issued as version 1"
    );
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_vp(|vp| unsafe { host::tdh_vp_init(vp, 0xfeed_beef, tdx_core::X2ApicId::new(7)) })
    });
    assert_eq!(seen.1.rax, 0x1_0016);
    check_inputs(f, &seen, &[("rcx", TDVPR), ("rdx", 0xfeed_beef), ("r8", 7)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_phymem_page_rdmd() {
    let f = fact("TDH.PHYMEM.PAGE.RDMD");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { host::tdh_phymem_page_rdmd(hpa(PAGE)) });
    check_inputs(f, &seen, &[("rcx", PAGE)]);
    let out = result.expect("success");
    check_outputs(f, &[("rcx", out.page_type.raw())]);
}

#[test]
fn tdh_vp_rd() {
    let f = fact("TDH.VP.RD");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_vp(|vp| unsafe { host::tdh_vp_rd(vp, FieldId::from_raw(FIELD)) })
    });
    check_inputs(f, &seen, &[("rcx", TDVPR), ("rdx", FIELD)]);
    let out = result.expect("success");
    check_outputs(f, &[("r8", out.value)]);
}

#[test]
fn tdh_phymem_page_reclaim() {
    let f = fact("TDH.PHYMEM.PAGE.RECLAIM");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe {
        host::tdh_phymem_page_reclaim(hpa(PAGE))
    });
    check_inputs(f, &seen, &[("rcx", PAGE)]);
    let out = result.expect("success");
    check_outputs(
        f,
        &[
            ("rcx", out.page_type.raw()),
            (
                "rdx",
                out.owner.map_or_else(|e| e.raw(), |hpa| hpa.as_u64()),
            ),
            ("r8", out.page_size.raw()),
        ],
    );
}

#[test]
fn tdh_mem_page_remove() {
    let f = fact("TDH.MEM.PAGE.REMOVE");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        with_td(|td| unsafe { host::tdh_mem_page_remove(td, sept_gpa()) })
    });
    check_inputs(f, &seen, &[("rcx", GPA | 1), ("rdx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_sys_key_config() {
    let f = fact("TDH.SYS.KEY.CONFIG");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { host::tdh_sys_key_config() });
    check_inputs(f, &seen, &[]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_sys_init() {
    let f = fact("TDH.SYS.INIT");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { host::tdh_sys_init() });
    check_inputs(f, &seen, &[("rcx", 0)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_sys_rd() {
    let f = fact("TDH.SYS.RD");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_sys_rd(FieldId::from_raw(0x0A00_0003_0000_0008)) }
    });
    check_inputs(f, &seen, &[("rdx", 0x0A00_0003_0000_0008)]);
    let out = result.expect("success");
    check_outputs(f, &[("r8", out.value)]);
}

#[test]
fn tdh_sys_lp_init() {
    let f = fact("TDH.SYS.LP.INIT");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { host::tdh_sys_lp_init() });
    check_inputs(f, &seen, &[]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_sys_tdmr_init() {
    let f = fact("TDH.SYS.TDMR.INIT");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { host::tdh_sys_tdmr_init(hpa(1 << 30)) });
    check_inputs(f, &seen, &[("rcx", 1 << 30)]);
    let out = result.expect("success");
    let next = match out.next {
        Ok(next) => next.as_u64(),
        Err(err) => err.raw(), // the answer has bits 63:52 set: kept whole in the error
    };
    check_outputs(f, &[("rdx", next)]);
}

#[test]
fn tdh_mem_track() {
    let f = fact("TDH.MEM.TRACK");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || with_td(|td| unsafe { host::tdh_mem_track(td) }));
    check_inputs(f, &seen, &[("rcx", TDR)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_phymem_cache_wb() {
    let f = fact("TDH.PHYMEM.CACHE.WB");
    for (mode, rcx) in [(CacheWbMode::Start, 0), (CacheWbMode::Resume, 1)] {
        // SAFETY: the trap answers the instruction; no memory is touched.
        let (result, seen) = once(&f.name, || unsafe { host::tdh_phymem_cache_wb(mode) });
        check_inputs(f, &seen, &[("rcx", rcx)]);
        assert_eq!(result, Ok(TdxStatus::SUCCESS));
    }
}

#[test]
fn tdh_phymem_page_wbinvd() {
    let f = fact("TDH.PHYMEM.PAGE.WBINVD");
    let keyed = KeyedHpa::new(hpa(PAGE), Hkid::new(5), 46).expect("fits");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { host::tdh_phymem_page_wbinvd(keyed) });
    check_inputs(f, &seen, &[("rcx", PAGE | 5 << 46)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_vp_wr() {
    let f = fact("TDH.VP.WR");
    let (result, seen) = once(&f.name, || {
        with_vp(|vp| {
            // SAFETY: the trap answers the instruction; no memory is touched.
            unsafe { host::tdh_vp_wr(vp, FieldId::from_raw(FIELD), 0x1234, 0xff00) }
        })
    });
    check_inputs(
        f,
        &seen,
        &[
            ("rcx", TDVPR),
            ("rdx", FIELD),
            ("r8", 0x1234),
            ("r9", 0xff00),
        ],
    );
    // Linux discards R8 (the old value), so this trap writes no outputs and R8 still holds
    // the value sent; the wrapper returns R8 as the instruction left it.
    assert_eq!(result.map(|w| w.old), Ok(0x1234));
}

#[test]
fn tdh_sys_config() {
    let f = fact("TDH.SYS.CONFIG");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { host::tdh_sys_config(hpa(0x0060_0200), 3, Hkid::new(0x21)) }
    });
    check_inputs(f, &seen, &[("rcx", 0x0060_0200), ("rdx", 3), ("r8", 0x21)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_sys_shutdown() {
    let f = fact("TDH.SYS.SHUTDOWN");
    assert!(f.uncertain, "the reference marks leaf 52 uncertain");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { host::tdh_sys_shutdown(0x0102) });
    check_inputs(f, &seen, &[("rcx", 0x0102)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_sys_update() {
    let f = fact("TDH.SYS.UPDATE");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { host::tdh_sys_update() });
    check_inputs(f, &seen, &[]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_sys_disable() {
    let f = fact("TDH.SYS.DISABLE");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { host::tdh_sys_disable() });
    check_inputs(f, &seen, &[]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdh_vp_enter() {
    let f = fact("TDH.VP.ENTER");
    let mut args = ModuleArgs::ZERO;
    for (i, reg) in common::REGS.iter().enumerate() {
        args.set(common::index(reg), 0x100 + i as u64);
    }
    args.rcx = 0xdead_0000; // overridden by the vCPU handle
    let before = args;
    let (result, seen) = trace(
        |_, cpu| {
            for reg in common::REGS {
                common::set(cpu, reg, answer(reg));
            }
            cpu.rax = 77; // TDX_SUCCESS, exit reason 77 (TDCALL)
        },
        // SAFETY: the trap answers the instruction; `args` is live.
        || with_vp(|vp| unsafe { host::tdh_vp_enter(vp, &mut args) }),
    );
    let [one] = seen.as_slice() else {
        panic!("one instruction: {seen:?}")
    };
    let mut expected: Vec<(&str, u64)> = common::REGS
        .iter()
        .map(|reg| (*reg, before.get(common::index(reg)).unwrap_or(0)))
        .collect();
    expected[0] = ("rcx", TDVPR);
    check_inputs(f, one, &expected);
    let status = result.expect("success");
    assert_eq!(status.exit_reason(), ExitReason::TDCALL, "RAX bits 31:0");
    // Every register comes back through `args` (the reference's outputs: all of them).
    let got: Vec<(&str, u64)> = common::REGS
        .iter()
        .map(|reg| (*reg, args.get(common::index(reg)).unwrap_or(0)))
        .collect();
    check_outputs(f, &got);
}

#[test]
fn tdh_vp_enter_is_not_retried() {
    let (result, seen) = trace(
        |_, cpu| cpu.rax = TdxStatus::RND_NO_ENTROPY.raw(),
        || {
            let mut args = ModuleArgs::ZERO;
            // SAFETY: the trap answers the instruction; `args` is live.
            with_vp(|vp| unsafe { host::tdh_vp_enter(vp, &mut args) })
        },
    );
    assert_eq!(seen.len(), 1, "Linux issues TDH.VP.ENTER without sc_retry");
    assert!(result.is_err());
}

// ===================================================================== P-SEAMLDR

#[test]
fn p_seamldr_info() {
    let f = fact("P-SEAMLDR.INFO");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe {
        seamldr::p_seamldr_info(hpa(0x0070_0000))
    });
    assert_eq!(seen.1.rax, 0x8000_0000_0000_0000, "bit 63 kept");
    check_inputs(f, &seen, &[("rcx", 0x0070_0000)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn p_seamldr_install() {
    let f = fact("P-SEAMLDR.INSTALL");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { seamldr::p_seamldr_install(hpa(0x0070_1000)) }
    });
    assert_eq!(seen.1.rax, 0x8000_0000_0000_0001, "bit 63 kept");
    check_inputs(f, &seen, &[("rcx", 0x0070_1000)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}
