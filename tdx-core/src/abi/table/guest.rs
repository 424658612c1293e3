//! The ABI table: TDCALL: TD guest → TDX module.
//!
//! Numbers, versions and registers: the Intel TDX module source
//! (`src/td_dispatcher/tdx_td_dispatcher.c` and `vm_exits/*.c`, intel/tdx-module 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 2.0.18 @e69a4391), checked by `tests/module_abi.rs`; Linux's
//! use: torvalds/linux `arch/x86/coco/tdx/tdx.c`, `arch/x86/include/asm/shared/tdx.h@702fdf35`.

use crate::ExitReason;
use crate::GpaWidth;
use crate::KvmHypercallNr;
#[allow(unused_imports)] // used by intra-doc links
use crate::ModuleArgs;
use crate::RtmrIndex;
use crate::TdAttributes;
use crate::VeInstruction;
use crate::{
    AcceptGpa, AddrError, AttrFlags, CpuidVe, FieldId, Gpa, GpaAttr, Gva, L2EnterFlags, L2VmMask,
    ServtdHandle, TdgCommandsAvailable, VcpuCounts, VcpuIndex, VmAndFlags,
};

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
    /// parameters p1..p4 (KVM maps them to RBX, RCX, RDX, RSI); returns the hypercall's result
    /// in R10 (not a TDVMCALL status). Wrapped with the vendor form of `#[tdvmcall]`
    /// (`vendor = abi::TdgVpVmcallKvm`), which computes the exposed-register mask in RCX.
    pub tdvmcall TdgVpVmcallKvm = 0, version 0, "TDG.VP.VMCALL<KVM hypercall>" {
        in { r10: KvmHypercallNr, r11: u64, r12: u64, r13: u64, r14: u64 }
        out { r10: u64 }
        // SAFETY: the parameters are plain numbers handed to the untrusted VMM; a hypercall
        // whose parameters name memory must name shared memory, which the TD treats as
        // untrusted in any case.
        unsafe impl SafeLeaf;
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
        no_info;
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
        no_info;
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
        no_info;
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
    }

    // ---------------------------------------------- module 1.5 leaves (from the catalog)

    /// TDG.VP.CPUIDVE.SET (leaf 5): set whether CPUID raises #VE unconditionally on this vCPU. RCX
    /// = bit 0 supervisor, bit 1 user. Source: intel/tdx-module@72d8cffb
    /// `src/td_dispatcher/vm_exits/tdg_vp_cpuidve_set.c` and the dispatcher (added with the
    /// catalog's module-1.5 leaves).
    pub tdcall TdgVpCpuidveSet = 5, version 0, "TDG.VP.CPUIDVE.SET" {
        since { 0: (1, 0, 0) }
        in { rcx: CpuidVe }
        out {}
        no_info;
        // SAFETY: RCX is a two-bit setting; no register carries an address.
        unsafe impl SafeLeaf;
    }

    /// TDG.VP.RD (leaf 9): read a field of this vCPU's metadata (TDVPS). RCX = must be 0
    /// (`tdg_vp_rd_wr.c`: "RCX is not zero" → `TDX_OPERAND_INVALID` operand RCX); RDX = the field
    /// ID. Returns RDX = the next field ID (`MD_FIELD_ID_NA` at the end); R8 = the value (0 on
    /// error). Source: intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_rd_wr.c` and
    /// the dispatcher (added with the catalog's module-1.5 leaves).
    pub tdcall TdgVpRd = 9, version 0, "TDG.VP.RD" {
        since { 0: (1, 5, 1) }
        in { rdx: FieldId }
        zero { rcx }
        out { rdx: u64, r8: u64 }
        // SAFETY: RDX is a field ID and RCX is loaded with 0; a read changes no state.
        unsafe impl SafeLeaf;
    }

    /// TDG.VP.WR (leaf 10): write a field of this vCPU's metadata, returning the old value. RCX =
    /// must be 0 (`tdg_vp_rd_wr.c`: "RCX is not zero" → `TDX_OPERAND_INVALID` operand RCX); RDX =
    /// the field ID; R8 = the value; R9 = the bits to write. Returns R8 = the previous value.
    /// Source: intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vp_rd_wr.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub tdcall TdgVpWr = 10, version 0, "TDG.VP.WR" {
        since { 0: (1, 5, 1) }
        in { rdx: FieldId, r8: u64, r9: u64 }
        zero { rcx }
        out { r8: u64 }
    }

    /// TDG.SYS.RD (leaf 11): read a global (TDX module) metadata field from the guest. RDX = the
    /// field ID. Returns RDX = the next field ID; R8 = the value. RCX is not read. Source:
    /// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_sys_rd.c` and the dispatcher
    /// (added with the catalog's module-1.5 leaves).
    pub tdcall TdgSysRd = 11, version 0, "TDG.SYS.RD" {
        since { 0: (1, 5, 1) }
        in { rdx: FieldId }
        out { rdx: u64, r8: u64 }
        // SAFETY: RDX is a field ID; a read of global metadata changes no state.
        unsafe impl SafeLeaf;
    }

    /// TDG.SYS.RDALL (leaf 12): read every global metadata field from `field` on into a metadata
    /// list page. RDX = GPA of the 4 KiB metadata list page (private); R8 = the first field ID.
    /// Returns R8 = the next field ID (`MD_FIELD_ID_NA` when done). Source:
    /// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_sys_rdall.c` and the dispatcher
    /// (added with the catalog's module-1.5 leaves).
    pub tdcall TdgSysRdall = 12, version 0, "TDG.SYS.RDALL" {
        since { 0: (1, 5, 1) }
        in { rdx: Gpa, r8: FieldId }
        out { r8: u64 }
    }

    /// TDG.SERVTD.RD (leaf 18): read a metadata field of a TD this service TD is bound to. RCX =
    /// the binding handle; RDX = the field ID; R10 = the TD_UUID the service TD knows for the
    /// target, bits 63:0 (`target_uuid`); R11 = bits 127:64; R12 = bits 191:128; R13 = bits
    /// 255:192. Returns RDX = the next field ID; R8 = the value; R10 = the target TD's current
    /// TD_UUID, bits 63:0 (changed when the TD was bound before an import); R11 = bits 127:64; R12
    /// = bits 191:128; R13 = bits 255:192. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdg_servtd_rd_wr.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub tdcall TdgServtdRd = 18, version 0, "TDG.SERVTD.RD" {
        since { 0: (1, 5, 1) }
        in {
            rcx: ServtdHandle,
            rdx: FieldId,
            r10: u64,
            r11: u64,
            r12: u64,
            r13: u64,
        }
        out { rdx: u64, r8: u64, r10: u64, r11: u64, r12: u64, r13: u64 }
        // SAFETY: RCX is an opaque handle, RDX a field ID, R10-R13 a UUID; a read changes nothing.
        unsafe impl SafeLeaf;
    }

    /// TDG.SERVTD.WR (leaf 20): write a metadata field of a TD this service TD is bound to. RCX =
    /// the binding handle; RDX = the field ID; R8 = the value; R9 = the bits to write; R10 = the
    /// TD_UUID the service TD knows for the target, bits 63:0 (`target_uuid`); R11 = bits 127:64;
    /// R12 = bits 191:128; R13 = bits 255:192. Returns R8 = the previous value; R10 = the target
    /// TD's current TD_UUID, bits 63:0 (changed when the TD was bound before an import); R11 = bits
    /// 127:64; R12 = bits 191:128; R13 = bits 255:192. RDX is left as it was: the handler it
    /// shares with TDG.SERVTD.RD writes RDX only for a read (lines 83-86, 219-226, 249-252).
    /// Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdg_servtd_rd_wr.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub tdcall TdgServtdWr = 20, version 0, "TDG.SERVTD.WR" {
        since { 0: (1, 5, 1) }
        in {
            rcx: ServtdHandle,
            rdx: FieldId,
            r8: u64,
            r9: u64,
            r10: u64,
            r11: u64,
            r12: u64,
            r13: u64,
        }
        out { r8: u64, r10: u64, r11: u64, r12: u64, r13: u64 }
    }

    /// TDG.MR.VERIFYREPORT (leaf 22): verify the MAC of a REPORTMACSTRUCT made on this platform.
    /// RCX = GPA of the 256-byte REPORTMACSTRUCT (256-byte aligned). Source:
    /// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_mr_verifyreport.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub tdcall TdgMrVerifyreport = 22, version 0, "TDG.MR.VERIFYREPORT" {
        since { 0: (1, 5, 1) }
        in { rcx: Gpa }
        out {}
        no_info;
    }

    /// TDG.MEM.PAGE.ATTR.RD (leaf 23): read the GPA attributes of a private page (TD partitioning).
    /// RCX = the page's GPA (4 KiB aligned). Returns RCX = the GPA and level of the mapping
    /// (`gpa_mapping_and_flags`); RDX = the attributes of every VM. Source:
    /// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_mem_page_attr_rd.c` and the
    /// dispatcher (added with the catalog's module-1.5 leaves).
    pub tdcall TdgMemPageAttrRd = 23, version 0, "TDG.MEM.PAGE.ATTR.RD" {
        since { 0: (1, 5, 1) }
        in { rcx: Gpa }
        out { rcx: u64, rdx: GpaAttr }
        no_info;
    }

    /// TDG.MEM.PAGE.ATTR.WR (leaf 24): write the L2 VMs' GPA attributes of a private page. RCX =
    /// GPA \| level (`page_info_api_input_t`); RDX = the new attributes; R8 = per VM: the mask of
    /// bits to write and INVEPT. Returns RCX = the GPA and level written; RDX = the attributes now
    /// in effect. Source: intel/tdx-module@72d8cffb
    /// `src/td_dispatcher/vm_exits/tdg_mem_page_attr_wr.c` and the dispatcher (added with the
    /// catalog's module-1.5 leaves).
    pub tdcall TdgMemPageAttrWr = 24, version 0, "TDG.MEM.PAGE.ATTR.WR" {
        since { 0: (1, 5, 1) }
        in { rcx: AcceptGpa, rdx: GpaAttr, r8: AttrFlags }
        out { rcx: u64, rdx: GpaAttr }
        no_info;
    }

    /// TDG.VP.ENTER (leaf 25): enter an L2 VM (TD partitioning) and run it until it exits to L1.
    /// RCX = invalidation (1:0) \| L2 VM (53:52); RDX = GPA of the L2 register file
    /// ([`L2EnterGuestState`](crate::L2EnterGuestState), 256-byte aligned, private). Returns RCX =
    /// exit qualification; RDX = guest linear address; R8 = guest physical address; R9 =
    /// interruption information \| error code << 32; R10 = IDT-vectoring information \| error code
    /// << 32; R11 = instruction information \| length << 32; R12 = additional exit information
    /// (CPL); R13 = extended exit qualification; RDI = CS base; RSI = CS selector, attributes and
    /// limit. RBX, R14 and R15 are written with 0 (declared in `err`, not decoded). The outputs are
    /// written at the L2 exit by `td_l2_to_l1_exit_internal` (`src/td_transitions/td_exit.c`); the
    /// L2 VM's own registers go back to the register file (`write_l2_enter_outputs`). Source:
    /// intel/tdx-module@72d8cffb `src/td_transitions/tdg_vp_enter.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub tdcall TdgVpEnter = 25, version 0, "TDG.VP.ENTER" {
        since { 0: (1, 5, 1) }
        in { rcx: L2EnterFlags, rdx: Gpa }
        out {
            rcx: u64,
            rdx: u64,
            r8: u64,
            r9: u64,
            r10: u64,
            r11: u64,
            r12: u64,
            r13: u64,
            rdi: u64,
            rsi: u64,
        }
        err { r14, r15, rbx }
    }

    /// TDG.VP.INVEPT (leaf 26): invalidate the cached EPT translations of L2 VMs. RCX = bit n: VM n
    /// (bit 0 must be 0). Source: intel/tdx-module@72d8cffb
    /// `src/td_dispatcher/vm_exits/tdg_vp_invept.c` and the dispatcher (added with the catalog's
    /// module-1.5 leaves).
    pub tdcall TdgVpInvept = 26, version 0, "TDG.VP.INVEPT" {
        since { 0: (1, 5, 1) }
        in { rcx: L2VmMask }
        out {}
        no_info;
        // SAFETY: RCX is a VM mask; an invalidation only costs the L2 VMs TLB misses.
        unsafe impl SafeLeaf;
    }

    /// TDG.VP.INVVPID (leaf 27): invalidate an L2 VM's cached translations of linear addresses. RCX
    /// = the VM and whether RDX is a list; RDX = a GLA list entry (`gla_list_entry_t`), or a GLA
    /// list descriptor (`gla_list_info_t`) naming a private page. Returns RDX = the list descriptor
    /// updated (first entry advanced) when interrupted. Source: intel/tdx-module@72d8cffb
    /// `src/td_dispatcher/vm_exits/tdg_vp_invvpid.c` and the dispatcher (added with the catalog's
    /// module-1.5 leaves).
    pub tdcall TdgVpInvvpid = 27, version 0, "TDG.VP.INVVPID" {
        since { 0: (1, 5, 1) }
        in { rcx: VmAndFlags, rdx: u64 }
        out { rdx: u64 }
        no_info;
    }
    // ---------------------------------------------- version-1 forms
    //
    // A version that returns other registers is its own entry (its own type: one type has
    // one register set), with the same number and spec name and `version 1`.

    /// TDG.VM.RD (leaf 7) **version 1**: read a TD-scope metadata field and the ID of the next
    /// one, from the guest. RDX = field ID (null: the first field,
    /// `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`); RCX = the VM index, 0 (loaded by every
    /// wrapper). Returns RDX = the next field ID (`MD_FIELD_ID_NA` at the end; also on error),
    /// R8 = the value. The only TDCALL leaf module 1.5.01 accepts above version 0. Source:
    /// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vm_rd_wr.c` (`version > 0`)
    /// and `src/td_dispatcher/tdx_td_dispatcher.c`.
    pub tdcall TdgVmRdV1 = 7, version 1, "TDG.VM.RD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rdx: FieldId }
        zero { rcx }
        out { rdx: u64, r8: u64 }
        // SAFETY: RDX is a field ID and RCX is loaded with 0; a read changes no state.
        unsafe impl SafeLeaf;
    }
    // ---------------------------------------------- module 1.5.34 leaves

    /// TDG.MR.KEY.GET (leaf 29, module 1.5.34 on): derive a sealing key. RCX = GPA of the
    /// TDKEYREQUEST structure (private, aligned); RDX = GPA of the key output buffer (private,
    /// aligned; the module writes the key there); R8 = the requestor info (`requestor_info_t`:
    /// requestor type, the rest reserved). Returns R9 = the key size in bits
    /// (`128 << key_size`). `TDX_MR_KEY_GET_NOT_SUPPORTED` unless the TD has sealing or
    /// hardware keys enabled. Source: intel/tdx-module@9fd3c8b1
    /// `src/td_dispatcher/vm_exits/tdg_mr_key_get.c` (`tdg_mr_key_get(td_key_request_gpa,
    /// key_output_gpa, requestor_info)`, R9 the only register written); the TDCALL dispatcher
    /// passes RCX, RDX, R8 (intel/tdx-module@e69a4391 `src/td_dispatcher/tdx_td_dispatcher.c`).
    pub tdcall TdgMrKeyGet = 29, version 0, "TDG.MR.KEY.GET" {
        since { 0: (1, 5, 34) }
        in { rcx: Gpa, rdx: Gpa, r8: u64 }
        out { r9: u64 }
    }
}
