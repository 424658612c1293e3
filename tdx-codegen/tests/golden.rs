//! Golden expansions: one per grammar feature, committed under `tests/golden/`, so that every
//! change to what reaches the instruction shows in review. `TDX_BLESS=1 cargo test -p
//! tdx-codegen --test golden` rewrites them.

mod common;

use quote::quote;
use std::path::PathBuf;
use tdx_codegen::Family;

struct Case {
    name: &'static str,
    family: Family,
    args: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "seamcall_in_out",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size)),
            item: quote! {
                /// Take a page back from the TDX module.
                pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;
            },
        },
        Case {
            name: "seamcall_status_only",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid)),
            item: quote!(
                pub unsafe fn tdh_mng_create(
                    tdr: Page<Tdr>,
                    hkid: Hkid,
                ) -> Result<TdxStatus, TdxError>;
            ),
        },
        Case {
            name: "seamcall_field_binding",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhMngAddcx, in(rcx = tdcs, rdx = td.tdr)),
            item: quote!(
                pub unsafe fn tdh_mng_addcx(
                    td: &TdxTd<'_>,
                    tdcs: Page<Tdcs>,
                ) -> Result<TdxStatus, TdxError>;
            ),
        },
        Case {
            name: "seamcall_version_override",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhVpInit, version = 1, in(rcx = tdvpr, rdx = initial_rcx, r8 = x2apic_id)),
            item: quote!(
                pub unsafe fn tdh_vp_init(
                    tdvpr: Page<Tdvpr>,
                    initial_rcx: u64,
                    x2apic_id: X2ApicId,
                ) -> Result<TdxStatus, TdxError>;
            ),
        },
        Case {
            name: "seamcall_explicit_out_type",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhMngRd, in(rcx = tdr, rdx = field), out(r8 = value: u64)),
            item: quote!(
                pub unsafe fn tdh_mng_rd(tdr: Page<Tdr>, field: FieldId)
                -> Result<MngRd, TdxError>;
            ),
        },
        Case {
            name: "seamcall_retry_busy",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhMemSeptAdd, in(rcx = gpa, rdx = tdr, r8 = page), retry(busy = 3, entropy = 4)),
            item: quote!(
                pub unsafe fn tdh_mem_sept_add(
                    gpa: SeptGpa,
                    tdr: Page<Tdr>,
                    page: Page<Sept>,
                ) -> Result<TdxStatus, TdxError>;
            ),
        },
        Case {
            name: "seamcall_retry_none",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhSysLpInit, retry(none)),
            item: quote!(
                pub unsafe fn tdh_sys_lp_init() -> Result<TdxStatus, TdxError>;
            ),
        },
        Case {
            name: "seamcall_regs",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhVpEnter, regs = args, retry(none)),
            item: quote!(
                pub unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;
            ),
        },
        Case {
            name: "seamcall_unchecked_rbx_rdi",
            family: Family::Seamcall,
            args: quote!(leaf = 0x42, version = 2, in(rcx = a, rbx = b, rdi = c), out(rbx = b_out: u64, r12 = d: u64)),
            item: quote!(
                pub unsafe fn raw_leaf(a: u64, b: u64, c: u64) -> Result<RawOut, TdxError>;
            ),
        },
        Case {
            name: "seamcall_p_seamldr",
            family: Family::Seamcall,
            args: quote!(leaf = 0x8000000000000000, in(rcx = info)),
            item: quote!(
                pub unsafe fn p_seamldr_info(info: Hpa) -> Result<TdxStatus, TdxError>;
            ),
        },
        Case {
            name: "tdcall_outputs",
            family: Family::Tdcall,
            args: quote!(
                leaf = abi::TdgVpInfo,
                out(rcx = gpa_width, rdx = attributes)
            ),
            item: quote!(
                pub fn tdg_vp_info() -> Result<VpInfo, TdxError>;
            ),
        },
        Case {
            name: "tdcall_regs",
            family: Family::Tdcall,
            args: quote!(leaf = abi::TdgVpVmcall, regs = args),
            item: quote!(
                pub unsafe fn tdg_vp_vmcall(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;
            ),
        },
        Case {
            name: "tdvmcall_mask",
            family: Family::Tdvmcall,
            args: quote!(subfn = abi::TdvmcallMapGpa, in(r12 = start, r13 = size), out(r11 = resume)),
            item: quote!(
                pub unsafe fn tdvmcall_map_gpa(start: u64, size: u64) -> Result<MapGpa, TdxError>;
            ),
        },
        Case {
            name: "tdvmcall_vendor",
            family: Family::Tdvmcall,
            args: quote!(vendor = abi::TdvmcallKvmHypercall, in(r10 = nr, r11 = p1), out(r10 = ret)),
            item: quote!(
                pub fn kvm_hypercall1(nr: KvmHypercallNr, p1: u64) -> Result<Hypercall, TdxError>;
            ),
        },
        Case {
            name: "seamcall_result_alias",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhMrFinalize, in(rcx = tdr)),
            item: quote!(
                pub unsafe fn tdh_mr_finalize(tdr: Page<Tdr>) -> Result<TdxStatus>;
            ),
        },
        Case {
            name: "seamcall_integer_leaf_clobber",
            family: Family::Seamcall,
            args: quote!(leaf = 0x7a, in(r12 = page), out(r13 = detail: u64), clobber(rbx)),
            item: quote!(
                pub unsafe fn vendor(page: u64) -> Result<Vendor, TdxError>;
            ),
        },
        Case {
            name: "tdvmcall_safe_fn",
            family: Family::Tdvmcall,
            args: quote!(subfn = abi::TdvmcallCpuid, in(r12 = leaf, r13 = subleaf), out(r12 = eax, r13 = ebx, r14 = ecx, r15 = edx)),
            item: quote!(
                pub fn tdvmcall_cpuid(leaf: u64, subleaf: u64) -> Result<Cpuid, TdxError>;
            ),
        },
        Case {
            name: "tdvmcall_rbx_status_only",
            family: Family::Tdvmcall,
            args: quote!(subfn = 0x10003, in(r12 = code, rbx = msg1, rdx = msg7), retry(busy = 1)),
            item: quote!(
                pub unsafe fn report_fatal_error(
                    code: u64,
                    msg1: u64,
                    msg7: u64,
                ) -> Result<TdvmcallStatus, TdxError>;
            ),
        },
        Case {
            name: "error_fallback",
            family: Family::Seamcall,
            args: quote!(leaf = abi::TdhMngCreate, in(rcx = tdr, rcx = hkid, rax = x)),
            item: quote!(
                pub unsafe fn broken(tdr: Page<Tdr>, hkid: Hkid) -> Result<(), TdxError>;
            ),
        },
    ]
}

#[test]
fn golden_expansions() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut stale = Vec::new();
    for case in cases() {
        let text = common::render(case.family, case.args, case.item);
        if let Some(diff) = common::check_golden(&dir.join(format!("{}.rs", case.name)), &text) {
            stale.push(diff);
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

#[test]
fn expansions_use_only_absolute_or_user_written_paths() {
    for case in cases() {
        let input = format!("{} {}", case.args, case.item);
        let expansion = tdx_codegen::expand(case.family, case.args, case.item);
        let bad = common::unrooted_paths(&input, expansion);
        assert!(
            bad.is_empty(),
            "{}: emitted relative paths {bad:?}",
            case.name
        );
    }
}
