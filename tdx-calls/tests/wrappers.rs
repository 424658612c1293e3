//! Every wrapper of the catalog, run through the trap (tdx-emu) with a recording handler: the
//! register image the instruction saw is checked against Linux's facts
//! (`tests/data/linux-abi.json`: leaf number and version in RAX, which register carries which
//! parameter, the TDG.VP.VMCALL mask and sub-function), and every output field is checked to
//! come from the register the reference names.

mod common;

use common::{answer, answer_outputs, check_inputs, check_outputs, fact, trace};
use tdx_calls::catalog::{CATALOG, Source};
use tdx_calls::guest;
use tdx_calls::handles::{TdxTd, TdxVp};
use tdx_calls::host::{self, ExitReasonExt, TdxErrorExt};
use tdx_calls::seamldr;
use tdx_calls::vmcall::{self, FatalErrorMessage};
use tdx_core::{
    AcceptGpa, EventNotifyVector, FieldId, Gpa, Guest, Hkid, Hpa, KeyedHpa, KvmHypercallNr,
    MapGpaTarget, ModuleArgs, Page, PageKind, PageSize, RtmrIndex, Sept, SeptGpa, SeptLevel,
    SharedGpa, Tdcs, Tdcx, TdvmcallStatus, TdxStatus,
};
use tdx_core::{AccessDirection, AccessSize, CacheWbMode, ExitReason, IoPort, MsrIndex};
use tdx_core::{SeptEntryState, SeptLevelState};
use tdx_emu::CpuState;

// ------------------------------------------------------------------------- operands

const TDR: u64 = 0x0010_1000;
const TDCS: [u64; 2] = [0x0010_2000, 0x0010_3000];
const TDVPR: u64 = 0x0020_1000;
const TDCX: [u64; 1] = [0x0020_2000];
const PAGE: u64 = 0x0030_1000;
const SEPT: u64 = 0x0030_2000;
const SOURCE: u64 = 0x0040_1000;
const GPA: u64 = 0x8000_0000;
const FIELD: u64 = 0x9410_0003_0000_0007;

fn page<K: PageKind>(raw: u64) -> Page<K> {
    Page::from_u64(raw).expect("aligned test page")
}
fn hpa(raw: u64) -> Hpa {
    Hpa::new(raw).expect("test HPA")
}
fn gpa(raw: u64) -> Gpa {
    Gpa::new(raw).expect("test GPA")
}
fn sept_gpa() -> SeptGpa {
    SeptGpa::new(gpa(GPA), SeptLevel::Level2M).expect("aligned")
}

/// Run `f` with the TD handle of the tests.
fn with_td<R>(f: impl FnOnce(&TdxTd<'_>) -> R) -> R {
    let tdcs = TDCS.map(page::<Tdcs>);
    f(&TdxTd::new(page(TDR), &tdcs))
}

/// Run `f` with the vCPU handle of the tests.
fn with_vp<R>(f: impl FnOnce(&TdxVp<'_>) -> R) -> R {
    let tdcx = TDCX.map(page::<Tdcx>);
    f(&TdxVp::new(page(TDVPR), &tdcx))
}

/// Issue `call` once through the trap, answering with the reference's outputs.
fn once<R>(name: &str, call: impl FnOnce() -> R) -> (R, (tdx_emu::Instruction, CpuState)) {
    let f = fact(name);
    let (result, seen) = trace(|_, cpu| answer_outputs(f, cpu), call);
    assert_eq!(seen.len(), 1, "{name}: one instruction");
    (result, seen[0])
}

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
        with_vp(|vp| unsafe { host::tdh_vp_init(vp, 0xfeed_beef, 7) })
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

// ======================================================================== TDCALL

#[test]
fn tdg_vp_vmcall() {
    let f = fact("TDG.VP.VMCALL");
    let mut args = ModuleArgs::ZERO;
    for (i, reg) in common::REGS.iter().enumerate() {
        args.set(common::index(reg), 0x200 + i as u64);
    }
    let before = args;
    let (result, seen) = trace(
        |_, cpu| {
            for reg in common::REGS {
                common::set(cpu, reg, answer(reg));
            }
            cpu.rax = 0;
        },
        // SAFETY: the trap answers the instruction; `args` is live.
        || unsafe { guest::tdg_vp_vmcall(&mut args) },
    );
    let [one] = seen.as_slice() else {
        panic!("one instruction: {seen:?}")
    };
    let expected: Vec<(&str, u64)> = common::REGS
        .iter()
        .map(|reg| (*reg, before.get(common::index(reg)).unwrap_or(0)))
        .collect();
    check_inputs(f, one, &expected);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    let outputs = f.success_outputs();
    let got: Vec<(&str, u64)> = outputs
        .iter()
        .map(|reg| (reg.as_str(), args.get(common::index(reg)).unwrap_or(0)))
        .collect();
    check_outputs(f, &got);
}

#[test]
fn tdg_vp_info() {
    let f = fact("TDG.VP.INFO");
    let (result, seen) = once(&f.name, guest::tdg_vp_info);
    check_inputs(f, &seen, &[]);
    let out = result.expect("success");
    check_outputs(
        f,
        &[("rcx", out.gpa_width.raw()), ("rdx", out.attributes.raw())],
    );
}

#[test]
fn tdg_mr_rtmr_extend() {
    let f = fact("TDG.MR.RTMR.EXTEND");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_mr_rtmr_extend(gpa(0x9000), RtmrIndex::new(2)) }
    });
    check_inputs(f, &seen, &[("rcx", 0x9000), ("rdx", 2)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdg_vp_veinfo_get() {
    let f = fact("TDG.VP.VEINFO.GET");
    let (result, seen) = once(&f.name, guest::tdg_vp_veinfo_get);
    check_inputs(f, &seen, &[]);
    let out = result.expect("success");
    let gla = match out.gla {
        Ok(gla) => gla.as_u64(),
        Err(err) => err.raw(),
    };
    let gpa = match out.gpa {
        Ok(gpa) => gpa.as_u64(),
        Err(err) => err.raw(),
    };
    check_outputs(
        f,
        &[
            ("rcx", out.exit_reason.raw()),
            ("rdx", out.exit_qualification),
            ("r8", gla),
            ("r9", gpa),
            ("r10", out.instruction.raw()),
        ],
    );
}

#[test]
fn tdg_mr_report() {
    let f = fact("TDG.MR.REPORT");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_mr_report(gpa(0xA000), gpa(0xB000), 0) }
    });
    check_inputs(f, &seen, &[("rcx", 0xA000), ("rdx", 0xB000), ("r8", 0)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdg_mem_page_accept() {
    let f = fact("TDG.MEM.PAGE.ACCEPT");
    let op = AcceptGpa::new(gpa(0x20_0000), PageSize::Size2M).expect("aligned");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe { guest::tdg_mem_page_accept(op) });
    check_inputs(f, &seen, &[("rcx", 0x20_0001)]);
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
}

#[test]
fn tdg_vm_rd() {
    let f = fact("TDG.VM.RD");
    let field = 0x1110_0003_0000_0016;
    let (result, seen) = once(&f.name, || guest::tdg_vm_rd(FieldId::from_raw(field)));
    check_inputs(f, &seen, &[("rdx", field)]);
    let out = result.expect("success");
    check_outputs(f, &[("r8", out.value)]);
}

#[test]
fn tdg_vm_wr() {
    let f = fact("TDG.VM.WR");
    let field = 0x9100_0000_0000_0010;
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { guest::tdg_vm_wr(FieldId::from_raw(field), 1, 1) }
    });
    check_inputs(f, &seen, &[("rdx", field), ("r8", 1), ("r9", 1)]);
    // As for TDH.VP.WR: R8 as the instruction left it (the value sent, here).
    assert_eq!(result.map(|w| w.old), Ok(1));
}

// ================================================================= TDG.VP.VMCALL

#[test]
fn tdvmcall_cpuid() {
    let f = fact("Instruction.CPUID");
    let (result, seen) = once(&f.name, || vmcall::tdvmcall_cpuid(0x4000_0001, 3));
    check_inputs(f, &seen, &[("r12", 0x4000_0001), ("r13", 3)]);
    let out = result.expect("success");
    assert_eq!(out.status, TdvmcallStatus::SUCCESS, "R10");
    check_outputs(
        f,
        &[
            ("r12", out.eax),
            ("r13", out.ebx),
            ("r14", out.ecx),
            ("r15", out.edx),
        ],
    );
}

#[test]
fn tdvmcall_hlt() {
    let f = fact("Instruction.HLT");
    let (result, seen) = once(&f.name, || vmcall::tdvmcall_hlt(1));
    check_inputs(f, &seen, &[("r12", 1)]);
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_io() {
    let f = fact("Instruction.IO");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no device is touched.
        unsafe {
            vmcall::tdvmcall_io(
                AccessSize::Word,
                AccessDirection::Write,
                IoPort::new(0x3f8),
                0xab,
            )
        }
    });
    check_inputs(
        f,
        &seen,
        &[("r12", 2), ("r13", 1), ("r14", 0x3f8), ("r15", 0xab)],
    );
    let out = result.expect("success");
    check_outputs(f, &[("r11", out.value)]);
}

#[test]
fn tdvmcall_rdmsr() {
    let f = fact("Instruction.RDMSR");
    let (result, seen) = once(&f.name, || {
        vmcall::tdvmcall_rdmsr(MsrIndex::new(0x4b56_4d00))
    });
    check_inputs(f, &seen, &[("r12", 0x4b56_4d00)]);
    let out = result.expect("success");
    check_outputs(f, &[("r11", out.value)]);
}

#[test]
fn tdvmcall_wrmsr() {
    let f = fact("Instruction.WRMSR");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no MSR is touched.
        unsafe { vmcall::tdvmcall_wrmsr(MsrIndex::new(0x4b56_4d01), 0x1_0000_0002) }
    });
    check_inputs(f, &seen, &[("r12", 0x4b56_4d01), ("r13", 0x1_0000_0002)]);
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_request_mmio() {
    let f = fact("#VE.RequestMMIO");
    let addr = SharedGpa::new(0x8000_fee0_0000).expect("shared GPA");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no device is touched.
        unsafe { vmcall::tdvmcall_request_mmio(AccessSize::Qword, AccessDirection::Read, addr, 0) }
    });
    check_inputs(
        f,
        &seen,
        &[
            ("r12", 8),
            ("r13", 0),
            ("r14", 0x8000_fee0_0000),
            ("r15", 0),
        ],
    );
    let out = result.expect("success");
    check_outputs(f, &[("r11", out.value)]);
}

#[test]
fn tdvmcall_get_td_vm_call_info() {
    let f = fact("GetTdVmCallInfo");
    let (result, seen) = once(&f.name, || vmcall::tdvmcall_get_td_vm_call_info(1));
    check_inputs(f, &seen, &[("r12", 1)]);
    let out = result.expect("success");
    check_outputs(
        f,
        &[
            ("r11", out.r11),
            ("r12", out.r12),
            ("r13", out.r13),
            ("r14", out.r14),
        ],
    );
}

#[test]
fn tdvmcall_map_gpa() {
    let f = fact("MapGPA");
    let start = MapGpaTarget::Shared(SharedGpa::new(0x8000_0010_0000).expect("shared"));
    // SAFETY: the trap answers the instruction; no memory changes sides.
    let (result, seen) = once(&f.name, || unsafe {
        vmcall::tdvmcall_map_gpa(start, 0x2000)
    });
    check_inputs(f, &seen, &[("r12", 0x8000_0010_0000), ("r13", 0x2000)]);
    let out = result.expect("success");
    check_outputs(f, &[("r11", out.resume)]);
}

#[test]
fn tdvmcall_get_quote() {
    let f = fact("GetQuote");
    assert_eq!(f.unused_zero, ["r14", "r15"], "what Linux passes besides");
    let buffer = SharedGpa::new(0x8000_0020_0000).expect("shared");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let (result, seen) = once(&f.name, || unsafe {
        vmcall::tdvmcall_get_quote(buffer, 0x4000)
    });
    check_inputs(f, &seen, &[("r12", 0x8000_0020_0000), ("r13", 0x4000)]);
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_report_fatal_error() {
    let f = fact("ReportFatalError");
    let message = FatalErrorMessage::from_bytes(
        b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!?",
    );
    let (result, seen) = once(&f.name, || vmcall::tdvmcall_report_fatal_error(0, &message));
    let word = |i: usize| {
        let text = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!?";
        let mut le = [0u8; 8];
        le.copy_from_slice(&text[8 * i..8 * i + 8]);
        u64::from_le_bytes(le)
    };
    // GHCI order: R14, R15, RBX, RDI, RSI, R8, R9, RDX.
    check_inputs(
        f,
        &seen,
        &[
            ("r12", 0),
            ("r14", word(0)),
            ("r15", word(1)),
            ("rbx", word(2)),
            ("rdi", word(3)),
            ("rsi", word(4)),
            ("r8", word(5)),
            ("r9", word(6)),
            ("rdx", word(7)),
        ],
    );
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_setup_event_notify_interrupt() {
    let f = fact("SetupEventNotifyInterrupt");
    let vector = EventNotifyVector::new(0xf3).expect("not an exception vector");
    let (result, seen) = once(&f.name, || {
        // SAFETY: the trap answers the instruction; no interrupt is injected.
        unsafe { vmcall::tdvmcall_setup_event_notify_interrupt(vector) }
    });
    check_inputs(f, &seen, &[("r12", 0xf3)]);
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn tdvmcall_kvm_hypercall() {
    let f = fact("TDG.VP.VMCALL<KVM hypercall>");
    let nr = KvmHypercallNr::new(12).expect("non-zero");
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = answer("r10");
        },
        || vmcall::tdvmcall_kvm_hypercall(nr, 0x11, 0x22, 0x33, 0x44),
    );
    let [one] = seen.as_slice() else {
        panic!("one instruction: {seen:?}")
    };
    // TDCALL leaf 0 with the mask of what the reference names (R10..R14; Linux's
    // __tdx_hypercall would expose 0xFFCC), R10 = the hypercall number, R11..R14 = p1..p4.
    check_inputs(
        f,
        one,
        &[
            ("rcx", f.exposed_mask()),
            ("r10", 12),
            ("r11", 0x11),
            ("r12", 0x22),
            ("r13", 0x33),
            ("r14", 0x44),
        ],
    );
    assert_eq!(one.1.rcx, 0x7C00);
    let out = result.expect("the TDCALL succeeded");
    check_outputs(f, &[("r10", out.ret)]);
}

// ============================================================= extended errors

/// A failed Secure-EPT call: RCX/RDX carry the entry and level/state, read from the error.
#[test]
fn sept_leaves_return_entry_and_level_state_in_the_error() {
    let level_state = SeptLevelState::new(SeptLevel::Level2M, SeptEntryState::PRESENT).raw();
    let entry = 0x8000_0000_0123_4007;
    let status = TdxStatus::EPT_ENTRY_STATE_INCORRECT.with_operand(TdxStatus::OPERAND_ID_RCX);
    let script = |_: usize, cpu: &mut CpuState| {
        cpu.rax = status.raw();
        cpu.rcx = entry;
        cpu.rdx = level_state;
    };
    type TdCall = Box<dyn Fn(&TdxTd<'_>) -> Result<TdxStatus, tdx_core::TdxError>>;
    let calls: Vec<(&str, TdCall)> = vec![
        (
            "TDH.MEM.PAGE.ADD",
            // SAFETY: the trap answers the instruction; no memory is touched.
            Box::new(|td| unsafe { host::tdh_mem_page_add(td, gpa(GPA), page(PAGE), hpa(SOURCE)) }),
        ),
        (
            "TDH.MEM.SEPT.ADD",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mem_sept_add(td, sept_gpa(), page(SEPT)) }),
        ),
        (
            "TDH.MEM.PAGE.AUG",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mem_page_aug(td, sept_gpa(), page(PAGE)) }),
        ),
        (
            "TDH.MEM.RANGE.BLOCK",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mem_range_block(td, sept_gpa()) }),
        ),
        (
            "TDH.MR.EXTEND",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mr_extend(td, gpa(GPA)) }),
        ),
        (
            "TDH.MEM.PAGE.REMOVE",
            // SAFETY: as above.
            Box::new(|td| unsafe { host::tdh_mem_page_remove(td, sept_gpa()) }),
        ),
    ];
    for (name, call) in calls {
        let f = fact(name);
        assert_eq!(f.out_on_error, ["rcx", "rdx"], "{name}: the reference");
        let (result, _) = trace(script, || with_td(|td| call(td)));
        let err = result.expect_err("the module failed");
        assert_eq!(err.status(), status, "{name}: status kept whole");
        let detail = err.sept_error().expect("a Secure-EPT leaf");
        assert_eq!(detail.entry, entry, "{name}: entry from RCX");
        assert_eq!(
            detail.level_state.raw(),
            level_state,
            "{name}: level/state from RDX"
        );
        assert_eq!(
            err.level_state().and_then(|ls| ls.level()),
            Some(SeptLevel::Level2M)
        );
        assert_eq!(err.mng_init_error(), None);
    }

    // Not a Secure-EPT leaf: nothing to decode.
    let (result, _) = trace(script, || {
        with_td(|td| {
            // SAFETY: the trap answers the instruction.
            unsafe { host::tdh_mng_key_config(td) }
        })
    });
    assert_eq!(result.expect_err("failed").sept_error(), None);

    // VMfailInvalid: the module did not run, the registers mean nothing.
    let (result, _) = trace(
        |_, cpu: &mut CpuState| {
            cpu.cf = true;
            cpu.rcx = entry;
        },
        // SAFETY: the trap answers the instruction.
        || with_td(|td| unsafe { host::tdh_mem_page_aug(td, sept_gpa(), page(PAGE)) }),
    );
    assert_eq!(result.expect_err("CF=1").sept_error(), None);
}

#[test]
fn mng_init_returns_its_extended_error_in_rcx() {
    let f = fact("TDH.MNG.INIT");
    assert_eq!(f.out_on_error, ["rcx"]);
    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = TdxStatus::OPERAND_INVALID.with_operand(0x10).raw();
            cpu.rcx = 0x77;
        },
        // SAFETY: the trap answers the instruction.
        || with_td(|td| unsafe { host::tdh_mng_init(td, hpa(0x0050_0400)) }),
    );
    let err = result.expect_err("rejected td_params");
    assert!(err.status().matches(TdxStatus::OPERAND_INVALID));
    assert_eq!(err.mng_init_error(), Some(0x77));
    assert_eq!(err.sept_error(), None);
}

// ================================================================== coverage

/// Every wrapper of the catalog's Linux leaves is exercised above, and checked against a
/// reference fact (the module's other leaves: `module_*.rs`; the peers' GHCI sub-functions:
/// `vmcall_peers.rs`).
#[test]
fn every_catalog_entry_has_a_fact() {
    let linux: Vec<_> = CATALOG
        .iter()
        .filter(|e| e.source == Source::Linux)
        .collect();
    for entry in &linux {
        let f = fact(entry.leaf.name);
        assert_eq!(f.leaf, entry.leaf.number, "{}", entry.wrapper);
    }
    assert_eq!(
        linux.len(),
        57,
        "37 SEAMCALL + 8 TDCALL + 11 TDVMCALL + KVM"
    );
}
