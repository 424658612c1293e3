//! Sample operands ([`Sample`]) and raw registers of outputs ([`Raw`]) of the operand types
//! that only the module-1.5.34, version-1, migration, service-TD, L2 and TDX Connect leaves use
//! (the others are in `check.rs`). Every sample is valid for its type and non-zero as a
//! register, and distinct per tag, so that a register loaded from the wrong operand shows.

use crate::check::{Raw, Sample};
use tdx_core::{
    DevifField, DevifId, DevifReqIn, DevifReqOut, DevifRspIn, DevifRspOut, DevifmtIdx, DmarIdx,
    DmarLevel, DmarStateInfo, DmarTarget, FunctionId, IdeDirection, IdeKmObject, IdeKmParam,
    IommuId, IommuRegId, MmiomtIdx, MmiomtSetInfo, StreamId,
};
use tdx_core::{
    DynamicPamt, DynamicPamtPage, FatalErrorConfig, FeatureEnables, Hpa, HpaAndSize, L1SeptPage,
    L2AttrList, L2EnterFlags, L2Invalidate, L2SeptPage, L2SeptPages, L2Vm, ListOfLists, MacLists,
    MigStream, Page, PageListInfo, RangeListInfo, ScanControls, ScanCxOut, ScanCxPage, ScanOp,
    ScanQualifier, SeptAddPage, SeptAddPages, ServtdAttributes, ServtdHandle, ServtdSlot,
    ServtdType, TdHandleAndFlags,
};

/// The 4 KiB page `n` (0..16) of the 16 MiB block of `tag`.
fn page<K: tdx_core::PageKind>(tag: u64, n: u64) -> Page<K> {
    Page::from_u64(tag << 24 | n << 12).expect("sample page")
}

/// The page-aligned HPA `n` of the block of `tag` (1 MiB blocks, so distinct from [`page`]).
fn hpa(tag: u64, n: u64) -> Hpa {
    Hpa::new(tag << 20 | n << 12).expect("sample HPA")
}

impl Sample for TdHandleAndFlags {
    fn sample(tag: u64) -> Self {
        TdHandleAndFlags::new(page(tag, 0), true)
    }
}
impl Sample for L2SeptPages {
    fn sample(tag: u64) -> Self {
        L2SeptPages {
            vm1: L2SeptPage::new(page(tag, 1)),
            vm2: L2SeptPage::new(page(tag, 2)),
            vm3: L2SeptPage::new(page(tag, 3)),
        }
    }
}
impl Sample for SeptAddPages {
    fn sample(tag: u64) -> Self {
        SeptAddPages {
            l1: L1SeptPage::new(page(tag, 4)),
            l2: L2SeptPages::sample(tag),
        }
    }
}
impl Sample for DynamicPamt {
    fn sample(tag: u64) -> Self {
        DynamicPamt {
            page0: DynamicPamtPage::new(page(tag, 5)),
            page1: DynamicPamtPage::new(page(tag, 6)),
        }
    }
}
impl Sample for FatalErrorConfig {
    fn sample(tag: u64) -> Self {
        FatalErrorConfig::new(Some(hpa(tag, 1)))
            .expect("sample fatal-error log")
            .with_nmi()
    }
}
impl Sample for FeatureEnables {
    fn sample(tag: u64) -> Self {
        FeatureEnables::new(1 << (tag % 8), u64::MAX).expect("sample feature enables")
    }
}
impl Sample for ListOfLists {
    fn sample(tag: u64) -> Self {
        ListOfLists::new(hpa(tag, 2), 3 + tag as u16).expect("sample list of lists")
    }
}
impl Sample for ScanControls {
    fn sample(tag: u64) -> Self {
        ScanControls::new(ScanOp::Dscan, ScanQualifier::Reexport, 0x10 + tag as u16, 1)
    }
}
impl Sample for RangeListInfo {
    fn sample(tag: u64) -> Self {
        RangeListInfo::new(hpa(tag, 3), 2 + tag as u16).expect("sample range list")
    }
}
impl Sample for ScanCxPage {
    fn sample(tag: u64) -> Self {
        ScanCxPage::new(hpa(tag, 4)).expect("sample scan context page")
    }
}
impl Sample for ServtdSlot {
    fn sample(tag: u64) -> Self {
        ServtdSlot::new(1 + tag as u16)
    }
}
impl Sample for ServtdType {
    fn sample(tag: u64) -> Self {
        ServtdType::new(0x100 + tag as u16)
    }
}
impl Sample for ServtdAttributes {
    fn sample(tag: u64) -> Self {
        ServtdAttributes::new(1 | tag << 32).expect("sample service-TD attributes")
    }
}
impl Sample for HpaAndSize {
    fn sample(tag: u64) -> Self {
        HpaAndSize::new(hpa(tag, 5), 0x100 + tag as u16).expect("sample MBMD buffer")
    }
}
impl Sample for PageListInfo {
    fn sample(tag: u64) -> Self {
        PageListInfo::new(hpa(tag, 6), 1 + tag as u16).expect("sample page list")
    }
}
impl Sample for MigStream {
    fn sample(tag: u64) -> Self {
        MigStream::new(1 + tag as u16)
    }
}
impl Sample for MacLists {
    fn sample(tag: u64) -> Self {
        MacLists {
            list0: hpa(tag, 7),
            list1: hpa(tag, 8),
        }
    }
}
impl Sample for L2AttrList {
    fn sample(tag: u64) -> Self {
        L2AttrList::new(hpa(tag, 9)).expect("sample L2 attribute list")
    }
}
impl Sample for L2EnterFlags {
    fn sample(tag: u64) -> Self {
        L2EnterFlags::new(
            L2Vm::new(1 + (tag % 3) as u8).expect("sample L2 VM"),
            L2Invalidate::All,
        )
    }
}

impl Raw for SeptAddPage {
    fn raw(&self) -> u64 {
        match *self {
            SeptAddPage::Added => !0, // NULL_PA
            SeptAddPage::NotUsed(hpa) => hpa | 1 << 63,
            SeptAddPage::Pending(hpa) => hpa,
        }
    }
}
impl Raw for ScanCxOut {
    fn raw(&self) -> u64 {
        ScanCxOut::raw(*self)
    }
}

// TDX Connect (module 2.0).

impl Sample for IommuId {
    fn sample(tag: u64) -> Self {
        IommuId::new(1 + (tag % 15) as u8, 2).expect("sample IOMMU")
    }
}
impl Sample for IommuRegId {
    fn sample(_: u64) -> Self {
        IommuRegId::IommuState
    }
}
impl Sample for StreamId {
    fn sample(tag: u64) -> Self {
        StreamId::new(0x10 + tag as u8, true).expect("sample IDE stream")
    }
}
impl Sample for IdeKmObject {
    fn sample(_: u64) -> Self {
        IdeKmObject::KSetGo
    }
}
impl Sample for IdeKmParam {
    fn sample(tag: u64) -> Self {
        IdeKmParam::new(true, IdeDirection::DevTx, (tag % 16) as u8).expect("sample IDE_KM")
    }
}
impl Sample for FunctionId {
    fn sample(tag: u64) -> Self {
        FunctionId::new(0x30 + tag as u8, 3, 1, 1).expect("sample function")
    }
}
impl Sample for DevifId {
    fn sample(tag: u64) -> Self {
        DevifId::new(
            IommuId::sample(tag),
            StreamId::sample(tag),
            FunctionId::sample(tag),
        )
    }
}
impl Sample for DevifReqIn {
    fn sample(_: u64) -> Self {
        DevifReqIn::new(DevifReqIn::START_INTERFACE)
    }
}
impl Sample for DevifRspIn {
    fn sample(tag: u64) -> Self {
        DevifRspIn::new(hpa(tag, 10), true).expect("sample response page")
    }
}
impl Sample for DevifmtIdx {
    fn sample(tag: u64) -> Self {
        DevifmtIdx::new(2, FunctionId::sample(tag)).expect("sample DEVIFMT index")
    }
}
impl Sample for DevifField {
    fn sample(_: u64) -> Self {
        DevifField::TdispVersion
    }
}
impl Sample for DmarIdx {
    fn sample(tag: u64) -> Self {
        DmarIdx::new(
            IommuId::sample(tag),
            0x0108,
            0x100 + tag as u32,
            DmarLevel::Pde,
        )
        .expect("sample DMAR index")
    }
}
impl Sample for DmarTarget {
    fn sample(tag: u64) -> Self {
        DmarTarget::new(1 + (tag % 3) as u8).expect("sample DMAR target")
    }
}
impl Sample for MmiomtIdx {
    fn sample(tag: u64) -> Self {
        MmiomtIdx::new(hpa(tag, 11), 1).expect("sample MMIOMT index")
    }
}
impl Sample for MmiomtSetInfo {
    fn sample(tag: u64) -> Self {
        MmiomtSetInfo::new(2, FunctionId::sample(tag)).expect("sample MMIOMT info")
    }
}

impl Raw for DevifReqOut {
    fn raw(&self) -> u64 {
        DevifReqOut::raw(*self)
    }
}
impl Raw for DevifRspOut {
    fn raw(&self) -> u64 {
        DevifRspOut::raw(*self)
    }
}
impl Raw for DmarStateInfo {
    fn raw(&self) -> u64 {
        DmarStateInfo::raw(*self)
    }
}
impl Raw for ServtdHandle {
    fn raw(&self) -> u64 {
        ServtdHandle::raw(*self)
    }
}
