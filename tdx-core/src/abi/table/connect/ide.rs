//! The ABI table, TDX Connect (module 2.0): TDH.IDE.STREAM.*: IDE streams and their keys.
//!
//! Registers read and written: the handlers under `src/vmm_dispatcher/api_calls/tdxio/` and
//! `src/td_dispatcher/vm_exits/tdxio/` of intel/tdx-module, read in the index's stored versions
//! (each entry names its commit), with the leaf numbers and dispatcher registers of 2.0.18
//! (intel/tdx-module@e69a4391); checked by `tests/module_abi.rs` against
//! `tests/data/module-abi.json`. No entry is `SafeLeaf`.

use crate::{Guest, Hpa, IdeKmObject, IdeKmParam, IommuId, Page, StreamId};

crate::abi_table! {
    list LEAVES;

    /// TDH.IDE.STREAM.CREATE (leaf 132): create and configure an IDE stream of a root port, with
    /// its extended-info page. In: RCX = the IOMMU ID; RDX = the SPDM session ID (bound); R8 = the
    /// stream configuration (`ide_stream_cfg_reg_t`); R9 = the IDE stream control register
    /// (`ide_stream_ctrl_reg_t`); R10 = RID association register 1; R11 = RID association register
    /// 2; R12 = address association register 1; R13 = address association register 2; R14 = address
    /// association register 3; R15 = the stream's extended-info page (4 KiB, HKID 0, becomes
    /// PT_IOMMU_MT). Returns no output register. First module version: 2.0.18 (the handler files
    /// are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@6e66b9d2 `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_create.c` (the
    /// index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
    /// passes the same registers).
    pub seamcall TdhIdeStreamCreate = 132, version 0, "TDH.IDE.STREAM.CREATE" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64, r12: u64, r13: u64, r14: u64, r15: Page<Guest> }
        out {}
    }

    /// TDH.IDE.STREAM.BLOCK (leaf 133): disable an IDE stream and mark it blocked. In: RCX = the
    /// IOMMU ID; RDX = the stream ID (`stream_id_reg_t`). Returns no output register. First module
    /// version: 2.0.18 (the handler files are in the index from 2.0.02, intel/tdx-module@be443240,
    /// whose enum was not read). Source: intel/tdx-module@a56a9173
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_block.c` (the index's stored version, 2.0
    /// line 2.0.x; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhIdeStreamBlock = 133, version 0, "TDH.IDE.STREAM.BLOCK" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: StreamId }
        out {}
    }

    /// TDH.IDE.STREAM.DELETE (leaf 134): delete a blocked IDE stream and return its extended-info
    /// page. In: RCX = the IOMMU ID; RDX = the stream ID (blocked). Returns RCX = the HPA of the
    /// stream's extended-info page, the host's again. First module version: 2.0.18 (the handler
    /// files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read).
    /// Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_delete.c` (the index's stored version,
    /// 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same
    /// registers).
    pub seamcall TdhIdeStreamDelete = 134, version 0, "TDH.IDE.STREAM.DELETE" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: StreamId }
        out { rcx: u64 }
    }

    /// TDH.IDE.STREAM.IDEKMREQ (leaf 135): generate an encrypted IDE_KM request message for the
    /// device (key programming, key-set go/stop). In: RCX = the IOMMU ID; RDX = the stream ID; R8 =
    /// the IDE_KM object (KEY_PROG, K_SET_GO, K_SET_STOP); R9 = the IDE_KM parameters
    /// (`ide_km_param_reg_t`: direction, key set, sub-stream); R10 = the key slot (KEY_PROG only,
    /// else 0); R11 = shared HPA (4 KiB aligned) of the page the request message is written to.
    /// Returns no output register. First module version: 2.0.18 (the handler files are in the index
    /// from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@1666adc4 `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_idekmreq.c`
    /// (the index's stored version, 2.0 line 2.0.08; the 2.0.18 dispatcher,
    /// intel/tdx-module@e69a4391, passes the same registers).
    pub seamcall TdhIdeStreamIdekmreq = 135, version 0, "TDH.IDE.STREAM.IDEKMREQ" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: StreamId, r8: IdeKmObject, r9: IdeKmParam, r10: u64, r11: Hpa }
        out {}
    }

    /// TDH.IDE.STREAM.IDEKMRSP (leaf 136): hand the module the device's IDE_KM response: decrypt,
    /// check and apply it. In: RCX = the IOMMU ID; RDX = the stream ID; R8 = shared HPA (4 KiB
    /// aligned) of the device's encrypted IDE_KM response. Returns RCX = the first 8 bytes of the
    /// decrypted response payload (from its protocol ID). First module version: 2.0.18 (the handler
    /// files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read).
    /// Source: intel/tdx-module@6e66b9d2
    /// `src/vmm_dispatcher/api_calls/tdxio/tdh_ide_stream_idekmrsp.c` (the index's stored version,
    /// 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same
    /// registers).
    pub seamcall TdhIdeStreamIdekmrsp = 136, version 0, "TDH.IDE.STREAM.IDEKMRSP" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: StreamId, r8: Hpa }
        out { rcx: u64 }
    }
}
