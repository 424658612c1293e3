//! The typed helper API of `TdxModule`: what it refuses (by type or by `Err`) and the typed
//! snapshots it returns.

mod common;

use common::*;
use tdx_core::{
    Guest, Hkid, Hpa, Page, PageSize, Sept, SeptLevel, Tdr, Tdvpr, TdxStatus, abi, metadata_fields,
};
use tdx_emu::module::{
    Fault, FaultKind, FreeError, PamtType, SeptMapping, SeptState, SeptTable, TdParams, leaf,
};

#[test]
fn free_refuses_what_the_allocator_did_not_hand_out() {
    let m = module();
    let base = m.config().tdmrs[0].base;
    let page: Page<Guest> = m.alloc_page();
    assert_eq!(m.free_page(page), Ok(()));
    // Twice: the page is free already, and stays free once (the allocator hands it out once).
    assert_eq!(
        m.free_page(page),
        Err(FreeError::NotAllocated { hpa: page.hpa() })
    );
    assert_eq!(m.alloc_page::<Guest>(), page, "reused");
    let next = m.alloc_page::<Guest>();
    assert_ne!(next, page, "handed out once, not twice");
    // Outside every TDMR, and never handed out yet.
    let outside = Hpa::new(base - 4096).expect("HPA");
    assert_eq!(
        m.free(outside, PageSize::Size4K),
        Err(FreeError::NotAllocated { hpa: outside })
    );
    let last = Hpa::new(base + m.config().tdmrs[0].size - 4096).expect("HPA");
    assert_eq!(
        m.free(last, PageSize::Size4K),
        Err(FreeError::NotAllocated { hpa: last })
    );
    // Misaligned for its size.
    let big = m.try_alloc(PageSize::Size2M).expect("2 MiB page");
    let inside = Hpa::new(big.as_u64() + 4096).expect("HPA");
    assert_eq!(
        m.free(inside, PageSize::Size2M),
        Err(FreeError::Misaligned {
            hpa: inside,
            size: PageSize::Size2M
        })
    );
    assert_eq!(m.free(big, PageSize::Size2M), Ok(()));
    let message = FreeError::Misaligned {
        hpa: inside,
        size: PageSize::Size2M,
    }
    .to_string();
    assert!(message.contains(&format!("{inside:#x}")), "{message}");
}

#[test]
fn a_page_the_module_still_owns_cannot_be_given_back() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        assert_eq!(
            m.free_page(td.tdr),
            Err(FreeError::StillAssigned { hpa: td.tdr.hpa() })
        );
        assert!(
            m.free_page(td.tdr)
                .unwrap_err()
                .to_string()
                .contains("TDH.PHYMEM.PAGE.RECLAIM")
        );
        // Still the TD's after the refusal.
        assert_eq!(m.td(td.tdr).map(|t| t.hkid), Some(Hkid::new(HKID)));
        teardown(&m, &td, &[]);
        assert!(m.leaked_pages().is_empty());
    });
}

#[test]
fn snapshots_are_typed() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &TdParams::default());
        let vp = create_vcpu(&m, &td, 3);
        let free: Page<Guest> = m.alloc_page();
        let info = m.page(free.hpa()).expect("in a TDMR");
        assert_eq!((info.page_type, info.owner), (PamtType::Nda, None));
        assert_eq!(m.page(Hpa::ZERO), None, "outside every TDMR");
        let tdcs = m.page(td.tdcs[0].hpa()).expect("TDCS page");
        assert_eq!(
            (tdcs.page_type, tdcs.owner, tdcs.size),
            (PamtType::Tdcx, Some(td.tdr), PageSize::Size4K)
        );
        assert_eq!(m.tds(), vec![td.tdr]);
        let snapshot = m.td(td.tdr).expect("TD");
        assert_eq!(snapshot.tdr, td.tdr);
        assert_eq!(snapshot.tdcs_pages, td.tdcs);
        assert_eq!(snapshot.vcpus, vec![vp.tdvpr]);
        let vcpu = m.vcpu(vp.tdvpr).expect("vCPU");
        assert_eq!(
            (
                vcpu.tdvpr,
                vcpu.tdr,
                vcpu.tdcx_pages.clone(),
                vcpu.x2apic_id
            ),
            (vp.tdvpr, td.tdr, vp.tdcx.clone(), Some(3))
        );
        // A TDR is not a vCPU, and a vCPU page is not a TD root: the snapshots say none.
        assert_eq!(
            m.vcpu(Page::<Tdvpr>::new(td.tdr.hpa()).expect("page")),
            None
        );
        assert_eq!(m.td(Page::<Tdr>::new(vp.tdvpr.hpa()).expect("page")), None);

        // The Secure EPT: the pages added, and a leaf after PAGE.AUG.
        let added: Vec<Page<Sept>> = map_sept(&m, &td, 0x1000);
        let tables = m.td(td.tdr).expect("TD").sept_pages;
        assert_eq!(
            tables.iter().map(|t| t.page).collect::<Vec<_>>().len(),
            added.len()
        );
        assert!(tables.contains(&SeptTable {
            level: SeptLevel::Level2M,
            gpa: gpa(0),
            page: added[added.len() - 1],
        }));
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mr_finalize(td.tdr) }.expect("MR.FINALIZE");
        let aug: Page<Guest> = m.alloc_page();
        // SAFETY: as above.
        unsafe { raw::tdh_mem_page_aug(sept_gpa(0x1000, SeptLevel::Level4K), td.tdr, aug) }
            .expect("PAGE.AUG");
        let mapping = SeptMapping {
            level: SeptLevel::Level4K,
            gpa: gpa(0x1000),
            hpa: aug.hpa(),
            state: SeptState::Pending,
        };
        assert_eq!(m.sept_leaf(td.tdr, gpa(0x1234)), Some(mapping));
        assert_eq!(m.sept_leaf(td.tdr, gpa(0x2000)), None);
        assert_eq!(m.td(td.tdr).expect("TD").leaves, vec![mapping]);
        teardown(&m, &td, &[vp]);
        assert!(m.leaked_pages().is_empty());
    });
}

#[test]
fn faults_and_fields_are_named_by_type() {
    let m = module();
    assert_eq!(
        Fault::on_seamcall::<abi::TdhSysRd>(FaultKind::NoEntropy),
        Fault::seamcall(leaf::TDH_SYS_RD, FaultKind::NoEntropy)
    );
    assert_eq!(
        Fault::on_tdcall::<abi::TdgVpInfo>(FaultKind::NoEntropy),
        Fault::tdcall(leaf::TDG_VP_INFO, FaultKind::NoEntropy)
    );
    m.run(|| {
        bring_up(&m);
        // SAFETY: see the `common` module docs.
        let size = unsafe { raw::tdh_sys_rd(metadata_fields::global::TDCS_BASE_SIZE) };
        assert_eq!(
            size.map(|o| o.value),
            Ok(u64::from(m.config().tdcs_pages) * 4096)
        );
        let id = m.inject(Fault::on_seamcall::<abi::TdhSysRd>(FaultKind::Status(
            TdxStatus::OPERAND_BUSY,
        )));
        // SAFETY: as above.
        let busy = unsafe { raw::tdh_sys_rd(metadata_fields::global::TDCS_BASE_SIZE) };
        assert_eq!(busy.map_err(|e| e.status()), Err(TdxStatus::OPERAND_BUSY));
        assert_eq!(m.fault_hits(id), Some(1));
    });
}
