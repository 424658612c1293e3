//! The TDX Connect operands the `module_connect*.rs` trap tests pass, with their register
//! images written out by hand from the module's C unions (so a packing bug fails the test).

use super::{PAGE, hpa};
pub use tdx_core::{
    DevifField, DevifId, DevifReqIn, DevifRspIn, DevifmtIdx, DmarIdx, DmarLevel, DmarTarget,
    FunctionId, IdeDirection, IdeKmObject, IdeKmParam, IommuId, IommuRegId, MmiomtIdx,
    MmiomtSetInfo, StreamId,
};

/// IOMMU 3 of socket 1 (`iommu_id_t`: socket in bits 7:4, HIOP in bits 3:0).
pub const IOMMU: u64 = 0x13;
/// Stream 5 of stream-info page 1 (bit 7).
pub const STREAM: u64 = 0x85;
/// Bus 0x3a, device 2, function 1 (`rp_bdf_t`: device 7:3, function 2:0, bus 15:8).
pub const FUNCTION: u64 = 0x3a11;

pub fn iommu() -> IommuId {
    IommuId::new(1, 3).unwrap()
}

pub fn stream() -> StreamId {
    StreamId::new(5, true).unwrap()
}

pub fn function() -> FunctionId {
    FunctionId::new(0x3a, 2, 1, 0).unwrap()
}

/// The context entry (level 2) of [`function`]'s RID, PASID 7, behind [`iommu`].
pub fn dmar() -> DmarIdx {
    DmarIdx::new(iommu(), FUNCTION as u16, 7, DmarLevel::Cte).unwrap()
}

/// The level-1 (2 MiB) MMIOMT entry of the MMIO page at `PAGE`.
pub fn mmiomt() -> MmiomtIdx {
    MmiomtIdx::new(hpa(PAGE), 1).unwrap()
}

/// The level-2 DEVIFMT entry of [`function`].
pub fn devifmt() -> DevifmtIdx {
    DevifmtIdx::new(2, function()).unwrap()
}
