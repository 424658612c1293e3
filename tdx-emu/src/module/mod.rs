//! A software TDX module: the state the SEAMCALL/TDCALL ABI makes observable, behind the trap.
//!
//! [`TdxModule`] answers every SEAMCALL leaf Linux issues (torvalds/linux
//! `arch/x86/virt/vmx/tdx/tdx.h@43db1111`, `tdx.c@0eaed89c`) and every TDCALL leaf
//! (`arch/x86/include/asm/shared/tdx.h@702fdf35`), routes TDG.VP.VMCALL to a pluggable [`Vmm`],
//! and keeps:
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

mod api;
mod config;
mod dispatch;
mod fault;
mod field_table;
mod guest;
mod inspect;
mod invariants;
pub mod leaf;
mod locks;
mod md;
mod md_values;
mod measure;
mod memory;
mod metadata;
mod op_state;
mod pamt;
#[cfg(test)]
mod scaling;
pub(crate) mod seamcall;
mod sept;
mod sept_state;
mod shared;
mod status;
mod td;
pub(crate) mod tdcall;
mod vmm;

use std::cell::Cell;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tdx_core::TdxStatus;

use crate::trap::{CpuState, Instruction};

pub use api::FreeError;
pub use config::Config;
pub use fault::{Fault, FaultId, FaultKind, Trigger};
pub use guest::{Guest, GuestContext, IdleGuest, VmExit};
pub use inspect::{PageInfo, SeptMapping, SeptTable, TdInfo, VcpuInfo};
pub use measure::{Digest48, MrtdBuilder, TdReport};
pub use memory::{MemoryBacking, SparseMemory, ZeroMemory};
pub use pamt::{ConfigError, PamtType, ReservedArea, Tdmr};
pub use sept::SeptState;
pub use status::{NOT_MODELLED, PAGE_ALREADY_ACCEPTED, operand};
pub use td::{Lifecycle, OpState, TdParams, VcpuState, VeInfo};
pub use vmm::{ExampleVmm, VmcallInfo, Vmm};

use fault::Faults;
use locks::{LockKey, LockTable, Mode};
use pamt::{HostAllocator, Pamt};
use shared::{Global, GuestCode, LazyGlobal, Stats, TdIndex, TdView, VcpuView};

use status::{Fail, Outcome};

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
    pub(crate) calls: u64,
    pub(crate) errors: u64,
    pub(crate) faults: u64,
}

/// What one call sees of the module's state: the global part (locked on first use), the PAMT
/// and the lock table (concurrent), and the one TD the call acts on (locked for the call).
pub(crate) struct State<'a> {
    pub(crate) g: LazyGlobal<'a>,
    pub(crate) pamt: &'a Pamt,
    pub(crate) locks: &'a LockTable,
    pub(crate) tds: TdView<'a>,
    pub(crate) vcpus: VcpuView<'a>,
    /// A second TD the call reads (TDH.SERVTD.BIND: the service TD) or writes (TDG.SERVTD.WR:
    /// the bound target TD), locked with the first.
    pub(crate) other: Option<(u64, &'a mut td::Td)>,
}

/// The shared part of a [`TdxModule`].
pub(crate) struct Inner {
    id: u64,
    pub(crate) config: Config,
    pub(crate) memory: Arc<dyn MemoryBacking>,
    pub(crate) global: Mutex<Global>,
    pub(crate) tds: TdIndex,
    pub(crate) guests: GuestCode,
    pub(crate) pamt: Pamt,
    pub(crate) locks: LockTable,
    pub(crate) faults: Mutex<Faults>,
    /// Whether any fault was ever injected (calls skip the fault table otherwise).
    pub(crate) faults_armed: AtomicBool,
    pub(crate) stats: Stats,
    /// `Sys::phase == Ready` and `== Disabled`, kept by the platform leaves for the others.
    pub(crate) ready: AtomicBool,
    pub(crate) disabled: AtomicBool,
    /// Bumped by every platform leaf: an LP's cached TDH.SYS.LP.INIT is checked again.
    pub(crate) lp_generation: AtomicU64,
    vmm: Mutex<Box<dyn Vmm>>,
    pub(crate) secret: [u8; 32],
}

/// One call being answered: the state, the registers, and the locks it took.
pub(crate) struct Call<'a> {
    pub(crate) st: State<'a>,
    pub(crate) cfg: &'a Config,
    pub(crate) mem: &'a dyn MemoryBacking,
    pub(crate) secret: &'a [u8; 32],
    /// The vCPUs' guest code (TDH.PHYMEM.PAGE.RECLAIM of a TDVPR drops it).
    pub(crate) guests: &'a GuestCode,
    pub(crate) cpu: &'a mut CpuState,
    pub(crate) version: u8,
    pub(crate) lp: u64,
    pub(crate) pkg: u32,
    /// This LP's TDH.SYS.LP.INIT is known to be done (cached per thread).
    pub(crate) lp_ready: bool,
    /// The platform is known to be ready.
    pub(crate) ready: bool,
    pub(crate) module_id: u64,
    pub(crate) lp_generation: u64,
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
    /// (module ID, LP generation) pairs for which this thread's TDH.SYS.LP.INIT is done.
    static LP_READY: std::cell::RefCell<Vec<(u64, u64)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether this thread's LP.INIT on module `id` is cached as done in `generation`.
pub(crate) fn lp_ready_cached(id: u64, generation: u64) -> bool {
    LP_READY.with_borrow(|ready| ready.contains(&(id, generation)))
}

/// Caches this thread's LP.INIT on module `id` as done in `generation`.
pub(crate) fn cache_lp_ready(id: u64, generation: u64) {
    LP_READY.with_borrow_mut(|ready| {
        ready.retain(|&(m, _)| m != id);
        ready.push((id, generation));
    });
}

/// Panics if this thread is inside the VMM of module `id`: taking the VMM lock again would
/// deadlock.
pub(crate) fn refuse_vmm_reentry(id: u64, what: &str) {
    if IN_VMM.with_borrow(|ids| ids.contains(&id)) {
        panic!(
            "tdx-emu: {what} from inside this TdxModule's VMM (set_vmm) while it answers a \
             TDG.VP.VMCALL on this thread: re-entrant VMM calls are not supported (they would \
             deadlock on the VMM lock)"
        );
    }
}

/// Marks this thread as inside module `id`'s VMM until dropped.
pub(crate) struct InVmm(u64);

impl InVmm {
    pub(crate) fn enter(id: u64) -> InVmm {
        IN_VMM.with_borrow_mut(|ids| ids.push(id));
        InVmm(id)
    }
}

impl Drop for InVmm {
    fn drop(&mut self) {
        IN_VMM.with_borrow_mut(|ids| ids.retain(|&id| id != self.0));
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
/// assert_eq!(module.page(tdr.hpa()).map(|p| (p.page_type, p.owner)), Some((PamtType::Tdr, Some(tdr))));
/// assert_eq!(module.td(tdr).map(|td| td.hkid), Some(Hkid::new(33)));
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
