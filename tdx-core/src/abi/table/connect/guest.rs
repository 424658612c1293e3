//! The ABI table, TDX Connect (module 2.0): TDCALL: the guest side (TDG.SPDM, TDG.DEVIF, TDG.DMAR, TDG.TDI, TDG.IQ).
//!
//! Registers read and written: the handlers under `src/vmm_dispatcher/api_calls/tdxio/` and
//! `src/td_dispatcher/vm_exits/tdxio/` of intel/tdx-module, read in the index's stored versions
//! (each entry names its commit), with the leaf numbers and dispatcher registers of 2.0.18
//! (intel/tdx-module@e69a4391); checked by `tests/module_abi.rs` against
//! `tests/data/module-abi.json`. No entry is `SafeLeaf`.

use crate::{AcceptGpa, DevifField, DevifReqIn, DevifRspOut, DmarTarget, FunctionId, Gpa, IommuId};

crate::abi_table! {
    list LEAVES;

    /// TDG.SPDM.TPA.SET (leaf 64): bind an SPDM session to this TD (the TPA) with the given binding
    /// info. In: RCX = the IOMMU ID; RDX = the SPDM session ID; R8 = GPA of the TPA binding info
    /// the module copies in (read). Returns no output register. First module version: 2.0.18 (the
    /// handler files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not
    /// read). Source: intel/tdx-module@1666adc4
    /// `src/td_dispatcher/vm_exits/tdxio/tdg_spdm_tpa_set.c` (the index's stored version, 2.0 line
    /// 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub tdcall TdgSpdmTpaSet = 64, version 0, "TDG.SPDM.TPA.SET" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: u64, r8: Gpa }
        out {}
    }

    /// TDG.SPDM.TPA.GET (leaf 65): read back (and release) the binding info of a bound SPDM
    /// session. In: RCX = the IOMMU ID; RDX = the SPDM session ID; R8 = GPA of the page the
    /// session's binding info is copied to (written). Returns no output register. First module
    /// version: 2.0.18 (the handler files are in the index from 2.0.02, intel/tdx-module@be443240,
    /// whose enum was not read). Source: intel/tdx-module@6e66b9d2
    /// `src/td_dispatcher/vm_exits/tdxio/tdg_spdm_tpa_get.c` (the index's stored version, 2.0 line
    /// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub tdcall TdgSpdmTpaGet = 65, version 0, "TDG.SPDM.TPA.GET" {
        since { 0: (2, 0, 18) }
        in { rcx: IommuId, rdx: u64, r8: Gpa }
        out {}
    }

    /// TDG.DEVIF.VALIDATE (leaf 66): check a device interface's device-info hash and mark the
    /// interface valid for this TD. The dispatcher passes the hash in R12, R11, R10, R9, R8, RDX
    /// order (quadwords 0 to 5). In: RCX = the interface's function ID; R12 = the device-info hash
    /// (SHA-384), quadword 0; R11 = the device-info hash (SHA-384), quadword 1; R10 = the
    /// device-info hash (SHA-384), quadword 2; R9 = the device-info hash (SHA-384), quadword 3; R8
    /// = the device-info hash (SHA-384), quadword 4; RDX = the device-info hash (SHA-384), quadword
    /// 5. Returns no output register. First module version: 2.0.18 (the handler files are in the
    /// index from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@6e66b9d2 `src/td_dispatcher/vm_exits/tdxio/tdg_devif_validate.c` (the
    /// index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
    /// passes the same registers).
    pub tdcall TdgDevifValidate = 66, version 0, "TDG.DEVIF.VALIDATE" {
        since { 0: (2, 0, 18) }
        in { rcx: FunctionId, r12: u64, r11: u64, r10: u64, r9: u64, r8: u64, rdx: u64 }
        out {}
    }

    /// TDG.DEVIF.RD (leaf 67): read a field of one of this TD's device interfaces. In: RCX = the
    /// interface's function ID; RDX = `devif_rd_input_t`: the field code (TDISP version); R9 = 0
    /// (reserved). Returns RCX = the field's value. First module version: 2.0.18 (the handler files
    /// are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@6e66b9d2 `src/td_dispatcher/vm_exits/tdxio/tdg_devif_rd.c` (the index's
    /// stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes
    /// the same registers).
    pub tdcall TdgDevifRd = 67, version 0, "TDG.DEVIF.RD" {
        since { 0: (2, 0, 18) }
        in { rcx: FunctionId, rdx: DevifField }
        zero { r9 }
        out { rcx: u64 }
    }

    /// TDG.DEVIF.REQUEST (leaf 68): queue a TDISP request of this TD for its device interface (the
    /// VMM sends it with TDH.DEVIF.REQUEST). In: RCX = the interface's function ID; RDX =
    /// `devif_req_in_t`: the request code (the TD flag and no-FW-update must be 0); R9 = 0
    /// (reserved). Returns no output register. First module version: 2.0.18 (the handler files are
    /// in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@6e66b9d2 `src/td_dispatcher/vm_exits/tdxio/tdg_devif_request.c` (the
    /// index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
    /// passes the same registers).
    pub tdcall TdgDevifRequest = 68, version 0, "TDG.DEVIF.REQUEST" {
        since { 0: (2, 0, 18) }
        in { rcx: FunctionId, rdx: DevifReqIn }
        zero { r9 }
        out {}
    }

    /// TDG.DEVIF.RESPONSE (leaf 69): take the processed TDISP response to this TD's request. In:
    /// RCX = the interface's function ID; RDX = 0, or the GPA (4 KiB aligned) the TDISP response
    /// payload is copied to; R9 = 0 (reserved). Returns RCX = `devif_rsp_out_t`: the response code
    /// and the output length. First module version: 2.0.18 (the handler files are in the index from
    /// 2.0.02, intel/tdx-module@be443240, whose enum was not read). Source:
    /// intel/tdx-module@6e66b9d2 `src/td_dispatcher/vm_exits/tdxio/tdg_devif_response.c` (the
    /// index's stored version, 2.0 line 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
    /// passes the same registers).
    pub tdcall TdgDevifResponse = 69, version 0, "TDG.DEVIF.RESPONSE" {
        since { 0: (2, 0, 18) }
        in { rcx: FunctionId, rdx: u64 }
        zero { r9 }
        out { rcx: DevifRspOut }
    }

    /// TDG.DMAR.ACCEPT (leaf 70): accept the DMA remapping of one of this TD's device interfaces:
    /// its PASID table entry starts translating through the TD's (or an L2 VM's) Secure EPT. R8–R15
    /// are reserved and must be 0: the wrapper zeroes R8–R11, and takes R12–R15 as parameters
    /// because the table zeroes RCX–R11 only. In: RCX = the interface's function ID; RDX =
    /// `dmar_target_t`: the VM index (0 = the TD, 1–3 = an L2 VM) whose Secure EPT the device's DMA
    /// uses; R12 = reserved, must be 0; R13 = reserved, must be 0; R14 = reserved, must be 0; R15 =
    /// reserved, must be 0; R8, R9, R10, R11 = 0 (reserved). Returns no output register. First
    /// module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@6e66b9d2
    /// `src/td_dispatcher/vm_exits/tdxio/tdg_dmar_accept.c` (the index's stored version, 2.0 line
    /// 2.0.16; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub tdcall TdgDmarAccept = 70, version 0, "TDG.DMAR.ACCEPT" {
        since { 0: (2, 0, 18) }
        in { rcx: FunctionId, rdx: DmarTarget, r12: u64, r13: u64, r14: u64, r15: u64 }
        zero { r8, r9, r10, r11 }
        out {}
    }

    /// TDG.TDI.MMIO.ACCEPT (leaf 71): accept an MMIO mapping the VMM made with TDH.MMIO.MAP (the
    /// enum names it TDG_MMIO_ACCEPT_LEAF in a56a9173). On a Secure-EPT mismatch the module exits
    /// to the VMM with an EPT violation instead of returning. In: RCX = the private GPA and level
    /// of the MMIO mapping (MMIO_PENDING); RDX = the MMIO HPA as a TD handle offset
    /// (`hpa_of_handle`). Returns no output register. First module version: 2.0.18 (the handler
    /// files are in the index from 2.0.02, intel/tdx-module@be443240, whose enum was not read).
    /// Source: intel/tdx-module@1666adc4 `src/td_dispatcher/vm_exits/tdxio/tdg_mmio_accept.c` (the
    /// index's stored version, 2.0 line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391,
    /// passes the same registers).
    pub tdcall TdgTdiMmioAccept = 71, version 0, "TDG.TDI.MMIO.ACCEPT" {
        since { 0: (2, 0, 18) }
        in { rcx: AcceptGpa, rdx: u64 }
        out {}
    }

    /// TDG.IQ.INV.REQUEST (leaf 72): ask for an IOTLB invalidation of this TD's devices; on success
    /// the module exits to the VMM (TDX_IOTLB_INV_REQUEST) so it queues the requests. In: RCX = the
    /// number of invalidation descriptors (1 to MAX_TD_INV_DES_COUNT, the last may be a wait
    /// descriptor); RDX = GPA (4 KiB aligned) of the descriptors (read). Returns no output
    /// register. First module version: 2.0.18 (the handler files are in the index from 2.0.02,
    /// intel/tdx-module@be443240, whose enum was not read). Source: intel/tdx-module@1666adc4
    /// `src/td_dispatcher/vm_exits/tdxio/tdg_iq_inv_request.c` (the index's stored version, 2.0
    /// line 2.0.08; the 2.0.18 dispatcher, intel/tdx-module@e69a4391, passes the same registers).
    pub tdcall TdgIqInvRequest = 72, version 0, "TDG.IQ.INV.REQUEST" {
        since { 0: (2, 0, 18) }
        in { rcx: u64, rdx: Gpa }
        out {}
    }
}
