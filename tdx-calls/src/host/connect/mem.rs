//! The shared half of the Secure EPT (TDH.MEM.SHARED.SEPT.WR): module 2.0's TDX Connect leaves (first module version 2.0.18).
//!
//! Registers: the ABI table ([`tdx_core::abi`], `table/connect/`), read in intel/tdx-module's
//! `src/vmm_dispatcher/api_calls/tdxio/` handlers; every wrapper is an `unsafe fn` (see the
//! module docs of [`crate::host`]).

use tdx_core::{Page, Tdr, TdxError, TdxStatus, abi, seamcall};

/// TDH.MEM.SHARED.SEPT.WR (SEAMCALL leaf 163): write the Secure-EPT entries that map the shared
/// half of a TD's GPA space (version 1: the L1 entry and one per L2 VM). RCX and RDX are 0 on
/// success; on a Secure-EPT error they hold the entry and its level.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 65699 (version 1) | status |
/// | RCX | `gpa_and_level`: the shared GPA (shared bit set) and the level of the entry (`page_info_api_input_t`; the level of the shared bit) | – |
/// | RDX | `tdr`: the TD's TDR | – |
/// | R8 | `l1_entry`: the new L1 Secure-EPT entry (0: leave it, at version 1) | – |
/// | R9 | `l2_entry1`: the new entry of L2 VM 1 (0: leave it) | – |
/// | R10 | `l2_entry2`: the new entry of L2 VM 2 (0: leave it) | – |
/// | R11 | `l2_entry3`: the new entry of L2 VM 3 (0: leave it) | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RAX for version > 1, RCX), `TDX_EPT_WALK_FAILED`,
/// `TDX_L2_SEPT_WALK_FAILED`, `TDX_OPERAND_BUSY`, the TDR and OP-state checks; `TDX_RND_NO_ENTROPY`
/// after 10 attempts (SEAMCALL). First module version: 2.0.18 (TDX Connect). Registers read from
/// intel/tdx-module@1666adc4 `src/vmm_dispatcher/api_calls/tdxio/tdh_mem_shared_sept_wr.c` (the
/// index's stored version, 2.0 line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
/// passes the same registers).
///
/// # Safety
///
/// The entries are written as given: they decide which host memory the TD's shared GPAs reach, so
/// they must map memory the host means to share with the TD. See the module docs.
#[seamcall(leaf = abi::TdhMemSharedSeptWr, in(rcx = gpa_and_level, rdx = tdr, r8 = l1_entry, r9 = l2_entry1, r10 = l2_entry2, r11 = l2_entry3))]
pub unsafe fn tdh_mem_shared_sept_wr(
    gpa_and_level: u64,
    tdr: Page<Tdr>,
    l1_entry: u64,
    l2_entry1: u64,
    l2_entry2: u64,
    l2_entry3: u64,
) -> Result<TdxStatus, TdxError>;
