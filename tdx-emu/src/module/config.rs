//! [`Config`]: the platform the module runs on and the knobs of the model.

use std::time::Duration;

use super::Tdmr;

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
    /// TDH.PHYMEM.CACHE.WB once per package. A thread picks its package with [`with_package`](super::with_package).
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
    /// Seed of the generator behind [`Trigger::Rate`](super::Trigger::Rate).
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
