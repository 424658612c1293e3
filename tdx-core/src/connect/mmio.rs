//! The MMIO metadata-table operands of TDH.MMIO.MT.*: the MMIOMT index (`mmiomt_idx_t`) and
//! the set info of TDH.MMIO.MT.SET (`mmiomt_set_info_t`).
//!
//! Layouts: intel/tdx-module (2.0 line) `src/common/data_structures/tdxio/mmiomt_defs.h`.

use super::devif::FunctionId;
use crate::addr::{AddrError, Hpa};
use crate::migration::GpaListError;
use crate::operand_error::OperandError;
use crate::reg::RegEncode;

/// RCX of TDH.MMIO.MT.ADD/SET/RD/REMOVE (`mmiomt_idx_t`): the MMIOMT level (bits 2:0:
/// `MMIOMT_L0`..`MMIOMT_L4` = 0..=4 and `MMIOMT_L_ROOT` = 5; the data levels 0, 1, 2 describe
/// a 4 KiB, 2 MiB, 1 GiB MMIO page) and the MMIO physical address (bits 51:12); bits 11:3 and
/// 63:52 are reserved.
///
/// ```
/// use tdx_core::{Hpa, MmiomtIdx};
/// let idx = MmiomtIdx::new(Hpa::new(0xfe00_0000)?, 1)?;
/// assert_eq!(idx.raw(), 0xfe00_0000 | 1);
/// assert_eq!((idx.mmio(), idx.level()), (0xfe00_0000, 1));
/// assert!(MmiomtIdx::new(Hpa::new(0xfe00_0800)?, 0).is_err());
/// assert!(MmiomtIdx::new(Hpa::new(0xfe00_0000)?, 6).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MmiomtIdx(u64);

impl MmiomtIdx {
    /// The entry at `level` (≤ 5) for the MMIO page at `mmio` (4 KiB aligned).
    pub fn new(mmio: Hpa, level: u8) -> Result<Self, GpaListError> {
        let raw = mmio.as_u64();
        if !raw.is_multiple_of(4096) {
            return Err(GpaListError::Addr(AddrError::Misaligned {
                raw,
                align: 4096,
            }));
        }
        let level = OperandError::check("MmiomtIdx", "level", level.into(), 5)
            .map_err(GpaListError::Field)?;
        Ok(MmiomtIdx(raw | level))
    }

    /// The MMIO physical address (bits 51:12).
    pub const fn mmio(self) -> u64 {
        self.0 & 0x000F_FFFF_FFFF_F000
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

impl RegEncode for MmiomtIdx {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RDX of TDH.MMIO.MT.SET (`mmiomt_set_info_t`): the entry type (bits 1:0) and the function
/// ID the MMIO page is used for (bits 43:12); bits 11:2 and 63:44 are reserved. (The type
/// codes are the module's MMIOMT entry types; their enum was not read here, so any 2-bit
/// value is accepted.)
///
/// ```
/// use tdx_core::{FunctionId, MmiomtSetInfo};
/// let info = MmiomtSetInfo::new(2, FunctionId::new(0x3a, 2, 1, 0)?)?;
/// assert_eq!(info.raw(), 0x3a11 << 12 | 2);
/// assert!(MmiomtSetInfo::new(4, FunctionId::new(0, 0, 0, 0)?).is_err());
/// # Ok::<(), tdx_core::OperandError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MmiomtSetInfo(u64);

impl MmiomtSetInfo {
    /// Entry type `entry_type` (≤ 3) for `function`.
    pub const fn new(entry_type: u8, function: FunctionId) -> Result<Self, OperandError> {
        if entry_type > 3 {
            return Err(OperandError {
                operand: "MmiomtSetInfo",
                field: "type",
                value: entry_type as u64,
                max: 3,
            });
        }
        Ok(MmiomtSetInfo(entry_type as u64 | function.raw() << 12))
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for MmiomtSetInfo {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}
