//! The retry policy of every wrapper, as Linux has it (torvalds/linux
//! `arch/x86/virt/vmx/tdx/seamcall_internal.h@0eaed89c`, `arch/x86/kvm/vmx/tdx.c@3829d81b`):
//! SEAMCALLs retry `TDX_RND_NO_ENTROPY` 9 times (10 attempts, `sc_retry`), except TDH.VP.ENTER and
//! TDH.PHYMEM.PAGE.RDMD (issued once); `TDX_OPERAND_BUSY` is never retried by a wrapper;
//! TDCALLs and TDG.VP.VMCALLs are issued once.

mod common;

use common::trace;
use tdx_calls::catalog::{CATALOG, CatalogEntry, Source};
use tdx_calls::handles::{TdxTd, TdxVp};
use tdx_calls::{guest, host, seamldr, vmcall};
use tdx_core::{
    AcceptGpa, CacheOp, EventNotifyVector, FieldId, Gpa, Hkid, Hpa, KeyedHpa, KvmHypercallNr,
    MapGpaTarget, ModuleArgs, Page, PageKind, PageSize, PconfigLeaf, RtmrIndex, SeptGpa, SeptLevel,
    ServiceNotify, ServiceTimeout, SharedGpa, TdxError, TdxStatus,
};
use tdx_core::{AccessDirection, AccessSize, CacheWbMode, IoPort, MsrIndex};

type Call = Box<dyn Fn() -> Result<(), TdxError>>;

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
    SeptGpa::new(gpa(0x20_0000), SeptLevel::Level4K).expect("aligned")
}
fn td<R>(f: impl FnOnce(&TdxTd<'_>) -> R) -> R {
    f(&TdxTd::new(page(0x1000), &[]))
}
fn vp<R>(f: impl FnOnce(&TdxVp<'_>) -> R) -> R {
    f(&TdxVp::new(page(0x2000), &[]))
}

/// A wrapper call issued once, as a closure (the trap answers it).
macro_rules! call {
    (unsafe $name:literal => $call:expr) => {
        (
            $name,
            Box::new(|| {
                // SAFETY: under `trace`, the trap answers the instruction: no memory is
                // touched, and any `ModuleArgs` is a local.
                unsafe { $call }.map(drop)
            }) as Call,
        )
    };
    ($name:literal => $call:expr) => {
        ($name, Box::new(|| $call.map(drop)) as Call)
    };
}

/// Every wrapper, by spec name, as a closure that issues it once.
fn all_calls() -> Vec<(&'static str, Call)> {
    fn keyed() -> KeyedHpa {
        KeyedHpa::new(hpa(0x1000), Hkid::new(1), 46).expect("fits")
    }
    fn accept() -> AcceptGpa {
        AcceptGpa::new(gpa(0x1000), PageSize::Size4K).expect("aligned")
    }
    fn shared() -> SharedGpa {
        SharedGpa::new(0x8000_0000_1000).expect("shared")
    }
    fn vector() -> EventNotifyVector {
        EventNotifyVector::new(0x40).expect("vector")
    }
    fn nr() -> KvmHypercallNr {
        KvmHypercallNr::new(1).expect("non-zero")
    }
    vec![
        call!(unsafe "TDH.VP.ENTER" => vp(|v| host::tdh_vp_enter(v, &mut ModuleArgs::default()))),
        call!(unsafe "TDH.MNG.ADDCX" => td(|t| host::tdh_mng_addcx(t, page(0x3000)))),
        call!(unsafe "TDH.MEM.PAGE.ADD" => td(|t| host::tdh_mem_page_add(t, gpa(0x4000), page(0x5000), hpa(0x6000)))),
        call!(unsafe "TDH.MEM.SEPT.ADD" => td(|t| host::tdh_mem_sept_add(t, sept_gpa(), page(0x7000)))),
        call!(unsafe "TDH.VP.ADDCX" => vp(|v| host::tdh_vp_addcx(v, page(0x8000)))),
        call!(unsafe "TDH.MEM.PAGE.AUG" => td(|t| host::tdh_mem_page_aug(t, sept_gpa(), page(0x9000)))),
        call!(unsafe "TDH.MEM.RANGE.BLOCK" => td(|t| host::tdh_mem_range_block(t, sept_gpa()))),
        call!(unsafe "TDH.MNG.KEY.CONFIG" => td(|t| host::tdh_mng_key_config(t))),
        call!(unsafe "TDH.MNG.CREATE" => td(|t| host::tdh_mng_create(t, Hkid::new(1)))),
        call!(unsafe "TDH.VP.CREATE" => td(|t| vp(|v| host::tdh_vp_create(t, v)))),
        call!(unsafe "TDH.MNG.RD" => td(|t| host::tdh_mng_rd(t, FieldId::from_raw(1)))),
        call!(unsafe "TDH.MR.EXTEND" => td(|t| host::tdh_mr_extend(t, gpa(0x4000)))),
        call!(unsafe "TDH.MR.FINALIZE" => td(|t| host::tdh_mr_finalize(t))),
        call!(unsafe "TDH.VP.FLUSH" => vp(|v| host::tdh_vp_flush(v))),
        call!(unsafe "TDH.MNG.VPFLUSHDONE" => td(|t| host::tdh_mng_vpflushdone(t))),
        call!(unsafe "TDH.MNG.KEY.FREEID" => td(|t| host::tdh_mng_key_freeid(t))),
        call!(unsafe "TDH.MNG.INIT" => td(|t| host::tdh_mng_init(t, hpa(0x400)))),
        call!(unsafe "TDH.VP.INIT" => vp(|v| host::tdh_vp_init(v, 0, tdx_core::X2ApicId::new(0)))),
        call!(unsafe "TDH.PHYMEM.PAGE.RDMD" => host::tdh_phymem_page_rdmd(hpa(0x1000))),
        call!(unsafe "TDH.VP.RD" => vp(|v| host::tdh_vp_rd(v, FieldId::from_raw(1)))),
        call!(unsafe "TDH.PHYMEM.PAGE.RECLAIM" => host::tdh_phymem_page_reclaim(hpa(0x1000))),
        call!(unsafe "TDH.MEM.PAGE.REMOVE" => td(|t| host::tdh_mem_page_remove(t, sept_gpa()))),
        call!(unsafe "TDH.SYS.KEY.CONFIG" => host::tdh_sys_key_config()),
        call!(unsafe "TDH.SYS.INIT" => host::tdh_sys_init()),
        call!(unsafe "TDH.SYS.RD" => host::tdh_sys_rd(FieldId::from_raw(1))),
        call!(unsafe "TDH.SYS.LP.INIT" => host::tdh_sys_lp_init()),
        call!(unsafe "TDH.SYS.TDMR.INIT" => host::tdh_sys_tdmr_init(hpa(1 << 30))),
        call!(unsafe "TDH.MEM.TRACK" => td(|t| host::tdh_mem_track(t))),
        call!(unsafe "TDH.PHYMEM.CACHE.WB" => host::tdh_phymem_cache_wb(CacheWbMode::Start)),
        call!(unsafe "TDH.PHYMEM.PAGE.WBINVD" => host::tdh_phymem_page_wbinvd(keyed())),
        call!(unsafe "TDH.VP.WR" => vp(|v| host::tdh_vp_wr(v, FieldId::from_raw(1), 0, 0))),
        call!(unsafe "TDH.SYS.CONFIG" => host::tdh_sys_config(hpa(0x200), 1, Hkid::new(1))),
        call!(unsafe "TDH.SYS.SHUTDOWN" => host::tdh_sys_shutdown(0)),
        call!(unsafe "TDH.SYS.UPDATE" => host::tdh_sys_update()),
        call!(unsafe "TDH.SYS.DISABLE" => host::tdh_sys_disable()),
        call!(unsafe "P-SEAMLDR.INFO" => seamldr::p_seamldr_info(hpa(0x1000))),
        call!(unsafe "P-SEAMLDR.INSTALL" => seamldr::p_seamldr_install(hpa(0x1000))),
        call!(unsafe "TDG.VP.VMCALL" => guest::tdg_vp_vmcall(&mut ModuleArgs::default())),
        call!("TDG.VP.INFO" => guest::tdg_vp_info()),
        call!(unsafe "TDG.MR.RTMR.EXTEND" => guest::tdg_mr_rtmr_extend(gpa(0x1000), RtmrIndex::new(0))),
        call!("TDG.VP.VEINFO.GET" => guest::tdg_vp_veinfo_get()),
        call!(unsafe "TDG.MR.REPORT" => guest::tdg_mr_report(gpa(0x1000), gpa(0x2000), 0)),
        call!(unsafe "TDG.MEM.PAGE.ACCEPT" => guest::tdg_mem_page_accept(accept())),
        call!("TDG.VM.RD" => guest::tdg_vm_rd(FieldId::from_raw(1))),
        call!(unsafe "TDG.VM.WR" => guest::tdg_vm_wr(FieldId::from_raw(1), 0, 0)),
        call!("Instruction.CPUID" => vmcall::tdvmcall_cpuid(0, 0)),
        call!("Instruction.HLT" => vmcall::tdvmcall_hlt(0)),
        call!(unsafe "Instruction.IO" => vmcall::tdvmcall_io(AccessSize::Byte, AccessDirection::Read, IoPort::new(0x80), 0)),
        call!("Instruction.RDMSR" => vmcall::tdvmcall_rdmsr(MsrIndex::new(0x10))),
        call!(unsafe "Instruction.WRMSR" => vmcall::tdvmcall_wrmsr(MsrIndex::new(0x10), 0)),
        call!(unsafe "#VE.RequestMMIO" => vmcall::tdvmcall_request_mmio(AccessSize::Dword, AccessDirection::Read, shared(), 0)),
        call!("Instruction.WBINVD" => vmcall::tdvmcall_wbinvd(CacheOp::Wbinvd)),
        call!(unsafe "Instruction.PCONFIG" => vmcall::tdvmcall_pconfig(PconfigLeaf::MKTME_KEY_PROGRAM, 0, 0, 0)),
        call!("GetTdVmCallInfo" => vmcall::tdvmcall_get_td_vm_call_info(0)),
        call!(unsafe "MapGPA" => vmcall::tdvmcall_map_gpa(MapGpaTarget::Private(gpa(0x1000)), 0x1000)),
        call!(unsafe "GetQuote" => vmcall::tdvmcall_get_quote(shared(), 0x1000)),
        call!("ReportFatalError" => vmcall::tdvmcall_report_fatal_error(0, &vmcall::FatalErrorMessage::default())),
        call!(unsafe "SetupEventNotifyInterrupt" => vmcall::tdvmcall_setup_event_notify_interrupt(vector())),
        call!(unsafe "Service" => vmcall::tdvmcall_service(shared(), shared(), ServiceNotify::Blocking, ServiceTimeout::NONE)),
        call!("TDG.VP.VMCALL<KVM hypercall>" => vmcall::tdvmcall_kvm_hypercall(nr(), 0, 0, 0, 0)),
    ]
}

/// How many attempts the wrapper makes when the status is always `status`.
fn attempts(call: &Call, status: TdxStatus) -> usize {
    let (result, seen) = trace(|_, cpu| cpu.rax = status.raw(), call);
    assert!(result.is_err(), "{status} is an error");
    seen.len()
}

/// The wrappers this file covers: the leaves Linux issues and the peers' GHCI sub-functions.
/// (The module-1.5 leaves Linux does not issue share the family policy through the same
/// expansion; their register images are checked in `module_*.rs`.)
fn covered() -> impl Iterator<Item = &'static CatalogEntry> {
    CATALOG.iter().filter(|e| e.source != Source::Module)
}

#[test]
fn every_wrapper_is_listed_here() {
    let calls = all_calls();
    for entry in covered() {
        assert!(
            calls.iter().any(|(name, _)| *name == entry.leaf.name),
            "{} ({}) has no retry test",
            entry.leaf.name,
            entry.wrapper
        );
    }
    assert_eq!(calls.len(), covered().count());
}

#[test]
fn no_entropy_is_retried_as_linux_sc_retry() {
    for (name, call) in all_calls() {
        let family = CATALOG
            .iter()
            .find(|e| e.leaf.name == name)
            .map(|e| e.leaf.family.name())
            .expect("in the catalog");
        let expected = match (family, name) {
            // Linux issues these two without sc_retry.
            ("seamcall", "TDH.VP.ENTER" | "TDH.PHYMEM.PAGE.RDMD") => 1,
            // sc_retry: RDRAND_RETRY_LOOPS attempts.
            ("seamcall", _) => 10,
            // TDCALL: no retry in Linux (RND_NO_ENTROPY is a SEAMCALL status).
            _ => 1,
        };
        assert_eq!(
            attempts(&call, TdxStatus::RND_NO_ENTROPY),
            expected,
            "{name}: attempts on TDX_RND_NO_ENTROPY"
        );
    }
}

#[test]
fn busy_is_returned_to_the_caller() {
    for (name, call) in all_calls() {
        let busy = TdxStatus::OPERAND_BUSY.with_operand(TdxStatus::OPERAND_ID_SEPT);
        let (result, seen) = trace(|_, cpu| cpu.rax = busy.raw(), &call);
        assert_eq!(seen.len(), 1, "{name}: TDX_OPERAND_BUSY is not retried");
        let err = result.expect_err("busy is an error");
        assert!(err.is_busy(), "{name}: is_busy");
        assert_eq!(err.status(), busy, "{name}: the operand ID is kept");
    }
}
