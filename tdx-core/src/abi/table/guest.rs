//! The ABI table: TDCALL: TD guest → TDX module.
//!
//! Numbers, versions and registers: the Intel TDX module source
//! (`src/td_dispatcher/tdx_td_dispatcher.c` and `vm_exits/*.c`, intel/tdx-module 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 2.0.18 @e69a4391), checked by `tests/module_abi.rs`; Linux's
//! use: torvalds/linux `arch/x86/coco/tdx/tdx.c`, `arch/x86/include/asm/shared/tdx.h@702fdf35`.

#[allow(unused_imports)] // used by intra-doc links
use crate::ModuleArgs;
use crate::outputs::ExitReason;
use crate::outputs::GpaWidth;
use crate::outputs::KvmHypercallNr;
use crate::outputs::RtmrIndex;
use crate::outputs::TdAttributes;
use crate::outputs::VeInstruction;
use crate::{AcceptGpa, AddrError, FieldId, Gpa, Gva, TdgCommandsAvailable, VcpuCounts, VcpuIndex};

crate::abi_table! {
    list LEAVES;

    /// TDG.VP.VMCALL (leaf 0): the GHCI hypercall at the instruction level. RCX = the mask of
    /// registers exposed to the VMM (Linux: 0xFFCC), R10 = 0 (GHCI standard) or a vendor
    /// hypercall number, R11 = sub-function, R12..R15, RBX, RDI, RSI, R8, R9, RDX = arguments;
    /// returns R10 = TDVMCALL status, R11 = value, and the other exposed registers.
    ///
    /// All registers go through [`ModuleArgs`] (`regs = …`), as Linux's
    /// `__tdcall_saved_ret`. Prefer `#[tdvmcall]` for a GHCI sub-function.
    pub tdcall TdgVpVmcall = 0, version 0, "TDG.VP.VMCALL" {
        since { 0: (1, 0, 0) }
        in {
            rcx: u64, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64,
            r12: u64, r13: u64, r14: u64, r15: u64, rbx: u64, rdi: u64, rsi: u64,
        }
        out {
            rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64,
            r12: u64, r13: u64, r14: u64, r15: u64, rbx: u64, rdi: u64, rsi: u64,
        }
    }

    /// The vendor-specific (KVM) form of TDG.VP.VMCALL (TDCALL leaf 0): R10 = the KVM
    /// hypercall number (non-zero, which is what makes it vendor-specific), R11..R14 = its
    /// parameters p1..p4 (KVM maps them to RBX, RCX, RDX, RSI), RCX = the exposed-register
    /// mask; returns the hypercall's result in R10 (not a TDVMCALL status).
    ///
    /// `#[tdvmcall]` always sets R10 = 0, so this form is a `tdcall` of leaf 0 issued through
    /// [`ModuleArgs`] (`regs = …`).
    pub tdcall TdgVpVmcallKvm = 0, version 0, "TDG.VP.VMCALL<KVM hypercall>" {
        since { 0: (1, 0, 0) }
        in { rcx: u64, r10: KvmHypercallNr, r11: u64, r12: u64, r13: u64, r14: u64 }
        out { r10: u64 }
    }

    /// TDG.VP.INFO (leaf 1): the TD execution environment. Returns RCX = GPA width (bits 5:0),
    /// RDX = TD attributes, R8 = vCPU counts (`td_num_of_vcpus_t`), R9 = this vCPU's index,
    /// R10 = the optional TDCALL leaves available (bit 0: TDG.SYS.RD), R11 = 0 (reserved).
    /// Source: intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_info.c` lines 52–73.
    pub tdcall TdgVpInfo = 1, version 0, "TDG.VP.INFO" {
        since { 0: (1, 0, 0) }
        in {}
        out {
            rcx: GpaWidth, rdx: TdAttributes, r8: VcpuCounts, r9: VcpuIndex,
            r10: TdgCommandsAvailable, r11: u64,
        }
        // SAFETY: no input at all; every output is a plain value.
        unsafe impl SafeLeaf;
    }

    /// TDG.MR.RTMR.EXTEND (leaf 2): extend a runtime measurement register. RCX = GPA of the
    /// extend data, RDX = the RTMR index. Registers confirmed by the module source
    /// (`tdg_mr_rtmr_extend.c`).
    pub tdcall TdgMrRtmrExtend = 2, version 0, "TDG.MR.RTMR.EXTEND" {
        since { 0: (1, 0, 0) }
        in { rcx: Gpa, rdx: RtmrIndex }
        out {}
    }

    /// TDG.VP.VEINFO.GET (leaf 3): the information of the pending #VE. Returns RCX = exit
    /// reason, RDX = exit qualification, R8 = guest linear address, R9 = guest physical
    /// address, R10 = instruction length (31:0) and information (63:32). Version 2 (module
    /// 1.5.09 on, fork labels) also writes R11 = 0 and R12 = the interruptibility state
    /// (`tdg_vp_veinfo_get.c`), so every wrapper takes R12 back.
    pub tdcall TdgVpVeinfoGet = 3, version 0, "TDG.VP.VEINFO.GET" {
        since { 0: (1, 0, 0), 1: (1, 5, 9) }
        in {}
        out {
            rcx: ExitReason,
            rdx: u64,
            r8: Result<Gva, AddrError>,
            r9: Result<Gpa, AddrError>,
            r10: VeInstruction,
        }
        err { r11, r12 }
        // SAFETY: no input at all; the outputs describe the pending #VE.
        unsafe impl SafeLeaf;
    }

    /// TDG.MR.REPORT (leaf 4): write a TDREPORT. RCX = GPA of the 1024-byte output buffer,
    /// RDX = GPA of the 64-byte REPORTDATA, R8 = report subtype (0).
    pub tdcall TdgMrReport = 4, version 0, "TDG.MR.REPORT" {
        since { 0: (1, 0, 0) }
        in { rcx: Gpa, rdx: Gpa, r8: u64 }
        out {}
    }

    /// TDG.MEM.PAGE.ACCEPT (leaf 6): accept a pending private page. RCX = GPA | size code.
    pub tdcall TdgMemPageAccept = 6, version 0, "TDG.MEM.PAGE.ACCEPT" {
        since { 0: (1, 0, 0) }
        in { rcx: AcceptGpa }
        out {}
    }

    /// TDG.VM.RD (leaf 7): read a TD-scope metadata field. RDX = field ID; RCX = the VM index
    /// (`vm_id`), which must be 0 for the TD itself (`tdg_vm_rd_wr.c`: "if (vm_id != 0)" →
    /// `TDX_OPERAND_INVALID` operand RCX), so every wrapper loads 0; returns the value in R8
    /// (and, at version 1, the next field ID in RDX).
    pub tdcall TdgVmRd = 7, version 0, "TDG.VM.RD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rdx: FieldId }
        zero { rcx }
        out { r8: u64 }
        err { rdx }
        // SAFETY: RDX is a field ID and RCX is loaded with 0; a read changes no state.
        unsafe impl SafeLeaf;
    }

    /// TDG.VM.WR (leaf 8): write a TD-scope metadata field. RDX = field ID, R8 = value,
    /// R9 = write mask; RCX = the VM index, which must be 0 (as for TDG.VM.RD), so every
    /// wrapper loads 0; returns the field's previous value in R8 (`tdg_vm_rd_wr.c` lines 101,
    /// 122).
    pub tdcall TdgVmWr = 8, version 0, "TDG.VM.WR" {
        since { 0: (1, 0, 0) }
        in { rdx: FieldId, r8: u64, r9: u64 }
        zero { rcx }
        out { r8: u64 }
        err { rdx }
    }
}
