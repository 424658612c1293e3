//! The public methods of [`TdxModule`]: set-up, software calls, inspection, faults, counters.

use crate::trap::{CpuState, Instruction, SharedHandler, TrapHandler};
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use tdx_core::{Hpa, ModuleArgs, Page, PageKind, PageSize, Tdvpr, TdxStatus};

use super::{
    Completion, Config, ConfigError, ExampleVmm, Fault, FaultId, Faults, GUEST, Global, Guest,
    HostAllocator, Inner, LeafCount, LockTable, MemoryBacking, NEXT_MODULE, Pamt, Phase,
    SparseMemory, Stats, Sys, TdIndex, TdxModule, VeInfo, Vmm, leaf, pamt, shared::guard,
    with_package,
};

impl TdxModule {
    /// A module for `config`, with [`SparseMemory`] as its memory and [`ExampleVmm`] as its
    /// VMM. The platform is not initialized: run TDH.SYS.INIT and friends, or [`bring_up`].
    ///
    /// # Panics
    ///
    /// If the configuration is invalid (see [`try_new`](Self::try_new)).
    ///
    /// [`bring_up`]: Self::bring_up
    pub fn new(config: Config) -> Self {
        match Self::try_new(config, Arc::new(SparseMemory::new())) {
            Ok(module) => module,
            Err(error) => panic!("{error}"),
        }
    }

    /// A module for `config` over `memory`.
    ///
    /// # Errors
    ///
    /// If the TDMRs are not 1 GiB aligned, sorted and within `phys_bits`; if `phys_bits` is
    /// not in 32..=52; if the KeyID range is empty or does not fit above `phys_bits`; if there
    /// are no packages, fewer than 1 TDCS page or 2 TDVPS pages, or a TDMR.INIT chunk that is
    /// not a non-zero multiple of 4 KiB.
    pub fn try_new(config: Config, memory: Arc<dyn MemoryBacking>) -> Result<Self, ConfigError> {
        let err = |m: &str| Err(ConfigError(m.to_owned()));
        if !(32..=52).contains(&config.phys_bits) {
            return err("phys_bits must be in 32..=52");
        }
        pamt::validate_tdmrs(&config.tdmrs, config.phys_bits)?;
        if config.hkids.is_empty() || config.hkids.start == 0 {
            return err("the KeyID range must be non-empty and start above 0");
        }
        let hkid_bits = 16 - (config.hkids.end - 1).leading_zeros();
        if u32::from(config.phys_bits) + hkid_bits > 52 {
            return err("KeyIDs do not fit between phys_bits and bit 52");
        }
        if config.packages == 0 || config.packages > 64 {
            return err("packages must be in 1..=64");
        }
        if config.tdcs_pages == 0 || config.tdvps_pages < 2 || config.max_vcpus_per_td == 0 {
            return err("tdcs_pages >= 1, tdvps_pages >= 2 and max_vcpus_per_td >= 1 are needed");
        }
        if config.tdmr_init_chunk == 0 || !config.tdmr_init_chunk.is_multiple_of(4096) {
            return err("tdmr_init_chunk must be a non-zero multiple of 4 KiB");
        }
        if config.max_gpaw != 48 && config.max_gpaw != 52 {
            return err("max_gpaw must be 48 or 52");
        }
        let id = NEXT_MODULE.fetch_add(1, Ordering::Relaxed);
        let mut secret = [0u8; 32];
        secret[..8].copy_from_slice(&id.to_le_bytes());
        secret[8..16].copy_from_slice(&config.seed.to_le_bytes());
        let global = Global {
            sys: Sys {
                phase: Phase::Uninit,
                lp_init: BTreeSet::new(),
                key_pkgs: 0,
                global_keyid: None,
                update_version: 0,
                disable_left: config.sys_disable_interruptions,
            },
            kot: BTreeMap::new(),
            wb: vec![None; config.packages as usize],
            alloc: HostAllocator::new(&config.tdmrs),
        };
        Ok(TdxModule {
            inner: Arc::new(Inner {
                id,
                pamt: Pamt::new(config.tdmrs.clone()),
                locks: LockTable::new(&config.tdmrs),
                faults: Mutex::new(Faults::new(config.seed)),
                config,
                memory,
                global: Mutex::new(global),
                tds: TdIndex::default(),
                guests: super::shared::GuestCode::default(),
                faults_armed: AtomicBool::new(false),
                stats: Stats::default(),
                ready: AtomicBool::new(false),
                disabled: AtomicBool::new(false),
                lp_generation: AtomicU64::new(0),
                vmm: Mutex::new(Box::new(ExampleVmm::new())),
                secret,
            }),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The memory the module reads and writes.
    pub fn memory(&self) -> &Arc<dyn MemoryBacking> {
        &self.inner.memory
    }

    /// Writes `data` at `hpa` in the module's memory (a TD_PARAMS page, a PAGE.ADD source).
    pub fn write_memory(&self, hpa: Hpa, data: &[u8]) {
        self.inner.memory.write(hpa.as_u64(), data);
    }

    /// Reads `len` bytes at `hpa` from the module's memory.
    pub fn read_memory(&self, hpa: Hpa, len: usize) -> Vec<u8> {
        let mut buf = vec![0; len];
        self.inner.memory.read(hpa.as_u64(), &mut buf);
        buf
    }

    // ------------------------------------------------------------------ running it

    /// Runs `f` with this module answering every TDX instruction executed on this thread
    /// ([`crate::with_handler`]).
    ///
    /// # Panics
    ///
    /// If the trap cannot be installed. Panics of `f` propagate.
    pub fn run<R>(&self, f: impl FnOnce() -> R) -> R {
        let mut handler = self.clone();
        crate::with_handler(&mut handler, f)
    }

    /// Makes this module answer TDX instructions on every thread that has no per-thread
    /// handler ([`crate::set_global_handler`]). Leaks one clone of the handle.
    ///
    /// # Errors
    ///
    /// If the trap cannot be installed.
    pub fn install_global(&self) -> io::Result<()> {
        let handler: &'static TdxModule = Box::leak(Box::new(self.clone()));
        crate::set_global_handler(handler).map(|_| ())
    }

    /// Runs `f` with this thread executing as vCPU `tdvpr` of a finalized TD: TDCALLs trapped
    /// on this thread are answered for that vCPU (TDG.VP.VMCALL goes to the module's [`Vmm`]).
    /// Use it under [`run`](Self::run) or with the module installed globally.
    pub fn as_guest<R>(&self, tdvpr: Page<Tdvpr>, f: impl FnOnce() -> R) -> R {
        struct Restore(Option<(u64, u64)>);
        impl Drop for Restore {
            fn drop(&mut self) {
                GUEST.set(self.0);
            }
        }
        let _restore = Restore(GUEST.replace(Some((self.inner.id, tdvpr.as_u64()))));
        f()
    }

    /// Answers one SEAMCALL in software (no instruction, no trap): `leaf` is the whole RAX,
    /// `args` the 13 operand registers in and out (not written back on VMfailInvalid).
    pub fn seamcall(&self, leaf: u64, args: &mut ModuleArgs) -> Completion {
        let mut cpu = cpu_from_args(leaf, args);
        self.inner.handle(Instruction::Seamcall, &mut cpu);
        if !cpu.cf {
            *args = args_from_cpu(&cpu);
        }
        Completion {
            status: TdxStatus::from_raw(cpu.rax),
            cf: cpu.cf,
        }
    }

    /// Answers one TDCALL in software as vCPU `tdvpr`: `leaf` is the whole RAX, `args` the
    /// operand registers in and out.
    pub fn tdcall(&self, tdvpr: Page<Tdvpr>, leaf: u64, args: &mut ModuleArgs) -> TdxStatus {
        let mut cpu = cpu_from_args(leaf, args);
        self.inner.tdcall(Some(tdvpr.as_u64()), &mut cpu, false);
        *args = args_from_cpu(&cpu);
        TdxStatus::from_raw(cpu.rax)
    }

    /// Initializes the platform in software, as the kernel does at boot: TDH.SYS.INIT,
    /// TDH.SYS.LP.INIT on this thread, TDH.SYS.CONFIG with every TDMR and the first KeyID as
    /// the global one, TDH.SYS.KEY.CONFIG on every package, TDH.SYS.TDMR.INIT until every TDMR
    /// is initialized. Other threads still need [`lp_init`](Self::lp_init).
    ///
    /// # Errors
    ///
    /// The first status that is not a success (for example if the platform is already up).
    pub fn bring_up(&self) -> Result<(), TdxStatus> {
        let check = |c: Completion| {
            if c.cf || c.status.is_error() {
                Err(c.status)
            } else {
                Ok(())
            }
        };
        let mut args = ModuleArgs::default();
        check(self.seamcall(leaf::TDH_SYS_INIT, &mut args))?;
        self.lp_init()?;
        let cfg = &self.inner.config;
        let mut args = ModuleArgs {
            rcx: cfg.tdmrs[0].base,
            rdx: cfg.tdmrs.len() as u64,
            r8: u64::from(cfg.hkids.start),
            ..ModuleArgs::default()
        };
        check(self.seamcall(leaf::TDH_SYS_CONFIG, &mut args))?;
        for package in 0..cfg.packages {
            with_package(package, || {
                check(self.seamcall(leaf::TDH_SYS_KEY_CONFIG, &mut ModuleArgs::default()))
            })?;
        }
        for tdmr in &cfg.tdmrs {
            loop {
                let mut args = ModuleArgs {
                    rcx: tdmr.base,
                    ..ModuleArgs::default()
                };
                check(self.seamcall(leaf::TDH_SYS_TDMR_INIT, &mut args))?;
                if args.rdx >= tdmr.end() {
                    break;
                }
            }
        }
        Ok(())
    }

    /// TDH.SYS.LP.INIT for the calling thread, in software.
    ///
    /// # Errors
    ///
    /// The status if it fails (e.g. this thread's LP is already initialized).
    pub fn lp_init(&self) -> Result<(), TdxStatus> {
        let c = self.seamcall(leaf::TDH_SYS_LP_INIT, &mut ModuleArgs::default());
        if c.cf || c.status.is_error() {
            Err(c.status)
        } else {
            Ok(())
        }
    }

    // ------------------------------------------------------------------ host pages

    /// A free 4 KiB page from the TDMRs (the host allocator: the module has not been given it).
    ///
    /// # Panics
    ///
    /// If the TDMRs are exhausted.
    pub fn alloc_page<K: PageKind>(&self) -> Page<K> {
        match self
            .try_alloc(PageSize::Size4K)
            .and_then(|hpa| Page::new(hpa).ok())
        {
            Some(page) => page,
            None => panic!("tdx-emu: the TDMRs have no free 4 KiB page left"),
        }
    }

    /// A free page of `size`, aligned to its size, from the TDMRs; `None` if none is left.
    pub fn try_alloc(&self, size: PageSize) -> Option<Hpa> {
        let hpa = guard(&self.inner.global).alloc.alloc(size.bytes())?;
        Some(super::inspect::known_hpa(hpa))
    }

    /// Gives a page from [`alloc_page`](Self::alloc_page) back to the host allocator.
    ///
    /// # Errors
    ///
    /// As [`free`](Self::free), and then the page is not given back.
    pub fn free_page<K: PageKind>(&self, page: Page<K>) -> Result<(), FreeError> {
        self.free(page.hpa(), PageSize::Size4K)
    }

    /// Gives the page of `size` at `hpa`, from [`try_alloc`](Self::try_alloc) (or 4 KiB pages
    /// from [`alloc_page`](Self::alloc_page)), back to the host allocator.
    ///
    /// # Errors
    ///
    /// [`FreeError::Misaligned`] if `hpa` is not aligned to `size`; [`FreeError::NotAllocated`]
    /// if a 4 KiB page of it was not handed out by the allocator (outside the TDMRs, reserved,
    /// never allocated, or given back already); [`FreeError::StillAssigned`] if the PAMT
    /// still gives a page of it to the TDX module (reclaim it first). Nothing is given back
    /// then.
    pub fn free(&self, hpa: Hpa, size: PageSize) -> Result<(), FreeError> {
        if !hpa.is_aligned(size.bytes()) {
            return Err(FreeError::Misaligned { hpa, size });
        }
        let (start, bytes) = (hpa.as_u64(), size.bytes());
        let owned = (start..start + bytes)
            .step_by(4096)
            .find_map(|page| self.inner.pamt.lookup(page).map(|(base, _)| base));
        if let Some(page) = owned {
            return Err(FreeError::StillAssigned {
                hpa: super::inspect::known_hpa(page),
            });
        }
        guard(&self.inner.global)
            .alloc
            .free(start, bytes)
            .map_err(|page| FreeError::NotAllocated {
                hpa: super::inspect::known_hpa(page),
            })
    }

    // ------------------------------------------------------------------ guests and VMM

    /// Installs the guest code vCPU `tdvpr` runs under TDH.VP.ENTER (by default an
    /// [`IdleGuest`](super::IdleGuest) that exits with TDG.VP.VMCALL&lt;Instruction.HLT&gt;).
    pub fn set_guest(&self, tdvpr: Page<Tdvpr>, guest: impl Guest + 'static) {
        self.inner.guests.insert(tdvpr.as_u64(), Box::new(guest));
    }

    /// Replaces the VMM that answers TDG.VP.VMCALL from threads running
    /// [`as_guest`](Self::as_guest) (by default an [`ExampleVmm`]).
    pub fn set_vmm(&self, vmm: impl Vmm + 'static) {
        super::refuse_vmm_reentry(self.inner.id, "set_vmm");
        *self
            .inner
            .vmm
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Box::new(vmm);
    }

    /// Makes a #VE pending on vCPU `tdvpr`, for TDG.VP.VEINFO.GET. Returns `false` if there is
    /// no such vCPU.
    pub fn inject_ve(&self, tdvpr: Page<Tdvpr>, info: VeInfo) -> bool {
        let tdvpr = tdvpr.as_u64();
        let Some(shard) = self
            .inner
            .pamt
            .lookup(tdvpr)
            .and_then(|(_, e)| self.inner.tds.get(e.owner))
        else {
            return false;
        };
        let mut state = guard(&shard);
        match state.vcpus.get_mut(&tdvpr) {
            Some(vcpu) => {
                vcpu.ve_info = Some(info);
                true
            }
            None => false,
        }
    }

    // ------------------------------------------------------------------ faults

    /// Injects a fault; it stays until removed.
    pub fn inject(&self, fault: Fault) -> FaultId {
        self.inner.faults_armed.store(true, Ordering::Release);
        guard(&self.inner.faults).add(fault)
    }

    /// Removes an injected fault; `false` if it was not injected.
    pub fn remove_fault(&self, id: FaultId) -> bool {
        guard(&self.inner.faults).remove(id)
    }

    /// Removes every injected fault.
    pub fn clear_faults(&self) {
        guard(&self.inner.faults).clear();
    }

    /// How often injected fault `id` has fired, if it is still injected.
    pub fn fault_hits(&self, id: FaultId) -> Option<u64> {
        guard(&self.inner.faults).fired_of(id)
    }

    /// How many calls injected faults answered in all.
    pub fn faults_fired(&self) -> u64 {
        guard(&self.inner.faults).fired
    }

    // ------------------------------------------------------------------ inspection

    /// Calls answered for one leaf (any version).
    pub fn calls(&self, instruction: Instruction, leaf: u64) -> u64 {
        let key = (instruction == Instruction::Tdcall, leaf);
        self.inner.stats.sum().get(&key).map_or(0, |s| s.calls)
    }

    /// Counters for every leaf called so far.
    pub fn call_counts(&self) -> Vec<LeafCount> {
        self.inner
            .stats
            .sum()
            .iter()
            .map(|(&(tdcall, leaf), stat)| {
                let instruction = if tdcall {
                    Instruction::Tdcall
                } else {
                    Instruction::Seamcall
                };
                LeafCount {
                    instruction,
                    leaf,
                    name: leaf::name(instruction, leaf),
                    calls: stat.calls,
                    errors: stat.errors,
                    faults: stat.faults,
                }
            })
            .collect()
    }

    /// Calls answered in all.
    pub fn total_calls(&self) -> u64 {
        self.inner.stats.sum().values().map(|s| s.calls).sum()
    }
}

impl SharedHandler for TdxModule {
    fn handle(&self, instruction: Instruction, cpu: &mut CpuState) {
        self.inner.handle(instruction, cpu);
    }
}

impl TrapHandler for TdxModule {
    fn handle(&mut self, instruction: Instruction, cpu: &mut CpuState) {
        self.inner.handle(instruction, cpu);
    }
}

fn cpu_from_args(rax: u64, args: &ModuleArgs) -> CpuState {
    CpuState {
        rax,
        rcx: args.rcx,
        rdx: args.rdx,
        r8: args.r8,
        r9: args.r9,
        r10: args.r10,
        r11: args.r11,
        r12: args.r12,
        r13: args.r13,
        r14: args.r14,
        r15: args.r15,
        rbx: args.rbx,
        rdi: args.rdi,
        rsi: args.rsi,
        ..CpuState::default()
    }
}

fn args_from_cpu(cpu: &CpuState) -> ModuleArgs {
    ModuleArgs {
        rcx: cpu.rcx,
        rdx: cpu.rdx,
        r8: cpu.r8,
        r9: cpu.r9,
        r10: cpu.r10,
        r11: cpu.r11,
        r12: cpu.r12,
        r13: cpu.r13,
        r14: cpu.r14,
        r15: cpu.r15,
        rbx: cpu.rbx,
        rdi: cpu.rdi,
        rsi: cpu.rsi,
    }
}

/// Why [`TdxModule::free`] or [`TdxModule::free_page`] refused to give a page back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreeError {
    /// The address is not aligned to the page size.
    Misaligned {
        /// The address given.
        hpa: Hpa,
        /// The page size given.
        size: PageSize,
    },
    /// This 4 KiB page was not handed out by the host allocator: outside the TDMRs, in a
    /// reserved area, never allocated, or given back already.
    NotAllocated {
        /// The first such page.
        hpa: Hpa,
    },
    /// The PAMT still assigns the page at `hpa` to the TDX module: reclaim it first
    /// (TDH.PHYMEM.PAGE.RECLAIM).
    StillAssigned {
        /// The page (its base, for a 2 MiB or 1 GiB page).
        hpa: Hpa,
    },
}

impl std::fmt::Display for FreeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FreeError::Misaligned { hpa, size } => {
                write!(f, "{hpa:#x} is not aligned to the {size} page size")
            }
            FreeError::NotAllocated { hpa } => write!(
                f,
                "{hpa:#x} was not handed out by the host allocator (outside the TDMRs, \
                 reserved, never allocated, or given back already)"
            ),
            FreeError::StillAssigned { hpa } => write!(
                f,
                "{hpa:#x} is still assigned to the TDX module: reclaim it \
                 (TDH.PHYMEM.PAGE.RECLAIM) before giving it back"
            ),
        }
    }
}

impl std::error::Error for FreeError {}
