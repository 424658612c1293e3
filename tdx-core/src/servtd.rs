//! Service-TD binding operands of TDH.SERVTD.BIND / .PREBIND and TDG.SERVTD.RD / .WR: the
//! binding slot, service-TD type, binding attributes and the binding handle.
//!
//! Layouts: intel/tdx-module@72d8cffb (1.5.01) `src/common/helpers/service_td.h`
//! (`servtd_attributes_t`), `src/vmm_dispatcher/migration_api_calls/tdh_servtd_bind.c`.

use crate::operand_error::OperandError;
use crate::reg::{RegDecode, RegEncode};

/// R8 of TDH.SERVTD.BIND / .PREBIND: the index of the binding slot in the target TD's
/// TDCS (the module checks it against `MAX_SERVTDS`, 1 in 1.5.01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ServtdSlot(u64);

impl ServtdSlot {
    /// Slot `index`.
    pub const fn new(index: u16) -> Self {
        ServtdSlot(index as u64)
    }
}

impl RegEncode for ServtdSlot {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// R9 of TDH.SERVTD.BIND / .PREBIND: the service-TD type (0: migration TD, the only type
/// 1.5.01 accepts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ServtdType(u64);

impl ServtdType {
    /// The migration TD (type 0).
    pub const MIGTD: ServtdType = ServtdType(0);

    /// Type `raw` (16 bits).
    pub const fn new(raw: u16) -> Self {
        ServtdType(raw as u64)
    }
}

impl RegEncode for ServtdType {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// R10 of TDH.SERVTD.BIND / .PREBIND (`servtd_attributes_t`): bit 0 `instance_binding`,
/// bits 47:32 the TDINFO fields to ignore in the binding hash; bits 3:1 (future binding
/// kinds), 31:4 and 63:48 must be 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ServtdAttributes(u64);

impl ServtdAttributes {
    /// The reserved bits (3:1, 31:4, 63:48).
    pub const RESERVED: u64 = 0xFFFF_0000_FFFF_FFFE;

    /// From a raw value: an error if a reserved bit is set.
    pub const fn new(raw: u64) -> Result<Self, OperandError> {
        if raw & Self::RESERVED != 0 {
            Err(OperandError {
                operand: "ServtdAttributes",
                field: "reserved",
                value: raw,
                max: !Self::RESERVED,
            })
        } else {
            Ok(ServtdAttributes(raw))
        }
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for ServtdAttributes {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// The binding handle TDH.SERVTD.BIND returns in RCX and the service TD passes in RCX of
/// TDG.SERVTD.RD / .WR to name the target TD (opaque to software).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ServtdHandle(u64);

impl ServtdHandle {
    /// From its register image, as received from the host.
    pub const fn from_raw(raw: u64) -> Self {
        ServtdHandle(raw)
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for ServtdHandle {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

impl RegDecode for ServtdHandle {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        ServtdHandle(raw)
    }
}

/// A TD_UUID (256 bits), R10–R13 of TDG.SERVTD.RD / .WR and of the TDH.SERVTD.BIND output:
/// `q0` is bits 63:0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TdUuid {
    /// Bits 63:0 (R10).
    pub q0: u64,
    /// Bits 127:64 (R11).
    pub q1: u64,
    /// Bits 191:128 (R12).
    pub q2: u64,
    /// Bits 255:192 (R13).
    pub q3: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_reject_reserved_bits() {
        assert!(ServtdAttributes::new(1 | 0xFFFF << 32).is_ok());
        assert!(ServtdAttributes::new(2).is_err());
        assert!(ServtdAttributes::new(1 << 48).is_err());
    }
}
