//! The generated code, run for real: every wrapper below is expanded by the macros, and the
//! `seamcall` / `tdcall` instruction it emits traps into a recording handler (tdx-emu), which
//! checks the exact register image the instruction saw and scripts what it returns.

mod seamcall;
mod tdcall;

use std::cell::RefCell;
use std::hint::black_box;
use tdx_core::abi::{self, Leaf};
use tdx_core::reg;
use tdx_core::{
    FieldId, Gpa, Hkid, Hpa, MapGpaTarget, ModuleArgs, Page, Sept, SeptGpa, SeptLevel, Tdcs, Tdr,
    TdvmcallStatus, Tdvpr, TdxError, TdxStatus, X2ApicId, seamcall, tdcall, tdvmcall,
};
use tdx_emu::{CpuState, Instruction, with_handler};

// ------------------------------------------------------------------ wrappers under test

#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;

#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhVpInit, in(rcx = tdvpr, rdx = initial_rcx, r8 = x2apic_id))]
unsafe fn tdh_vp_init(
    tdvpr: Page<Tdvpr>,
    initial_rcx: u64,
    x2apic_id: X2ApicId,
) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhMngRd, version = 3, in(rcx = tdr, rdx = field), out(r8 = value: u64))]
unsafe fn tdh_mng_rd_v3(tdr: Page<Tdr>, field: FieldId) -> Result<MngRd, TdxError>;

/// A TD handle as the catalog passes it: wrappers bind its fields.
struct Td {
    tdr: Page<Tdr>,
}

#[seamcall(leaf = abi::TdhMngAddcx, in(rcx = tdcs, rdx = td.tdr))]
unsafe fn tdh_mng_addcx(td: &Td, tdcs: Page<Tdcs>) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhMemSeptAdd, in(rcx = gpa, rdx = tdr, r8 = page), retry(busy = 3))]
unsafe fn tdh_mem_sept_add(
    gpa: SeptGpa,
    tdr: Page<Tdr>,
    page: Page<Sept>,
) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhSysLpInit, retry(none))]
unsafe fn tdh_sys_lp_init_no_retry() -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhSysLpInit, retry(entropy = 2))]
unsafe fn tdh_sys_lp_init_two_retries() -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhSysLpInit)]
unsafe fn tdh_sys_lp_init() -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(none))]
unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(entropy = 1))]
unsafe fn tdh_vp_enter_retry(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = 0x42, version = 2, in(rcx = a, rbx = b, rdi = c, rsi = d, r12 = e, r15 = f), out(rbx = b_out: u64, r12 = e_out: u64, r9 = r9_out: u64), retry(none))]
unsafe fn raw_leaf(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64) -> Result<RawOut, TdxError>;

#[seamcall(leaf = 0x8000000000000001, in(rcx = params))]
unsafe fn p_seamldr_install(params: Hpa) -> Result<TdxStatus, TdxError>;

#[tdcall(leaf = abi::TdgVpInfo, out(rcx = gpa_width, rdx = attributes))]
fn tdg_vp_info() -> Result<VpInfo, TdxError>;

#[tdcall(leaf = abi::TdgMrReport, in(rcx = report, rdx = data, r8 = subtype), retry(busy = 1))]
unsafe fn tdg_mr_report(report: Gpa, data: Gpa, subtype: u64) -> Result<TdxStatus, TdxError>;

#[tdcall(leaf = abi::TdgVpVmcall, regs = args)]
unsafe fn tdg_vp_vmcall(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

#[tdvmcall(subfn = abi::TdvmcallMapGpa, in(r12 = start, r13 = size), out(r11 = resume))]
unsafe fn tdvmcall_map_gpa(start: MapGpaTarget, size: u64) -> Result<MapGpa, TdxError>;

#[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = leaf, r13 = subleaf), out(r12 = eax, r13 = ebx, r14 = ecx, r15 = edx))]
fn tdvmcall_cpuid(leaf: u64, subleaf: u64) -> Result<Cpuid, TdxError>;

#[tdvmcall(subfn = 0x10003, in(r12 = code, rbx = msg1, rdi = msg2, rsi = msg3, rdx = msg4))]
unsafe fn report_fatal_error(
    code: u64,
    msg1: u64,
    msg2: u64,
    msg3: u64,
    msg4: u64,
) -> Result<TdvmcallStatus, TdxError>;

// ---------------------------------------------------------------------------- harness

/// Run `f` with a handler that records every trap and answers it with `script`, called with
/// the attempt number (0-based) and the CPU state to edit.
fn trace<R>(
    mut script: impl FnMut(usize, &mut CpuState),
    f: impl FnOnce() -> R,
) -> (R, Vec<(Instruction, CpuState)>) {
    let seen = RefCell::new(Vec::new());
    let mut handler = |instruction: Instruction, cpu: &mut CpuState| {
        let attempt = seen.borrow().len();
        seen.borrow_mut().push((instruction, *cpu));
        script(attempt, cpu);
    };
    let result = with_handler(&mut handler, f);
    (result, seen.into_inner())
}

fn private(raw: u64) -> MapGpaTarget {
    MapGpaTarget::Private(Gpa::new(raw).expect("valid test GPA"))
}
fn hpa(raw: u64) -> Hpa {
    Hpa::new(raw).expect("valid test HPA")
}
fn page<K: tdx_core::PageKind>(raw: u64) -> Page<K> {
    Page::new(hpa(raw)).expect("aligned test page")
}

const NO_ENTROPY: u64 = TdxStatus::RND_NO_ENTROPY.raw();
const BUSY_RCX: u64 = TdxStatus::OPERAND_BUSY.raw() | 1;
