//! The PAMT (Physical Address Metadata Table): the type, owner and size of every page inside
//! the TDMRs, and a page allocator for the host side of tests.
//!
//! The model keeps an entry only for pages the module owns; every other page inside a TDMR is
//! `PT_NDA` (free for the host), and pages in a TDMR's reserved areas are `PT_RSVD`. Page type
//! codes are the TDX module's (`PT_NDA` 0, `PT_RSVD` 1, `PT_REG` 3, `PT_TDR` 4, `PT_TDCX` 5,
//! `PT_TDVPR` 6, `PT_EPT` 8); Linux names only the first two.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use tdx_core::PageSize;

use super::PageInfo;
use super::status::{Fail, invalid, metadata_incorrect};

/// 4 KiB.
pub(crate) const PAGE_4K: u64 = 4096;
/// 2 MiB.
pub(crate) const PAGE_2M: u64 = 2 << 20;
/// 1 GiB.
pub(crate) const PAGE_1G: u64 = 1 << 30;

/// A PAMT page type, as TDH.PHYMEM.PAGE.RDMD and TDH.PHYMEM.PAGE.RECLAIM return it in RCX.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum PamtType {
    /// `PT_NDA` (0): not assigned to the TDX module; the host's.
    Nda = 0,
    /// `PT_RSVD` (1): reserved (a TDMR's reserved area, e.g. where the PAMT itself lives).
    Rsvd = 1,
    /// `PT_REG` (3): a TD private page (TDH.MEM.PAGE.ADD / TDH.MEM.PAGE.AUG).
    Reg = 3,
    /// `PT_TDR` (4): a TD root page (TDH.MNG.CREATE).
    Tdr = 4,
    /// `PT_TDCX` (5): a TDCS page (TDH.MNG.ADDCX) or a TDCX page (TDH.VP.ADDCX).
    Tdcx = 5,
    /// `PT_TDVPR` (6): a vCPU root page (TDH.VP.CREATE).
    Tdvpr = 6,
    /// `PT_EPT` (8): a Secure-EPT page (TDH.MEM.SEPT.ADD).
    Ept = 8,
}

impl PamtType {
    /// The TDX code.
    pub const fn code(self) -> u64 {
        self as u64
    }

    /// The type with TDX code `code`.
    pub const fn from_code(code: u64) -> Option<Self> {
        Some(match code {
            0 => PamtType::Nda,
            1 => PamtType::Rsvd,
            3 => PamtType::Reg,
            4 => PamtType::Tdr,
            5 => PamtType::Tdcx,
            6 => PamtType::Tdvpr,
            8 => PamtType::Ept,
            _ => return None,
        })
    }

    /// The TDX name (`"PT_REG"`).
    pub const fn name(self) -> &'static str {
        match self {
            PamtType::Nda => "PT_NDA",
            PamtType::Rsvd => "PT_RSVD",
            PamtType::Reg => "PT_REG",
            PamtType::Tdr => "PT_TDR",
            PamtType::Tdcx => "PT_TDCX",
            PamtType::Tdvpr => "PT_TDVPR",
            PamtType::Ept => "PT_EPT",
        }
    }
}

impl fmt::Display for PamtType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A reserved area inside a TDMR: pages the TDX module must never be given (`PT_RSVD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReservedArea {
    /// Offset from the TDMR base (4 KiB aligned).
    pub offset: u64,
    /// Size in bytes (4 KiB aligned, non-zero).
    pub size: u64,
}

/// A TD Memory Region: a 1 GiB-aligned range of convertible memory the TDX module may use.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Tdmr {
    /// Base HPA (1 GiB aligned).
    pub base: u64,
    /// Size in bytes (a non-zero multiple of 1 GiB).
    pub size: u64,
    /// Reserved areas, sorted and non-overlapping.
    pub reserved: Vec<ReservedArea>,
}

impl Tdmr {
    /// A TDMR with no reserved area.
    pub fn new(base: u64, size: u64) -> Self {
        Tdmr {
            base,
            size,
            reserved: Vec::new(),
        }
    }

    /// The same TDMR with a reserved area added.
    pub fn with_reserved(mut self, offset: u64, size: u64) -> Self {
        self.reserved.push(ReservedArea { offset, size });
        self
    }

    /// One past the last byte.
    pub fn end(&self) -> u64 {
        self.base.saturating_add(self.size)
    }

    /// Whether `[start, end)` overlaps a reserved area.
    fn overlaps_reserved(&self, start: u64, end: u64) -> bool {
        self.reserved.iter().any(|area| {
            let a = self.base + area.offset;
            start < a + area.size && a < end
        })
    }
}

/// Why a [`Config`](super::Config) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid TDX module configuration: {}", self.0)
    }
}

impl std::error::Error for ConfigError {}

/// Checks a TDMR list: 1 GiB aligned, sorted, non-overlapping, below `1 << phys_bits`, with
/// valid reserved areas.
pub(crate) fn validate_tdmrs(tdmrs: &[Tdmr], phys_bits: u8) -> Result<(), ConfigError> {
    let err = |msg: String| Err(ConfigError(msg));
    if tdmrs.is_empty() {
        return err("at least one TDMR is needed".into());
    }
    let limit = 1u64 << phys_bits;
    let mut previous_end = 0;
    for (i, tdmr) in tdmrs.iter().enumerate() {
        if !tdmr.base.is_multiple_of(PAGE_1G)
            || tdmr.size == 0
            || !tdmr.size.is_multiple_of(PAGE_1G)
        {
            return err(format!(
                "TDMR {i} ({:#x}+{:#x}) is not 1 GiB aligned and sized",
                tdmr.base, tdmr.size
            ));
        }
        if tdmr.base < previous_end {
            return err(format!("TDMR {i} overlaps or is out of order"));
        }
        if tdmr
            .base
            .checked_add(tdmr.size)
            .is_none_or(|end| end > limit)
        {
            return err(format!("TDMR {i} lies beyond the physical address width"));
        }
        let mut area_end = 0;
        for area in &tdmr.reserved {
            if !area.offset.is_multiple_of(PAGE_4K)
                || area.size == 0
                || !area.size.is_multiple_of(PAGE_4K)
            {
                return err(format!("TDMR {i} has a misaligned reserved area"));
            }
            if area.offset < area_end || area.offset + area.size > tdmr.size {
                return err(format!(
                    "TDMR {i}'s reserved areas overlap, are unsorted or overflow"
                ));
            }
            area_end = area.offset + area.size;
        }
        previous_end = tdmr.end();
    }
    Ok(())
}

/// Where a host physical address lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coverage {
    /// In no TDMR.
    Outside,
    /// In a TDMR's reserved area.
    Reserved,
    /// In a TDMR, beyond what TDH.SYS.TDMR.INIT has initialized.
    Uninitialized,
    /// In an initialized part of a TDMR.
    Usable,
}

/// One PAMT entry the module owns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) page_type: PamtType,
    pub(crate) owner: u64,
    pub(crate) size: PageSize,
}

/// The PAMT.
/// 4 KiB and 2 MiB entries, sharded by 4 KiB page number (a 2 MiB entry lives in the shard
/// of its base), so that calls on different pages rarely meet on a shard's mutex.
const PAMT_SHARDS: usize = 64;

/// One shard, alone on its cache lines.
#[derive(Debug, Default)]
#[repr(align(128))]
struct PamtShard(Mutex<BTreeMap<u64, Entry>>);

/// The PAMT: concurrent (every method takes `&self`). Check-then-assign sequences are made
/// atomic by the module's own PAMT locks, which callers take first (`LockKey::Page`,
/// `Pamt2M`, `Pamt1G`), as the module's handlers do.
#[derive(Debug)]
pub(crate) struct Pamt {
    tdmrs: Vec<Tdmr>,
    initialized: Vec<AtomicU64>,
    shards: Box<[PamtShard]>,
    /// 1 GiB entries, and how many there are (so that lookups skip the lock when none).
    huge: Mutex<BTreeMap<u64, Entry>>,
    huge_count: AtomicUsize,
    /// How many 2 MiB entries exist: a lookup skips the 2 MiB shard when there are none (the
    /// shard of a 2 MiB range is shared by every page in it).
    large_count: AtomicUsize,
}

fn guard<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    super::shared::touched(mutex);
    // Plain maps, consistent after any panic.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Pamt {
    pub(crate) fn new(tdmrs: Vec<Tdmr>) -> Self {
        let initialized = tdmrs.iter().map(|t| AtomicU64::new(t.base)).collect();
        Pamt {
            tdmrs,
            initialized,
            shards: (0..PAMT_SHARDS).map(|_| PamtShard::default()).collect(),
            huge: Mutex::new(BTreeMap::new()),
            huge_count: AtomicUsize::new(0),
            large_count: AtomicUsize::new(0),
        }
    }

    fn shard(&self, hpa: u64) -> MutexGuard<'_, BTreeMap<u64, Entry>> {
        guard(&self.shards[(hpa >> 12) as usize % PAMT_SHARDS].0)
    }

    /// How far TDH.SYS.TDMR.INIT has initialized TDMR `index`.
    pub(crate) fn initialized(&self, index: usize) -> u64 {
        self.initialized
            .get(index)
            .map_or(0, |i| i.load(Ordering::Acquire))
    }

    /// Records TDH.SYS.TDMR.INIT's progress.
    pub(crate) fn set_initialized(&self, index: usize, next: u64) {
        if let Some(i) = self.initialized.get(index) {
            i.store(next, Ordering::Release);
        }
    }

    fn get(&self, base: u64, size: PageSize) -> Option<Entry> {
        let entry = if size == PageSize::Size1G {
            if self.huge_count.load(Ordering::Acquire) == 0 {
                return None;
            }
            guard(&self.huge).get(&base).copied()
        } else {
            if size == PageSize::Size2M && self.large_count.load(Ordering::Acquire) == 0 {
                return None;
            }
            self.shard(base).get(&base).copied()
        };
        entry.filter(|e| e.size == size)
    }

    pub(crate) fn tdmrs(&self) -> &[Tdmr] {
        &self.tdmrs
    }

    /// Every entry the module owns, in address order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (u64, Entry)> {
        let mut all: BTreeMap<u64, Entry> = guard(&self.huge).clone();
        for shard in &self.shards {
            all.extend(guard(&shard.0).iter().map(|(&hpa, &entry)| (hpa, entry)));
        }
        all.into_iter()
    }

    fn tdmr_index(&self, hpa: u64) -> Option<usize> {
        self.tdmrs
            .iter()
            .position(|t| hpa >= t.base && hpa < t.end())
    }

    /// Where `[start, start + len)` lies (all of it: a range that straddles is `Outside`).
    pub(crate) fn coverage(&self, start: u64, len: u64) -> Coverage {
        let Some(end) = start.checked_add(len) else {
            return Coverage::Outside;
        };
        let Some(i) = self.tdmr_index(start) else {
            return Coverage::Outside;
        };
        let tdmr = &self.tdmrs[i];
        if end > tdmr.end() {
            return Coverage::Outside;
        }
        if tdmr.overlaps_reserved(start, end) {
            return Coverage::Reserved;
        }
        if end > self.initialized(i) {
            return Coverage::Uninitialized;
        }
        Coverage::Usable
    }

    /// The entry covering `hpa` (which may be a large page that starts below it).
    pub(crate) fn lookup(&self, hpa: u64) -> Option<(u64, Entry)> {
        for (align, size) in [
            (PAGE_4K, PageSize::Size4K),
            (PAGE_2M, PageSize::Size2M),
            (PAGE_1G, PageSize::Size1G),
        ] {
            let base = hpa & !(align - 1);
            if let Some(entry) = self.get(base, size) {
                return Some((base, entry));
            }
        }
        None
    }

    /// What the PAMT says about the page at `hpa`, or `None` outside every TDMR.
    pub(crate) fn info(&self, hpa: u64) -> Option<super::PageInfo> {
        let page = hpa & !(PAGE_4K - 1);
        match self.coverage(page, PAGE_4K) {
            Coverage::Outside => None,
            Coverage::Reserved => Some(PageInfo::of(page, PamtType::Rsvd, 0, PageSize::Size4K)),
            Coverage::Uninitialized | Coverage::Usable => Some(match self.lookup(page) {
                Some((base, entry)) => PageInfo::of(base, entry.page_type, entry.owner, entry.size),
                None => PageInfo::of(page, PamtType::Nda, 0, PageSize::Size4K),
            }),
        }
    }

    /// Checks that the `size` page at `hpa` (named by the register with ID `operand`) can be
    /// given to the module: aligned, inside an initialized TDMR, not reserved, all `PT_NDA`.
    pub(crate) fn check_free(&self, hpa: u64, size: PageSize, operand: u32) -> Result<(), Fail> {
        let bytes = size.bytes();
        if !hpa.is_multiple_of(bytes) {
            return Err(invalid(operand));
        }
        match self.coverage(hpa, bytes) {
            Coverage::Outside | Coverage::Uninitialized => return Err(invalid(operand)),
            Coverage::Reserved => return Err(metadata_incorrect(operand)),
            Coverage::Usable => {}
        }
        let end = hpa + bytes;
        let inside = match size {
            PageSize::Size4K => false,
            _ => {
                self.shards
                    .iter()
                    .any(|s| guard(&s.0).range(hpa..end).next().is_some())
                    || guard(&self.huge).range(hpa..end).next().is_some()
            }
        };
        if inside || self.lookup(hpa).is_some() {
            return Err(metadata_incorrect(operand));
        }
        Ok(())
    }

    /// Checks that `hpa` (named by the register with ID `operand`) is a 4 KiB page of type
    /// `expected`, and returns its entry.
    pub(crate) fn check_type(
        &self,
        hpa: u64,
        expected: PamtType,
        operand: u32,
    ) -> Result<Entry, Fail> {
        if !hpa.is_multiple_of(PAGE_4K) || self.coverage(hpa, PAGE_4K) == Coverage::Outside {
            return Err(invalid(operand));
        }
        match self.get(hpa, PageSize::Size4K) {
            Some(entry) if entry.page_type == expected => Ok(entry),
            _ => Err(metadata_incorrect(operand)),
        }
    }

    pub(crate) fn assign(&self, hpa: u64, page_type: PamtType, owner: u64, size: PageSize) {
        let entry = Entry {
            page_type,
            owner,
            size,
        };
        if size == PageSize::Size1G {
            if guard(&self.huge).insert(hpa, entry).is_none() {
                self.huge_count.fetch_add(1, Ordering::AcqRel);
            }
        } else {
            if size == PageSize::Size2M {
                self.large_count.fetch_add(1, Ordering::AcqRel);
            }
            if let Some(old) = self.shard(hpa).insert(hpa, entry)
                && old.size == PageSize::Size2M
            {
                self.large_count.fetch_sub(1, Ordering::AcqRel);
            }
        }
    }

    pub(crate) fn release(&self, hpa: u64) -> Option<Entry> {
        if let Some(entry) = self.shard(hpa).remove(&hpa) {
            if entry.size == PageSize::Size2M {
                self.large_count.fetch_sub(1, Ordering::AcqRel);
            }
            return Some(entry);
        }
        let removed = guard(&self.huge).remove(&hpa);
        if removed.is_some() {
            self.huge_count.fetch_sub(1, Ordering::AcqRel);
        }
        removed
    }
}

/// A host-side page allocator over the TDMRs, for tests and examples: it plays the part of the
/// kernel's page allocator, handing out pages the TDX module may be given.
#[derive(Debug)]
pub(crate) struct HostAllocator {
    /// Usable ranges: the TDMRs minus their reserved areas.
    ranges: Vec<(u64, u64)>,
    range: usize,
    cursor: u64,
    free: BTreeSet<u64>,
}

impl HostAllocator {
    pub(crate) fn new(tdmrs: &[Tdmr]) -> Self {
        let mut ranges = Vec::new();
        for tdmr in tdmrs {
            let mut start = tdmr.base;
            for area in &tdmr.reserved {
                let a = tdmr.base + area.offset;
                if a > start {
                    ranges.push((start, a));
                }
                start = a + area.size;
            }
            if start < tdmr.end() {
                ranges.push((start, tdmr.end()));
            }
        }
        let cursor = ranges.first().map_or(0, |r| r.0);
        HostAllocator {
            ranges,
            range: 0,
            cursor,
            free: BTreeSet::new(),
        }
    }

    /// A free page of `size` bytes (a power of two, at least 4 KiB), aligned to its size.
    pub(crate) fn alloc(&mut self, size: u64) -> Option<u64> {
        if size == PAGE_4K
            && let Some(page) = self.free.pop_first()
        {
            return Some(page);
        }
        while let Some(&(_, end)) = self.ranges.get(self.range) {
            let start = self.cursor.div_ceil(size) * size;
            if start.checked_add(size).is_some_and(|e| e <= end) {
                let mut skipped = self.cursor;
                while skipped < start {
                    self.free.insert(skipped);
                    skipped += PAGE_4K;
                }
                self.cursor = start + size;
                return Some(start);
            }
            self.range += 1;
            if let Some(&(next, _)) = self.ranges.get(self.range) {
                self.cursor = next;
            }
        }
        None
    }

    /// Whether the 4 KiB page at `page` has been handed out and not given back.
    fn handed_out(&self, page: u64) -> bool {
        let Some(i) = self
            .ranges
            .iter()
            .position(|&(s, e)| (s..e).contains(&page))
        else {
            return false;
        };
        (i < self.range || (i == self.range && page < self.cursor)) && !self.free.contains(&page)
    }

    /// Gives back the `size` bytes at `hpa` (a multiple of 4 KiB, aligned) from
    /// [`alloc`](Self::alloc); `Err(page)` with the first 4 KiB page that is not handed out
    /// (outside the TDMRs, reserved, never allocated or already given back), and then
    /// nothing is given back.
    pub(crate) fn free(&mut self, hpa: u64, size: u64) -> Result<(), u64> {
        let pages = (hpa..hpa + size).step_by(PAGE_4K as usize);
        if let Some(page) = pages.clone().find(|&p| !self.handed_out(p)) {
            return Err(page);
        }
        self.free.extend(pages);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocator_skips_reserved_areas_and_reuses_pages() {
        let tdmr = Tdmr::new(PAGE_1G, PAGE_1G).with_reserved(0, 0x4000);
        let mut alloc = HostAllocator::new(&[tdmr]);
        assert_eq!(alloc.alloc(PAGE_4K), Some(PAGE_1G + 0x4000));
        let big = alloc.alloc(PAGE_2M);
        assert_eq!(big, Some(PAGE_1G + PAGE_2M));
        // The pages skipped to align the 2 MiB page are handed out next.
        assert_eq!(alloc.alloc(PAGE_4K), Some(PAGE_1G + 0x5000));
        assert_eq!(alloc.free(PAGE_1G + 0x4000, PAGE_4K), Ok(()));
        assert_eq!(
            alloc.free(PAGE_1G + 0x4000, PAGE_4K),
            Err(PAGE_1G + 0x4000),
            "twice"
        );
        assert_eq!(alloc.free(PAGE_1G, PAGE_4K), Err(PAGE_1G), "reserved");
        assert_eq!(
            alloc.free(PAGE_1G + 0x6000, PAGE_4K),
            Err(PAGE_1G + 0x6000),
            "not yet"
        );
        assert_eq!(alloc.free(0, PAGE_4K), Err(0), "outside the TDMRs");
        assert_eq!(alloc.alloc(PAGE_4K), Some(PAGE_1G + 0x4000));
    }

    #[test]
    fn coverage_and_large_lookup() {
        let tdmr = Tdmr::new(PAGE_1G, PAGE_1G).with_reserved(0, 0x4000);
        let pamt = Pamt::new(vec![tdmr]);
        assert_eq!(
            pamt.coverage(PAGE_1G + 0x4000, PAGE_4K),
            Coverage::Uninitialized
        );
        pamt.set_initialized(0, 2 * PAGE_1G);
        assert_eq!(pamt.coverage(PAGE_1G, PAGE_4K), Coverage::Reserved);
        assert_eq!(pamt.coverage(PAGE_1G + 0x4000, PAGE_4K), Coverage::Usable);
        assert_eq!(pamt.coverage(0, PAGE_4K), Coverage::Outside);
        pamt.assign(PAGE_1G + PAGE_2M, PamtType::Reg, 0x99, PageSize::Size2M);
        assert_eq!(
            pamt.lookup(PAGE_1G + PAGE_2M + 0x5000)
                .map(|(base, _)| base),
            Some(PAGE_1G + PAGE_2M)
        );
        assert!(
            pamt.check_free(PAGE_1G + PAGE_2M + 0x1000, PageSize::Size4K, 8)
                .is_err()
        );
        assert!(
            pamt.check_free(PAGE_1G + 0x8000, PageSize::Size4K, 8)
                .is_ok()
        );
        assert!(pamt.check_free(PAGE_1G, PageSize::Size2M, 8).is_err()); // reserved inside
    }
}
