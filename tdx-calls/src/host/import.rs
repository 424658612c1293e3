//! Live migration, destination side (TDH.IMPORT.*): import a TD's state, vCPUs and private
//! memory from migration streams, and end, commit or abort the session.

use tdx_core::{
    GpaListInfo, HpaAndSize, L2AttrList, MacLists, MigStream, PageListInfo, TdxError, TdxStatus,
    abi, seamcall,
};

use crate::handles::{TdxTd, TdxVp};

/// TDH.IMPORT.ABORT (SEAMCALL leaf 80): abort an import session.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 80 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
///
/// Statuses: the handler returns `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_import_abort.c` and
/// its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhImportAbort, in(rcx = td.tdr, r8 = mbmd, r10 = stream))]
pub unsafe fn tdh_import_abort(
    td: &TdxTd<'_>,
    mbmd: HpaAndSize,
    stream: MigStream,
) -> Result<TdxStatus, TdxError>;

/// TDH.IMPORT.END (SEAMCALL leaf 81): end a successful import session.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 81 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
///
/// Statuses: the handler returns `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts.
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_import_end.c` and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is a TD being imported. See the module docs.
#[seamcall(leaf = abi::TdhImportEnd, in(rcx = td.tdr))]
pub unsafe fn tdh_import_end(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

/// TDH.IMPORT.COMMIT (SEAMCALL leaf 82): commit the import: the destination TD may run.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 82 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
///
/// Statuses: the handler returns `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts.
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_import_commit.c` and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is a TD being imported. See the module docs.
#[seamcall(leaf = abi::TdhImportCommit, in(rcx = td.tdr))]
pub unsafe fn tdh_import_commit(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

/// TDH.IMPORT.MEM (SEAMCALL leaf 83): import private pages from migration buffers.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 83 | status |
/// | RCX | `gpa_list`: the GPA list descriptor | `gpa_list`: the descriptor, first entry advanced |
/// | RDX | `td.tdr`: the TD's TDR | – |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
/// | R11 | `macs.list0`: HPA of MAC list 0 | – |
/// | R12 | `macs.list1`: HPA of MAC list 1 | – |
/// | R13 | `new_pages`: the list of pages the module may use for newly imported private pages | – |
/// | R14 | `l2_attrs`: the L2 attribute list page, for a GPA list of format 1 (module 1.5.16 on) | – |
///
/// Statuses: the handler returns `TDX_DISALLOWED_IMPORT_OVER_REMOVED`,
/// `TDX_EPT_ENTRY_STATE_INCORRECT`, `TDX_EPT_WALK_FAILED`, `TDX_IMPORT_MISMATCH`,
/// `TDX_INCORRECT_MBMD_MAC`, `TDX_INTERRUPTED_RESUMABLE`, `TDX_INVALID_MBMD`,
/// `TDX_INVALID_PAGE_MAC`, `TDX_INVALID_RESUMPTION`, `TDX_MIGRATED_IN_CURRENT_EPOCH`,
/// `TDX_MIGRATION_STREAM_STATE_INCORRECT`, `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`,
/// `TDX_OP_STATE_INCORRECT` (`TDX_INTERRUPTED_RESUMABLE`: call again with
/// [`MigStream::resume`](tdx_core::MigStream::resume)); `TDX_RND_NO_ENTROPY` after 10 attempts.
/// R14 is not read by 1.5.01 (72d8cffb); from the 1.5.16 label of the public fork
/// murrowow/tdx-concurrency (b2be91c) it is the L2 attribute list, used only when the GPA list
/// format is 1 (`GPA_LIST_FORMAT_GPA_AND_ATTR`; **unconfirmed** in Intel's repository);
/// [`GpaListInfo::new`](tdx_core::GpaListInfo::new) builds format 0. First module version:
/// 1.5.01 (version 1, R8 the error count, from 1.5.34: [`tdh_import_mem_v1`]). Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_import_mem.c` and its
/// dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). The pages in `new_pages` are handed to the module (flushed from the
/// cache) until reclaimed. See the module docs.
#[seamcall(leaf = abi::TdhImportMem, in(rcx = gpa_list, rdx = td.tdr, r8 = mbmd, r9 = pages, r10 = stream, r11 = macs.list0, r12 = macs.list1, r13 = new_pages, r14 = l2_attrs), out(rcx = gpa_list: GpaListInfo))]
#[allow(clippy::too_many_arguments)] // one parameter per register the module reads
pub unsafe fn tdh_import_mem(
    td: &TdxTd<'_>,
    gpa_list: GpaListInfo,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
    macs: MacLists,
    new_pages: PageListInfo,
    l2_attrs: L2AttrList,
) -> Result<ImportMem, TdxError>;

/// TDH.IMPORT.MEM **version 1** (SEAMCALL leaf 83, RAX = 0x10053, module 1.5.34 on): as
/// [`tdh_import_mem`], and R8 returns the number of GPA list entries that failed.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x10053 (leaf 83, version 1) | status |
/// | RCX | `gpa_list`: the GPA list descriptor | `gpa_list`: the descriptor, first entry advanced |
/// | RDX | `td.tdr`: the TD's TDR | – |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | `errors`: the number of GPA list entries that failed |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
/// | R11 | `macs.list0`: HPA of MAC list 0 | – |
/// | R12 | `macs.list1`: HPA of MAC list 1 | – |
/// | R13 | `new_pages`: the pages the module may use for newly imported private pages | – |
/// | R14 | `l2_attrs`: the L2 attribute list page, for a GPA list of format 1 | – |
///
/// Statuses as version 0. First module version: 1.5.34 (version 0 from 1.5.01). Registers read
/// from intel/tdx-module@9fd3c8b1 `src/vmm_dispatcher/migration_api_calls/tdh_import_mem.c` and
/// its dispatcher.
///
/// # Safety
///
/// As version 0: every buffer and list named is memory the caller owns, valid for the call;
/// the pages in `new_pages` are handed to the module (flushed from the cache) until reclaimed.
/// See the module docs.
#[seamcall(leaf = abi::TdhImportMemV1, in(rcx = gpa_list, rdx = td.tdr, r8 = mbmd, r9 = pages, r10 = stream, r11 = macs.list0, r12 = macs.list1, r13 = new_pages, r14 = l2_attrs), out(rcx = gpa_list: GpaListInfo, r8 = errors: u64))]
#[allow(clippy::too_many_arguments)] // one parameter per register the module reads
pub unsafe fn tdh_import_mem_v1(
    td: &TdxTd<'_>,
    gpa_list: GpaListInfo,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
    macs: MacLists,
    new_pages: PageListInfo,
    l2_attrs: L2AttrList,
) -> Result<ImportMemV1, TdxError>;

/// TDH.IMPORT.TRACK (SEAMCALL leaf 84): read an epoch token and start the next import epoch.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 84 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
///
/// Statuses: the handler returns `TDX_INCORRECT_MBMD_MAC`, `TDX_INVALID_MBMD`,
/// `TDX_MIGRATION_STREAM_STATE_INCORRECT`, `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`,
/// `TDX_SOME_VCPUS_NOT_MIGRATED`; `TDX_RND_NO_ENTROPY` after 10 attempts. First module version:
/// 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_import_track.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhImportTrack, in(rcx = td.tdr, r8 = mbmd, r10 = stream))]
pub unsafe fn tdh_import_track(
    td: &TdxTd<'_>,
    mbmd: HpaAndSize,
    stream: MigStream,
) -> Result<TdxStatus, TdxError>;

/// TDH.IMPORT.STATE.IMMUTABLE (SEAMCALL leaf 85): import the TD's immutable state (starts the
/// session).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 85 | status |
/// | RCX | `td.tdr`: the TD's TDR | written (error path) |
/// | RDX | 0 (loaded by the wrapper): not an operand: the module only saves it to restore on an interruption (`original_rdx`, `tdh_import_state_*.c` line 85): the wrapper loads 0 | written (error path) |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
///
/// Statuses: the handler returns `TDX_INCORRECT_MBMD_MAC`, `TDX_INTERRUPTED_RESUMABLE`,
/// `TDX_INVALID_MBMD`, `TDX_INVALID_RESUMPTION`, `TDX_LIMIT_CPUID_MAXVAL_SET`,
/// `TDX_MIGRATION_DECRYPTION_KEY_NOT_SET`, `TDX_MIGRATION_STREAM_STATE_INCORRECT`,
/// `TDX_MIN_MIGS_NOT_CREATED`, `TDX_NUM_MIGS_HIGHER_THAN_CREATED`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID` (`TDX_INTERRUPTED_RESUMABLE`: call again with
/// [`MigStream::resume`](tdx_core::MigStream::resume)); `TDX_RND_NO_ENTROPY` after 10 attempts.
/// Error path: on error RCX/RDX hold extended error information (`extended_err_info[0..2]`).
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_import_state_immutable.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhImportStateImmutable, in(rcx = td.tdr, r8 = mbmd, r9 = pages, r10 = stream))]
pub unsafe fn tdh_import_state_immutable(
    td: &TdxTd<'_>,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
) -> Result<TdxStatus, TdxError>;

/// TDH.IMPORT.STATE.TD (SEAMCALL leaf 86): import the TD's mutable TD-scope state.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 86 | status |
/// | RCX | `td.tdr`: the TD's TDR | written (error path) |
/// | RDX | 0 (loaded by the wrapper): not an operand: the module only saves it to restore on an interruption (`original_rdx`, `tdh_import_state_*.c` line 85): the wrapper loads 0 | written (error path) |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
///
/// Statuses: the handler returns `TDX_INCORRECT_MBMD_MAC`, `TDX_INTERRUPTED_RESUMABLE`,
/// `TDX_INVALID_MBMD`, `TDX_INVALID_RESUMPTION`, `TDX_MIGRATION_STREAM_STATE_INCORRECT`,
/// `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID` (`TDX_INTERRUPTED_RESUMABLE`: call again with
/// [`MigStream::resume`](tdx_core::MigStream::resume)); `TDX_RND_NO_ENTROPY` after 10 attempts.
/// Error path: on error RCX/RDX hold extended error information (`extended_err_info[0..2]`).
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_import_state_td.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhImportStateTd, in(rcx = td.tdr, r8 = mbmd, r9 = pages, r10 = stream))]
pub unsafe fn tdh_import_state_td(
    td: &TdxTd<'_>,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
) -> Result<TdxStatus, TdxError>;

/// TDH.IMPORT.STATE.VP (SEAMCALL leaf 87): import one vCPU's state.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 87 | status |
/// | RCX | `vp.tdvpr`: the vCPU's TDVPR | written (error path) |
/// | RDX | 0 (loaded by the wrapper): not an operand: the module only saves it to restore on an interruption (`original_rdx`, `tdh_import_state_*.c` line 85): the wrapper loads 0 | written (error path) |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
///
/// Statuses: the handler returns `TDX_ALL_VCPUS_IMPORTED`, `TDX_INCORRECT_MBMD_MAC`,
/// `TDX_INTERRUPTED_RESUMABLE`, `TDX_INVALID_MBMD`, `TDX_INVALID_RESUMPTION`,
/// `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`, `TDX_TDCX_NUM_INCORRECT`,
/// `TDX_VCPU_STATE_INCORRECT` (`TDX_INTERRUPTED_RESUMABLE`: call again with
/// [`MigStream::resume`](tdx_core::MigStream::resume)); `TDX_RND_NO_ENTROPY` after 10 attempts.
/// Error path: on error RCX/RDX hold extended error information (`extended_err_info[0..2]`).
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_import_state_vp.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhImportStateVp, in(rcx = vp.tdvpr, r8 = mbmd, r9 = pages, r10 = stream))]
pub unsafe fn tdh_import_state_vp(
    vp: &TdxVp<'_>,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
) -> Result<TdxStatus, TdxError>;
