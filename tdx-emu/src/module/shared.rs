//! Where the model's state lives, so that calls on independent resources run in parallel.
//!
//! There is no global state lock. The module's own locks ([`LockTable`](super::locks)) decide
//! which call may act on what (a conflicting call gets `TDX_OPERAND_BUSY`, never waits); the
//! data sit in separate places, each behind a mutex that is held only while a handler runs (a
//! fraction of a microsecond, never across `Config::lock_hold`):
//!
//! * each TD's state (its TDR/TDCS record, Secure EPT, vCPUs) in its own [`TdShard`], found
//!   through a sharded index; a call locks the one TD it acts on ([`TdView`], [`VcpuView`]);
//! * the PAMT, sharded by page (`pamt.rs`);
//! * the platform, key ownership table, cache write-back sessions and host allocator in
//!   [`Global`], locked lazily by the few leaves that touch them ([`LazyGlobal`]);
//! * the vCPUs' guest code, sharded by TDVPR ([`GuestCode`]);
//! * counters per logical processor ([`Stats`]); injected faults behind their own mutex.
//!
//! Lock order (for the Rust mutexes): a TD shard (two for TDH.SERVTD.BIND, in ascending TDR
//! order), then `Global`; PAMT and lock-table shards are
//! leaves (nothing is locked while one is held). Inspection locks TD shards in ascending TDR
//! order, one at a time.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap};
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};

use super::guest::Guest;
use super::pamt::HostAllocator;
use super::td::{Td, Vcpu};
use super::{KotEntry, Stat, Sys, WbSession};

/// Locks a mutex whose data stay consistent when a holder panicked (handlers validate before
/// they mutate, and a panic in one inside the trap aborts the process).
pub(crate) fn guard<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    touched(mutex);
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Platform-wide state the TD leaves rarely touch.
pub(crate) struct Global {
    pub(crate) sys: Sys,
    pub(crate) kot: BTreeMap<u16, KotEntry>,
    pub(crate) wb: Vec<Option<WbSession>>,
    pub(crate) alloc: HostAllocator,
}

/// One TD's state: its record and its vCPUs. `dead` once its TDR was reclaimed (a call that
/// waited for the shard then finds no TD).
pub(crate) struct TdState {
    pub(crate) td: Td,
    pub(crate) vcpus: BTreeMap<u64, Vcpu>,
    pub(crate) dead: bool,
}

/// A TD's shard.
pub(crate) type TdShard = Arc<Mutex<TdState>>;

/// Shards of the TD index: TDs whose TDR pages are less than this many pages apart never share
/// one (a lookup takes its shard's read lock, an atomic write on its cache line).
const INDEX_SHARDS: usize = 1024;

#[derive(Default)]
#[repr(align(128))]
struct IndexShard(RwLock<HashMap<u64, TdShard>>);

/// TDR → TD shard, sharded so that lookups of different TDs do not share a cache line.
pub(crate) struct TdIndex {
    shards: Box<[IndexShard]>,
}

impl Default for TdIndex {
    fn default() -> Self {
        TdIndex {
            shards: (0..INDEX_SHARDS).map(|_| IndexShard::default()).collect(),
        }
    }
}

impl TdIndex {
    fn shard(&self, tdr: u64) -> &RwLock<HashMap<u64, TdShard>> {
        let shard = &self.shards[(tdr >> 12) as usize % INDEX_SHARDS].0;
        touched(shard);
        shard
    }

    pub(crate) fn get(&self, tdr: u64) -> Option<TdShard> {
        let map = self
            .shard(tdr)
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        map.get(&tdr).cloned()
    }

    pub(crate) fn insert(&self, tdr: u64, td: Td) {
        let shard = Arc::new(Mutex::new(TdState {
            td,
            vcpus: BTreeMap::new(),
            dead: false,
        }));
        let mut map = self
            .shard(tdr)
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        map.insert(tdr, shard);
    }

    pub(crate) fn remove(&self, tdr: u64) {
        let mut map = self
            .shard(tdr)
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        map.remove(&tdr);
    }

    /// Every TD, in ascending TDR order.
    pub(crate) fn all(&self) -> Vec<(u64, TdShard)> {
        let mut all: Vec<(u64, TdShard)> = self
            .shards
            .iter()
            .flat_map(|s| {
                let map = s.0.read().unwrap_or_else(PoisonError::into_inner);
                map.iter().map(|(&k, v)| (k, v.clone())).collect::<Vec<_>>()
            })
            .collect();
        all.sort_by_key(|&(tdr, _)| tdr);
        all
    }
}

/// The TD a call locked (at most one), as the handlers see it: a map with at most one entry,
/// plus a TD created or removed by the call (applied to the index after the handler).
pub(crate) struct TdView<'a> {
    locked: Option<(u64, &'a mut Td)>,
    pub(crate) created: Option<(u64, Td)>,
    pub(crate) removed: Option<u64>,
}

impl<'a> TdView<'a> {
    pub(crate) fn new(locked: Option<(u64, &'a mut Td)>) -> Self {
        TdView {
            locked,
            created: None,
            removed: None,
        }
    }

    pub(crate) fn get(&self, tdr: &u64) -> Option<&Td> {
        if self.removed == Some(*tdr) {
            return None;
        }
        match (&self.locked, &self.created) {
            (Some((k, td)), _) if k == tdr => Some(&**td),
            (_, Some((k, td))) if k == tdr => Some(td),
            _ => None,
        }
    }

    pub(crate) fn get_mut(&mut self, tdr: &u64) -> Option<&mut Td> {
        if self.removed == Some(*tdr) {
            return None;
        }
        match (&mut self.locked, &mut self.created) {
            (Some((k, td)), _) if k == tdr => Some(&mut **td),
            (_, Some((k, td))) if k == tdr => Some(td),
            _ => None,
        }
    }

    pub(crate) fn contains_key(&self, tdr: &u64) -> bool {
        self.get(tdr).is_some()
    }

    /// A new TD (TDH.MNG.CREATE).
    pub(crate) fn insert(&mut self, tdr: u64, td: Td) {
        self.created = Some((tdr, td));
    }

    /// The TD's root page was reclaimed.
    pub(crate) fn remove(&mut self, tdr: &u64) {
        self.removed = Some(*tdr);
    }
}

/// The vCPUs of the TD a call locked.
pub(crate) struct VcpuView<'a> {
    map: Option<&'a mut BTreeMap<u64, Vcpu>>,
}

impl<'a> VcpuView<'a> {
    pub(crate) fn new(map: Option<&'a mut BTreeMap<u64, Vcpu>>) -> Self {
        VcpuView { map }
    }

    pub(crate) fn get(&self, tdvpr: &u64) -> Option<&Vcpu> {
        self.map.as_ref()?.get(tdvpr)
    }

    pub(crate) fn get_mut(&mut self, tdvpr: &u64) -> Option<&mut Vcpu> {
        self.map.as_mut()?.get_mut(tdvpr)
    }

    pub(crate) fn insert(&mut self, tdvpr: u64, vcpu: Vcpu) {
        if let Some(map) = self.map.as_mut() {
            map.insert(tdvpr, vcpu);
        }
    }

    pub(crate) fn remove(&mut self, tdvpr: &u64) -> Option<Vcpu> {
        self.map.as_mut()?.remove(tdvpr)
    }
}

const GUEST_SHARDS: usize = 256;

#[derive(Default)]
#[repr(align(128))]
struct GuestShard(Mutex<HashMap<u64, Box<dyn Guest>>>);

/// The guest code of every vCPU (by TDVPR), sharded as the TD index is: TDH.VP.ENTER takes a
/// vCPU's code out for the guest run and puts it back, and vCPUs less than [`GUEST_SHARDS`]
/// pages apart never share a shard.
pub(crate) struct GuestCode {
    shards: Box<[GuestShard]>,
}

impl Default for GuestCode {
    fn default() -> Self {
        GuestCode {
            shards: (0..GUEST_SHARDS).map(|_| GuestShard::default()).collect(),
        }
    }
}

impl GuestCode {
    fn shard(&self, tdvpr: u64) -> MutexGuard<'_, HashMap<u64, Box<dyn Guest>>> {
        guard(&self.shards[(tdvpr >> 12) as usize % GUEST_SHARDS].0)
    }

    /// Installs (or replaces) vCPU `tdvpr`'s code.
    pub(crate) fn insert(&self, tdvpr: u64, guest: Box<dyn Guest>) {
        self.shard(tdvpr).insert(tdvpr, guest);
    }

    /// Takes vCPU `tdvpr`'s code out (for a guest run, or because the vCPU is gone).
    pub(crate) fn take(&self, tdvpr: u64) -> Option<Box<dyn Guest>> {
        self.shard(tdvpr).remove(&tdvpr)
    }

    /// Puts the code back after a guest run, unless new code was installed meanwhile.
    pub(crate) fn put_back(&self, tdvpr: u64, guest: Box<dyn Guest>) {
        self.shard(tdvpr).entry(tdvpr).or_insert(guest);
    }
}

/// [`Global`], locked on first use by a call and held until the call's state is dropped.
pub(crate) struct LazyGlobal<'a> {
    mutex: &'a Mutex<Global>,
    guard: OnceCell<MutexGuard<'a, Global>>,
}

impl<'a> LazyGlobal<'a> {
    pub(crate) fn new(mutex: &'a Mutex<Global>) -> Self {
        LazyGlobal {
            mutex,
            guard: OnceCell::new(),
        }
    }

    /// Whether a call took the global state.
    pub(crate) fn taken(&self) -> bool {
        self.guard.get().is_some()
    }
}

impl Deref for LazyGlobal<'_> {
    type Target = Global;

    fn deref(&self) -> &Global {
        self.guard.get_or_init(|| guard(self.mutex))
    }
}

impl DerefMut for LazyGlobal<'_> {
    fn deref_mut(&mut self) -> &mut Global {
        if self.guard.get().is_none() {
            let _ = self.guard.set(guard(self.mutex));
        }
        match self.guard.get_mut() {
            Some(global) => global,
            // Just set above.
            None => unreachable!("the global state guard was just taken"),
        }
    }
}

const STAT_SHARDS: usize = 16;

#[derive(Default)]
#[repr(align(128))]
struct StatShard(Mutex<BTreeMap<(bool, u64), Stat>>);

/// Call counters, one shard per logical processor (modulo [`STAT_SHARDS`]), summed on read.
pub(crate) struct Stats {
    shards: Box<[StatShard]>,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            shards: (0..STAT_SHARDS).map(|_| StatShard::default()).collect(),
        }
    }
}

impl Stats {
    /// Updates the counters of `key` on LP `lp`'s shard.
    pub(crate) fn update(&self, lp: u64, key: (bool, u64), f: impl FnOnce(&mut Stat)) {
        let mut map = guard(&self.shards[lp as usize % STAT_SHARDS].0);
        f(map.entry(key).or_default());
    }

    /// Every leaf's counters, summed over the shards.
    pub(crate) fn sum(&self) -> BTreeMap<(bool, u64), Stat> {
        let mut all: BTreeMap<(bool, u64), Stat> = BTreeMap::new();
        for shard in &self.shards {
            for (&key, stat) in guard(&shard.0).iter() {
                let total = all.entry(key).or_default();
                total.calls += stat.calls;
                total.errors += stat.errors;
                total.faults += stat.faults;
            }
        }
        all
    }
}

/// Records that this thread wrote `place`'s cache line (a lock word: a mutex, a read-write
/// lock, an atomic lock), in tests: `tests/scaling` checks that calls on independent TDs share
/// none but the module's own (`module::scaling`). Compiled out of the library.
#[cfg(test)]
pub(crate) fn touched<T: ?Sized>(place: &T) {
    let line = (place as *const T).cast::<u8>() as usize / 64;
    TOUCHED.with_borrow_mut(|lines| {
        lines.insert(line);
    });
}

#[cfg(not(test))]
#[inline(always)]
pub(crate) fn touched<T: ?Sized>(_place: &T) {}

#[cfg(test)]
thread_local! {
    /// The cache lines of the lock words this thread wrote (see [`touched`]).
    pub(crate) static TOUCHED: std::cell::RefCell<std::collections::BTreeSet<usize>> =
        const { std::cell::RefCell::new(std::collections::BTreeSet::new()) };
}
