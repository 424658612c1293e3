//! TDX Connect operands (module 2.0): the packed identifiers and request words of the
//! TDH.IOMMU.*, TDH.SPDM.*, TDH.IDE.STREAM.*, TDH.DEVIF.*, TDH.DMAR.*, TDH.MMIO.MT.* and
//! TDG.DEVIF.* / TDG.DMAR.* leaves, in files named by the spec's classes ([`iommu`], [`ide`],
//! [`devif`], [`dmar`], [`mmio`]).
//!
//! Layouts: the C unions the intel/tdx-module 2.0 handlers take their registers as
//! (`src/common/data_structures/tdxio/*_defs.h`; each type names its union). Every
//! constructor rejects a field out of range and every `from_raw` a reserved bit set, with an
//! [`OperandError`] holding the value; nothing is truncated.

pub mod devif;
pub mod dmar;
pub mod ide;
pub mod iommu;
pub mod mmio;

use crate::operand_error::OperandError;

/// `Err` naming `operand.reserved` with the reserved bits of `raw` that are set, if any.
pub(crate) const fn check_reserved(
    operand: &'static str,
    raw: u64,
    reserved: u64,
) -> Result<u64, OperandError> {
    if raw & reserved != 0 {
        Err(OperandError {
            operand,
            field: "reserved",
            value: raw & reserved,
            max: 0,
        })
    } else {
        Ok(raw)
    }
}
