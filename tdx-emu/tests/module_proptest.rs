//! Random sequences of calls, through the trap, never leave the model inconsistent: no page
//! has two owners, PAMT and every Secure EPT agree, child counts match, and after a full
//! teardown every page comes back.

mod common;

use common::*;
use proptest::prelude::*;
use tdx_core::metadata_fields;
use tdx_core::{
    Guest, Hkid, ModuleArgs, Page, PageSize, Sept, SeptLevel, Tdcs, Tdcx, Tdr, Tdvpr, TdxStatus,
    X2ApicId,
};
use tdx_emu::module::{Lifecycle, TdParams, TdxModule};

/// GPAs the operations pick from: the same 2 MiB, the next 2 MiB, another 1 GiB, another
/// 512 GiB.
const GPAS: [u64; 6] = [
    0x0,
    0x1000,
    0x20_0000,
    0x20_1000,
    0x4000_0000,
    0x80_0000_0000,
];
/// Pages in the pool every role draws from (so roles collide).
const POOL: usize = 40;

#[derive(Debug, Clone)]
enum Op {
    /// MNG.CREATE, KEY.CONFIG, ADDCX x4, MNG.INIT, with pool pages `page..page + 5`.
    QuickTd {
        page: usize,
        hkid: u16,
    },
    Create {
        page: usize,
        hkid: u16,
    },
    KeyConfig {
        td: usize,
    },
    AddTdcs {
        td: usize,
        page: usize,
    },
    Init {
        td: usize,
    },
    /// VP.CREATE, ADDCX x5, VP.INIT with pool pages `page..page + 6`.
    QuickVp {
        td: usize,
        page: usize,
        apic: u8,
    },
    VpCreate {
        td: usize,
        page: usize,
    },
    VpAddcx {
        vp: usize,
        page: usize,
    },
    VpInit {
        vp: usize,
        apic: u8,
    },
    SeptAdd {
        td: usize,
        gpa: usize,
        level: u64,
        page: usize,
    },
    /// SEPT.ADD at levels 3, 2, 1 for a GPA, with pool pages `page..page + 3`.
    QuickSept {
        td: usize,
        gpa: usize,
        page: usize,
    },
    /// QuickSept, then PAGE.ADD (before MR.FINALIZE) or PAGE.AUG (after) of pool page
    /// `page + 3`.
    QuickMap {
        td: usize,
        gpa: usize,
        page: usize,
    },
    /// RANGE.BLOCK, MEM.TRACK, PAGE.REMOVE.
    QuickRemove {
        td: usize,
        gpa: usize,
    },
    PageAdd {
        td: usize,
        gpa: usize,
        page: usize,
    },
    Finalize {
        td: usize,
    },
    Aug {
        td: usize,
        gpa: usize,
        page: usize,
    },
    Block {
        td: usize,
        gpa: usize,
    },
    Track {
        td: usize,
    },
    Remove {
        td: usize,
        gpa: usize,
    },
    Enter {
        vp: usize,
    },
    Accept {
        vp: usize,
        gpa: usize,
    },
    Flush {
        vp: usize,
    },
    FlushDone {
        td: usize,
    },
    CacheWb {
        resume: u64,
    },
    FreeId {
        td: usize,
    },
    Reclaim {
        page: usize,
    },
    MngRd {
        td: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let page = 0..POOL;
    let idx = 0..4usize;
    let gpa = 0..GPAS.len();
    prop_oneof![
        3 => (page.clone(), 33..36u16).prop_map(|(page, hkid)| Op::QuickTd { page, hkid }),
        1 => (page.clone(), 33..36u16).prop_map(|(page, hkid)| Op::Create { page, hkid }),
        1 => idx.clone().prop_map(|td| Op::KeyConfig { td }),
        1 => (idx.clone(), page.clone()).prop_map(|(td, page)| Op::AddTdcs { td, page }),
        1 => idx.clone().prop_map(|td| Op::Init { td }),
        2 => (idx.clone(), page.clone(), 0..3u8).prop_map(|(td, page, apic)| Op::QuickVp { td, page, apic }),
        1 => (idx.clone(), page.clone()).prop_map(|(td, page)| Op::VpCreate { td, page }),
        1 => (idx.clone(), page.clone()).prop_map(|(vp, page)| Op::VpAddcx { vp, page }),
        1 => (idx.clone(), 0..3u8).prop_map(|(vp, apic)| Op::VpInit { vp, apic }),
        4 => (idx.clone(), gpa.clone(), 1..4u64, page.clone())
            .prop_map(|(td, gpa, level, page)| Op::SeptAdd { td, gpa, level, page }),
        2 => (idx.clone(), gpa.clone(), page.clone()).prop_map(|(td, gpa, page)| Op::QuickSept { td, gpa, page }),
        6 => (idx.clone(), gpa.clone(), page.clone()).prop_map(|(td, gpa, page)| Op::QuickMap { td, gpa, page }),
        3 => (idx.clone(), gpa.clone()).prop_map(|(td, gpa)| Op::QuickRemove { td, gpa }),
        3 => (idx.clone(), gpa.clone(), page.clone()).prop_map(|(td, gpa, page)| Op::PageAdd { td, gpa, page }),
        3 => idx.clone().prop_map(|td| Op::Finalize { td }),
        3 => (idx.clone(), gpa.clone(), page.clone()).prop_map(|(td, gpa, page)| Op::Aug { td, gpa, page }),
        2 => (idx.clone(), gpa.clone()).prop_map(|(td, gpa)| Op::Block { td, gpa }),
        2 => idx.clone().prop_map(|td| Op::Track { td }),
        2 => (idx.clone(), gpa.clone()).prop_map(|(td, gpa)| Op::Remove { td, gpa }),
        2 => idx.clone().prop_map(|vp| Op::Enter { vp }),
        2 => (idx.clone(), gpa.clone()).prop_map(|(vp, gpa)| Op::Accept { vp, gpa }),
        1 => idx.clone().prop_map(|vp| Op::Flush { vp }),
        1 => idx.clone().prop_map(|td| Op::FlushDone { td }),
        1 => (0..2u64).prop_map(|resume| Op::CacheWb { resume }),
        1 => idx.clone().prop_map(|td| Op::FreeId { td }),
        2 => page.prop_map(|page| Op::Reclaim { page }),
        1 => idx.prop_map(|td| Op::MngRd { td }),
    ]
}

/// The test's view: the page pool, the TDs and vCPUs created so far.
struct World {
    m: TdxModule,
    pool: Vec<u64>,
    params: u64,
}

impl World {
    fn page<K: tdx_core::PageKind>(&self, i: usize) -> Page<K> {
        as_page(self.pool[i % POOL])
    }

    /// The `i`-th TD the module knows (or a pool page, to exercise "not a TDR").
    fn td(&self, i: usize) -> Page<Tdr> {
        let tds = self.m.tds();
        if tds.is_empty() {
            self.page(i)
        } else {
            tds[i % tds.len()]
        }
    }

    fn vp(&self, i: usize) -> Page<Tdvpr> {
        let vps: Vec<Page<Tdvpr>> = self
            .m
            .tds()
            .into_iter()
            .filter_map(|t| self.m.td(t))
            .flat_map(|t| t.vcpus)
            .collect();
        if vps.is_empty() {
            self.page(i)
        } else {
            vps[i % vps.len()]
        }
    }

    /// Runs one operation through the instruction; any status is fine, panics are not.
    fn apply(&self, op: &Op) {
        let m = &self.m;
        // SAFETY: see the `common` module docs.
        unsafe {
            match *op {
                Op::QuickTd { page, hkid } => {
                    let tdr: Page<Tdr> = self.page(page);
                    let _ = raw::tdh_mng_create(tdr, Hkid::new(hkid));
                    let _ = raw::tdh_mng_key_config(tdr);
                    for k in 1..5 {
                        let _ = raw::tdh_mng_addcx(self.page::<Tdcs>(page + k), tdr);
                    }
                    let _ = raw::tdh_mng_init(tdr, hpa(self.params));
                }
                Op::Create { page, hkid } => {
                    let _ = raw::tdh_mng_create(self.page(page), Hkid::new(hkid));
                }
                Op::KeyConfig { td } => {
                    let _ = raw::tdh_mng_key_config(self.td(td));
                }
                Op::AddTdcs { td, page } => {
                    let _ = raw::tdh_mng_addcx(self.page(page), self.td(td));
                }
                Op::Init { td } => {
                    let _ = raw::tdh_mng_init(self.td(td), hpa(self.params));
                }
                Op::QuickVp { td, page, apic } => {
                    let tdvpr: Page<Tdvpr> = self.page(page);
                    let _ = raw::tdh_vp_create(tdvpr, self.td(td));
                    for k in 1..6 {
                        let _ = raw::tdh_vp_addcx(self.page::<Tdcx>(page + k), tdvpr);
                    }
                    let _ = raw::tdh_vp_init(tdvpr, 0, X2ApicId::new(u32::from(apic)));
                }
                Op::VpCreate { td, page } => {
                    let _ = raw::tdh_vp_create(self.page(page), self.td(td));
                }
                Op::VpAddcx { vp, page } => {
                    let _ = raw::tdh_vp_addcx(self.page(page), self.vp(vp));
                }
                Op::VpInit { vp, apic } => {
                    let _ = raw::tdh_vp_init(self.vp(vp), 0, X2ApicId::new(u32::from(apic)));
                }
                Op::SeptAdd {
                    td,
                    gpa,
                    level,
                    page,
                } => {
                    let size = 4096u64 << (9 * level);
                    let base = GPAS[gpa] & !(size - 1);
                    let _ = raw::tdh_mem_sept_add_level(
                        base | level,
                        self.td(td),
                        self.page::<Sept>(page),
                    );
                }
                Op::QuickSept { td, gpa, page } => {
                    for (k, level) in [3u64, 2, 1].into_iter().enumerate() {
                        let size = 4096u64 << (9 * level);
                        let base = GPAS[gpa] & !(size - 1);
                        let _ = raw::tdh_mem_sept_add_level(
                            base | level,
                            self.td(td),
                            self.page::<Sept>(page + k),
                        );
                    }
                }
                Op::QuickMap { td, gpa, page } => {
                    self.apply(&Op::QuickSept { td, gpa, page });
                    let tdr = self.td(td);
                    let finalized = m.mrtd(tdr).is_some();
                    if finalized {
                        let _ = raw::tdh_mem_page_aug(
                            sept_gpa(GPAS[gpa], SeptLevel::Level4K),
                            tdr,
                            self.page(page + 3),
                        );
                    } else {
                        let _ = raw::tdh_mem_page_add(
                            common::gpa(GPAS[gpa]),
                            tdr,
                            self.page::<Guest>(page + 3),
                            hpa(self.params),
                        );
                    }
                }
                Op::QuickRemove { td, gpa } => {
                    let packed = sept_gpa(GPAS[gpa], SeptLevel::Level4K);
                    let _ = raw::tdh_mem_range_block(packed, self.td(td));
                    let _ = raw::tdh_mem_track(self.td(td));
                    let _ = raw::tdh_mem_page_remove(packed, self.td(td));
                }
                Op::PageAdd { td, gpa, page } => {
                    let source = self.pool[(page + 1) % POOL];
                    let _ = raw::tdh_mem_page_add(
                        common::gpa(GPAS[gpa]),
                        self.td(td),
                        self.page::<Guest>(page),
                        hpa(source),
                    );
                }
                Op::Finalize { td } => {
                    let _ = raw::tdh_mr_finalize(self.td(td));
                }
                Op::Aug { td, gpa, page } => {
                    let _ = raw::tdh_mem_page_aug(
                        sept_gpa(GPAS[gpa], SeptLevel::Level4K),
                        self.td(td),
                        self.page(page),
                    );
                }
                Op::Block { td, gpa } => {
                    let _ = raw::tdh_mem_range_block(
                        sept_gpa(GPAS[gpa], SeptLevel::Level4K),
                        self.td(td),
                    );
                }
                Op::Track { td } => {
                    let _ = raw::tdh_mem_track(self.td(td));
                }
                Op::Remove { td, gpa } => {
                    let _ = raw::tdh_mem_page_remove(
                        sept_gpa(GPAS[gpa], SeptLevel::Level4K),
                        self.td(td),
                    );
                }
                Op::Enter { vp } => {
                    let mut args = ModuleArgs {
                        rcx: self.vp(vp).as_u64(),
                        ..ModuleArgs::default()
                    };
                    let _ = raw::tdh_vp_enter(&mut args);
                }
                Op::Accept { vp, gpa } => {
                    m.as_guest(self.vp(vp), || {
                        let _ = raw::tdg_mem_page_accept(accept_gpa(GPAS[gpa], PageSize::Size4K));
                    });
                }
                Op::Flush { vp } => {
                    let _ = raw::tdh_vp_flush(self.vp(vp));
                }
                Op::FlushDone { td } => {
                    let _ = raw::tdh_mng_vpflushdone(self.td(td));
                }
                Op::CacheWb { resume } => {
                    let _ = raw::tdh_phymem_cache_wb(resume);
                }
                Op::FreeId { td } => {
                    let _ = raw::tdh_mng_key_freeid(self.td(td));
                }
                Op::Reclaim { page } => {
                    let _ = raw::tdh_phymem_page_reclaim(hpa(self.pool[page % POOL]));
                }
                Op::MngRd { td } => {
                    let _ = raw::tdh_mng_rd(self.td(td), metadata_fields::td::CHLDCNT);
                }
            }
        }
    }

    /// Tears every TD down and reclaims every page; each step must succeed.
    fn teardown_everything(&self) -> Result<(), String> {
        let m = &self.m;
        for tdr in m.tds() {
            let td = m.td(tdr).ok_or("TD vanished")?;
            let tdr_page = tdr;
            // SAFETY: see the `common` module docs.
            unsafe {
                if matches!(
                    td.lifecycle,
                    Lifecycle::HkidAssigned | Lifecycle::KeysConfigured
                ) {
                    for vp in &td.vcpus {
                        let _ = raw::tdh_vp_flush(*vp);
                    }
                    raw::tdh_mng_vpflushdone(tdr_page).map_err(|e| format!("VPFLUSHDONE: {e}"))?;
                }
                if m.td(tdr).map(|t| t.lifecycle) == Some(Lifecycle::Blocked) {
                    let mut resume = 0;
                    loop {
                        match raw::tdh_phymem_cache_wb(resume) {
                            Ok(_) => break,
                            Err(e) if e.status() == TdxStatus::INTERRUPTED_RESUMABLE => resume = 1,
                            // A session left from the random sequence may have ended: restart.
                            Err(e) if e.status().matches(TdxStatus::OPERAND_INVALID) => resume = 0,
                            Err(e) => return Err(format!("CACHE.WB: {e}")),
                        }
                    }
                    raw::tdh_mng_key_freeid(tdr_page).map_err(|e| format!("FREEID: {e}"))?;
                }
                for page in m.leaked_pages() {
                    if page.owner == Some(tdr) && page.hpa != tdr.hpa() {
                        raw::tdh_phymem_page_reclaim(page.hpa)
                            .map_err(|e| format!("reclaim {page}: {e}"))?;
                        m.check_invariants()
                            .map_err(|e| format!("after reclaiming {page}: {e}"))?;
                    }
                }
                raw::tdh_phymem_page_reclaim(tdr.hpa()).map_err(|e| format!("reclaim TDR: {e}"))?;
            }
            m.check_invariants()?;
        }
        if m.leaked_pages().is_empty() {
            Ok(())
        } else {
            Err(format!("leaked: {:?}", m.leaked_pages()))
        }
    }
}

fn world() -> World {
    let m = module();
    let pool: Vec<u64> = (0..POOL)
        .map(|_| m.alloc_page::<Guest>().as_u64())
        .collect();
    let params = m.alloc_page::<Guest>().as_u64();
    m.write_memory(hpa(params), &TdParams::default().to_bytes());
    World { m, pool, params }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn random_sequences_keep_the_model_consistent(ops in prop::collection::vec(op(), 1..60)) {
        let w = world();
        let result = w.m.run(|| {
            bring_up(&w.m);
            for (i, op) in ops.iter().enumerate() {
                w.apply(op);
                w.m.check_invariants().map_err(|e| format!("after op {i} {op:?}: {e}"))?;
            }
            w.teardown_everything()
        });
        prop_assert!(result.is_ok(), "{}", result.err().unwrap_or_default());
        if std::env::var_os("TDX_EMU_PROPTEST_STATS").is_some() {
            let ok: Vec<String> = w.m.call_counts().iter().filter(|c| c.calls > c.errors).map(|c| format!("{}:{}", c.name.unwrap_or("?"), c.calls - c.errors)).collect();
            eprintln!("{}", ok.join(" "));
        }
        prop_assert!(w.m.tds().is_empty());
    }
}

/// The sequences do reach the interesting states (a sanity check of the generator, on a
/// fixed sequence).
#[test]
fn a_fixed_sequence_reaches_a_running_td() {
    let w = world();
    w.m.run(|| {
        bring_up(&w.m);
        for op in [
            Op::QuickTd { page: 0, hkid: 33 },
            Op::QuickVp {
                td: 0,
                page: 5,
                apic: 0,
            },
            Op::SeptAdd {
                td: 0,
                gpa: 0,
                level: 3,
                page: 11,
            },
            Op::SeptAdd {
                td: 0,
                gpa: 0,
                level: 2,
                page: 12,
            },
            Op::SeptAdd {
                td: 0,
                gpa: 0,
                level: 1,
                page: 13,
            },
            Op::PageAdd {
                td: 0,
                gpa: 0,
                page: 14,
            },
            Op::Finalize { td: 0 },
            Op::Aug {
                td: 0,
                gpa: 1,
                page: 16,
            },
            Op::Accept { vp: 0, gpa: 1 },
            Op::Enter { vp: 0 },
        ] {
            w.apply(&op);
        }
        let td = w.m.td(as_page(w.pool[0])).expect("TD");
        assert_eq!(td.leaves.len(), 2);
        assert!(td.mrtd.is_some());
        assert_eq!(w.m.vcpu(as_page(w.pool[5])).map(|v| v.entries), Some(1));
        w.teardown_everything().expect("teardown");
    });
}
