//! Memory scan (TDH.MEM.SCAN.*, module 1.5.34 on): find the pages of a TD's Secure-EPT trees
//! that a non-blocking export must send (again), into GPA lists, and manage the scan state.
//!
//! Registers read from intel/tdx-module@9fd3c8b1 (1.5.34)
//! `src/vmm_dispatcher/tdx_vmm_dispatcher.c` and the handlers under
//! `src/vmm_dispatcher/migration_api_calls/` (TDH.MEM.SCAN.COMP's handler from @e69a4391,
//! 2.0.18). Every leaf fails with `TDX_OPERAND_INVALID` operand RAX unless the module has
//! non-blocking export (or scan export-restore) configured. The control words are typed
//! (`tdx_core::scan`: [`ListOfLists`], [`ScanControls`], [`RangeListInfo`], [`ScanCxPage`],
//! [`ScanCxOut`]); the range size and the overall GPA list entry index are plain numbers and
//! stay `u64`.

use crate::handles::TdxTd;
use tdx_core::{
    AddrError, Gpa, ListOfLists, RangeListInfo, ScanControls, ScanCxOut, ScanCxPage, TdxError,
    TdxStatus, abi, seamcall,
};

/// TDH.MEM.SCAN.RANGE (SEAMCALL leaf 92): scan a GPA range of the TD's Secure-EPT trees
/// (DSCAN: write the pages found to GPA lists; or EXPORT_RESTORE).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 92 | status |
/// | RCX | `lists`: the list-of-lists descriptor ([`ListOfLists`]: `gpa_list_info_t`, format 2; [`ListOfLists::NONE`] for EXPORT_RESTORE) | – |
/// | RDX | `td.tdr`: the TD's TDR | – |
/// | R8 | `controls`: the scan controls (`scan_controls_t`) | – |
/// | R9 | `start`: the first GPA (private, 4 KiB aligned) | `next`: the GPA to scan next |
/// | R10 | `size`: the size of the range (a multiple of 4 KiB) | `left`: the size still to scan |
/// | R11 | `next_entry`: the overall index of the next GPA list entry | `next_entry`: after the entries written (DSCAN) |
///
/// R9/R10 come back unchanged if the scan did not start. Statuses: `TDX_OPERAND_INVALID`
/// (RCX format, R8 controls, R9 range start, R10 size, R11 index), `TDX_OP_STATE_INCORRECT`,
/// `TDX_OPERAND_BUSY` (Secure-EPT tree), an interrupted scan; `TDX_RND_NO_ENTROPY` after 10
/// attempts. First module version: 1.5.34. Registers read from intel/tdx-module@9fd3c8b1
/// `src/vmm_dispatcher/migration_api_calls/tdh_mem_scan_range.c`.
///
/// # Safety
///
/// `lists` names shared memory the caller owns (the list of GPA lists and the lists), which
/// the module writes; `td.tdr` is a TD in an export session. See the module docs.
#[seamcall(leaf = abi::TdhMemScanRange, in(rcx = lists, rdx = td.tdr, r8 = controls, r9 = start, r10 = size, r11 = next_entry), out(r9 = next: Result<Gpa, AddrError>, r10 = left: u64, r11 = next_entry: u64))]
pub unsafe fn tdh_mem_scan_range(
    td: &TdxTd<'_>,
    lists: ListOfLists,
    controls: ScanControls,
    start: Gpa,
    size: u64,
    next_entry: u64,
) -> Result<MemScanRange, TdxError>;

/// TDH.MEM.SCAN.COMP (SEAMCALL leaf 93): scan sub-ranges of a range configured by
/// TDH.MEM.SCAN.CONFIG (DCHECK), in a paused export, writing the pages found to GPA lists.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 93 | status |
/// | RCX | `lists`: the list-of-lists descriptor ([`ListOfLists`]: format 2, first entry 0) | – |
/// | RDX | `td.tdr`: the TD's TDR | – |
/// | R8 | `controls`: the scan controls (DCHECK, context ID, range ID, resume) | – |
/// | R11 | `next_entry`: the overall index of the next GPA list entry | `next_entry`: after the entries written |
///
/// Success with information: `TDX_MEM_RANGE_SCAN_SUCCESS` (this range is done),
/// `TDX_MEM_SCAN_SUCCESS` (every range is done). Statuses: `TDX_MEM_SCAN_CONFIG_REQUIRED`,
/// `TDX_MEM_SCAN_FAILED_OTHER_THREAD`, `TDX_MEM_SCAN_ALREADY_SUCCESSFUL`,
/// `TDX_INVALID_RESUMPTION`, `TDX_OP_STATE_INCORRECT`, `TDX_OPERAND_BUSY`,
/// `TDX_OPERAND_INVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 1.5.34.
/// Registers read from intel/tdx-module@e69a4391 (2.0.18)
/// `src/vmm_dispatcher/migration_api_calls/tdh_mem_scan_comp.c` and the 1.5.34 dispatcher
/// (intel/tdx-module@9fd3c8b1).
///
/// # Safety
///
/// As TDH.MEM.SCAN.RANGE: `lists` names shared memory the caller owns, which the module
/// writes. See the module docs.
#[seamcall(leaf = abi::TdhMemScanComp, in(rcx = lists, rdx = td.tdr, r8 = controls, r11 = next_entry), out(r11 = next_entry: u64))]
pub unsafe fn tdh_mem_scan_comp(
    td: &TdxTd<'_>,
    lists: ListOfLists,
    controls: ScanControls,
    next_entry: u64,
) -> Result<MemScanComp, TdxError>;

/// TDH.MEM.SCAN.CONFIG (SEAMCALL leaf 94): configure the GPA ranges of TDH.MEM.SCAN.COMP and
/// hand the module its four control pages.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 94 | status |
/// | RCX | `ranges`: the range list descriptor (`range_list_info_t`: a shared page of range entries and their number) | – |
/// | RDX | `td.tdr`: the TD's TDR | – |
/// | R8 | `cx0`: control page 0 (`NULL_PA` allowed on a reconfiguration) | `cx0`: bit 63 set if not used |
/// | R9 | `cx1`: control page 1 | `cx1` |
/// | R10 | `cx2`: control page 2 | `cx2` |
/// | R11 | `cx3`: control page 3 | `cx3` |
///
/// On a first configuration the control pages become the TD's (PT_TDCX, reclaimed with the
/// TD); on a successful reconfiguration the module keeps the pages it has and returns the
/// inputs with bit 63 set. Statuses: `TDX_OPERAND_INVALID` (RCX: number of ranges, reserved
/// bits; a range list entry), `TDX_OPERAND_BUSY` (scan state), the page checks of R8–R11;
/// `TDX_RND_NO_ENTROPY` after 10 attempts. First module version: 1.5.34. Registers read from
/// intel/tdx-module@9fd3c8b1 `src/vmm_dispatcher/migration_api_calls/tdh_mem_scan_config.c`.
///
/// # Safety
///
/// The range list page is shared memory the caller owns; every control page given is a page
/// the caller owns and hands to the TDX module (flushed from the cache) until the TD is torn
/// down. See the module docs.
#[seamcall(leaf = abi::TdhMemScanConfig, in(rcx = ranges, rdx = td.tdr, r8 = cx0, r9 = cx1, r10 = cx2, r11 = cx3), out(r8 = cx0: ScanCxOut, r9 = cx1: ScanCxOut, r10 = cx2: ScanCxOut, r11 = cx3: ScanCxOut))]
pub unsafe fn tdh_mem_scan_config(
    td: &TdxTd<'_>,
    ranges: RangeListInfo,
    cx0: ScanCxPage,
    cx1: ScanCxPage,
    cx2: ScanCxPage,
    cx3: ScanCxPage,
) -> Result<MemScanConfig, TdxError>;

/// TDH.MEM.SCAN.RESET (SEAMCALL leaf 95): reset the TD's memory-scan state.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 95 | status |
/// | RDX | `td.tdr`: the TD's TDR (RDX, not RCX) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (not supported, or the TDR), `TDX_OPERAND_BUSY`,
/// `TDX_OP_STATE_INCORRECT`; `TDX_RND_NO_ENTROPY` after 10 attempts. First module version:
/// 1.5.34. Registers read from intel/tdx-module@9fd3c8b1
/// `src/vmm_dispatcher/migration_api_calls/tdh_mem_scan_reset.c` and its dispatcher.
///
/// # Safety
///
/// `td.tdr` is a TD of the caller's. See the module docs.
#[seamcall(leaf = abi::TdhMemScanReset, in(rdx = td.tdr))]
pub unsafe fn tdh_mem_scan_reset(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;
