//! Completion statuses: [`TdxStatus`] (RAX after SEAMCALL / TDCALL) and [`TdvmcallStatus`]
//! (R10 after TDG.VP.VMCALL).
//!
//! Both keep the whole 64-bit value. A [`TdxStatus`] is laid out as
//!
//! | bits | meaning |
//! |---|---|
//! | 63 | error ([`TdxStatus::ERROR_BIT`]) |
//! | 62 | non-recoverable ([`TdxStatus::NON_RECOVERABLE_BIT`]) |
//! | 47:40 | class (0xFF = software-defined, never used by the TDX module) |
//! | 63:32 | the status code proper ([`TdxStatus::STATUS_MASK`]) |
//! | 31:0 | operand ID / detail (e.g. [`TdxStatus::OPERAND_ID_RCX`]) |
//!
//! The values are Linux's (`asm/shared/tdx_errno.h`, `asm/tdx.h`); the constants drop the
//! `TDX_` prefix (`TDX_OPERAND_BUSY` is [`TdxStatus::OPERAND_BUSY`]), [`TdxStatus::name`]
//! gives the full name back.

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

/// Declares the named status constants and the table [`TdxStatus::NAMED`] from one list.
macro_rules! statuses {
    ($($(#[$doc:meta])* $name:ident = $value:literal;)*) => {
        impl TdxStatus {
            $(
                $(#[$doc])*
                #[doc = concat!("\n\n`TDX_", stringify!($name), "` = `", stringify!($value), "`.")]
                pub const $name: TdxStatus = TdxStatus($value);
            )*

            /// Every named status with its full name (`"TDX_OPERAND_BUSY"`), in the order of
            /// the reference table.
            pub const NAMED: &'static [(TdxStatus, &'static str)] = &[
                $((TdxStatus::$name, concat!("TDX_", stringify!($name))),)*
            ];
        }
    };
}

statuses! {
    /// Success.
    SUCCESS = 0x0000_0000_0000_0000;
    /// The vCPU cannot be resumed (TDH.VP.ENTER).
    NON_RECOVERABLE_VCPU = 0x4000_0001_0000_0000;
    /// The TD cannot be resumed (TDH.VP.ENTER).
    NON_RECOVERABLE_TD = 0x4000_0002_0000_0000;
    /// The TD is non-recoverable and its memory not accessible (TDH.VP.ENTER).
    NON_RECOVERABLE_TD_NON_ACCESSIBLE = 0x6000_0005_0000_0000;
    /// The TD is non-recoverable: wrong APIC mode (TDH.VP.ENTER).
    NON_RECOVERABLE_TD_WRONG_APIC_MODE = 0x6000_0007_0000_0000;
    /// Interrupted; call again to resume (TDH.PHYMEM.CACHE.WB, TDH.SYS.DISABLE).
    INTERRUPTED_RESUMABLE = 0x8000_0003_0000_0000;
    /// The vCPU is not associated with this logical processor.
    VCPU_NOT_ASSOCIATED = 0x8000_0702_0000_0000;
    /// The TD's key is in the wrong state for this call.
    KEY_STATE_INCORRECT = 0xC000_0811_0000_0000;
    /// Success with information: no HKID is ready for cache write-back (KVM treats it as
    /// success).
    NO_HKID_READY_TO_WBCACHE = 0x0000_0821_0000_0000;
    /// A Secure-EPT walk failed.
    EPT_WALK_FAILED = 0xC000_0B00_0000_0000;
    /// The metadata field is not readable.
    METADATA_FIELD_NOT_READABLE = 0xC000_0C02_0000_0000;
    /// Software status: SEAMCALL failed with VMfailInvalid (CF=1: no TDX module loaded, or
    /// the P-SEAMLDR is busy); RAX was stale and the wrapper substituted this value.
    SEAMCALL_VMFAILINVALID = 0x8000_FF00_FFFF_0000;
    /// An operand is invalid.
    OPERAND_INVALID = 0xC000_0100_0000_0000;
    /// An operand is busy (compare with [`TdxStatus::is_busy`], under the status mask).
    OPERAND_BUSY = 0x8000_0200_0000_0000;
    /// The previous TLB epoch is busy.
    PREVIOUS_TLB_EPOCH_BUSY = 0x8000_0201_0000_0000;
    /// The TDX module is busy.
    SYS_BUSY = 0x8000_0202_0000_0000;
    /// No entropy available (RDRAND/RDSEED failed); Linux retries it.
    RND_NO_ENTROPY = 0x8000_0203_0000_0000;
    /// A page's PAMT metadata is not what the call requires.
    PAGE_METADATA_INCORRECT = 0xC000_0300_0000_0000;
    /// Key generation failed.
    KEY_GENERATION_FAILED = 0x8000_0800_0000_0000;
    /// Success with information: the key is already configured on this package.
    KEY_CONFIGURED = 0x0000_0815_0000_0000;
    /// A vCPU has not been flushed (TDH.MNG.VPFLUSHDONE).
    FLUSHVP_NOT_DONE = 0x8000_0824_0000_0000;
    /// A Secure-EPT entry is in the wrong state.
    EPT_ENTRY_STATE_INCORRECT = 0xC000_0B0D_0000_0000;
    /// Software error (class 0xFF with the error bit): also the mask Linux tests software
    /// errors with.
    SW_ERROR = 0x8000_FF00_0000_0000;
    /// Software status: SEAMCALL raised #GP (`TDX_SW_ERROR | X86_TRAP_GP`).
    SEAMCALL_GP = 0x8000_FF00_0000_000D;
    /// Software status: SEAMCALL raised #UD (`TDX_SW_ERROR | X86_TRAP_UD`).
    SEAMCALL_UD = 0x8000_FF00_0000_0006;
}

/// The statuses that [`TdxStatus::name`] matches exactly rather than under the mask.
const EXACT: [TdxStatus; 4] = [
    TdxStatus::SUCCESS,
    TdxStatus::SEAMCALL_VMFAILINVALID,
    TdxStatus::SEAMCALL_GP,
    TdxStatus::SEAMCALL_UD,
];

impl TdxStatus {
    /// Bit 63 (`TDX_ERROR`): the call failed.
    pub const ERROR_BIT: u64 = 1 << 63;
    /// Bit 62 (`TDX_NON_RECOVERABLE`).
    pub const NON_RECOVERABLE_BIT: u64 = 1 << 62;
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

    /// Whether bit 63 is clear and the status is non-zero: the call completed, with
    /// information (e.g. [`TdxStatus::KEY_CONFIGURED`], [`TdxStatus::NO_HKID_READY_TO_WBCACHE`]).
    ///
    /// The `NON_RECOVERABLE_*` statuses TDH.VP.ENTER returns also have bit 63 clear, so they
    /// are "success with information" by this test; check [`TdxStatus::is_non_recoverable`]
    /// too where that matters.
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

    /// The full spec name of the status (`"TDX_OPERAND_BUSY"`), if it is a named one.
    ///
    /// `TDX_SUCCESS` and the `TDX_SEAMCALL_*` software statuses are matched exactly; every
    /// other name is matched under [`TdxStatus::STATUS_MASK`], so the operand ID does not
    /// matter. A software status that is not one of the exact ones is `TDX_SW_ERROR`.
    pub const fn name(self) -> Option<&'static str> {
        let mut i = 0;
        while i < EXACT.len() {
            if EXACT[i].0 == self.0 {
                return Self::table_name(self.0);
            }
            i += 1;
        }
        // A zero code with low bits set is a success carrying detail: TDH.VP.ENTER puts the
        // VMX exit reason in bits 31:0 of a successful status.
        Self::table_name(self.0 & Self::STATUS_MASK)
    }

    /// The name of the [`TdxStatus::NAMED`] entry whose value is exactly `raw`.
    const fn table_name(raw: u64) -> Option<&'static str> {
        let mut i = 0;
        while i < Self::NAMED.len() {
            let (status, name) = Self::NAMED[i];
            if status.0 == raw {
                return Some(name);
            }
            i += 1;
        }
        None
    }

    /// Whether the name was matched exactly (so bits 31:0 are part of the code, not an
    /// operand).
    const fn is_exact(self) -> bool {
        let mut i = 0;
        while i < EXACT.len() {
            if EXACT[i].0 == self.0 {
                return true;
            }
            i += 1;
        }
        false
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
///     "unknown TDVMCALL status (0x8000000000000001)"
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
    /// `TDVMCALL_STATUS_ALIGN_ERROR` (0x8000000000000002).
    pub const ALIGN_ERROR: TdvmcallStatus = TdvmcallStatus(0x8000_0000_0000_0002);
    /// `TDVMCALL_STATUS_SUBFUNC_UNSUPPORTED` (0x8000000000000003).
    pub const SUBFUNC_UNSUPPORTED: TdvmcallStatus = TdvmcallStatus(0x8000_0000_0000_0003);

    /// Every named status with its full name.
    pub const NAMED: &'static [(TdvmcallStatus, &'static str)] = &[
        (Self::SUCCESS, "TDVMCALL_STATUS_SUCCESS"),
        (Self::RETRY, "TDVMCALL_STATUS_RETRY"),
        (Self::INVALID_OPERAND, "TDVMCALL_STATUS_INVALID_OPERAND"),
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
