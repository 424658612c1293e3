//! A software TDX module: the state the SEAMCALL/TDCALL ABI makes observable, behind the trap.
//!
//! [`TdxModule`] answers every SEAMCALL leaf of the reference (tdx-abi.md §6) and every TDCALL
//! leaf (§7), routes TDG.VP.VMCALL to a pluggable [`Vmm`], and keeps:
//!
//! * the platform state: TDH.SYS.INIT, per-LP TDH.SYS.LP.INIT (a logical processor is a
//!   thread), TDH.SYS.CONFIG, per-package TDH.SYS.KEY.CONFIG, chunked TDH.SYS.TDMR.INIT,
//!   global metadata for TDH.SYS.RD, shutdown / update / disable;
//! * the PAMT: type, owner and size of every page inside the configured [`Tdmr`]s;
//! * HKIDs and key state, TD lifecycle and build state, TDCS/TDCX page counts, vCPUs;
//! * a Secure EPT per TD (FREE / BLOCKED / PENDING / PRESENT at 4 KiB, 2 MiB, 1 GiB), the TLB
//!   epoch, MRTD, RTMRs, TDREPORTs;
//! * call counters per leaf, and injected faults ([`Fault`]).
//!
//! It is thread-safe: install it for a thread with [`TdxModule::run`] (or
//! [`crate::with_handler`]), or for every thread with [`TdxModule::install_global`]. Calls on
//! the same TD from several threads contend for the module's own (simulated) locks and get
//! `TDX_OPERAND_BUSY` with the operand ID of what was busy, as with the real module.
//!
//! ```
//! use tdx_emu::module::{Config, TdxModule, leaf};
//! use tdx_core::ModuleArgs;
//!
//! let module = TdxModule::new(Config::default());
//! // Drive it in software (no instruction); tests use the DSL wrappers under `module.run(..)`.
//! let mut args = ModuleArgs::default();
//! assert!(module.seamcall(leaf::TDH_SYS_INIT, &mut args).status.is_success());
//! assert!(module.seamcall(leaf::TDH_SYS_LP_INIT, &mut args).status.is_success());
//! // TDH.SYS.INIT again: the platform is past that state.
//! let again = module.seamcall(leaf::TDH_SYS_INIT, &mut args).status;
//! assert_eq!(again.code(), tdx_core::TdxStatus::OPERAND_INVALID);
//! ```
//!
//! See `docs/emulator.md` for what is modelled, what is not, and every known deviation from the
//! real module.

mod fault;
mod guest;
mod host;
mod locks;
mod measure;
mod memory;
mod metadata;
mod pamt;
mod sept;
mod status;
mod td;

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tdx_core::{ModuleArgs, Page, PageKind, PageSize, TdxStatus};

use crate::trap::{CpuState, Instruction, SharedHandler, TrapHandler};

pub use fault::{Fault, FaultId, FaultKind, Trigger};
pub use guest::{ExampleVmm, Guest, GuestContext, IdleGuest, VmExit, VmcallInfo, Vmm};
pub use measure::{Digest48, MrtdBuilder, TdReport};
pub use memory::{MemoryBacking, SparseMemory, ZeroMemory};
pub use pamt::{ConfigError, PageInfo, PamtType, ReservedArea, Tdmr};
pub use sept::SeptState;
pub use status::{PAGE_ALREADY_ACCEPTED, operand};
pub use td::{Lifecycle, OpState, TdInfo, TdParams, VcpuInfo, VcpuState, VeInfo};

/// Metadata field IDs the model knows, by scope.
pub mod field {
    pub use super::metadata::{global, td, vp};
}

use fault::Faults;
use locks::{LockKey, LockTable, Mode};
use pamt::{HostAllocator, Pamt};
use status::{Fail, Outcome};
use td::{Td, Vcpu};

/// Leaf numbers (bits 15:0 of RAX; the whole RAX for the P-SEAMLDR leaves), from tdx-abi.md
/// §6 and §7.
pub mod leaf {
    use crate::Instruction;

    /// TDH.VP.ENTER.
    pub const TDH_VP_ENTER: u64 = 0;
    /// TDH.MNG.ADDCX.
    pub const TDH_MNG_ADDCX: u64 = 1;
    /// TDH.MEM.PAGE.ADD.
    pub const TDH_MEM_PAGE_ADD: u64 = 2;
    /// TDH.MEM.SEPT.ADD.
    pub const TDH_MEM_SEPT_ADD: u64 = 3;
    /// TDH.VP.ADDCX.
    pub const TDH_VP_ADDCX: u64 = 4;
    /// TDH.MEM.PAGE.AUG.
    pub const TDH_MEM_PAGE_AUG: u64 = 6;
    /// TDH.MEM.RANGE.BLOCK.
    pub const TDH_MEM_RANGE_BLOCK: u64 = 7;
    /// TDH.MNG.KEY.CONFIG.
    pub const TDH_MNG_KEY_CONFIG: u64 = 8;
    /// TDH.MNG.CREATE.
    pub const TDH_MNG_CREATE: u64 = 9;
    /// TDH.VP.CREATE.
    pub const TDH_VP_CREATE: u64 = 10;
    /// TDH.MNG.RD.
    pub const TDH_MNG_RD: u64 = 11;
    /// TDH.MR.EXTEND.
    pub const TDH_MR_EXTEND: u64 = 16;
    /// TDH.MR.FINALIZE.
    pub const TDH_MR_FINALIZE: u64 = 17;
    /// TDH.VP.FLUSH.
    pub const TDH_VP_FLUSH: u64 = 18;
    /// TDH.MNG.VPFLUSHDONE.
    pub const TDH_MNG_VPFLUSHDONE: u64 = 19;
    /// TDH.MNG.KEY.FREEID.
    pub const TDH_MNG_KEY_FREEID: u64 = 20;
    /// TDH.MNG.INIT.
    pub const TDH_MNG_INIT: u64 = 21;
    /// TDH.VP.INIT (the model accepts only version 1).
    pub const TDH_VP_INIT: u64 = 22;
    /// TDH.PHYMEM.PAGE.RDMD.
    pub const TDH_PHYMEM_PAGE_RDMD: u64 = 24;
    /// TDH.VP.RD.
    pub const TDH_VP_RD: u64 = 26;
    /// TDH.PHYMEM.PAGE.RECLAIM.
    pub const TDH_PHYMEM_PAGE_RECLAIM: u64 = 28;
    /// TDH.MEM.PAGE.REMOVE.
    pub const TDH_MEM_PAGE_REMOVE: u64 = 29;
    /// TDH.SYS.KEY.CONFIG.
    pub const TDH_SYS_KEY_CONFIG: u64 = 31;
    /// TDH.SYS.INIT.
    pub const TDH_SYS_INIT: u64 = 33;
    /// TDH.SYS.RD.
    pub const TDH_SYS_RD: u64 = 34;
    /// TDH.SYS.LP.INIT.
    pub const TDH_SYS_LP_INIT: u64 = 35;
    /// TDH.SYS.TDMR.INIT.
    pub const TDH_SYS_TDMR_INIT: u64 = 36;
    /// TDH.MEM.TRACK.
    pub const TDH_MEM_TRACK: u64 = 38;
    /// TDH.PHYMEM.CACHE.WB.
    pub const TDH_PHYMEM_CACHE_WB: u64 = 40;
    /// TDH.PHYMEM.PAGE.WBINVD.
    pub const TDH_PHYMEM_PAGE_WBINVD: u64 = 41;
    /// TDH.VP.WR.
    pub const TDH_VP_WR: u64 = 43;
    /// TDH.SYS.CONFIG.
    pub const TDH_SYS_CONFIG: u64 = 45;
    /// TDH.SYS.SHUTDOWN (number uncertain in the reference).
    pub const TDH_SYS_SHUTDOWN: u64 = 52;
    /// TDH.SYS.UPDATE (number uncertain in the reference).
    pub const TDH_SYS_UPDATE: u64 = 53;
    /// TDH.SYS.DISABLE (number uncertain in the reference).
    pub const TDH_SYS_DISABLE: u64 = 69;
    /// P-SEAMLDR INFO.
    pub const P_SEAMLDR_INFO: u64 = 1 << 63;
    /// P-SEAMLDR INSTALL.
    pub const P_SEAMLDR_INSTALL: u64 = (1 << 63) | 1;

    /// TDG.VP.VMCALL.
    pub const TDG_VP_VMCALL: u64 = 0;
    /// TDG.VP.INFO.
    pub const TDG_VP_INFO: u64 = 1;
    /// TDG.MR.RTMR.EXTEND.
    pub const TDG_MR_RTMR_EXTEND: u64 = 2;
    /// TDG.VP.VEINFO.GET.
    pub const TDG_VP_VEINFO_GET: u64 = 3;
    /// TDG.MR.REPORT.
    pub const TDG_MR_REPORT: u64 = 4;
    /// TDG.MEM.PAGE.ACCEPT.
    pub const TDG_MEM_PAGE_ACCEPT: u64 = 6;
    /// TDG.VM.RD.
    pub const TDG_VM_RD: u64 = 7;
    /// TDG.VM.WR.
    pub const TDG_VM_WR: u64 = 8;

    /// The VMX exit reason of a TD exit for TDG.VP.VMCALL (`EXIT_REASON_TDCALL`).
    pub const EXIT_REASON_TDCALL: u32 = 77;

    /// The spec name of a leaf the model knows.
    pub const fn name(instruction: Instruction, leaf: u64) -> Option<&'static str> {
        Some(match instruction {
            Instruction::Seamcall => match leaf {
                TDH_VP_ENTER => "TDH.VP.ENTER",
                TDH_MNG_ADDCX => "TDH.MNG.ADDCX",
                TDH_MEM_PAGE_ADD => "TDH.MEM.PAGE.ADD",
                TDH_MEM_SEPT_ADD => "TDH.MEM.SEPT.ADD",
                TDH_VP_ADDCX => "TDH.VP.ADDCX",
                TDH_MEM_PAGE_AUG => "TDH.MEM.PAGE.AUG",
                TDH_MEM_RANGE_BLOCK => "TDH.MEM.RANGE.BLOCK",
                TDH_MNG_KEY_CONFIG => "TDH.MNG.KEY.CONFIG",
                TDH_MNG_CREATE => "TDH.MNG.CREATE",
                TDH_VP_CREATE => "TDH.VP.CREATE",
                TDH_MNG_RD => "TDH.MNG.RD",
                TDH_MR_EXTEND => "TDH.MR.EXTEND",
                TDH_MR_FINALIZE => "TDH.MR.FINALIZE",
                TDH_VP_FLUSH => "TDH.VP.FLUSH",
                TDH_MNG_VPFLUSHDONE => "TDH.MNG.VPFLUSHDONE",
                TDH_MNG_KEY_FREEID => "TDH.MNG.KEY.FREEID",
                TDH_MNG_INIT => "TDH.MNG.INIT",
                TDH_VP_INIT => "TDH.VP.INIT",
                TDH_PHYMEM_PAGE_RDMD => "TDH.PHYMEM.PAGE.RDMD",
                TDH_VP_RD => "TDH.VP.RD",
                TDH_PHYMEM_PAGE_RECLAIM => "TDH.PHYMEM.PAGE.RECLAIM",
                TDH_MEM_PAGE_REMOVE => "TDH.MEM.PAGE.REMOVE",
                TDH_SYS_KEY_CONFIG => "TDH.SYS.KEY.CONFIG",
                TDH_SYS_INIT => "TDH.SYS.INIT",
                TDH_SYS_RD => "TDH.SYS.RD",
                TDH_SYS_LP_INIT => "TDH.SYS.LP.INIT",
                TDH_SYS_TDMR_INIT => "TDH.SYS.TDMR.INIT",
                TDH_MEM_TRACK => "TDH.MEM.TRACK",
                TDH_PHYMEM_CACHE_WB => "TDH.PHYMEM.CACHE.WB",
                TDH_PHYMEM_PAGE_WBINVD => "TDH.PHYMEM.PAGE.WBINVD",
                TDH_VP_WR => "TDH.VP.WR",
                TDH_SYS_CONFIG => "TDH.SYS.CONFIG",
                TDH_SYS_SHUTDOWN => "TDH.SYS.SHUTDOWN",
                TDH_SYS_UPDATE => "TDH.SYS.UPDATE",
                TDH_SYS_DISABLE => "TDH.SYS.DISABLE",
                P_SEAMLDR_INFO => "P-SEAMLDR.INFO",
                P_SEAMLDR_INSTALL => "P-SEAMLDR.INSTALL",
                _ => return None,
            },
            Instruction::Tdcall => match leaf {
                TDG_VP_VMCALL => "TDG.VP.VMCALL",
                TDG_VP_INFO => "TDG.VP.INFO",
                TDG_MR_RTMR_EXTEND => "TDG.MR.RTMR.EXTEND",
                TDG_VP_VEINFO_GET => "TDG.VP.VEINFO.GET",
                TDG_MR_REPORT => "TDG.MR.REPORT",
                TDG_MEM_PAGE_ACCEPT => "TDG.MEM.PAGE.ACCEPT",
                TDG_VM_RD => "TDG.VM.RD",
                TDG_VM_WR => "TDG.VM.WR",
                _ => return None,
            },
        })
    }
}

/// How the software module is set up: the platform it runs on and the knobs of the model.
#[derive(Debug, Clone)]
pub struct Config {
    /// The TDMRs (also reported as the CMRs). Pages the module is given must lie inside them.
    pub tdmrs: Vec<Tdmr>,
    /// Physical address width: KeyIDs sit above it in a keyed HPA (TDH.PHYMEM.PAGE.WBINVD).
    pub phys_bits: u8,
    /// The TDX private KeyIDs; TDH.SYS.CONFIG takes the global KeyID from this range and
    /// TDH.MNG.CREATE the TDs' HKIDs.
    pub hkids: std::ops::Range<u16>,
    /// Number of packages: TDH.SYS.KEY.CONFIG and TDH.MNG.KEY.CONFIG run once per package,
    /// TDH.PHYMEM.CACHE.WB once per package. A thread picks its package with [`with_package`].
    pub packages: u32,
    /// MAX_VCPUS_PER_TD (global metadata).
    pub max_vcpus_per_td: u16,
    /// TDCS pages per TD: TDCS_BASE_SIZE = `tdcs_pages * 4096`.
    pub tdcs_pages: u32,
    /// TDVPS pages per vCPU (the TDVPR and its TDCX pages): TDVPS_BASE_SIZE =
    /// `tdvps_pages * 4096`, TDH.VP.ADDCX is called `tdvps_pages - 1` times.
    pub tdvps_pages: u32,
    /// Bytes of a TDMR each TDH.SYS.TDMR.INIT initializes (a multiple of 4 KiB).
    pub tdmr_init_chunk: u64,
    /// How many times TDH.PHYMEM.CACHE.WB returns `TDX_INTERRUPTED_RESUMABLE` before it
    /// completes.
    pub cache_wb_interruptions: u32,
    /// How many times TDH.SYS.DISABLE returns `TDX_INTERRUPTED_RESUMABLE` before it completes.
    pub sys_disable_interruptions: u32,
    /// Largest guest physical address width a TD may ask for (48 or 52).
    pub max_gpaw: u8,
    /// How long a call keeps the module's locks after doing its work (default: no extra
    /// time). Raising it makes `TDX_OPERAND_BUSY` under contention likely, for tests.
    pub lock_hold: Duration,
    /// Seed of the generator behind [`Trigger::Rate`].
    pub seed: u64,
}

impl Config {
    /// One TDMR of `size` bytes at `base`, with a 4 MiB reserved area at its start (where a
    /// real PAMT would live), and the default knobs.
    pub fn single_tdmr(base: u64, size: u64) -> Self {
        Config {
            tdmrs: vec![Tdmr::new(base, size).with_reserved(0, 4 << 20)],
            ..Config::default()
        }
    }

    /// TDCS_BASE_SIZE / 4096.
    pub fn tdcx_per_td(&self) -> usize {
        self.tdcs_pages as usize
    }

    /// TDVPS_BASE_SIZE / 4096 - 1.
    pub fn tdcx_per_vcpu(&self) -> usize {
        self.tdvps_pages.saturating_sub(1) as usize
    }
}

impl Default for Config {
    /// One 1 GiB TDMR at 4 GiB with its first 4 MiB reserved, 46 physical address bits,
    /// KeyIDs 32..64, one package, 32 vCPUs per TD, 4 TDCS pages, 6 TDVPS pages,
    /// 256 MiB per TDMR.INIT, 2 CACHE.WB interruptions, 1 SYS.DISABLE interruption, GPAW up
    /// to 52, no extra lock hold, seed 0.
    fn default() -> Self {
        Config {
            tdmrs: vec![Tdmr::new(4 << 30, 1 << 30).with_reserved(0, 4 << 20)],
            phys_bits: 46,
            hkids: 32..64,
            packages: 1,
            max_vcpus_per_td: 32,
            tdcs_pages: 4,
            tdvps_pages: 6,
            tdmr_init_chunk: 256 << 20,
            cache_wb_interruptions: 2,
            sys_disable_interruptions: 1,
            max_gpaw: 52,
            lock_hold: Duration::ZERO,
            seed: 0,
        }
    }
}

/// The platform's initialization state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    Uninit,
    SysInit,
    Configured,
    Ready,
    Shutdown,
    UpdatePending,
    Disabled,
}

/// Platform-wide state.
#[derive(Debug)]
pub(crate) struct Sys {
    pub(crate) phase: Phase,
    pub(crate) lp_init: BTreeSet<u64>,
    pub(crate) key_pkgs: u64,
    pub(crate) global_keyid: Option<u16>,
    pub(crate) update_version: u16,
    pub(crate) disable_left: u32,
}

/// A key ownership table entry: an HKID in use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KotEntry {
    /// The owning TD (0 for the global KeyID).
    pub(crate) tdr: u64,
    /// TDH.MNG.VPFLUSHDONE has run: caches must be written back.
    pub(crate) flushed: bool,
    /// Packages whose caches still need TDH.PHYMEM.CACHE.WB.
    pub(crate) wbinvd_pending: u64,
}

/// A package's TDH.PHYMEM.CACHE.WB in progress.
#[derive(Debug, Clone, Default)]
pub(crate) struct WbSession {
    pub(crate) remaining: u32,
    pub(crate) hkids: Vec<u16>,
}

/// Per-leaf counters.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stat {
    calls: u64,
    errors: u64,
    faults: u64,
}

/// Everything the module knows, behind one mutex.
pub(crate) struct State {
    pub(crate) sys: Sys,
    pub(crate) pamt: Pamt,
    pub(crate) kot: BTreeMap<u16, KotEntry>,
    pub(crate) tds: BTreeMap<u64, Td>,
    pub(crate) vcpus: BTreeMap<u64, Vcpu>,
    pub(crate) locks: LockTable,
    pub(crate) faults: Faults,
    pub(crate) stats: BTreeMap<(bool, u64), Stat>,
    pub(crate) wb: Vec<Option<WbSession>>,
    pub(crate) alloc: HostAllocator,
    pub(crate) guests: HashMap<u64, Box<dyn Guest>>,
}

/// The shared part of a [`TdxModule`].
pub(crate) struct Inner {
    id: u64,
    pub(crate) config: Config,
    pub(crate) memory: Arc<dyn MemoryBacking>,
    state: Mutex<State>,
    vmm: Mutex<Box<dyn Vmm>>,
    pub(crate) secret: [u8; 32],
}

/// One call being answered: the state, the registers, and the locks it took.
pub(crate) struct Call<'a> {
    pub(crate) st: &'a mut State,
    pub(crate) cfg: &'a Config,
    pub(crate) mem: &'a dyn MemoryBacking,
    pub(crate) secret: &'a [u8; 32],
    pub(crate) cpu: &'a mut CpuState,
    pub(crate) version: u8,
    pub(crate) lp: u64,
    pub(crate) pkg: u32,
    pub(crate) held: Vec<(LockKey, Mode)>,
}

impl Call<'_> {
    /// Takes one of the module's locks, or fails with `TDX_OPERAND_BUSY` and `operand`.
    pub(crate) fn lock(&mut self, key: LockKey, mode: Mode, operand: u32) -> Result<(), Fail> {
        if self.held.contains(&(key, mode)) {
            return Ok(());
        }
        if self.st.locks.try_acquire(key, mode) {
            self.held.push((key, mode));
            Ok(())
        } else {
            Err(status::busy(operand))
        }
    }

    /// Gives back every lock this call took.
    fn release_all(&mut self) {
        for (key, mode) in self.held.drain(..) {
            self.st.locks.release(key, mode);
        }
    }
}

thread_local! {
    /// This thread's logical-processor ID (0 = not assigned yet).
    static LP: Cell<u64> = const { Cell::new(0) };
    /// This thread's package.
    static PACKAGE: Cell<u32> = const { Cell::new(0) };
    /// The vCPU this thread runs as a guest: (module ID, TDVPR).
    static GUEST: Cell<Option<(u64, u64)>> = const { Cell::new(None) };
    /// The modules whose VMM is answering a TDG.VP.VMCALL on this thread (see `Inner::call_vmm`).
    static IN_VMM: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Panics if this thread is inside the VMM of module `id`: taking the VMM lock again would
/// deadlock.
fn refuse_vmm_reentry(id: u64, what: &str) {
    if IN_VMM.with_borrow(|ids| ids.contains(&id)) {
        panic!(
            "tdx-emu: {what} from inside this TdxModule's VMM (set_vmm) while it answers a \
             TDG.VP.VMCALL on this thread: re-entrant VMM calls are not supported (they would \
             deadlock on the VMM lock)"
        );
    }
}

static NEXT_LP: AtomicU64 = AtomicU64::new(1);
static NEXT_MODULE: AtomicU64 = AtomicU64::new(1);

/// The logical-processor ID of the calling thread: the model treats each thread as one LP
/// (TDH.SYS.LP.INIT, vCPU association, TDH.VP.FLUSH are per LP).
pub fn current_lp() -> u64 {
    LP.with(|lp| {
        if lp.get() == 0 {
            lp.set(NEXT_LP.fetch_add(1, Ordering::Relaxed));
        }
        lp.get()
    })
}

/// The package of the calling thread (0 unless [`with_package`] says otherwise).
pub fn current_package() -> u32 {
    PACKAGE.get()
}

/// Runs `f` with the calling thread on package `package` (for the per-package leaves:
/// TDH.SYS.KEY.CONFIG, TDH.MNG.KEY.CONFIG, TDH.PHYMEM.CACHE.WB).
pub fn with_package<R>(package: u32, f: impl FnOnce() -> R) -> R {
    struct Restore(u32);
    impl Drop for Restore {
        fn drop(&mut self) {
            PACKAGE.set(self.0);
        }
    }
    let _restore = Restore(PACKAGE.replace(package));
    f()
}

/// What a SEAMCALL returned, for [`TdxModule::seamcall`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    /// RAX (stale when `cf` is set).
    pub status: TdxStatus,
    /// RFLAGS.CF: VMfailInvalid.
    pub cf: bool,
}

/// Calls to one leaf, from [`TdxModule::call_counts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeafCount {
    /// The instruction.
    pub instruction: Instruction,
    /// The leaf number.
    pub leaf: u64,
    /// The spec name, if the model knows the leaf.
    pub name: Option<&'static str>,
    /// Calls answered.
    pub calls: u64,
    /// Calls that failed (bit 63 of RAX set, or CF set).
    pub errors: u64,
    /// Calls an injected fault answered.
    pub faults: u64,
}

/// A software TDX module. Cheap to clone: clones share the same module.
///
/// See the [module docs](self) and `docs/emulator.md`. A downstream crate's test, with its own
/// wrappers declared with the DSL:
///
/// ```
/// use tdx_core::{abi, seamcall, Hkid, Page, Tdr, TdxError, TdxStatus};
/// use tdx_emu::module::{Config, PamtType, TdxModule};
///
/// #[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
/// unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, TdxError>;
///
/// let module = TdxModule::new(Config::default());
/// module.bring_up().expect("SYS.INIT .. TDMR.INIT, in software, LP.INIT for this thread");
/// let tdr: Page<Tdr> = module.alloc_page();
/// module.run(|| {
///     // SAFETY: under `run` the instruction traps into `module`; no real memory is touched.
///     let created = unsafe { tdh_mng_create(tdr, Hkid::new(33)) };
///     assert_eq!(created, Ok(TdxStatus::SUCCESS));
///     // SAFETY: as above.
///     let again = unsafe { tdh_mng_create(tdr, Hkid::new(34)) }.unwrap_err();
///     assert_eq!(again.status(), TdxStatus::PAGE_METADATA_INCORRECT.with_operand(1)); // RCX
/// });
/// assert_eq!(module.page(tdr.as_u64()).map(|p| p.page_type), Some(PamtType::Tdr));
/// assert_eq!(module.td(tdr.as_u64()).map(|td| td.hkid), Some(33));
/// ```
#[derive(Clone)]
pub struct TdxModule {
    inner: Arc<Inner>,
}

impl fmt::Debug for TdxModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TdxModule")
            .field("id", &self.inner.id)
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

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
        let state = State {
            sys: Sys {
                phase: Phase::Uninit,
                lp_init: BTreeSet::new(),
                key_pkgs: 0,
                global_keyid: None,
                update_version: 0,
                disable_left: config.sys_disable_interruptions,
            },
            pamt: Pamt::new(config.tdmrs.clone()),
            kot: BTreeMap::new(),
            tds: BTreeMap::new(),
            vcpus: BTreeMap::new(),
            locks: LockTable::default(),
            faults: Faults::new(config.seed),
            stats: BTreeMap::new(),
            wb: vec![None; config.packages as usize],
            alloc: HostAllocator::new(&config.tdmrs),
            guests: HashMap::new(),
        };
        Ok(TdxModule {
            inner: Arc::new(Inner {
                id,
                config,
                memory,
                state: Mutex::new(state),
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
    pub fn write_memory(&self, hpa: u64, data: &[u8]) {
        self.inner.memory.write(hpa, data);
    }

    /// Reads `len` bytes at `hpa` from the module's memory.
    pub fn read_memory(&self, hpa: u64, len: usize) -> Vec<u8> {
        let mut buf = vec![0; len];
        self.inner.memory.read(hpa, &mut buf);
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
    pub fn as_guest<R>(&self, tdvpr: u64, f: impl FnOnce() -> R) -> R {
        struct Restore(Option<(u64, u64)>);
        impl Drop for Restore {
            fn drop(&mut self) {
                GUEST.set(self.0);
            }
        }
        let _restore = Restore(GUEST.replace(Some((self.inner.id, tdvpr))));
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

    /// Answers one TDCALL in software as vCPU `tdvpr`.
    pub fn tdcall(&self, tdvpr: u64, leaf: u64, args: &mut ModuleArgs) -> TdxStatus {
        let mut cpu = cpu_from_args(leaf, args);
        self.inner.tdcall(Some(tdvpr), &mut cpu, false);
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
            .and_then(|hpa| Page::from_u64(hpa).ok())
        {
            Some(page) => page,
            None => panic!("tdx-emu: the TDMRs have no free 4 KiB page left"),
        }
    }

    /// A free page of `size`, aligned to its size, from the TDMRs; `None` if none is left.
    pub fn try_alloc(&self, size: PageSize) -> Option<u64> {
        self.inner.lock_state().alloc.alloc(size.bytes())
    }

    /// Gives a page from [`alloc_page`](Self::alloc_page) / [`try_alloc`](Self::try_alloc) back
    /// to the host allocator.
    pub fn free_page(&self, hpa: u64, size: PageSize) {
        self.inner.lock_state().alloc.free(hpa, size.bytes());
    }

    // ------------------------------------------------------------------ guests and VMM

    /// Installs the guest code vCPU `tdvpr` runs under TDH.VP.ENTER (by default an
    /// [`IdleGuest`] that exits with TDG.VP.VMCALL&lt;Instruction.HLT&gt;).
    pub fn set_guest(&self, tdvpr: u64, guest: impl Guest + 'static) {
        self.inner
            .lock_state()
            .guests
            .insert(tdvpr, Box::new(guest));
    }

    /// Replaces the VMM that answers TDG.VP.VMCALL from threads running
    /// [`as_guest`](Self::as_guest) (by default an [`ExampleVmm`]).
    pub fn set_vmm(&self, vmm: impl Vmm + 'static) {
        refuse_vmm_reentry(self.inner.id, "set_vmm");
        *self
            .inner
            .vmm
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Box::new(vmm);
    }

    /// Makes a #VE pending on vCPU `tdvpr`, for TDG.VP.VEINFO.GET. Returns `false` if there is
    /// no such vCPU.
    pub fn inject_ve(&self, tdvpr: u64, info: VeInfo) -> bool {
        match self.inner.lock_state().vcpus.get_mut(&tdvpr) {
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
        self.inner.lock_state().faults.add(fault)
    }

    /// Removes an injected fault; `false` if it was not injected.
    pub fn remove_fault(&self, id: FaultId) -> bool {
        self.inner.lock_state().faults.remove(id)
    }

    /// Removes every injected fault.
    pub fn clear_faults(&self) {
        self.inner.lock_state().faults.clear();
    }

    /// How often injected fault `id` has fired, if it is still injected.
    pub fn fault_hits(&self, id: FaultId) -> Option<u64> {
        self.inner.lock_state().faults.fired_of(id)
    }

    /// How many calls injected faults answered in all.
    pub fn faults_fired(&self) -> u64 {
        self.inner.lock_state().faults.fired
    }

    // ------------------------------------------------------------------ inspection

    /// Calls answered for one leaf (any version).
    pub fn calls(&self, instruction: Instruction, leaf: u64) -> u64 {
        let key = (instruction == Instruction::Tdcall, leaf);
        self.inner
            .lock_state()
            .stats
            .get(&key)
            .map_or(0, |s| s.calls)
    }

    /// Counters for every leaf called so far.
    pub fn call_counts(&self) -> Vec<LeafCount> {
        self.inner
            .lock_state()
            .stats
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
        self.inner
            .lock_state()
            .stats
            .values()
            .map(|s| s.calls)
            .sum()
    }

    /// What the PAMT says about the page containing `hpa`; `None` outside every TDMR.
    pub fn page(&self, hpa: u64) -> Option<PageInfo> {
        self.inner.lock_state().pamt.info(hpa)
    }

    /// Every page the module still owns (not `PT_NDA`, not reserved). After a full teardown
    /// and TDH.PHYMEM.PAGE.RECLAIM of every page this is empty.
    pub fn leaked_pages(&self) -> Vec<PageInfo> {
        self.inner
            .lock_state()
            .pamt
            .entries()
            .map(|(hpa, e)| PageInfo {
                hpa,
                page_type: e.page_type,
                owner: e.owner,
                size: e.size,
            })
            .collect()
    }

    /// The TDR pages of every TD the module knows (until their TDR is reclaimed).
    pub fn tds(&self) -> Vec<u64> {
        self.inner.lock_state().tds.keys().copied().collect()
    }

    /// A snapshot of the TD with root page `tdr`.
    pub fn td(&self, tdr: u64) -> Option<TdInfo> {
        let st = self.inner.lock_state();
        let td = st.tds.get(&tdr)?;
        let mut leaves = Vec::new();
        let mut sept_pages = Vec::new();
        for (&(level, gpa), entry) in td.sept.iter() {
            match *entry {
                sept::Entry::Leaf { hpa, .. } => {
                    leaves.push((level, gpa, hpa, sept::Entry::state(Some(entry))));
                }
                sept::Entry::NonLeaf { page } => sept_pages.push((level, gpa, page)),
            }
        }
        Some(TdInfo {
            tdr,
            hkid: td.hkid,
            lifecycle: td.lifecycle,
            op_state: td.op,
            tdcs_pages: td.tdcs.clone(),
            child_count: td.child_count,
            params: td.params,
            gpaw: td.gpaw,
            vcpus: td.vcpus.iter().copied().collect(),
            epoch: td.epoch,
            mrtd: td.mrtd_final,
            rtmr: td.rtmr,
            leaves,
            sept_pages,
        })
    }

    /// The final MRTD of TD `tdr` (after TDH.MR.FINALIZE).
    pub fn mrtd(&self, tdr: u64) -> Option<Digest48> {
        self.inner.lock_state().tds.get(&tdr)?.mrtd_final
    }

    /// The Secure-EPT leaf containing `gpa` in TD `tdr`: (level, base GPA, HPA, state).
    pub fn sept_leaf(&self, tdr: u64, gpa: u64) -> Option<(u8, u64, u64, SeptState)> {
        let st = self.inner.lock_state();
        let (level, base, entry) = st.tds.get(&tdr)?.sept.find_leaf(gpa)?;
        match entry {
            sept::Entry::Leaf { hpa, .. } => {
                Some((level, base, hpa, sept::Entry::state(Some(&entry))))
            }
            sept::Entry::NonLeaf { .. } => None,
        }
    }

    /// A snapshot of vCPU `tdvpr`.
    pub fn vcpu(&self, tdvpr: u64) -> Option<VcpuInfo> {
        let st = self.inner.lock_state();
        let v = st.vcpus.get(&tdvpr)?;
        Some(VcpuInfo {
            tdvpr,
            tdr: v.tdr,
            index: v.index,
            tdcx_pages: v.tdcx.clone(),
            state: v.state,
            x2apic_id: v.x2apic_id,
            associated_lp: v.associated_lp,
            entries: v.entries,
            gprs: v.gprs,
        })
    }

    /// Checks that the model's state is consistent: every PAMT page has one owner that
    /// exists, TDR child counts match the pages owned, PAMT and every Secure EPT agree (each
    /// `PT_REG` / `PT_EPT` page of a live TD is mapped exactly once, each mapping's page has
    /// the right PAMT entry), TDCS/TDCX/TDVPR pages are where the TD and vCPU records say,
    /// HKIDs are owned by their TDs, and no lock is left taken. Call it when no call is in
    /// flight.
    ///
    /// # Errors
    ///
    /// A description of the first inconsistency found.
    pub fn check_invariants(&self) -> Result<(), String> {
        let st = self.inner.lock_state();
        invariants(&st, &self.inner.config)
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

impl Inner {
    pub(crate) fn lock_state(&self) -> MutexGuard<'_, State> {
        // Handlers validate before they mutate, and a panic in one aborts the process (it runs
        // in the signal handler), so a poisoned lock still guards consistent state.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn handle(&self, instruction: Instruction, cpu: &mut CpuState) {
        match instruction {
            Instruction::Seamcall => self.seamcall(cpu),
            Instruction::Tdcall => {
                let guest = GUEST.get().filter(|&(id, _)| id == self.id).map(|(_, v)| v);
                self.tdcall(guest, cpu, false);
            }
        }
    }

    /// Counts the call and applies an injected fault, if one fires. Returns whether the call
    /// is answered.
    fn count_and_fault(
        st: &mut State,
        instruction: Instruction,
        leaf: u64,
        cpu: &mut CpuState,
    ) -> bool {
        let key = (instruction == Instruction::Tdcall, leaf);
        st.stats.entry(key).or_default().calls += 1;
        let Some(kind) = st.faults.check(instruction, leaf) else {
            return false;
        };
        let stat = st.stats.entry(key).or_default();
        stat.faults += 1;
        stat.errors += 1;
        match kind {
            FaultKind::Busy { operand } => {
                cpu.rax = TdxStatus::OPERAND_BUSY.with_operand(operand).raw();
            }
            FaultKind::NoEntropy => cpu.rax = TdxStatus::RND_NO_ENTROPY.raw(),
            FaultKind::VmFailInvalid => {
                if instruction == Instruction::Seamcall {
                    cpu.cf = true;
                } else {
                    // TDCALL has no VMfailInvalid: the call goes ahead.
                    stat.errors -= 1;
                    stat.faults -= 1;
                    return false;
                }
            }
            FaultKind::Status(status) => cpu.rax = status.raw(),
        }
        true
    }

    fn new_call<'a>(&'a self, st: &'a mut State, cpu: &'a mut CpuState, version: u8) -> Call<'a> {
        Call {
            st,
            cfg: &self.config,
            mem: &*self.memory,
            secret: &self.secret,
            cpu,
            version,
            lp: current_lp(),
            pkg: current_package(),
            held: Vec::new(),
        }
    }

    /// Writes the outcome, then keeps the call's locks for the hold window before releasing
    /// them (on failure they are released at once).
    fn finish(
        &self,
        mut st: MutexGuard<'_, State>,
        key: (bool, u64),
        outcome: Outcome,
        held: Vec<(LockKey, Mode)>,
        cpu: &mut CpuState,
    ) {
        let failed = match outcome {
            Ok(status) => {
                cpu.rax = status.raw();
                false
            }
            Err(Fail(status)) => {
                cpu.rax = status;
                true
            }
        };
        if failed || TdxStatus::from_raw(cpu.rax).is_error() {
            st.stats.entry(key).or_default().errors += 1;
        }
        if held.is_empty() {
            return;
        }
        if failed {
            for (key, mode) in held {
                st.locks.release(key, mode);
            }
            return;
        }
        drop(st);
        if self.config.lock_hold.is_zero() {
            std::thread::yield_now();
        } else {
            std::thread::sleep(self.config.lock_hold);
        }
        let mut st = self.lock_state();
        for (key, mode) in held {
            st.locks.release(key, mode);
        }
    }

    fn seamcall(&self, cpu: &mut CpuState) {
        let rax = cpu.rax;
        let p_seamldr = rax >> 63 != 0;
        let leaf = if p_seamldr { rax } else { rax & 0xFFFF };
        let version = ((rax >> 16) & 0xFF) as u8;
        let mut st = self.lock_state();
        if Self::count_and_fault(&mut st, Instruction::Seamcall, leaf, cpu) {
            return;
        }
        let key = (false, leaf);
        if !p_seamldr && st.sys.phase == Phase::Disabled {
            // The module is disabled: SEAMCALL fails with VMfailInvalid, RAX untouched.
            st.stats.entry(key).or_default().errors += 1;
            cpu.cf = true;
            return;
        }
        let reserved_bits = if p_seamldr {
            rax & !((1 << 63) | 0xFFFF)
        } else {
            rax >> 24
        };
        if reserved_bits != 0 {
            st.stats.entry(key).or_default().errors += 1;
            cpu.rax = TdxStatus::OPERAND_INVALID.raw();
            return;
        }
        if leaf == leaf::TDH_VP_ENTER {
            self.vp_enter(st, cpu, version);
            return;
        }
        let (outcome, held) = {
            let mut call = self.new_call(&mut st, cpu, version);
            let outcome = host::dispatch(&mut call, leaf);
            if outcome.is_err() {
                call.release_all();
            }
            (outcome, std::mem::take(&mut call.held))
        };
        self.finish(st, key, outcome, held, cpu);
    }

    /// TDH.VP.ENTER: take the vCPU, run its guest code with the state unlocked, apply the exit.
    fn vp_enter(&self, mut st: MutexGuard<'_, State>, cpu: &mut CpuState, version: u8) {
        let key = (false, leaf::TDH_VP_ENTER);
        let (prepared, held) = {
            let mut call = self.new_call(&mut st, cpu, version);
            let prepared = host::vp_enter_prepare(&mut call);
            if prepared.is_err() {
                call.release_all();
            }
            (prepared, std::mem::take(&mut call.held))
        };
        let prepared = match prepared {
            Ok(prepared) => prepared,
            Err(fail) => {
                self.finish(st, key, Err(fail), Vec::new(), cpu);
                return;
            }
        };
        let mut guest = st
            .guests
            .remove(&prepared.tdvpr)
            .unwrap_or_else(|| Box::new(IdleGuest));
        drop(st);

        let mut ctx = GuestContext::new(self, &prepared);
        let exit = panic::catch_unwind(AssertUnwindSafe(|| guest.run(&mut ctx)));

        let mut st = self.lock_state();
        let panicked = exit.is_err();
        host::vp_enter_finish(&mut st, &prepared, ctx.into_gprs(), exit.ok(), cpu);
        if !panicked {
            st.guests.entry(prepared.tdvpr).or_insert(guest);
        }
        for (lock, mode) in held {
            st.locks.release(lock, mode);
        }
        if TdxStatus::from_raw(cpu.rax).is_error() {
            st.stats.entry(key).or_default().errors += 1;
        }
    }

    /// Hands a TDG.VP.VMCALL to the VMM, refusing (with a panic) a re-entrant TDG.VP.VMCALL
    /// made by the VMM itself, which would otherwise wait for the VMM lock forever.
    fn call_vmm(&self, info: &VmcallInfo, regs: &mut ModuleArgs) {
        struct Leave(u64);
        impl Drop for Leave {
            fn drop(&mut self) {
                IN_VMM.with_borrow_mut(|ids| ids.retain(|&id| id != self.0));
            }
        }
        refuse_vmm_reentry(self.id, "a re-entrant TDG.VP.VMCALL");
        IN_VMM.with_borrow_mut(|ids| ids.push(self.id));
        let _leave = Leave(self.id);
        self.vmm
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .tdvmcall(info, regs);
    }

    /// Answers a TDCALL as vCPU `guest` (`None`: this thread runs no vCPU). `direct`: called
    /// from guest code inside TDH.VP.ENTER (TDG.VP.VMCALL must be a [`VmExit`] there).
    pub(crate) fn tdcall(&self, guest: Option<u64>, cpu: &mut CpuState, direct: bool) {
        let rax = cpu.rax;
        let leaf = rax & 0xFFFF;
        let version = ((rax >> 16) & 0xFF) as u8;
        let mut st = self.lock_state();
        if Self::count_and_fault(&mut st, Instruction::Tdcall, leaf, cpu) {
            return;
        }
        let key = (true, leaf);
        let Some(tdvpr) = guest else {
            st.stats.entry(key).or_default().errors += 1;
            cpu.rax = TdxStatus::OPERAND_INVALID.raw();
            return;
        };
        if rax >> 16 != 0 {
            st.stats.entry(key).or_default().errors += 1;
            cpu.rax = TdxStatus::OPERAND_INVALID.raw();
            return;
        }
        if leaf == leaf::TDG_VP_VMCALL {
            if direct {
                st.stats.entry(key).or_default().errors += 1;
                cpu.rax = TdxStatus::OPERAND_INVALID.raw();
                return;
            }
            let prepared = {
                let mut call = self.new_call(&mut st, cpu, version);
                guest::vmcall_prepare(&mut call, tdvpr)
            };
            match prepared {
                Ok((info, mut regs)) => {
                    drop(st);
                    self.call_vmm(&info, &mut regs);
                    guest::vmcall_finish(&info, &regs, cpu);
                }
                Err(Fail(status)) => {
                    st.stats.entry(key).or_default().errors += 1;
                    cpu.rax = status;
                }
            }
            return;
        }
        let (outcome, held) = {
            let mut call = self.new_call(&mut st, cpu, version);
            let outcome = guest::dispatch(&mut call, tdvpr, leaf);
            if outcome.is_err() {
                call.release_all();
            }
            (outcome, std::mem::take(&mut call.held))
        };
        self.finish(st, key, outcome, held, cpu);
    }
}

/// The consistency checks of [`TdxModule::check_invariants`].
fn invariants(st: &State, cfg: &Config) -> Result<(), String> {
    use pamt::{PAGE_1G, PAGE_2M};
    if st.locks.any_held() {
        return Err("a module lock is still held".into());
    }
    let mut owned: BTreeMap<u64, u64> = BTreeMap::new();
    let entries: Vec<(u64, pamt::Entry)> = st.pamt.entries().collect();
    for &(hpa, e) in &entries {
        let bytes = e.size.bytes();
        if !hpa.is_multiple_of(bytes) {
            return Err(format!("PAMT: {hpa:#x} misaligned for {}", e.size));
        }
        if e.size != PageSize::Size4K {
            let inner = entries
                .iter()
                .filter(|(other, _)| *other > hpa && *other < hpa + bytes)
                .count();
            if inner != 0 {
                return Err(format!("PAMT: page inside {hpa:#x} has two owners"));
            }
        }
        for (align, size) in [(PAGE_2M, PageSize::Size2M), (PAGE_1G, PageSize::Size1G)] {
            let base = hpa & !(align - 1);
            if base != hpa
                && size > e.size
                && entries.iter().any(|&(b, o)| b == base && o.size == size)
            {
                return Err(format!("PAMT: {hpa:#x} also inside a {size} page"));
            }
        }
        match e.page_type {
            PamtType::Tdr => {
                if e.owner != hpa || !st.tds.contains_key(&hpa) {
                    return Err(format!("PAMT: TDR {hpa:#x} without a TD"));
                }
            }
            PamtType::Nda | PamtType::Rsvd => {
                return Err(format!("PAMT: {hpa:#x} stored as {}", e.page_type));
            }
            _ => {
                if !st.tds.contains_key(&e.owner) {
                    return Err(format!(
                        "PAMT: {hpa:#x} ({}) owned by missing TD {:#x}",
                        e.page_type, e.owner
                    ));
                }
                *owned.entry(e.owner).or_default() += bytes / 4096;
            }
        }
    }
    for (&tdr, td) in &st.tds {
        if td.tdr != tdr {
            return Err(format!("TD {tdr:#x} filed under the wrong TDR"));
        }
        let count = owned.get(&tdr).copied().unwrap_or(0);
        if count != td.child_count {
            return Err(format!(
                "TD {tdr:#x}: child count {} but {count} pages owned",
                td.child_count
            ));
        }
        td.sept.check().map_err(|e| format!("TD {tdr:#x}: {e}"))?;
        let live = td.lifecycle != Lifecycle::Teardown;
        for (&(level, gpa), entry) in td.sept.iter() {
            let (page, want, size) = match *entry {
                sept::Entry::Leaf { hpa, .. } => (
                    hpa,
                    PamtType::Reg,
                    match level {
                        0 => PageSize::Size4K,
                        1 => PageSize::Size2M,
                        _ => PageSize::Size1G,
                    },
                ),
                sept::Entry::NonLeaf { page } => (page, PamtType::Ept, PageSize::Size4K),
            };
            match st.pamt.lookup(page) {
                Some((base, e))
                    if base == page && e.page_type == want && e.owner == tdr && e.size == size => {}
                other => {
                    return Err(format!(
                        "TD {tdr:#x}: SEPT level {level} GPA {gpa:#x} maps {page:#x} but PAMT says {other:?}"
                    ));
                }
            }
        }
        if live {
            if st.kot.get(&td.hkid).map(|k| k.tdr) != Some(tdr) {
                return Err(format!("TD {tdr:#x}: HKID {} not owned by it", td.hkid));
            }
            if td.tdcs.len() > cfg.tdcx_per_td() {
                return Err(format!("TD {tdr:#x}: too many TDCS pages"));
            }
        }
        for &v in &td.vcpus {
            match st.vcpus.get(&v) {
                Some(vcpu) if vcpu.tdr == tdr => {}
                _ => return Err(format!("TD {tdr:#x}: vCPU {v:#x} missing")),
            }
        }
    }
    for &(hpa, e) in &entries {
        let Some(td) = st.tds.get(&e.owner) else {
            continue;
        };
        let live = td.lifecycle != Lifecycle::Teardown;
        match e.page_type {
            PamtType::Reg | PamtType::Ept if live && td.sept.find_hpa(hpa).is_none() => {
                return Err(format!(
                    "PAMT: {hpa:#x} ({}) of TD {:#x} not in its SEPT",
                    e.page_type, e.owner
                ));
            }
            PamtType::Tdcx => {
                let in_td = td.tdcs.contains(&hpa);
                let in_vcpu = td
                    .vcpus
                    .iter()
                    .filter_map(|v| st.vcpus.get(v))
                    .filter(|v| v.tdcx.contains(&hpa))
                    .count();
                if usize::from(in_td) + in_vcpu > 1 || (live && !in_td && in_vcpu == 0) {
                    return Err(format!("PAMT: TDCX page {hpa:#x} not where its TD says"));
                }
            }
            PamtType::Tdvpr if st.vcpus.get(&hpa).map(|v| v.tdr) != Some(e.owner) => {
                return Err(format!("PAMT: TDVPR {hpa:#x} without a vCPU"));
            }
            _ => {}
        }
    }
    for (&tdvpr, vcpu) in &st.vcpus {
        if vcpu.tdvpr != tdvpr {
            return Err(format!("vCPU {tdvpr:#x} filed under the wrong TDVPR"));
        }
        if st.pamt.lookup(tdvpr).map(|(_, e)| e.page_type) != Some(PamtType::Tdvpr) {
            return Err(format!("vCPU {tdvpr:#x}: TDVPR page not PT_TDVPR"));
        }
        if vcpu.running {
            return Err(format!("vCPU {tdvpr:#x}: still marked running"));
        }
    }
    for (&hkid, k) in &st.kot {
        if k.tdr != 0 && st.tds.get(&k.tdr).map(|t| t.hkid) != Some(hkid) {
            return Err(format!("KOT: HKID {hkid} owned by missing TD {:#x}", k.tdr));
        }
    }
    Ok(())
}
