//! The ABI table, TDX Connect (module 2.0): TDH.DEVIF.*: device interfaces (TDIs) and the DEVIFMT.
//!
//! Registers read and written: the handlers under `src/vmm_dispatcher/api_calls/tdxio/` and
//! `src/td_dispatcher/vm_exits/tdxio/` of intel/tdx-module, read in the index's stored versions
//! (each entry names its commit), with the leaf numbers and dispatcher registers of 2.0.18
//! (intel/tdx-module@e69a4391); checked by `tests/module_abi.rs` against
//! `tests/data/module-abi.json`. No entry is `SafeLeaf`.

use crate::{
    DevifId, DevifReqIn, DevifReqOut, DevifRspIn, DevifRspOut, DevifmtIdx, FunctionId, Guest, Hpa,
    Page, Tdr,
};

crate::abi_table! {
    list LEAVES;

    /// TDH.DEVIF.CREATE (leaf 137): create a device interface (TDI) for a TD, with its DEVIFCS and
    /// TDISP message buffer pages. In: RCX = the device-interface ID (`devif_id_t`: function ID,
    /// IOMMU ID, type); RDX = the owner TD's TDR; R8 = the DEVIFCS root page (4 KiB, becomes
    /// PT_DEVIFCS_R); R9 = the TD's TDISP message buffer page (becomes PT_DEVIFCS_NR); R10 = the
    /// VMM's TDISP message buffer page (becomes PT_DEVIFCS_NR). Returns no output register. First
    /// module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@1666adc4
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_create.c` (the index's stored version, 2.0
    /// line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhDevifCreate = 137, version 0, "TDH.DEVIF.CREATE" {
        since { 0: (2, 0, 18) }
        in { rcx: DevifId, rdx: Page<Tdr>, r8: Page<Guest>, r9: Page<Guest>, r10: Page<Guest> }
        out {}
    }

    /// TDH.DEVIF.REMOVE (leaf 138): remove a device interface; returns its TDISP buffer pages and
    /// the owner TDR. In: RCX = the interface's function ID (`function_id_reg_t`). Returns RCX =
    /// the HPA of the TD's TDISP buffer page; RDX = the HPA of the VMM's TDISP buffer page; R8 =
    /// the HPA of the owner TD's TDR. First module version: 2.0.18 (the handler files are in the
    /// index from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_remove.c` (the
    /// index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
    /// passes the same registers).
    pub seamcall TdhDevifRemove = 138, version 0, "TDH.DEVIF.REMOVE" {
        since { 0: (2, 0, 18) }
        in { rcx: FunctionId }
        out { rcx: u64, rdx: u64, r8: u64 }
    }

    /// TDH.DEVIF.REQUEST (leaf 139): generate the encrypted TDISP request message for a device
    /// interface. In: RCX = the interface's function ID; RDX = the request (`devif_req_in_t`:
    /// request code, TD flag, no-FW-update); R8 = shared HPA (4 KiB aligned) of the page the
    /// encrypted TDISP request is written to; R9 = 0 (reserved). Returns RCX = `devif_req_out_t`:
    /// the message code and the target length. First module version: 2.0.18 (the handler files are
    /// in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@a56a9173 `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_request.c` (the
    /// index's stored version, 2.0 line 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
    /// passes the same registers).
    pub seamcall TdhDevifRequest = 139, version 0, "TDH.DEVIF.REQUEST" {
        since { 0: (2, 0, 18) }
        in { rcx: FunctionId, rdx: DevifReqIn, r8: Hpa }
        zero { r9 }
        out { rcx: DevifReqOut }
    }

    /// TDH.DEVIF.RESPONSE (leaf 140): hand the module a device interface's encrypted TDISP
    /// response, for the VMM or for the TD. In: RCX = the interface's function ID; RDX =
    /// `devif_rsp_in_t`: the 4 KiB page number of the shared page holding the device's encrypted
    /// response, and the TD flag; R8 = 0, or shared HPA (4 KiB aligned) the decrypted VMM response
    /// is copied to (0 when the TD flag is set); R9 = 0 (reserved). Returns RCX =
    /// `devif_rsp_out_t`: the response code and the output length. First module version: 2.0.18
    /// (the handler files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was
    /// not read). Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_response.c` (the index's stored version, 2.0
    /// line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhDevifResponse = 140, version 0, "TDH.DEVIF.RESPONSE" {
        since { 0: (2, 0, 18) }
        in { rcx: FunctionId, rdx: DevifRspIn, r8: u64 }
        zero { r9 }
        out { rcx: DevifRspOut }
    }

    /// TDH.DEVIF.MT.ADD (leaf 164): add a page to the device-interface metadata table (DEVIFMT).
    /// In: RCX = the DEVIFMT index (`devifmt_idx_t`: function ID and level); RDX = the new DEVIFMT
    /// page (4 KiB, becomes PT_DEVIF_MT). Returns no output register. First module version: 2.0.18
    /// (the handler files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was
    /// not read). Source: intel/tdx-module@1666adc4
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_mt_add.c` (the index's stored version, 2.0
    /// line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhDevifMtAdd = 164, version 0, "TDH.DEVIF.MT.ADD" {
        since { 0: (2, 0, 18) }
        in { rcx: DevifmtIdx, rdx: Page<Guest> }
        out {}
    }

    /// TDH.DEVIF.MT.REMOVE (leaf 165): remove an empty DEVIFMT page and return it. In: RCX = the
    /// DEVIFMT index of the entry that points at the page. Returns RCX = the HPA of the removed
    /// DEVIFMT page. First module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_mt_remove.c` (the index's stored version, 2.0
    /// line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhDevifMtRemove = 165, version 0, "TDH.DEVIF.MT.REMOVE" {
        since { 0: (2, 0, 18) }
        in { rcx: DevifmtIdx }
        out { rcx: u64 }
    }

    /// TDH.DEVIF.MT.RD (leaf 166): read a DEVIFMT entry. In: RCX = the DEVIFMT index. Returns RCX =
    /// the DEVIFMT entry. First module version: 2.0.18 (the handler files are in the index from
    /// 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_devif_mt_rd.c` (the
    /// index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
    /// passes the same registers).
    pub seamcall TdhDevifMtRd = 166, version 0, "TDH.DEVIF.MT.RD" {
        since { 0: (2, 0, 18) }
        in { rcx: DevifmtIdx }
        out { rcx: u64 }
    }
}
