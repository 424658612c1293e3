//! The platform's initialization, and one TD built from scratch and torn down again, every
//! call made by a catalog wrapper executing the real `seamcall` instruction.

use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};

use tdx_calls::host::{self, ExitReasonExt};
use tdx_calls::{TdxTd, TdxVp};
use tdx_core::metadata_fields;
use tdx_core::{
    Gpa, Guest, Hkid, Hpa, KeyedHpa, ModuleArgs, Page, PageSize, Sept, SeptGpa, SeptLevel, Tdcs,
    Tdcx, Tdr, Tdvpr, TdxStatus, X2ApicId,
};
use tdx_emu::module::{GuestContext, MrtdBuilder, TdParams, TdxModule, VmExit, with_package};

use crate::log::Log;

/// KVM's `tdx_lock`: held by one TD's teardown around the cache write-back and KEY.FREEID.
static TDX_LOCK: Mutex<()> = Mutex::new(());

type Error = Box<dyn std::error::Error>;

/// The KeyID of the TDX module's own metadata; the TDs get the ones above it.
pub const GLOBAL_KEYID: u16 = 32;

/// What one TD's run built.
pub struct TdRun {
    pub vcpus: usize,
    pub measured_pages: usize,
    pub sept_pages: usize,
    pub mrtd: String,
}

/// A page's contents for the measurement: distinct per page (and per TD).
fn contents(td: u64, index: u64) -> Vec<u8> {
    (0..4096u64)
        .map(|i| (i.wrapping_mul(31) ^ index.wrapping_mul(131) ^ td.wrapping_mul(7)) as u8)
        .collect()
}

/// TDH.SYS.INIT, this thread's TDH.SYS.LP.INIT, TDH.SYS.CONFIG, TDH.SYS.KEY.CONFIG on every
/// package and TDH.SYS.TDMR.INIT until every TDMR is initialized.
pub fn platform(m: &TdxModule, log: &mut Log) -> Result<(), Error> {
    log.phase(
        "platform: SYS.INIT, LP.INIT, SYS.CONFIG, SYS.KEY.CONFIG, TDMR.INIT",
        8,
    );
    // SAFETY: here and in every `unsafe` block below, the "host" is the software TDX module
    // behind the trap; every page handed to it comes from its own allocator and stays unused by
    // us until it is reclaimed.
    unsafe {
        log.call("TDH.SYS.INIT()", || host::tdh_sys_init())?;
        log.call("TDH.SYS.LP.INIT()", || host::tdh_sys_lp_init())?;
        let tdmr_array: Page<Guest> = m.alloc_page();
        let tdmrs = m.config().tdmrs.clone();
        log.call(
            &format!(
                "TDH.SYS.CONFIG(tdmr_info_array={:?}, nr_tdmrs={}, global_keyid={GLOBAL_KEYID})",
                tdmr_array.hpa(),
                tdmrs.len()
            ),
            || {
                host::tdh_sys_config(
                    tdmr_array.hpa(),
                    tdmrs.len() as u64,
                    Hkid::new(GLOBAL_KEYID),
                )
            },
        )?;
        for package in 0..m.config().packages {
            log.call(
                &format!("TDH.SYS.KEY.CONFIG() on package {package}"),
                || with_package(package, || host::tdh_sys_key_config()),
            )?;
        }
        for tdmr in &tdmrs {
            let base = Hpa::new(tdmr.base)?;
            let mut next = tdmr.base;
            while next < tdmr.base + tdmr.size {
                let out = log.call(&format!("TDH.SYS.TDMR.INIT(tdmr_base={base:?})"), || {
                    host::tdh_sys_tdmr_init(base)
                })?;
                next = out.next?.as_u64();
            }
        }
        m.free_page(tdmr_array)?;
    }
    Ok(())
}

/// TDH.SYS.LP.INIT on this thread (every logical processor needs its own).
pub fn lp_init(log: &mut Log) -> Result<(), Error> {
    log.phase("this thread: LP.INIT", 1);
    // SAFETY: as in `platform`.
    unsafe { log.call("TDH.SYS.LP.INIT()", || host::tdh_sys_lp_init())? };
    Ok(())
}

/// TD number `index` (HKID `GLOBAL_KEYID + 1 + index`) with `vcpus` vCPUs and `pages`
/// measured pages: built, run, torn down, every page reclaimed and given back.
pub fn build_and_tear_down(
    m: &TdxModule,
    log: &mut Log,
    index: u64,
    vcpu_count: u64,
    page_count: u64,
) -> Result<TdRun, Error> {
    let hkid = Hkid::new(GLOBAL_KEYID + 1 + index as u16);

    // ------------------------------------------------------------------ the TD
    log.phase("TD: MNG.CREATE, MNG.KEY.CONFIG, MNG.ADDCX, MNG.INIT", 8);
    let tdr: Page<Tdr> = m.alloc_page();
    let mut tdcs: Vec<Page<Tdcs>> = Vec::new();
    let params_page: Page<Guest> = m.alloc_page();
    // SAFETY: as in `platform`.
    unsafe {
        let creating = TdxTd::new(tdr, &[]);
        log.call(
            &format!("TDH.MNG.CREATE(td.tdr={tdr:?}, hkid={hkid:?})"),
            || host::tdh_mng_create(&creating, hkid),
        )?;
        for package in 0..m.config().packages {
            log.call(
                &format!("TDH.MNG.KEY.CONFIG(td.tdr={tdr:?}) on package {package}"),
                || with_package(package, || host::tdh_mng_key_config(&creating)),
            )?;
        }
        let tdcs_size = log.call("TDH.SYS.RD(TDCS_BASE_SIZE)", || {
            host::tdh_sys_rd(metadata_fields::global::TDCS_BASE_SIZE)
        })?;
        for _ in 0..tdcs_size.value / 4096 {
            let page: Page<Tdcs> = m.alloc_page();
            log.call(
                &format!("TDH.MNG.ADDCX(td.tdr={tdr:?}, tdcs={page:?})"),
                || host::tdh_mng_addcx(&creating, page),
            )?;
            tdcs.push(page);
        }
        let params = TdParams {
            max_vcpus: vcpu_count as u16,
            ..TdParams::default()
        };
        m.write_memory(params_page.hpa(), &params.to_bytes());
        let td = TdxTd::new(tdr, &tdcs);
        log.call(
            &format!(
                "TDH.MNG.INIT(td.tdr={tdr:?}, td_params={:?})",
                params_page.hpa()
            ),
            || host::tdh_mng_init(&td, params_page.hpa()),
        )?;
    }
    m.free_page(params_page)?;
    let td = TdxTd::new(tdr, &tdcs);

    // ------------------------------------------------------------------ the vCPUs
    log.phase(
        "vCPUs: VP.CREATE, VP.ADDCX, VP.INIT (version 1, x2APIC ID)",
        vcpu_count * 7,
    );
    let mut vcpus: Vec<(Page<Tdvpr>, Vec<Page<Tdcx>>)> = Vec::new();
    // SAFETY: as in `platform`.
    unsafe {
        let tdvps_size = log.call("TDH.SYS.RD(TDVPS_BASE_SIZE)", || {
            host::tdh_sys_rd(metadata_fields::global::TDVPS_BASE_SIZE)
        })?;
        for (id, _) in (0u32..).zip(0..vcpu_count) {
            let x2apic_id = X2ApicId::new(id);
            let tdvpr: Page<Tdvpr> = m.alloc_page();
            log.call(
                &format!("TDH.VP.CREATE(td.tdr={tdr:?}, vp.tdvpr={tdvpr:?})"),
                || host::tdh_vp_create(&td, &TdxVp::new(tdvpr, &[])),
            )?;
            let mut tdcx = Vec::new();
            for _ in 0..(tdvps_size.value / 4096).saturating_sub(1) {
                let page: Page<Tdcx> = m.alloc_page();
                log.call(
                    &format!("TDH.VP.ADDCX(vp.tdvpr={tdvpr:?}, tdcx={page:?})"),
                    || host::tdh_vp_addcx(&TdxVp::new(tdvpr, &tdcx), page),
                )?;
                tdcx.push(page);
            }
            log.call(
                &format!(
                    "TDH.VP.INIT(vp.tdvpr={tdvpr:?}, initial_rcx=0x1000, x2apic_id={x2apic_id})"
                ),
                || host::tdh_vp_init(&TdxVp::new(tdvpr, &tdcx), 0x1000, x2apic_id),
            )?;
            vcpus.push((tdvpr, tdcx));
        }
    }

    // ------------------------------------------------------------------ memory, measured
    log.phase(
        "Secure EPT, PAGE.ADD and MR.EXTEND of every page, MR.FINALIZE",
        page_count * 18,
    );
    let mut sept_pages: Vec<Page<Sept>> = Vec::new();
    let mut mapped: BTreeSet<(u8, u64)> = BTreeSet::new();
    let mut guest_pages: Vec<Page<Guest>> = Vec::new();
    let mut expected = MrtdBuilder::new();
    let source: Page<Guest> = m.alloc_page();
    let top = if m.td(tdr).is_some_and(|info| info.gpaw == 52) {
        4
    } else {
        3
    };
    // SAFETY: as in `platform`.
    unsafe {
        for page_index in 0..page_count {
            let gpa = page_index * 4096;
            // The Secure-EPT pages above the 4 KiB leaf: levels top..=1, each added once.
            for code in (1..=top).rev() {
                let level = SeptLevel::from_code(code).map_err(|c| format!("level {c}"))?;
                let base = gpa & !(level.bytes() - 1);
                if mapped.insert((code as u8, base)) {
                    let page: Page<Sept> = m.alloc_page();
                    let sept_gpa = SeptGpa::new(Gpa::new(base)?, level)?;
                    log.call(
                        &format!(
                            "TDH.MEM.SEPT.ADD(td.tdr={tdr:?}, gpa={sept_gpa:?}, page={page:?})"
                        ),
                        || host::tdh_mem_sept_add(&td, sept_gpa, page),
                    )?;
                    sept_pages.push(page);
                }
            }
            let bytes = contents(index, page_index);
            m.write_memory(source.hpa(), &bytes);
            let page: Page<Guest> = m.alloc_page();
            let at = Gpa::new(gpa)?;
            log.call(
                &format!(
                    "TDH.MEM.PAGE.ADD(td.tdr={tdr:?}, gpa={at:?}, page={page:?}, source={:?})",
                    source.hpa()
                ),
                || host::tdh_mem_page_add(&td, at, page, source.hpa()),
            )?;
            expected.page_add(gpa);
            for chunk in 0..16u64 {
                let at = Gpa::new(gpa + chunk * 256)?;
                log.call(
                    &format!("TDH.MR.EXTEND(td.tdr={tdr:?}, gpa={at:?})"),
                    || host::tdh_mr_extend(&td, at),
                )?;
                let mut piece = [0u8; 256];
                piece.copy_from_slice(&bytes[chunk as usize * 256..][..256]);
                expected.mr_extend(at.as_u64(), &piece);
            }
            guest_pages.push(page);
        }
        log.call(&format!("TDH.MR.FINALIZE(td.tdr={tdr:?})"), || {
            host::tdh_mr_finalize(&td)
        })?;
    }
    m.free_page(source)?;
    let mrtd = m.mrtd(tdr).ok_or("the module lost the TD")?;
    if mrtd != expected.finish() {
        return Err("the module's MRTD differs from the one computed here".into());
    }

    // ------------------------------------------------------------------ run a vCPU
    log.phase(
        "TDH.VP.ENTER: the guest asks for CPUID through TDG.VP.VMCALL, then halts",
        2,
    );
    let (tdvpr, tdcx) = &vcpus[0];
    m.set_guest(*tdvpr, |ctx: &mut GuestContext<'_>| match ctx.entry() {
        1 => VmExit::tdvmcall(10, &[0x4000_0000, 0]),
        _ => VmExit::hlt(),
    });
    let vp = TdxVp::new(*tdvpr, tdcx);
    // SAFETY: as in `platform`; `args` and `reply` are live.
    unsafe {
        let mut args = ModuleArgs::default();
        let exit = log.call(&format!("TDH.VP.ENTER(vp.tdvpr={tdvpr:?})"), || {
            host::tdh_vp_enter(&vp, &mut args)
        })?;
        log.note(&format!(
            "exit reason {:?}: TDG.VP.VMCALL sub-function {} (R11), CPUID leaf {:#x} (R12), exposed {:#06x} (RCX)",
            exit.exit_reason(),
            args.r11,
            args.r12,
            args.rcx
        ));
        // The VMM answers CPUID (R10 = success, R12..R15 = EAX..EDX) and re-enters.
        let mut reply = ModuleArgs {
            r10: 0,
            r12: 0x4000_0001,
            r13: 0x5454_4e54,
            ..ModuleArgs::default()
        };
        let exit = log.call(
            &format!("TDH.VP.ENTER(vp.tdvpr={tdvpr:?}) with the CPUID answer"),
            || host::tdh_vp_enter(&vp, &mut reply),
        )?;
        log.note(&format!(
            "exit reason {:?}: TDG.VP.VMCALL sub-function {} (Instruction.HLT)",
            exit.exit_reason(),
            reply.r11
        ));
    }

    // ------------------------------------------------------------------ teardown
    let child_pages = tdcs.len()
        + vcpus.iter().map(|(_, tdcx)| tdcx.len() + 1).sum::<usize>()
        + sept_pages.len()
        + guest_pages.len();
    log.phase(
        "teardown: VP.FLUSH, MNG.VPFLUSHDONE, CACHE.WB, MNG.KEY.FREEID, RECLAIM",
        child_pages as u64 + 8,
    );
    // SAFETY: as in `platform`.
    unsafe {
        for (tdvpr, tdcx) in &vcpus {
            let call = format!("TDH.VP.FLUSH(vp.tdvpr={tdvpr:?})");
            match log.call(&call, || host::tdh_vp_flush(&TdxVp::new(*tdvpr, tdcx))) {
                Err(error) if error.status() == TdxStatus::VCPU_NOT_ASSOCIATED => {
                    log.note("(never ran here: nothing to flush)");
                }
                result => {
                    result?;
                }
            }
        }
        log.call(&format!("TDH.MNG.VPFLUSHDONE(td.tdr={tdr:?})"), || {
            host::tdh_mng_vpflushdone(&td)
        })?;
        {
            // One CACHE.WB loop at a time: the module keeps one interrupted write-back per
            // package, so another TD's loop starting in between would take over this one's
            // resume (and this one's resume would then be OPERAND_INVALID). KVM holds its
            // global `tdx_lock` around the write-back and KEY.FREEID for the same reason.
            let _tdx_lock = TDX_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
            for package in 0..m.config().packages {
                log.call(
                    &format!("TDH.PHYMEM.CACHE.WB loop on package {package}"),
                    || with_package(package, || host::tdh_phymem_cache_wb_loop()),
                )?;
            }
            log.call(&format!("TDH.MNG.KEY.FREEID(td.tdr={tdr:?})"), || {
                host::tdh_mng_key_freeid(&td)
            })?;
        }
        let reclaim = |hpa: Hpa, log: &mut Log| -> Result<(), Error> {
            log.call(&format!("TDH.PHYMEM.PAGE.RECLAIM(page={hpa:?})"), || {
                host::tdh_phymem_page_reclaim(hpa)
            })?;
            m.free(hpa, PageSize::Size4K)?;
            Ok(())
        };
        for page in &guest_pages {
            reclaim(page.hpa(), log)?;
        }
        for page in &sept_pages {
            reclaim(page.hpa(), log)?;
        }
        for (tdvpr, tdcx) in &vcpus {
            for page in tdcx {
                reclaim(page.hpa(), log)?;
            }
            reclaim(tdvpr.hpa(), log)?;
        }
        for page in &tdcs {
            reclaim(page.hpa(), log)?;
        }
        // The TDR last, then flush its cache lines under the global KeyID (as KVM does).
        log.call(&format!("TDH.PHYMEM.PAGE.RECLAIM(page={tdr:?})"), || {
            host::tdh_phymem_page_reclaim(tdr.hpa())
        })?;
        let keyed = KeyedHpa::new(tdr.hpa(), Hkid::new(GLOBAL_KEYID), m.config().phys_bits)?;
        log.call(&format!("TDH.PHYMEM.PAGE.WBINVD(page={keyed:?})"), || {
            host::tdh_phymem_page_wbinvd(keyed)
        })?;
        m.free_page(tdr)?;
    }
    Ok(TdRun {
        vcpus: vcpus.len(),
        measured_pages: guest_pages.len(),
        sept_pages: sept_pages.len(),
        mrtd: mrtd.iter().map(|b| format!("{b:02x}")).collect(),
    })
}
