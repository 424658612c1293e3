//! Shared by the `module_*` tests: every leaf declared with the DSL (so the calls below run the
//! very instructions the macros emit, trapped into the software TDX module), safe helpers around
//! them, and builders for a platform, a TD, a vCPU and a teardown.
//!
//! The wrappers are `unsafe` because their registers carry addresses. Every call below is
//! sound for the same reason, stated once here: under `TdxModule::run` (or with the module
//! installed globally) the instruction traps into the model, which reads and writes only its
//! own state and its `MemoryBacking`; the addresses are the model's made-up HPAs and GPAs and
//! the instruction touches no real memory.
#![allow(dead_code, unused_imports)]

use tdx_core::metadata_fields;
use tdx_core::{
    AcceptGpa, FieldId, Gpa, Guest, Hkid, Hpa, KeyedHpa, ModuleArgs, Page, PageKind, PageSize,
    Sept, SeptGpa, SeptLevel, SharedGpa, Tdcs, Tdcx, Tdr, TdvmcallStatus, Tdvpr, TdxError,
    TdxStatus, X2ApicId, abi, seamcall, tdcall, tdvmcall,
};
use tdx_emu::module::{Config, TdParams, TdxModule, with_package};

/// The wrappers, as a catalog would declare them.
pub mod raw {
    use super::*;

    // ------------------------------------------------------------------ platform
    #[seamcall(leaf = abi::TdhSysInit)]
    pub unsafe fn tdh_sys_init() -> Result<TdxStatus, TdxError>;

    /// TDH.SYS.INIT with RCX as given: the integer leaf, to send a reserved RCX on purpose.
    #[seamcall(leaf = 33, in(rcx = attributes), clobber())]
    pub unsafe fn tdh_sys_init_rcx(attributes: u64) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhSysLpInit)]
    pub unsafe fn tdh_sys_lp_init() -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhSysRd, in(rdx = field), out(r8 = value: u64))]
    pub unsafe fn tdh_sys_rd(field: FieldId) -> Result<SysRd, TdxError>;

    #[seamcall(leaf = abi::TdhSysConfig, in(rcx = tdmr_array, rdx = count, r8 = global_keyid))]
    pub unsafe fn tdh_sys_config(
        tdmr_array: Hpa,
        count: u64,
        global_keyid: Hkid,
    ) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhSysKeyConfig)]
    pub unsafe fn tdh_sys_key_config() -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhSysTdmrInit, in(rcx = base), out(rdx = next: u64))]
    pub unsafe fn tdh_sys_tdmr_init(base: Hpa) -> Result<TdmrInit, TdxError>;

    #[seamcall(leaf = abi::TdhSysShutdown, in(rcx = handoff_version))]
    pub unsafe fn tdh_sys_shutdown(handoff_version: u64) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhSysUpdate)]
    pub unsafe fn tdh_sys_update() -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhSysDisable, retry(none))]
    pub unsafe fn tdh_sys_disable() -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::PSeamldrInfo, in(rcx = info))]
    pub unsafe fn p_seamldr_info(info: Hpa) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::PSeamldrInstall, in(rcx = params))]
    pub unsafe fn p_seamldr_install(params: Hpa) -> Result<TdxStatus, TdxError>;

    /// An integer leaf, to check what the model does with leaves it does not know.
    #[seamcall(leaf = 0x7F, retry(none))]
    pub unsafe fn unknown_leaf() -> Result<TdxStatus, TdxError>;

    // ------------------------------------------------------------------ keys and TD
    #[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
    pub unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMngKeyConfig, in(rcx = tdr))]
    pub unsafe fn tdh_mng_key_config(tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMngAddcx, in(rcx = tdcs, rdx = tdr))]
    pub unsafe fn tdh_mng_addcx(tdcs: Page<Tdcs>, tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMngInit, in(rcx = tdr, rdx = td_params))]
    pub unsafe fn tdh_mng_init(tdr: Page<Tdr>, td_params: Hpa) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMngRd, in(rcx = tdr, rdx = field), out(r8 = value: u64))]
    pub unsafe fn tdh_mng_rd(tdr: Page<Tdr>, field: FieldId) -> Result<MngRd, TdxError>;

    #[seamcall(leaf = abi::TdhMngVpflushdone, in(rcx = tdr))]
    pub unsafe fn tdh_mng_vpflushdone(tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    /// TDH.PHYMEM.CACHE.WB, with the resume flag as a plain integer.
    #[seamcall(leaf = 40, in(rcx = resume))]
    pub unsafe fn tdh_phymem_cache_wb(resume: u64) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMngKeyFreeid, in(rcx = tdr))]
    pub unsafe fn tdh_mng_key_freeid(tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    // ------------------------------------------------------------------ vCPUs
    #[seamcall(leaf = abi::TdhVpCreate, in(rcx = tdvpr, rdx = tdr))]
    pub unsafe fn tdh_vp_create(tdvpr: Page<Tdvpr>, tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhVpAddcx, in(rcx = tdcx, rdx = tdvpr))]
    pub unsafe fn tdh_vp_addcx(tdcx: Page<Tdcx>, tdvpr: Page<Tdvpr>)
    -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhVpInit, in(rcx = tdvpr, rdx = initial_rcx, r8 = x2apic_id))]
    pub unsafe fn tdh_vp_init(
        tdvpr: Page<Tdvpr>,
        initial_rcx: u64,
        x2apic_id: X2ApicId,
    ) -> Result<TdxStatus, TdxError>;

    /// TDH.VP.INIT issued as version 0 (the model requires version 1).
    #[seamcall(leaf = abi::TdhVpInit, version = 0, in(rcx = tdvpr, rdx = initial_rcx, r8 = x2apic_id), retry(none))]
    pub unsafe fn tdh_vp_init_v0(
        tdvpr: Page<Tdvpr>,
        initial_rcx: u64,
        x2apic_id: X2ApicId,
    ) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhVpRd, in(rcx = tdvpr, rdx = field), out(r8 = value: u64))]
    pub unsafe fn tdh_vp_rd(tdvpr: Page<Tdvpr>, field: FieldId) -> Result<VpRd, TdxError>;

    #[seamcall(leaf = abi::TdhVpWr, in(rcx = tdvpr, rdx = field, r8 = value, r9 = mask))]
    pub unsafe fn tdh_vp_wr(
        tdvpr: Page<Tdvpr>,
        field: FieldId,
        value: u64,
        mask: u64,
    ) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhVpFlush, in(rcx = tdvpr))]
    pub unsafe fn tdh_vp_flush(tdvpr: Page<Tdvpr>) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(none))]
    pub unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

    // ------------------------------------------------------------------ memory
    #[seamcall(leaf = abi::TdhMemSeptAdd, in(rcx = gpa, rdx = tdr, r8 = page))]
    pub unsafe fn tdh_mem_sept_add(
        gpa: SeptGpa,
        tdr: Page<Tdr>,
        page: Page<Sept>,
    ) -> Result<TdxStatus, TdxError>;

    /// TDH.MEM.SEPT.ADD with `GPA | level` as a raw integer, for the tests that build the
    /// operand by arithmetic or pass one the module must refuse. (`SeptGpa` encodes every level
    /// 0..=4, the root's included: 3 for a 4-level Secure EPT, 4 for a 5-level one.)
    #[seamcall(leaf = 3, in(rcx = gpa_level, rdx = tdr, r8 = page))]
    pub unsafe fn tdh_mem_sept_add_level(
        gpa_level: u64,
        tdr: Page<Tdr>,
        page: Page<Sept>,
    ) -> Result<TdxStatus, TdxError>;

    /// TDH.MEM.SEPT.ADD retrying `TDX_OPERAND_BUSY` twice.
    #[seamcall(leaf = abi::TdhMemSeptAdd, in(rcx = gpa, rdx = tdr, r8 = page), retry(busy = 2))]
    pub unsafe fn tdh_mem_sept_add_busy2(
        gpa: SeptGpa,
        tdr: Page<Tdr>,
        page: Page<Sept>,
    ) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMemPageAdd, in(rcx = gpa, rdx = tdr, r8 = page, r9 = source))]
    pub unsafe fn tdh_mem_page_add(
        gpa: Gpa,
        tdr: Page<Tdr>,
        page: Page<Guest>,
        source: Hpa,
    ) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMrExtend, in(rcx = gpa, rdx = tdr))]
    pub unsafe fn tdh_mr_extend(gpa: Gpa, tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMrFinalize, in(rcx = tdr))]
    pub unsafe fn tdh_mr_finalize(tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMemPageAug, in(rcx = gpa, rdx = tdr, r8 = page))]
    pub unsafe fn tdh_mem_page_aug(
        gpa: SeptGpa,
        tdr: Page<Tdr>,
        page: Page<Guest>,
    ) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMemRangeBlock, in(rcx = gpa, rdx = tdr))]
    pub unsafe fn tdh_mem_range_block(gpa: SeptGpa, tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMemTrack, in(rcx = tdr))]
    pub unsafe fn tdh_mem_track(tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    #[seamcall(leaf = abi::TdhMemPageRemove, in(rcx = gpa, rdx = tdr))]
    pub unsafe fn tdh_mem_page_remove(gpa: SeptGpa, tdr: Page<Tdr>) -> Result<TdxStatus, TdxError>;

    // ------------------------------------------------------------------ physical pages
    #[seamcall(leaf = abi::TdhPhymemPageRdmd, in(rcx = page), out(rcx = page_type: u64), retry(none))]
    pub unsafe fn tdh_phymem_page_rdmd(page: Hpa) -> Result<PageRdmd, TdxError>;

    #[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type: u64, rdx = owner: u64, r8 = size: u64))]
    pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;

    #[seamcall(leaf = abi::TdhPhymemPageWbinvd, in(rcx = page))]
    pub unsafe fn tdh_phymem_page_wbinvd(page: KeyedHpa) -> Result<TdxStatus, TdxError>;

    // ------------------------------------------------------------------ guest side
    #[tdcall(leaf = abi::TdgVpInfo, out(rcx = gpaw: u64, rdx = attributes: u64, r8 = vcpus: u64, r9 = index: u64))]
    pub fn tdg_vp_info() -> Result<VpInfo, TdxError>;

    #[tdcall(leaf = abi::TdgVpVeinfoGet, out(rcx = exit_reason: u64, rdx = qualification: u64, r8 = gla: u64, r9 = gpa: u64, r10 = instruction: u64), clobber(r12))]
    pub fn tdg_vp_veinfo_get() -> Result<VeInfoOut, TdxError>;

    #[tdcall(leaf = abi::TdgMemPageAccept, in(rcx = gpa))]
    pub unsafe fn tdg_mem_page_accept(gpa: AcceptGpa) -> Result<TdxStatus, TdxError>;

    /// TDG.MEM.PAGE.ACCEPT with a raw RCX (to pass size codes TDX does not define).
    #[tdcall(leaf = 6, in(rcx = raw))]
    pub unsafe fn tdg_mem_page_accept_raw(raw: u64) -> Result<TdxStatus, TdxError>;

    #[tdcall(leaf = abi::TdgVmRd, in(rdx = field), out(r8 = value: u64))]
    pub fn tdg_vm_rd(field: FieldId) -> Result<VmRd, TdxError>;

    #[tdcall(leaf = abi::TdgVmWr, in(rdx = field, r8 = value, r9 = mask))]
    pub unsafe fn tdg_vm_wr(field: FieldId, value: u64, mask: u64) -> Result<TdxStatus, TdxError>;

    #[tdcall(leaf = abi::TdgMrReport, in(rcx = report, rdx = data, r8 = subtype))]
    pub unsafe fn tdg_mr_report(
        report: Gpa,
        data: Gpa,
        subtype: u64,
    ) -> Result<TdxStatus, TdxError>;

    /// TDG.MR.RTMR.EXTEND with the index as a plain integer.
    #[tdcall(leaf = 2, in(rcx = data, rdx = index))]
    pub unsafe fn tdg_mr_rtmr_extend(data: Gpa, index: u64) -> Result<TdxStatus, TdxError>;

    /// TDG.MEM.PAGE.ACCEPT retrying `TDX_OPERAND_BUSY` once.
    #[tdcall(leaf = abi::TdgMemPageAccept, in(rcx = gpa), retry(busy = 1))]
    pub unsafe fn tdg_mem_page_accept_busy1(gpa: AcceptGpa) -> Result<TdxStatus, TdxError>;

    /// TDG.VM.RD version 0 with every register explicit (RCX = `vm_id` included).
    #[tdcall(leaf = 7, regs = args)]
    pub unsafe fn tdg_vm_rd_regs(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

    /// TDG.VM.RD version 1 (RAX = 7 | 1 << 16) with every register explicit.
    #[tdcall(leaf = 7, version = 1, regs = args)]
    pub unsafe fn tdg_vm_rd_v1_regs(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

    /// TDG.VM.WR with every register explicit.
    #[tdcall(leaf = 8, regs = args)]
    pub unsafe fn tdg_vm_wr_regs(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

    /// TDG.VP.VEINFO.GET with every register explicit.
    #[tdcall(leaf = 3, regs = args)]
    pub unsafe fn tdg_vp_veinfo_get_regs(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

    /// TDG.VP.VEINFO.GET version 1 (the 1.5.01 dispatcher has versions only for TDG.VM.RD).
    #[tdcall(leaf = 3, version = 1, regs = args)]
    pub unsafe fn tdg_vp_veinfo_get_v1_regs(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

    #[tdcall(leaf = abi::TdgVpVmcall, regs = args)]
    pub unsafe fn tdg_vp_vmcall(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

    // ------------------------------------------------------------------ TDG.VP.VMCALL
    #[tdvmcall(subfn = 0x10001, in(r12 = start, r13 = size), out(r11 = resume: u64))]
    pub unsafe fn tdvmcall_map_gpa(start: u64, size: u64) -> Result<MapGpa, TdxError>;

    #[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = leaf, r13 = subleaf), out(r12 = eax, r13 = ebx, r14 = ecx, r15 = edx))]
    pub fn tdvmcall_cpuid(leaf: u64, subleaf: u64) -> Result<Cpuid, TdxError>;

    #[tdvmcall(subfn = 31, in(r12 = msr), out(r11 = value: u64))]
    pub unsafe fn tdvmcall_rdmsr(msr: u64) -> Result<Rdmsr, TdxError>;

    #[tdvmcall(subfn = abi::TdvmcallGetQuote, in(r12 = buffer, r13 = size))]
    pub unsafe fn tdvmcall_get_quote(
        buffer: SharedGpa,
        size: u64,
    ) -> Result<TdvmcallStatus, TdxError>;

    #[tdvmcall(subfn = abi::TdvmcallHlt, in(r12 = irq_disabled))]
    pub fn tdvmcall_hlt(irq_disabled: u64) -> Result<TdvmcallStatus, TdxError>;
}

pub use raw::{
    Cpuid, MapGpa, MngRd, PageRdmd, PageReclaim, Rdmsr, SysRd, TdmrInit, VeInfoOut, VmRd, VpInfo,
    VpRd,
};

/// Status of a call: the whole RAX, success or failure.
pub fn status<T>(result: &Result<T, TdxError>, ok: impl Fn(&T) -> TdxStatus) -> TdxStatus {
    match result {
        Ok(out) => ok(out),
        Err(error) => error.status(),
    }
}

/// The error status of a call that must fail.
#[track_caller]
pub fn err<T: std::fmt::Debug>(result: Result<T, TdxError>) -> TdxStatus {
    match result {
        Ok(out) => panic!("the call succeeded: {out:?}"),
        Err(error) => error.status(),
    }
}

/// `code | operand`, for comparing whole statuses.
pub fn st(code: TdxStatus, operand: u32) -> TdxStatus {
    code.with_operand(operand)
}

pub fn hpa(raw: u64) -> Hpa {
    Hpa::new(raw).expect("test HPA")
}

pub fn gpa(raw: u64) -> Gpa {
    Gpa::new(raw).expect("test GPA")
}

pub fn sept_gpa(raw: u64, level: SeptLevel) -> SeptGpa {
    SeptGpa::new(gpa(raw), level).expect("aligned SEPT GPA")
}

pub fn accept_gpa(raw: u64, size: PageSize) -> AcceptGpa {
    AcceptGpa::new(gpa(raw), size).expect("aligned accept GPA")
}

/// Re-types a page (the model's allocator hands out untyped pages).
pub fn as_page<K: PageKind>(raw: u64) -> Page<K> {
    Page::from_u64(raw).expect("page")
}

/// The 4 KiB page at `hpa` (e.g. the first page of a 2 MiB page from `try_alloc`).
pub fn page_of<K: PageKind>(hpa: Hpa) -> Page<K> {
    Page::new(hpa).expect("4 KiB-aligned page")
}

/// `TDX_OP_STATE_INCORRECT` (`tdx_error_codes_defs.h`, intel/tdx-module@72d8cff): a leaf the
/// module's `op_state_lookup.c` forbids in the TD's OP_STATE. No operand ID.
pub const OP_STATE_INCORRECT: TdxStatus = TdxStatus::from_raw(0xC000_0608_0000_0000);

/// A module with the default configuration.
pub fn module() -> TdxModule {
    TdxModule::new(Config::default())
}

/// The global KeyID `bring_up` configures, and the HKID the tests give their first TD.
pub const GLOBAL_KEYID: u16 = 32;
pub const HKID: u16 = 33;

/// Brings the platform up through the instruction: SYS.INIT, LP.INIT, SYS.CONFIG,
/// SYS.KEY.CONFIG per package, TDMR.INIT until done. Returns how many TDMR.INIT calls it took.
/// Call under `module.run`.
pub fn bring_up(m: &TdxModule) -> usize {
    // SAFETY: see the module docs.
    unsafe {
        raw::tdh_sys_init().expect("SYS.INIT");
        raw::tdh_sys_lp_init().expect("LP.INIT");
        let array: Page<Guest> = m.alloc_page();
        raw::tdh_sys_config(
            array.hpa(),
            m.config().tdmrs.len() as u64,
            Hkid::new(GLOBAL_KEYID),
        )
        .expect("SYS.CONFIG");
        for package in 0..m.config().packages {
            with_package(package, || raw::tdh_sys_key_config()).expect("SYS.KEY.CONFIG");
        }
        let mut calls = 0;
        for tdmr in &m.config().tdmrs {
            loop {
                calls += 1;
                let out = raw::tdh_sys_tdmr_init(hpa(tdmr.base)).expect("TDMR.INIT");
                if out.next >= tdmr.end() {
                    break;
                }
            }
        }
        calls
    }
}

/// A TD's pages.
#[derive(Debug, Clone)]
pub struct Td {
    pub tdr: Page<Tdr>,
    pub tdcs: Vec<Page<Tdcs>>,
    pub hkid: u16,
    pub params_page: Hpa,
}

/// A vCPU's pages.
#[derive(Debug, Clone)]
pub struct Vp {
    pub tdvpr: Page<Tdvpr>,
    pub tdcx: Vec<Page<Tdcx>>,
}

/// Creates a TD through the instruction: MNG.CREATE, MNG.KEY.CONFIG (every package),
/// MNG.ADDCX (TDCS_BASE_SIZE / 4 KiB times, read with SYS.RD), MNG.INIT with `params`.
pub fn create_td(m: &TdxModule, hkid: u16, params: &TdParams) -> Td {
    // SAFETY: see the module docs.
    unsafe {
        let tdr: Page<Tdr> = m.alloc_page();
        raw::tdh_mng_create(tdr, Hkid::new(hkid)).expect("MNG.CREATE");
        for package in 0..m.config().packages {
            with_package(package, || raw::tdh_mng_key_config(tdr)).expect("MNG.KEY.CONFIG");
        }
        let tdcs_size = raw::tdh_sys_rd(metadata_fields::global::TDCS_BASE_SIZE)
            .expect("SYS.RD TDCS_BASE_SIZE")
            .value;
        let mut tdcs = Vec::new();
        for _ in 0..tdcs_size / 4096 {
            let page: Page<Tdcs> = m.alloc_page();
            raw::tdh_mng_addcx(page, tdr).expect("MNG.ADDCX");
            tdcs.push(page);
        }
        let params_page = m.alloc_page::<Guest>().hpa();
        m.write_memory(params_page, &params.to_bytes());
        raw::tdh_mng_init(tdr, params_page).expect("MNG.INIT");
        Td {
            tdr,
            tdcs,
            hkid,
            params_page,
        }
    }
}

/// Creates and initializes a vCPU: VP.CREATE, VP.ADDCX (TDVPS_BASE_SIZE / 4 KiB - 1 times),
/// VP.INIT (version 1) with `x2apic_id`.
pub fn create_vcpu(m: &TdxModule, td: &Td, x2apic_id: u64) -> Vp {
    // SAFETY: see the module docs.
    unsafe {
        let tdvpr: Page<Tdvpr> = m.alloc_page();
        raw::tdh_vp_create(tdvpr, td.tdr).expect("VP.CREATE");
        let tdvps_size = raw::tdh_sys_rd(metadata_fields::global::TDVPS_BASE_SIZE)
            .expect("SYS.RD TDVPS_BASE_SIZE")
            .value;
        let mut tdcx = Vec::new();
        for _ in 0..tdvps_size / 4096 - 1 {
            let page: Page<Tdcx> = m.alloc_page();
            raw::tdh_vp_addcx(page, tdvpr).expect("VP.ADDCX");
            tdcx.push(page);
        }
        let x2apic_id = X2ApicId::new(u32::try_from(x2apic_id).expect("a 32-bit x2APIC ID"));
        raw::tdh_vp_init(tdvpr, 0x1234, x2apic_id).expect("VP.INIT");
        Vp { tdvpr, tdcx }
    }
}

/// SEPT.ADD of the Secure-EPT pages a 4 KiB mapping at `gpa_raw` needs below the root
/// (TDX levels `top`..=1: 3, 2, 1 for a 4-level Secure EPT), skipping the ones already there.
/// Returns the pages added.
pub fn map_sept(m: &TdxModule, td: &Td, gpa_raw: u64) -> Vec<Page<Sept>> {
    let top = m.td(td.tdr).map_or(3, |t| if t.gpaw == 52 { 4 } else { 3 });
    let mut added = Vec::new();
    for level in (1..=top).rev() {
        let base = gpa_raw & !((4096u64 << (9 * level)) - 1);
        let page: Page<Sept> = m.alloc_page();
        // SAFETY: see the module docs.
        match unsafe { raw::tdh_mem_sept_add_level(base | level, td.tdr, page) } {
            Ok(_) => added.push(page),
            Err(e) if e.status() == TdxStatus::EPT_ENTRY_STATE_INCORRECT.with_operand(1) => {
                m.free_page(page).expect("free the unused SEPT page");
            }
            Err(e) => panic!("SEPT.ADD {base:#x} level {level}: {e}"),
        }
    }
    added
}

/// Tears a TD down and reclaims every page it owns, the way KVM does: VP.FLUSH every vCPU,
/// MNG.VPFLUSHDONE, PHYMEM.CACHE.WB (resuming while interrupted) on every package,
/// MNG.KEY.FREEID, PHYMEM.PAGE.RECLAIM of every child page then the TDR, and WBINVD of the
/// TDR with the global KeyID. Returns how many CACHE.WB calls it took.
pub fn teardown(m: &TdxModule, td: &Td, vps: &[Vp]) -> usize {
    // SAFETY: see the module docs.
    unsafe {
        for vp in vps {
            match raw::tdh_vp_flush(vp.tdvpr) {
                Ok(_) => {}
                Err(e) if e.status() == TdxStatus::VCPU_NOT_ASSOCIATED => {}
                Err(e) => panic!("VP.FLUSH: {e}"),
            }
        }
        raw::tdh_mng_vpflushdone(td.tdr).expect("MNG.VPFLUSHDONE");
        let mut wb_calls = 0;
        for package in 0..m.config().packages {
            with_package(package, || {
                let mut resume = 0;
                loop {
                    wb_calls += 1;
                    match raw::tdh_phymem_cache_wb(resume) {
                        Ok(_) => break,
                        Err(e) if e.status() == TdxStatus::INTERRUPTED_RESUMABLE => resume = 1,
                        Err(e) => panic!("CACHE.WB: {e}"),
                    }
                }
            });
        }
        raw::tdh_mng_key_freeid(td.tdr).expect("MNG.KEY.FREEID");
        for page in m.leaked_pages() {
            if page.owner == Some(td.tdr) && page.hpa != td.tdr.hpa() {
                let out = raw::tdh_phymem_page_reclaim(page.hpa).expect("RECLAIM");
                assert_eq!(out.owner, td.tdr.as_u64());
                assert_eq!(out.page_type, page.page_type.code());
                m.free(page.hpa, page.size)
                    .expect("free the reclaimed page");
            }
        }
        let out = raw::tdh_phymem_page_reclaim(td.tdr.hpa()).expect("RECLAIM TDR");
        assert_eq!(out.page_type, tdx_emu::module::PamtType::Tdr.code());
        let keyed = KeyedHpa::new(td.tdr.hpa(), Hkid::new(GLOBAL_KEYID), m.config().phys_bits)
            .expect("keyed TDR");
        raw::tdh_phymem_page_wbinvd(keyed).expect("WBINVD TDR");
        m.free_page(td.tdr).expect("free the TDR");
        wb_calls
    }
}

/// The operand IDs, re-exported for the tests.
pub use tdx_emu::module::operand as op;

/// A finalized TD created with `params`, with one vCPU: GPAs 0x0 and 0x1000 added (PRESENT),
/// 0x2000 (4 KiB) and 0x20_0000 (2 MiB) AUGed (PENDING). Returns (TD, vCPU).
pub fn guest_td_with(m: &TdxModule, params: &TdParams) -> (Td, Vp) {
    bring_up(m);
    let td = create_td(m, HKID, params);
    let vp = create_vcpu(m, &td, 0);
    map_sept(m, &td, 0);
    let source = m.alloc_page::<Guest>().hpa();
    // SAFETY: see the `common` module docs.
    unsafe {
        for gpa_raw in [0, 0x1000] {
            raw::tdh_mem_page_add(gpa(gpa_raw), td.tdr, m.alloc_page(), source).expect("PAGE.ADD");
        }
        raw::tdh_mr_finalize(td.tdr).expect("MR.FINALIZE");
        raw::tdh_mem_page_aug(sept_gpa(0x2000, SeptLevel::Level4K), td.tdr, m.alloc_page())
            .expect("AUG 4K");
        let big = m.try_alloc(PageSize::Size2M).expect("2 MiB");
        raw::tdh_mem_page_aug(
            sept_gpa(0x20_0000, SeptLevel::Level2M),
            td.tdr,
            page_of(big),
        )
        .expect("AUG 2M");
    }
    (td, vp)
}

/// The host address of a mapped GPA.
pub fn hpa_of(m: &TdxModule, td: &Td, gpa_raw: u64) -> Hpa {
    let leaf = m.sept_leaf(td.tdr, gpa(gpa_raw)).expect("mapped");
    hpa(leaf.hpa.as_u64() + (gpa_raw - leaf.gpa.as_u64()))
}
