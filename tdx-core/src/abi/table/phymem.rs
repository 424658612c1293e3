//! The ABI table: TDH.PHYMEM.*: physical pages, PAMT and caches.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module; 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 1.5.34 @9fd3c8b1, 2.0.18 @e69a4391), as extracted in
//! `tdx-core/tests/data/module-abi.json`, which `tests/module_abi.rs` checks every entry
//! against. How Linux issues each leaf: torvalds/linux `arch/x86/virt/vmx/tdx/tdx.c@0eaed89c`,
//! `arch/x86/kvm/vmx/tdx.c@3829d81b`.

use crate::CacheWbMode;
use crate::PageType;
use crate::PamtPageSize;
use crate::{AddrError, Guest, Hpa, KeyedHpa, Page, PamtRange};

crate::abi_table! {
    list LEAVES;

    /// TDH.PHYMEM.PAGE.RDMD (leaf 24): read a page's PAMT metadata. RCX = the page (aligned);
    /// returns RCX = page type, RDX = owner (the HPA of the owner TDR), R8 = page size (PAMT
    /// level), R9 = the page's BEPOCH, R10/R11 = 0 (module 1.5.20 on: the PAMT node pages).
    /// Source: intel/tdx-module@72d8cffb `tdh_phymem_page_rdmd.c` lines 93–100.
    pub seamcall TdhPhymemPageRdmd = 24, version 0, "TDH.PHYMEM.PAGE.RDMD" {
        since { 0: (1, 0, 0) }
        in { rcx: Hpa }
        out {
            rcx: PageType, rdx: Result<Hpa, AddrError>, r8: PamtPageSize, r9: u64, r10: u64,
            r11: u64,
        }
        no_info;
    }

    /// TDH.PHYMEM.PAGE.RECLAIM (leaf 28): take a page back from the TDX module. RCX = the page;
    /// returns RCX = page type, RDX = owner: the HPA of the owner TDR (`page_owner_pa`, with
    /// the HKID bits stripped from module 1.5.13), R8 = page size (PAMT level 0/1/2); R9–R11
    /// are reserved (0; from 1.5.20 R9 carries a PAMT hint). Source: intel/tdx-module@72d8cffb
    /// `tdh_phymem_page_reclaim.c` lines 61–66, 108–110.
    pub seamcall TdhPhymemPageReclaim = 28, version 0, "TDH.PHYMEM.PAGE.RECLAIM" {
        since { 0: (1, 0, 0) }
        in { rcx: Hpa }
        out { rcx: PageType, rdx: Result<Hpa, AddrError>, r8: PamtPageSize }
        err { r9, r10, r11 }
        no_info;
    }

    /// TDH.PHYMEM.CACHE.WB (leaf 40): write back the caches of released HKIDs.
    /// RCX = 0 (start) or 1 (resume after `TDX_INTERRUPTED_RESUMABLE`).
    pub seamcall TdhPhymemCacheWb = 40, version 0, "TDH.PHYMEM.CACHE.WB" {
        since { 0: (1, 0, 0) }
        in { rcx: CacheWbMode }
        out {}
    }

    /// TDH.PHYMEM.PAGE.WBINVD (leaf 41): write back and invalidate one page's cache lines.
    /// RCX = the HPA with an HKID in the KeyID bits (`mk_keyed_paddr`).
    pub seamcall TdhPhymemPageWbinvd = 41, version 0, "TDH.PHYMEM.PAGE.WBINVD" {
        since { 0: (1, 0, 0) }
        in { rcx: KeyedHpa }
        out {}
        no_info;
    }

    // ---------------------------------------------- module 1.5 leaves (from the catalog)

    /// TDH.PHYMEM.PAMT.ADD (leaf 58): dynamic PAMT: give the module the two pages that hold the 4
    /// KiB PAMT entries of a 2 MiB range. RCX = the 2 MiB range (HPA \| level 1,
    /// `page_size_api_input_t`); RDX = the first PAMT page (HKID 0, 4 KiB aligned); R8 = the second
    /// PAMT page. Not in Intel's 1.5.01 (72d8cffb): read in the public fork
    /// murrowow/tdx-concurrency@c71d4f6 (its label "TDX Module 1.5.25"; the module reference dates
    /// the leaf to 1.5.20), so **unconfirmed** in Intel's repository. The module refuses the leaf
    /// (`TDX_OPERAND_INVALID`, operand RAX) unless dynamic PAMT is enabled. Source:
    /// murrowow/tdx-concurrency@c71d4f6 `src/vmm_dispatcher/api_calls/tdh_phymem_pamt_add.c` and
    /// the dispatcher (added with the catalog's module-1.5 leaves).
    pub seamcall TdhPhymemPamtAdd = 58, version 0, "TDH.PHYMEM.PAMT.ADD" {
        since { 0: (1, 5, 20) }
        in { rcx: PamtRange, rdx: Page<Guest>, r8: Page<Guest> }
        out {}
    }

    /// TDH.PHYMEM.PAMT.REMOVE (leaf 59): dynamic PAMT: take back the two PAMT pages of a 2 MiB
    /// range whose 4 KiB entries are all free. RCX = the 2 MiB range (HPA \| level 1). Returns RDX
    /// = the HPA of the first PAMT page, the host's again; R8 = the HPA of the second. Not in
    /// Intel's 1.5.01 (72d8cffb): read in the public fork murrowow/tdx-concurrency@c71d4f6 (its
    /// label "TDX Module 1.5.25"; the module reference dates the leaf to 1.5.20), so
    /// **unconfirmed** in Intel's repository. The module refuses the leaf (`TDX_OPERAND_INVALID`,
    /// operand RAX) unless dynamic PAMT is enabled. Source: murrowow/tdx-concurrency@c71d4f6
    /// `src/vmm_dispatcher/api_calls/tdh_phymem_pamt_remove.c` and the dispatcher (added with the
    /// catalog's module-1.5 leaves).
    pub seamcall TdhPhymemPamtRemove = 59, version 0, "TDH.PHYMEM.PAMT.REMOVE" {
        since { 0: (1, 5, 20) }
        in { rcx: PamtRange }
        out { rdx: u64, r8: u64 }
    }
}
