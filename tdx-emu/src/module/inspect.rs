//! What a test can see of the model: [`TdxModule`]'s inspection methods and the snapshots they
//! return ([`PageInfo`], [`TdInfo`], [`VcpuInfo`], [`SeptMapping`], [`SeptTable`]), every
//! address in them typed ([`Hpa`], [`Gpa`], [`Page`], [`SeptLevel`]).

use std::fmt;

use tdx_core::{Gpa, Hkid, Hpa, Page, PageKind, PageSize, Sept, SeptLevel, Tdcs, Tdcx, Tdr, Tdvpr};

use super::{
    Digest48, Lifecycle, OpState, PamtType, SeptState, TdParams, TdxModule, VcpuState, sept,
    shared::guard,
};

/// `raw` as an [`Hpa`]. The model holds only addresses inside its TDMRs, which
/// [`TdxModule::try_new`] checked to be below `phys_bits` (at most 52).
pub(crate) fn known_hpa(raw: u64) -> Hpa {
    match Hpa::new(raw) {
        Ok(hpa) => hpa,
        Err(e) => unreachable!("tdx-emu: the model holds only physical addresses ({e})"),
    }
}

/// `raw` as a [`Page`]: the model records a page as a TDR, TDCS, TDVPR, TDCX or Secure-EPT
/// page only after checking it is a 4 KiB-aligned page inside a TDMR.
pub(crate) fn known_page<K: PageKind>(raw: u64) -> Page<K> {
    match Page::new(known_hpa(raw)) {
        Ok(page) => page,
        Err(e) => unreachable!("tdx-emu: the model holds only 4 KiB-aligned pages ({e})"),
    }
}

/// `raw` as a [`Gpa`]: the model's Secure-EPT keys are below the TD's GPAW (48 or 52 bits).
fn known_gpa(raw: u64) -> Gpa {
    match Gpa::new(raw) {
        Ok(gpa) => gpa,
        Err(e) => unreachable!("tdx-emu: the model holds only physical GPAs ({e})"),
    }
}

/// A Secure-EPT level code of the model (0..=4, checked by the leaves that add entries).
fn known_level(code: u8) -> SeptLevel {
    match SeptLevel::from_code(u64::from(code)) {
        Ok(level) => level,
        Err(code) => unreachable!("tdx-emu: the model holds only SEPT levels 0..=4 ({code})"),
    }
}

/// What the PAMT says about one page, from [`TdxModule::page`] and
/// [`TdxModule::leaked_pages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageInfo {
    /// The page's base address (aligned to `size`).
    pub hpa: Hpa,
    /// Its type.
    pub page_type: PamtType,
    /// The TDR of the TD that owns it (for a TDR page, the page itself); `None` when free
    /// or reserved.
    pub owner: Option<Page<Tdr>>,
    /// Its size.
    pub size: PageSize,
}

impl PageInfo {
    /// The entry for the model's raw PAMT values (`owner` 0 = none).
    pub(crate) fn of(hpa: u64, page_type: PamtType, owner: u64, size: PageSize) -> Self {
        PageInfo {
            hpa: known_hpa(hpa),
            page_type,
            owner: (owner != 0).then(|| known_page(owner)),
            size,
        }
    }
}

impl fmt::Display for PageInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x} {} {}", self.hpa, self.size, self.page_type)?;
        match self.owner {
            Some(tdr) => write!(f, " owner {tdr:#x}"),
            None => f.write_str(" no owner"),
        }
    }
}

/// A Secure-EPT leaf: the private page mapped at a GPA, from [`TdxModule::sept_leaf`] and
/// [`TdInfo::leaves`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SeptMapping {
    /// The level of the leaf (4 KiB, 2 MiB or 1 GiB).
    pub level: SeptLevel,
    /// The GPA the leaf maps (aligned to the level's size).
    pub gpa: Gpa,
    /// The host page it maps.
    pub hpa: Hpa,
    /// The entry's state.
    pub state: SeptState,
}

/// A Secure-EPT page of a TD (one TDH.MEM.SEPT.ADD), from [`TdInfo::sept_pages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SeptTable {
    /// The level of the entry that points to the page (the level TDH.MEM.SEPT.ADD was given).
    pub level: SeptLevel,
    /// The GPA of that entry (aligned to the level's size).
    pub gpa: Gpa,
    /// The Secure-EPT page.
    pub page: Page<Sept>,
}

/// A snapshot of a TD, from [`TdxModule::td`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TdInfo {
    /// The TDR page.
    pub tdr: Page<Tdr>,
    /// The HKID.
    pub hkid: Hkid,
    /// Key state.
    pub lifecycle: Lifecycle,
    /// Build state.
    pub op_state: OpState,
    /// TDCS pages added so far.
    pub tdcs_pages: Vec<Page<Tdcs>>,
    /// 4 KiB pages the TD owns besides its TDR.
    pub child_count: u64,
    /// The TD_PARAMS of TDH.MNG.INIT.
    pub params: Option<TdParams>,
    /// Guest physical address width (48 or 52).
    pub gpaw: u8,
    /// The vCPUs' TDVPR pages.
    pub vcpus: Vec<Page<Tdvpr>>,
    /// The TLB epoch (TDH.MEM.TRACK increments it).
    pub epoch: u64,
    /// MRTD, once TDH.MR.FINALIZE has run.
    pub mrtd: Option<Digest48>,
    /// The four RTMRs.
    pub rtmr: [Digest48; 4],
    /// Secure-EPT leaves, by level and GPA.
    pub leaves: Vec<SeptMapping>,
    /// Secure-EPT pages, by level and GPA.
    pub sept_pages: Vec<SeptTable>,
}

/// A snapshot of a vCPU, from [`TdxModule::vcpu`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VcpuInfo {
    /// The TDVPR page.
    pub tdvpr: Page<Tdvpr>,
    /// The TD's TDR page.
    pub tdr: Page<Tdr>,
    /// The vCPU index (creation order).
    pub index: u32,
    /// TDCX pages added so far.
    pub tdcx_pages: Vec<Page<Tdcx>>,
    /// Initialization state.
    pub state: VcpuState,
    /// The x2APIC ID of TDH.VP.INIT.
    pub x2apic_id: Option<u32>,
    /// The logical processor (thread) it is associated with.
    pub associated_lp: Option<u64>,
    /// How many times TDH.VP.ENTER ran it.
    pub entries: u64,
    /// Guest GPRs by x86 number (RAX = 0 ... R15 = 15).
    pub gprs: [u64; 16],
}

fn mapping(level: u8, gpa: u64, entry: &sept::Entry) -> Option<SeptMapping> {
    match *entry {
        sept::Entry::Leaf { hpa, .. } => Some(SeptMapping {
            level: known_level(level),
            gpa: known_gpa(gpa),
            hpa: known_hpa(hpa),
            state: sept::Entry::state(Some(entry)),
        }),
        sept::Entry::NonLeaf { .. } => None,
    }
}

impl TdxModule {
    /// What the PAMT says about the page containing `hpa`; `None` outside every TDMR.
    pub fn page(&self, hpa: Hpa) -> Option<PageInfo> {
        self.inner.pamt.info(hpa.as_u64())
    }

    /// Every page the module still owns (not `PT_NDA`, not reserved). After a full teardown
    /// and TDH.PHYMEM.PAGE.RECLAIM of every page this is empty.
    pub fn leaked_pages(&self) -> Vec<PageInfo> {
        self.inner
            .pamt
            .entries()
            .map(|(hpa, e)| PageInfo::of(hpa, e.page_type, e.owner, e.size))
            .collect()
    }

    /// The TDR pages of every TD the module knows (until their TDR is reclaimed).
    pub fn tds(&self) -> Vec<Page<Tdr>> {
        self.inner
            .tds
            .all()
            .into_iter()
            .map(|(tdr, _)| known_page(tdr))
            .collect()
    }

    /// A snapshot of the TD with root page `tdr`.
    pub fn td(&self, tdr: Page<Tdr>) -> Option<TdInfo> {
        let shard = self.inner.tds.get(tdr.as_u64())?;
        let state = guard(&shard);
        let td = &state.td;
        let mut leaves = Vec::new();
        let mut sept_pages = Vec::new();
        for (&(level, gpa), entry) in td.sept.iter() {
            match *entry {
                sept::Entry::Leaf { .. } => leaves.extend(mapping(level, gpa, entry)),
                sept::Entry::NonLeaf { page, .. } => sept_pages.push(SeptTable {
                    level: known_level(level),
                    gpa: known_gpa(gpa),
                    page: known_page(page),
                }),
            }
        }
        Some(TdInfo {
            tdr,
            hkid: Hkid::new(td.hkid),
            lifecycle: td.lifecycle,
            op_state: td.op,
            tdcs_pages: td.tdcs.iter().map(|&p| known_page(p)).collect(),
            child_count: td.child_count,
            params: td.params,
            gpaw: td.gpaw,
            vcpus: td.vcpus.iter().map(|&p| known_page(p)).collect(),
            epoch: td.epoch,
            mrtd: td.mrtd_final,
            rtmr: td.rtmr,
            leaves,
            sept_pages,
        })
    }

    /// The final MRTD of TD `tdr` (after TDH.MR.FINALIZE).
    pub fn mrtd(&self, tdr: Page<Tdr>) -> Option<Digest48> {
        let shard = self.inner.tds.get(tdr.as_u64())?;
        guard(&shard).td.mrtd_final
    }

    /// The Secure-EPT leaf containing `gpa` in TD `tdr` (at any level).
    pub fn sept_leaf(&self, tdr: Page<Tdr>, gpa: Gpa) -> Option<SeptMapping> {
        let shard = self.inner.tds.get(tdr.as_u64())?;
        let (level, base, entry) = guard(&shard).td.sept.find_leaf(gpa.as_u64())?;
        mapping(level, base, &entry)
    }

    /// A snapshot of vCPU `tdvpr`.
    pub fn vcpu(&self, tdvpr: Page<Tdvpr>) -> Option<VcpuInfo> {
        let (_, owner) = self.inner.pamt.lookup(tdvpr.as_u64())?;
        let shard = self.inner.tds.get(owner.owner)?;
        let state = guard(&shard);
        let v = state.vcpus.get(&tdvpr.as_u64())?;
        Some(VcpuInfo {
            tdvpr,
            tdr: known_page(v.tdr),
            index: v.index,
            tdcx_pages: v.tdcx.iter().map(|&p| known_page(p)).collect(),
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
        let snapshot = super::invariants::Snapshot::take(&self.inner);
        super::invariants::check(&snapshot, &self.inner.config)
    }
}
