//! TD management (TDH.MNG.*): create a TD, configure its key, add its TDCS pages, initialize
//! it, read its metadata and release its HKID.

use crate::handles::TdxTd;
use tdx_core::{FieldId, Hkid, Hpa, MigscPage, Page, Tdcs, TdxError, TdxStatus, abi, seamcall};

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
/// | RCX | `td.tdr` | on error: extended error information ([`TdxErrorExt::mng_init_error`](super::TdxErrorExt::mng_init_error)) |
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
#[seamcall(leaf = abi::TdhMngRd, in(rcx = td.tdr, rdx = field), out(r8 = value: u64))]
pub unsafe fn tdh_mng_rd(td: &TdxTd<'_>, field: FieldId) -> Result<MngRd, TdxError>;

/// TDH.MNG.RD **version 1** (SEAMCALL leaf 11, RAX = 0x1000b): read a TD-scope metadata field
/// and get the ID of the next one, to walk every field.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x1000b (leaf 11, version 1) | status |
/// | RCX | `td.tdr` | – |
/// | RDX | `field`: the field ID; null (`FieldId::from_raw(0)`) asks for the first field | `next`: the next field ID (`MD_FIELD_ID_NA`, all ones, after the last; also on error) |
/// | R8 | – | `value` (0 on error) |
///
/// Statuses: `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT` (success with information, for a null
/// field ID: `next` is the first field, `value` 0), `TDX_METADATA_FIELD_NOT_READABLE`,
/// `TDX_METADATA_FIELD_ID_INCORRECT`, `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10
/// attempts. First module version: 1.5.01 (version 0 from 1.0.00). Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mng_rd_wr.c` (`version > 0`) and
/// its dispatcher.
///
/// # Safety
///
/// `td.tdr` is an initialized TD (the call only reads). See the module docs.
#[seamcall(leaf = abi::TdhMngRdV1, in(rcx = td.tdr, rdx = field), out(rdx = next: u64, r8 = value: u64))]
pub unsafe fn tdh_mng_rd_v1(td: &TdxTd<'_>, field: FieldId) -> Result<MngRdV1, TdxError>;

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
/// written back ([`tdh_phymem_cache_wb`](super::tdh_phymem_cache_wb)). See the module docs.
#[seamcall(leaf = abi::TdhMngKeyFreeid, in(rcx = td.tdr))]
pub unsafe fn tdh_mng_key_freeid(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

// ================================================================= module 1.5 leaves

/// TDH.MNG.WR (SEAMCALL leaf 13): write a TD-scope metadata field (debug TDs, or fields the
/// host may write), returning the old value.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 13 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
/// | RDX | `field`: the field ID | – |
/// | R8 | `value`: the value | `old`: the field's previous value |
/// | R9 | `mask`: the bits of `value` to write | – |
///
/// Statuses: `TDX_METADATA_FIELD_NOT_WRITABLE`, `TDX_METADATA_FIELD_ID_INCORRECT`;
/// `TDX_OPERAND_BUSY`; the handler returns `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`,
/// `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 1.0.00.
/// Registers read from intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_mng_rd_wr.c`
/// and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is an initialized TD, and the written state is one the TD may be given. See the
/// module docs.
#[seamcall(leaf = abi::TdhMngWr, in(rcx = td.tdr, rdx = field, r8 = value, r9 = mask), out(r8 = old: u64))]
pub unsafe fn tdh_mng_wr(
    td: &TdxTd<'_>,
    field: FieldId,
    value: u64,
    mask: u64,
) -> Result<MngWr, TdxError>;

/// TDH.MNG.KEY.RECLAIMID (SEAMCALL leaf 27): kept for backward compatibility: the module
/// ignores RCX and returns `TDX_SUCCESS` (1.5.01: "It does not do anything except returning a
/// constant TDX_SUCCESS status").
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 27 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
///
/// Statuses: no leaf-specific status in the handler; `TDX_RND_NO_ENTROPY` after 10 attempts.
/// First module version: 1.0.00. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_mng_key_reclaimid.c` and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is the TD's TDR (the 1.5.01 module does not look at it). See the module docs.
#[seamcall(leaf = abi::TdhMngKeyReclaimid, in(rcx = td.tdr))]
pub unsafe fn tdh_mng_key_reclaimid(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

/// TDH.MIG.STREAM.CREATE (SEAMCALL leaf 96): create a migration stream on a migration stream
/// context (MIGSC) page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 96 | status |
/// | RCX | `migsc`: the MIGSC page | – |
/// | RDX | `td.tdr`: the TD's TDR | – |
///
/// Statuses: `TDX_OPERAND_INVALID`, `TDX_PAGE_METADATA_INCORRECT` (RCX); `TDX_OPERAND_BUSY`;
/// the handler returns `TDX_MAX_MIGS_NUM_EXCEEDED`, `TDX_OPERAND_BUSY`; `TDX_RND_NO_ENTROPY`
/// after 10 attempts. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_mig_stream_create.c`
/// and its dispatcher.
///
/// # Safety
///
/// `migsc` is a page the caller owns and hands to the TDX module (flushed from the cache) until
/// reclaimed. See the module docs.
#[seamcall(leaf = abi::TdhMigStreamCreate, in(rcx = migsc, rdx = td.tdr))]
pub unsafe fn tdh_mig_stream_create(
    td: &TdxTd<'_>,
    migsc: MigscPage,
) -> Result<TdxStatus, TdxError>;
