//! Completion statuses: [`TdxStatus`] (RAX after SEAMCALL / TDCALL) and [`TdvmcallStatus`]
//! (R10 after TDG.VP.VMCALL).
//!
//! Both keep the whole 64-bit value. A [`TdxStatus`] is laid out as the TDX module's
//! `api_error_code_t` (`include/tdx_api_defs.h`; murrowow/tdx-concurrency@c71d4f6, module
//! 1.5.25, lines 870-890):
//!
//! | bits | meaning |
//! |---|---|
//! | 63 | error ([`TdxStatus::ERROR_BIT`], [`TdxStatus::is_error`]) |
//! | 62 | non-recoverable ([`TdxStatus::NON_RECOVERABLE_BIT`], [`TdxStatus::is_non_recoverable`]) |
//! | 61 | fatal ([`TdxStatus::FATAL_BIT`], [`TdxStatus::is_fatal`]): set, from module 1.5, in the codes that leave the TD unusable, e.g. `TDX_NON_RECOVERABLE_TD`, `TDX_TD_FATAL` |
//! | 60 | host recoverability hint ([`TdxStatus::HOST_RECOVERABILITY_HINT_BIT`], [`TdxStatus::host_recoverability_hint`]) |
//! | 59:48 | reserved |
//! | 47:40 | class ([`TdxStatus::class`]; 0xFF = software-defined, never used by the TDX module) |
//! | 39:32 | details L1: the code within its class |
//! | 63:32 | the status code proper ([`TdxStatus::STATUS_MASK`], [`TdxStatus::code`]) |
//! | 31:0 | operand ID / details L2 ([`TdxStatus::operand`], e.g. [`TdxStatus::OPERAND_ID_RCX`]) |
//!
//! Every status code of the TDX module is a named constant, generated (`status/codes.rs`) from
//! `tdx-core/data/status-codes.json`, which is derived from the module source: module 1.0.00,
//! 1.0.3, 1.5.01, 1.5.06, 1.5.25 and 2.0.18 (`include/auto_gen*/tdx_error_codes_defs.h`; the
//! JSON's `sources` cites file and commit per version). The constants drop the `TDX_` prefix
//! (`TDX_OPERAND_BUSY` is [`TdxStatus::OPERAND_BUSY`]); [`TdxStatus::name`] gives the module's
//! full name back. Where a value changed between versions (three codes gained bit 61 in 1.5)
//! the constant carries the 1.5+/2.0 value and [`TdxStatus::name`] also recognises the 1.0
//! value under the same name. The software statuses of class 0xFF (`TDX_SW_ERROR`,
//! `TDX_SEAMCALL_*`) are Linux's (`asm/tdx.h`).

use core::fmt;

use crate::reg::RegDecode;

/// A SEAMCALL / TDCALL completion status (RAX), kept whole.
///
/// Not every non-zero status is an error: bit 63 clear and non-zero (e.g.
/// [`TdxStatus::KEY_CONFIGURED`]) is success with information.
///
/// ```
/// use tdx_core::TdxStatus;
/// let st = TdxStatus::from_raw(0x8000_0200_0000_0001);
/// assert!(st.is_error() && st.is_busy());
/// assert!(st.matches(TdxStatus::OPERAND_BUSY));
/// assert_ne!(st, TdxStatus::OPERAND_BUSY); // the operand ID is kept
/// assert_eq!(st.operand(), TdxStatus::OPERAND_ID_RCX);
/// assert_eq!(st.name(), Some("TDX_OPERAND_BUSY"));
/// assert_eq!(st.operand_name(), Some("RCX"));
/// assert_eq!(st.to_string(), "TDX_OPERAND_BUSY operand RCX (0x8000020000000001)");
///
/// assert!(TdxStatus::KEY_CONFIGURED.is_success_with_info());
/// assert_eq!(
///     TdxStatus::from_raw(0x8000_0900_0000_0000).to_string(),
///     "unknown status class 0x09 (0x8000090000000000)"
/// );
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct TdxStatus(u64);

mod codes;

/// The name of the [`TdxStatus::NAMED`] entry whose value is exactly `raw` (binary search:
/// the generated table is sorted by value, which `tests/status_codes.rs` checks).
const fn table_name(raw: u64) -> Option<&'static str> {
    let table = TdxStatus::NAMED;
    let (mut lo, mut hi) = (0, table.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (status, name) = table[mid];
        if status.0 == raw {
            return Some(name);
        }
        if status.0 < raw {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    None
}

impl TdxStatus {
    /// Bit 63 (`TDX_ERROR`): the call failed.
    pub const ERROR_BIT: u64 = 1 << 63;
    /// Bit 62 (`TDX_NON_RECOVERABLE`).
    pub const NON_RECOVERABLE_BIT: u64 = 1 << 62;
    /// Bit 61 (`api_error_code_t.fatal`).
    pub const FATAL_BIT: u64 = 1 << 61;
    /// Bit 60 (`api_error_code_t.host_recoverability_hint`).
    pub const HOST_RECOVERABILITY_HINT_BIT: u64 = 1 << 60;
    /// `TDX_SEAMCALL_STATUS_MASK`: the status code is bits 63:32.
    pub const STATUS_MASK: u64 = 0xFFFF_FFFF_0000_0000;

    /// Operand ID of RCX (`TDX_OPERAND_ID_RCX`), in bits 31:0.
    pub const OPERAND_ID_RCX: u32 = 0x01;
    /// Operand ID of the TDR (`TDX_OPERAND_ID_TDR`).
    pub const OPERAND_ID_TDR: u32 = 0x80;
    /// Operand ID of the Secure EPT (`TDX_OPERAND_ID_SEPT`).
    pub const OPERAND_ID_SEPT: u32 = 0x92;
    /// Operand ID of the TD epoch (`TDX_OPERAND_ID_TD_EPOCH`).
    pub const OPERAND_ID_TD_EPOCH: u32 = 0xa9;

    /// A status from its raw value.
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        TdxStatus(raw)
    }

    /// The raw value.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// This status code with `operand` in bits 31:0 (the code's own bits 31:0 replaced).
    ///
    /// ```
    /// use tdx_core::TdxStatus;
    /// let st = TdxStatus::EPT_ENTRY_STATE_INCORRECT.with_operand(TdxStatus::OPERAND_ID_RCX);
    /// assert_eq!(st.raw(), 0xC000_0B0D_0000_0001);
    /// ```
    #[inline]
    pub const fn with_operand(self, operand: u32) -> Self {
        TdxStatus((self.0 & Self::STATUS_MASK) | operand as u64)
    }

    /// Whether the status is exactly `TDX_SUCCESS` (0).
    #[inline]
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }

    /// Whether bit 63 (error) is set.
    #[inline]
    pub const fn is_error(self) -> bool {
        self.0 & Self::ERROR_BIT != 0
    }

    /// Whether bit 62 (non-recoverable) is set.
    #[inline]
    pub const fn is_non_recoverable(self) -> bool {
        self.0 & Self::NON_RECOVERABLE_BIT != 0
    }

    /// Whether bit 61 (`api_error_code_t.fatal`) is set.
    ///
    /// ```
    /// use tdx_core::TdxStatus;
    /// assert!(TdxStatus::NON_RECOVERABLE_TD.is_fatal());
    /// assert!(TdxStatus::TD_FATAL.is_fatal());
    /// assert!(!TdxStatus::NON_RECOVERABLE_VCPU.is_fatal());
    /// assert!(!TdxStatus::OPERAND_INVALID.is_fatal());
    /// ```
    #[inline]
    pub const fn is_fatal(self) -> bool {
        self.0 & Self::FATAL_BIT != 0
    }

    /// Whether bit 60 (`api_error_code_t.host_recoverability_hint`) is set.
    ///
    /// ```
    /// use tdx_core::TdxStatus;
    /// assert!(TdxStatus::HOST_PRIORITY_BUSY_TIMEOUT.host_recoverability_hint());
    /// assert!(!TdxStatus::OPERAND_BUSY.host_recoverability_hint());
    /// ```
    #[inline]
    pub const fn host_recoverability_hint(self) -> bool {
        self.0 & Self::HOST_RECOVERABILITY_HINT_BIT != 0
    }

    /// Whether bit 63 is clear and the status is non-zero: the call completed, with
    /// information (e.g. [`TdxStatus::KEY_CONFIGURED`], [`TdxStatus::NO_HKID_READY_TO_WBCACHE`]).
    ///
    /// Some `NON_RECOVERABLE_*` statuses TDH.VP.ENTER returns also have bit 63 clear
    /// (`TDX_NON_RECOVERABLE_VCPU`, `_TD`, `_TD_NON_ACCESSIBLE`, `_TD_CORRUPTED_MD`), so they
    /// are "success with information" by this test; check [`TdxStatus::is_non_recoverable`]
    /// too where that matters. `TDX_NON_RECOVERABLE_TD_WRONG_APIC_MODE` (0xE000000700000000)
    /// and `TDX_TD_FATAL` have bit 63 set: they are errors.
    #[inline]
    pub const fn is_success_with_info(self) -> bool {
        !self.is_error() && self.0 != 0
    }

    /// The status class, bits 47:40.
    #[inline]
    pub const fn class(self) -> u8 {
        (self.0 >> 40) as u8
    }

    /// The status code without the operand (`self & STATUS_MASK`).
    #[inline]
    pub const fn code(self) -> TdxStatus {
        TdxStatus(self.0 & Self::STATUS_MASK)
    }

    /// The operand ID / detail, bits 31:0.
    #[inline]
    pub const fn operand(self) -> u32 {
        self.0 as u32
    }

    /// Whether `self` and `other` have the same status code, ignoring the operand
    /// (bits 31:0): how KVM tests `TDX_OPERAND_BUSY`.
    #[inline]
    pub const fn matches(self, other: TdxStatus) -> bool {
        self.0 & Self::STATUS_MASK == other.0 & Self::STATUS_MASK
    }

    /// Whether the status is `TDX_OPERAND_BUSY` under the status mask (KVM's
    /// `tdx_operand_busy`). The sibling codes [`TdxStatus::PREVIOUS_TLB_EPOCH_BUSY`] and
    /// [`TdxStatus::SYS_BUSY`] are not included: Linux handles them separately.
    #[inline]
    pub const fn is_busy(self) -> bool {
        self.matches(TdxStatus::OPERAND_BUSY)
    }

    /// Whether this is a software-defined status (class 0xFF with the error bit, Linux's
    /// `(ret & TDX_SW_ERROR) == TDX_SW_ERROR`): the TDX module never returns one.
    #[inline]
    pub const fn is_software(self) -> bool {
        self.0 & Self::SW_ERROR.0 == Self::SW_ERROR.0
    }

    /// The TDX module's full name of the status (`"TDX_OPERAND_BUSY"`), if it is a named one.
    ///
    /// The value is looked up exactly first (so the software statuses `TDX_SEAMCALL_GP`,
    /// `TDX_SEAMCALL_UD` and `TDX_SEAMCALL_VMFAILINVALID`, which differ from `TDX_SW_ERROR`
    /// only in bits 31:0, keep their names), then under [`TdxStatus::STATUS_MASK`], so the
    /// operand ID does not matter. No TDX module code has bits 31:0 set, so for module codes
    /// the masked match is the whole story; a software status that is not one of the exact
    /// ones is `TDX_SW_ERROR`.
    ///
    /// Every value of [`TdxStatus::NAMED`] is recognised, which includes the module 1.0
    /// values of the three codes that gained bit 61 (fatal) in 1.5: `TDX_NON_RECOVERABLE_TD`
    /// (0x4000000200000000 in 1.0), `TDX_NON_RECOVERABLE_TD_WRONG_APIC_MODE`
    /// (0xC000000700000000) and `TDX_TD_FATAL` (0xC000060400000000). The constants carry the
    /// 1.5+ value, so [`TdxStatus::matches`] does not match the 1.0 value.
    ///
    /// ```
    /// use tdx_core::TdxStatus;
    /// let old = TdxStatus::from_raw(0x4000_0002_0000_0000); // module 1.0
    /// assert_eq!(old.name(), Some("TDX_NON_RECOVERABLE_TD"));
    /// assert_eq!(TdxStatus::NON_RECOVERABLE_TD.name(), Some("TDX_NON_RECOVERABLE_TD"));
    /// assert!(!old.matches(TdxStatus::NON_RECOVERABLE_TD));
    /// assert_eq!(TdxStatus::SEAMCALL_GP.name(), Some("TDX_SEAMCALL_GP"));
    /// assert_eq!(TdxStatus::from_raw(0x8000_ff00_0000_0005).name(), Some("TDX_SW_ERROR"));
    /// ```
    pub const fn name(self) -> Option<&'static str> {
        match table_name(self.0) {
            Some(name) => Some(name),
            // A zero code with low bits set is a success carrying detail: TDH.VP.ENTER puts
            // the VMX exit reason in bits 31:0 of a successful status.
            None => table_name(self.0 & Self::STATUS_MASK),
        }
    }

    /// Whether the name was matched exactly (so bits 31:0 are part of the code, not an
    /// operand).
    const fn is_exact(self) -> bool {
        table_name(self.0).is_some()
    }

    /// The name of the operand in bits 31:0 (`"RCX"`, `"TDR"`, `"SEPT"`, `"TD_EPOCH"`), if
    /// it is one Linux names.
    pub const fn operand_name(self) -> Option<&'static str> {
        match self.operand() {
            Self::OPERAND_ID_RCX => Some("RCX"),
            Self::OPERAND_ID_TDR => Some("TDR"),
            Self::OPERAND_ID_SEPT => Some("SEPT"),
            Self::OPERAND_ID_TD_EPOCH => Some("TD_EPOCH"),
            _ => None,
        }
    }
}

impl fmt::Display for TdxStatus {
    /// `TDX_OPERAND_BUSY operand RCX (0x8000020000000001)`; an unknown code prints its
    /// class: `unknown status class 0x09 (0x8000090000000000)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => {
                f.write_str(name)?;
                if !self.is_exact() && self.operand() != 0 {
                    if self.is_software() || self.0 & Self::STATUS_MASK == 0 {
                        write!(f, " detail {:#x}", self.operand())?;
                    } else {
                        match self.operand_name() {
                            Some(op) => write!(f, " operand {op}")?,
                            None => write!(f, " operand {:#x}", self.operand())?,
                        }
                    }
                }
            }
            None => write!(f, "unknown status class {:#04x}", self.class())?,
        }
        write!(f, " ({:#018x})", self.0)
    }
}

impl fmt::Debug for TdxStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TdxStatus({self})")
    }
}

impl fmt::LowerHex for TdxStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(&self.0, f)
    }
}

impl From<TdxStatus> for u64 {
    #[inline]
    fn from(status: TdxStatus) -> u64 {
        status.0
    }
}

impl RegDecode for TdxStatus {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        TdxStatus(raw)
    }
}

/// A TDG.VP.VMCALL status (R10 on return), kept whole.
///
/// ```
/// use tdx_core::TdvmcallStatus;
/// let st = TdvmcallStatus::from_raw(0x8000_0000_0000_0002);
/// assert!(st.is_error());
/// assert_eq!(st, TdvmcallStatus::ALIGN_ERROR);
/// assert_eq!(st.to_string(), "TDVMCALL_STATUS_ALIGN_ERROR (0x8000000000000002)");
/// assert_eq!(
///     TdvmcallStatus::from_raw(0x8000_0000_0000_0001).to_string(),
///     "TDVMCALL_STATUS_GPA_INUSE (0x8000000000000001)"
/// );
/// assert_eq!(
///     TdvmcallStatus::from_raw(0x8000_0000_0000_0042).to_string(),
///     "unknown TDVMCALL status (0x8000000000000042)"
/// );
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct TdvmcallStatus(u64);

impl TdvmcallStatus {
    /// `TDVMCALL_STATUS_SUCCESS` (0).
    pub const SUCCESS: TdvmcallStatus = TdvmcallStatus(0);
    /// `TDVMCALL_STATUS_RETRY` (1): call again (MapGPA resumes from the GPA in R11).
    pub const RETRY: TdvmcallStatus = TdvmcallStatus(1);
    /// `TDVMCALL_STATUS_INVALID_OPERAND` (0x8000000000000000).
    pub const INVALID_OPERAND: TdvmcallStatus = TdvmcallStatus(0x8000_0000_0000_0000);
    /// `TDVMCALL_STATUS_GPA_INUSE` (0x8000000000000001): the GPA is already in use (GHCI;
    /// QEMU's `TDG_VP_VMCALL_GPA_INUSE`, qemu/qemu@efa742b23eff2a799c196d756bd506fe74e96fdc
    /// `target/i386/kvm/tdx.h`).
    pub const GPA_INUSE: TdvmcallStatus = TdvmcallStatus(0x8000_0000_0000_0001);
    /// `TDVMCALL_STATUS_ALIGN_ERROR` (0x8000000000000002).
    pub const ALIGN_ERROR: TdvmcallStatus = TdvmcallStatus(0x8000_0000_0000_0002);
    /// `TDVMCALL_STATUS_SUBFUNC_UNSUPPORTED` (0x8000000000000003).
    pub const SUBFUNC_UNSUPPORTED: TdvmcallStatus = TdvmcallStatus(0x8000_0000_0000_0003);

    /// Every named status with its full name.
    pub const NAMED: &'static [(TdvmcallStatus, &'static str)] = &[
        (Self::SUCCESS, "TDVMCALL_STATUS_SUCCESS"),
        (Self::RETRY, "TDVMCALL_STATUS_RETRY"),
        (Self::INVALID_OPERAND, "TDVMCALL_STATUS_INVALID_OPERAND"),
        (Self::GPA_INUSE, "TDVMCALL_STATUS_GPA_INUSE"),
        (Self::ALIGN_ERROR, "TDVMCALL_STATUS_ALIGN_ERROR"),
        (
            Self::SUBFUNC_UNSUPPORTED,
            "TDVMCALL_STATUS_SUBFUNC_UNSUPPORTED",
        ),
    ];

    /// A status from its raw value.
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        TdvmcallStatus(raw)
    }

    /// The raw value.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// Whether the status is exactly `TDVMCALL_STATUS_SUCCESS`.
    #[inline]
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }

    /// Whether the status is exactly `TDVMCALL_STATUS_RETRY`.
    #[inline]
    pub const fn is_retry(self) -> bool {
        self.0 == Self::RETRY.0
    }

    /// Whether bit 63 (error) is set.
    #[inline]
    pub const fn is_error(self) -> bool {
        self.0 >> 63 != 0
    }

    /// The full name (`"TDVMCALL_STATUS_RETRY"`), if the value is a named one (exact match).
    pub const fn name(self) -> Option<&'static str> {
        let mut i = 0;
        while i < Self::NAMED.len() {
            let (status, name) = Self::NAMED[i];
            if status.0 == self.0 {
                return Some(name);
            }
            i += 1;
        }
        None
    }
}

impl fmt::Display for TdvmcallStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name)?,
            None => f.write_str("unknown TDVMCALL status")?,
        }
        write!(f, " ({:#018x})", self.0)
    }
}

impl fmt::Debug for TdvmcallStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TdvmcallStatus({self})")
    }
}

impl From<TdvmcallStatus> for u64 {
    #[inline]
    fn from(status: TdvmcallStatus) -> u64 {
        status.0
    }
}

impl RegDecode for TdvmcallStatus {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        TdvmcallStatus(raw)
    }
}
