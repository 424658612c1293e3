//! The ABI table: TDH.VP.*: vCPU management and entry.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module; 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 1.5.34 @9fd3c8b1, 2.0.18 @e69a4391), as extracted in
//! `tdx-core/tests/data/module-abi.json`, which `tests/module_abi.rs` checks every entry
//! against. How Linux issues each leaf: torvalds/linux `arch/x86/virt/vmx/tdx/tdx.c@0eaed89c`,
//! `arch/x86/kvm/vmx/tdx.c@3829d81b`.

#[allow(unused_imports)] // used by intra-doc links
use crate::ModuleArgs;
use crate::{FieldId, Page, Tdcx, Tdr, Tdvpr, X2ApicId};

crate::abi_table! {
    list LEAVES;

    /// TDH.VP.ENTER (leaf 0): enter a vCPU. RCX = the vCPU's TDVPR (`vcpu_and_flags_t`: bits
    /// 51:12 the TDVPR, bit 52 `host_recoverability_hint`, bit 53 `resume_l1`); every other
    /// register carries the VMM's replies to a TDG.VP.VMCALL exit (R10 status, R11 value,
    /// R12.. data).
    ///
    /// Returns, in RAX, the status in bits 63:32 and the VMX exit reason in bits 31:0
    /// ([`ExitReason::from_vp_enter_status`](crate::ExitReason::from_vp_enter_status)); RCX = exit qualification, RDX = extended exit
    /// qualification, R8 = exit GPA, R9 = exit interruption information, and on a TDCALL exit
    /// R10 = TDVMCALL type (0 = GHCI, non-zero = vendor hypercall number), R11 =
    /// sub-function, R12..R15, RBX, RDI, RSI, R8, R9, RDX = the registers the TD exposed.
    ///
    /// The module also re-initialises the host's extended state on every TD exit
    /// (`td_vmexit_to_vmm` → `initialize_extended_state`) and writes the host's RBP on
    /// asynchronous exits (always in 1.5.01 and 1.5.05, unless the TD has
    /// `CONFIG_FLAGS.NO_RBP_MOD` from 1.5.06; intel/tdx-module@72d8cffb
    /// `src/td_transitions/td_exit.c` line 390): the `regs = …` expansion saves RBP and
    /// declares every vector and x87 register clobbered.
    ///
    /// `TDX_NON_RECOVERABLE_VCPU`, `TDX_NON_RECOVERABLE_TD` and
    /// `TDX_NON_RECOVERABLE_TD_WRONG_APIC_MODE` have bit 63 set from module 1.5 on: they are
    /// errors (`Err`), whose exit information is in the error's registers.
    ///
    /// All 13 registers go in and come back through [`ModuleArgs`] (`regs = …`), as Linux's
    /// `__seamcall_saved_ret`; the types below document the roles.
    pub seamcall TdhVpEnter = 0, version 0, "TDH.VP.ENTER" {
        since { 0: (1, 0, 0) }
        in {
            rcx: Page<Tdvpr>, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64,
            r12: u64, r13: u64, r14: u64, r15: u64, rbx: u64, rdi: u64, rsi: u64,
        }
        out {
            rcx: u64, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64,
            r12: u64, r13: u64, r14: u64, r15: u64, rbx: u64, rdi: u64, rsi: u64,
        }
    }

    /// TDH.VP.ADDCX (leaf 4): add a TDCX page to a vCPU. RCX = the TDCX page, RDX = TDVPR.
    pub seamcall TdhVpAddcx = 4, version 0, "TDH.VP.ADDCX" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdcx>, rdx: Page<Tdvpr> }
        out {}
        no_info;
    }

    /// TDH.VP.CREATE (leaf 10): create a vCPU. RCX = the new TDVPR, RDX = the TD's TDR.
    pub seamcall TdhVpCreate = 10, version 0, "TDH.VP.CREATE" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdvpr>, rdx: Page<Tdr> }
        out {}
        no_info;
    }

    /// TDH.VP.FLUSH (leaf 18): flush a vCPU's cached state on this logical processor.
    /// RCX = TDVPR.
    pub seamcall TdhVpFlush = 18, version 0, "TDH.VP.FLUSH" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdvpr> }
        out {}
        no_info;
    }

    /// TDH.VP.INIT (leaf 22, **version 1**: "apicid requires version == 1", RAX = 0x10016):
    /// initialize a vCPU. RCX = TDVPR, RDX = the initial guest RCX, R8 = the x2APIC ID
    /// (32 bits: the handler refuses a larger R8 with `TDX_OPERAND_INVALID` on R8,
    /// intel/tdx-module@1666adc4 `tdh_vp_init.c`).
    pub seamcall TdhVpInit = 22, version 1, "TDH.VP.INIT" {
        since { 0: (1, 0, 0), 1: (1, 5, 5) }
        in { rcx: Page<Tdvpr>, rdx: u64, r8: X2ApicId }
        out {}
        no_info;
    }

    /// TDH.VP.RD (leaf 26): read a vCPU (TDVPS) metadata field. RCX = TDVPR, RDX = field ID;
    /// returns the value in R8.
    pub seamcall TdhVpRd = 26, version 0, "TDH.VP.RD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: Page<Tdvpr>, rdx: FieldId }
        out { r8: u64 }
    }

    /// TDH.VP.WR (leaf 43): write a vCPU (TDVPS) metadata field. RCX = TDVPR, RDX = field ID,
    /// R8 = value, R9 = write mask; returns the field's previous value in R8
    /// (intel/tdx-module@72d8cffb `tdh_vp_rd_wr.c` lines 185, 207).
    pub seamcall TdhVpWr = 43, version 0, "TDH.VP.WR" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdvpr>, rdx: FieldId, r8: u64, r9: u64 }
        out { r8: u64 }
    }
    // ---------------------------------------------- version-1 forms
    //
    // A version that returns other registers is its own entry (its own type: one type has
    // one register set), with the same number and spec name and `version 1`.

    /// TDH.VP.RD (leaf 26) **version 1**: read a vCPU (TDVPS) metadata field and the ID of the
    /// next one. RCX = TDVPR, RDX = field ID (null: the first field,
    /// `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT`). Returns RDX = the next field ID
    /// (`MD_FIELD_ID_NA` at the end; also on error), R8 = the value. Source:
    /// intel/tdx-module@72d8cffb `src/vmm_dispatcher/api_calls/tdh_vp_rd_wr.c` (`version > 0`)
    /// and the dispatcher.
    pub seamcall TdhVpRdV1 = 26, version 1, "TDH.VP.RD" {
        since { 0: (1, 0, 0), 1: (1, 5, 1) }
        in { rcx: Page<Tdvpr>, rdx: FieldId }
        out { rdx: u64, r8: u64 }
    }
}
