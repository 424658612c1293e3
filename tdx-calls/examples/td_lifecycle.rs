//! The project's main job: build a TD from scratch through the software TDX module, with every
//! call made by a catalog wrapper executing the real `seamcall` instruction (trapped by
//! tdx-emu), and tear it down again, reclaiming every page.
//!
//! ```sh
//! cargo run --release -p tdx-calls --example td_lifecycle                      # 2 vCPUs, 16 pages
//! cargo run --release -p tdx-calls --example td_lifecycle -- --vcpus 8 --pages 4096
//! ```
//!
//! Each call is printed with its typed inputs and outputs (a long run prints the first calls
//! of each phase and a progress line); the run ends with the MRTD, the number of SEAMCALLs the
//! trap executed, and the number of pages leaked (zero).

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::process::ExitCode;

use tdx_calls::host::{self, ExitReasonExt};
use tdx_calls::{TdxTd, TdxVp};
use tdx_core::{
    FieldId, Gpa, Guest, Hkid, Hpa, KeyedHpa, ModuleArgs, Page, PageSize, Sept, SeptGpa, SeptLevel,
    Tdcs, Tdcx, Tdr, Tdvpr, TdxError, TdxStatus,
};
use tdx_emu::module::{
    Config, GuestContext, MrtdBuilder, TdParams, TdxModule, VmExit, field, with_package,
};

/// The KeyID of the TDX module's own metadata, and the TD's private KeyID.
const GLOBAL_KEYID: u16 = 32;
const TD_HKID: u16 = 33;

struct Options {
    vcpus: u64,
    pages: u64,
    verbose: bool,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        vcpus: 2,
        pages: 16,
        verbose: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|value| value.parse().ok())
                .ok_or_else(|| format!("{name} takes a positive number"))
        };
        match arg.as_str() {
            "--vcpus" => options.vcpus = number("--vcpus")?.clamp(1, 32),
            "--pages" => options.pages = number("--pages")?.clamp(1, 200_000),
            "--verbose" => options.verbose = true,
            "--help" | "-h" => {
                return Err(
                    "usage: td_lifecycle [--vcpus N (1..=32)] [--pages N] [--verbose]".into(),
                );
            }
            other => return Err(format!("unknown option `{other}` (try --help)")),
        }
    }
    Ok(options)
}

/// Prints each call with its inputs and outputs: every call when the run is small or
/// `--verbose`, otherwise the first few of each phase and a progress line.
struct Log {
    verbose: bool,
    phase: &'static str,
    in_phase: u64,
    total_in_phase: u64,
}

impl Log {
    /// A phase of at most this many calls is printed whole.
    const SMALL_PHASE: u64 = 400;
    /// How many calls of a longer phase are printed before the progress lines.
    const SHOWN_PER_PHASE: u64 = 6;

    fn phase(&mut self, name: &'static str, calls: u64) {
        println!("\n== {name}");
        self.phase = name;
        self.in_phase = 0;
        self.total_in_phase = calls;
    }

    fn call<T: Debug>(&mut self, call: &str, result: Result<T, TdxError>) -> Result<T, TdxError> {
        self.in_phase += 1;
        let shown = self.verbose
            || self.total_in_phase <= Self::SMALL_PHASE
            || self.in_phase <= Self::SHOWN_PER_PHASE
            || result.is_err();
        match &result {
            Ok(value) if shown => println!("  {call} -> {value:?}"),
            Err(error) => println!("  {call} -> error: {error}"),
            Ok(_) => {
                let step = (self.total_in_phase / 10).max(1);
                if self.in_phase.is_multiple_of(step) {
                    println!(
                        "  … {}: {} of about {} calls",
                        self.phase, self.in_phase, self.total_in_phase
                    );
                }
            }
        }
        result
    }
}

/// A page's contents for the measurement: distinct per page.
fn contents(index: u64) -> Vec<u8> {
    (0..4096u64)
        .map(|i| (i.wrapping_mul(31) ^ index.wrapping_mul(131)) as u8)
        .collect()
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let module = TdxModule::new(Config::default());
    match module.run(|| build_and_tear_down(&module, &options)) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("td_lifecycle failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Everything, through the catalog wrappers; returns the number of leaked pages.
fn build_and_tear_down(
    m: &TdxModule,
    options: &Options,
) -> Result<usize, Box<dyn std::error::Error>> {
    let mut log = Log {
        verbose: options.verbose,
        phase: "",
        in_phase: 0,
        total_in_phase: 0,
    };
    let traps_before = tdx_emu::trap_count();

    // ------------------------------------------------------------------ the platform
    log.phase(
        "platform: SYS.INIT, LP.INIT, SYS.CONFIG, SYS.KEY.CONFIG, TDMR.INIT",
        8,
    );
    // SAFETY: here and in every `unsafe` block below, the "host" is the software TDX module behind
    // the trap; every page handed to it comes from its own allocator and stays unused by us
    // until it is reclaimed.
    unsafe {
        log.call("TDH.SYS.INIT()", host::tdh_sys_init())?;
        log.call("TDH.SYS.LP.INIT()", host::tdh_sys_lp_init())?;
        let tdmr_array: Page<Guest> = m.alloc_page();
        let tdmrs = m.config().tdmrs.clone();
        log.call(
            &format!(
                "TDH.SYS.CONFIG(tdmr_info_array={:?}, nr_tdmrs={}, global_keyid={GLOBAL_KEYID})",
                tdmr_array.hpa(),
                tdmrs.len()
            ),
            host::tdh_sys_config(
                tdmr_array.hpa(),
                tdmrs.len() as u64,
                Hkid::new(GLOBAL_KEYID),
            ),
        )?;
        for package in 0..m.config().packages {
            log.call(
                &format!("TDH.SYS.KEY.CONFIG() on package {package}"),
                with_package(package, || host::tdh_sys_key_config()),
            )?;
        }
        for tdmr in &tdmrs {
            let mut next = tdmr.base;
            while next < tdmr.base + tdmr.size {
                let out = log.call(
                    &format!("TDH.SYS.TDMR.INIT(tdmr_base={:#x})", tdmr.base),
                    host::tdh_sys_tdmr_init(Hpa::new(tdmr.base)?),
                )?;
                next = out.next?.as_u64();
            }
        }
        m.free_page(tdmr_array.as_u64(), PageSize::Size4K);
    }

    // ------------------------------------------------------------------ the TD
    log.phase("TD: MNG.CREATE, MNG.KEY.CONFIG, MNG.ADDCX, MNG.INIT", 8);
    let tdr: Page<Tdr> = m.alloc_page();
    let mut tdcs: Vec<Page<Tdcs>> = Vec::new();
    let params_page: Page<Guest> = m.alloc_page();
    // SAFETY: as above.
    unsafe {
        let creating = TdxTd::new(tdr, &[]);
        log.call(
            &format!("TDH.MNG.CREATE(td.tdr={tdr:?}, hkid={TD_HKID})"),
            host::tdh_mng_create(&creating, Hkid::new(TD_HKID)),
        )?;
        for package in 0..m.config().packages {
            log.call(
                &format!("TDH.MNG.KEY.CONFIG(td.tdr={tdr:?}) on package {package}"),
                with_package(package, || host::tdh_mng_key_config(&creating)),
            )?;
        }
        let tdcs_size = log.call(
            "TDH.SYS.RD(TDCS_BASE_SIZE)",
            host::tdh_sys_rd(FieldId::from_raw(field::global::TDCS_BASE_SIZE)),
        )?;
        for _ in 0..tdcs_size.value / 4096 {
            let page: Page<Tdcs> = m.alloc_page();
            log.call(
                &format!("TDH.MNG.ADDCX(td.tdr={tdr:?}, tdcs={page:?})"),
                host::tdh_mng_addcx(&creating, page),
            )?;
            tdcs.push(page);
        }
        let params = TdParams {
            max_vcpus: options.vcpus as u16,
            ..TdParams::default()
        };
        m.write_memory(params_page.as_u64(), &params.to_bytes());
        log.call(
            &format!(
                "TDH.MNG.INIT(td.tdr={tdr:?}, td_params={:?})",
                params_page.hpa()
            ),
            host::tdh_mng_init(&TdxTd::new(tdr, &tdcs), params_page.hpa()),
        )?;
    }
    m.free_page(params_page.as_u64(), PageSize::Size4K);
    let td = TdxTd::new(tdr, &tdcs);

    // ------------------------------------------------------------------ the vCPUs
    log.phase(
        "vCPUs: VP.CREATE, VP.ADDCX, VP.INIT (version 1, x2APIC ID)",
        options.vcpus * 7,
    );
    let mut vcpus: Vec<(Page<Tdvpr>, Vec<Page<Tdcx>>)> = Vec::new();
    // SAFETY: as above.
    unsafe {
        let tdvps_size = log.call(
            "TDH.SYS.RD(TDVPS_BASE_SIZE)",
            host::tdh_sys_rd(FieldId::from_raw(field::global::TDVPS_BASE_SIZE)),
        )?;
        for x2apic_id in 0..options.vcpus {
            let tdvpr: Page<Tdvpr> = m.alloc_page();
            log.call(
                &format!("TDH.VP.CREATE(td.tdr={tdr:?}, vp.tdvpr={tdvpr:?})"),
                host::tdh_vp_create(&td, &TdxVp::new(tdvpr, &[])),
            )?;
            let mut tdcx = Vec::new();
            for _ in 0..(tdvps_size.value / 4096).saturating_sub(1) {
                let page: Page<Tdcx> = m.alloc_page();
                log.call(
                    &format!("TDH.VP.ADDCX(vp.tdvpr={tdvpr:?}, tdcx={page:?})"),
                    host::tdh_vp_addcx(&TdxVp::new(tdvpr, &tdcx), page),
                )?;
                tdcx.push(page);
            }
            log.call(
                &format!(
                    "TDH.VP.INIT(vp.tdvpr={tdvpr:?}, initial_rcx=0x1000, x2apic_id={x2apic_id})"
                ),
                host::tdh_vp_init(&TdxVp::new(tdvpr, &tdcx), 0x1000, x2apic_id),
            )?;
            vcpus.push((tdvpr, tdcx));
        }
    }

    // ------------------------------------------------------------------ memory, measured
    log.phase(
        "Secure EPT, PAGE.ADD and MR.EXTEND of every page, MR.FINALIZE",
        options.pages * 18,
    );
    let mut sept_pages: Vec<Page<Sept>> = Vec::new();
    let mut mapped: BTreeSet<(u8, u64)> = BTreeSet::new();
    let mut guest_pages: Vec<(u64, Page<Guest>)> = Vec::new();
    let mut expected = MrtdBuilder::new();
    let source: Page<Guest> = m.alloc_page();
    let top = if m.td(tdr.as_u64()).is_some_and(|info| info.gpaw == 52) {
        4
    } else {
        3
    };
    // SAFETY: as above.
    unsafe {
        for index in 0..options.pages {
            let gpa = index * 4096;
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
                        host::tdh_mem_sept_add(&td, sept_gpa, page),
                    )?;
                    sept_pages.push(page);
                }
            }
            let bytes = contents(index);
            m.write_memory(source.as_u64(), &bytes);
            let page: Page<Guest> = m.alloc_page();
            log.call(
                &format!(
                    "TDH.MEM.PAGE.ADD(td.tdr={tdr:?}, gpa={gpa:#x}, page={page:?}, source={:?})",
                    source.hpa()
                ),
                host::tdh_mem_page_add(&td, Gpa::new(gpa)?, page, source.hpa()),
            )?;
            expected.page_add(gpa);
            for chunk in 0..16u64 {
                let at = gpa + chunk * 256;
                log.call(
                    &format!("TDH.MR.EXTEND(td.tdr={tdr:?}, gpa={at:#x})"),
                    host::tdh_mr_extend(&td, Gpa::new(at)?),
                )?;
                let mut piece = [0u8; 256];
                piece.copy_from_slice(&bytes[chunk as usize * 256..][..256]);
                expected.mr_extend(at, &piece);
            }
            guest_pages.push((gpa, page));
        }
        log.call(
            &format!("TDH.MR.FINALIZE(td.tdr={tdr:?})"),
            host::tdh_mr_finalize(&td),
        )?;
    }
    m.free_page(source.as_u64(), PageSize::Size4K);
    let mrtd = m.mrtd(tdr.as_u64()).ok_or("the module lost the TD")?;
    let expected = expected.finish();
    if mrtd != expected {
        return Err("the module's MRTD differs from the one computed here".into());
    }

    // ------------------------------------------------------------------ run a vCPU
    log.phase(
        "TDH.VP.ENTER: the guest asks for CPUID through TDG.VP.VMCALL, then halts",
        2,
    );
    let (tdvpr, tdcx) = &vcpus[0];
    m.set_guest(tdvpr.as_u64(), |ctx: &mut GuestContext<'_>| {
        match ctx.entry() {
            1 => VmExit::tdvmcall(10, &[0x4000_0000, 0]),
            _ => VmExit::hlt(),
        }
    });
    let vp = TdxVp::new(*tdvpr, tdcx);
    // SAFETY: as above; `args` is live.
    unsafe {
        let mut args = ModuleArgs::default();
        let exit = log.call(
            &format!("TDH.VP.ENTER(vp.tdvpr={tdvpr:?})"),
            host::tdh_vp_enter(&vp, &mut args),
        )?;
        println!(
            "    exit reason {:?}: TDG.VP.VMCALL sub-function {} (R11), CPUID leaf {:#x} (R12), exposed {:#06x} (RCX)",
            exit.exit_reason(),
            args.r11,
            args.r12,
            args.rcx
        );
        // The VMM answers CPUID (R10 = success, R12..R15 = EAX..EDX) and re-enters.
        let mut reply = ModuleArgs {
            r10: 0,
            r12: 0x4000_0001,
            r13: 0x5454_4e54,
            r14: 0,
            r15: 0,
            ..ModuleArgs::default()
        };
        let exit = log.call(
            &format!("TDH.VP.ENTER(vp.tdvpr={tdvpr:?}) with the CPUID answer"),
            host::tdh_vp_enter(&vp, &mut reply),
        )?;
        println!(
            "    exit reason {:?}: TDG.VP.VMCALL sub-function {} (Instruction.HLT)",
            exit.exit_reason(),
            reply.r11
        );
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
    // SAFETY: as above.
    unsafe {
        for (tdvpr, tdcx) in &vcpus {
            match host::tdh_vp_flush(&TdxVp::new(*tdvpr, tdcx)) {
                Err(error) if error.status() == TdxStatus::VCPU_NOT_ASSOCIATED => {
                    println!(
                        "  TDH.VP.FLUSH(vp.tdvpr={tdvpr:?}) -> TDX_VCPU_NOT_ASSOCIATED (never ran here: nothing to flush)"
                    );
                }
                result => {
                    log.call(&format!("TDH.VP.FLUSH(vp.tdvpr={tdvpr:?})"), result)?;
                }
            }
        }
        log.call(
            &format!("TDH.MNG.VPFLUSHDONE(td.tdr={tdr:?})"),
            host::tdh_mng_vpflushdone(&td),
        )?;
        for package in 0..m.config().packages {
            log.call(
                &format!("TDH.PHYMEM.CACHE.WB loop on package {package}"),
                with_package(package, || host::tdh_phymem_cache_wb_loop()),
            )?;
        }
        log.call(
            &format!("TDH.MNG.KEY.FREEID(td.tdr={tdr:?})"),
            host::tdh_mng_key_freeid(&td),
        )?;
        let reclaim = |hpa: Hpa, log: &mut Log| -> Result<(), Box<dyn std::error::Error>> {
            log.call(
                &format!("TDH.PHYMEM.PAGE.RECLAIM(page={hpa:?})"),
                host::tdh_phymem_page_reclaim(hpa),
            )?;
            m.free_page(hpa.as_u64(), PageSize::Size4K);
            Ok(())
        };
        for (_, page) in &guest_pages {
            reclaim(page.hpa(), &mut log)?;
        }
        for page in &sept_pages {
            reclaim(page.hpa(), &mut log)?;
        }
        for (tdvpr, tdcx) in &vcpus {
            for page in tdcx {
                reclaim(page.hpa(), &mut log)?;
            }
            reclaim(tdvpr.hpa(), &mut log)?;
        }
        for page in &tdcs {
            reclaim(page.hpa(), &mut log)?;
        }
        // The TDR last, then flush its cache lines under the global KeyID (as KVM does).
        log.call(
            &format!("TDH.PHYMEM.PAGE.RECLAIM(page={tdr:?})"),
            host::tdh_phymem_page_reclaim(tdr.hpa()),
        )?;
        let keyed = KeyedHpa::new(tdr.hpa(), Hkid::new(GLOBAL_KEYID), m.config().phys_bits)?;
        log.call(
            &format!("TDH.PHYMEM.PAGE.WBINVD(page={keyed:?})"),
            host::tdh_phymem_page_wbinvd(keyed),
        )?;
        m.free_page(tdr.as_u64(), PageSize::Size4K);
    }

    // ------------------------------------------------------------------ the result
    let leaked = m.leaked_pages();
    let traps = tdx_emu::trap_count() - traps_before;
    println!("\n== done");
    println!(
        "  vCPUs: {}, measured pages: {}, Secure-EPT pages: {}",
        vcpus.len(),
        guest_pages.len(),
        sept_pages.len()
    );
    println!(
        "  MRTD (SHA-384, checked against an independent computation): {}",
        hex(&mrtd)
    );
    println!(
        "  TDX instructions executed and trapped: {traps} (module calls counted: {})",
        m.total_calls()
    );
    println!("  pages leaked: {}", leaked.len());
    for page in &leaked {
        println!("    still owned by the module: {page:?}");
    }
    Ok(leaked.len())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
