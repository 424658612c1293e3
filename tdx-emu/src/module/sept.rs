//! A TD's Secure EPT: which GPA maps which host page, at which level, in which state.
//!
//! Levels are TDX levels: an entry at level `l` maps `4 KiB << (9 * l)` bytes (0 = 4 KiB,
//! 1 = 2 MiB, 2 = 1 GiB, 3 = 512 GiB, 4 = 256 TiB). The root table lives in the TDCS and holds
//! the entries of the top level (3 for a 4-level Secure EPT, GPAW 48; 4 for 5-level, GPAW 52).
//! TDH.MEM.SEPT.ADD at level `l` puts a Secure-EPT page under a level-`l` entry (a non-leaf
//! entry), holding the level `l - 1` entries; leaves (TD pages) live at levels 0 to 2.
//!
//! Entries that are not stored are FREE. [`SeptState`] is the user's view (FREE 0, BLOCKED 1,
//! PENDING 2, PENDING_BLOCKED 3, PRESENT 4); the module's own 16 states and which leaf accepts
//! which are in `sept_state.rs`, from the module's table.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// The state of a Secure-EPT entry, with the codes of `level_state` bits 15:8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeptState {
    /// FREE (0): nothing mapped.
    Free,
    /// BLOCKED (1): a present leaf blocked by TDH.MEM.RANGE.BLOCK.
    Blocked,
    /// PENDING (2): added by TDH.MEM.PAGE.AUG, not yet accepted by the guest.
    Pending,
    /// PENDING_BLOCKED (3): a pending leaf that was blocked.
    PendingBlocked,
    /// PRESENT (4): a mapped leaf, or a non-leaf entry pointing to a Secure-EPT page.
    Present,
}

impl SeptState {
    /// The code Linux reads in `level_state` bits 15:8.
    pub const fn code(self) -> u8 {
        match self {
            SeptState::Free => 0,
            SeptState::Blocked => 1,
            SeptState::Pending => 2,
            SeptState::PendingBlocked => 3,
            SeptState::Present => 4,
        }
    }
}

impl fmt::Display for SeptState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SeptState::Free => "FREE",
            SeptState::Blocked => "BLOCKED",
            SeptState::Pending => "PENDING",
            SeptState::PendingBlocked => "PENDING_BLOCKED",
            SeptState::Present => "PRESENT",
        })
    }
}

/// The state of a leaf entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LeafState {
    Present,
    Pending,
    Blocked,
    PendingBlocked,
}

/// A stored (non-FREE) Secure-EPT entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// Points to the Secure-EPT page `page`, which holds the next level's entries; `blocked`
    /// by TDH.MEM.RANGE.BLOCK (the module's NL_BLOCKED: walks stop there) in TD epoch
    /// `bepoch` (the module keeps it in the Secure-EPT page's PAMT entry).
    NonLeaf {
        page: u64,
        blocked: bool,
        bepoch: u64,
    },
    /// Maps the TD page `hpa`. `bepoch` is the TD epoch in which it was blocked.
    Leaf {
        hpa: u64,
        state: LeafState,
        bepoch: u64,
    },
}

impl Entry {
    /// The state Linux would read.
    pub(crate) fn state(entry: Option<&Entry>) -> SeptState {
        match entry {
            None => SeptState::Free,
            Some(Entry::NonLeaf { blocked: false, .. }) => SeptState::Present,
            Some(Entry::NonLeaf { blocked: true, .. }) => SeptState::Blocked,
            Some(Entry::Leaf { state, .. }) => match state {
                LeafState::Present => SeptState::Present,
                LeafState::Pending => SeptState::Pending,
                LeafState::Blocked => SeptState::Blocked,
                LeafState::PendingBlocked => SeptState::PendingBlocked,
            },
        }
    }

    /// A plausible architectural entry value, for the RCX (`ext_err1`) of a failed call: the
    /// physical address, RWX (bits 2:0) when present, the large-page bit 7 for a leaf above
    /// level 0. (The real module's entry also carries its software state bits, which the model
    /// does not reproduce.)
    pub(crate) fn raw(entry: Option<&Entry>, level: u8) -> u64 {
        const RWX: u64 = 0b111;
        const LARGE: u64 = 1 << 7;
        match entry {
            None => 0,
            Some(Entry::NonLeaf { page, blocked, .. }) => page | if *blocked { 0 } else { RWX },
            Some(Entry::Leaf { hpa, state, .. }) => {
                let large = if level > 0 { LARGE } else { 0 };
                let perms = if *state == LeafState::Present { RWX } else { 0 };
                hpa | large | perms
            }
        }
    }
}

/// `level_state` of `entry` at `level`: level in bits 2:0, in bits 15:8 the module's
/// `public_state` of the entry's state (from its table: a non-leaf entry reads 0x84).
pub(crate) fn level_state(level: u8, entry: Option<&Entry>) -> u64 {
    u64::from(level) | (u64::from(super::sept_state::public_state(entry)) << 8)
}

/// Bytes mapped by an entry at `level` (up to 4).
pub(crate) const fn level_bytes(level: u8) -> u64 {
    4096u64 << (9 * level as u32)
}

/// Why a walk stopped before the requested level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WalkFailure {
    /// The level where the walk stopped.
    pub(crate) level: u8,
    /// The entry found there (`Entry::raw`).
    pub(crate) entry: u64,
    /// Its `level_state`.
    pub(crate) level_state: u64,
}

/// A TD's Secure EPT.
#[derive(Debug, Clone)]
pub(crate) struct Sept {
    top: u8,
    entries: BTreeMap<(u8, u64), Entry>,
    /// Host page → the entry that references it (a leaf's page or a non-leaf's SEPT page).
    by_hpa: HashMap<u64, (u8, u64)>,
}

impl Sept {
    /// An empty Secure EPT whose root holds level-`top` entries.
    pub(crate) fn new(top: u8) -> Self {
        Sept {
            top,
            entries: BTreeMap::new(),
            by_hpa: HashMap::new(),
        }
    }

    /// The level of the root table's entries.
    pub(crate) fn top(&self) -> u8 {
        self.top
    }

    pub(crate) fn get(&self, level: u8, gpa: u64) -> Option<&Entry> {
        self.entries.get(&(level, gpa))
    }

    /// Stores an entry (replacing any) and indexes its page.
    pub(crate) fn set(&mut self, level: u8, gpa: u64, entry: Entry) {
        if let Some(old) = self.entries.insert((level, gpa), entry) {
            self.by_hpa.remove(&Self::page_of(&old));
        }
        self.by_hpa.insert(Self::page_of(&entry), (level, gpa));
    }

    /// Frees an entry.
    pub(crate) fn remove(&mut self, level: u8, gpa: u64) -> Option<Entry> {
        let old = self.entries.remove(&(level, gpa))?;
        self.by_hpa.remove(&Self::page_of(&old));
        Some(old)
    }

    /// Whether the Secure-EPT page under the non-leaf entry at (`level`, `gpa`) holds any
    /// entry that is not FREE.
    pub(crate) fn has_children(&self, level: u8, gpa: u64) -> bool {
        level > 0
            && self
                .entries
                .range((level - 1, gpa)..(level - 1, gpa + level_bytes(level)))
                .next()
                .is_some()
    }

    /// The entry that references host page `hpa`, if any.
    pub(crate) fn find_hpa(&self, hpa: u64) -> Option<(u8, u64)> {
        self.by_hpa.get(&hpa).copied()
    }

    fn page_of(entry: &Entry) -> u64 {
        match *entry {
            Entry::NonLeaf { page, .. } => page,
            Entry::Leaf { hpa, .. } => hpa,
        }
    }

    /// Walks from the root down to `level` for `gpa` (aligned to `level`): every entry above
    /// `level` must be a non-leaf entry.
    pub(crate) fn walk(&self, gpa: u64, level: u8) -> Result<(), WalkFailure> {
        let mut l = self.top;
        while l > level {
            let key = gpa & !(level_bytes(l) - 1);
            let entry = self.entries.get(&(l, key));
            match entry {
                Some(Entry::NonLeaf { blocked: false, .. }) => {}
                _ => {
                    return Err(WalkFailure {
                        level: l,
                        entry: Entry::raw(entry, l),
                        level_state: level_state(l, entry),
                    });
                }
            }
            l -= 1;
        }
        Ok(())
    }

    /// The leaf whose range contains `gpa`: (level, base GPA, entry).
    pub(crate) fn find_leaf(&self, gpa: u64) -> Option<(u8, u64, Entry)> {
        (0..=2u8).find_map(|level| {
            let base = gpa & !(level_bytes(level) - 1);
            match self.entries.get(&(level, base)) {
                Some(entry @ Entry::Leaf { .. }) => Some((level, base, *entry)),
                _ => None,
            }
        })
    }

    /// The host address `gpa` maps to if it is in a PRESENT leaf (what the guest can access).
    pub(crate) fn translate(&self, gpa: u64) -> Option<u64> {
        match self.find_leaf(gpa)? {
            (
                level,
                base,
                Entry::Leaf {
                    hpa,
                    state: LeafState::Present,
                    ..
                },
            ) => {
                let _ = level;
                Some(hpa + (gpa - base))
            }
            _ => None,
        }
    }

    /// Every stored entry: ((level, gpa), entry).
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&(u8, u64), &Entry)> {
        self.entries.iter()
    }

    /// Checks the tree's own invariants: every entry below the root has a non-leaf parent,
    /// the page index matches, no two entries share a page.
    pub(crate) fn check(&self) -> Result<(), String> {
        if self.by_hpa.len() != self.entries.len() {
            return Err(format!(
                "SEPT: {} entries but {} indexed pages (a page mapped twice?)",
                self.entries.len(),
                self.by_hpa.len()
            ));
        }
        for (&(level, gpa), entry) in &self.entries {
            if !gpa.is_multiple_of(level_bytes(level)) || level > self.top {
                return Err(format!(
                    "SEPT: entry at level {level} GPA {gpa:#x} malformed"
                ));
            }
            if level < self.top {
                let parent = gpa & !(level_bytes(level + 1) - 1);
                if !matches!(
                    self.entries.get(&(level + 1, parent)),
                    Some(Entry::NonLeaf { .. })
                ) {
                    return Err(format!(
                        "SEPT: entry at level {level} GPA {gpa:#x} has no parent Secure-EPT page"
                    ));
                }
            }
            if matches!(entry, Entry::Leaf { .. }) && level > 2 {
                return Err(format!("SEPT: leaf at level {level}"));
            }
            if self.by_hpa.get(&Self::page_of(entry)) != Some(&(level, gpa)) {
                return Err(format!(
                    "SEPT: page index disagrees at level {level} GPA {gpa:#x}"
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_reports_where_it_stopped() {
        let mut sept = Sept::new(3);
        let gpa = 0x4020_1000;
        let failure = sept.walk(gpa, 0).expect_err("empty tree");
        assert_eq!(
            (failure.level, failure.entry, failure.level_state),
            (3, 0, 3)
        );
        sept.set(
            3,
            0,
            Entry::NonLeaf {
                page: 0xa000,
                blocked: false,
                bepoch: 0,
            },
        );
        sept.set(
            2,
            0x4000_0000,
            Entry::NonLeaf {
                page: 0xb000,
                blocked: false,
                bepoch: 0,
            },
        );
        let failure = sept.walk(gpa, 0).expect_err("no PT page");
        assert_eq!(failure.level, 1);
        sept.set(
            1,
            0x4020_0000,
            Entry::NonLeaf {
                page: 0xc000,
                blocked: false,
                bepoch: 0,
            },
        );
        assert_eq!(sept.walk(gpa, 0), Ok(()));
        sept.set(
            0,
            gpa,
            Entry::Leaf {
                hpa: 0xd000,
                state: LeafState::Present,
                bepoch: 0,
            },
        );
        assert_eq!(sept.translate(gpa + 0x10), Some(0xd010));
        assert_eq!(sept.find_hpa(0xd000), Some((0, gpa)));
        assert_eq!(sept.check(), Ok(()));
        assert_eq!(Entry::raw(sept.get(0, gpa), 0), 0xd007);
        sept.remove(1, 0x4020_0000);
        assert!(sept.check().is_err(), "orphaned leaf");
    }
}
