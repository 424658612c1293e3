//! All three attributes under `#![no_implicit_prelude]`: every path the expansion emits must be
//! absolute, and nothing may rely on the prelude (`Result`, `Ok`, `From`, `u64` by name, ...).
#![no_implicit_prelude]

extern crate core;
extern crate std;
extern crate tdx_core;

use ::tdx_core::{
    Hkid, Hpa, ModuleArgs, Page, Tdr, TdvmcallStatus, TdxError, TdxStatus, abi, seamcall, tdcall,
    tdvmcall,
};

/// Take a page back from the TDX module.
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> ::std::result::Result<PageReclaim, TdxError>;

/// Create a TD (busy retries).
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid), retry(busy = 2))]
pub unsafe fn tdh_mng_create(
    tdr: Page<Tdr>,
    hkid: Hkid,
) -> ::core::result::Result<TdxStatus, TdxError>;

/// Enter a vCPU: every register through memory.
#[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(none))]
pub unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> ::core::result::Result<TdxStatus, TdxError>;

/// An unchecked leaf that binds RBX, RDI and RSI.
#[seamcall(leaf = 0x42, version = 2, in(rcx = a, rbx = b, rdi = c, rsi = d), out(rbx = b_out: u64, r9 = r9_out: u64))]
pub unsafe fn raw_leaf(a: u64, b: u64, c: u64, d: u64)
-> ::core::result::Result<RawLeaf, TdxError>;

/// The TD execution environment.
#[tdcall(leaf = abi::TdgVpInfo, out(rcx = gpa_width, rdx = attributes))]
pub fn tdg_vp_info() -> ::core::result::Result<VpInfo, TdxError>;

/// Write a TDREPORT.
#[tdcall(leaf = abi::TdgMrReport, in(rcx = report, rdx = data, r8 = subtype), retry(busy = 1))]
pub unsafe fn tdg_mr_report(
    report: ::tdx_core::Gpa,
    data: ::tdx_core::Gpa,
    subtype: u64,
) -> ::core::result::Result<TdxStatus, TdxError>;

/// A raw TDG.VP.VMCALL.
#[tdcall(leaf = abi::TdgVpVmcall, regs = args)]
pub unsafe fn tdg_vp_vmcall(args: &mut ModuleArgs) -> ::core::result::Result<TdxStatus, TdxError>;

/// Ask the VMM to emulate CPUID.
#[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = leaf, r13 = subleaf), out(r12 = eax, r13 = ebx, r14 = ecx, r15 = edx))]
pub fn tdvmcall_cpuid(leaf: u64, subleaf: u64) -> ::core::result::Result<Cpuid, TdxError>;

/// Report a fatal error to the VMM (unchecked sub-function, RBX and RDI exposed).
#[tdvmcall(subfn = 0x10003, in(r12 = code, rbx = msg1, rdi = msg2), retry(busy = 1))]
pub unsafe fn tdvmcall_report_fatal_error(
    code: u64,
    msg1: u64,
    msg2: u64,
) -> ::core::result::Result<TdvmcallStatus, TdxError>;

fn main() {}
