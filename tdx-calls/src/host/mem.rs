//! Secure EPT and private memory (TDH.MEM.*): add, map, block and remove private pages and
//! Secure-EPT pages, track the TLB epoch, and KVM's kick-and-retry-once answer to
//! `TDX_OPERAND_BUSY`.

use tdx_core::abi;
use tdx_core::{Gpa, Guest, Hpa, Page, Sept, SeptGpa, TdxError, TdxStatus, seamcall};

use crate::handles::TdxTd;

/// TDH.MEM.PAGE.ADD (SEAMCALL leaf 2): add a private page with initial contents, before TD
/// finalization (KVM_TDX_INIT_MEM_REGION).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 2 | status |
/// | RCX | `gpa`: the GPA (4 KiB, no level bits) | on error: Secure-EPT entry |
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)) |
/// | R8 | `page`: the target page | – |
/// | R9 | `source`: the page holding the initial contents | – |
///
/// Statuses: `TDX_OPERAND_BUSY` (KVM returns -EBUSY); `TDX_EPT_WALK_FAILED` if no Secure-EPT
/// page maps `gpa` yet; `TDX_EPT_ENTRY_STATE_INCORRECT`; `TDX_RND_NO_ENTROPY` after 10
/// attempts.
///
/// # Safety
///
/// `page` is a page the caller owns and hands to the TDX module (flushed from the cache);
/// `source` is readable memory of at least 4 KiB that stays valid for the call. See the module
/// docs.
#[seamcall(leaf = abi::TdhMemPageAdd, in(rcx = gpa, rdx = td.tdr, r8 = page, r9 = source))]
pub unsafe fn tdh_mem_page_add(
    td: &TdxTd<'_>,
    gpa: Gpa,
    page: Page<Guest>,
    source: Hpa,
) -> Result<TdxStatus, TdxError>;

/// TDH.MEM.SEPT.ADD (SEAMCALL leaf 3): add a Secure-EPT page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 3 | status |
/// | RCX | `gpa`: GPA \| Secure-EPT level (TDX level = `pg_level` − 1) | on error: Secure-EPT entry |
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)) |
/// | R8 | `page`: the new Secure-EPT page | – |
///
/// Statuses: `TDX_OPERAND_BUSY` (zero-step mitigation, or contention with the guest's
/// TDCALLs): KVM returns -EBUSY and lets the page fault be retried; `TDX_EPT_ENTRY_STATE_INCORRECT`;
/// `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `page` is a page the caller owns and hands to the TDX module (flushed from the cache) until
/// it is reclaimed. See the module docs.
#[seamcall(leaf = abi::TdhMemSeptAdd, in(rcx = gpa, rdx = td.tdr, r8 = page))]
pub unsafe fn tdh_mem_sept_add(
    td: &TdxTd<'_>,
    gpa: SeptGpa,
    page: Page<Sept>,
) -> Result<TdxStatus, TdxError>;

/// TDH.MEM.PAGE.AUG (SEAMCALL leaf 6): add a pending private page to a finalized TD (the guest
/// accepts it with TDG.MEM.PAGE.ACCEPT).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 6 | status |
/// | RCX | `gpa`: GPA \| Secure-EPT level | on error: Secure-EPT entry |
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)) |
/// | R8 | `page`: the page | – |
///
/// Statuses: `TDX_OPERAND_BUSY` (zero-step mitigation, or contention with the guest's
/// TDCALLs): KVM returns -EBUSY and the fault is retried (`RET_PF_RETRY`); any other error is
/// a KVM bug (`KVM_BUG_ON`). KVM@3829d81b maps 4 KiB pages only. `TDX_RND_NO_ENTROPY` after 10
/// attempts.
///
/// # Safety
///
/// `page` is a page the caller owns and hands to the TDX module (flushed from the cache) until
/// it is removed and reclaimed. See the module docs.
#[seamcall(leaf = abi::TdhMemPageAug, in(rcx = gpa, rdx = td.tdr, r8 = page))]
pub unsafe fn tdh_mem_page_aug(
    td: &TdxTd<'_>,
    gpa: SeptGpa,
    page: Page<Guest>,
) -> Result<TdxStatus, TdxError>;

/// TDH.MEM.RANGE.BLOCK (SEAMCALL leaf 7): block a Secure-EPT range, first step of removing a
/// page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 7 | status |
/// | RCX | `gpa`: GPA \| Secure-EPT level | on error: Secure-EPT entry |
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)) |
///
/// Statuses: `TDX_OPERAND_BUSY`: KVM (holding `mmu_lock` for write) kicks every vCPU out of the
/// guest and retries **once**, expecting the second try to succeed; that kick is the caller's
/// job ([`retry_once_after_kick`]). `TDX_EPT_ENTRY_STATE_INCORRECT | TDX_OPERAND_ID_RCX`
/// (exact) before finalization means the page was only pre-mapped. `TDX_RND_NO_ENTROPY` after
/// 10 attempts.
///
/// # Safety
///
/// `td.tdr` is an initialized TD. See the module docs.
#[seamcall(leaf = abi::TdhMemRangeBlock, in(rcx = gpa, rdx = td.tdr))]
pub unsafe fn tdh_mem_range_block(td: &TdxTd<'_>, gpa: SeptGpa) -> Result<TdxStatus, TdxError>;

/// TDH.MEM.TRACK (SEAMCALL leaf 38): increment the TD's TLB epoch, after blocking.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 38 | status |
/// | RCX | `td.tdr` | – |
///
/// Statuses: `TDX_OPERAND_BUSY`: KVM kicks every vCPU and retries **once**
/// ([`retry_once_after_kick`]); afterwards KVM always kicks every vCPU so that they pick up
/// the new epoch. `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `td.tdr` is an initialized TD. See the module docs.
#[seamcall(leaf = abi::TdhMemTrack, in(rcx = td.tdr))]
pub unsafe fn tdh_mem_track(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

/// TDH.MEM.PAGE.REMOVE (SEAMCALL leaf 29): remove a blocked private page, after
/// TDH.MEM.RANGE.BLOCK, TDH.MEM.TRACK and a vCPU kick.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 29 | status |
/// | RCX | `gpa`: GPA \| Secure-EPT level | on error: Secure-EPT entry |
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)) |
///
/// Statuses: `TDX_OPERAND_BUSY`: KVM kicks every vCPU and retries **once**
/// ([`retry_once_after_kick`]). Then KVM writes the page back with
/// [`tdh_phymem_page_wbinvd`](super::tdh_phymem_page_wbinvd) (the TD's HKID) and clears it. `TDX_RND_NO_ENTROPY` after 10
/// attempts.
///
/// # Safety
///
/// `td.tdr` is an initialized TD. The page comes back to the host only after the write-back.
/// See the module docs.
#[seamcall(leaf = abi::TdhMemPageRemove, in(rcx = gpa, rdx = td.tdr))]
pub unsafe fn tdh_mem_page_remove(td: &TdxTd<'_>, gpa: SeptGpa) -> Result<TdxStatus, TdxError>;

/// KVM's answer to `TDX_OPERAND_BUSY` from TDH.MEM.RANGE.BLOCK, TDH.MEM.TRACK and
/// TDH.MEM.PAGE.REMOVE: call `op`; if it fails with `TDX_OPERAND_BUSY` (under the status
/// mask), call `kick` (KVM sets `wait_for_sept_zap` and makes every vCPU leave guest mode with
/// `KVM_REQ_OUTSIDE_GUEST_MODE`), call `op` exactly once more, then call `release` (KVM
/// clears `wait_for_sept_zap`). KVM expects the second try to succeed; its result is returned
/// as it is. A later patch folds this into a `tdh_do_no_vcpus()` macro (**uncertain**).
///
/// Only these three leaves are retried this way in Linux; the kick is the caller's, since
/// only the VMM can keep vCPUs out of the guest.
///
/// ```
/// use tdx_calls::host::retry_once_after_kick;
/// use tdx_core::abi::{Leaf, TdhMemTrack};
/// use tdx_core::reg::RegSet;
/// use tdx_core::{CallSite, ModuleArgs, TdxError, TdxStatus};
///
/// static SITE: CallSite = CallSite { leaf: TdhMemTrack::INFO, returned: RegSet::EMPTY };
/// let busy = TdxError::new(&SITE, TdxStatus::OPERAND_BUSY.with_operand(0x80), ModuleArgs::ZERO);
/// let (mut calls, mut kicked, mut released) = (0, false, false);
/// let result = retry_once_after_kick(
///     || {
///         calls += 1;
///         if calls == 1 { Err(busy) } else { Ok(TdxStatus::SUCCESS) }
///     },
///     || kicked = true,
///     || released = true,
/// );
/// assert_eq!(result, Ok(TdxStatus::SUCCESS));
/// assert_eq!((calls, kicked, released), (2, true, true));
/// ```
pub fn retry_once_after_kick<T>(
    mut op: impl FnMut() -> Result<T, TdxError>,
    kick: impl FnOnce(),
    release: impl FnOnce(),
) -> Result<T, TdxError> {
    match op() {
        Err(err) if err.is_busy() => {
            kick();
            let result = op();
            release();
            result
        }
        other => other,
    }
}
