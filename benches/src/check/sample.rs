//! [`Sample`]: a distinctive, valid value of every operand type the subjects take, so that the
//! three subjects of a leaf get the same, recognisable inputs.

use tdx_calls::handles::{TdxTd, TdxVp};
use tdx_calls::vmcall::FatalErrorMessage;
use tdx_core::{
    AcceptGpa, AccessDirection, AccessSize, AttrFlags, CacheOp, CacheWbMode, CpuidVe,
    EventNotifyVector, FieldId, Gpa, GpaAttr, GpaListInfo, Hkid, Hpa, IoPort, KeyedHpa,
    KvmHypercallNr, L2Vm, L2VmMask, MapGpaTarget, MigscPage, MsrIndex, Page, PageKind, PageSize,
    PamtRange, PconfigLeaf, RtmrIndex, SeptGpa, SeptLevel, ServiceNotify, ServiceTimeout,
    ServtdHandle, SharedGpa, TdUuid, VmAndFlags, X2ApicId,
};

/// A distinctive, valid sample value of an operand type.
pub trait Sample {
    /// The `tag`-th sample (tags start at 1); never zero as a register.
    fn sample(tag: u64) -> Self;
}

impl Sample for u64 {
    fn sample(tag: u64) -> Self {
        0x1000_0000 + 0x11 * tag
    }
}
impl Sample for Hpa {
    fn sample(tag: u64) -> Self {
        Hpa::new(tag << 20 | 0x123).expect("sample HPA")
    }
}
impl<K: PageKind> Sample for Page<K> {
    fn sample(tag: u64) -> Self {
        Page::from_u64(tag << 24).expect("sample page")
    }
}
impl Sample for Gpa {
    fn sample(tag: u64) -> Self {
        Gpa::new(tag << 21).expect("sample GPA")
    }
}
impl Sample for SeptGpa {
    fn sample(tag: u64) -> Self {
        SeptGpa::new(Gpa::sample(tag), SeptLevel::Level2M).expect("sample SEPT GPA")
    }
}
impl Sample for AcceptGpa {
    fn sample(tag: u64) -> Self {
        AcceptGpa::new(Gpa::sample(tag), PageSize::Size2M).expect("sample accept GPA")
    }
}
impl Sample for SharedGpa {
    fn sample(tag: u64) -> Self {
        SharedGpa::new(1 << 51 | tag << 12).expect("sample shared GPA")
    }
}
impl Sample for FieldId {
    fn sample(tag: u64) -> Self {
        FieldId::from_raw(0x9100_0000_0000_0000 | tag)
    }
}
impl Sample for Hkid {
    fn sample(tag: u64) -> Self {
        Hkid::new(0x20 + tag as u16)
    }
}
impl Sample for KeyedHpa {
    fn sample(tag: u64) -> Self {
        KeyedHpa::new(Hpa::new(tag << 20).expect("sample HPA"), Hkid::new(5), 46)
            .expect("sample keyed HPA")
    }
}

impl Sample for &'static TdxTd<'static> {
    fn sample(tag: u64) -> Self {
        Box::leak(Box::new(TdxTd::new(Page::sample(tag), &[])))
    }
}
impl Sample for &'static TdxVp<'static> {
    fn sample(tag: u64) -> Self {
        Box::leak(Box::new(TdxVp::new(Page::sample(tag), &[])))
    }
}
impl Sample for &'static FatalErrorMessage {
    fn sample(_: u64) -> Self {
        Box::leak(Box::new(FatalErrorMessage::from_bytes(
            b"benchmark sample: a 64-byte message across eight registers....",
        )))
    }
}
impl Sample for CacheWbMode {
    fn sample(_: u64) -> Self {
        CacheWbMode::Resume
    }
}
impl Sample for RtmrIndex {
    fn sample(_: u64) -> Self {
        RtmrIndex::new(2)
    }
}
impl Sample for AccessSize {
    fn sample(_: u64) -> Self {
        AccessSize::Dword
    }
}
impl Sample for AccessDirection {
    fn sample(_: u64) -> Self {
        AccessDirection::Write
    }
}
impl Sample for IoPort {
    fn sample(tag: u64) -> Self {
        IoPort::new(0x3f8 + tag as u16)
    }
}
impl Sample for X2ApicId {
    fn sample(tag: u64) -> Self {
        X2ApicId::new(0x30 + tag as u32)
    }
}
impl Sample for MsrIndex {
    fn sample(tag: u64) -> Self {
        MsrIndex::new(0x1b + tag as u32)
    }
}
impl Sample for EventNotifyVector {
    fn sample(tag: u64) -> Self {
        EventNotifyVector::new(0x40 + tag as u8).expect("sample vector")
    }
}
impl Sample for CpuidVe {
    fn sample(tag: u64) -> Self {
        CpuidVe {
            supervisor: true,
            user: tag % 2 == 1,
        }
    }
}
impl Sample for L2VmMask {
    fn sample(tag: u64) -> Self {
        L2VmMask::EMPTY.with(L2Vm::new(1 + (tag % 3) as u8).expect("sample L2 VM"))
    }
}
impl Sample for VmAndFlags {
    fn sample(tag: u64) -> Self {
        VmAndFlags::list(L2Vm::new(1 + (tag % 3) as u8).expect("sample L2 VM"))
    }
}
impl Sample for GpaAttr {
    fn sample(tag: u64) -> Self {
        GpaAttr::from_raw(0x8000 | tag << 16 | 0x7)
    }
}
impl Sample for AttrFlags {
    fn sample(tag: u64) -> Self {
        AttrFlags::default()
            .with_vm(
                L2Vm::new(1 + (tag % 3) as u8).expect("sample L2 VM"),
                0x7,
                true,
            )
            .expect("sample attribute flags")
    }
}
impl Sample for ServtdHandle {
    fn sample(tag: u64) -> Self {
        ServtdHandle::from_raw(0x5e00 + tag)
    }
}
impl Sample for TdUuid {
    fn sample(tag: u64) -> Self {
        TdUuid {
            q0: 0x0111 + tag,
            q1: 0x0222 + tag,
            q2: 0x0333 + tag,
            q3: 0x0444 + tag,
        }
    }
}
impl Sample for GpaListInfo {
    fn sample(tag: u64) -> Self {
        GpaListInfo::new(
            Hpa::new(tag << 20).expect("sample list HPA"),
            1,
            2 + tag as u16,
        )
        .expect("sample GPA list")
    }
}
impl Sample for MigscPage {
    fn sample(tag: u64) -> Self {
        MigscPage::new(Hpa::new(tag << 24).expect("sample MIGSC HPA")).expect("sample MIGSC")
    }
}
impl Sample for PamtRange {
    fn sample(tag: u64) -> Self {
        PamtRange::new(Hpa::new(tag << 30).expect("sample PAMT HPA")).expect("sample range")
    }
}
impl Sample for CacheOp {
    fn sample(_tag: u64) -> Self {
        // Never zero as a register: WBNOINVD (1).
        CacheOp::Wbnoinvd
    }
}
impl Sample for PconfigLeaf {
    fn sample(tag: u64) -> Self {
        PconfigLeaf::new(tag).expect("sample PCONFIG leaf")
    }
}
impl Sample for ServiceNotify {
    fn sample(tag: u64) -> Self {
        ServiceNotify::Interrupt(EventNotifyVector::sample(tag))
    }
}
impl Sample for ServiceTimeout {
    fn sample(tag: u64) -> Self {
        ServiceTimeout::new(0x100 + tag)
    }
}
impl Sample for MapGpaTarget {
    fn sample(tag: u64) -> Self {
        MapGpaTarget::Shared(SharedGpa::sample(tag))
    }
}
impl Sample for KvmHypercallNr {
    fn sample(tag: u64) -> Self {
        KvmHypercallNr::new(tag).expect("non-zero")
    }
}
