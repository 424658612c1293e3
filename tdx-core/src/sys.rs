//! Operands of the TDH.SYS.* version-1 forms: the fatal-error configuration of TDH.SYS.INIT
//! version 1 ([`FatalErrorConfig`], R8) and the enabling flags of TDH.SYS.CONFIG and
//! TDH.SYS.UPDATE version 1 ([`FeatureEnables`], R9).
//!
//! Layouts: `fatal_error_config_t` (`src/common/helpers/fatal_info.h`) and the
//! `tdh_sys_config` / `tdh_sys_update` handlers of module 1.5.24/1.5.25 (murrowow/tdx-concurrency
//! @307fc86, @c71d4f6) and 2.0.18 (intel/tdx-module@e69a4391).

use crate::reg::RegEncode;
use crate::{AddrError, Hpa};

/// `HPA_CODE_NO_LOGGING_REQUIRED` (`fatal_info.h`): the 46-bit HPA field (bits 51:6) all ones.
const NO_LOGGING: u64 = 0x3FFF_FFFF_FFFF;
const HPA_FIELD: u64 = NO_LOGGING << 6;

/// R8 of TDH.SYS.INIT version 1: where the module logs fatal-error information and how it
/// notifies the other CPUs (`fatal_error_config_t`).
///
/// Bits 51:6 are the 64-byte-aligned HPA of the log (all ones: no log), bits 53:52 and 5:0
/// reserved (0), bits 55:54 the notification (0 none, 1 interrupt, 2 NMI, 3 SMI), bits 63:56
/// the interrupt vector (16..=255). Version 0 does not read R8.
///
/// ```
/// use tdx_core::{FatalErrorConfig, Hpa};
///
/// assert_eq!(FatalErrorConfig::NONE.raw(), 0x3FFF_FFFF_FFFF << 6);
/// let log = Hpa::new(0x1000).unwrap();
/// let c = FatalErrorConfig::new(Some(log)).unwrap().with_interrupt(0x30).unwrap();
/// assert_eq!(c.raw(), 0x1000 | 1 << 54 | 0x30 << 56);
/// assert!(FatalErrorConfig::NONE.with_interrupt(15).is_none()); // vectors 0..16 are refused
/// assert!(FatalErrorConfig::new(Some(Hpa::new(0x1020).unwrap())).is_err()); // not 64-byte aligned
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FatalErrorConfig(u64);

impl FatalErrorConfig {
    /// No log and no notification (what version 0 configures).
    pub const NONE: FatalErrorConfig = FatalErrorConfig(HPA_FIELD);

    /// Log to `log` (64-byte aligned, below 2^52; the module also requires a shared HPA), or
    /// no log; no notification.
    pub const fn new(log: Option<Hpa>) -> Result<Self, AddrError> {
        match log {
            None => Ok(FatalErrorConfig::NONE),
            Some(hpa) => {
                let raw = hpa.as_u64();
                if !raw.is_multiple_of(64) {
                    Err(AddrError::Misaligned { raw, align: 64 })
                } else if raw & !HPA_FIELD != 0 || raw == HPA_FIELD {
                    // Bits 53:52 are reserved; all ones in 51:6 means "no log".
                    Err(AddrError::NotPhysical { raw })
                } else {
                    Ok(FatalErrorConfig(raw))
                }
            }
        }
    }

    /// Notify by a fixed interrupt at `vector`; `None` for a vector below 16 (the module
    /// answers `TDX_OPERAND_INVALID` operand R8).
    pub const fn with_interrupt(self, vector: u8) -> Option<Self> {
        if vector < 16 {
            None
        } else {
            Some(self.notify(1, vector))
        }
    }

    /// Notify by an NMI.
    pub const fn with_nmi(self) -> Self {
        self.notify(2, 0)
    }

    /// Notify by an SMI.
    pub const fn with_smi(self) -> Self {
        self.notify(3, 0)
    }

    const fn notify(self, kind: u64, vector: u8) -> Self {
        FatalErrorConfig((self.0 & HPA_FIELD) | (kind << 54) | ((vector as u64) << 56))
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for FatalErrorConfig {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// R9 of TDH.SYS.CONFIG and TDH.SYS.UPDATE version 1: the features the host enables, in the
/// `TDX_FEATURES0` layout. A bit may be set only where `TDX_FEATURES0` (TDH.SYS.RD field
/// [`TDX_FEATURES0`](crate::metadata_fields::global::TDX_FEATURES0)) has it; otherwise the
/// module answers `TDX_OPERAND_INVALID` operand R9.
///
/// ```
/// use tdx_core::FeatureEnables;
///
/// let features0 = 0b1011;
/// assert_eq!(FeatureEnables::new(0b0011, features0).unwrap().raw(), 0b0011);
/// assert_eq!(FeatureEnables::new(0b0100, features0), Err(0b0100)); // not enumerated
/// assert_eq!(FeatureEnables::NONE.raw(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FeatureEnables(u64);

impl FeatureEnables {
    /// Enable nothing.
    pub const NONE: FeatureEnables = FeatureEnables(0);

    /// Enable `requested`, checked against `features0` (the value of `TDX_FEATURES0`); the
    /// error holds the requested bits the module does not enumerate.
    pub const fn new(requested: u64, features0: u64) -> Result<Self, u64> {
        let unsupported = requested & !features0;
        if unsupported == 0 {
            Ok(FeatureEnables(requested))
        } else {
            Err(unsupported)
        }
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for FeatureEnables {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}
