//! The TDX module's own locks, simulated.
//!
//! The real module never waits for a lock: it *tries* each one (the TDR page's PAMT lock, the
//! Secure-EPT tree lock, the TD epoch lock, the key ownership table, ...) and returns
//! `TDX_OPERAND_BUSY` with the operand ID of whatever it could not take. The model keeps its
//! whole state behind one mutex, and records these locks in a table inside that state: a call
//! takes the locks it needs (or fails BUSY), does its work, and keeps the locks for a short
//! window after its state mutex is released (see [`Config::lock_hold`](super::Config::lock_hold))
//! before it gives them back, so that a call from another thread can find them taken, exactly
//! as with the real module.

use std::collections::HashMap;

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

/// Which locks are taken right now.
#[derive(Debug, Default)]
pub(crate) struct LockTable {
    held: HashMap<LockKey, Holders>,
}

impl LockTable {
    /// Takes `key` in `mode` if that is possible now.
    pub(crate) fn try_acquire(&mut self, key: LockKey, mode: Mode) -> bool {
        let holders = self.held.entry(key).or_default();
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
                    self.held.remove(&key);
                }
                false
            }
        }
    }

    /// Gives back a lock taken with [`try_acquire`](Self::try_acquire).
    pub(crate) fn release(&mut self, key: LockKey, mode: Mode) {
        if let Some(holders) = self.held.get_mut(&key) {
            match mode {
                Mode::Shared => holders.shared = holders.shared.saturating_sub(1),
                Mode::Exclusive => holders.exclusive = false,
            }
            if holders.shared == 0 && !holders.exclusive {
                self.held.remove(&key);
            }
        }
    }

    /// Whether any lock is held (a quiescent module holds none).
    pub(crate) fn any_held(&self) -> bool {
        !self.held.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_and_exclusive() {
        let mut locks = LockTable::default();
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
