//! The TDX module's own locks, simulated, and the only arbiter between calls.
//!
//! The real module never waits for a lock: it *tries* each one (the TDR page's PAMT lock, the
//! Secure-EPT tree lock, the TD epoch lock, the key ownership table, ...) and returns
//! `TDX_OPERAND_BUSY` with the operand ID of whatever it could not take. The model does the
//! same: [`LockTable`] is a concurrent table (sharded, each shard behind its own short mutex)
//! that every call tries its locks in, shared or exclusive as the module's handler takes them.
//! A call that succeeded keeps its locks for a short window after its work is done (see
//! [`Config::lock_hold`](super::Config::lock_hold)) before it gives them back, so that a call
//! from another thread can find them taken, exactly as with the real module. The model's data
//! (the PAMT shards, each TD's state) sit behind their own mutexes only for memory safety: they
//! are held for the few instructions of a handler, never across the hold window, and decide
//! nothing.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

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
    /// The PAMT entry of a 2 MiB range (taken shared by a 4 KiB claim inside it, exclusive by a
    /// 2 MiB claim, as the module's PAMT walk locks the levels above a page).
    Pamt2M(u64),
    /// The PAMT entry of a 1 GiB range (likewise).
    Pamt1G(u64),
}

impl LockKey {
    /// Which shard of the table holds the key: keys of different TDs and pages spread out.
    fn shard(&self) -> usize {
        let (tag, value) = match *self {
            LockKey::Page(hpa) => (1, hpa >> 12),
            LockKey::Sept(tdr) => (2, tdr >> 12),
            LockKey::SeptEntry(tdr, level, gpa) => {
                (3, (tdr >> 12) ^ (gpa >> 12) ^ u64::from(level))
            }
            LockKey::Epoch(tdr) => (4, tdr >> 12),
            LockKey::Kot => (5, 0),
            LockKey::WbCache(pkg) => (6, u64::from(pkg)),
            LockKey::Sys => (7, 0),
            LockKey::Pamt2M(hpa) => (8, hpa >> 21),
            LockKey::Pamt1G(hpa) => (9, hpa >> 30),
        };
        let mixed = (value ^ (tag << 56)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> 58) as usize % SHARDS
    }
}

const SHARDS: usize = 64;

/// One shard, alone on its cache lines.
#[derive(Debug, Default)]
#[repr(align(128))]
struct Shard(Mutex<HashMap<LockKey, Holders>>);

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

/// Which locks are taken right now.
#[derive(Debug)]
pub(crate) struct LockTable {
    shards: Box<[Shard]>,
}

impl Default for LockTable {
    fn default() -> Self {
        LockTable {
            shards: (0..SHARDS).map(|_| Shard::default()).collect(),
        }
    }
}

impl LockTable {
    fn held(&self, key: &LockKey) -> std::sync::MutexGuard<'_, HashMap<LockKey, Holders>> {
        // A shard is a plain map, consistent after any panic.
        self.shards[key.shard()]
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes `key` in `mode` if that is possible now (never waits for another holder).
    pub(crate) fn try_acquire(&self, key: LockKey, mode: Mode) -> bool {
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
        self.shards.iter().any(|shard| {
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
}
