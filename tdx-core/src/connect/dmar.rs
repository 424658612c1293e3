//! The DMA-remapping operands of TDH.DMAR.* and TDG.DMAR.ACCEPT: the DMAR index
//! (`dmar_idx_t`), the entry state TDH.DMAR.READ returns (`dmar_state_info_t`) and the DMAR
//! target of TDG.DMAR.ACCEPT (`dmar_target_t`).
//!
//! Layouts: intel/tdx-module (2.0 line) `src/common/data_structures/tdxio/dmar_defs.h`.

use super::check_reserved;
use super::iommu::IommuId;
use crate::operand_error::OperandError;
use crate::reg::{RegDecode, RegEncode};

/// The level of a DMAR table entry (`dmar_lvl_e`; RTE is the highest, PASIDTE the leaf).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum DmarLevel {
    /// `DMAR_PASIDTE_LVL` (0): a PASID table entry (8 quadwords).
    PasidTe = 0,
    /// `DMAR_PDE_LVL` (1): a PASID directory entry (1 quadword).
    Pde = 1,
    /// `DMAR_CTE_LVL` (2): a context entry (4 quadwords).
    Cte = 2,
    /// `DMAR_RTE_LVL` (3): a root table entry (1 quadword).
    Rte = 3,
}

/// RCX of TDH.DMAR.ADD/BLOCK/READ/REMOVE (`dmar_idx_t`): the level of the entry (bits 2:0),
/// the PASID (bits 31:12), the requester ID (bits 47:32: device/function 39:32, bus 47:40)
/// and the IOMMU ID (bits 63:48, an `iommu_id_t`: its bits 63:56 reserved); bits 11:3 are
/// reserved.
///
/// ```
/// use tdx_core::{DmarIdx, DmarLevel, IommuId};
/// let idx = DmarIdx::new(IommuId::new(1, 3)?, 0x3a11, 7, DmarLevel::Cte)?;
/// assert_eq!(idx.raw(), 0x13 << 48 | 0x3a11 << 32 | 7 << 12 | 2);
/// assert_eq!((idx.rid(), idx.pasid(), idx.level()), (0x3a11, 7, 2));
/// assert!(DmarIdx::new(IommuId::new(1, 3)?, 0, 1 << 20, DmarLevel::Rte).is_err());
/// # Ok::<(), tdx_core::OperandError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DmarIdx(u64);

impl DmarIdx {
    /// The `level` entry of requester `rid` (bus << 8 | device << 3 | function), PASID
    /// `pasid` (< 2^20), behind `iommu`.
    pub const fn new(
        iommu: IommuId,
        rid: u16,
        pasid: u32,
        level: DmarLevel,
    ) -> Result<Self, OperandError> {
        if pasid > 0xF_FFFF {
            return Err(OperandError {
                operand: "DmarIdx",
                field: "pasid",
                value: pasid as u64,
                max: 0xF_FFFF,
            });
        }
        Ok(DmarIdx(
            level as u64 | (pasid as u64) << 12 | (rid as u64) << 32 | iommu.raw() << 48,
        ))
    }

    /// An index from its register image: `Err` if a bit of 11:3 or 63:56 is set, or the
    /// level is above 3.
    pub const fn from_raw(raw: u64) -> Result<Self, OperandError> {
        if raw & 7 > 3 {
            return Err(OperandError {
                operand: "DmarIdx",
                field: "level",
                value: raw & 7,
                max: 3,
            });
        }
        match check_reserved("DmarIdx", raw, 0xFF00_0000_0000_0FF8) {
            Ok(raw) => Ok(DmarIdx(raw)),
            Err(e) => Err(e),
        }
    }

    /// The level code (bits 2:0).
    pub const fn level(self) -> u8 {
        self.0 as u8 & 7
    }

    /// The PASID (bits 31:12).
    pub const fn pasid(self) -> u32 {
        (self.0 >> 12) as u32 & 0xF_FFFF
    }

    /// The requester ID (bits 47:32).
    pub const fn rid(self) -> u16 {
        (self.0 >> 32) as u16
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for DmarIdx {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RDX of TDH.DMAR.READ out (`dmar_state_info_t`): the entry's level (bits 2:0), mapping
/// state (bits 10:3: `DMAR_FREE` 0, `DMAR_PENDING` 1, `DMAR_BLOCKED` 2, `DMAR_PRESENT` 3),
/// invalidation state (bits 13:11: `DMAR_INV_PENDING` 0, `DMAR_INV_QUEUED` 1, `DMAR_INV_DONE`
/// 3) and PASID-directory count (bits 18:14). Keeps the register.
///
/// ```
/// use tdx_core::DmarStateInfo;
/// use tdx_core::reg::RegDecode;
/// let s = DmarStateInfo::from_reg(2 << 14 | 3 << 11 | 3 << 3 | 2);
/// assert_eq!((s.level(), s.map_state(), s.inv_state(), s.pd_count()), (2, 3, 3, 2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DmarStateInfo(u64);

impl DmarStateInfo {
    /// The level (bits 2:0).
    pub const fn level(self) -> u8 {
        self.0 as u8 & 7
    }

    /// The mapping state (bits 10:3).
    pub const fn map_state(self) -> u8 {
        (self.0 >> 3) as u8
    }

    /// The invalidation state (bits 13:11).
    pub const fn inv_state(self) -> u8 {
        (self.0 >> 11) as u8 & 7
    }

    /// The PASID-directory entry count (bits 18:14).
    pub const fn pd_count(self) -> u8 {
        (self.0 >> 14) as u8 & 0x1F
    }

    /// The register as returned.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegDecode for DmarStateInfo {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        DmarStateInfo(raw)
    }
}

/// RDX of TDG.DMAR.ACCEPT (`dmar_target_t`): the VM whose Secure EPT the device's DMA uses
/// (bits 7:0: 0 the TD, 1–3 an L2 VM); bits 27:8 (PASID) and 63:28 are reserved.
///
/// ```
/// use tdx_core::DmarTarget;
/// use tdx_core::reg::RegEncode;
/// assert_eq!(DmarTarget::new(2)?.to_reg(), 2);
/// assert!(DmarTarget::new(4).is_err());
/// # Ok::<(), tdx_core::OperandError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DmarTarget(u64);

impl DmarTarget {
    /// VM `vm` (0 the TD, 1–3 an L2 VM).
    pub const fn new(vm: u8) -> Result<Self, OperandError> {
        if vm > 3 {
            return Err(OperandError {
                operand: "DmarTarget",
                field: "vm_idx",
                value: vm as u64,
                max: 3,
            });
        }
        Ok(DmarTarget(vm as u64))
    }

    /// The VM index.
    pub const fn vm(self) -> u8 {
        self.0 as u8
    }
}

impl RegEncode for DmarTarget {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}
