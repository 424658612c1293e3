//! TDCALL: every TDX-module leaf a Linux guest uses (TD guest → TDX module), one wrapper per
//! leaf, named after the spec mnemonic, plus Linux's page-acceptance loop.
//!
//! Numbers are from arch/x86/include/asm/shared/tdx.h@702fdf35; register usage from
//! arch/x86/coco/tdx/tdx.c and tdx-shared.c (versions not pinned). GHCI sub-functions of
//! TDG.VP.VMCALL are in [`vmcall`](crate::vmcall).
//!
//! TDCALL has no VMfailInvalid and no fault fixup: RAX is always the status. Linux retries no
//! TDCALL, and neither does any wrapper here. Linux compares guest statuses by their upper
//! half (`TDCALL_RETURN_CODE(ret) = ret >> 32`) against `TDCALL_INVALID_OPERAND`
//! (0xc0000100) and, in patch text, `TDCALL_OPERAND_BUSY` (0x80000200, **uncertain**): that
//! is [`TdxStatus::matches`] with `TDX_OPERAND_INVALID` / `TDX_OPERAND_BUSY`.
//!
//! All wrappers must be called inside a TD at CPL 0 (TDCALL raises #UD elsewhere: from user
//! space it is a crash, not a TDX error).

use core::fmt;

use tdx_core::{
    AcceptGpa, AddrError, ExitReason, FieldId, Gpa, GpaWidth, Gva, ModuleArgs, PageSize, RtmrIndex,
    TdAttributes, TdxError, TdxStatus, VeInstruction, abi, tdcall,
};

mod connect;
mod l2;
mod mem;
mod mr;
mod servtd;
mod sys;
mod vp;

pub use connect::*;
pub use l2::*;
pub use mem::*;
pub use mr::*;
pub use servtd::*;
pub use sys::*;
pub use vp::*;

/// TDG.VP.VMCALL (TDCALL leaf 0) at the register level: every register in and out through
/// `args`, as Linux's `__tdcall_saved_ret` (`__tdx_hypercall`).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0 | TDCALL status |
/// | RCX | `args.rcx`: the mask of registers exposed to the VMM (Linux: 0xFFCC) | unchanged |
/// | R10 | `args.r10`: 0 = GHCI standard, non-zero = vendor hypercall number | TDVMCALL status (or the vendor hypercall's result) |
/// | R11 | `args.r11`: GHCI sub-function | return value |
/// | R12–R15, RBX, RDI, RSI, R8, R9, RDX | `args`: arguments, for the exposed ones | what the VMM wrote |
///
/// Every register comes back through `args`. The status is the TDCALL's: a non-zero RAX
/// means the TDVMCALL mechanism failed (Linux panics); the VMM's answer is in `args.r10`,
/// which this wrapper does not interpret. Prefer the typed wrappers in
/// [`vmcall`](crate::vmcall).
///
/// # Safety
///
/// Every register the mask exposes is handed to the untrusted VMM and overwritten by it:
/// `args` must carry nothing private, and any address in it must be shared memory the VMM may
/// access as the sub-function says.
#[tdcall(leaf = abi::TdgVpVmcall, regs = args)]
pub unsafe fn tdg_vp_vmcall(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

/// TDG.VP.INFO (TDCALL leaf 1): the TD's execution environment.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 1 | status |
/// | RCX | – | `gpa_width`: GPA width in bits 5:0 (shared bit = width − 1) |
/// | RDX | – | `attributes`: TD attributes (`ATTR_DEBUG` bit 0, `ATTR_SEPT_VE_DISABLE` bit 28) |
///
/// The module also returns R8–R11, which Linux does not read (see the ABI table). Linux
/// panics if the call fails, which no valid TD should see.
#[tdcall(leaf = abi::TdgVpInfo, out(rcx = gpa_width: GpaWidth, rdx = attributes: TdAttributes))]
pub fn tdg_vp_info() -> Result<VpInfo, TdxError>;

/// TDG.VP.VEINFO.GET (TDCALL leaf 3): the information of the pending virtualization
/// exception. Must be called early in the #VE handler: it clears the #VE-valid flag.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 3 | status |
/// | RCX | – | `exit_reason` |
/// | RDX | – | `exit_qualification` |
/// | R8 | – | `gla`: guest linear address |
/// | R9 | – | `gpa`: guest physical address |
/// | R10 | – | `instruction`: length (31:0) and information (63:32) |
///
/// Linux panics if the call fails (no #VE pending: `TDX_NO_VALID_VE_INFO`).
///
/// **Version 1** (module 1.5.09 on, by the public fork's labels, murrowow/tdx-concurrency
/// @c275366 `tdg_vp_veinfo_get.c`; **unconfirmed** in Intel's repository) reads and writes
/// exactly the registers of version 0; only RCX changes meaning: bits 63:32 carry the #VE
/// category (`exit_reason_and_ve_category_t`), 0 at version 0. It has no table entry of its
/// own; a caller who wants it writes the version on this entry (RAX = 0x10003), and reads
/// the category from [`ExitReason::raw`](tdx_core::ExitReason::raw) `>> 32`:
///
/// ```rust,no_run
/// use tdx_core::{abi, tdcall, AddrError, ExitReason, Gpa, Gva, TdxError, VeInstruction};
///
/// /// TDG.VP.VEINFO.GET version 1: RCX 63:32 = the #VE category.
/// #[tdcall(leaf = abi::TdgVpVeinfoGet, version = 1, out(rcx = exit_reason: ExitReason, rdx = exit_qualification: u64, r8 = gla: Result<Gva, AddrError>, r9 = gpa: Result<Gpa, AddrError>, r10 = instruction: VeInstruction), clobber(r12))]
/// pub fn veinfo_get_v1() -> Result<VeInfoV1, TdxError>;
/// ```
///
/// Version 2 also writes R11 (0) and R12 (the interruptibility state): it would be an entry
/// of its own, not wrapped here (this wrapper takes R12 back for it: `clobber(r12)`).
#[tdcall(leaf = abi::TdgVpVeinfoGet, out(rcx = exit_reason: ExitReason, rdx = exit_qualification: u64, r8 = gla: Result<Gva, AddrError>, r9 = gpa: Result<Gpa, AddrError>, r10 = instruction: VeInstruction), clobber(r12))]
pub fn tdg_vp_veinfo_get() -> Result<VeInfo, TdxError>;

/// TDG.MR.REPORT (TDCALL leaf 4): write a TDREPORT of this TD.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 4 | status |
/// | RCX | `report`: GPA of the 1024-byte TDREPORT output buffer | – |
/// | RDX | `report_data`: GPA of the 64-byte REPORTDATA | – |
/// | R8 | `subtype`: report subtype (`TDREPORT_SUBTYPE_0` = 0) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (under the status mask; Linux: -EINVAL, -ENXIO in later
/// patch text); `TDX_OPERAND_BUSY` (patch text: -EBUSY, **uncertain**).
///
/// # Safety
///
/// `report` is the GPA (not a virtual address) of 1024 writable bytes and `report_data` of 64
/// readable bytes, both private memory of this TD, valid and not otherwise accessed during the
/// call.
#[tdcall(leaf = abi::TdgMrReport, in(rcx = report, rdx = report_data, r8 = subtype))]
pub unsafe fn tdg_mr_report(
    report: Gpa,
    report_data: Gpa,
    subtype: u64,
) -> Result<TdxStatus, TdxError>;

/// TDG.MR.RTMR.EXTEND (TDCALL leaf 2): extend a runtime measurement register.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 2 | status |
/// | RCX | `data`: GPA of the extend data (a SHA-384 digest) | – |
/// | RDX | `index`: the RTMR index | – |
///
/// The leaf number is mainline; the register usage was read only in patch text
/// (**uncertain**). Statuses (patch text): `TDX_OPERAND_INVALID` → -ENXIO,
/// `TDX_OPERAND_BUSY` → -EBUSY, both compared on the upper half.
///
/// # Safety
///
/// `data` is the GPA of the readable extend data, private memory of this TD, valid for the
/// call.
#[tdcall(leaf = abi::TdgMrRtmrExtend, in(rcx = data, rdx = index))]
pub unsafe fn tdg_mr_rtmr_extend(data: Gpa, index: RtmrIndex) -> Result<TdxStatus, TdxError>;

/// TDG.MEM.PAGE.ACCEPT (TDCALL leaf 6): accept a pending private page (added by
/// TDH.MEM.PAGE.AUG).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 6 | status |
/// | RCX | `gpa`: GPA \| size code (bits 2:0: 0 = 4 KiB, 1 = 2 MiB, 2 = 1 GiB), aligned to the size | – |
///
/// Linux treats any non-zero status as a failure for that size and tries the next smaller
/// one: see [`tdg_mem_page_accept_range`].
///
/// # Safety
///
/// The range becomes private memory of this TD with its contents zeroed: nothing may rely on
/// what it held, and it must not be accepted twice while in use.
#[tdcall(leaf = abi::TdgMemPageAccept, in(rcx = gpa))]
pub unsafe fn tdg_mem_page_accept(gpa: AcceptGpa) -> Result<TdxStatus, TdxError>;

/// TDG.VM.RD (TDCALL leaf 7): read a TD-scope metadata field.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 7 | status |
/// | RCX | 0: `vm_id`, reserved (the wrapper loads it) | – |
/// | RDX | `field`: the field ID (e.g. `TDCS_CONFIG_FLAGS` 0x1110000300000016) | – |
/// | R8 | – | `value` |
///
/// RCX is not an input. Statuses: `TDX_OPERAND_INVALID` for an unknown field.
#[tdcall(leaf = abi::TdgVmRd, in(rdx = field), out(r8 = value: u64))]
pub fn tdg_vm_rd(field: FieldId) -> Result<VmRd, TdxError>;

/// TDG.VM.RD **version 1** (TDCALL leaf 7, RAX = 0x10007): read a TD-scope metadata field and
/// get the ID of the next one.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x10007 (leaf 7, version 1) | status |
/// | RCX | 0: `vm_id`, reserved (the wrapper loads it) | – |
/// | RDX | `field`: the field ID; null (`FieldId::from_raw(0)`) asks for the first field | `next`: the next field ID (`MD_FIELD_ID_NA` after the last; also on error) |
/// | R8 | – | `value` (0 on error) |
///
/// Statuses: `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT` (success with information, for a null
/// field ID), `TDX_METADATA_FIELD_NOT_READABLE`, `TDX_METADATA_FIELD_ID_INCORRECT`,
/// `TDX_OPERAND_INVALID`. First module version: 1.5.01 (version 0 from 1.0.00). Registers read
/// from intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vm_rd_wr.c` (`version > 0`).
#[tdcall(leaf = abi::TdgVmRdV1, in(rdx = field), out(rdx = next: u64, r8 = value: u64))]
pub fn tdg_vm_rd_v1(field: FieldId) -> Result<VmRdV1, TdxError>;

/// TDG.VM.WR (TDCALL leaf 8): write a TD-scope metadata field, returning the old value.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 8 | status |
/// | RCX | 0: `vm_id`, reserved (the wrapper loads it) | – |
/// | RDX | `field`: the field ID (e.g. `TDCS_NOTIFY_ENABLES` 0x9100000000000010, `TDCS_TD_CTLS`) | – |
/// | R8 | `value` | `old`: the field's previous value |
/// | R9 | `mask`: the bits of `value` to write | – |
///
/// Statuses: `TDX_OPERAND_INVALID` for a field that is not writable.
///
/// # Safety
///
/// The fields change how the TDX module treats this TD (which events raise #VE, which
/// notifications the VMM sends): the caller must be ready for the new behaviour.
#[tdcall(leaf = abi::TdgVmWr, in(rdx = field, r8 = value, r9 = mask), out(r8 = old: u64))]
pub unsafe fn tdg_vm_wr(field: FieldId, value: u64, mask: u64) -> Result<VmWr, TdxError>;

/// Why [`tdg_mem_page_accept_range`] stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptRangeError {
    /// `start` or `end` is not 4 KiB aligned, or `end < start`.
    BadRange {
        /// The start as given.
        start: Gpa,
        /// The end as given.
        end: Gpa,
    },
    /// Accepting the 4 KiB page at `gpa` (after the larger sizes failed) returned an error.
    Failed {
        /// The page that could not be accepted.
        gpa: Gpa,
        /// The error of the 4 KiB attempt.
        error: TdxError,
    },
    /// Accepting the 4 KiB page at `gpa` returned a non-zero status with bit 63 clear, which
    /// Linux also counts as a failure.
    NotAccepted {
        /// The page that could not be accepted.
        gpa: Gpa,
        /// The status of the 4 KiB attempt.
        status: TdxStatus,
    },
}

impl fmt::Display for AcceptRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AcceptRangeError::BadRange { start, end } => {
                write!(
                    f,
                    "cannot accept [{start}, {end}): not a 4 KiB-aligned range"
                )
            }
            AcceptRangeError::Failed { gpa, error } => write!(f, "accepting {gpa}: {error}"),
            AcceptRangeError::NotAccepted { gpa, status } => {
                write!(f, "accepting {gpa}: {status}")
            }
        }
    }
}

/// Accept `[start, end)` as Linux's `tdx_accept_memory` does: at each address, try a 1 GiB
/// page, then 2 MiB, then 4 KiB, using the largest size the address is aligned to and the
/// rest of the range covers, and move on by the size accepted. Any non-zero status counts as a
/// failure of that size (Linux: `if (__tdcall(TDG_MEM_PAGE_ACCEPT, &args)) return 0`).
///
/// Bounded: every step accepts at least 4 KiB, with at most three calls.
///
/// # Safety
///
/// As [`tdg_mem_page_accept`], for the whole range.
// The error keeps the failed call's `TdxError` whole (status and registers), as every
// wrapper's does, plus the page: 8 bytes over clippy's threshold, on the cold path.
#[allow(clippy::result_large_err)]
pub unsafe fn tdg_mem_page_accept_range(start: Gpa, end: Gpa) -> Result<(), AcceptRangeError> {
    const SMALLEST: u64 = 4096;
    if !start.is_aligned(SMALLEST) || !end.is_aligned(SMALLEST) || end < start {
        return Err(AcceptRangeError::BadRange { start, end });
    }
    let mut at = start;
    while at < end {
        let len = end.as_u64() - at.as_u64();
        let mut accepted = 0;
        let mut failure = None;
        for size in [PageSize::Size1G, PageSize::Size2M, PageSize::Size4K] {
            if !at.is_aligned(size.bytes()) || len < size.bytes() {
                continue;
            }
            let Ok(op) = AcceptGpa::new(at, size) else {
                continue;
            };
            // SAFETY: `op` is a page of `[start, end)`, which the caller vouches for.
            match unsafe { tdg_mem_page_accept(op) } {
                Ok(status) if status.is_success() => {
                    accepted = size.bytes();
                    break;
                }
                Ok(status) => failure = Some(AcceptRangeError::NotAccepted { gpa: at, status }),
                Err(error) => failure = Some(AcceptRangeError::Failed { gpa: at, error }),
            }
        }
        if accepted == 0 {
            // The 4 KiB size always applies (aligned, `len >= 4096`), so `failure` is set.
            return Err(failure.unwrap_or(AcceptRangeError::BadRange { start, end }));
        }
        at = match at.checked_add(accepted) {
            Some(next) => next,
            None => return Err(AcceptRangeError::BadRange { start, end }),
        };
    }
    Ok(())
}
