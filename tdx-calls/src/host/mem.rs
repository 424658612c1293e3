//! Secure EPT and private memory (TDH.MEM.*): add, map, block and remove private pages and
//! Secure-EPT pages, track the TLB epoch, and KVM's kick-and-retry-once answer to
//! `TDX_OPERAND_BUSY`.

use crate::handles::TdxTd;
use tdx_core::{
    DynamicPamt, Gpa, GpaAttr, Guest, Hpa, L2SeptPages, Page, Sept, SeptAddPage, SeptAddPages,
    SeptGpa, TdHandleAndFlags, TdxError, TdxStatus, abi, seamcall,
};

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
/// `TDX_RND_NO_ENTROPY` after 10 attempts. Version 1 (optional L1 page, the L2 VMs' pages in
/// R9–R11) is [`tdh_mem_sept_add_v1`].
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
/// static SITE: CallSite = CallSite {
///     leaf: TdhMemTrack::INFO,
///     returned: RegSet::EMPTY,
///     retry: tdx_core::error::Retries::NONE,
/// };
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

// ================================================================= module 1.5 leaves

/// TDH.MEM.PAGE.RELOCATE (SEAMCALL leaf 5): move a blocked 4 KiB private page to another
/// physical page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 5 | status |
/// | RCX | `gpa`: GPA \| level (4 KiB only: `verify_page_info_input(.., LVL_PT, LVL_PT)`) | `old_page`: the HPA of the page the TD no longer uses, already free in the PAMT (`PT_NDA`) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
/// | R8 | `target`: the new page | – |
///
/// Statuses: `TDX_GPA_RANGE_NOT_BLOCKED`, `TDX_TLB_TRACKING_NOT_DONE` (operand RCX);
/// `TDX_EPT_WALK_FAILED`, `TDX_EPT_ENTRY_STATE_INCORRECT`; `TDX_OPERAND_BUSY`; the handler
/// returns `TDX_EPT_ENTRY_STATE_INCORRECT`, `TDX_EPT_WALK_FAILED`, `TDX_GPA_RANGE_NOT_BLOCKED`,
/// `TDX_OPERAND_INVALID`, `TDX_TLB_TRACKING_NOT_DONE`; `TDX_RND_NO_ENTROPY` after 10 attempts.
/// Error path: on error RCX/RDX hold the Secure-EPT entry and level/state
/// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First module version: 1.0.00.
/// Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_mem_page_relocate.c` and its dispatcher.
///
/// # Safety
///
/// `target` is a page the caller owns and hands to the TDX module (flushed from the cache). The
/// old page is the host's again when the call succeeds (the module sets its PAMT entry to
/// `PT_NDA`, `tdh_mem_page_relocate.c` line 230), but it still holds the TD's private data
/// under the TD's key: clear it (MOVDIR64B) before the host reuses it. See the module docs.
#[seamcall(leaf = abi::TdhMemPageRelocate, in(rcx = gpa, rdx = td.tdr, r8 = target), out(rcx = old_page: u64))]
pub unsafe fn tdh_mem_page_relocate(
    td: &TdxTd<'_>,
    gpa: SeptGpa,
    target: Page<Guest>,
) -> Result<MemPageRelocate, TdxError>;

/// TDH.MEM.RD (SEAMCALL leaf 12): read 8 bytes of a debug TD's private memory.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 12 | status |
/// | RCX | `gpa`: the GPA (8-byte aligned) | written (error path) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
/// | R8 | – | `data`: the 8 bytes read |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX not 8-byte aligned); `TDX_EPT_WALK_FAILED` →
/// `TDX_EPT_ENTRY_NOT_PRESENT`; `TDX_EPT_ENTRY_STATE_INCORRECT`; `TDX_OPERAND_BUSY`; the
/// handler returns `TDX_EPT_ENTRY_NOT_PRESENT`, `TDX_EPT_ENTRY_STATE_INCORRECT`,
/// `TDX_EPT_WALK_FAILED`, `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`, `TDX_TD_NON_DEBUG`;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. Error path: on error RCX/RDX hold the Secure-EPT
/// entry and level/state ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First
/// module version: 1.0.00. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_mem_rd_wr.c` and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is a TD created with ATTRIBUTES.DEBUG (the module refuses others). See the module
/// docs.
#[seamcall(leaf = abi::TdhMemRd, in(rcx = gpa, rdx = td.tdr), out(r8 = data: u64))]
pub unsafe fn tdh_mem_rd(td: &TdxTd<'_>, gpa: Gpa) -> Result<MemRd, TdxError>;

/// TDH.MEM.WR (SEAMCALL leaf 14): write 8 bytes of a debug TD's private memory, returning the
/// old value.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 14 | status |
/// | RCX | `gpa`: the GPA (8-byte aligned) | written (error path) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
/// | R8 | `data`: the 8 bytes to write | `old`: the 8 bytes the location held (`vmm_regs.r8 = *data_ptr` before the write) |
///
/// Statuses: as TDH.MEM.RD; the handler returns `TDX_EPT_ENTRY_NOT_PRESENT`,
/// `TDX_EPT_ENTRY_STATE_INCORRECT`, `TDX_EPT_WALK_FAILED`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID`, `TDX_TD_NON_DEBUG`; `TDX_RND_NO_ENTROPY` after 10 attempts. Error
/// path: on error RCX/RDX hold the Secure-EPT entry and level/state
/// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First module version: 1.0.00.
/// Registers read from intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_rd_wr.c`
/// and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is a debug TD, and the guest may see the written value at any time. See the module
/// docs.
#[seamcall(leaf = abi::TdhMemWr, in(rcx = gpa, rdx = td.tdr, r8 = data), out(r8 = old: u64))]
pub unsafe fn tdh_mem_wr(td: &TdxTd<'_>, gpa: Gpa, data: u64) -> Result<MemWr, TdxError>;

/// TDH.MEM.PAGE.DEMOTE (SEAMCALL leaf 15): split a blocked 2 MiB or 1 GiB private page into 512
/// smaller ones.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 15 | status |
/// | RCX | `gpa`: GPA \| level of the large page | written (error path) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
/// | R8 | `sept`: the new Secure-EPT page of the L1 VM | – |
/// | R9 | `l2.vm1`: L2 VM 1's new Secure-EPT page or `NULL_PA` (read only if the TD has that VM) | written (error path) |
/// | R10 | `l2.vm2`: L2 VM 2's | written (error path) |
/// | R11 | `l2.vm3`: L2 VM 3's | written (error path) |
/// | R12 | `pamt.page0`: with dynamic PAMT (module 1.5.16 on, fork labels): the first page for the new 4 KiB PAMT entries | – |
/// | R13 | `pamt.page1`: the second | – |
///
/// Statuses: `TDX_INTERRUPTED_RESTARTABLE`: call again with the same operands (the module
/// restores RCX/RDX); the handler returns `TDX_EPT_ENTRY_STATE_INCORRECT`,
/// `TDX_EPT_WALK_FAILED`, `TDX_GPA_RANGE_NOT_BLOCKED`, `TDX_INTERRUPTED_RESTARTABLE`,
/// `TDX_L2_SEPT_PAGE_NOT_PROVIDED`, `TDX_L2_SEPT_WALK_FAILED`, `TDX_OPERAND_INVALID`,
/// `TDX_TLB_TRACKING_NOT_DONE`; `TDX_RND_NO_ENTROPY` after 10 attempts. Error path: on error
/// RCX/RDX hold the Secure-EPT entry and level/state
/// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)); R9–R11 are written back. RDX
/// bit 0 (`l2_sept_add_mode`, `td_handle_and_flags_t`) is left 0. R12/R13 are not read by
/// 1.5.01 (72d8cffb); from the 1.5.16 label of the public fork murrowow/tdx-concurrency
/// (b2be91c) the dispatcher passes them to `pamt_demote`, which uses them only when dynamic
/// PAMT is enabled (**unconfirmed** in Intel's repository). First module version: 1.0.00.
/// Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_mem_page_demote.c` and its dispatcher.
///
/// # Safety
///
/// `sept`, every page in `l2` and, with dynamic PAMT, the pages in `pamt` are pages the caller
/// owns and hands to the TDX module (flushed from the cache) until reclaimed. See the module
/// docs.
#[seamcall(leaf = abi::TdhMemPageDemote, in(rcx = gpa, rdx = td.tdr, r8 = sept, r9 = l2.vm1, r10 = l2.vm2, r11 = l2.vm3, r12 = pamt.page0, r13 = pamt.page1))]
pub unsafe fn tdh_mem_page_demote(
    td: &TdxTd<'_>,
    gpa: SeptGpa,
    sept: Page<Sept>,
    l2: L2SeptPages,
    pamt: DynamicPamt,
) -> Result<TdxStatus, TdxError>;

/// TDH.MEM.PAGE.PROMOTE (SEAMCALL leaf 23): merge 512 blocked pages into one 2 MiB or 1 GiB
/// private page (version 0: no L2 VMs).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 23 | status |
/// | RCX | `gpa`: GPA \| level of the merged page | `sept_page`: the HPA of the freed Secure-EPT page (to reclaim) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
/// | R9 | – | written (error path) |
/// | R10 | – | written (error path) |
/// | R11 | – | written (error path) |
/// | R12 | – | written (error path) |
/// | R13 | – | written (error path) |
///
/// Statuses: `TDX_GPA_RANGE_NOT_BLOCKED`, `TDX_TLB_TRACKING_NOT_DONE`;
/// `TDX_INTERRUPTED_RESTARTABLE`; `TDX_EPT_ENTRY_STATE_INCORRECT`; `TDX_OPERAND_BUSY`; the
/// handler returns `TDX_EPT_ENTRY_STATE_INCORRECT`, `TDX_EPT_INVALID_PROMOTE_CONDITIONS`,
/// `TDX_EPT_WALK_FAILED`, `TDX_GPA_RANGE_NOT_BLOCKED`, `TDX_INTERRUPTED_RESTARTABLE`,
/// `TDX_OPERAND_INVALID`, `TDX_TLB_TRACKING_NOT_DONE`; `TDX_RND_NO_ENTROPY` after 10 attempts.
/// Error path: on error RCX/RDX hold the Secure-EPT entry and level/state
/// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). Version 1 (1.5.01: also
/// returns R9–R11, the L2 VMs' freed Secure-EPT pages) is [`tdh_mem_page_promote_v1`]. First
/// module version: 1.0.00. Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_page_promote.c` and its
/// dispatcher.
///
/// # Safety
///
/// `td.tdr` is an initialized TD; the freed Secure-EPT page comes back to the host only after
/// TDH.PHYMEM.PAGE.RECLAIM. See the module docs.
#[seamcall(leaf = abi::TdhMemPagePromote, in(rcx = gpa, rdx = td.tdr), out(rcx = sept_page: u64), clobber(r12, r13))]
pub unsafe fn tdh_mem_page_promote(
    td: &TdxTd<'_>,
    gpa: SeptGpa,
) -> Result<MemPagePromote, TdxError>;

/// TDH.MEM.SEPT.RD (SEAMCALL leaf 25): read a Secure-EPT entry.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 25 | status |
/// | RCX | `gpa`: GPA \| level of the entry | `entry`: the Secure-EPT entry (architectural form) |
/// | RDX | `td.tdr`: the TD's TDR | `level_state`: level (2:0) and state (15:8) |
/// | R8 | – | `attributes`: the L2 VMs' GPA attributes (`gpa_attr_t`) |
///
/// Statuses: `TDX_EPT_WALK_FAILED` (RCX/RDX then hold the entry where the walk stopped);
/// `TDX_OPERAND_BUSY`; the handler returns `TDX_EPT_WALK_FAILED`, `TDX_OPERAND_INVALID`;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. R8 (GPA attributes) is 1.5-only; 1.0.00 returns
/// RCX/RDX only (from the JSON reference, **uncertain**). First module version: 1.0.00.
/// Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_mem_sept_rd.c` and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is an initialized TD (the call only reads). See the module docs.
#[seamcall(leaf = abi::TdhMemSeptRd, in(rcx = gpa, rdx = td.tdr), out(rcx = entry: u64, rdx = level_state: u64, r8 = attributes: GpaAttr))]
pub unsafe fn tdh_mem_sept_rd(td: &TdxTd<'_>, gpa: SeptGpa) -> Result<MemSeptRd, TdxError>;

/// TDH.MEM.SEPT.REMOVE (SEAMCALL leaf 30): remove an empty, blocked Secure-EPT page (version 0:
/// no L2 VMs).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 30 | status |
/// | RCX | `gpa`: GPA \| level of the entry that maps the Secure-EPT page | `sept_page`: the HPA of the removed Secure-EPT page (to reclaim) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
/// | R9 | – | written (error path) |
/// | R10 | – | written (error path) |
/// | R11 | – | written (error path) |
///
/// Statuses: `TDX_EPT_PAGE_NOT_FREE`, `TDX_GPA_RANGE_NOT_BLOCKED`, `TDX_TLB_TRACKING_NOT_DONE`;
/// `TDX_OPERAND_BUSY`; the handler returns `TDX_EPT_ENTRY_STATE_INCORRECT`,
/// `TDX_EPT_PAGE_NOT_FREE`, `TDX_EPT_WALK_FAILED`, `TDX_GPA_RANGE_NOT_BLOCKED`,
/// `TDX_OPERAND_INVALID`, `TDX_TLB_TRACKING_NOT_DONE`; `TDX_RND_NO_ENTROPY` after 10 attempts.
/// Error path: on error RCX/RDX hold the Secure-EPT entry and level/state
/// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). Version 1 (R9–R11: the L2
/// VMs' removed pages) is [`tdh_mem_sept_remove_v1`]. First module version: 1.0.00. Registers
/// read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_mem_sept_remove.c` and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is an initialized TD; the removed page comes back to the host only after
/// TDH.PHYMEM.PAGE.RECLAIM. See the module docs.
#[seamcall(leaf = abi::TdhMemSeptRemove, in(rcx = gpa, rdx = td.tdr), out(rcx = sept_page: u64))]
pub unsafe fn tdh_mem_sept_remove(td: &TdxTd<'_>, gpa: SeptGpa) -> Result<MemSeptRemove, TdxError>;

/// TDH.MEM.RANGE.UNBLOCK (SEAMCALL leaf 39): unblock a Secure-EPT range blocked by
/// TDH.MEM.RANGE.BLOCK, after TDH.MEM.TRACK.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 39 | status |
/// | RCX | `gpa`: GPA \| level | written (error path) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
///
/// Statuses: `TDX_TLB_TRACKING_NOT_DONE`; `TDX_EPT_ENTRY_STATE_INCORRECT`; `TDX_OPERAND_BUSY`;
/// the handler returns `TDX_EPT_ENTRY_STATE_INCORRECT`, `TDX_EPT_WALK_FAILED`,
/// `TDX_OPERAND_INVALID`, `TDX_TLB_TRACKING_NOT_DONE`; `TDX_RND_NO_ENTROPY` after 10 attempts.
/// Error path: on error RCX/RDX hold the Secure-EPT entry and level/state
/// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First module version: 1.0.00.
/// Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_mem_range_unblock.c` and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is an initialized TD. See the module docs.
#[seamcall(leaf = abi::TdhMemRangeUnblock, in(rcx = gpa, rdx = td.tdr))]
pub unsafe fn tdh_mem_range_unblock(td: &TdxTd<'_>, gpa: SeptGpa) -> Result<TdxStatus, TdxError>;

// ---------------------------------------------------------------- version-1 forms

/// TDH.MEM.SEPT.ADD **version 1** (SEAMCALL leaf 3, RAX = 0x10003): add the Secure-EPT
/// pages of the L1 VM and of the TD's L2 VMs for one GPA | level, each page optional.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x10003 (leaf 3, version 1) | status |
/// | RCX | `gpa`: GPA \| Secure-EPT level | on error: Secure-EPT entry |
/// | RDX | `td`: the TD's TDR and `allow_existing` (bit 0) | on error: level/state ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)) |
/// | R8 | `pages.l1`: the L1 VM's new page, or none (it exists already) | `l1`: what became of it |
/// | R9 | `pages.l2.vm1`: L2 VM 1's new page, or none | `vm1` |
/// | R10 | `pages.l2.vm2`: L2 VM 2's new page, or none | `vm2` |
/// | R11 | `pages.l2.vm3`: L2 VM 3's new page, or none | `vm3` |
///
/// Each output is a [`SeptAddPage`](tdx_core::SeptAddPage): added (`NULL_PA`), not used
/// because the page existed and `allow_existing` was set (bit 63), or not added; R8–R11 are
/// written on error too, so [`TdxError::reg`] reads which pages the module kept. Statuses:
/// `TDX_OPERAND_INVALID` (a reserved RDX bit, operand RDX), `TDX_EPT_ENTRY_STATE_INCORRECT`
/// (the L1 entry is not what the request needs), `TDX_L2_SEPT_WALK_FAILED`,
/// `TDX_INTERRUPTED_RESUMABLE` (some pages added: call again with the pages still
/// [`Pending`](tdx_core::SeptAddPage::Pending)), `TDX_OPERAND_BUSY`; `TDX_RND_NO_ENTROPY` after
/// 10 attempts. First module version: 1.5.01 (version 0 from 1.0.00). Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_sept_add.c` and its
/// dispatcher.
///
/// # Safety
///
/// Every page given is a page the caller owns and hands to the TDX module (flushed from the
/// cache); a page reported added belongs to the module until it is reclaimed, the others stay
/// the caller's. See the module docs.
#[seamcall(leaf = abi::TdhMemSeptAddV1, in(rcx = gpa, rdx = td, r8 = pages.l1, r9 = pages.l2.vm1, r10 = pages.l2.vm2, r11 = pages.l2.vm3), out(r8 = l1: SeptAddPage, r9 = vm1: SeptAddPage, r10 = vm2: SeptAddPage, r11 = vm3: SeptAddPage))]
pub unsafe fn tdh_mem_sept_add_v1(
    td: TdHandleAndFlags,
    gpa: SeptGpa,
    pages: SeptAddPages,
) -> Result<MemSeptAddV1, TdxError>;

/// TDH.MEM.PAGE.PROMOTE **version 1** (SEAMCALL leaf 23, RAX = 0x10017): merge 512 blocked
/// pages into one 2 MiB or 1 GiB private page in the L1 VM and every L2 VM that aliases it.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x10017 (leaf 23, version 1) | status |
/// | RCX | `gpa`: GPA \| level of the merged page | `sept_page`: the HPA of the L1 VM's freed Secure-EPT page (to reclaim) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
/// | R9 | – | `vm1`: L2 VM 1's freed Secure-EPT page, or `NULL_PA` |
/// | R10 | – | `vm2`: L2 VM 2's, or `NULL_PA` |
/// | R11 | – | `vm3`: L2 VM 3's, or `NULL_PA` |
/// | R12 | – | written (error path) |
/// | R13 | – | written (error path) |
///
/// Statuses as version 0 ([`tdh_mem_page_promote`]): `TDX_GPA_RANGE_NOT_BLOCKED`,
/// `TDX_TLB_TRACKING_NOT_DONE`, `TDX_INTERRUPTED_RESTARTABLE`, `TDX_EPT_ENTRY_STATE_INCORRECT`,
/// `TDX_EPT_INVALID_PROMOTE_CONDITIONS`, `TDX_EPT_WALK_FAILED`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts. R9–R11 are set to `NULL_PA`
/// before any check. First module version: 1.5.01 (version 0 from 1.0.00). Registers read
/// from intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_page_promote.c` and
/// its dispatcher.
///
/// # Safety
///
/// As version 0: `td.tdr` is an initialized TD; every freed Secure-EPT page comes back to the
/// host only after TDH.PHYMEM.PAGE.RECLAIM. See the module docs.
#[seamcall(leaf = abi::TdhMemPagePromoteV1, in(rcx = gpa, rdx = td.tdr), out(rcx = sept_page: u64, r9 = vm1: u64, r10 = vm2: u64, r11 = vm3: u64), clobber(r12, r13))]
pub unsafe fn tdh_mem_page_promote_v1(
    td: &TdxTd<'_>,
    gpa: SeptGpa,
) -> Result<MemPagePromoteV1, TdxError>;

/// TDH.MEM.SEPT.REMOVE **version 1** (SEAMCALL leaf 30, RAX = 0x1001e): remove an empty,
/// blocked Secure-EPT page of the L1 VM and the matching page of every L2 VM that aliases it.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x1001e (leaf 30, version 1) | status |
/// | RCX | `gpa`: GPA \| level of the entry that maps the Secure-EPT page | `sept_page`: the HPA of the L1 VM's removed page (to reclaim) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
/// | R9 | – | `vm1`: L2 VM 1's removed page, or `NULL_PA` |
/// | R10 | – | `vm2`: L2 VM 2's, or `NULL_PA` |
/// | R11 | – | `vm3`: L2 VM 3's, or `NULL_PA` |
///
/// Statuses as version 0 ([`tdh_mem_sept_remove`]): `TDX_EPT_PAGE_NOT_FREE`,
/// `TDX_GPA_RANGE_NOT_BLOCKED`, `TDX_TLB_TRACKING_NOT_DONE`, `TDX_EPT_ENTRY_STATE_INCORRECT`,
/// `TDX_EPT_WALK_FAILED`, `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after
/// 10 attempts. First module version: 1.5.01 (version 0 from 1.0.00). Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mem_sept_remove.c` and its
/// dispatcher.
///
/// # Safety
///
/// As version 0: `td.tdr` is an initialized TD; every removed page comes back to the host only
/// after TDH.PHYMEM.PAGE.RECLAIM. See the module docs.
#[seamcall(leaf = abi::TdhMemSeptRemoveV1, in(rcx = gpa, rdx = td.tdr), out(rcx = sept_page: u64, r9 = vm1: u64, r10 = vm2: u64, r11 = vm3: u64))]
pub unsafe fn tdh_mem_sept_remove_v1(
    td: &TdxTd<'_>,
    gpa: SeptGpa,
) -> Result<MemSeptRemoveV1, TdxError>;
