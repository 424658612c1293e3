//! The TDX module's own locks, simulated, and the only arbiter between calls.
//!
//! The real module never waits for a lock: it *tries* each one (the TDR page's PAMT lock, the
//! Secure-EPT tree lock, the TD epoch lock, the key ownership table, ...) and returns
//! `TDX_OPERAND_BUSY` with the operand ID of whatever it could not take. The model does the
//! same: [`LockTable`] is a concurrent table (sharded, each shard behind its own short mutex)
//! that every call tries its locks in, shared or exclusive as the module's handler takes them,
//! and gives back when the leaf returns (tests of contention can widen that window with
//! [`Config::lock_hold`](super::Config::lock_hold)). The locks of the PAMT's 2 MiB and 1 GiB
//! entries inside the TDMRs, which every page claim takes, are one atomic word each, as in the
//! module's PAMT; the others sit in the sharded map. The model's data
//! (the PAMT shards, each TD's state) sit behind their own mutexes only for memory safety: they
//! are held for the few instructions of a handler, never across `Config::lock_hold`, and decide
//! nothing.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, PoisonError};

use super::Tdmr;
use super::pamt::{PAGE_1G, PAGE_2M};

/// A lockable thing inside the TDX module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum LockKey {
    /// The PAMT entry of a 4 KiB page (for a TDR or TDVPR page, this is the TD's or vCPU's
    /// lock).
    Page(u64),
    /// A TD's Secure-EPT tree (by TDR).
    Sept(u64),
    /// One Secure-EPT entry (TDR, level, GPA).
    SeptEntry(u64, u8, u64),
    /// A TD's TLB epoch (by TDR).
    Epoch(u64),
    /// The key ownership table.
    Kot,
    /// A package's cache write-back state.
    WbCache(u32),
    /// The platform state.
    Sys,
    /// A TD's service-TD binding table (by TDR; `servtd_bindings_lock` in the TDCS).
    ServtdBindings(u64),
    /// The PAMT entry of a 2 MiB range (taken shared by a 4 KiB claim inside it, exclusive by a
    /// 2 MiB claim, as the module's PAMT walk locks the levels above a page).
    Pamt2M(u64),
    /// The PAMT entry of a 1 GiB range (likewise).
    Pamt1G(u64),
}

impl LockKey {
    /// Which shard of the table holds the key. Not a scrambling hash: keys of pages (and of
    /// TDs, by their TDR page) less than [`SHARDS`] pages apart land in different shards, so
    /// that the locks of independent TDs whose pages sit near each other, as a host allocator
    /// hands them out, never meet on a shard's mutex. Each kind of key is offset by its own
    /// fraction of the table, and a Secure-EPT entry's shard follows its TD and its GPA.
    fn shard(&self) -> usize {
        const PART: u64 = SHARDS as u64 / 8;
        let pfn = |hpa: u64| hpa >> 12;
        let index = match *self {
            LockKey::Page(hpa) => pfn(hpa),
            LockKey::Sept(tdr) => pfn(tdr) + 3 * PART,
            LockKey::Epoch(tdr) => pfn(tdr) + 5 * PART,
            LockKey::ServtdBindings(tdr) => pfn(tdr) + 6 * PART,
            LockKey::SeptEntry(tdr, level, gpa) => (pfn(tdr) + 7 * PART)
                .wrapping_add(((gpa >> 12) ^ u64::from(level)).wrapping_mul(PART / 2 + 1)),
            LockKey::Kot => PART,
            LockKey::WbCache(pkg) => PART + 1 + u64::from(pkg),
            LockKey::Sys => PART - 1,
            // Inside the TDMRs these are atomic words, not in the shards.
            LockKey::Pamt2M(hpa) => (hpa >> 21).wrapping_mul(7),
            LockKey::Pamt1G(hpa) => (hpa >> 30).wrapping_mul(13),
        };
        (index % SHARDS as u64) as usize
    }
}

const SHARDS: usize = 1024;

/// One shard, alone on its cache lines.
#[derive(Debug, Default)]
#[repr(align(128))]
struct Shard(Mutex<HashMap<LockKey, Holders, KeyHash>>);

/// The shard maps' hasher: a multiply-and-fold over the key's words (the keys are the
/// model's own, no denial of service to resist; SipHash cost a fifth of a call).
#[derive(Debug, Default, Clone, Copy)]
struct KeyHash;

#[derive(Debug, Default)]
struct KeyHasher(u64);

impl std::hash::BuildHasher for KeyHash {
    type Hasher = KeyHasher;

    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(0)
    }
}

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }
}

/// How a lock is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Any number of shared holders, no exclusive one.
    Shared,
    /// One holder.
    Exclusive,
}

#[derive(Debug, Default, Clone, Copy)]
struct Holders {
    shared: u32,
    exclusive: bool,
}

/// The lock of one PAMT 2 MiB or 1 GiB entry: a shared/exclusive word alone on its cache line,
/// as the `sharex_hp_lock_t` in the module's PAMT entry. Taken as the module's
/// `acquire_sharex_lock_hp_sh` / `_ex` do (intel/tdx-module `src/common/helpers/tdx_locks.h`
/// @72d8cffb): shared is one atomic add (undone here if the exclusive bit is set), exclusive a
/// compare-and-swap from free. A shared taker of a range that other threads also take shared
/// waits for nothing and decides nothing: it pays one cache line, as on hardware. (The
/// module's host-priority bit is not modelled.)
#[derive(Debug, Default)]
#[repr(align(64))]
struct RangeLock(AtomicU32);

const EXCLUSIVE: u32 = 1 << 31;

impl RangeLock {
    fn try_acquire(&self, mode: Mode) -> bool {
        super::shared::touched(self);
        match mode {
            Mode::Shared => {
                let before = self.0.fetch_add(1, Ordering::Acquire);
                if before & EXCLUSIVE != 0 {
                    self.0.fetch_sub(1, Ordering::Release);
                    return false;
                }
                true
            }
            Mode::Exclusive => self
                .0
                .compare_exchange(0, EXCLUSIVE, Ordering::Acquire, Ordering::Relaxed)
                .is_ok(),
        }
    }

    fn release(&self, mode: Mode) {
        match mode {
            Mode::Shared => self.0.fetch_sub(1, Ordering::Release),
            Mode::Exclusive => self.0.fetch_and(!EXCLUSIVE, Ordering::Release),
        };
    }

    fn held(&self) -> bool {
        self.0.load(Ordering::Acquire) != 0
    }
}

/// The 2 MiB and 1 GiB PAMT entry locks of one TDMR.
#[derive(Debug)]
struct TdmrRanges {
    base: u64,
    end: u64,
    by_2m: Box<[RangeLock]>,
    by_1g: Box<[RangeLock]>,
}

impl TdmrRanges {
    fn new(tdmr: &Tdmr) -> Self {
        // The ranges that overlap the TDMR (a TDMR is 1 GiB aligned on hardware; the model's
        // may not be, so count from the aligned base down).
        let (base, end) = (tdmr.base & !(PAGE_1G - 1), tdmr.end());
        let count = |size: u64| (end.saturating_sub(base)).div_ceil(size) as usize;
        TdmrRanges {
            base,
            end,
            by_2m: (0..count(PAGE_2M)).map(|_| RangeLock::default()).collect(),
            by_1g: (0..count(PAGE_1G)).map(|_| RangeLock::default()).collect(),
        }
    }
}

/// Which locks are taken right now.
#[derive(Debug)]
pub(crate) struct LockTable {
    shards: Box<[Shard]>,
    /// The PAMT range locks inside the TDMRs (the hot ones: every 4 KiB claim takes two of
    /// them shared); ranges outside every TDMR go to the shards.
    ranges: Box<[TdmrRanges]>,
}

impl Default for LockTable {
    fn default() -> Self {
        LockTable::new(&[])
    }
}

impl LockTable {
    /// A table for a platform with `tdmrs`.
    pub(crate) fn new(tdmrs: &[Tdmr]) -> Self {
        LockTable {
            shards: (0..SHARDS).map(|_| Shard::default()).collect(),
            ranges: tdmrs.iter().map(TdmrRanges::new).collect(),
        }
    }

    /// The word of a PAMT range lock inside a TDMR.
    fn range(&self, key: &LockKey) -> Option<&RangeLock> {
        let (hpa, size) = match *key {
            LockKey::Pamt2M(hpa) => (hpa, PAGE_2M),
            LockKey::Pamt1G(hpa) => (hpa, PAGE_1G),
            _ => return None,
        };
        let tdmr = self.ranges.iter().find(|t| hpa >= t.base && hpa < t.end)?;
        let index = ((hpa - tdmr.base) / size) as usize;
        match size {
            PAGE_2M => tdmr.by_2m.get(index),
            _ => tdmr.by_1g.get(index),
        }
    }

    fn held(&self, key: &LockKey) -> std::sync::MutexGuard<'_, HashMap<LockKey, Holders, KeyHash>> {
        let shard = &self.shards[key.shard()].0;
        super::shared::touched(shard);
        // A shard is a plain map, consistent after any panic.
        shard.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Where the word of a PAMT range lock inside a TDMR is (for the test of what independent
    /// TDs share).
    #[cfg(test)]
    pub(crate) fn range_word(&self, key: &LockKey) -> Option<*const u8> {
        self.range(key).map(|word| std::ptr::from_ref(word).cast())
    }

    /// Takes `key` in `mode` if that is possible now (never waits for another holder).
    pub(crate) fn try_acquire(&self, key: LockKey, mode: Mode) -> bool {
        if let Some(range) = self.range(&key) {
            return range.try_acquire(mode);
        }
        let mut held = self.held(&key);
        let holders = held.entry(key).or_default();
        match mode {
            Mode::Shared if !holders.exclusive => {
                holders.shared += 1;
                true
            }
            Mode::Exclusive if !holders.exclusive && holders.shared == 0 => {
                holders.exclusive = true;
                true
            }
            _ => {
                if holders.shared == 0 && !holders.exclusive {
                    held.remove(&key);
                }
                false
            }
        }
    }

    /// Gives back a lock taken with [`try_acquire`](Self::try_acquire).
    pub(crate) fn release(&self, key: LockKey, mode: Mode) {
        if let Some(range) = self.range(&key) {
            range.release(mode);
            return;
        }
        let mut held = self.held(&key);
        if let Some(holders) = held.get_mut(&key) {
            match mode {
                Mode::Shared => holders.shared = holders.shared.saturating_sub(1),
                Mode::Exclusive => holders.exclusive = false,
            }
            if holders.shared == 0 && !holders.exclusive {
                held.remove(&key);
            }
        }
    }

    /// Whether any lock is held (a quiescent module holds none).
    pub(crate) fn any_held(&self) -> bool {
        let ranges = self
            .ranges
            .iter()
            .flat_map(|t| t.by_2m.iter().chain(&*t.by_1g));
        ranges.clone().any(RangeLock::held)
            || self.shards.iter().any(|shard| {
                !shard
                    .0
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .is_empty()
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_and_exclusive() {
        let locks = LockTable::default();
        let key = LockKey::Page(0x1000);
        assert!(locks.try_acquire(key, Mode::Shared));
        assert!(locks.try_acquire(key, Mode::Shared));
        assert!(!locks.try_acquire(key, Mode::Exclusive));
        locks.release(key, Mode::Shared);
        locks.release(key, Mode::Shared);
        assert!(!locks.any_held());
        assert!(locks.try_acquire(key, Mode::Exclusive));
        assert!(!locks.try_acquire(key, Mode::Shared));
        assert!(locks.try_acquire(LockKey::Page(0x2000), Mode::Exclusive));
        locks.release(key, Mode::Exclusive);
        locks.release(LockKey::Page(0x2000), Mode::Exclusive);
        assert!(!locks.any_held());
    }

    #[test]
    fn pamt_ranges_inside_a_tdmr_are_shared_or_exclusive_words() {
        let locks = LockTable::new(&[Tdmr::new(4 << 30, 2 << 30)]);
        let (range_2m, range_1g) = (
            LockKey::Pamt2M((5 << 30) + PAGE_2M),
            LockKey::Pamt1G(5 << 30),
        );
        assert!(locks.range(&range_2m).is_some() && locks.range(&range_1g).is_some());
        // Two 4 KiB claims in one 2 MiB range: both take it shared.
        assert!(locks.try_acquire(range_2m, Mode::Shared));
        assert!(locks.try_acquire(range_2m, Mode::Shared));
        // A 2 MiB claim of the same range is busy; of the next range it is not.
        assert!(!locks.try_acquire(range_2m, Mode::Exclusive));
        let next = LockKey::Pamt2M((5 << 30) + 2 * PAGE_2M);
        assert!(locks.try_acquire(next, Mode::Exclusive));
        assert!(!locks.try_acquire(next, Mode::Shared));
        locks.release(range_2m, Mode::Shared);
        assert!(locks.any_held());
        locks.release(range_2m, Mode::Shared);
        locks.release(next, Mode::Exclusive);
        assert!(!locks.any_held());
        // A 1 GiB claim excludes everything below it only through its own word.
        assert!(locks.try_acquire(range_1g, Mode::Exclusive));
        assert!(!locks.try_acquire(range_1g, Mode::Shared));
        locks.release(range_1g, Mode::Exclusive);
        assert!(!locks.any_held());
        // Outside every TDMR the map answers, with the same rules.
        let outside = LockKey::Pamt2M(64 << 30);
        assert!(locks.range(&outside).is_none());
        assert!(locks.try_acquire(outside, Mode::Exclusive));
        assert!(!locks.try_acquire(outside, Mode::Shared));
        locks.release(outside, Mode::Exclusive);
        assert!(!locks.any_held());
    }
}
