//! The ABI table, TDX Connect (module 2.0): TDH.MMIO.*: the MMIO metadata table and MMIO mappings.
//!
//! Registers read and written: the handlers under `src/vmm_dispatcher/api_calls/tdxio/` and
//! `src/td_dispatcher/vm_exits/tdxio/` of intel/tdx-module, read in the index's stored versions
//! (each entry names its commit), with the leaf numbers and dispatcher registers of 2.0.18
//! (intel/tdx-module@e69a4391); checked by `tests/module_abi.rs` against
//! `tests/data/module-abi.json`. No entry is `SafeLeaf`.

use crate::{Guest, Hpa, MmiomtIdx, MmiomtSetInfo, Page, SeptGpa, Tdr};

crate::abi_table! {
    list LEAVES;

    /// TDH.MMIO.MT.ADD (leaf 154): add a page to the MMIO metadata table (MMIOMT). In: RCX = the
    /// MMIOMT index (`mmiomt_idx_t`: MMIO page and level); RDX = the new MMIOMT page (4 KiB,
    /// becomes PT_MMIO_MT). Returns no output register. First module version: 2.0.18 (the handler
    /// files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read).
    /// Source: intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_mt_add.c`
    /// (the index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher,
    /// intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhMmioMtAdd = 154, version 0, "TDH.MMIO.MT.ADD" {
        since { 0: (2, 0, 18) }
        in { rcx: MmiomtIdx, rdx: Page<Guest> }
        out {}
    }

    /// TDH.MMIO.MT.SET (leaf 155): turn an MMIOMT entry into a data entry for a device interface,
    /// or back into a node. In: RCX = the MMIOMT index (level ≤ 2); RDX = `mmiomt_set_info_t`: the
    /// new entry type (QNODE or DATA) and, for DATA, the owning function ID. Returns no output
    /// register. First module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_mt_set.c` (the index's stored version, 2.0 line
    /// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhMmioMtSet = 155, version 0, "TDH.MMIO.MT.SET" {
        since { 0: (2, 0, 18) }
        in { rcx: MmiomtIdx, rdx: MmiomtSetInfo }
        out {}
    }

    /// TDH.MMIO.MT.RD (leaf 156): read an MMIOMT entry. In: RCX = the MMIOMT index. Returns RCX =
    /// entry quadword 0; RDX = entry quadword 1; R8 = entry quadword 2; R9 = entry quadword 3.
    /// First module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_mt_rd.c` (the index's stored version, 2.0 line
    /// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhMmioMtRd = 156, version 0, "TDH.MMIO.MT.RD" {
        since { 0: (2, 0, 18) }
        in { rcx: MmiomtIdx }
        out { rcx: u64, rdx: u64, r8: u64, r9: u64 }
    }

    /// TDH.MMIO.MT.REMOVE (leaf 157): remove an empty MMIOMT page and return it. In: RCX = the
    /// MMIOMT index of the node that points at the page. Returns RCX = the removed page's 4 KiB
    /// page **number** (`page_4k_num`, HKID bits removed: HPA >> 12), not its HPA. First module
    /// version: 2.0.18 (the handler files are in the index from 2.0.02, intel/tdx-module@be443240,
    /// whose enum was not read). Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_mt_remove.c` (the index's stored version, 2.0
    /// line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhMmioMtRemove = 157, version 0, "TDH.MMIO.MT.REMOVE" {
        since { 0: (2, 0, 18) }
        in { rcx: MmiomtIdx }
        out { rcx: u64 }
    }

    /// TDH.MMIO.MAP (leaf 158): map a device interface's MMIO range into a TD's Secure EPT
    /// (MMIO_PENDING until the TD accepts it). RCX and RDX are 0 on success; on a Secure-EPT error
    /// they hold the entry and its level. In: RCX = the private GPA and level (4 KiB to 1 GiB) to
    /// map; RDX = the TD's TDR; R8 = the MMIO HPA (HKID 0, aligned to the level; an MMIOMT data
    /// entry of the TD's interface). Returns no output register. First module version: 2.0.18 (the
    /// handler files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not
    /// read). Source: intel/tdx-module@1666adc4 `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_map.c`
    /// (the index's stored version, 2.0 line 2.0.08; the 2.0.18 dispatcher,
    /// intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhMmioMap = 158, version 0, "TDH.MMIO.MAP" {
        since { 0: (2, 0, 18) }
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Hpa }
        out {}
        err { rcx, rdx }
    }

    /// TDH.MMIO.BLOCK (leaf 159): block an MMIO mapping of a TD (no access until it is unmapped).
    /// RCX and RDX are 0 on success; on a Secure-EPT error they hold the entry and its level. In:
    /// RCX = the GPA and level of the MMIO mapping; RDX = the TD's TDR. Returns no output register.
    /// First module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@1666adc4
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_block.c` (the index's stored version, 2.0 line
    /// 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhMmioBlock = 159, version 0, "TDH.MMIO.BLOCK" {
        since { 0: (2, 0, 18) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out {}
        err { rcx, rdx }
    }

    /// TDH.MMIO.UNMAP (leaf 160): remove a blocked and tracked MMIO mapping from a TD. RCX and RDX
    /// are 0 on success; on a Secure-EPT error they hold the entry and its level. In: RCX = the GPA
    /// and level of the (blocked) MMIO mapping; RDX = the TD's TDR. Returns R8 = the unmapped MMIO
    /// HPA (HKID bits removed). First module version: 2.0.18 (the handler files are in the index
    /// from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@1666adc4 `src/vmm_dispatcher/api_calls/tdxio/tdh_mmio_unmap.c` (the index's
    /// stored version, 2.0 line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes
    /// the same registers).
    pub seamcall TdhMmioUnmap = 160, version 0, "TDH.MMIO.UNMAP" {
        since { 0: (2, 0, 18) }
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out { r8: u64 }
        err { rcx, rdx }
    }
}
