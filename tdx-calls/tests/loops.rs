//! The bounded loops Linux runs over single leaves (torvalds/linux
//! `arch/x86/virt/vmx/tdx/tdx.c@0eaed89c`, `arch/x86/kvm/vmx/tdx.c@3829d81b`,
//! `arch/x86/coco/tdx/tdx.c`), each a separate helper over
//! the one-leaf wrapper, driven through the trap: TDH.PHYMEM.CACHE.WB on
//! `TDX_INTERRUPTED_RESUMABLE`, TDH.SYS.DISABLE, TDH.SYS.TDMR.INIT until done, KVM's
//! kick-and-retry-once on BUSY, MapGPA with a validated resume GPA, and page acceptance.

// The loops' errors carry the failed call's `TdxError` whole (120 bytes) plus a tag, which
// clippy flags on every closure returning them here.
#![allow(clippy::result_large_err)]

mod common;

use common::trace;
use tdx_calls::guest::{self, AcceptRangeError};
use tdx_calls::handles::TdxTd;
use tdx_calls::host::{self, CACHE_WB_MAX_ATTEMPTS, TdmrInitError};
use tdx_calls::vmcall::{self, Conversion, MAP_GPA_MAX_RETRIES_PER_PAGE, MapGpaRangeError};
use tdx_core::{Gpa, Hpa, Page, SeptGpa, SeptLevel, TdvmcallStatus, TdxStatus};

const INTERRUPTED: u64 = TdxStatus::INTERRUPTED_RESUMABLE.raw();

fn gpa(raw: u64) -> Gpa {
    Gpa::new(raw).expect("test GPA")
}

// ------------------------------------------------------------- TDH.PHYMEM.CACHE.WB

#[test]
fn cache_wb_starts_then_resumes_until_done() {
    let (result, seen) = trace(
        |attempt, cpu| cpu.rax = if attempt < 3 { INTERRUPTED } else { 0 },
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_phymem_cache_wb_loop() },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    let rcx: Vec<u64> = seen.iter().map(|(_, cpu)| cpu.rcx).collect();
    assert_eq!(rcx, [0, 1, 1, 1], "start, then resume");
    assert!(seen.iter().all(|(_, cpu)| cpu.rax == 40));
}

#[test]
fn cache_wb_no_hkid_ready_is_success_and_other_errors_stop() {
    let info = TdxStatus::NO_HKID_READY_TO_WBCACHE;
    let (result, seen) = trace(
        |_, cpu| cpu.rax = info.raw(),
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_phymem_cache_wb_loop() },
    );
    assert_eq!((result, seen.len()), (Ok(info), 1));

    let (result, seen) = trace(
        |_, cpu| cpu.rax = TdxStatus::OPERAND_BUSY.raw(),
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_phymem_cache_wb_loop() },
    );
    assert_eq!(seen.len(), 1, "busy is returned, not looped on");
    assert!(result.expect_err("busy").is_busy());
}

#[test]
fn cache_wb_gives_up_after_kvm_bound() {
    let (result, seen) = trace(
        |_, cpu| cpu.rax = INTERRUPTED,
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_phymem_cache_wb_loop() },
    );
    assert_eq!(seen.len(), CACHE_WB_MAX_ATTEMPTS as usize);
    assert_eq!(
        result.map_err(|e| e.status()),
        Err(TdxStatus::INTERRUPTED_RESUMABLE)
    );
}

// ---------------------------------------------------------------- TDH.SYS.DISABLE

#[test]
fn sys_disable_loops_on_interrupted_and_sys_busy_within_its_bound() {
    let script = [INTERRUPTED, TdxStatus::SYS_BUSY.raw(), INTERRUPTED, 0];
    let (result, seen) = trace(
        |attempt, cpu| cpu.rax = script[attempt.min(3)],
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_sys_disable_loop(100) },
    );
    assert_eq!((result, seen.len()), (Ok(TdxStatus::SUCCESS), 4));
    assert!(seen.iter().all(|(_, cpu)| cpu.rax == 69));

    let (result, seen) = trace(
        |_, cpu| cpu.rax = TdxStatus::SYS_BUSY.raw(),
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_sys_disable_loop(5) },
    );
    assert_eq!(seen.len(), 5, "bounded");
    assert_eq!(result.map_err(|e| e.status()), Err(TdxStatus::SYS_BUSY));

    // OPERAND_BUSY (not SYS_BUSY) is not looped on; neither is anything else.
    let (_, seen) = trace(
        |_, cpu| cpu.rax = TdxStatus::OPERAND_BUSY.raw(),
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_sys_disable_loop(5) },
    );
    assert_eq!(seen.len(), 1);
}

// -------------------------------------------------------------- TDH.SYS.TDMR.INIT

#[test]
fn tdmr_init_calls_with_the_base_until_next_reaches_the_end() {
    let base = 1u64 << 30;
    let (result, seen) = trace(
        |attempt, cpu| {
            cpu.rax = 0;
            cpu.rdx = base + (attempt as u64 + 1) * (256 << 20);
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_sys_tdmr_init_loop(Hpa::new(base).expect("hpa"), 1 << 30, 100) },
    );
    assert_eq!(result, Ok(4), "1 GiB in 256 MiB steps");
    assert!(
        seen.iter().all(|(_, cpu)| cpu.rax == 36 && cpu.rcx == base),
        "every call passes the TDMR base in RCX, as Linux's init_tdmr"
    );
}

#[test]
fn tdmr_init_is_bounded_and_rejects_a_bad_next() {
    let base = Hpa::new(1 << 30).expect("hpa");
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.rdx = 1 << 30; // no progress, ever
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_sys_tdmr_init_loop(base, 1 << 30, 7) },
    );
    assert_eq!(seen.len(), 7);
    assert_eq!(
        result,
        Err(TdmrInitError::Incomplete {
            next: base,
            calls: 7
        })
    );

    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.rdx = u64::MAX;
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_sys_tdmr_init_loop(base, 1 << 30, 7) },
    );
    assert_eq!(result, Err(TdmrInitError::BadNext { raw: u64::MAX }));

    let (result, seen) = trace(
        |_, cpu| cpu.rax = TdxStatus::OPERAND_INVALID.raw(),
        // SAFETY: the trap answers the instruction.
        || unsafe { host::tdh_sys_tdmr_init_loop(base, 1 << 30, 7) },
    );
    assert_eq!(seen.len(), 1);
    assert!(matches!(result, Err(TdmrInitError::Call(_))));
}

// ------------------------------------------------- BUSY: kick the vCPUs, retry once

#[test]
fn busy_block_track_remove_retry_once_after_the_callers_kick() {
    let tdr = Page::from_u64(0x1000).expect("page");
    let td = TdxTd::new(tdr, &[]);
    let gpa = SeptGpa::new(gpa(0x20_0000), SeptLevel::Level4K).expect("aligned");
    let busy = TdxStatus::OPERAND_BUSY
        .with_operand(TdxStatus::OPERAND_ID_SEPT)
        .raw();

    // Busy once: kick, retry, release; the retry succeeds.
    let events = std::cell::RefCell::new(Vec::new());
    let (result, seen) = trace(
        |attempt, cpu| cpu.rax = if attempt == 0 { busy } else { 0 },
        || {
            host::retry_once_after_kick(
                // SAFETY: the trap answers the instruction.
                || unsafe { host::tdh_mem_range_block(&td, gpa) },
                || events.borrow_mut().push("kick"),
                || events.borrow_mut().push("release"),
            )
        },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(seen.len(), 2);
    assert_eq!(events.into_inner(), ["kick", "release"]);

    // Busy twice: the second result is returned, no third try.
    let (result, seen) = trace(
        |_, cpu| cpu.rax = busy,
        || {
            host::retry_once_after_kick(
                // SAFETY: the trap answers the instruction.
                || unsafe { host::tdh_mem_track(&td) },
                || {},
                || {},
            )
        },
    );
    assert_eq!(seen.len(), 2, "exactly one retry");
    assert!(result.expect_err("still busy").is_busy());

    // Not busy: no kick, no retry.
    let mut kicked = false;
    let (result, seen) = trace(
        |_, cpu| cpu.rax = TdxStatus::EPT_WALK_FAILED.raw(),
        || {
            host::retry_once_after_kick(
                // SAFETY: the trap answers the instruction.
                || unsafe { host::tdh_mem_page_remove(&td, gpa) },
                || kicked = true,
                || {},
            )
        },
    );
    assert_eq!((seen.len(), kicked), (1, false));
    assert!(result.is_err());
}

// -------------------------------------------------------------------------- MapGPA

const SHARED_BIT: u8 = 47;
const SHARED: u64 = 1 << SHARED_BIT;
const RETRY: u64 = TdvmcallStatus::RETRY.raw();

#[test]
fn map_gpa_range_sends_the_shared_alias_and_succeeds() {
    let (result, seen) = trace(
        |_, cpu| (cpu.rax, cpu.r10) = (0, 0),
        // SAFETY: the trap answers the instruction.
        || unsafe {
            vmcall::tdvmcall_map_gpa_range(gpa(0x10_0000), 0x4000, SHARED_BIT, Conversion::ToShared)
        },
    );
    assert_eq!(result, Ok(()));
    let cpu = seen[0].1;
    assert_eq!((cpu.rax, cpu.r10, cpu.r11), (0, 0, 0x10001));
    assert_eq!((cpu.r12, cpu.r13), (SHARED | 0x10_0000, 0x4000));

    let (result, seen) = trace(
        |_, cpu| (cpu.rax, cpu.r10) = (0, 0),
        // SAFETY: the trap answers the instruction.
        || unsafe {
            vmcall::tdvmcall_map_gpa_range(
                gpa(0x10_0000),
                0x4000,
                SHARED_BIT,
                Conversion::ToPrivate,
            )
        },
    );
    assert_eq!(result, Ok(()));
    assert_eq!(seen[0].1.r12, 0x10_0000, "no shared bit");
}

#[test]
fn map_gpa_range_resumes_where_the_vmm_says() {
    let start = SHARED | 0x10_0000;
    let (result, seen) = trace(
        |attempt, cpu| {
            cpu.rax = 0;
            if attempt == 0 {
                (cpu.r10, cpu.r11) = (RETRY, start + 0x2000);
            } else {
                cpu.r10 = 0;
            }
        },
        // SAFETY: the trap answers the instruction.
        || unsafe {
            vmcall::tdvmcall_map_gpa_range(gpa(0x10_0000), 0x4000, SHARED_BIT, Conversion::ToShared)
        },
    );
    assert_eq!(result, Ok(()));
    assert_eq!(seen.len(), 2);
    assert_eq!(
        (seen[1].1.r12, seen[1].1.r13),
        (start + 0x2000, 0x2000),
        "the rest of the range"
    );
}

#[test]
fn map_gpa_range_validates_the_host_supplied_resume_gpa() {
    let start = SHARED | 0x10_0000;
    let end = start + 0x4000;
    let run = |resume: u64| {
        trace(
            move |_, cpu| (cpu.rax, cpu.r10, cpu.r11) = (0, RETRY, resume),
            // SAFETY: the trap answers the instruction.
            || unsafe {
                vmcall::tdvmcall_map_gpa_range(
                    gpa(0x10_0000),
                    0x4000,
                    SHARED_BIT,
                    Conversion::ToShared,
                )
            },
        )
    };
    for resume in [start - 0x1000, end, 0x10_0000, u64::MAX] {
        let (result, seen) = run(resume);
        assert_eq!(seen.len(), 1, "{resume:#x}: no second call");
        assert_eq!(
            result,
            Err(MapGpaRangeError::ResumeOutOfRange { resume, start, end })
        );
    }
    let (result, _) = run(start + 0x1800);
    assert_eq!(
        result,
        Err(MapGpaRangeError::ResumeMisaligned {
            resume: start + 0x1800
        })
    );
}

#[test]
fn map_gpa_range_gives_up_without_progress_as_linux() {
    let start = SHARED | 0x10_0000;
    let (result, seen) = trace(
        |_, cpu| (cpu.rax, cpu.r10, cpu.r11) = (0, RETRY, start),
        // SAFETY: the trap answers the instruction.
        || unsafe {
            vmcall::tdvmcall_map_gpa_range(gpa(0x10_0000), 0x4000, SHARED_BIT, Conversion::ToShared)
        },
    );
    assert_eq!(seen.len(), MAP_GPA_MAX_RETRIES_PER_PAGE as usize);
    assert_eq!(result, Err(MapGpaRangeError::NoProgress { at: start }));

    // Progress resets the count: two stalls per page over four pages still completes.
    let (result, seen) = trace(
        |attempt, cpu| {
            cpu.rax = 0;
            let page = attempt as u64 / 3;
            if page == 4 {
                cpu.r10 = 0;
            } else {
                let stalled = attempt % 3 < 2;
                let at = start + 0x1000 * page + if stalled { 0 } else { 0x1000 };
                (cpu.r10, cpu.r11) = (RETRY, at);
            }
        },
        // SAFETY: the trap answers the instruction.
        || unsafe {
            vmcall::tdvmcall_map_gpa_range(gpa(0x10_0000), 0x5000, SHARED_BIT, Conversion::ToShared)
        },
    );
    assert_eq!(result, Ok(()));
    assert_eq!(seen.len(), 13);
}

#[test]
fn map_gpa_range_reports_vmm_errors_and_bad_ranges() {
    let (result, seen) = trace(
        |_, cpu| (cpu.rax, cpu.r10) = (0, TdvmcallStatus::ALIGN_ERROR.raw()),
        // SAFETY: the trap answers the instruction.
        || unsafe {
            vmcall::tdvmcall_map_gpa_range(gpa(0x10_0000), 0x1000, SHARED_BIT, Conversion::ToShared)
        },
    );
    assert_eq!(seen.len(), 1);
    let Err(MapGpaRangeError::Call(err)) = result else {
        panic!("a VMM error: {result:?}")
    };
    assert_eq!(err.vmcall_status(), Some(TdvmcallStatus::ALIGN_ERROR));

    let (result, _) = trace(
        |_, cpu| (cpu.rax, cpu.r10) = (0, 2),
        // SAFETY: the trap answers the instruction.
        || unsafe {
            vmcall::tdvmcall_map_gpa_range(gpa(0x10_0000), 0x1000, SHARED_BIT, Conversion::ToShared)
        },
    );
    assert_eq!(
        result,
        Err(MapGpaRangeError::Status(TdvmcallStatus::from_raw(2)))
    );

    for (start, size) in [
        (0x10_0000, 0),               // empty
        (0x10_0800, 0x1000),          // unaligned start
        (0x10_0000, 0x1800),          // unaligned size
        (SHARED | 0x10_0000, 0x1000), // already the shared alias
        (SHARED - 0x1000, 0x2000),    // crosses the shared bit
    ] {
        let (result, seen) = trace(
            |_, _| {},
            // SAFETY: nothing is issued for a bad range.
            || unsafe {
                vmcall::tdvmcall_map_gpa_range(gpa(start), size, SHARED_BIT, Conversion::ToShared)
            },
        );
        assert!(seen.is_empty(), "{start:#x}+{size:#x}: no call");
        assert!(
            matches!(result, Err(MapGpaRangeError::BadRange { .. })),
            "{start:#x}+{size:#x}: {result:?}"
        );
    }
}

// ------------------------------------------------------------ TDG.MEM.PAGE.ACCEPT

#[test]
fn accept_range_uses_the_largest_size_that_fits() {
    let end = (2 << 30) + (2 << 20) + 0x1000;
    let (result, seen) = trace(
        |_, cpu| cpu.rax = 0,
        // SAFETY: the trap answers the instruction.
        || unsafe { guest::tdg_mem_page_accept_range(gpa(0), gpa(end)) },
    );
    assert_eq!(result, Ok(()));
    let rcx: Vec<u64> = seen.iter().map(|(_, cpu)| cpu.rcx).collect();
    assert_eq!(
        rcx,
        [2, (1 << 30) | 2, (2 << 30) | 1, (2 << 30) + (2 << 20)]
    );
    assert!(seen.iter().all(|(_, cpu)| cpu.rax == 6));
}

#[test]
fn accept_range_falls_back_to_smaller_sizes_as_linux() {
    // Every 1 GiB and 2 MiB attempt fails: the range is accepted 4 KiB at a time.
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = if cpu.rcx & 7 == 0 {
                0
            } else {
                TdxStatus::OPERAND_INVALID.raw()
            }
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { guest::tdg_mem_page_accept_range(gpa(0x20_0000), gpa(0x20_3000)) },
    );
    assert_eq!(result, Ok(()));
    let rcx: Vec<u64> = seen.iter().map(|(_, cpu)| cpu.rcx).collect();
    assert_eq!(
        rcx,
        [0x20_0000, 0x20_1000, 0x20_2000],
        "2 MiB does not fit 12 KiB"
    );

    // A 4 KiB failure stops the loop; a non-zero status with bit 63 clear counts as failure.
    let (result, _) = trace(
        |_, cpu| cpu.rax = 0x0000_0B0A_0000_0000,
        // SAFETY: the trap answers the instruction.
        || unsafe { guest::tdg_mem_page_accept_range(gpa(0x1000), gpa(0x3000)) },
    );
    assert_eq!(
        result,
        Err(AcceptRangeError::NotAccepted {
            gpa: gpa(0x1000),
            status: TdxStatus::from_raw(0x0000_0B0A_0000_0000)
        })
    );
    let (result, _) = trace(
        |_, cpu| cpu.rax = TdxStatus::OPERAND_BUSY.raw(),
        // SAFETY: the trap answers the instruction.
        || unsafe { guest::tdg_mem_page_accept_range(gpa(0x1000), gpa(0x3000)) },
    );
    assert!(matches!(
        result,
        Err(AcceptRangeError::Failed { gpa: g, .. }) if g == gpa(0x1000)
    ));

    let (result, seen) = trace(
        |_, _| {},
        // SAFETY: nothing is issued for a bad range.
        || unsafe { guest::tdg_mem_page_accept_range(gpa(0x1800), gpa(0x3000)) },
    );
    assert!(seen.is_empty());
    assert!(matches!(result, Err(AcceptRangeError::BadRange { .. })));
}

// ---------------------------------------------------------------- KVM hypercall

#[test]
fn kvm_hypercall_errors_only_when_the_tdcall_fails() {
    let nr = tdx_core::KvmHypercallNr::new(5).expect("non-zero");
    // A negative KVM return value is the hypercall's answer, not a TDVMCALL error.
    let enosys = (-1000i64) as u64;
    let (result, _) = trace(
        |_, cpu| (cpu.rax, cpu.r10) = (0, enosys),
        || vmcall::tdvmcall_kvm_hypercall(nr, 1, 2, 3, 4),
    );
    assert_eq!(result.map(|out| out.ret), Ok(enosys));

    let (result, _) = trace(
        |_, cpu| cpu.rax = TdxStatus::OPERAND_INVALID.raw(),
        || vmcall::tdvmcall_kvm_hypercall(nr, 1, 2, 3, 4),
    );
    let err = result.expect_err("the TDCALL failed");
    assert_eq!(err.status(), TdxStatus::OPERAND_INVALID);
    assert_eq!(err.leaf().name, "TDG.VP.VMCALL<KVM hypercall>");
}
