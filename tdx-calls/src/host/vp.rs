//! vCPUs (TDH.VP.*): create, add TDCX pages, initialize, read/write metadata, flush and
//! enter a vCPU.

use tdx_core::ExitReason;
use tdx_core::{FieldId, ModuleArgs, Page, Tdcx, TdxError, TdxStatus, X2ApicId, abi, seamcall};

use crate::handles::{TdxTd, TdxVp};

/// TDH.VP.CREATE (SEAMCALL leaf 10): create a vCPU on its TDVPR page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 10 | status |
/// | RCX | `vp.tdvpr`: the vCPU root page | – |
/// | RDX | `td.tdr`: the TD | – |
///
/// Statuses: `TDX_RND_NO_ENTROPY` after 10 attempts; `TDX_OPERAND_INVALID`,
/// `TDX_PAGE_METADATA_INCORRECT` for a page the module does not accept.
///
/// # Safety
///
/// `vp.tdvpr` is a page the caller owns and hands to the TDX module (flushed from the cache)
/// until it is reclaimed; `td.tdr` is an initialized TD. See the module docs.
#[seamcall(leaf = abi::TdhVpCreate, in(rcx = vp.tdvpr, rdx = td.tdr))]
pub unsafe fn tdh_vp_create(td: &TdxTd<'_>, vp: &TdxVp<'_>) -> Result<TdxStatus, TdxError>;

/// TDH.VP.ADDCX (SEAMCALL leaf 4): add a TDCX page to a vCPU.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 4 | status |
/// | RCX | `tdcx`: the TDCX page | – |
/// | RDX | `vp.tdvpr` | – |
///
/// KVM adds every page of `vp.tdcx` this way (`tdcx_nr_pages`), before TDH.VP.INIT.
/// Statuses: `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `tdcx` is a page the caller owns and hands to the TDX module (flushed from the cache) until
/// it is reclaimed. See the module docs.
#[seamcall(leaf = abi::TdhVpAddcx, in(rcx = tdcx, rdx = vp.tdvpr))]
pub unsafe fn tdh_vp_addcx(vp: &TdxVp<'_>, tdcx: Page<Tdcx>) -> Result<TdxStatus, TdxError>;

/// TDH.VP.INIT (SEAMCALL leaf 22, **version 1**: RAX = 0x10016, because "apicid requires
/// version == 1"): initialize a vCPU.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 22 \| 1 << 16 | status |
/// | RCX | `vp.tdvpr` | – |
/// | RDX | `initial_rcx`: the guest's initial RCX (KVM_TDX_INIT_VCPU data) | – |
/// | R8 | `x2apic_id`: the x2APIC ID (32 bits; KVM passes the vCPU ID) | – |
///
/// Statuses: `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `vp.tdvpr` is a created vCPU whose TDCX pages were added. See the module docs.
#[seamcall(leaf = abi::TdhVpInit, in(rcx = vp.tdvpr, rdx = initial_rcx, r8 = x2apic_id))]
pub unsafe fn tdh_vp_init(
    vp: &TdxVp<'_>,
    initial_rcx: u64,
    x2apic_id: X2ApicId,
) -> Result<TdxStatus, TdxError>;

/// TDH.VP.RD (SEAMCALL leaf 26): read a vCPU (TDVPS) metadata field.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 26 | status |
/// | RCX | `vp.tdvpr` | – |
/// | RDX | `field`: the field ID (classes VMCS 0, GUEST_GPR 16, OTHER_GUEST 17, MANAGEMENT 32) | – |
/// | R8 | – | `value` (0 on error) |
///
/// Statuses: `TDX_METADATA_FIELD_NOT_READABLE`, `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY`
/// after 10 attempts.
///
/// # Safety
///
/// `vp.tdvpr` is an initialized vCPU. See the module docs.
#[seamcall(leaf = abi::TdhVpRd, in(rcx = vp.tdvpr, rdx = field), out(r8 = value: u64))]
pub unsafe fn tdh_vp_rd(vp: &TdxVp<'_>, field: FieldId) -> Result<VpRd, TdxError>;

/// TDH.VP.RD **version 1** (SEAMCALL leaf 26, RAX = 0x1001a): read a vCPU (TDVPS) metadata
/// field and get the ID of the next one.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x1001a (leaf 26, version 1) | status |
/// | RCX | `vp.tdvpr` | – |
/// | RDX | `field`: the field ID; null (`FieldId::from_raw(0)`) asks for the first field | `next`: the next field ID (`MD_FIELD_ID_NA` after the last; also on error) |
/// | R8 | – | `value` (0 on error) |
///
/// Statuses: `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT` (success with information, for a null
/// field ID), `TDX_METADATA_FIELD_NOT_READABLE`, `TDX_METADATA_FIELD_ID_INCORRECT`,
/// `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 1.5.01
/// (version 0 from 1.0.00). Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_vp_rd_wr.c` (`version > 0`) and its dispatcher.
///
/// # Safety
///
/// `vp.tdvpr` is an initialized vCPU (the call only reads). See the module docs.
#[seamcall(leaf = abi::TdhVpRdV1, in(rcx = vp.tdvpr, rdx = field), out(rdx = next: u64, r8 = value: u64))]
pub unsafe fn tdh_vp_rd_v1(vp: &TdxVp<'_>, field: FieldId) -> Result<VpRdV1, TdxError>;

/// TDH.VP.WR (SEAMCALL leaf 43): write a vCPU (TDVPS) metadata field, returning the old value.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 43 | status |
/// | RCX | `vp.tdvpr` | – |
/// | RDX | `field`: the field ID | – |
/// | R8 | `value` | `old`: the field's previous value |
/// | R9 | `mask`: the bits of `value` to write | – |
///
/// Statuses: `TDX_OPERAND_INVALID` for a field that is not writable; `TDX_RND_NO_ENTROPY`
/// after 10 attempts.
///
/// # Safety
///
/// `vp.tdvpr` is an initialized vCPU, and the written state is one the guest may be given.
/// See the module docs.
#[seamcall(leaf = abi::TdhVpWr, in(rcx = vp.tdvpr, rdx = field, r8 = value, r9 = mask), out(r8 = old: u64))]
pub unsafe fn tdh_vp_wr(
    vp: &TdxVp<'_>,
    field: FieldId,
    value: u64,
    mask: u64,
) -> Result<VpWr, TdxError>;

/// TDH.VP.FLUSH (SEAMCALL leaf 18): flush a vCPU's cached state from this logical processor.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 18 | status |
/// | RCX | `vp.tdvpr` | – |
///
/// Run on the CPU the vCPU is associated with (KVM sends an IPI). Statuses:
/// `TDX_VCPU_NOT_ASSOCIATED` (KVM tolerates it: the vCPU was not loaded there); no busy
/// retry (the TDVPR is exclusive, the TDR and TDCS are shared, so there is no contention);
/// `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `vp.tdvpr` is a created vCPU. See the module docs.
#[seamcall(leaf = abi::TdhVpFlush, in(rcx = vp.tdvpr))]
pub unsafe fn tdh_vp_flush(vp: &TdxVp<'_>) -> Result<TdxStatus, TdxError>;

/// TDH.VP.ENTER (SEAMCALL leaf 0) at the register level: every register in and out through
/// `args` (Linux's `__seamcall_saved_ret`), issued by [`tdh_vp_enter`](super::tdh_vp_enter)
/// with RCX set from the vCPU handle.
mod enter {
    use tdx_core::{ModuleArgs, TdxError, TdxStatus, abi, seamcall};

    /// TDH.VP.ENTER with every register through `args`; `args.rcx` must be the TDVPR.
    ///
    /// # Safety
    ///
    /// As [`tdh_vp_enter`](super::tdh_vp_enter), with `args.rcx` the vCPU's TDVPR.
    #[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(none))]
    pub(super) unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;
}

/// TDH.VP.ENTER (SEAMCALL leaf 0): run a vCPU until its next exit.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0 | status (63:32) \| exit reason (31:0): [`ExitReasonExt::exit_reason`] |
/// | RCX | `vp.tdvpr` (overrides `args.rcx`) | exit qualification |
/// | RDX | `args.rdx` | extended exit qualification (type in bits 3:0) |
/// | R8 | `args.r8` | exit GPA |
/// | R9 | `args.r9` | exit interruption information |
/// | R10 | `args.r10`: TDVMCALL status, on re-entry after a TDCALL exit | TDVMCALL type (0 = GHCI, else vendor hypercall number) |
/// | R11 | `args.r11`: TDVMCALL return value | TDVMCALL sub-function |
/// | R12–R15, RBX, RDI, RSI | `args`: replies to the TD | the registers the TD exposed |
///
/// Every register goes in and comes back through `args`, which is written back on every
/// status except VMfailInvalid. Issued once: Linux does not use `sc_retry` here
/// (`retry(none)`).
///
/// Statuses: `TDX_SUCCESS` with the exit reason in bits 31:0 (77 = TDCALL, i.e. a
/// TDG.VP.VMCALL); `TDX_NON_RECOVERABLE_VCPU` / `_TD` / `_TD_NON_ACCESSIBLE` /
/// `_TD_WRONG_APIC_MODE` (bit 63 clear, so `Ok`, with a valid exit reason: check
/// [`TdxStatus::is_non_recoverable`]); `TDX_OPERAND_BUSY` (Secure-EPT zero-step mitigation,
/// or the TD epoch against TDH.MEM.TRACK): KVM leaves the fast path and enters again.
///
/// # Safety
///
/// `vp` is an initialized vCPU of a finalized TD, loaded on this logical processor; `args`
/// holds the replies the guest may see (nothing host-private). Besides the module docs'
/// contract, the call runs guest code: the caller must have saved any host state the TDX
/// module does not preserve (Linux runs it `noinstr`, with interrupts disabled).
pub unsafe fn tdh_vp_enter(vp: &TdxVp<'_>, args: &mut ModuleArgs) -> Result<TdxStatus, TdxError> {
    args.rcx = vp.tdvpr.as_u64();
    // SAFETY: `args.rcx` is `vp`'s TDVPR, as `enter::tdh_vp_enter` requires; everything else
    // is this function's own contract, which the caller upholds.
    unsafe { enter::tdh_vp_enter(args) }
}

/// The exit reason of a TDH.VP.ENTER status (RAX bits 31:0).
pub trait ExitReasonExt {
    /// The VMX exit reason in bits 31:0 (meaningful for `TDX_SUCCESS` and the
    /// `TDX_NON_RECOVERABLE_*` statuses).
    ///
    /// ```
    /// use tdx_calls::host::ExitReasonExt;
    /// use tdx_core::{ExitReason, TdxStatus};
    /// assert_eq!(TdxStatus::from_raw(77).exit_reason(), ExitReason::TDCALL);
    /// ```
    fn exit_reason(&self) -> ExitReason;
}

impl ExitReasonExt for TdxStatus {
    #[inline]
    fn exit_reason(&self) -> ExitReason {
        ExitReason::from_vp_enter_status(*self)
    }
}
