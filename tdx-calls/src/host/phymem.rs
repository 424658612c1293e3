//! Physical memory (TDH.PHYMEM.*): reclaim pages from the TDX module, read their PAMT
//! metadata, and write back caches (one page, or every released HKID on a package, with
//! KVM's bounded loop).

use tdx_core::{
    AddrError, CacheWbMode, Guest, Hpa, KeyedHpa, Page, PageType, PamtPageSize, PamtRange,
    TdxError, TdxStatus, abi, seamcall,
};

/// TDH.PHYMEM.PAGE.RECLAIM (SEAMCALL leaf 28): take a page back from the TDX module (only
/// while the TD is being destroyed).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 28 | status |
/// | RCX | `page`: the page | `page_type`: PAMT page type |
/// | RDX | – | `owner` (TDX-defined format) |
/// | R8 | – | `page_size` (bits 2:0 size code, 63:3 reserved) |
///
/// Linux reads the outputs only to report an error. Statuses: no `TDX_OPERAND_BUSY` check in
/// KVM (no contention is possible at that point); `TDX_PAGE_METADATA_INCORRECT`;
/// `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `page` was handed to the TDX module; after success it is the host's again, still holding
/// the TD's (encrypted) contents, which Linux clears with MOVDIR64B before reuse. See the
/// module docs.
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type: PageType, rdx = owner: Result<Hpa, AddrError>, r8 = page_size: PamtPageSize))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;

/// TDH.PHYMEM.PAGE.RDMD (SEAMCALL leaf 24): read a page's PAMT metadata (Linux: from the
/// machine-check path, to tell whether a page is TDX private memory).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 24 | status |
/// | RCX | `page`: the page (4 KiB aligned) | `page_type` (`PT_NDA` 0, `PT_RSVD` 1, other: used by the module) |
///
/// Issued once: Linux calls `__seamcall_ret` directly, without `sc_retry` (`retry(none)`).
/// Statuses: `TDX_RND_NO_ENTROPY` is returned at once; `TDX_OPERAND_INVALID` for an address
/// outside TDX memory.
///
/// # Safety
///
/// See the module docs (the call reads metadata only).
#[seamcall(leaf = abi::TdhPhymemPageRdmd, in(rcx = page), out(rcx = page_type: PageType), retry(none))]
pub unsafe fn tdh_phymem_page_rdmd(page: Hpa) -> Result<PageRdmd, TdxError>;

/// TDH.PHYMEM.PAGE.WBINVD (SEAMCALL leaf 41): write back and invalidate the cache lines of one
/// page, under one KeyID.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 41 | status |
/// | RCX | `page`: HPA \| HKID << phys_bits (`mk_keyed_paddr`) | – |
///
/// Linux has two callers: the TDR page with the global KeyID (`tdh_phymem_page_wbinvd_tdr`)
/// and a guest page with the TD's HKID (`tdh_phymem_page_wbinvd_hkid`); both are this one
/// leaf with a different [`KeyedHpa`]. Statuses: `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `page` names a page the TD no longer maps (removed or reclaimed) under the KeyID it was
/// last used with. See the module docs.
#[seamcall(leaf = abi::TdhPhymemPageWbinvd, in(rcx = page))]
pub unsafe fn tdh_phymem_page_wbinvd(page: KeyedHpa) -> Result<TdxStatus, TdxError>;

/// TDH.PHYMEM.CACHE.WB (SEAMCALL leaf 40): write back the caches of the released HKIDs on this
/// package.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 40 | status |
/// | RCX | `mode`: 0 start, 1 resume | – |
///
/// Statuses: `TDX_INTERRUPTED_RESUMABLE` (call again with [`CacheWbMode::Resume`]: see
/// [`tdh_phymem_cache_wb_loop`]); `TDX_NO_HKID_READY_TO_WBCACHE` (bit 63 clear: success, KVM
/// treats it so); the module takes a global lock, so concurrent calls give
/// `TDX_OPERAND_BUSY` (KVM holds `tdx_lock`); `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// See the module docs. Run on one CPU per package.
#[seamcall(leaf = abi::TdhPhymemCacheWb, in(rcx = mode))]
pub unsafe fn tdh_phymem_cache_wb(mode: CacheWbMode) -> Result<TdxStatus, TdxError>;

/// How many times KVM calls TDH.PHYMEM.CACHE.WB while it returns `TDX_INTERRUPTED_RESUMABLE`
/// (`TDX_SEAMCALL_RETRIES`).
pub const CACHE_WB_MAX_ATTEMPTS: u32 = 10_000;

/// TDH.PHYMEM.CACHE.WB until it is done, as KVM's `smp_func_do_phymem_cache_wb`: the first
/// call starts ([`CacheWbMode::Start`]), every later one resumes ([`CacheWbMode::Resume`]),
/// as long as the call returns exactly `TDX_INTERRUPTED_RESUMABLE`, at most
/// [`CACHE_WB_MAX_ATTEMPTS`] calls in all.
///
/// Returns the last call's result: `Ok` on success (including
/// `TDX_NO_HKID_READY_TO_WBCACHE`, which KVM treats as success), the last
/// `TDX_INTERRUPTED_RESUMABLE` error if the bound is reached, any other error at once.
///
/// # Safety
///
/// As [`tdh_phymem_cache_wb`].
pub unsafe fn tdh_phymem_cache_wb_loop() -> Result<TdxStatus, TdxError> {
    let mut mode = CacheWbMode::Start;
    let mut attempts = 1;
    loop {
        // SAFETY: this function's contract is `tdh_phymem_cache_wb`'s.
        let result = unsafe { tdh_phymem_cache_wb(mode) };
        match result {
            Err(err)
                if err.status() == TdxStatus::INTERRUPTED_RESUMABLE
                    && attempts < CACHE_WB_MAX_ATTEMPTS =>
            {
                mode = CacheWbMode::Resume;
                attempts += 1;
            }
            other => return other,
        }
    }
}

// ================================================================= module 1.5 leaves

/// TDH.PHYMEM.PAMT.ADD (SEAMCALL leaf 58): dynamic PAMT: give the module the two pages that
/// hold the 4 KiB PAMT entries of a 2 MiB range.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 58 | status |
/// | RCX | `range`: the 2 MiB range (HPA \| level 1, `page_size_api_input_t`) | – |
/// | RDX | `page0`: the first PAMT page (HKID 0, 4 KiB aligned) | – |
/// | R8 | `page1`: the second PAMT page | – |
///
/// Statuses: the handler returns `TDX_OPERAND_ADDR_RANGE_ERROR`, `TDX_OPERAND_INVALID`,
/// `TDX_PAGE_NOT_FREE`; `TDX_RND_NO_ENTROPY` after 10 attempts. Not in Intel's 1.5.01
/// (72d8cffb): read in the public fork murrowow/tdx-concurrency@c71d4f6 (its label "TDX Module
/// 1.5.25"; the module reference dates the leaf to 1.5.20), so **unconfirmed** in Intel's
/// repository. The module refuses the leaf (`TDX_OPERAND_INVALID`, operand RAX) unless dynamic
/// PAMT is enabled. First module version: 1.5.20. Registers read from
/// murrowow/tdx-concurrency@c71d4f6 `src/vmm_dispatcher/api_calls/tdh_phymem_pamt_add.c` and
/// its dispatcher.
///
/// # Safety
///
/// `page0` and `page1` are pages the caller owns and hands to the TDX module (flushed from the
/// cache) until TDH.PHYMEM.PAMT.REMOVE returns them. See the module docs.
#[seamcall(leaf = abi::TdhPhymemPamtAdd, in(rcx = range, rdx = page0, r8 = page1))]
pub unsafe fn tdh_phymem_pamt_add(
    range: PamtRange,
    page0: Page<Guest>,
    page1: Page<Guest>,
) -> Result<TdxStatus, TdxError>;

/// TDH.PHYMEM.PAMT.REMOVE (SEAMCALL leaf 59): dynamic PAMT: take back the two PAMT pages of a 2
/// MiB range whose 4 KiB entries are all free.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 59 | status |
/// | RCX | `range`: the 2 MiB range (HPA \| level 1) | – |
/// | RDX | – | `page0`: the HPA of the first PAMT page, the host's again |
/// | R8 | – | `page1`: the HPA of the second |
///
/// Statuses: `TDX_PAMT_PAGE_NOT_EMPTY` (operand: the entry index) when a 4 KiB entry is in use;
/// the handler returns `TDX_OPERAND_ADDR_RANGE_ERROR`, `TDX_OPERAND_INVALID`;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. Not in Intel's 1.5.01 (72d8cffb): read in the public
/// fork murrowow/tdx-concurrency@c71d4f6 (its label "TDX Module 1.5.25"; the module reference
/// dates the leaf to 1.5.20), so **unconfirmed** in Intel's repository. The module refuses the
/// leaf (`TDX_OPERAND_INVALID`, operand RAX) unless dynamic PAMT is enabled. First module
/// version: 1.5.20. Registers read from murrowow/tdx-concurrency@c71d4f6
/// `src/vmm_dispatcher/api_calls/tdh_phymem_pamt_remove.c` and its dispatcher.
///
/// # Safety
///
/// After success the two pages are the host's again (the module no longer uses them). See the
/// module docs.
#[seamcall(leaf = abi::TdhPhymemPamtRemove, in(rcx = range), out(rdx = page0: u64, r8 = page1: u64))]
pub unsafe fn tdh_phymem_pamt_remove(range: PamtRange) -> Result<PhymemPamtRemove, TdxError>;
