//! The IOMMU operands of TDH.IOMMU.*, TDH.SPDM.*, TDH.IDE.STREAM.* and TDH.IQ.*: the IOMMU
//! ID register (`iommu_id_reg_t`) and the IOMMU register IDs (`iommu_register_id_e`).
//!
//! Layouts: intel/tdx-module (2.0 line) `src/common/data_structures/tdxio/iommu_defs.h`.

use super::check_reserved;
use crate::operand_error::OperandError;
use crate::reg::RegEncode;

/// RCX of the IOMMU-scoped TDX Connect leaves (`iommu_id_reg_t` holding an `iommu_id_t`): the
/// HIOP ID (bits 3:0) and the socket ID (bits 7:4) of an IOMMU; bits 63:8 are reserved.
///
/// ```
/// use tdx_core::IommuId;
/// let id = IommuId::new(1, 3)?;
/// assert_eq!(id.raw(), 0x13);
/// assert_eq!((id.socket_id(), id.hiop_id()), (1, 3));
/// assert!(IommuId::new(16, 0).is_err());
/// assert!(IommuId::from_raw(0x113).is_err()); // bit 8 is reserved
/// # Ok::<(), tdx_core::OperandError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IommuId(u64);

impl IommuId {
    /// The IOMMU `hiop_id` (≤ 15) of socket `socket_id` (≤ 15).
    pub const fn new(socket_id: u8, hiop_id: u8) -> Result<Self, OperandError> {
        if socket_id > 15 {
            return Err(OperandError {
                operand: "IommuId",
                field: "socket_id",
                value: socket_id as u64,
                max: 15,
            });
        }
        if hiop_id > 15 {
            return Err(OperandError {
                operand: "IommuId",
                field: "hiop_id",
                value: hiop_id as u64,
                max: 15,
            });
        }
        Ok(IommuId((socket_id as u64) << 4 | hiop_id as u64))
    }

    /// An ID from its register image (e.g. one TDH.IOMMU.GETREG returned for IOMMU_ID):
    /// `Err` if a bit of 63:8 is set.
    pub const fn from_raw(raw: u64) -> Result<Self, OperandError> {
        match check_reserved("IommuId", raw, !0xFF) {
            Ok(raw) => Ok(IommuId(raw)),
            Err(e) => Err(e),
        }
    }

    /// The socket ID (bits 7:4).
    pub const fn socket_id(self) -> u8 {
        (self.0 >> 4) as u8
    }

    /// The HIOP ID (bits 3:0).
    pub const fn hiop_id(self) -> u8 {
        (self.0 & 0xF) as u8
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for IommuId {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RDX of TDH.IOMMU.SETREG and TDH.IOMMU.GETREG: the IOMMU register (`iommu_register_id_e`).
/// Which a leaf accepts is the handler's (SETREG: the page registers, CONFIG_*, CLEAR_*,
/// GCMD_REG; GETREG: the readable ones).
///
/// ```
/// use tdx_core::IommuRegId;
/// use tdx_core::reg::RegEncode;
/// assert_eq!(IommuRegId::SpdmDirPa.to_reg(), 0x8000_0008);
/// assert_eq!(IommuRegId::from_code(0x8000_000D), Ok(IommuRegId::GcmdReg));
/// assert_eq!(IommuRegId::from_code(0x8000_000E), Err(0x8000_000E));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum IommuRegId {
    /// `IOMMU_ID` (GETREG: RCX is the VTBAR; returns the IOMMU ID).
    IommuId = 0x8000_0001,
    /// `IOMMU_STATE`.
    IommuState = 0x8000_0002,
    /// `T_IQPAGE`: the trusted invalidation queue page.
    TIqPage = 0x8000_0003,
    /// `IQCTXPAGE`: the invalidation queue context page.
    IqCtxPage = 0x8000_0004,
    /// `T_RTPAGE`: the trusted root table page.
    TRtPage = 0x8000_0005,
    /// `STINFOPA_0`: stream info page 0.
    StInfoPa0 = 0x8000_0006,
    /// `STINFOPA_1`: stream info page 1.
    StInfoPa1 = 0x8000_0007,
    /// `SPDMDIRPA`: the SPDM directory page.
    SpdmDirPa = 0x8000_0008,
    /// `CONFIG_IOMMU`.
    ConfigIommu = 0x8000_0009,
    /// `CLEAR_IOMMU`.
    ClearIommu = 0x8000_000A,
    /// `CONFIG_RP`: configure the root port.
    ConfigRp = 0x8000_000B,
    /// `CLEAR_RP`.
    ClearRp = 0x8000_000C,
    /// `GCMD_REG`: the global command register.
    GcmdReg = 0x8000_000D,
}

impl IommuRegId {
    const ALL: [IommuRegId; 13] = [
        IommuRegId::IommuId,
        IommuRegId::IommuState,
        IommuRegId::TIqPage,
        IommuRegId::IqCtxPage,
        IommuRegId::TRtPage,
        IommuRegId::StInfoPa0,
        IommuRegId::StInfoPa1,
        IommuRegId::SpdmDirPa,
        IommuRegId::ConfigIommu,
        IommuRegId::ClearIommu,
        IommuRegId::ConfigRp,
        IommuRegId::ClearRp,
        IommuRegId::GcmdReg,
    ];

    /// The register with code `code`, or `Err(code)` if the module defines none.
    pub const fn from_code(code: u64) -> Result<Self, u64> {
        if code >= 0x8000_0001 && code <= 0x8000_000D {
            Ok(Self::ALL[(code - 0x8000_0001) as usize])
        } else {
            Err(code)
        }
    }
}

impl RegEncode for IommuRegId {
    #[inline]
    fn to_reg(self) -> u64 {
        self as u64
    }
}
