//! The footprint subjects of the TDG.VP.VMCALL sub-functions and the vendor hypercall, in
//! catalog order.

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
    // ========================================================= TDG.VP.VMCALL (guest → VMM)
    // The floor exposes what the macro exposes (the bound registers, R10, R11 and the
    // outputs; output-only registers go in as zero, so nothing leaks to the VMM) and returns
    // (TDCALL status, [R10, outputs]). The Linux path exposes 0xFFCC, as `__tdx_hypercall`.

    tdvmcall_cpuid(leaf: u64, subleaf: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_cpuid -> vmcall::Cpuid { eax, ebx, ecx, edx };
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 10u64 => _,
            inout("r12") leaf => r12, inout("r13") subleaf => r13,
            inout("r14") 0u64 => r14, inout("r15") 0u64 => r15,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r12, r13, r14, r15];
        linux hypercall(10) { r12: leaf, r13: subleaf } -> [r10, r12, r13, r14, r15];
    }

    tdvmcall_hlt(irq_disabled: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_hlt -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x1c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 12u64 => _,
            inout("r12") irq_disabled => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(12) { r12: irq_disabled } -> [r10];
    }

    tdvmcall_io(size: AccessSize, direction: AccessDirection, port: IoPort, value: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_io -> vmcall::Io { value };
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 30u64 => r11,
            inout("r12") size.to_reg() => _, inout("r13") direction.to_reg() => _,
            inout("r14") port.to_reg() => _, inout("r15") value => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(30) {
            r12: size.to_reg(), r13: direction.to_reg(), r14: port.to_reg(), r15: value,
        } -> [r10, r11];
    }

    tdvmcall_rdmsr(msr: MsrIndex) => Tdvmcall {
        catalog vmcall::tdvmcall_rdmsr -> vmcall::Rdmsr { value };
        floor tdcall(0) [
            inout("rcx") 0x1c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 31u64 => r11,
            inout("r12") msr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(31) { r12: msr.to_reg() } -> [r10, r11];
    }

    tdvmcall_wrmsr(msr: MsrIndex, value: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_wrmsr -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x3c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 32u64 => _,
            inout("r12") msr.to_reg() => _, inout("r13") value => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(32) { r12: msr.to_reg(), r13: value } -> [r10];
    }

    tdvmcall_request_mmio(size: AccessSize, direction: AccessDirection, addr: SharedGpa, value: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_request_mmio -> vmcall::Mmio { value };
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 48u64 => r11,
            inout("r12") size.to_reg() => _, inout("r13") direction.to_reg() => _,
            inout("r14") addr.to_reg() => _, inout("r15") value => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(48) {
            r12: size.to_reg(), r13: direction.to_reg(), r14: addr.to_reg(), r15: value,
        } -> [r10, r11];
    }

    tdvmcall_wbinvd(op: CacheOp) => Tdvmcall {
        catalog vmcall::tdvmcall_wbinvd -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x1c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 54u64 => _,
            inout("r12") op.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(54) { r12: op.to_reg() } -> [r10];
    }

    tdvmcall_pconfig(leaf: PconfigLeaf, rbx: u64, rcx: u64, rdx: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_pconfig -> vmcall::Pconfig { rax };
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 65u64 => r11,
            inout("r12") leaf.to_reg() => _, inout("r13") rbx => _,
            inout("r14") rcx => _, inout("r15") rdx => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(65) { r12: leaf.to_reg(), r13: rbx, r14: rcx, r15: rdx } -> [r10, r11];
    }

    tdvmcall_get_td_vm_call_info(leaf: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_get_td_vm_call_info -> vmcall::TdVmCallInfo { r11, r12, r13, r14 };
        floor tdcall(0) [
            inout("rcx") 0x7c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10000u64 => r11,
            inout("r12") leaf => r12, inout("r13") 0u64 => r13, inout("r14") 0u64 => r14,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11, r12, r13, r14];
        linux hypercall(0x10000) { r12: leaf } -> [r10, r11, r12, r13, r14];
    }

    tdvmcall_map_gpa(start: MapGpaTarget, size: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_map_gpa -> vmcall::MapGpa { resume };
        floor tdcall(0) [
            inout("rcx") 0x3c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10001u64 => r11,
            inout("r12") start.to_reg() => _, inout("r13") size => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10, r11];
        linux hypercall(0x10001) { r12: start.to_reg(), r13: size } -> [r10, r11];
    }

    tdvmcall_get_quote(buffer: SharedGpa, size: u64) => Tdvmcall {
        catalog vmcall::tdvmcall_get_quote -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x3c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10002u64 => _,
            inout("r12") buffer.to_reg() => _, inout("r13") size => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(0x10002) { r12: buffer.to_reg(), r13: size } -> [r10];
    }

    tdvmcall_report_fatal_error(code: u64, message: &FatalErrorMessage) => Tdvmcall {
        catalog vmcall::tdvmcall_report_fatal_error -> TdvmcallStatus;
        floor tdcall_rbx(0, message.rbx) [
            inout("rcx") 0xdfccu64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10003u64 => _,
            inout("r12") code => _, inout("r14") message.r14 => _, inout("r15") message.r15 => _,
            inout("rdi") message.rdi => _, inout("rsi") message.rsi => _,
            inout("r8") message.r8 => _, inout("r9") message.r9 => _,
            inout("rdx") message.rdx => _,
        ] -> [r10];
        linux hypercall(0x10003) {
            r12: code, r14: message.r14, r15: message.r15, rbx: message.rbx, rdi: message.rdi,
            rsi: message.rsi, r8: message.r8, r9: message.r9, rdx: message.rdx,
        } -> [r10];
    }

    tdvmcall_setup_event_notify_interrupt(vector: EventNotifyVector) => Tdvmcall {
        catalog vmcall::tdvmcall_setup_event_notify_interrupt -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0x1c00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10004u64 => _,
            inout("r12") vector.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(0x10004) { r12: vector.to_reg() } -> [r10];
    }

    tdvmcall_service(command: SharedGpa, response: SharedGpa, notify: ServiceNotify, timeout: ServiceTimeout) => Tdvmcall {
        catalog vmcall::tdvmcall_service -> TdvmcallStatus;
        floor tdcall(0) [
            inout("rcx") 0xfc00u64 => _, inout("r10") 0u64 => r10, inout("r11") 0x10005u64 => _,
            inout("r12") command.to_reg() => _, inout("r13") response.to_reg() => _,
            inout("r14") notify.to_reg() => _, inout("r15") timeout.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux hypercall(0x10005) {
            r12: command.to_reg(), r13: response.to_reg(), r14: notify.to_reg(),
            r15: timeout.to_reg(),
        } -> [r10];
    }

    // The vendor (KVM) hypercall: R10 = the hypercall number, its result comes back in R10.
    tdvmcall_kvm_hypercall(nr: KvmHypercallNr, p1: u64, p2: u64, p3: u64, p4: u64) => Vendor {
        catalog vmcall::tdvmcall_kvm_hypercall -> vmcall::KvmHypercall { ret };
        floor tdcall(0) [
            inout("rcx") 0x7c00u64 => _, inout("r10") nr.to_reg() => r10, inout("r11") p1 => _,
            inout("r12") p2 => _, inout("r13") p3 => _, inout("r14") p4 => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _,
        ] -> [r10];
        linux vendor_hypercall(0) { r10: nr.to_reg(), r11: p1, r12: p2, r13: p3, r14: p4 } -> [r10];
    }
}
