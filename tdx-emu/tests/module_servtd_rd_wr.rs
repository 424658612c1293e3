//! TDG.SERVTD.RD / TDG.SERVTD.WR through the trap with the catalog's wrappers, as
//! intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdg_servtd_rd_wr.c`
//! (1.5.01): a service TD bound by TDH.SERVTD.BIND reads and writes the target's TD-scope
//! metadata with the migration-TD masks; the handle, target UUID and binding checks in the
//! handler's order.

mod common;

use common::*;
use tdx_calls::TdxTd;
use tdx_calls::guest::{tdg_servtd_rd, tdg_servtd_wr};
use tdx_calls::host::{tdh_mng_rd, tdh_servtd_bind};
use tdx_core::metadata_fields::td as tdf;
use tdx_core::{
    FieldId, Page, ServtdAttributes, ServtdHandle, ServtdSlot, ServtdType, TdUuid, Tdr, TdxError,
    TdxStatus,
};
use tdx_emu::module::{TdParams, TdxModule};

/// `OPERAND_ID_TDR`.
const OPERAND_TDR: u32 = 0x80;

fn td_of(tdr: Page<Tdr>) -> TdxTd<'static> {
    TdxTd { tdr, tdcs: &[] }
}

fn host_rd(tdr: Page<Tdr>, field: FieldId) -> Result<u64, TdxError> {
    // SAFETY: see the `common` module docs.
    unsafe { tdh_mng_rd(&td_of(tdr), field) }.map(|out| out.value)
}

fn uuid_of(tdr: Page<Tdr>) -> TdUuid {
    let q = |i| host_rd(tdr, FieldId::from_raw(tdf::TD_UUID.raw() + i)).expect("TD_UUID");
    TdUuid {
        q0: q(0),
        q1: q(1),
        q2: q(2),
        q3: q(3),
    }
}

/// Binds `svc` to `target` in slot 0 (attributes 0); returns the handle.
fn bind(target: Page<Tdr>, svc: Page<Tdr>) -> ServtdHandle {
    let attributes = ServtdAttributes::new(0).expect("valid");
    // SAFETY: see the `common` module docs.
    unsafe {
        tdh_servtd_bind(
            &td_of(target),
            svc,
            ServtdSlot::new(0),
            ServtdType::MIGTD,
            attributes,
        )
    }
    .expect("BIND")
    .handle
}

fn element(field: FieldId, i: u64) -> FieldId {
    FieldId::from_raw(field.raw() + i)
}

/// TDG.SERVTD.RD as vCPU `tdvpr`.
fn servtd_rd(
    m: &TdxModule,
    tdvpr: Page<tdx_core::Tdvpr>,
    handle: ServtdHandle,
    field: FieldId,
    uuid: TdUuid,
) -> Result<tdx_calls::guest::ServtdRd, TdxError> {
    m.as_guest(tdvpr, || tdg_servtd_rd(handle, field, uuid))
}

/// TDG.SERVTD.WR as vCPU `tdvpr`.
fn servtd_wr(
    m: &TdxModule,
    tdvpr: Page<tdx_core::Tdvpr>,
    handle: ServtdHandle,
    field: FieldId,
    (value, mask): (u64, u64),
    uuid: TdUuid,
) -> Result<u64, TdxError> {
    // SAFETY: see the `common` module docs.
    m.as_guest(tdvpr, || unsafe {
        tdg_servtd_wr(handle, field, value, mask, uuid)
    })
    .map(|out| out.old)
}

#[test]
fn a_bound_service_td_reads_and_writes_the_target_with_the_migtd_masks() {
    let m = module();
    m.run(|| {
        let (svc, vp) = guest_td_with(&m, &TdParams::default());
        let target = create_td(&m, HKID + 1, &TdParams::default()).tdr;
        let handle = bind(target, svc.tdr);
        let uuid = uuid_of(target);
        let rd = |field| servtd_rd(&m, vp.tdvpr, handle, field, uuid);
        let wr = |field, value_mask| servtd_wr(&m, vp.tdvpr, handle, field, value_mask, uuid);

        // TD_UUID (migtd read): the value and the next element in RDX.
        let out = rd(tdf::TD_UUID).expect("RD TD_UUID");
        assert_eq!(out.value, uuid.q0);
        assert_eq!(out.next, element(tdf::TD_UUID, 1).raw());
        assert_eq!(
            [out.uuid0, out.uuid1, out.uuid2, out.uuid3],
            [uuid.q0, uuid.q1, uuid.q2, uuid.q3]
        );
        // The context code of RDX is ignored (forced to MD_CTX_TD).
        let other_ctx = FieldId::from_raw(tdf::SERVTD_NUM.raw() & !(0x7 << 52));
        assert_eq!(rd(other_ctx).expect("RD SERVTD_NUM").value, 1);
        // A null field ID: the first field the migration TD may read, TD_UUID.
        let first = rd(FieldId::from_raw(u64::MAX)).expect("null ID");
        assert_eq!(first.status, TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
        assert_eq!(first.next, tdf::TD_UUID.raw());
        // FATAL: host-readable only.
        assert_eq!(err(rd(tdf::FATAL)), TdxStatus::METADATA_FIELD_NOT_READABLE);

        // MIG_DEC_KEY: migtd read/write, not readable by a production host.
        let key1 = element(tdf::MIG_DEC_KEY, 1);
        assert_eq!(wr(key1, (0x1234_5678, 0xFFFF_00FF)), Ok(0));
        assert_eq!(
            wr(key1, (0, 0xF)),
            Ok(0x1234_0078),
            "old value, under the mask"
        );
        assert_eq!(rd(key1).expect("RD key").value, 0x1234_0070);
        assert_eq!(
            err(host_rd(target, key1)),
            TdxStatus::METADATA_FIELD_NOT_READABLE
        );
        // TD_UUID: migtd read only; MIG_VERSION: only version 0 exists in 1.5.01.
        assert_eq!(
            err(wr(tdf::TD_UUID, (0, u64::MAX))),
            TdxStatus::METADATA_FIELD_NOT_WRITABLE
        );
        assert_eq!(
            err(wr(tdf::MIG_VERSION, (1, 0xFFFF))),
            TdxStatus::METADATA_FIELD_VALUE_NOT_VALID
        );
        assert_eq!(wr(tdf::MIG_VERSION, (0, 0xFFFF)), Ok(0));
        assert_eq!(host_rd(target, tdf::MIG_VERSION), Ok(0));
    });
    m.check_invariants().expect("consistent");
}

#[test]
fn the_handle_the_target_uuid_and_the_binding_are_checked_in_the_handlers_order() {
    let m = module();
    m.run(|| {
        let (svc, vp) = guest_td_with(&m, &TdParams::default());
        let target = create_td(&m, HKID + 1, &TdParams::default()).tdr;
        let unbound = create_td(&m, HKID + 2, &TdParams::default()).tdr;
        let handle = bind(target, svc.tdr);
        let uuid = uuid_of(target);
        let svc_uuid0 = uuid_of(svc.tdr).q0;
        let rd =
            |handle, uuid| servtd_rd(&m, vp.tdvpr, handle, tdf::TD_UUID, uuid).map(|o| o.value);
        let shifted = |delta: u64| ServtdHandle::from_raw(handle.raw().wrapping_add(delta));

        // Slot 1 (MAX_SERVTDS 1), before the TDR.
        assert_eq!(
            err(rd(shifted(1), uuid)),
            st(TdxStatus::OPERAND_INVALID, op::RCX)
        );
        // The handle names the target's TDR page plus the service TD's UUID: the next page is
        // no TDR.
        assert_eq!(
            err(rd(shifted(0x1000), uuid)),
            st(TdxStatus::PAGE_METADATA_INCORRECT, OPERAND_TDR)
        );
        // A wrong target UUID; a null one is the PRE_IMPORT_UUID of a TD never imported.
        let wrong = TdUuid {
            q3: !uuid.q3,
            ..uuid
        };
        assert_eq!(err(rd(handle, wrong)), TdxStatus::TARGET_UUID_MISMATCH);
        let updated = servtd_rd(&m, vp.tdvpr, handle, tdf::TD_UUID, TdUuid::default())
            .expect_err("a null target UUID");
        assert_eq!(updated.status(), TdxStatus::TARGET_UUID_UPDATED);
        assert_eq!(
            updated.reg_at(10),
            Some(uuid.q0),
            "R10-R13 = the current TD_UUID"
        );
        assert_eq!(updated.reg_at(13), Some(uuid.q3));
        // Another TD, with its UUID, that has no binding.
        let to_unbound = ServtdHandle::from_raw(unbound.as_u64().wrapping_add(svc_uuid0));
        assert_eq!(
            err(rd(to_unbound, uuid_of(unbound))),
            TdxStatus::SERVTD_NOT_BOUND
        );
        // The target UUID is checked before the binding, the slot before both.
        assert_eq!(err(rd(to_unbound, uuid)), TdxStatus::TARGET_UUID_MISMATCH);
        assert_eq!(
            err(rd(shifted(1), wrong)),
            st(TdxStatus::OPERAND_INVALID, op::RCX)
        );
        assert_eq!(rd(handle, uuid), Ok(uuid.q0));

        // Another RUNNABLE TD, with the handle broken by its own UUID: the slot is not its.
        let other = create_td(&m, HKID + 3, &TdParams::default());
        let other_vp = create_vcpu(&m, &other, 0);
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mr_finalize(other.tdr) }.expect("MR.FINALIZE");
        let other_uuid0 = uuid_of(other.tdr).q0;
        let theirs = ServtdHandle::from_raw(target.as_u64().wrapping_add(other_uuid0));
        let via_other = servtd_rd(&m, other_vp.tdvpr, theirs, tdf::TD_UUID, uuid);
        assert_eq!(err(via_other), TdxStatus::SERVTD_UUID_MISMATCH);

        // The service TD extends an RTMR: its TDINFO hash is no longer the bound one.
        m.as_guest(vp.tdvpr, || {
            // SAFETY: see the `common` module docs.
            unsafe { raw::tdg_mr_rtmr_extend(gpa(0x400), 2) }.expect("RTMR.EXTEND");
        });
        assert_eq!(err(rd(handle, uuid)), TdxStatus::SERVTD_INFO_HASH_MISMATCH);
        let wr = servtd_wr(&m, vp.tdvpr, handle, tdf::MIG_VERSION, (0, 0xFFFF), uuid);
        assert_eq!(err(wr), TdxStatus::SERVTD_INFO_HASH_MISMATCH);
    });
    m.check_invariants().expect("consistent");
}
