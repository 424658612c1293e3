//! The footprint subjects of the TDX Connect guest TDCALL leaves (module 2.0), in catalog
//! order.

use super::*;

// The entry syntax: see `seamcall.rs`. Registers as the catalog's ABI table (read from
// intel/tdx-module@e69a4391, 2.0.18); RDX carries the last hash quadword of
// TDG.DEVIF.VALIDATE, R12 the first, as the table says.
subjects! {
    tdg_spdm_tpa_set(iommu: IommuId, spdm_id: u64, binding_info: Gpa) => Tdcall {
        catalog guest::tdg_spdm_tpa_set -> TdxStatus;
        floor tdcall(64) [
            inout("rcx") iommu.to_reg() => _, inout("rdx") spdm_id => _,
            inout("r8") binding_info.to_reg() => _, lateout("r9") _, lateout("r10") _,
            lateout("r11") _,
        ] -> [];
        linux __tdcall(64) { rcx: iommu.to_reg(), rdx: spdm_id, r8: binding_info.to_reg() } -> [];
    }

    tdg_spdm_tpa_get(iommu: IommuId, spdm_id: u64, binding_info: Gpa) => Tdcall {
        catalog guest::tdg_spdm_tpa_get -> TdxStatus;
        floor tdcall(65) [
            inout("rcx") iommu.to_reg() => _, inout("rdx") spdm_id => _,
            inout("r8") binding_info.to_reg() => _, lateout("r9") _, lateout("r10") _,
            lateout("r11") _,
        ] -> [];
        linux __tdcall(65) { rcx: iommu.to_reg(), rdx: spdm_id, r8: binding_info.to_reg() } -> [];
    }

    tdg_devif_validate(
        function_id: FunctionId, hash0: u64, hash1: u64, hash2: u64, hash3: u64, hash4: u64,
        hash5: u64,
    ) => Tdcall {
        catalog guest::tdg_devif_validate -> TdxStatus;
        floor tdcall(66) [
            inout("rcx") function_id.to_reg() => _, inout("rdx") hash5 => _,
            inout("r8") hash4 => _, inout("r9") hash3 => _, inout("r10") hash2 => _,
            inout("r11") hash1 => _, in("r12") hash0,
        ] -> [];
        linux __tdcall_saved_ret(66) {
            rcx: function_id.to_reg(), rdx: hash5, r8: hash4, r9: hash3, r10: hash2, r11: hash1,
            r12: hash0,
        } -> [];
    }

    tdg_devif_rd(function_id: FunctionId, field: DevifField) => Tdcall {
        catalog guest::tdg_devif_rd -> guest::DevifRd { value };
        floor tdcall(67) [
            inout("rcx") function_id.to_reg() => rcx, inout("rdx") field.to_reg() => _,
            lateout("r8") _, inout("r9") 0u64 => _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux __tdcall_ret(67) { rcx: function_id.to_reg(), rdx: field.to_reg() } -> [rcx];
    }

    tdg_devif_request(function_id: FunctionId, request: DevifReqIn) => Tdcall {
        catalog guest::tdg_devif_request -> TdxStatus;
        floor tdcall(68) [
            inout("rcx") function_id.to_reg() => _, inout("rdx") request.to_reg() => _,
            lateout("r8") _, inout("r9") 0u64 => _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(68) { rcx: function_id.to_reg(), rdx: request.to_reg() } -> [];
    }

    tdg_devif_response(function_id: FunctionId, target: u64) => Tdcall {
        catalog guest::tdg_devif_response -> guest::DevifResponse { response_out };
        floor tdcall(69) [
            inout("rcx") function_id.to_reg() => rcx, inout("rdx") target => _, lateout("r8") _,
            inout("r9") 0u64 => _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux __tdcall_ret(69) { rcx: function_id.to_reg(), rdx: target } -> [rcx];
    }

    tdg_dmar_accept(
        function_id: FunctionId, target: DmarTarget, reserved12: u64, reserved13: u64,
        reserved14: u64, reserved15: u64,
    ) => Tdcall {
        catalog guest::tdg_dmar_accept -> TdxStatus;
        floor tdcall(70) [
            inout("rcx") function_id.to_reg() => _, inout("rdx") target.to_reg() => _,
            inout("r8") 0u64 => _, inout("r9") 0u64 => _, inout("r10") 0u64 => _,
            inout("r11") 0u64 => _, in("r12") reserved12, in("r13") reserved13,
            in("r14") reserved14, in("r15") reserved15,
        ] -> [];
        linux __tdcall_saved_ret(70) {
            rcx: function_id.to_reg(), rdx: target.to_reg(), r12: reserved12, r13: reserved13,
            r14: reserved14, r15: reserved15,
        } -> [];
    }

    tdg_tdi_mmio_accept(gpa: AcceptGpa, mmio_offset: u64) => Tdcall {
        catalog guest::tdg_tdi_mmio_accept -> TdxStatus;
        floor tdcall(71) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") mmio_offset => _, lateout("r8") _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(71) { rcx: gpa.to_reg(), rdx: mmio_offset } -> [];
    }

    tdg_iq_inv_request(count: u64, descriptors: Gpa) => Tdcall {
        catalog guest::tdg_iq_inv_request -> TdxStatus;
        floor tdcall(72) [
            inout("rcx") count => _, inout("rdx") descriptors.to_reg() => _, lateout("r8") _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(72) { rcx: count, rdx: descriptors.to_reg() } -> [];
    }
}
