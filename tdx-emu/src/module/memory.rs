//! What the model sees of memory: a [`MemoryBacking`] maps host physical addresses to bytes.
//!
//! The TDX module reads and writes memory through the addresses it is given: TDH.MNG.INIT reads
//! a TD_PARAMS structure, TDH.MEM.PAGE.ADD copies a source page into the TD page,
//! TDH.MR.EXTEND measures 256 bytes of a TD page, TDG.MR.REPORT writes a TDREPORT, and so on.
//! The addresses a test hands to the model are made up (they lie in the configured TDMRs, not
//! in the process), so the model asks a [`MemoryBacking`] for the bytes.
//!
//! * [`SparseMemory`] (the default of [`TdxModule::new`](super::TdxModule::new)) keeps every
//!   4 KiB page that was ever written in a map; everything else reads as zeroes. Tests write a
//!   TD_PARAMS page or a PAGE.ADD source into it, and read a TDREPORT back.
//! * [`ZeroMemory`] reads zeroes everywhere and drops writes: the model then measures zero
//!   pages and TDH.MNG.INIT sees an all-zero TD_PARAMS (which it rejects: `MAX_VCPUS` is 0).
//! * Implement the trait yourself to map the model's HPAs onto real buffers.
//!
//! Addresses are plain host physical addresses without KeyID bits; the model strips the HKID
//! before it calls the backing. The model calls the backing while it holds its state lock, so a
//! backing must not call back into the module.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

/// Size of the pages [`SparseMemory`] stores.
const PAGE: u64 = 4096;

/// Host physical memory, as the software TDX module reads and writes it.
///
/// Accesses may cross page boundaries. Implementations must be thread-safe (the module is
/// called from several threads) and must not call into the module.
pub trait MemoryBacking: Send + Sync {
    /// Fills `buf` with the bytes at host physical address `hpa`.
    fn read(&self, hpa: u64, buf: &mut [u8]);

    /// Stores `data` at host physical address `hpa`.
    fn write(&self, hpa: u64, data: &[u8]);

    /// Sets `len` bytes at `hpa` to zero (TDG.MEM.PAGE.ACCEPT of a 2 MiB or 1 GiB page calls
    /// this). The default writes zeroes one page at a time.
    fn zero(&self, hpa: u64, len: u64) {
        let zeroes = [0u8; PAGE as usize];
        let mut offset = 0;
        while offset < len {
            let chunk = (len - offset).min(PAGE);
            self.write(hpa.wrapping_add(offset), &zeroes[..chunk as usize]);
            offset += chunk;
        }
    }
}

/// Memory that reads as zeroes everywhere and ignores writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct ZeroMemory;

impl MemoryBacking for ZeroMemory {
    fn read(&self, _hpa: u64, buf: &mut [u8]) {
        buf.fill(0);
    }

    fn write(&self, _hpa: u64, _data: &[u8]) {}

    fn zero(&self, _hpa: u64, _len: u64) {}
}

/// Memory kept in a map of the 4 KiB pages that were written; unwritten memory reads as zeroes.
///
/// ```
/// use tdx_emu::module::{MemoryBacking, SparseMemory};
/// let memory = SparseMemory::new();
/// memory.write(0x1_0000_0ffe, &[1, 2, 3, 4]); // crosses a page boundary
/// let mut buf = [0u8; 6];
/// memory.read(0x1_0000_0ffd, &mut buf);
/// assert_eq!(buf, [0, 1, 2, 3, 4, 0]);
/// assert_eq!(memory.pages(), 2);
/// memory.zero(0x1_0000_0000, 0x2000);
/// assert_eq!(memory.pages(), 0, "zeroed pages are dropped");
/// memory.write(0x1ffd, &[9; 6]);
/// memory.zero(0x1ffe, 4);
/// assert_eq!(memory.read_vec(0x1ffd, 6), [9, 0, 0, 0, 0, 9]);
/// memory.zero(u64::MAX - 2, 10); // never overflows
/// ```
#[derive(Debug, Default)]
pub struct SparseMemory {
    pages: Mutex<BTreeMap<u64, Box<[u8; PAGE as usize]>>>,
}

impl SparseMemory {
    /// Empty memory: everything reads as zeroes.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many 4 KiB pages hold written data.
    pub fn pages(&self) -> usize {
        self.lock().len()
    }

    /// `len` bytes at `hpa`, as a vector.
    pub fn read_vec(&self, hpa: u64, len: usize) -> Vec<u8> {
        let mut buf = vec![0; len];
        self.read(hpa, &mut buf);
        buf
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, Box<[u8; PAGE as usize]>>> {
        // A panic while holding the lock cannot leave the map half-updated: every update is a
        // single insert, copy or remove.
        crate::module::shared::touched(&self.pages);
        self.pages.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Splits the access `[hpa, hpa + len)` into (page base, offset in page, offset in buffer,
/// length) pieces that each stay inside one page.
fn pieces(hpa: u64, len: usize) -> impl Iterator<Item = (u64, usize, usize, usize)> {
    let mut done = 0usize;
    std::iter::from_fn(move || {
        if done >= len {
            return None;
        }
        let address = hpa.wrapping_add(done as u64);
        let base = address & !(PAGE - 1);
        let offset = (address - base) as usize;
        let take = (PAGE as usize - offset).min(len - done);
        let piece = (base, offset, done, take);
        done += take;
        Some(piece)
    })
}

impl MemoryBacking for SparseMemory {
    fn read(&self, hpa: u64, buf: &mut [u8]) {
        let pages = self.lock();
        for (base, offset, at, take) in pieces(hpa, buf.len()) {
            let out = &mut buf[at..at + take];
            match pages.get(&base) {
                Some(page) => out.copy_from_slice(&page[offset..offset + take]),
                None => out.fill(0),
            }
        }
    }

    fn write(&self, hpa: u64, data: &[u8]) {
        let mut pages = self.lock();
        for (base, offset, at, take) in pieces(hpa, data.len()) {
            let input = &data[at..at + take];
            if input.iter().all(|&b| b == 0) && !pages.contains_key(&base) {
                continue; // writing zeroes to an unwritten page changes nothing
            }
            let page = pages
                .entry(base)
                .or_insert_with(|| Box::new([0; PAGE as usize]));
            page[offset..offset + take].copy_from_slice(input);
        }
    }

    fn zero(&self, hpa: u64, len: u64) {
        let end = hpa.saturating_add(len);
        let first_full = hpa
            .checked_next_multiple_of(PAGE)
            .map_or(end, |first| first.min(end));
        let last_full = (end & !(PAGE - 1)).max(first_full);
        // Partial pages at either end are written (less than a page each); whole pages are
        // dropped.
        if first_full > hpa {
            self.write(hpa, &vec![0; (first_full - hpa) as usize]);
        }
        if end > last_full {
            self.write(last_full, &vec![0; (end - last_full) as usize]);
        }
        if first_full < last_full {
            let mut pages = self.lock();
            let doomed: Vec<u64> = pages
                .range(first_full..last_full)
                .map(|(&k, _)| k)
                .collect();
            for key in doomed {
                pages.remove(&key);
            }
        }
    }
}
