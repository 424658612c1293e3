//! The footprint subjects of the TDX Connect host SEAMCALL leaves (module 2.0) and
//! TDH.MEM.SHARED.SEPT.WR, in catalog order.

use super::*;

// The entry syntax: see `seamcall.rs`. Registers as the catalog's ABI table (read from
// intel/tdx-module@e69a4391, 2.0.18). Linux's path takes `__seamcall_saved_ret` for the leaves
// with a register above R11, the only trampoline that loads them.
subjects! {
    tdh_iommu_setreg(iommu: IommuId, reg_id: IommuRegId, value: u64) => Seamcall {
        catalog host::tdh_iommu_setreg -> TdxStatus;
        floor seamcall(128) [
            inout("rcx") iommu.to_reg() => _, inout("rdx") reg_id.to_reg() => _,
            inout("r8") value => _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(128) { rcx: iommu.to_reg(), rdx: reg_id.to_reg(), r8: value } -> [];
    }

    tdh_iommu_getreg(iommu: u64, reg_id: IommuRegId) => Seamcall {
        catalog host::tdh_iommu_getreg -> host::IommuGetreg { value };
        floor seamcall(129) [
            inout("rcx") iommu => _, inout("rdx") reg_id.to_reg() => _, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(129) { rcx: iommu, rdx: reg_id.to_reg() } -> [r8];
    }

    tdh_spdm_create(iommu: IommuId, spdm_id: u64, spdm_info: Page<Guest>) => Seamcall {
        catalog host::tdh_spdm_create -> TdxStatus;
        floor seamcall(130) [
            inout("rcx") iommu.to_reg() => _, inout("rdx") spdm_id => _,
            inout("r8") spdm_info.to_reg() => _, lateout("r9") _, lateout("r10") _,
            lateout("r11") _,
        ] -> [];
        linux retry __seamcall(130) {
            rcx: iommu.to_reg(), rdx: spdm_id, r8: spdm_info.to_reg(),
        } -> [];
    }

    tdh_spdm_delete(iommu: IommuId, spdm_id: u64) => Seamcall {
        catalog host::tdh_spdm_delete -> host::SpdmDelete { spdm_info };
        floor seamcall(131) [
            inout("rcx") iommu.to_reg() => rcx, inout("rdx") spdm_id => _, lateout("r8") _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(131) { rcx: iommu.to_reg(), rdx: spdm_id } -> [rcx];
    }

    tdh_ide_stream_create(
        iommu: IommuId, spdm_id: u64, stream_cfg: u64, stream_ctrl: u64, rid_assoc1: u64,
        rid_assoc2: u64, addr_assoc1: u64, addr_assoc2: u64, addr_assoc3: u64, exinfo: Page<Guest>,
    ) => Seamcall {
        catalog host::tdh_ide_stream_create -> TdxStatus;
        floor seamcall(132) [
            inout("rcx") iommu.to_reg() => _, inout("rdx") spdm_id => _,
            inout("r8") stream_cfg => _, inout("r9") stream_ctrl => _,
            inout("r10") rid_assoc1 => _, inout("r11") rid_assoc2 => _, in("r12") addr_assoc1,
            in("r13") addr_assoc2, in("r14") addr_assoc3, in("r15") exinfo.to_reg(),
        ] -> [];
        linux retry __seamcall_saved_ret(132) {
            rcx: iommu.to_reg(), rdx: spdm_id, r8: stream_cfg, r9: stream_ctrl, r10: rid_assoc1,
            r11: rid_assoc2, r12: addr_assoc1, r13: addr_assoc2, r14: addr_assoc3,
            r15: exinfo.to_reg(),
        } -> [];
    }

    tdh_ide_stream_block(iommu: IommuId, stream_id: StreamId) => Seamcall {
        catalog host::tdh_ide_stream_block -> TdxStatus;
        floor seamcall(133) [
            inout("rcx") iommu.to_reg() => _, inout("rdx") stream_id.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(133) { rcx: iommu.to_reg(), rdx: stream_id.to_reg() } -> [];
    }

    tdh_ide_stream_delete(iommu: IommuId, stream_id: StreamId) => Seamcall {
        catalog host::tdh_ide_stream_delete -> host::IdeStreamDelete { exinfo };
        floor seamcall(134) [
            inout("rcx") iommu.to_reg() => rcx, inout("rdx") stream_id.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(134) { rcx: iommu.to_reg(), rdx: stream_id.to_reg() } -> [rcx];
    }

    tdh_ide_stream_idekmreq(
        iommu: IommuId, stream_id: StreamId, object_id: IdeKmObject, km_param: IdeKmParam,
        slot_id: u64, message: Hpa,
    ) => Seamcall {
        catalog host::tdh_ide_stream_idekmreq -> TdxStatus;
        floor seamcall(135) [
            inout("rcx") iommu.to_reg() => _, inout("rdx") stream_id.to_reg() => _,
            inout("r8") object_id.to_reg() => _, inout("r9") km_param.to_reg() => _,
            inout("r10") slot_id => _, inout("r11") message.to_reg() => _,
        ] -> [];
        linux retry __seamcall(135) {
            rcx: iommu.to_reg(), rdx: stream_id.to_reg(), r8: object_id.to_reg(),
            r9: km_param.to_reg(), r10: slot_id, r11: message.to_reg(),
        } -> [];
    }

    tdh_ide_stream_idekmrsp(iommu: IommuId, stream_id: StreamId, message: Hpa) => Seamcall {
        catalog host::tdh_ide_stream_idekmrsp -> host::IdeStreamIdekmrsp { payload };
        floor seamcall(136) [
            inout("rcx") iommu.to_reg() => rcx, inout("rdx") stream_id.to_reg() => _,
            inout("r8") message.to_reg() => _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(136) {
            rcx: iommu.to_reg(), rdx: stream_id.to_reg(), r8: message.to_reg(),
        } -> [rcx];
    }

    tdh_devif_create(
        devif_id: DevifId, tdr: Page<Tdr>, devifcs: Page<Guest>, td_buffer: Page<Guest>,
        vmm_buffer: Page<Guest>,
    ) => Seamcall {
        catalog host::tdh_devif_create -> TdxStatus;
        floor seamcall(137) [
            inout("rcx") devif_id.to_reg() => _, inout("rdx") tdr.to_reg() => _,
            inout("r8") devifcs.to_reg() => _, inout("r9") td_buffer.to_reg() => _,
            inout("r10") vmm_buffer.to_reg() => _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(137) {
            rcx: devif_id.to_reg(), rdx: tdr.to_reg(), r8: devifcs.to_reg(),
            r9: td_buffer.to_reg(), r10: vmm_buffer.to_reg(),
        } -> [];
    }

    tdh_devif_remove(function_id: FunctionId) => Seamcall {
        catalog host::tdh_devif_remove -> host::DevifRemove { td_buffer, vmm_buffer, tdr };
        floor seamcall(138) [
            inout("rcx") function_id.to_reg() => rcx, lateout("rdx") rdx, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx, r8];
        linux retry __seamcall_ret(138) { rcx: function_id.to_reg() } -> [rcx, rdx, r8];
    }

    tdh_devif_request(function_id: FunctionId, request: DevifReqIn, out_page: Hpa) => Seamcall {
        catalog host::tdh_devif_request -> host::DevifRequest { request_out };
        floor seamcall(139) [
            inout("rcx") function_id.to_reg() => rcx, inout("rdx") request.to_reg() => _,
            inout("r8") out_page.to_reg() => _, inout("r9") 0u64 => _, lateout("r10") _,
            lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(139) {
            rcx: function_id.to_reg(), rdx: request.to_reg(), r8: out_page.to_reg(),
        } -> [rcx];
    }

    tdh_devif_response(function_id: FunctionId, response: DevifRspIn, out_page: u64) => Seamcall {
        catalog host::tdh_devif_response -> host::DevifResponse { response_out };
        floor seamcall(140) [
            inout("rcx") function_id.to_reg() => rcx, inout("rdx") response.to_reg() => _,
            inout("r8") out_page => _, inout("r9") 0u64 => _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(140) {
            rcx: function_id.to_reg(), rdx: response.to_reg(), r8: out_page,
        } -> [rcx];
    }

    tdh_devif_mt_add(index: DevifmtIdx, page: Page<Guest>) => Seamcall {
        catalog host::tdh_devif_mt_add -> TdxStatus;
        floor seamcall(164) [
            inout("rcx") index.to_reg() => _, inout("rdx") page.to_reg() => _, lateout("r8") _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(164) { rcx: index.to_reg(), rdx: page.to_reg() } -> [];
    }

    tdh_devif_mt_remove(index: DevifmtIdx) => Seamcall {
        catalog host::tdh_devif_mt_remove -> host::DevifMtRemove { page };
        floor seamcall(165) [
            inout("rcx") index.to_reg() => rcx, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(165) { rcx: index.to_reg() } -> [rcx];
    }

    tdh_devif_mt_rd(index: DevifmtIdx) => Seamcall {
        catalog host::tdh_devif_mt_rd -> host::DevifMtRd { entry };
        floor seamcall(166) [
            inout("rcx") index.to_reg() => rcx, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(166) { rcx: index.to_reg() } -> [rcx];
    }

    tdh_dmar_add(
        index: DmarIdx, val1: u64, val2: u64, val3: u64, val4: u64, val5: u64, val6: u64,
        val7: u64, val8: u64,
    ) => Seamcall {
        catalog host::tdh_dmar_add -> TdxStatus;
        floor seamcall(150) [
            inout("rcx") index.to_reg() => _, inout("rdx") val1 => _, inout("r8") val2 => _,
            inout("r9") val3 => _, inout("r10") val4 => _, inout("r11") val5 => _, in("r12") val6,
            in("r13") val7, in("r14") val8,
        ] -> [];
        linux retry __seamcall_saved_ret(150) {
            rcx: index.to_reg(), rdx: val1, r8: val2, r9: val3, r10: val4, r11: val5, r12: val6,
            r13: val7, r14: val8,
        } -> [];
    }

    tdh_dmar_block(index: DmarIdx) => Seamcall {
        catalog host::tdh_dmar_block -> TdxStatus;
        floor seamcall(151) [
            inout("rcx") index.to_reg() => _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(151) { rcx: index.to_reg() } -> [];
    }

    tdh_dmar_read(index: DmarIdx) => Seamcall {
        catalog host::tdh_dmar_read -> host::DmarRead { state, q0, q1, q2, q3, q4, q5, q6, q7 };
        floor seamcall(152) [
            inout("rcx") index.to_reg() => _, lateout("rdx") rdx, lateout("r8") r8,
            lateout("r9") r9, lateout("r10") r10, lateout("r11") r11, lateout("r12") r12,
            lateout("r13") r13, lateout("r14") r14, lateout("r15") r15,
        ] -> [rdx, r8, r9, r10, r11, r12, r13, r14, r15];
        linux retry __seamcall_saved_ret(152) {
            rcx: index.to_reg(),
        } -> [rdx, r8, r9, r10, r11, r12, r13, r14, r15];
    }

    tdh_dmar_remove(index: DmarIdx) => Seamcall {
        catalog host::tdh_dmar_remove -> host::DmarRemove { page };
        floor seamcall(153) [
            inout("rcx") index.to_reg() => rcx, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(153) { rcx: index.to_reg() } -> [rcx];
    }

    tdh_mmio_mt_add(index: MmiomtIdx, page: Page<Guest>) => Seamcall {
        catalog host::tdh_mmio_mt_add -> TdxStatus;
        floor seamcall(154) [
            inout("rcx") index.to_reg() => _, inout("rdx") page.to_reg() => _, lateout("r8") _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(154) { rcx: index.to_reg(), rdx: page.to_reg() } -> [];
    }

    tdh_mmio_mt_set(index: MmiomtIdx, info: MmiomtSetInfo) => Seamcall {
        catalog host::tdh_mmio_mt_set -> TdxStatus;
        floor seamcall(155) [
            inout("rcx") index.to_reg() => _, inout("rdx") info.to_reg() => _, lateout("r8") _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(155) { rcx: index.to_reg(), rdx: info.to_reg() } -> [];
    }

    tdh_mmio_mt_rd(index: MmiomtIdx) => Seamcall {
        catalog host::tdh_mmio_mt_rd -> host::MmioMtRd { q0, q1, q2, q3 };
        floor seamcall(156) [
            inout("rcx") index.to_reg() => rcx, lateout("rdx") rdx, lateout("r8") r8,
            lateout("r9") r9, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx, r8, r9];
        linux retry __seamcall_ret(156) { rcx: index.to_reg() } -> [rcx, rdx, r8, r9];
    }

    tdh_mmio_mt_remove(index: MmiomtIdx) => Seamcall {
        catalog host::tdh_mmio_mt_remove -> host::MmioMtRemove { page_number };
        floor seamcall(157) [
            inout("rcx") index.to_reg() => rcx, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(157) { rcx: index.to_reg() } -> [rcx];
    }

    tdh_mmio_map(gpa: SeptGpa, tdr: Page<Tdr>, mmio: Hpa) => Seamcall {
        catalog host::tdh_mmio_map -> TdxStatus;
        floor seamcall(158) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") tdr.to_reg() => _,
            inout("r8") mmio.to_reg() => _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(158) {
            rcx: gpa.to_reg(), rdx: tdr.to_reg(), r8: mmio.to_reg(),
        } -> [];
    }

    tdh_mmio_block(gpa: SeptGpa, tdr: Page<Tdr>) => Seamcall {
        catalog host::tdh_mmio_block -> TdxStatus;
        floor seamcall(159) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") tdr.to_reg() => _, lateout("r8") _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(159) { rcx: gpa.to_reg(), rdx: tdr.to_reg() } -> [];
    }

    tdh_mmio_unmap(gpa: SeptGpa, tdr: Page<Tdr>) => Seamcall {
        catalog host::tdh_mmio_unmap -> host::MmioUnmap { mmio };
        floor seamcall(160) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") tdr.to_reg() => _, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(160) { rcx: gpa.to_reg(), rdx: tdr.to_reg() } -> [r8];
    }

    tdh_iq_inv_request(
        iommu: IommuId, request_type: u64, subject: u64, wait_q0: u64, wait_q1: u64, wait_q2: u64,
        wait_q3: u64,
    ) => Seamcall {
        catalog host::tdh_iq_inv_request -> host::IqInvRequest { remaining };
        floor seamcall(161) [
            inout("rcx") iommu.to_reg() => rcx, inout("rdx") request_type => _,
            inout("r8") subject => _, inout("r9") wait_q0 => _, inout("r10") wait_q1 => _,
            inout("r11") wait_q2 => _, in("r12") wait_q3,
        ] -> [rcx];
        linux retry __seamcall_saved_ret(161) {
            rcx: iommu.to_reg(), rdx: request_type, r8: subject, r9: wait_q0, r10: wait_q1,
            r11: wait_q2, r12: wait_q3,
        } -> [rcx];
    }

    tdh_iq_inv_process(iommu: IommuId) => Seamcall {
        catalog host::tdh_iq_inv_process -> TdxStatus;
        floor seamcall(162) [
            inout("rcx") iommu.to_reg() => _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(162) { rcx: iommu.to_reg() } -> [];
    }

    tdh_mem_shared_sept_wr(
        gpa_and_level: u64, tdr: Page<Tdr>, l1_entry: u64, l2_entry1: u64, l2_entry2: u64,
        l2_entry3: u64,
    ) => Seamcall {
        catalog host::tdh_mem_shared_sept_wr -> TdxStatus;
        floor seamcall(163 | 1 << 16) [
            inout("rcx") gpa_and_level => _, inout("rdx") tdr.to_reg() => _,
            inout("r8") l1_entry => _, inout("r9") l2_entry1 => _, inout("r10") l2_entry2 => _,
            inout("r11") l2_entry3 => _,
        ] -> [];
        linux retry __seamcall(163 | 1 << 16) {
            rcx: gpa_and_level, rdx: tdr.to_reg(), r8: l1_entry, r9: l2_entry1, r10: l2_entry2,
            r11: l2_entry3,
        } -> [];
    }
}
