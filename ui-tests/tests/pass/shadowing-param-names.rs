//! Parameter names that spell the expansion's own locals (`__rax`, `__rcx`, `__in_r8`, ...),
//! register names (`rax`, `rbx_value`) and `args`: generated locals are mixed-site, so none of
//! them may collide with, capture or shadow a parameter. (The expansion's `const` items,
//! `__LEAF` and `__CALL`, are in `tests/pending/pass/shadowing-item-names.rs`: they collide.)

use tdx_core::{
    Hkid, Hpa, ModuleArgs, Page, Tdr, TdvmcallStatus, Tdvpr, TdxError, TdxStatus, X2ApicId, abi,
    seamcall, tdcall, tdvmcall,
};

/// Parameters named like the generated locals.
#[seamcall(leaf = abi::TdhVpInit, in(rcx = __rcx, rdx = __rax, r8 = __in_r8), retry(busy = 2))]
pub unsafe fn tdh_vp_init(
    __rcx: Page<Tdvpr>,
    __rax: u64,
    __in_r8: X2ApicId,
) -> Result<TdxStatus, TdxError>;

/// More generated names, as parameters of a call with outputs.
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = __in_rcx), out(rcx = page_type, rdx = rdx, r8 = rax))]
pub unsafe fn tdh_phymem_page_reclaim(__in_rcx: Hpa) -> Result<PageReclaim, TdxError>;

/// Retry counters and register names as parameter names.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = __entropy_retries_left, rdx = __busy_retries_left), retry(busy = 1, entropy = 1))]
pub unsafe fn tdh_mng_create(
    __entropy_retries_left: Page<Tdr>,
    __busy_retries_left: Hkid,
) -> Result<TdxStatus, TdxError>;

/// `regs = args`, with `args` also the name the expansion uses internally.
#[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(entropy = 1))]
pub unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

/// `regs = __args`.
#[seamcall(leaf = abi::TdhVpEnter, regs = __args)]
pub unsafe fn tdh_vp_enter_2(__args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

/// `regs = __args_ptr`, with a busy retry (the expansion saves `__args_in`).
#[tdcall(leaf = abi::TdgVpVmcall, regs = __args_ptr, retry(busy = 1))]
pub unsafe fn tdg_vp_vmcall(__args_ptr: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

/// RBX is swapped through the asm operand `rbx_value`; a parameter of that name, and one named
/// like the `vmfailinvalid` operand, must not interfere.
#[seamcall(leaf = 0x42, in(rbx = rbx_value, rcx = vmfailinvalid, rdx = rax), out(rbx = rbx: u64))]
pub unsafe fn raw_leaf(rbx_value: u64, vmfailinvalid: u64, rax: u64) -> Result<RawLeaf, TdxError>;

/// Names of crates and types as parameter names.
#[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = core, r13 = tdx_core), out(r12 = eax, r13 = ebx, r14 = ecx, r15 = edx))]
pub fn tdvmcall_cpuid(core: u64, tdx_core: u64) -> Result<Cpuid, TdxError>;

/// `__r10` and `__r11` are the locals of the TDVMCALL status and sub-function registers.
#[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = __r10, r13 = __r11), out(r12 = eax, r13 = ebx))]
pub fn tdvmcall_cpuid_2(__r10: u64, __r11: u64) -> Result<Cpuid2, TdxError>;

/// `__in_r12` is the input image of R12.
#[tdvmcall(subfn = abi::TdvmcallHlt, in(r12 = __in_r12))]
pub fn tdvmcall_hlt(__in_r12: u64) -> Result<TdvmcallStatus, TdxError>;

fn main() {
    // The wrappers are not called: they would execute a real SEAMCALL / TDCALL.
    let _ = (
        tdh_vp_init,
        tdh_phymem_page_reclaim,
        tdh_mng_create,
        tdh_vp_enter,
        tdh_vp_enter_2,
    );
    let _ = (
        tdg_vp_vmcall,
        raw_leaf,
        tdvmcall_cpuid,
        tdvmcall_cpuid_2,
        tdvmcall_hlt,
    );
}
