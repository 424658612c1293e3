//! Live migration, source side (TDH.EXPORT.*): export a TD's immutable and mutable state,
//! its vCPUs and its private memory through migration streams, and the session control
//! leaves (pause, track, abort, block/unblock for writing, restore). The streams themselves
//! are created with TDH.MIG.STREAM.CREATE (`mng.rs`).

use tdx_core::{
    GpaListInfo, HpaAndSize, L2AttrList, MacLists, MigStream, PageListInfo, SeptGpa, TdxError,
    TdxStatus, abi, seamcall,
};

use crate::handles::{TdxTd, TdxVp};

/// TDH.EXPORT.ABORT (SEAMCALL leaf 64): abort an export session and write an abort token.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 64 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
///
/// Statuses: the handler returns `TDX_INCORRECT_MBMD_MAC`, `TDX_INVALID_MBMD`,
/// `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts. First
/// module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_export_abort.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhExportAbort, in(rcx = td.tdr, r8 = mbmd, r10 = stream))]
pub unsafe fn tdh_export_abort(
    td: &TdxTd<'_>,
    mbmd: HpaAndSize,
    stream: MigStream,
) -> Result<TdxStatus, TdxError>;

/// TDH.EXPORT.BLOCKW (SEAMCALL leaf 65): block the listed pages for writing (to export them).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 65 | status |
/// | RCX | `gpa_list`: the GPA list descriptor | `gpa_list`: the descriptor, first entry advanced |
/// | RDX | `td.tdr`: the TD's TDR | – |
///
/// Statuses: the handler returns `TDX_INTERRUPTED_RESUMABLE`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID` (`TDX_INTERRUPTED_RESUMABLE`: call again with the returned
/// descriptor); `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 1.5.01 (version 1,
/// R8 the error count, from 1.5.34: [`tdh_export_blockw_v1`]). Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_blockw.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhExportBlockw, in(rcx = gpa_list, rdx = td.tdr), out(rcx = gpa_list: GpaListInfo))]
pub unsafe fn tdh_export_blockw(
    td: &TdxTd<'_>,
    gpa_list: GpaListInfo,
) -> Result<ExportBlockw, TdxError>;

/// TDH.EXPORT.RESTORE (SEAMCALL leaf 66): restore the listed pages after an aborted export.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 66 | status |
/// | RCX | `gpa_list`: the GPA list descriptor | `gpa_list`: the descriptor, first entry advanced |
/// | RDX | `td.tdr`: the TD's TDR | – |
///
/// Statuses: the handler returns `TDX_INTERRUPTED_RESUMABLE`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID` (`TDX_INTERRUPTED_RESUMABLE`: call again with the returned
/// descriptor); `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 1.5.01 (version 1,
/// R8 the error count, from 1.5.34: [`tdh_export_restore_v1`]). Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_restore.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhExportRestore, in(rcx = gpa_list, rdx = td.tdr), out(rcx = gpa_list: GpaListInfo))]
pub unsafe fn tdh_export_restore(
    td: &TdxTd<'_>,
    gpa_list: GpaListInfo,
) -> Result<ExportRestore, TdxError>;

/// TDH.EXPORT.BLOCKW **version 1** (SEAMCALL leaf 65, RAX = 0x10041, module 1.5.34 on): as
/// [`tdh_export_blockw`], and R8 returns the number of GPA list entries that failed.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x10041 (leaf 65, version 1) | status |
/// | RCX | `gpa_list`: the GPA list descriptor | `gpa_list`: the descriptor, first entry advanced |
/// | RDX | `td.tdr`: the TD's TDR | – |
/// | R8 | – | `errors`: the number of GPA list entries that failed (skipped ones not counted) |
///
/// Statuses as version 0 (module 2.0.18 also refuses the leaf, `TDX_OPERAND_INVALID`, when
/// the module is configured for non-blocking export). R8 is written at the handler's exit, on
/// every path. First module version: 1.5.34 (version 0 from 1.5.01). Registers: the 1.5.34
/// dispatcher (intel/tdx-module@9fd3c8b1, version 1 accepted and passed to the handler) and the
/// 2.0.18 handler (@e69a4391 `src/vmm_dispatcher/migration_api_calls/tdh_export_blockw.c`; the
/// 1.5.34 handler is not in the stored index).
///
/// # Safety
///
/// As version 0: the GPA list is memory the caller owns, valid and not otherwise accessed
/// during the call. See the module docs.
#[seamcall(leaf = abi::TdhExportBlockwV1, in(rcx = gpa_list, rdx = td.tdr), out(rcx = gpa_list: GpaListInfo, r8 = errors: u64))]
pub unsafe fn tdh_export_blockw_v1(
    td: &TdxTd<'_>,
    gpa_list: GpaListInfo,
) -> Result<ExportBlockwV1, TdxError>;

/// TDH.EXPORT.RESTORE **version 1** (SEAMCALL leaf 66, RAX = 0x10042, module 1.5.34 on): as
/// [`tdh_export_restore`], and R8 returns the number of GPA list entries that failed.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x10042 (leaf 66, version 1) | status |
/// | RCX | `gpa_list`: the GPA list descriptor | `gpa_list`: the descriptor, first entry advanced |
/// | RDX | `td.tdr`: the TD's TDR | – |
/// | R8 | – | `errors`: the number of GPA list entries that failed (skipped ones not counted) |
///
/// Statuses as version 0. R8 is written at the handler's exit, on every path. First module
/// version: 1.5.34 (version 0 from 1.5.01). Registers: the 1.5.34 dispatcher
/// (intel/tdx-module@9fd3c8b1) and the 2.0.18 handler (@e69a4391
/// `src/vmm_dispatcher/migration_api_calls/tdh_export_restore.c`).
///
/// # Safety
///
/// As version 0: the GPA list is memory the caller owns, valid and not otherwise accessed
/// during the call. See the module docs.
#[seamcall(leaf = abi::TdhExportRestoreV1, in(rcx = gpa_list, rdx = td.tdr), out(rcx = gpa_list: GpaListInfo, r8 = errors: u64))]
pub unsafe fn tdh_export_restore_v1(
    td: &TdxTd<'_>,
    gpa_list: GpaListInfo,
) -> Result<ExportRestoreV1, TdxError>;

/// TDH.EXPORT.MEM (SEAMCALL leaf 68): export the listed private pages into migration buffers.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 68 | status |
/// | RCX | `gpa_list`: the GPA list descriptor | `gpa_list`: the descriptor, first entry advanced |
/// | RDX | `td.tdr`: the TD's TDR | `processed`: the number of entries processed |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
/// | R11 | `macs.list0`: HPA of MAC list 0 | – |
/// | R12 | `macs.list1`: HPA of MAC list 1 | – |
/// | R14 | `l2_attrs`: the L2 attribute list page, for a GPA list of format 1 (module 1.5.16 on) | – |
///
/// Statuses: the handler returns `TDX_INTERRUPTED_RESUMABLE`, `TDX_INVALID_RESUMPTION`,
/// `TDX_MIGRATION_STREAM_STATE_INCORRECT`, `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`
/// (`TDX_INTERRUPTED_RESUMABLE`: call again with
/// [`MigStream::resume`](tdx_core::MigStream::resume)); `TDX_RND_NO_ENTROPY` after 10 attempts.
/// R14 is not read by 1.5.01 (72d8cffb); from the 1.5.16 label of the public fork
/// murrowow/tdx-concurrency (b2be91c) it is the L2 attribute list, used only when the GPA list
/// format is 1 (`GPA_LIST_FORMAT_GPA_AND_ATTR`; **unconfirmed** in Intel's repository);
/// [`GpaListInfo::new`](tdx_core::GpaListInfo::new) builds format 0. First module version:
/// 1.5.01 (version 1, R8 the error count, from 1.5.34: [`tdh_export_mem_v1`]). Registers read from
/// intel/tdx-module@72d8cffb `src/vmm_dispatcher/migration_api_calls/tdh_export_mem.c` and its
/// dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhExportMem, in(rcx = gpa_list, rdx = td.tdr, r8 = mbmd, r9 = pages, r10 = stream, r11 = macs.list0, r12 = macs.list1, r14 = l2_attrs), out(rcx = gpa_list: GpaListInfo, rdx = processed: u64))]
pub unsafe fn tdh_export_mem(
    td: &TdxTd<'_>,
    gpa_list: GpaListInfo,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
    macs: MacLists,
    l2_attrs: L2AttrList,
) -> Result<ExportMem, TdxError>;

/// TDH.EXPORT.MEM **version 1** (SEAMCALL leaf 68, RAX = 0x10044, module 1.5.34 on): as
/// [`tdh_export_mem`], and R8 returns the number of GPA list entries that failed.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x10044 (leaf 68, version 1) | status |
/// | RCX | `gpa_list`: the GPA list descriptor | `gpa_list`: the descriptor, first entry advanced |
/// | RDX | `td.tdr`: the TD's TDR | `processed`: the number of entries processed |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | `errors`: the number of GPA list entries that failed |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
/// | R11 | `macs.list0`: HPA of MAC list 0 | – |
/// | R12 | `macs.list1`: HPA of MAC list 1 | – |
/// | R14 | `l2_attrs`: the L2 attribute list page, for a GPA list of format 1 | – |
///
/// Statuses as version 0. R8 is written on every path past the TD checks ("When called with
/// version=1, a GPA list error counter will be returned in R8"). First module version: 1.5.34
/// (version 0 from 1.5.01). Registers read from intel/tdx-module@9fd3c8b1
/// `src/vmm_dispatcher/migration_api_calls/tdh_export_mem.c` and its dispatcher.
///
/// # Safety
///
/// As version 0: every buffer and list named is memory the caller owns, of the size given,
/// valid and not otherwise accessed during the call. See the module docs.
#[seamcall(leaf = abi::TdhExportMemV1, in(rcx = gpa_list, rdx = td.tdr, r8 = mbmd, r9 = pages, r10 = stream, r11 = macs.list0, r12 = macs.list1, r14 = l2_attrs), out(rcx = gpa_list: GpaListInfo, rdx = processed: u64, r8 = errors: u64))]
pub unsafe fn tdh_export_mem_v1(
    td: &TdxTd<'_>,
    gpa_list: GpaListInfo,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
    macs: MacLists,
    l2_attrs: L2AttrList,
) -> Result<ExportMemV1, TdxError>;

/// TDH.EXPORT.PAUSE (SEAMCALL leaf 70): pause the TD for the blackout phase.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 70 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
///
/// Statuses: the handler returns `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts.
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_export_pause.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhExportPause, in(rcx = td.tdr))]
pub unsafe fn tdh_export_pause(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;

/// TDH.EXPORT.TRACK (SEAMCALL leaf 71): end an export epoch and write an epoch token; with
/// [`MigStream::in_order_done`](tdx_core::MigStream::in_order_done) (R10 bit 63,
/// `MIGS_INDEX_COMMAND_INORDER_DONE`) the in-order phase ends and the token starts the
/// out-of-order phase.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 71 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
///
/// Statuses: the handler returns `TDX_EXPORTED_DIRTY_PAGES_REMAIN`,
/// `TDX_MIGRATION_EPOCH_OVERFLOW`, `TDX_MIGRATION_STREAM_STATE_INCORRECT`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID`, `TDX_OP_STATE_INCORRECT`; `TDX_RND_NO_ENTROPY` after 10 attempts.
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_export_track.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhExportTrack, in(rcx = td.tdr, r8 = mbmd, r10 = stream))]
pub unsafe fn tdh_export_track(
    td: &TdxTd<'_>,
    mbmd: HpaAndSize,
    stream: MigStream,
) -> Result<TdxStatus, TdxError>;

/// TDH.EXPORT.STATE.IMMUTABLE (SEAMCALL leaf 72): export the TD's immutable state (starts the
/// session).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 72 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
/// | RDX | – | `pages`: the number of buffer pages written |
///
/// Statuses: the handler returns `TDX_INTERRUPTED_RESUMABLE`, `TDX_INVALID_RESUMPTION`,
/// `TDX_MAX_EXPORTS_EXCEEDED`, `TDX_METADATA_LIST_OVERFLOW`,
/// `TDX_MIGRATION_DECRYPTION_KEY_NOT_SET`, `TDX_MIGRATION_STREAM_STATE_INCORRECT`,
/// `TDX_MIN_MIGS_NOT_CREATED`, `TDX_OPERAND_BUSY`, `TDX_OPERAND_INVALID`,
/// `TDX_PREVIOUS_EXPORT_CLEANUP_INCOMPLETE`, `TDX_TD_NOT_MIGRATABLE`
/// (`TDX_INTERRUPTED_RESUMABLE`: call again with
/// [`MigStream::resume`](tdx_core::MigStream::resume)); `TDX_RND_NO_ENTROPY` after 10 attempts.
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_export_state_immutable.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhExportStateImmutable, in(rcx = td.tdr, r8 = mbmd, r9 = pages, r10 = stream), out(rdx = pages: u64))]
pub unsafe fn tdh_export_state_immutable(
    td: &TdxTd<'_>,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
) -> Result<ExportStateImmutable, TdxError>;

/// TDH.EXPORT.STATE.TD (SEAMCALL leaf 73): export the TD's mutable TD-scope state.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 73 | status |
/// | RCX | `td.tdr`: the TD's TDR | – |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
/// | RDX | – | `pages`: the number of buffer pages written |
///
/// Statuses: the handler returns `TDX_INTERRUPTED_RESUMABLE`, `TDX_INVALID_RESUMPTION`,
/// `TDX_METADATA_LIST_OVERFLOW`, `TDX_MIGRATION_STREAM_STATE_INCORRECT`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID` (`TDX_INTERRUPTED_RESUMABLE`: call again with
/// [`MigStream::resume`](tdx_core::MigStream::resume)); `TDX_RND_NO_ENTROPY` after 10 attempts.
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_export_state_td.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhExportStateTd, in(rcx = td.tdr, r8 = mbmd, r9 = pages, r10 = stream), out(rdx = pages: u64))]
pub unsafe fn tdh_export_state_td(
    td: &TdxTd<'_>,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
) -> Result<ExportStateTd, TdxError>;

/// TDH.EXPORT.STATE.VP (SEAMCALL leaf 74): export one vCPU's state.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 74 | status |
/// | RCX | `vp.tdvpr`: the vCPU's TDVPR | – |
/// | R8 | `mbmd`: HPA and size of the MBMD buffer | – |
/// | R9 | `pages`: the page list of migration buffers | – |
/// | R10 | `stream`: migration stream index and command (bit 63: resume) | – |
/// | RDX | – | `pages`: the number of buffer pages written |
///
/// Statuses: the handler returns `TDX_INTERRUPTED_RESUMABLE`, `TDX_INVALID_RESUMPTION`,
/// `TDX_METADATA_LIST_OVERFLOW`, `TDX_MIGRATION_STREAM_STATE_INCORRECT`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID`, `TDX_TDCX_NUM_INCORRECT`, `TDX_VCPU_ALREADY_EXPORTED`
/// (`TDX_INTERRUPTED_RESUMABLE`: call again with
/// [`MigStream::resume`](tdx_core::MigStream::resume)); `TDX_RND_NO_ENTROPY` after 10 attempts.
/// First module version: 1.5.01. Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_export_state_vp.c` and its dispatcher.
///
/// # Safety
///
/// Every buffer and list named is memory the caller owns, of the size given, valid and not
/// otherwise accessed during the call; the module writes the migration buffers (export) or
/// reads them (import). See the module docs.
#[seamcall(leaf = abi::TdhExportStateVp, in(rcx = vp.tdvpr, r8 = mbmd, r9 = pages, r10 = stream), out(rdx = pages: u64))]
pub unsafe fn tdh_export_state_vp(
    vp: &TdxVp<'_>,
    mbmd: HpaAndSize,
    pages: PageListInfo,
    stream: MigStream,
) -> Result<ExportStateVp, TdxError>;

/// TDH.EXPORT.UNBLOCKW (SEAMCALL leaf 75): unblock one page blocked for writing (RCX is GPA |
/// level, `page_info_api_input_t`).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 75 | status |
/// | RCX | `gpa`: GPA \| level | written (error path) |
/// | RDX | `td.tdr`: the TD's TDR | written (error path) |
///
/// Statuses: the handler returns `TDX_EPT_ENTRY_STATE_INCORRECT`, `TDX_EPT_WALK_FAILED`,
/// `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts. Error path: on error RCX/RDX
/// hold the Secure-EPT entry and level/state
/// ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)). First module version: 1.5.01.
/// Registers read from intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/migration_api_calls/tdh_export_unblockw.c` and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is a TD being exported. See the module docs.
#[seamcall(leaf = abi::TdhExportUnblockw, in(rcx = gpa, rdx = td.tdr))]
pub unsafe fn tdh_export_unblockw(td: &TdxTd<'_>, gpa: SeptGpa) -> Result<TdxStatus, TdxError>;
