//! Platform and module lifecycle (TDH.SYS.*): global and per-CPU initialization, TDMR
//! configuration and initialization (with Linux's bounded loop), global metadata, key
//! configuration, shutdown, update and disable.

use core::fmt;
use tdx_core::{
    AddrError, FatalErrorConfig, FeatureEnables, FieldId, Hkid, Hpa, TdxError, TdxStatus, abi,
    seamcall,
};

/// TDH.SYS.INIT (SEAMCALL leaf 33): global initialization of the TDX module; the first
/// SEAMCALL.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 33 | status |
/// | RCX | 0: reserved (the wrapper loads it) | – |
///
/// Statuses: `TDX_SEAMCALL_VMFAILINVALID` when no module is loaded (Linux: -ENODEV);
/// `TDX_RND_NO_ENTROPY` after 10 attempts. Done once (Linux caches the result). Version 1
/// (R8 the fatal-error configuration): [`tdh_sys_init_v1`].
///
/// # Safety
///
/// See the module docs.
#[seamcall(leaf = abi::TdhSysInit)]
pub unsafe fn tdh_sys_init() -> Result<TdxStatus, TdxError>;

/// TDH.SYS.INIT **version 1** (SEAMCALL leaf 33, RAX = 0x10021): global initialization, with
/// the fatal-error diagnostics configured.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x10021 (leaf 33, version 1) | status |
/// | RCX | 0: reserved (the wrapper loads it) | – |
/// | R8 | `fatal`: the fatal-error configuration (log HPA, notification) | – |
///
/// Statuses as version 0, and `TDX_OPERAND_INVALID` operand R8 for a reserved bit, a log
/// address that is not a shared 64-byte-aligned HPA, a vector below 16 or an unknown
/// notification. On a CPUID check failure RCX..R10 hold the leaf, masks and expected values
/// (`TdxError::reg`). First module version: 1.5.13 by the public fork's labels
/// (murrowow/tdx-concurrency@695ae90 dispatcher and `tdh_sys_init.c`, **unconfirmed** in
/// Intel's repository; intel/tdx-module@9fd3c8b1, 1.5.34, accepts it); version 0 from 1.0.00.
///
/// # Safety
///
/// As version 0; a log address in `fatal` is memory the module may write on a fatal error,
/// which the caller owns for the module's lifetime. See the module docs.
#[seamcall(leaf = abi::TdhSysInitV1, in(r8 = fatal))]
pub unsafe fn tdh_sys_init_v1(fatal: FatalErrorConfig) -> Result<TdxStatus, TdxError>;

/// TDH.SYS.LP.INIT (SEAMCALL leaf 35): initialize this logical processor, after TDH.SYS.INIT.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 35 | status |
///
/// Statuses: `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// See the module docs. Run once on every logical processor.
#[seamcall(leaf = abi::TdhSysLpInit)]
pub unsafe fn tdh_sys_lp_init() -> Result<TdxStatus, TdxError>;

/// TDH.SYS.RD (SEAMCALL leaf 34): read a global metadata field.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 34 | status |
/// | RDX | `field`: the global field ID (e.g. `TDX_FEATURES0` 0x0A00000300000008) | – |
/// | R8 | – | `value` |
///
/// RCX is **not** an input (unlike TDH.MNG.RD and TDH.VP.RD). Statuses:
/// `TDX_METADATA_FIELD_NOT_READABLE`, `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10
/// attempts.
///
/// # Safety
///
/// See the module docs.
#[seamcall(leaf = abi::TdhSysRd, in(rdx = field), out(r8 = value: u64))]
pub unsafe fn tdh_sys_rd(field: FieldId) -> Result<SysRd, TdxError>;

/// TDH.SYS.CONFIG (SEAMCALL leaf 45): configure the TDX module with its TDMRs and global KeyID.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 45 | status |
/// | RCX | `tdmr_info_array`: HPA of an array of TDMR_INFO HPAs (512-byte aligned) | – |
/// | RDX | `nr_tdmrs`: the number of TDMRs | – |
/// | R8 | `global_keyid`: the KeyID of the module's own metadata | – |
///
/// Version 1 (R9 the features to enable, module 1.5.34 on): [`tdh_sys_config_v1`]. Statuses:
/// `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `tdmr_info_array` is the physical address of `nr_tdmrs` readable entries, each the physical
/// address of a 512-byte-aligned TDMR_INFO, all valid for the call. See the module docs.
#[seamcall(leaf = abi::TdhSysConfig, in(rcx = tdmr_info_array, rdx = nr_tdmrs, r8 = global_keyid))]
pub unsafe fn tdh_sys_config(
    tdmr_info_array: Hpa,
    nr_tdmrs: u64,
    global_keyid: Hkid,
) -> Result<TdxStatus, TdxError>;

/// TDH.SYS.CONFIG **version 1** (SEAMCALL leaf 45, RAX = 0x1002d, module 1.5.34 on): as
/// [`tdh_sys_config`], and enable features.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x1002d (leaf 45, version 1) | status |
/// | RCX | `tdmr_info_array`: HPA of an array of TDMR_INFO HPAs (512-byte aligned) | – |
/// | RDX | `nr_tdmrs`: the number of TDMRs | – |
/// | R8 | `global_keyid`: the KeyID of the module's own metadata | – |
/// | R9 | `enables`: the features to enable (TDX_FEATURES0 layout) | – |
/// | R10 | 0: reserved (the wrapper loads it) | – |
///
/// Statuses as version 0, and `TDX_OPERAND_INVALID` operand R9 for a bit TDX_FEATURES0 lacks
/// ([`FeatureEnables::new`] checks it). Module 2.0.18 takes `non_blocking_export`,
/// `scan_export_restore` and `tdid_vmid_reporting` from R9. First module version: 1.5.34
/// (intel/tdx-module@9fd3c8b1 dispatcher; the public fork's 1.5.25 refuses version 1); version
/// 0 from 1.0.00. Handler read at 2.0.18 (@e69a4391 `src/vmm_dispatcher/api_calls/tdh_sys_config.c`).
///
/// # Safety
///
/// As version 0. See the module docs.
#[seamcall(leaf = abi::TdhSysConfigV1, in(rcx = tdmr_info_array, rdx = nr_tdmrs, r8 = global_keyid, r9 = enables))]
pub unsafe fn tdh_sys_config_v1(
    tdmr_info_array: Hpa,
    nr_tdmrs: u64,
    global_keyid: Hkid,
    enables: FeatureEnables,
) -> Result<TdxStatus, TdxError>;

/// TDH.SYS.KEY.CONFIG (SEAMCALL leaf 31): program the global KeyID on this package.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 31 | status |
///
/// Run once per package, one package at a time, after WBINVD on every CPU. Statuses:
/// `TDX_KEY_CONFIGURED` (bit 63 clear); `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// See the module docs.
#[seamcall(leaf = abi::TdhSysKeyConfig)]
pub unsafe fn tdh_sys_key_config() -> Result<TdxStatus, TdxError>;

/// TDH.SYS.TDMR.INIT (SEAMCALL leaf 36): initialize the next part of a TDMR.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 36 | status |
/// | RCX | `tdmr_base`: the TDMR's base (1 GiB aligned) | – |
/// | RDX | – | `next`: the next address to initialize |
///
/// Linux calls it until `next` ≥ the TDMR's end: [`tdh_sys_tdmr_init_loop`]. Statuses:
/// `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `tdmr_base` is the base of a TDMR passed to TDH.SYS.CONFIG. See the module docs.
#[seamcall(leaf = abi::TdhSysTdmrInit, in(rcx = tdmr_base), out(rdx = next: Result<Hpa, AddrError>))]
pub unsafe fn tdh_sys_tdmr_init(tdmr_base: Hpa) -> Result<TdmrInit, TdxError>;

/// TDH.SYS.SHUTDOWN (SEAMCALL leaf 52, **uncertain**: the number was read only in patch
/// diffs): shut the TDX module down before a runtime update.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 52 | status |
/// | RCX | `handoff_version`: the module's handoff version (TDH.SYS.RD 0x8900000100000000) | – |
///
/// After success all global and per-CPU initialization state is reset. Statuses:
/// `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// No TD may be running or be run afterwards until the update completes. See the module
/// docs.
#[seamcall(leaf = abi::TdhSysShutdown, in(rcx = handoff_version))]
pub unsafe fn tdh_sys_shutdown(handoff_version: u64) -> Result<TdxStatus, TdxError>;

/// TDH.SYS.UPDATE (SEAMCALL leaf 53, **uncertain**: the number was read only in patch diffs):
/// finish a runtime update, on the lead CPU, after P-SEAMLDR.INSTALL and TDH.SYS.LP.INIT on
/// every CPU.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 53 | status |
///
/// Statuses: `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// See the module docs.
#[seamcall(leaf = abi::TdhSysUpdate)]
pub unsafe fn tdh_sys_update() -> Result<TdxStatus, TdxError>;

/// TDH.SYS.UPDATE **version 1** (SEAMCALL leaf 53, RAX = 0x10035): finish a runtime update and
/// enable features.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x10035 (leaf 53, version 1) | status |
/// | R9 | `enables`: the features to enable (TDX_FEATURES0 layout) | – |
/// | R10 | 0: reserved (the wrapper loads it) | – |
///
/// Statuses as version 0, and `TDX_OPERAND_INVALID` operand R9 for a bit TDX_FEATURES0 lacks
/// ([`FeatureEnables::new`]); the handler keeps `update_compatibility`. First module version:
/// 1.5.24 by the public fork's labels (murrowow/tdx-concurrency@307fc86 dispatcher and
/// `tdh_sys_update.c`, **unconfirmed** in Intel's repository; intel/tdx-module@9fd3c8b1,
/// 1.5.34, accepts it); version 0 from 1.5.01.
///
/// # Safety
///
/// As version 0. See the module docs.
#[seamcall(leaf = abi::TdhSysUpdateV1, in(r9 = enables))]
pub unsafe fn tdh_sys_update_v1(enables: FeatureEnables) -> Result<TdxStatus, TdxError>;

/// TDH.SYS.DISABLE (SEAMCALL leaf 69, **uncertain**: the number was read only in patch diffs):
/// disable the TDX module. Destructive.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 69 | status |
///
/// Statuses: `TDX_INTERRUPTED_RESUMABLE` and `TDX_SYS_BUSY` (call again: Linux loops on both,
/// see [`tdh_sys_disable_loop`]); software errors (`TDX_SW_ERROR` class) are not printed by
/// Linux; `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// Every TD is lost: nothing may use TDX afterwards. See the module docs.
#[seamcall(leaf = abi::TdhSysDisable)]
pub unsafe fn tdh_sys_disable() -> Result<TdxStatus, TdxError>;

/// TDH.SYS.DISABLE until it is done, as Linux's `tdx_sys_disable`: called again while it
/// returns exactly `TDX_INTERRUPTED_RESUMABLE` or `TDX_SYS_BUSY`, at most `max_attempts`
/// calls in all (Linux loops without bound; at least one call is made).
///
/// Returns the last call's result.
///
/// # Safety
///
/// As [`tdh_sys_disable`].
pub unsafe fn tdh_sys_disable_loop(max_attempts: u32) -> Result<TdxStatus, TdxError> {
    let mut attempts = 1;
    loop {
        // SAFETY: this function's contract is `tdh_sys_disable`'s.
        let result = unsafe { tdh_sys_disable() };
        match result {
            Err(err)
                if (err.status() == TdxStatus::INTERRUPTED_RESUMABLE
                    || err.status() == TdxStatus::SYS_BUSY)
                    && attempts < max_attempts =>
            {
                attempts += 1;
            }
            other => return other,
        }
    }
}

/// Why [`tdh_sys_tdmr_init_loop`] stopped before the TDMR was initialized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TdmrInitError {
    /// A TDH.SYS.TDMR.INIT call failed.
    Call(TdxError),
    /// `tdmr_base + tdmr_size` overflows.
    BadRange {
        /// The TDMR base.
        base: Hpa,
        /// The TDMR size.
        size: u64,
    },
    /// The module returned a next address that is not a physical address.
    BadNext {
        /// RDX as returned.
        raw: u64,
    },
    /// `max_calls` calls were made and the TDMR is still not initialized.
    Incomplete {
        /// The next address to initialize, as last returned.
        next: Hpa,
        /// The number of calls made.
        calls: u32,
    },
}

impl From<TdxError> for TdmrInitError {
    fn from(err: TdxError) -> Self {
        TdmrInitError::Call(err)
    }
}

impl fmt::Display for TdmrInitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TdmrInitError::Call(err) => write!(f, "{err}"),
            TdmrInitError::BadRange { base, size } => {
                write!(f, "TDMR {base} + {size:#x} overflows")
            }
            TdmrInitError::BadNext { raw } => write!(
                f,
                "TDH.SYS.TDMR.INIT returned {raw:#x}, not a physical address"
            ),
            TdmrInitError::Incomplete { next, calls } => write!(
                f,
                "TDMR not initialized after {calls} TDH.SYS.TDMR.INIT calls (next {next})"
            ),
        }
    }
}

/// TDH.SYS.TDMR.INIT until the TDMR at `tdmr_base` (`tdmr_size` bytes) is initialized, as
/// Linux's `init_tdmr`: every call passes the TDMR base in RCX and the loop ends when the
/// returned RDX reaches `tdmr_base + tdmr_size`. Linux loops without bound (with
/// `cond_resched()` between calls); this makes at most `max_calls` calls (at least one).
///
/// Returns the number of calls made.
///
/// # Safety
///
/// As [`tdh_sys_tdmr_init`].
pub unsafe fn tdh_sys_tdmr_init_loop(
    tdmr_base: Hpa,
    tdmr_size: u64,
    max_calls: u32,
) -> Result<u32, TdmrInitError> {
    let end = tdmr_base
        .as_u64()
        .checked_add(tdmr_size)
        .ok_or(TdmrInitError::BadRange {
            base: tdmr_base,
            size: tdmr_size,
        })?;
    let mut calls = 0;
    loop {
        // SAFETY: this function's contract is `tdh_sys_tdmr_init`'s.
        let out = unsafe { tdh_sys_tdmr_init(tdmr_base) }?;
        calls += 1;
        let next = out
            .next
            .map_err(|err| TdmrInitError::BadNext { raw: err.raw() })?;
        if next.as_u64() >= end {
            return Ok(calls);
        }
        if calls >= max_calls {
            return Err(TdmrInitError::Incomplete { next, calls });
        }
    }
}

// ================================================================= module 1.5 leaves

/// TDH.SYS.INFO (SEAMCALL leaf 32): the TDX module 1.0 information interface: write
/// TDSYSINFO_STRUCT and the CMR table.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 32 | status |
/// | RCX | `sysinfo`: HPA of the TDSYSINFO_STRUCT buffer (1024-byte aligned) | – |
/// | RDX | `sysinfo_len`: its size in bytes (≥ 1024) | `sysinfo_written`: the bytes written to the TDSYSINFO_STRUCT |
/// | R8 | `cmrs`: HPA of the CMR_INFO array (512-byte aligned) | – |
/// | R9 | `cmr_entries`: its number of entries (≥ 32, `MAX_CMR`) | `cmrs_written`: the CMR entries written (`MAX_CMR`) |
///
/// Statuses: `TDX_OPERAND_INVALID` for a bad size or alignment (operands RCX, RDX, R8, R9); the
/// handler returns `TDX_OPERAND_INVALID`, `TDX_SYS_LP_INIT_NOT_DONE`; `TDX_RND_NO_ENTROPY`
/// after 10 attempts. First module version: 1.0.00. Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_sys_info.c` and its dispatcher.
///
/// # Safety
///
/// `sysinfo` and `cmrs` are writable memory of the given sizes, valid and not otherwise
/// accessed during the call. See the module docs.
#[seamcall(leaf = abi::TdhSysInfo, in(rcx = sysinfo, rdx = sysinfo_len, r8 = cmrs, r9 = cmr_entries), out(rdx = sysinfo_written: u64, r9 = cmrs_written: u64))]
pub unsafe fn tdh_sys_info(
    sysinfo: Hpa,
    sysinfo_len: u64,
    cmrs: Hpa,
    cmr_entries: u64,
) -> Result<SysInfo, TdxError>;

/// TDH.SYS.RDALL (SEAMCALL leaf 37): read every global metadata field from `field` on into a
/// metadata list page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 37 | status |
/// | RDX | `list`: HPA of the 4 KiB metadata list page | – |
/// | R8 | `field`: the first field ID | `next`: the next field ID to read, or `MD_FIELD_ID_NA` (all ones) when done |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX); `TDX_METADATA_LIST_OVERFLOW` (call again from
/// `next`); the handler returns `TDX_SYS_LP_INIT_NOT_DONE`; `TDX_RND_NO_ENTROPY` after 10
/// attempts. RCX is not read. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_sys_rdall.c` and its dispatcher.
///
/// # Safety
///
/// `list` is a writable 4 KiB page, valid and not otherwise accessed during the call. See the
/// module docs.
#[seamcall(leaf = abi::TdhSysRdall, in(rdx = list, r8 = field), out(r8 = next: u64))]
pub unsafe fn tdh_sys_rdall(list: Hpa, field: FieldId) -> Result<SysRdall, TdxError>;

/// TDH.SYS.LP.SHUTDOWN (SEAMCALL leaf 44): shut this logical processor's part of the TDX module
/// down (the only leaf accepted once the module is shut down).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 44 | status |
///
/// Statuses: none specific; no leaf-specific status in the handler; `TDX_RND_NO_ENTROPY` after
/// 10 attempts. First module version: 1.0.00. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_sys_lp_shutdown.c` and its dispatcher.
///
/// # Safety
///
/// No TD may run on this logical processor afterwards. See the module docs.
#[seamcall(leaf = abi::TdhSysLpShutdown)]
pub unsafe fn tdh_sys_lp_shutdown() -> Result<TdxStatus, TdxError>;
