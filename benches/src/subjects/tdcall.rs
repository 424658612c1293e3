//! The footprint subjects of the guest TDCALL leaves, in catalog order.

use super::*;

// The entries, in catalog order. Each is
//
//     name(params) => Kind {
//         catalog module::wrapper -> Out { output fields };                (a)
//         floor seamcall|tdcall|tdcall_rbx(RAX[, RBX]) [asm! operands,] -> [outputs]; (b)
//         linux [retry] trampoline(RAX) { struct fields } -> [fields read back];    (c)
//     }
//
// or, for the two `regs = ...` wrappers,
// `name(params; args: &mut ModuleArgs) => Kind { catalog ...; prelude { ... } floor ...; linux ...; }`.
//
// (c) calls `__seamcall` / `__tdcall` when the leaf returns nothing and the `_ret` flavour when it
// does, with `sc_retry` wherever Linux has it (every SEAMCALL but TDH.VP.ENTER and
// TDH.PHYMEM.PAGE.RDMD, as the catalog's own retry policy), and `__tdx_hypercall` for
// TDG.VP.VMCALL sub-functions. Every floor names all of RCX, RDX and R8-R11 (SEAMCALL/TDCALL
// return values there) and, for TDG.VP.VMCALL, every register it exposes to the VMM.
subjects! {
    // ==================================================================== TDCALL (guest)

    tdg_vp_vmcall(; args: &mut ModuleArgs) => TdcallRegs {
        catalog guest::tdg_vp_vmcall;
        prelude {}
        floor tdcall_regs(0);
        linux __tdcall_saved_ret(0);
    }

    tdg_vp_info() => Tdcall {
        catalog guest::tdg_vp_info -> guest::VpInfo { gpa_width, attributes };
        floor tdcall(1) [
            lateout("rcx") rcx, lateout("rdx") rdx,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx];
        linux __tdcall_ret(1) {} -> [rcx, rdx];
    }

    tdg_mr_rtmr_extend(data: Gpa, index: RtmrIndex) => Tdcall {
        catalog guest::tdg_mr_rtmr_extend -> TdxStatus;
        floor tdcall(2) [
            inout("rcx") data.to_reg() => _, inout("rdx") index.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(2) { rcx: data.to_reg(), rdx: index.to_reg() } -> [];
    }

    tdg_vp_veinfo_get() => Tdcall {
        catalog guest::tdg_vp_veinfo_get
            -> guest::VeInfo { exit_reason, exit_qualification, gla, gpa, instruction };
        floor tdcall(3) [
            lateout("rcx") rcx, lateout("rdx") rdx, lateout("r8") r8, lateout("r9") r9,
            lateout("r10") r10, lateout("r11") _, lateout("r12") _,
        ] -> [rcx, rdx, r8, r9, r10];
        // Module 1.5.09 on also writes R12 (the table's `writes`; Linux's `__tdcall_ret`
        // assumes it does not), so (c) takes the trampoline that saves the callee-saved
        // registers.
        linux __tdcall_saved_ret(3) {} -> [rcx, rdx, r8, r9, r10];
    }

    tdg_mr_report(report: Gpa, report_data: Gpa, subtype: u64) => Tdcall {
        catalog guest::tdg_mr_report -> TdxStatus;
        floor tdcall(4) [
            inout("rcx") report.to_reg() => _, inout("rdx") report_data.to_reg() => _,
            inout("r8") subtype => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(4) { rcx: report.to_reg(), rdx: report_data.to_reg(), r8: subtype } -> [];
    }

    tdg_mem_page_accept(gpa: AcceptGpa) => Tdcall {
        catalog guest::tdg_mem_page_accept -> TdxStatus;
        floor tdcall(6) [
            inout("rcx") gpa.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(6) { rcx: gpa.to_reg() } -> [];
    }

    tdg_vm_rd(field: FieldId) => Tdcall {
        catalog guest::tdg_vm_rd -> guest::VmRd { value };
        floor tdcall(7) [
            inout("rcx") 0u64 => _, inout("rdx") field.to_reg() => _, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux __tdcall_ret(7) { rdx: field.to_reg() } -> [r8];
    }

    tdg_vm_wr(field: FieldId, value: u64, mask: u64) => Tdcall {
        catalog guest::tdg_vm_wr -> guest::VmWr { old };
        floor tdcall(8) [
            inout("rcx") 0u64 => _, inout("rdx") field.to_reg() => _, inout("r8") value => r8,
            inout("r9") mask => _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux __tdcall_ret(8) { rdx: field.to_reg(), r8: value, r9: mask } -> [r8];
    }

    // The module-1.5 guest leaves Linux does not issue (the same shapes as above; RCX = 0
    // where the table reserves it).

    tdg_vp_cpuidve_set(setting: CpuidVe) => Tdcall {
        catalog guest::tdg_vp_cpuidve_set -> TdxStatus;
        floor tdcall(5) [
            inout("rcx") setting.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(5) { rcx: setting.to_reg() } -> [];
    }

    tdg_vp_rd(field: FieldId) => Tdcall {
        catalog guest::tdg_vp_rd -> guest::VpRd { next, value };
        floor tdcall(9) [
            inout("rcx") 0u64 => _, inout("rdx") field.to_reg() => rdx, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r8];
        linux __tdcall_ret(9) { rdx: field.to_reg() } -> [rdx, r8];
    }

    tdg_vp_wr(field: FieldId, value: u64, mask: u64) => Tdcall {
        catalog guest::tdg_vp_wr -> guest::VpWr { old };
        floor tdcall(10) [
            inout("rcx") 0u64 => _, inout("rdx") field.to_reg() => _, inout("r8") value => r8,
            inout("r9") mask => _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux __tdcall_ret(10) { rdx: field.to_reg(), r8: value, r9: mask } -> [r8];
    }

    tdg_sys_rd(field: FieldId) => Tdcall {
        catalog guest::tdg_sys_rd -> guest::SysRd { next, value };
        floor tdcall(11) [
            inout("rdx") field.to_reg() => rdx, lateout("r8") r8,
            lateout("rcx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r8];
        linux __tdcall_ret(11) { rdx: field.to_reg() } -> [rdx, r8];
    }

    tdg_sys_rdall(list: Gpa, field: FieldId) => Tdcall {
        catalog guest::tdg_sys_rdall -> guest::SysRdall { next };
        floor tdcall(12) [
            inout("rdx") list.to_reg() => _, inout("r8") field.to_reg() => r8,
            lateout("rcx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux __tdcall_ret(12) { rdx: list.to_reg(), r8: field.to_reg() } -> [r8];
    }

    tdg_servtd_rd(handle: ServtdHandle, field: FieldId, uuid: TdUuid) => Tdcall {
        catalog guest::tdg_servtd_rd -> guest::ServtdRd { next, value, uuid0, uuid1, uuid2, uuid3 };
        floor tdcall(18) [
            inout("rcx") handle.to_reg() => _, inout("rdx") field.to_reg() => rdx,
            lateout("r8") r8, lateout("r9") _,
            inout("r10") uuid.q0 => r10, inout("r11") uuid.q1 => r11,
            inout("r12") uuid.q2 => r12, inout("r13") uuid.q3 => r13,
        ] -> [rdx, r8, r10, r11, r12, r13];
        linux __tdcall_saved_ret(18) {
            rcx: handle.to_reg(), rdx: field.to_reg(),
            r10: uuid.q0, r11: uuid.q1, r12: uuid.q2, r13: uuid.q3,
        } -> [rdx, r8, r10, r11, r12, r13];
    }

    tdg_servtd_wr(handle: ServtdHandle, field: FieldId, value: u64, mask: u64, uuid: TdUuid) => Tdcall {
        catalog guest::tdg_servtd_wr -> guest::ServtdWr { old, uuid0, uuid1, uuid2, uuid3 };
        floor tdcall(20) [
            inout("rcx") handle.to_reg() => _, inout("rdx") field.to_reg() => _,
            inout("r8") value => r8, inout("r9") mask => _,
            inout("r10") uuid.q0 => r10, inout("r11") uuid.q1 => r11,
            inout("r12") uuid.q2 => r12, inout("r13") uuid.q3 => r13,
        ] -> [r8, r10, r11, r12, r13];
        linux __tdcall_saved_ret(20) {
            rcx: handle.to_reg(), rdx: field.to_reg(), r8: value, r9: mask,
            r10: uuid.q0, r11: uuid.q1, r12: uuid.q2, r13: uuid.q3,
        } -> [r8, r10, r11, r12, r13];
    }

    tdg_mr_verifyreport(report_mac: Gpa) => Tdcall {
        catalog guest::tdg_mr_verifyreport -> TdxStatus;
        floor tdcall(22) [
            inout("rcx") report_mac.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(22) { rcx: report_mac.to_reg() } -> [];
    }

    tdg_mem_page_attr_rd(gpa: Gpa) => Tdcall {
        catalog guest::tdg_mem_page_attr_rd -> guest::MemPageAttrRd { mapping, attributes };
        floor tdcall(23) [
            inout("rcx") gpa.to_reg() => rcx, lateout("rdx") rdx,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx];
        linux __tdcall_ret(23) { rcx: gpa.to_reg() } -> [rcx, rdx];
    }

    tdg_mem_page_attr_wr(gpa: AcceptGpa, attributes: GpaAttr, flags: AttrFlags) => Tdcall {
        catalog guest::tdg_mem_page_attr_wr -> guest::MemPageAttrWr { mapping, attributes };
        floor tdcall(24) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") attributes.to_reg() => rdx,
            inout("r8") flags.to_reg() => _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx];
        linux __tdcall_ret(24) {
            rcx: gpa.to_reg(), rdx: attributes.to_reg(), r8: flags.to_reg(),
        } -> [rcx, rdx];
    }

    // R14, R15 and RBX come back clobbered (the L2 VM's values): the floor swaps RBX through a
    // scratch register, (c) takes the trampoline that saves the callee-saved registers.
    tdg_vp_enter(flags: L2EnterFlags, state: Gpa) => Tdcall {
        catalog guest::tdg_vp_enter -> guest::VpEnter {
            exit_qualification, gla, gpa, interruption, idt_vectoring, instruction, exit_info,
            extended_exit_qualification, cs_base, cs,
        };
        floor tdcall_rbx(25, 0u64) [
            inout("rcx") flags.to_reg() => rcx, inout("rdx") state.to_reg() => rdx,
            lateout("r8") r8, lateout("r9") r9, lateout("r10") r10, lateout("r11") r11,
            lateout("r12") r12, lateout("r13") r13, lateout("r14") _, lateout("r15") _,
            lateout("rdi") rdi, lateout("rsi") rsi,
        ] -> [rcx, rdx, r8, r9, r10, r11, r12, r13, rdi, rsi];
        linux __tdcall_saved_ret(25) {
            rcx: flags.to_reg(), rdx: state.to_reg(),
        } -> [rcx, rdx, r8, r9, r10, r11, r12, r13, rdi, rsi];
    }

    tdg_vp_invept(vms: L2VmMask) => Tdcall {
        catalog guest::tdg_vp_invept -> TdxStatus;
        floor tdcall(26) [
            inout("rcx") vms.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux __tdcall(26) { rcx: vms.to_reg() } -> [];
    }

    tdg_vp_invvpid(vm: VmAndFlags, entry_or_list: u64) => Tdcall {
        catalog guest::tdg_vp_invvpid -> guest::VpInvvpid { entry_or_list };
        floor tdcall(27) [
            inout("rcx") vm.to_reg() => _, inout("rdx") entry_or_list => rdx,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx];
        linux __tdcall_ret(27) { rcx: vm.to_reg(), rdx: entry_or_list } -> [rdx];
    }
    tdg_mr_key_get(request: Gpa, key: Gpa, requestor: u64) => Tdcall {
        catalog guest::tdg_mr_key_get -> guest::MrKeyGet { key_bits };
        floor tdcall(29) [
            inout("rcx") request.to_reg() => _, inout("rdx") key.to_reg() => _,
            inout("r8") requestor => _, lateout("r9") r9, lateout("r10") _, lateout("r11") _,
        ] -> [r9];
        linux __tdcall_ret(29) { rcx: request.to_reg(), rdx: key.to_reg(), r8: requestor } -> [r9];
    }

    tdg_vm_rd_v1(field: FieldId) => Tdcall {
        catalog guest::tdg_vm_rd_v1 -> guest::VmRdV1 { next, value };
        floor tdcall(7 | 1 << 16) [
            inout("rcx") 0u64 => _, inout("rdx") field.to_reg() => rdx, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r8];
        linux __tdcall_ret(7 | 1 << 16) { rdx: field.to_reg() } -> [rdx, r8];
    }
}
