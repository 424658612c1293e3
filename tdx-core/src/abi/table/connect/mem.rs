//! The ABI table, TDX Connect (module 2.0): TDH.MEM.SHARED.SEPT.WR: the shared half of the Secure EPT.
//!
//! Registers read and written: the handlers under `src/vmm_dispatcher/api_calls/tdxio/` and
//! `src/td_dispatcher/vm_exits/tdxio/` of intel/tdx-module, read in the index's stored versions
//! (each entry names its commit), with the leaf numbers and dispatcher registers of 2.0.18
//! (intel/tdx-module@e69a4391); checked by `tests/module_abi.rs` against
//! `tests/data/module-abi.json`. No entry is `SafeLeaf`.

use crate::{Page, Tdr};

crate::abi_table! {
    list LEAVES;

    /// TDH.MEM.SHARED.SEPT.WR (leaf 163): write the Secure-EPT entries that map the shared half of
    /// a TD's GPA space (version 1: the L1 entry and one per L2 VM). RCX and RDX are 0 on success;
    /// on a Secure-EPT error they hold the entry and its level. In: RCX = the shared GPA (shared
    /// bit set) and the level of the entry (`page_info_api_input_t`; the level of the shared bit);
    /// RDX = the TD's TDR; R8 = the new L1 Secure-EPT entry (0: leave it, at version 1); R9 = the
    /// new entry of L2 VM 1 (0: leave it); R10 = the new entry of L2 VM 2 (0: leave it); R11 = the
    /// new entry of L2 VM 3 (0: leave it). Returns no output register. First module version: 2.0.18
    /// (the handler files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was
    /// not read). Source: intel/tdx-module@1666adc4
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_mem_shared_sept_wr.c` (the index's stored version,
    /// 2.0 line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same
    /// registers).
    pub seamcall TdhMemSharedSeptWr = 163, version 1, "TDH.MEM.SHARED.SEPT.WR" {
        since { 0: (2, 0, 18), 1: (2, 0, 18) }
        in { rcx: u64, rdx: Page<Tdr>, r8: u64, r9: u64, r10: u64, r11: u64 }
        out {}
        err { rcx, rdx }
    }
}
