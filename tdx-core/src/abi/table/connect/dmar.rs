//! The ABI table, TDX Connect (module 2.0): TDH.DMAR.*: DMA-remapping tables.
//!
//! Registers read and written: the handlers under `src/vmm_dispatcher/api_calls/tdxio/` and
//! `src/td_dispatcher/vm_exits/tdxio/` of intel/tdx-module, read in the index's stored versions
//! (each entry names its commit), with the leaf numbers and dispatcher registers of 2.0.18
//! (intel/tdx-module@e69a4391); checked by `tests/module_abi.rs` against
//! `tests/data/module-abi.json`. No entry is `SafeLeaf`.

use crate::{DmarIdx, DmarStateInfo};

crate::abi_table! {
    list LEAVES;

    /// TDH.DMAR.ADD (leaf 150): add a DMA-remapping table entry (root, context, PASID directory or
    /// PASID table entry). In: RCX = the DMAR index (`dmar_idx_t`: IOMMU ID, RID, PASID, level);
    /// RDX = DMAR entry quadword 0 (those past the level's entry size must be 0); R8 = DMAR entry
    /// quadword 1 (those past the level's entry size must be 0); R9 = DMAR entry quadword 2 (those
    /// past the level's entry size must be 0); R10 = DMAR entry quadword 3 (those past the level's
    /// entry size must be 0); R11 = DMAR entry quadword 4 (those past the level's entry size must
    /// be 0); R12 = DMAR entry quadword 5 (those past the level's entry size must be 0); R13 = DMAR
    /// entry quadword 6 (those past the level's entry size must be 0); R14 = DMAR entry quadword 7
    /// (those past the level's entry size must be 0). Returns no output register. First module
    /// version: 2.0.18 (the handler files are in the index from 2.0.02, intel/tdx-module@be443240,
    /// whose enum was not read). Source: intel/tdx-module@1666adc4
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_dmar_add.c` (the index's stored version, 2.0 line
    /// 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhDmarAdd = 150, version 0, "TDH.DMAR.ADD" {
        since { 0: (2, 0, 18) }
        in { rcx: DmarIdx, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64, r12: u64, r13: u64, r14: u64 }
        out {}
    }

    /// TDH.DMAR.BLOCK (leaf 151): block a DMAR entry (its invalidation becomes pending). In: RCX =
    /// the DMAR index. Returns no output register. First module version: 2.0.18 (the handler files
    /// are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@a56a9173 `src/vmm_dispatcher/api_calls/tdxio/tdh_dmar_block.c` (the index's
    /// stored version, 2.0 line 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
    /// same registers).
    pub seamcall TdhDmarBlock = 151, version 0, "TDH.DMAR.BLOCK" {
        since { 0: (2, 0, 18) }
        in { rcx: DmarIdx }
        out {}
    }

    /// TDH.DMAR.READ (leaf 152): read a DMAR entry and its state; only the quadwords of the entry's
    /// level are written (root and PASID directory entries: R8 only; context entries: R8–R11; PASID
    /// table entries: R8–R15), the others come back as the wrapper left them. In: RCX = the DMAR
    /// index. Returns RDX = the entry's state (`dmar_state_info_t`); R8 = entry quadword 0; R9 =
    /// quadword 1 (context and PASID table entries); R10 = quadword 2 (context and PASID table
    /// entries); R11 = quadword 3 (context and PASID table entries); R12 = quadword 4 (PASID table
    /// entry); R13 = quadword 5 (PASID table entry); R14 = quadword 6 (PASID table entry); R15 =
    /// quadword 7 (PASID table entry). First module version: 2.0.18 (the handler files are in the
    /// index from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@a56a9173 `src/vmm_dispatcher/api_calls/tdxio/tdh_dmar_read.c` (the index's
    /// stored version, 2.0 line 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the
    /// same registers). `dmar_arc_read` in `src/common/tdxio/dmar.c` (stored version) writes RDX
    /// and R8–R15.
    pub seamcall TdhDmarRead = 152, version 0, "TDH.DMAR.READ" {
        since { 0: (2, 0, 18) }
        in { rcx: DmarIdx }
        out { rdx: DmarStateInfo, r8: u64, r9: u64, r10: u64, r11: u64, r12: u64, r13: u64, r14: u64, r15: u64 }
    }

    /// TDH.DMAR.REMOVE (leaf 153): remove a blocked DMAR entry and return the table page it pointed
    /// to. In: RCX = the DMAR index (blocked, invalidation done). Returns RCX = the HPA of the
    /// freed table page (root, context and PASID directory entries; not written for a PASID table
    /// entry). First module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_dmar_remove.c` (the index's stored version, 2.0 line
    /// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers). the
    /// removed page is written by `dmar_rte_remove`/`dmar_cte_remove`/`dmar_pde_remove` in
    /// `src/common/tdxio/dmar.c` (stored version).
    pub seamcall TdhDmarRemove = 153, version 0, "TDH.DMAR.REMOVE" {
        since { 0: (2, 0, 18) }
        in { rcx: DmarIdx }
        out { rcx: u64 }
    }
}
