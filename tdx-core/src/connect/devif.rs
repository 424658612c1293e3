//! The device-interface operands of TDH.DEVIF.*, TDH.DEVIF.MT.* and TDG.DEVIF.*: the
//! function ID (`function_id_reg_t`), the device interface ID of TDH.DEVIF.CREATE
//! (`devif_id_t`), the DEVIF metadata-table index (`devifmt_idx_t`), the TDISP request and
//! response words (`devif_req_in_t`, `devif_req_out_t`, `devif_rsp_in_t`, `devif_rsp_out_t`)
//! and the field of TDG.DEVIF.RD (`devif_rd_input_t`).
//!
//! Layouts: intel/tdx-module (2.0 line) `src/common/data_structures/tdxio/devif_defs.h`,
//! `tdisp_defs.h` (`fucntion_id_t`, `function_id_reg_t`) and `devifmt_defs.h`.

use super::check_reserved;
use super::ide::StreamId;
use super::iommu::IommuId;
use crate::addr::{AddrError, Hpa};
use crate::operand_error::OperandError;
use crate::reg::{RegDecode, RegEncode};

/// RCX of TDH.DEVIF.REMOVE/REQUEST/RESPONSE and the TDG.DEVIF.* / TDG.DMAR.ACCEPT leaves
/// (`function_id_reg_t` holding a `fucntion_id_t`): the PCIe requester ID (bits 15:0: device
/// and function in 7:0, bus in 15:8) and the segment ID (bits 23:16); bit 24
/// (`requester_segment_valid`, unsupported) and bits 63:25 are reserved.
///
/// ```
/// use tdx_core::FunctionId;
/// let f = FunctionId::new(0x3a, 2, 1, 0)?;
/// assert_eq!(f.raw(), 0x3a11);
/// assert_eq!((f.bus(), f.device(), f.function(), f.segment()), (0x3a, 2, 1, 0));
/// assert!(FunctionId::new(0, 32, 0, 0).is_err());
/// assert!(FunctionId::from_raw(1 << 24).is_err()); // segment-valid is reserved
/// # Ok::<(), tdx_core::OperandError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FunctionId(u64);

impl FunctionId {
    /// Bus `bus`, device `device` (≤ 31), function `function` (≤ 7) of segment `segment`.
    pub const fn new(bus: u8, device: u8, function: u8, segment: u8) -> Result<Self, OperandError> {
        if device > 31 {
            return Err(OperandError {
                operand: "FunctionId",
                field: "device",
                value: device as u64,
                max: 31,
            });
        }
        if function > 7 {
            return Err(OperandError {
                operand: "FunctionId",
                field: "function",
                value: function as u64,
                max: 7,
            });
        }
        Ok(FunctionId(
            (function as u64) | (device as u64) << 3 | (bus as u64) << 8 | (segment as u64) << 16,
        ))
    }

    /// An ID from its register image: `Err` if a bit of 63:24 is set.
    pub const fn from_raw(raw: u64) -> Result<Self, OperandError> {
        match check_reserved("FunctionId", raw, !0xFF_FFFF) {
            Ok(raw) => Ok(FunctionId(raw)),
            Err(e) => Err(e),
        }
    }

    /// The bus (bits 15:8).
    pub const fn bus(self) -> u8 {
        (self.0 >> 8) as u8
    }

    /// The device (bits 7:3).
    pub const fn device(self) -> u8 {
        (self.0 >> 3) as u8 & 0x1F
    }

    /// The function (bits 2:0).
    pub const fn function(self) -> u8 {
        self.0 as u8 & 7
    }

    /// The segment (bits 23:16).
    pub const fn segment(self) -> u8 {
        (self.0 >> 16) as u8
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for FunctionId {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RCX of TDH.DEVIF.CREATE (`devif_id_t`): the IOMMU ID (bits 15:0), the IDE stream ID (bits
/// 23:16), the device interface type (bits 31:24; 0, `DEVIF_TYPE_PFVF`, the only one) and the
/// function ID (bits 63:32).
///
/// ```
/// use tdx_core::{DevifId, FunctionId, IommuId, StreamId};
/// let id = DevifId::new(IommuId::new(0, 1)?, StreamId::new(3, false)?, FunctionId::new(0x3a, 0, 0, 0)?);
/// assert_eq!(id.raw(), 0x3a00 << 32 | 3 << 16 | 1);
/// assert_eq!(id.function().raw(), 0x3a00);
/// # Ok::<(), tdx_core::OperandError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DevifId(u64);

impl DevifId {
    /// The PF/VF device interface `function` behind `iommu`, on IDE stream `stream`.
    pub const fn new(iommu: IommuId, stream: StreamId, function: FunctionId) -> Self {
        DevifId(iommu.raw() | stream.raw() << 16 | function.raw() << 32)
    }

    /// The IOMMU ID's register image (bits 15:0).
    pub const fn iommu_raw(self) -> u64 {
        self.0 & 0xFFFF
    }

    /// The function ID (bits 63:32).
    pub const fn function(self) -> FunctionId {
        FunctionId(self.0 >> 32)
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for DevifId {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RCX of TDH.DEVIF.MT.ADD/RD/REMOVE (`devifmt_idx_t`): the DEVIF metadata-table level (bits
/// 2:0: `DEVIFMT_L0`..`DEVIFMT_L3` = 0..=3, `DEVIFMT_ROOT_L` = 4) and the function ID whose
/// path it indexes (bits 63:32); bits 31:3 are reserved.
///
/// ```
/// use tdx_core::{DevifmtIdx, FunctionId};
/// let idx = DevifmtIdx::new(2, FunctionId::new(1, 0, 0, 0)?)?;
/// assert_eq!(idx.raw(), 0x100 << 32 | 2);
/// assert!(DevifmtIdx::new(5, FunctionId::new(1, 0, 0, 0)?).is_err());
/// # Ok::<(), tdx_core::OperandError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DevifmtIdx(u64);

impl DevifmtIdx {
    /// The entry of `function`'s path at `level` (≤ 4).
    pub const fn new(level: u8, function: FunctionId) -> Result<Self, OperandError> {
        if level > 4 {
            return Err(OperandError {
                operand: "DevifmtIdx",
                field: "level",
                value: level as u64,
                max: 4,
            });
        }
        Ok(DevifmtIdx(level as u64 | function.raw() << 32))
    }

    /// The level (bits 2:0).
    pub const fn level(self) -> u8 {
        self.0 as u8 & 7
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for DevifmtIdx {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RDX of TDH.DEVIF.REQUEST and TDG.DEVIF.REQUEST (`devif_req_in_t`): the TDISP request code
/// (bits 7:0), `no_fw_update` (bit 8, LOCK_INTERFACE_REQUEST only) and, for the host, `td_flag`
/// (bit 63: generate the TD's pending request, with code 0); bits 62:9 are reserved. The
/// guest leaf wants only the code.
///
/// ```
/// use tdx_core::DevifReqIn;
/// assert_eq!(DevifReqIn::new(DevifReqIn::LOCK_INTERFACE).with_no_fw_update().raw(), 0x183);
/// assert_eq!(DevifReqIn::TD_PENDING.raw(), 1 << 63);
/// assert!(DevifReqIn::from_raw(1 << 9).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DevifReqIn(u64);

impl DevifReqIn {
    /// `LOCK_INTERFACE_REQUEST` (0x83, VMM).
    pub const LOCK_INTERFACE: u8 = 0x83;
    /// `DEVICE_INTERFACE_REPORT_REQUEST` (0x84, TD).
    pub const DEVICE_INTERFACE_REPORT: u8 = 0x84;
    /// `DEVICE_INTERFACE_STATE_REQUEST` (0x85, VMM or TD).
    pub const DEVICE_INTERFACE_STATE: u8 = 0x85;
    /// `START_INTERFACE_REQUEST` (0x86, TD).
    pub const START_INTERFACE: u8 = 0x86;
    /// `STOP_INTERFACE_REQUEST` (0x87, VMM).
    pub const STOP_INTERFACE: u8 = 0x87;

    /// TDH.DEVIF.REQUEST only: generate the TD's pending request (`td_flag`, code 0).
    pub const TD_PENDING: DevifReqIn = DevifReqIn(1 << 63);

    /// The request with TDISP code `req_code`.
    pub const fn new(req_code: u8) -> Self {
        DevifReqIn(req_code as u64)
    }

    /// The same request with `no_fw_update` (bit 8) set.
    pub const fn with_no_fw_update(self) -> Self {
        DevifReqIn(self.0 | 1 << 8)
    }

    /// A request word from its image: `Err` if a bit of 62:9 is set.
    pub const fn from_raw(raw: u64) -> Result<Self, OperandError> {
        match check_reserved("DevifReqIn", raw, 0x7FFF_FFFF_FFFF_FE00) {
            Ok(raw) => Ok(DevifReqIn(raw)),
            Err(e) => Err(e),
        }
    }

    /// The request code (bits 7:0).
    pub const fn req_code(self) -> u8 {
        self.0 as u8
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for DevifReqIn {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RCX of TDH.DEVIF.REQUEST out (`devif_req_out_t`): the TDISP message code generated (bits
/// 7:0) and the length of the message written (bits 23:8). Keeps the register.
///
/// ```
/// use tdx_core::DevifReqOut;
/// use tdx_core::reg::RegDecode;
/// let out = DevifReqOut::from_reg(0x0040_83);
/// assert_eq!((out.message_code(), out.target_length()), (0x83, 0x40));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DevifReqOut(u64);

impl DevifReqOut {
    /// The message code (bits 7:0).
    pub const fn message_code(self) -> u8 {
        self.0 as u8
    }

    /// The message length in bytes (bits 23:8).
    pub const fn target_length(self) -> u16 {
        (self.0 >> 8) as u16
    }

    /// The register as returned.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegDecode for DevifReqOut {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        DevifReqOut(raw)
    }
}

/// RDX of TDH.DEVIF.RESPONSE (`devif_rsp_in_t`): the shared 4 KiB page holding the device's
/// TDISP response (bits 51:12) and `td_flag` (bit 63: the response is to the TD's request);
/// bits 11:0 and 62:52 are reserved.
///
/// ```
/// use tdx_core::{DevifRspIn, Hpa};
/// assert_eq!(DevifRspIn::new(Hpa::new(0x9000)?, true)?.raw(), 0x9000 | 1 << 63);
/// assert!(DevifRspIn::new(Hpa::new(0x9010)?, false).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DevifRspIn(u64);

impl DevifRspIn {
    /// The response in the page at `page` (4 KiB aligned), for the TD's request if `td`.
    pub fn new(page: Hpa, td: bool) -> Result<Self, AddrError> {
        let raw = page.as_u64();
        if !raw.is_multiple_of(4096) {
            return Err(AddrError::Misaligned { raw, align: 4096 });
        }
        Ok(DevifRspIn(raw | (td as u64) << 63))
    }

    /// The page's HPA (bits 51:12).
    pub const fn page(self) -> u64 {
        self.0 & 0x000F_FFFF_FFFF_F000
    }

    /// Whether `td_flag` is set.
    pub const fn td(self) -> bool {
        self.0 >> 63 != 0
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for DevifRspIn {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RCX of TDH.DEVIF.RESPONSE and TDG.DEVIF.RESPONSE out (`devif_rsp_out_t`): the TDISP
/// response code (bits 7:0), the response payload length (bits 23:8), then by code: a
/// TDISP_ERROR's error code (bits 63:32), a DEVICE_INTERFACE_STATE's state (bits 31:24), or a
/// DEVICE_INTERFACE_REPORT's portion (bits 47:32) and remainder (bits 63:48) lengths. Keeps
/// the register; the accessors read the bits whatever the code.
///
/// ```
/// use tdx_core::DevifRspOut;
/// use tdx_core::reg::RegDecode;
/// let out = DevifRspOut::from_reg(0x0100_0200_0000_1004);
/// assert_eq!((out.resp_code(), out.output_len()), (0x04, 0x10));
/// assert_eq!((out.portion_len(), out.remainder_len()), (0x200, 0x100));
/// assert_eq!(out.error_code(), 0x0100_0200);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DevifRspOut(u64);

impl DevifRspOut {
    /// The response code (bits 7:0).
    pub const fn resp_code(self) -> u8 {
        self.0 as u8
    }

    /// The TDISP payload length (bits 23:8).
    pub const fn output_len(self) -> u16 {
        (self.0 >> 8) as u16
    }

    /// TDISP_ERROR: the error code (bits 63:32).
    pub const fn error_code(self) -> u32 {
        (self.0 >> 32) as u32
    }

    /// DEVICE_INTERFACE_STATE: the TDI state (bits 31:24).
    pub const fn tdi_state(self) -> u8 {
        (self.0 >> 24) as u8
    }

    /// DEVICE_INTERFACE_REPORT: the portion length (bits 47:32).
    pub const fn portion_len(self) -> u16 {
        (self.0 >> 32) as u16
    }

    /// DEVICE_INTERFACE_REPORT: the remainder length (bits 63:48).
    pub const fn remainder_len(self) -> u16 {
        (self.0 >> 48) as u16
    }

    /// The register as returned.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegDecode for DevifRspOut {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        DevifRspOut(raw)
    }
}

/// RDX of TDG.DEVIF.RD (`devif_rd_input_t`): the field to read (`devif_field_code_e`, bits
/// 7:0; `TDISP_MIN_FIELD_CODE` 0 and `TDISP_MAX_FIELD_CODE` 2 are bounds, not fields); bits
/// 63:8 are reserved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum DevifField {
    /// `TDISP_VER_FIELD_CODE` (1): the device interface's TDISP version.
    TdispVersion = 1,
}

impl RegEncode for DevifField {
    #[inline]
    fn to_reg(self) -> u64 {
        self as u64
    }
}
