//! The IDE stream operands of TDH.IDE.STREAM.*: the stream ID register (`stream_id_reg_t`),
//! the IDE_KM object (`ide_object_id_e`) and the IDE_KM parameters (`ide_km_param_reg_t`).
//!
//! Layouts: intel/tdx-module (2.0 line) `src/common/data_structures/tdxio/ide_stream_defs.h`.
//! The stream configuration and control registers of TDH.IDE.STREAM.CREATE (R8, R9) and the
//! RID / address association registers (R10–R14) are PCIe IDE register images the module
//! checks field by field; they are not typed here (raw `u64`).

use super::check_reserved;
use crate::operand_error::OperandError;
use crate::reg::RegEncode;

/// RDX of TDH.IDE.STREAM.BLOCK/DELETE/IDEKMREQ/IDEKMRSP (`stream_id_reg_t` holding a
/// `stream_id_t`): the stream index (bits 6:0) and the stream-info page selector (bit 7: page
/// STINFOPA_0 or STINFOPA_1); bits 63:8 are reserved.
///
/// ```
/// use tdx_core::StreamId;
/// let id = StreamId::new(5, true)?;
/// assert_eq!(id.raw(), 0x85);
/// assert_eq!((id.index(), id.page_selector()), (5, true));
/// assert!(StreamId::new(128, false).is_err());
/// assert!(StreamId::from_raw(0x100).is_err());
/// # Ok::<(), tdx_core::OperandError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StreamId(u64);

impl StreamId {
    /// Stream `index` (≤ 127) of stream-info page `page_selector` (0 or 1).
    pub const fn new(index: u8, page_selector: bool) -> Result<Self, OperandError> {
        if index > 127 {
            return Err(OperandError {
                operand: "StreamId",
                field: "index",
                value: index as u64,
                max: 127,
            });
        }
        Ok(StreamId(index as u64 | (page_selector as u64) << 7))
    }

    /// An ID from its register image: `Err` if a bit of 63:8 is set.
    pub const fn from_raw(raw: u64) -> Result<Self, OperandError> {
        match check_reserved("StreamId", raw, !0xFF) {
            Ok(raw) => Ok(StreamId(raw)),
            Err(e) => Err(e),
        }
    }

    /// The stream index (bits 6:0).
    pub const fn index(self) -> u8 {
        (self.0 & 0x7F) as u8
    }

    /// The page selector (bit 7).
    pub const fn page_selector(self) -> bool {
        self.0 & 0x80 != 0
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for StreamId {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// R8 of TDH.IDE.STREAM.IDEKMREQ: the IDE_KM request to generate (`ide_object_id_e`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum IdeKmObject {
    /// `IDE_OBJECT_ID_KEY_PROG` (2): program a key (R10 names the key slot).
    KeyProg = 2,
    /// `IDE_OBJECT_ID_K_SET_GO` (4): start using a key set.
    KSetGo = 4,
    /// `IDE_OBJECT_ID_K_SET_STOP` (5): stop a key set.
    KSetStop = 5,
}

impl RegEncode for IdeKmObject {
    #[inline]
    fn to_reg(self) -> u64 {
        self as u64
    }
}

/// The direction of an IDE key, with reference to the device (`ide_stream_direction_e`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum IdeDirection {
    /// `DEV_RX` (0): the device receives.
    DevRx = 0,
    /// `DEV_TX` (1): the device transmits.
    DevTx = 1,
}

/// R9 of TDH.IDE.STREAM.IDEKMREQ (`ide_km_param_reg_t` holding an `ide_km_param_t`): the key
/// set (bit 0: KS0 or KS1), the direction (bit 1) and the sub-stream ID (bits 7:4); bits 3:2
/// and 63:8 are reserved. (The module source's comment gives the sub-stream codes as 0 PR,
/// 2 NPR, 4 CPL and marks them a possible typo; any 4-bit value is accepted here.)
///
/// ```
/// use tdx_core::{IdeDirection, IdeKmParam};
/// let p = IdeKmParam::new(true, IdeDirection::DevTx, 2)?;
/// assert_eq!(p.raw(), 0b0010_0011);
/// assert!(IdeKmParam::new(false, IdeDirection::DevRx, 16).is_err());
/// assert!(IdeKmParam::from_raw(0b0100).is_err()); // bit 2 is reserved
/// # Ok::<(), tdx_core::OperandError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdeKmParam(u64);

impl IdeKmParam {
    /// Key set 1 if `key_set1` (else 0), `direction`, sub-stream `sub_stream` (≤ 15).
    pub const fn new(
        key_set1: bool,
        direction: IdeDirection,
        sub_stream: u8,
    ) -> Result<Self, OperandError> {
        if sub_stream > 15 {
            return Err(OperandError {
                operand: "IdeKmParam",
                field: "sub_stream_id",
                value: sub_stream as u64,
                max: 15,
            });
        }
        Ok(IdeKmParam(
            key_set1 as u64 | (direction as u64) << 1 | (sub_stream as u64) << 4,
        ))
    }

    /// Parameters from a register image: `Err` if a bit of 3:2 or 63:8 is set.
    pub const fn from_raw(raw: u64) -> Result<Self, OperandError> {
        match check_reserved("IdeKmParam", raw, !0xF3) {
            Ok(raw) => Ok(IdeKmParam(raw)),
            Err(e) => Err(e),
        }
    }

    /// Whether key set 1 is selected (bit 0).
    pub const fn key_set1(self) -> bool {
        self.0 & 1 != 0
    }

    /// The direction (bit 1).
    pub const fn direction(self) -> IdeDirection {
        if self.0 & 2 != 0 {
            IdeDirection::DevTx
        } else {
            IdeDirection::DevRx
        }
    }

    /// The sub-stream ID (bits 7:4).
    pub const fn sub_stream(self) -> u8 {
        (self.0 >> 4) as u8 & 0xF
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for IdeKmParam {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}
