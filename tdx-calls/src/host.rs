//! SEAMCALL: every TDX-module leaf Linux uses (host VMM → TDX module), one wrapper per leaf,
//! named after the spec mnemonic, plus the bounded loops Linux runs over some of them.
//!
//! Registers, numbers and retry rules are Linux's (arch/x86/virt/vmx/tdx/tdx.{c,h}@0eaed89c,
//! arch/x86/kvm/vmx/tdx.c@3829d81b); see the ABI table ([`tdx_core::abi`]) for the sources.
//!
//! # Statuses every wrapper may return
//!
//! * `TDX_SUCCESS`, or a success-with-information code (bit 63 clear, non-zero), as `Ok`;
//! * `TDX_SEAMCALL_VMFAILINVALID` (CF=1: no TDX module loaded, or the P-SEAMLDR is busy);
//! * `TDX_RND_NO_ENTROPY`, returned only after 10 attempts: like Linux's `sc_retry`, every
//!   wrapper retries it 9 times, except TDH.VP.ENTER and TDH.PHYMEM.PAGE.RDMD, which Linux
//!   issues without `sc_retry` (`retry(none)`);
//! * `TDX_OPERAND_INVALID` for a malformed operand (the operand ID in bits 31:0).
//!
//! `TDX_OPERAND_BUSY` is **never** retried here: it is returned, and [`TdxError::is_busy`]
//! tests it under the status mask (KVM's `tdx_operand_busy`). What Linux does about it is
//! written on each wrapper; where KVM retries (TDH.MEM.RANGE.BLOCK, TDH.MEM.TRACK,
//! TDH.MEM.PAGE.REMOVE), it first kicks every vCPU out of the guest, which only the caller can
//! do: see [`retry_once_after_kick`].
//!
//! # Safety of every wrapper
//!
//! Every wrapper here is an `unsafe fn`. Besides the leaf-specific contract written on each,
//! the caller must run at CPL 0 in VMX root operation on a TDX host (SEAMCALL raises #UD
//! elsewhere), and must respect the TDX module's sequencing rules and the ownership of every
//! page it names: a page handed to the module belongs to it until it is reclaimed, and the
//! host must neither read nor write it in between (Linux flushes each page from the cache
//! before handing it over, `CLFLUSH_BEFORE_ALLOC`, and clears reclaimed pages with
//! MOVDIR64B).

use core::fmt;

use tdx_core::abi::{self, Family, Leaf, LeafInfo};
use tdx_core::outputs::{CacheWbMode, ExitReason};
use tdx_core::packed::SeptLevelState;
use tdx_core::reg::{Rcx, Rdx};
use tdx_core::{
    FieldId, Gpa, Guest, Hkid, Hpa, KeyedHpa, ModuleArgs, Page, Sept, SeptGpa, Tdcs, Tdcx,
    TdxError, TdxStatus, seamcall,
};

use crate::handles::{TdxTd, TdxVp};

// ====================================================================== TD management

/// TDH.MNG.CREATE (SEAMCALL leaf 9): create a TD on its TDR page with a private HKID.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 9 | status |
/// | RCX | `td.tdr`: the TD root page | – |
/// | RDX | `hkid`: the TD's private HKID | – |
///
/// Statuses: the module takes a global lock, so concurrent TDH.MNG.CREATE, TDH.PHYMEM.CACHE.WB,
/// TDH.MNG.VPFLUSHDONE or TDH.MNG.KEY.FREEID calls give `TDX_OPERAND_BUSY` (KVM serializes
/// them with its `tdx_lock`); `TDX_RND_NO_ENTROPY` after 10 attempts (KVM: -EAGAIN).
///
/// # Safety
///
/// `td.tdr` is a page the caller owns and hands to the TDX module (flushed from the cache);
/// `hkid` is a private KeyID the caller allocated for this TD. See the module docs.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = td.tdr, rdx = hkid))]
pub unsafe fn tdh_mng_create(td: &TdxTd<'_>, hkid: Hkid) -> Result<TdxStatus, TdxError>;

/// TDH.MNG.KEY.CONFIG (SEAMCALL leaf 8): program the TD's key into this package's memory
/// controller.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 8 | status |
/// | RCX | `td.tdr` | – |
///
/// Statuses: run once on one CPU of every package (KVM uses `smp_call_on_cpu`); two calls on
/// the same memory controller at once give `TDX_OPERAND_BUSY`; `TDX_KEY_CONFIGURED` (bit 63
/// clear) is success with information; `TDX_KEY_GENERATION_FAILED`; `TDX_RND_NO_ENTROPY` after
/// 10 attempts.
///
/// # Safety
///
/// `td.tdr` is a TD created with [`tdh_mng_create`]. See the module docs.
#[seamcall(leaf = abi::TdhMngKeyConfig, in(rcx = td.tdr))]
pub unsafe fn tdh_mng_key_config(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

/// TDH.MNG.ADDCX (SEAMCALL leaf 1): add a TDCS page to a TD.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 1 | status |
/// | RCX | `tdcs`: the TDCS page | – |
/// | RDX | `td.tdr` | – |
///
/// KVM adds every page of `td.tdcs` this way (`tdcs_nr_pages`), before TDH.MNG.INIT.
/// Statuses: `TDX_RND_NO_ENTROPY` after 10 attempts (KVM: -EAGAIN); `TDX_OPERAND_INVALID`,
/// `TDX_PAGE_METADATA_INCORRECT` for a page the module does not accept.
///
/// # Safety
///
/// `tdcs` is a page the caller owns and hands to the TDX module (flushed from the cache) until
/// it is reclaimed; `td.tdr` is a created TD. See the module docs.
#[seamcall(leaf = abi::TdhMngAddcx, in(rcx = tdcs, rdx = td.tdr))]
pub unsafe fn tdh_mng_addcx(td: &TdxTd<'_>, tdcs: Page<Tdcs>) -> Result<TdxStatus, TdxError>;

/// TDH.MNG.INIT (SEAMCALL leaf 21): initialize a TD from its `struct td_params`.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 21 | status |
/// | RCX | `td.tdr` | on error: extended error information ([`TdxErrorExt::mng_init_error`]) |
/// | RDX | `td_params`: HPA of `struct td_params` (1024 bytes, 1024-byte aligned) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (compared under the status mask) for a rejected
/// `td_params`, whose operand ID KVM passes to user space whole; `TDX_RND_NO_ENTROPY` after 10
/// attempts.
///
/// # Safety
///
/// `td_params` is the physical address of a readable, initialized, 1024-byte-aligned
/// `struct td_params` that stays valid for the call; `td.tdr` has its keys configured and its
/// TDCS pages added. See the module docs.
#[seamcall(leaf = abi::TdhMngInit, in(rcx = td.tdr, rdx = td_params))]
pub unsafe fn tdh_mng_init(td: &TdxTd<'_>, td_params: Hpa) -> Result<TdxStatus, TdxError>;

/// TDH.MNG.RD (SEAMCALL leaf 11): read a TD-scope metadata field.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 11 | status |
/// | RCX | `td.tdr` | – |
/// | RDX | `field`: the field ID (e.g. `TD_MD_FIELD_ID_CPUID_VALUES` 0x9410000300000000) | – |
/// | R8 | – | `value` (0 on error) |
///
/// Statuses: `TDX_METADATA_FIELD_NOT_READABLE`, `TDX_OPERAND_INVALID` for an unknown field;
/// `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `td.tdr` is an initialized TD. See the module docs.
#[seamcall(leaf = abi::TdhMngRd, in(rcx = td.tdr, rdx = field), out(r8 = value))]
pub unsafe fn tdh_mng_rd(td: &TdxTd<'_>, field: FieldId) -> Result<MngRd, TdxError>;

/// TDH.MNG.VPFLUSHDONE (SEAMCALL leaf 19): check that every vCPU of the TD was flushed, before
/// the HKID is released.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 19 | status |
/// | RCX | `td.tdr` | – |
///
/// Statuses: `TDX_FLUSHVP_NOT_DONE` (KVM compares it exactly and aborts the HKID release); the
/// module takes a global lock, so concurrent calls give `TDX_OPERAND_BUSY` (KVM holds
/// `tdx_lock`); `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `td.tdr` is a TD being torn down. See the module docs.
#[seamcall(leaf = abi::TdhMngVpflushdone, in(rcx = td.tdr))]
pub unsafe fn tdh_mng_vpflushdone(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

/// TDH.MNG.KEY.FREEID (SEAMCALL leaf 20): release the TD's HKID, after TDH.PHYMEM.CACHE.WB on
/// every package.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 20 | status |
/// | RCX | `td.tdr` | – |
///
/// Statuses: `TDX_KEY_STATE_INCORRECT` if the caches were not written back; the module takes a
/// global lock, so concurrent calls give `TDX_OPERAND_BUSY` (KVM holds `tdx_lock`);
/// `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `td.tdr` is a TD whose vCPUs were flushed ([`tdh_mng_vpflushdone`]) and whose caches were
/// written back ([`tdh_phymem_cache_wb`]). See the module docs.
#[seamcall(leaf = abi::TdhMngKeyFreeid, in(rcx = td.tdr))]
pub unsafe fn tdh_mng_key_freeid(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

// ======================================================================== measurement

/// TDH.MR.EXTEND (SEAMCALL leaf 16): extend the TD measurement (MRTD) with one 256-byte
/// chunk of a page added by [`tdh_mem_page_add`].
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 16 | status |
/// | RCX | `gpa`: GPA of the chunk (256-byte aligned; KVM walks a page in 16 steps) | on error: Secure-EPT entry |
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`]) |
///
/// Only before TD finalization. Statuses: `TDX_EPT_WALK_FAILED`,
/// `TDX_EPT_ENTRY_STATE_INCORRECT` for a GPA that is not mapped; `TDX_RND_NO_ENTROPY` after 10
/// attempts.
///
/// # Safety
///
/// `td.tdr` is an initialized, not yet finalized TD. See the module docs.
#[seamcall(leaf = abi::TdhMrExtend, in(rcx = gpa, rdx = td.tdr))]
pub unsafe fn tdh_mr_extend(td: &TdxTd<'_>, gpa: Gpa) -> Result<TdxStatus, TdxError>;

/// TDH.MR.FINALIZE (SEAMCALL leaf 17): finalize the TD measurement; the TD can run afterwards.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 17 | status |
/// | RCX | `td.tdr` | – |
///
/// Statuses: `TDX_OPERAND_BUSY` (KVM returns -EBUSY to user space); `TDX_RND_NO_ENTROPY` after
/// 10 attempts.
///
/// # Safety
///
/// `td.tdr` is an initialized TD. See the module docs.
#[seamcall(leaf = abi::TdhMrFinalize, in(rcx = td.tdr))]
pub unsafe fn tdh_mr_finalize(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

// ===================================================================== Secure EPT, memory

/// TDH.MEM.PAGE.ADD (SEAMCALL leaf 2): add a private page with initial contents, before TD
/// finalization (KVM_TDX_INIT_MEM_REGION).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 2 | status |
/// | RCX | `gpa`: the GPA (4 KiB, no level bits) | on error: Secure-EPT entry |
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`]) |
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
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`]) |
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
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`]) |
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
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`]) |
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
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`]) |
///
/// Statuses: `TDX_OPERAND_BUSY`: KVM kicks every vCPU and retries **once**
/// ([`retry_once_after_kick`]). Then KVM writes the page back with
/// [`tdh_phymem_page_wbinvd`] (the TD's HKID) and clears it. `TDX_RND_NO_ENTROPY` after 10
/// attempts.
///
/// # Safety
///
/// `td.tdr` is an initialized TD. The page comes back to the host only after the write-back.
/// See the module docs.
#[seamcall(leaf = abi::TdhMemPageRemove, in(rcx = gpa, rdx = td.tdr))]
pub unsafe fn tdh_mem_page_remove(td: &TdxTd<'_>, gpa: SeptGpa) -> Result<TdxStatus, TdxError>;

// ============================================================================== vCPUs

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
/// | R8 | `x2apic_id`: the x2APIC ID (a `u32`; KVM passes the vCPU ID) | – |
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
    x2apic_id: u64,
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
#[seamcall(leaf = abi::TdhVpRd, in(rcx = vp.tdvpr, rdx = field), out(r8 = value))]
pub unsafe fn tdh_vp_rd(vp: &TdxVp<'_>, field: FieldId) -> Result<VpRd, TdxError>;

/// TDH.VP.WR (SEAMCALL leaf 43): write a vCPU (TDVPS) metadata field.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 43 | status |
/// | RCX | `vp.tdvpr` | – |
/// | RDX | `field`: the field ID | – |
/// | R8 | `value` | – |
/// | R9 | `mask`: the bits of `value` to write | – |
///
/// Statuses: `TDX_OPERAND_INVALID` for a field that is not writable; `TDX_RND_NO_ENTROPY`
/// after 10 attempts.
///
/// # Safety
///
/// `vp.tdvpr` is an initialized vCPU, and the written state is one the guest may be given.
/// See the module docs.
#[seamcall(leaf = abi::TdhVpWr, in(rcx = vp.tdvpr, rdx = field, r8 = value, r9 = mask))]
pub unsafe fn tdh_vp_wr(
    vp: &TdxVp<'_>,
    field: FieldId,
    value: u64,
    mask: u64,
) -> Result<TdxStatus, TdxError>;

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

// ============================================================================ pages

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

// ===================================================================== module lifecycle

/// TDH.SYS.INIT (SEAMCALL leaf 33): global initialization of the TDX module; the first
/// SEAMCALL.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 33 | status |
/// | RCX | 0: reserved (the wrapper loads it) | – |
///
/// Statuses: `TDX_SEAMCALL_VMFAILINVALID` when no module is loaded (Linux: -ENODEV);
/// `TDX_RND_NO_ENTROPY` after 10 attempts. Done once (Linux caches the result).
///
/// # Safety
///
/// See the module docs.
#[seamcall(leaf = abi::TdhSysInit)]
pub unsafe fn tdh_sys_init() -> Result<TdxStatus, TdxError>;

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
#[seamcall(leaf = abi::TdhSysRd, in(rdx = field), out(r8 = value))]
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
/// A 2026 patch series proposes version 1 of this leaf (not mainline; **uncertain**): this
/// wrapper issues version 0. Statuses: `TDX_RND_NO_ENTROPY` after 10 attempts.
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
#[seamcall(leaf = abi::TdhSysTdmrInit, in(rcx = tdmr_base), out(rdx = next))]
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

// =================================================================== extended errors

/// The extended error information of a failed Secure-EPT SEAMCALL (TDH.MEM.PAGE.ADD,
/// TDH.MEM.SEPT.ADD, TDH.MEM.PAGE.AUG, TDH.MEM.RANGE.BLOCK, TDH.MR.EXTEND,
/// TDH.MEM.PAGE.REMOVE): RCX (`ext_err1`, the Secure-EPT entry) and RDX (`ext_err2`, the level
/// and state, `level_state` in KVM).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SeptErrorDetail {
    /// RCX: the Secure-EPT entry (`ext_err1`).
    pub entry: u64,
    /// RDX: the Secure-EPT level (bits 2:0) and entry state (bits 15:8) (`ext_err2`).
    pub level_state: SeptLevelState,
}

impl fmt::Display for SeptErrorDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry {:#x}, {}", self.entry, self.level_state)
    }
}

/// The leaves that return [`SeptErrorDetail`] in RCX/RDX on error.
const SEPT_ERROR_LEAVES: [LeafInfo; 6] = [
    abi::TdhMemPageAdd::INFO,
    abi::TdhMemSeptAdd::INFO,
    abi::TdhMemPageAug::INFO,
    abi::TdhMemRangeBlock::INFO,
    abi::TdhMrExtend::INFO,
    abi::TdhMemPageRemove::INFO,
];

/// Whether `err` comes from the SEAMCALL leaf `info` (any version), and the module ran (not a
/// software status such as VMfailInvalid, where the registers mean nothing).
fn failed_in(err: &TdxError, info: &LeafInfo) -> bool {
    let leaf = err.leaf();
    leaf.family == Family::Seamcall
        && leaf.number == info.number
        && info.family == Family::Seamcall
        && !err.status().is_software()
}

/// Decoders for the extended error registers of a failed SEAMCALL.
pub trait TdxErrorExt {
    /// The Secure-EPT entry and level/state of a failed Secure-EPT SEAMCALL
    /// ([`SeptErrorDetail`]), or `None` if the error is not from one of those leaves (or the
    /// module did not run).
    fn sept_error(&self) -> Option<SeptErrorDetail>;

    /// The level/state (RDX) of a failed Secure-EPT SEAMCALL.
    fn level_state(&self) -> Option<SeptLevelState> {
        self.sept_error().map(|detail| detail.level_state)
    }

    /// The extended error information (RCX) of a failed TDH.MNG.INIT.
    fn mng_init_error(&self) -> Option<u64>;
}

impl TdxErrorExt for TdxError {
    fn sept_error(&self) -> Option<SeptErrorDetail> {
        if !SEPT_ERROR_LEAVES.iter().any(|info| failed_in(self, info)) {
            return None;
        }
        Some(SeptErrorDetail {
            entry: self.reg::<Rcx>()?,
            level_state: SeptLevelState::from_raw(self.reg::<Rdx>()?),
        })
    }

    fn mng_init_error(&self) -> Option<u64> {
        if failed_in(self, &abi::TdhMngInit::INFO) {
            self.reg::<Rcx>()
        } else {
            None
        }
    }
}

// ============================================================================ loops

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
