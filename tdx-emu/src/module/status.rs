//! The completion statuses and operand IDs the model returns.
//!
//! Every status comes from the reference list (`tdx_core::TdxStatus`'s named constants) except
//! [`PAGE_ALREADY_ACCEPTED`]; where the real TDX module returns a more specific status that the
//! reference does not list, the model returns the nearest listed one (see `docs/emulator.md`,
//! "Deviations").
//!
//! Operand IDs (bits 31:0 of an error status) follow the TDX module: a register operand is the
//! x86 number of the register that carried it (RCX = 1, RDX = 2, R8 = 8, ...), an internal
//! structure has its own ID ([`TDR`](operand::TDR), [`SEPT`](operand::SEPT), ...). The four IDs
//! the reference names (RCX, TDR, SEPT, TD_EPOCH) have the reference's values; the others are
//! the TDX module's (`intel/tdx-module`, `tdx_error_codes_defs.h`).

use tdx_core::TdxStatus;

/// Operand IDs: bits 31:0 of an error status, naming what was wrong or busy.
pub mod operand {
    /// RAX: the leaf number or version itself.
    pub const RAX: u32 = 0;
    /// RCX.
    pub const RCX: u32 = 1;
    /// RDX.
    pub const RDX: u32 = 2;
    /// R8.
    pub const R8: u32 = 8;
    /// R9.
    pub const R9: u32 = 9;
    /// R10.
    pub const R10: u32 = 10;
    /// TD_PARAMS.ATTRIBUTES (TDH.MNG.INIT).
    pub const ATTRIBUTES: u32 = 0x40;
    /// TD_PARAMS.XFAM (TDH.MNG.INIT).
    pub const XFAM: u32 = 0x41;
    /// TD_PARAMS.CONFIG_FLAGS / execution controls (TDH.MNG.INIT).
    pub const EXEC_CONTROLS: u32 = 0x42;
    /// TD_PARAMS.EPTP_CONTROLS (TDH.MNG.INIT).
    pub const EPTP_CONTROLS: u32 = 0x43;
    /// TD_PARAMS.MAX_VCPUS (TDH.MNG.INIT).
    pub const MAX_VCPUS: u32 = 0x44;
    /// TD_PARAMS.TSC_FREQUENCY (TDH.MNG.INIT).
    pub const TSC_FREQUENCY: u32 = 0x46;
    /// The TD's root page, reached implicitly (through a TDVPR or a page's owner).
    pub const TDR: u32 = 0x80;
    /// The TD's Secure-EPT tree.
    pub const SEPT: u32 = 0x92;
    /// The TD's TLB epoch (TDH.MEM.TRACK against TDH.VP.ENTER).
    pub const TD_EPOCH: u32 = 0xa9;
    /// The platform state (the module-global system lock and init state machine).
    pub const SYS: u32 = 0xb8;
    /// The key ownership table (HKID assignment: TDH.MNG.CREATE, VPFLUSHDONE, KEY.FREEID).
    pub const KOT: u32 = 0xba;
    /// The per-package cache write-back state (TDH.PHYMEM.CACHE.WB).
    pub const WBCACHE: u32 = 0xbc;

    /// The register name for a register operand ID (`"RCX"`), or `None`.
    pub const fn register_name(id: u32) -> Option<&'static str> {
        Some(match id {
            0 => "RAX",
            1 => "RCX",
            2 => "RDX",
            3 => "RBX",
            6 => "RSI",
            7 => "RDI",
            8 => "R8",
            9 => "R9",
            10 => "R10",
            11 => "R11",
            12 => "R12",
            13 => "R13",
            14 => "R14",
            15 => "R15",
            _ => return None,
        })
    }
}

/// The answer of `tdx-emu` to a leaf of the ABI table (`tdx_core::abi::leaves()`) that the
/// model does not implement: `0x8000_FF01_0000_0000`, a software status (class 0xFF with the
/// error bit, like Linux's `TDX_SW_ERROR` codes, so [`TdxStatus::is_software`] is true and
/// the TDX module never returns it) with code 0x01 in bits 39:32, which no Linux software
/// status uses. Bits 31:0 are 0. A test tells "not modelled" from a module error by
/// comparing the whole status with this one; `docs/emulator.md` lists the leaves that get it.
pub const NOT_MODELLED: TdxStatus = TdxStatus::from_raw(0x8000_FF01_0000_0000);

/// `TDX_PAGE_ALREADY_ACCEPTED` (`0x00000B0A00000000`): TDG.MEM.PAGE.ACCEPT on a page that is
/// already accepted. Success with information (bit 63 clear).
///
/// **Not in the reference** (Linux does not name it); the value is the TDX module's
/// (`tdx_error_codes_defs.h`).
pub const PAGE_ALREADY_ACCEPTED: TdxStatus = TdxStatus::from_raw(0x0000_0B0A_0000_0000);

/// Status codes of the TDX module the model returns that `tdx-core` may not name yet. Values
/// from `include/auto_gen/tdx_error_codes_defs.h` of intel/tdx-module@72d8cffb214b74ae94d75afce36423020f74b47c
/// (TDX 1.5.01).
pub(crate) mod code {
    use tdx_core::TdxStatus;

    /// `TDX_OP_STATE_INCORRECT`: the leaf is not allowed in the TD's OP_STATE.
    pub(crate) const OP_STATE_INCORRECT: TdxStatus = TdxStatus::from_raw(0xC000_0608_0000_0000);
    /// `TDX_NO_VALID_VE_INFO`: TDG.VP.VEINFO.GET with no #VE pending.
    pub(crate) const NO_VALID_VE_INFO: TdxStatus = TdxStatus::from_raw(0xC000_0704_0000_0000);
    /// `TDX_METADATA_FIELD_ID_INCORRECT`: no such field in the context.
    pub(crate) const METADATA_FIELD_ID_INCORRECT: TdxStatus =
        TdxStatus::from_raw(0xC000_0C00_0000_0000);
    /// `TDX_METADATA_FIELD_NOT_WRITABLE`: no bit of the write mask is writable by the caller.
    pub(crate) const METADATA_FIELD_NOT_WRITABLE: TdxStatus =
        TdxStatus::from_raw(0xC000_0C01_0000_0000);
    /// `TDX_METADATA_FIELD_NOT_READABLE`: the caller may not read the field.
    pub(crate) const METADATA_FIELD_NOT_READABLE: TdxStatus =
        TdxStatus::from_raw(0xC000_0C02_0000_0000);
    /// `TDX_METADATA_FIELD_VALUE_NOT_VALID`: the write would change a bit the caller may not
    /// write (`md_check_forbidden_bits_unchanged`).
    pub(crate) const METADATA_FIELD_VALUE_NOT_VALID: TdxStatus =
        TdxStatus::from_raw(0xC000_0C03_0000_0000);
    /// `TDX_TLB_TRACKING_NOT_DONE`: TDH.MEM.PAGE.REMOVE of a blocked page whose block was not
    /// tracked yet.
    pub(crate) const TLB_TRACKING_NOT_DONE: TdxStatus = TdxStatus::from_raw(0xC000_0B08_0000_0000);
}

/// A failed call: the whole status that goes to RAX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fail(pub(crate) u64);

impl Fail {
    /// `status` with `operand` in bits 31:0.
    pub(crate) const fn new(status: TdxStatus, operand: u32) -> Self {
        Fail(status.with_operand(operand).raw())
    }

    /// `status` exactly as given (no operand).
    pub(crate) const fn exact(status: TdxStatus) -> Self {
        Fail(status.raw())
    }
}

/// `TDX_OPERAND_INVALID` with `operand`.
pub(crate) const fn invalid(operand: u32) -> Fail {
    Fail::new(TdxStatus::OPERAND_INVALID, operand)
}

/// `TDX_OPERAND_BUSY` with `operand`.
pub(crate) const fn busy(operand: u32) -> Fail {
    Fail::new(TdxStatus::OPERAND_BUSY, operand)
}

/// `TDX_PAGE_METADATA_INCORRECT` with `operand`.
pub(crate) const fn metadata_incorrect(operand: u32) -> Fail {
    Fail::new(TdxStatus::PAGE_METADATA_INCORRECT, operand)
}

/// `TDX_KEY_STATE_INCORRECT` with `operand`.
pub(crate) const fn key_state(operand: u32) -> Fail {
    Fail::new(TdxStatus::KEY_STATE_INCORRECT, operand)
}

/// A handler's result: the status of a completed call (`TDX_SUCCESS` or a success with
/// information), or the error status.
pub(crate) type Outcome = Result<TdxStatus, Fail>;
