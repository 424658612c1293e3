//! Physical memory (TDH.PHYMEM.*): reclaim pages from the TDX module, read their PAMT
//! metadata, and write back caches (one page, or every released HKID on a package, with
//! KVM's bounded loop).

use tdx_core::abi;
use tdx_core::outputs::CacheWbMode;
use tdx_core::{Hpa, KeyedHpa, TdxError, TdxStatus, seamcall};

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
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
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
#[seamcall(leaf = abi::TdhPhymemPageRdmd, in(rcx = page), out(rcx = page_type), retry(none))]
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
