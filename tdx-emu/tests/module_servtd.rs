//! Service-TD binding through the trap with the catalog's wrappers: TDH.SERVTD.PREBIND and
//! TDH.SERVTD.BIND as intel/tdx-module@72d8cffb `tdh_servtd_prebind.c` / `tdh_servtd_bind.c`
//! (1.5.01), the binding slot read back through TDH.MNG.RD (SERVTD_BINDINGS_TABLE,
//! SERVTD_NUM) and the service TD's TDINFO hash taken from its own TDREPORT.

mod common;

use common::*;
use tdx_calls::TdxTd;
use tdx_calls::host::{tdh_mng_rd, tdh_servtd_bind, tdh_servtd_prebind};
use tdx_core::metadata_fields::td as tdf;
use tdx_core::{
    FieldId, Guest, Hpa, Page, ServtdAttributes, ServtdSlot, ServtdType, Tdr, TdxError, TdxStatus,
};
use tdx_emu::module::{TdParams, TdReport, TdxModule};

const MIGTD: ServtdType = ServtdType::MIGTD;

fn td_of(tdr: Page<Tdr>) -> TdxTd<'static> {
    TdxTd { tdr, tdcs: &[] }
}

fn attrs(raw: u64) -> ServtdAttributes {
    ServtdAttributes::new(raw).expect("no reserved bits")
}

/// Element `i` of a TD field.
fn rd(tdr: Page<Tdr>, field: FieldId, i: u64) -> u64 {
    // SAFETY: see the `common` module docs.
    unsafe { tdh_mng_rd(&td_of(tdr), FieldId::from_raw(field.raw() + i)) }
        .expect("MNG.RD")
        .value
}

/// The binding slot's 16 elements.
fn slot(tdr: Page<Tdr>) -> Vec<u64> {
    (0..16)
        .map(|i| rd(tdr, tdf::SERVTD_BINDINGS_TABLE, i))
        .collect()
}

fn uuid(tdr: Page<Tdr>) -> [u64; 4] {
    [0, 1, 2, 3].map(|i| rd(tdr, tdf::TD_UUID, i))
}

/// The 48 bytes as the slot's six INFO_HASH elements.
fn hash_words(hash: &[u8; 48]) -> Vec<u64> {
    hash.chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect()
}

/// The service TD's TDINFO hash, from a TDREPORT it asks for itself.
fn tdinfo_hash_of(m: &TdxModule, svc: &Td, vp: &Vp) -> [u8; 48] {
    m.as_guest(vp.tdvpr, || {
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdg_mr_report(gpa(0x400), gpa(0x1000), 0) }.expect("MR.REPORT");
    });
    let mut bytes = [0u8; 1024];
    bytes.copy_from_slice(&m.read_memory(hpa_of(m, svc, 0x400), 1024));
    TdReport::parse(&bytes).tee_info_hash
}

/// A shared page holding `hash`; returns its HPA.
fn hash_page(m: &TdxModule, hash: &[u8; 48]) -> Hpa {
    let page: Page<Guest> = m.alloc_page();
    m.write_memory(page.hpa(), hash);
    page.hpa()
}

fn prebind(
    tdr: Page<Tdr>,
    hash: Hpa,
    slot: u16,
    kind: ServtdType,
    attributes: u64,
) -> Result<TdxStatus, TdxError> {
    // SAFETY: see the `common` module docs.
    unsafe {
        tdh_servtd_prebind(
            &td_of(tdr),
            hash,
            ServtdSlot::new(slot),
            kind,
            attrs(attributes),
        )
    }
}

fn bind(
    tdr: Page<Tdr>,
    servtd: Page<Tdr>,
    attributes: u64,
) -> Result<tdx_calls::host::ServtdBind, TdxError> {
    // SAFETY: see the `common` module docs.
    unsafe {
        tdh_servtd_bind(
            &td_of(tdr),
            servtd,
            ServtdSlot::new(0),
            MIGTD,
            attrs(attributes),
        )
    }
}

#[test]
fn prebind_records_a_hash_and_bind_checks_it_against_the_service_tds_tdinfo() {
    let m = module();
    m.run(|| {
        // The service TD runs (RUNNABLE); the target is initialized, not finalized.
        let (svc, svc_vp) = guest_td_with(&m, &TdParams::default());
        let target = create_td(&m, HKID + 1, &TdParams::default()).tdr;
        let hash = tdinfo_hash_of(&m, &svc, &svc_vp);
        let good = hash_page(&m, &hash);
        let wrong = hash_page(&m, &[7; 48]);
        let invalid = |operand| st(TdxStatus::OPERAND_INVALID, operand);
        // PREBIND's operand checks, in the handler's order.
        let misaligned = hpa(good.as_u64() + 32);
        assert_eq!(
            err(prebind(target, misaligned, 0, MIGTD, 0)),
            invalid(op::RDX)
        );
        assert_eq!(
            err(prebind(target, good, 1, MIGTD, 0)),
            invalid(op::R8),
            "MAX_SERVTDS 1"
        );
        assert_eq!(
            err(prebind(target, good, 0, ServtdType::new(1), 0)),
            invalid(op::R9)
        );
        // Bit 43: not reserved for the wrapper, but outside SERVTD_ATTRIBUTES_FIXED_0.
        assert_eq!(err(prebind(target, good, 0, MIGTD, 1 << 43)), invalid(10));
        assert_eq!(slot(target)[0], 0, "still NOT_BOUND");
        assert_eq!(rd(target, tdf::SERVTD_NUM, 0), 0);

        // Pre-bound with a hash that is not the service TD's: BIND refuses it.
        assert_eq!(prebind(target, wrong, 0, MIGTD, 0), Ok(TdxStatus::SUCCESS));
        assert_eq!(slot(target)[0], 1, "PRE_BOUND, type 0");
        assert_eq!(slot(target)[6..12], hash_words(&[7; 48]));
        assert_eq!(rd(target, tdf::SERVTD_NUM, 0), 1);
        let refused = bind(target, svc.tdr, 0).expect_err("another hash");
        assert_eq!(refused.status(), TdxStatus::SERVTD_INFO_HASH_MISMATCH);
        assert_eq!(refused.reg_at(1), Some(0), "RCX = 0 on failure");
        // Attributes other than the pre-binding's: ATTR_MISMATCH (checked before the hash).
        assert_eq!(
            err(bind(target, svc.tdr, 1)),
            TdxStatus::SERVTD_ATTR_MISMATCH
        );

        // Pre-bound again (a PRE_BOUND slot is overwritten, SERVTD_NUM stays) with the hash of
        // the service TD's own TDREPORT: BIND succeeds.
        assert_eq!(prebind(target, good, 0, MIGTD, 0), Ok(TdxStatus::SUCCESS));
        assert_eq!(rd(target, tdf::SERVTD_NUM, 0), 1);
        let bound = bind(target, svc.tdr, 0).expect("BIND");
        let (svc_uuid, target_uuid) = (uuid(svc.tdr), uuid(target));
        assert_ne!(svc_uuid, target_uuid, "each TD its own TD_UUID");
        assert_eq!(
            bound.handle.raw(),
            target.as_u64().wrapping_add(svc_uuid[0]),
            "slot 0 | TDR page, plus the service TD's UUID quadword 0"
        );
        assert_eq!(
            [bound.uuid0, bound.uuid1, bound.uuid2, bound.uuid3],
            target_uuid
        );
        let table = slot(target);
        assert_eq!(table[0], 2, "BOUND");
        assert_eq!(table[2..6], svc_uuid);
        assert_eq!(table[6..12], hash_words(&hash));

        // BOUND: PREBIND is refused; rebinding the same service TD without INSTANCE_BINDING
        // checks the hash, which still matches.
        assert_eq!(
            err(prebind(target, good, 0, MIGTD, 0)),
            TdxStatus::SERVTD_BOUND
        );
        assert!(bind(target, svc.tdr, 0).is_ok(), "rebinding");
        assert_eq!(rd(target, tdf::SERVTD_NUM, 0), 1);
    });
}

#[test]
fn bind_checks_both_tds_states_and_instance_binding_pins_the_uuid() {
    let m = module();
    m.run(|| {
        let (svc, _) = guest_td_with(&m, &TdParams::default());
        let target = create_td(&m, HKID + 1, &TdParams::default()).tdr;
        let other = create_td(&m, HKID + 2, &TdParams::default());
        let free: Page<Tdr> = m.alloc_page();
        // The service TD must be another TD, a TDR, and (by the module's othertd table)
        // RUNNABLE: `other` is only initialized.
        assert_eq!(
            err(bind(target, target, 0)),
            st(TdxStatus::OPERAND_INVALID, op::RDX)
        );
        assert_eq!(
            err(bind(target, free, 0)),
            st(TdxStatus::PAGE_METADATA_INCORRECT, op::RDX)
        );
        assert_eq!(err(bind(target, other.tdr, 0)), OP_STATE_INCORRECT);
        assert_eq!(slot(target)[0], 0);

        // Initial binding with INSTANCE_BINDING (no PREBIND): the UUID is pinned ...
        bind(target, svc.tdr, 1).expect("initial BIND");
        assert_eq!(rd(target, tdf::SERVTD_NUM, 0), 1);
        // ... so another RUNNABLE service TD cannot rebind, even with the same attributes.
        create_vcpu(&m, &other, 0);
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mr_finalize(other.tdr) }.expect("MR.FINALIZE");
        assert_eq!(
            err(bind(target, other.tdr, 1)),
            TdxStatus::SERVTD_UUID_MISMATCH
        );
        assert_eq!(
            err(bind(target, other.tdr, 0)),
            TdxStatus::SERVTD_ATTR_MISMATCH
        );
        assert!(
            bind(target, svc.tdr, 1).is_ok(),
            "the pinned service TD rebinds"
        );
        assert_eq!(slot(target)[2..6], uuid(svc.tdr));

        // A finalized target: PREBIND is refused by the table, and an initial BIND by the
        // handler's own check (NOT_BOUND needs UNINITIALIZED or INITIALIZED).
        let late = create_td(&m, HKID + 3, &TdParams::default());
        create_vcpu(&m, &late, 0);
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mr_finalize(late.tdr) }.expect("MR.FINALIZE");
        let page = hash_page(&m, &[0; 48]);
        assert_eq!(
            err(prebind(late.tdr, page, 0, MIGTD, 0)),
            OP_STATE_INCORRECT
        );
        assert_eq!(err(bind(late.tdr, svc.tdr, 0)), OP_STATE_INCORRECT);
        assert_eq!(slot(late.tdr)[0], 0);
    });
    m.check_invariants().expect("consistent");
}
