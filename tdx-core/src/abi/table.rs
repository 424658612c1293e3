//! The entries of the ABI table: every SEAMCALL leaf Linux uses (35 TDX-module leaves and the
//! two P-SEAMLDR leaves), every TDCALL leaf (8), every TDG.VP.VMCALL sub-function (11) and the
//! vendor-specific (KVM) hypercall form.
//!
//! Sources (`T:` = torvalds/linux at the commit given):
//!
//! * SEAMCALL numbers: T:arch/x86/virt/vmx/tdx/tdx.h@43db1111; registers:
//!   T:arch/x86/virt/vmx/tdx/tdx.c@0eaed89c (checked against @a4a508df) and
//!   T:arch/x86/kvm/vmx/tdx.c@3829d81b; P-SEAMLDR: T:arch/x86/virt/vmx/tdx/seamldr.c@b2128290.
//! * TDCALL numbers: T:arch/x86/include/asm/shared/tdx.h@702fdf35; registers:
//!   arch/x86/coco/tdx/tdx.c and tdx-shared.c (versions not pinned).
//! * TDG.VP.VMCALL sub-functions: T:arch/x86/include/asm/shared/tdx.h@702fdf35 and
//!   T:arch/x86/include/uapi/asm/vmx.h@089c1347 (the instruction sub-functions are VMX exit
//!   reasons); guest usage: arch/x86/coco/tdx/tdx.c (not pinned); host usage:
//!   T:arch/x86/kvm/vmx/tdx.c@3829d81b.
//!
//! Output registers are what a leaf returns on **success**. The extended error information
//! some leaves return on failure (RCX/RDX of the Secure-EPT leaves, RCX of TDH.MNG.INIT) is in
//! the [`TdxError`](crate::TdxError)'s registers (`err.reg(1)`, `err.reg(2)`), where the
//! catalog (tdx-calls) decodes it.
//!
//! For a TDG.VP.VMCALL sub-function, inputs and outputs are the registers besides RCX (the
//! exposed-register mask), R10 (0: GHCI standard; the TDVMCALL status on return) and R11 (the
//! sub-function), which `#[tdvmcall]` sets itself; R11 is listed as an output where the
//! sub-function returns a value in it.

use crate::SharedGpa;
use crate::outputs::{
    AccessDirection, AccessSize, CacheWbMode, EventNotifyVector, ExitReason, GpaWidth, IoPort,
    KvmHypercallNr, MapGpaTarget, MsrIndex, PamtPageSize, RtmrIndex, TdAttributes, VeInstruction,
};
use crate::packed::PageType;
use crate::page::{Guest, Sept, Tdcs, Tdcx, Tdr, Tdvpr};
use crate::{AcceptGpa, AddrError, FieldId, Gpa, Gva, Hkid, Hpa, KeyedHpa, Page, SeptGpa};

#[allow(unused_imports)] // used by the intra-doc links below
use crate::ModuleArgs;

crate::abi_table! {
    // ================================================================ SEAMCALL
    // Numbers: T:arch/x86/virt/vmx/tdx/tdx.h@43db1111 (52, 53 and 69: patch text only).

    /// TDH.VP.ENTER (leaf 0): enter a vCPU. RCX = the vCPU's TDVPR; every other register
    /// carries the VMM's replies to a TDG.VP.VMCALL exit (R10 status, R11 value, R12.. data).
    ///
    /// Returns, in RAX, the status in bits 63:32 and the VMX exit reason in bits 31:0
    /// ([`ExitReason::from_vp_enter_status`]); RCX = exit qualification, RDX = extended exit
    /// qualification, R8 = exit GPA, R9 = exit interruption information, and on a TDCALL exit
    /// R10 = TDVMCALL type (0 = GHCI, non-zero = vendor hypercall number), R11 =
    /// sub-function, R12..R15, RBX, RDI, RSI, R8, R9, RDX = the registers the TD exposed.
    ///
    /// All 13 registers go in and come back through [`ModuleArgs`] (`regs = …`), as Linux's
    /// `__seamcall_saved_ret`; the types below document the roles.
    pub seamcall TdhVpEnter = 0, version 0, "TDH.VP.ENTER" {
        in {
            rcx: Page<Tdvpr>, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64,
            r12: u64, r13: u64, r14: u64, r15: u64, rbx: u64, rdi: u64, rsi: u64,
        }
        out {
            rcx: u64, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64,
            r12: u64, r13: u64, r14: u64, r15: u64, rbx: u64, rdi: u64, rsi: u64,
        }
    }

    /// TDH.MNG.ADDCX (leaf 1): add a TDCS page to a TD. RCX = the TDCS page, RDX = the TDR.
    pub seamcall TdhMngAddcx = 1, version 0, "TDH.MNG.ADDCX" {
        in { rcx: Page<Tdcs>, rdx: Page<Tdr> }
        out {}
    }

    /// TDH.MEM.PAGE.ADD (leaf 2): add (and, with TDH.MR.EXTEND, measure) a private page before
    /// the TD is finalized. RCX = GPA (bare, no level bits), RDX = TDR, R8 = the target page,
    /// R9 = the source page holding the initial contents (ordinary host memory).
    /// On error RCX/RDX hold the Secure-EPT entry and level/state.
    pub seamcall TdhMemPageAdd = 2, version 0, "TDH.MEM.PAGE.ADD" {
        in { rcx: Gpa, rdx: Page<Tdr>, r8: Page<Guest>, r9: Hpa }
        out {}
    }

    /// TDH.MEM.SEPT.ADD (leaf 3): add a Secure-EPT page. RCX = GPA | level, RDX = TDR,
    /// R8 = the new Secure-EPT page. On error RCX/RDX hold the entry and level/state.
    pub seamcall TdhMemSeptAdd = 3, version 0, "TDH.MEM.SEPT.ADD" {
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Sept> }
        out {}
    }

    /// TDH.VP.ADDCX (leaf 4): add a TDCX page to a vCPU. RCX = the TDCX page, RDX = TDVPR.
    pub seamcall TdhVpAddcx = 4, version 0, "TDH.VP.ADDCX" {
        in { rcx: Page<Tdcx>, rdx: Page<Tdvpr> }
        out {}
    }

    /// TDH.MEM.PAGE.AUG (leaf 6): add a pending private page to a finalized TD.
    /// RCX = GPA | level, RDX = TDR, R8 = the page. On error RCX/RDX hold the entry and
    /// level/state.
    pub seamcall TdhMemPageAug = 6, version 0, "TDH.MEM.PAGE.AUG" {
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Guest> }
        out {}
    }

    /// TDH.MEM.RANGE.BLOCK (leaf 7): block a Secure-EPT range. RCX = GPA | level, RDX = TDR.
    /// On error RCX/RDX hold the entry and level/state.
    pub seamcall TdhMemRangeBlock = 7, version 0, "TDH.MEM.RANGE.BLOCK" {
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out {}
    }

    /// TDH.MNG.KEY.CONFIG (leaf 8): program the TD's key on this package. RCX = TDR.
    pub seamcall TdhMngKeyConfig = 8, version 0, "TDH.MNG.KEY.CONFIG" {
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.MNG.CREATE (leaf 9): create a TD on a TDR page. RCX = TDR, RDX = the private HKID.
    pub seamcall TdhMngCreate = 9, version 0, "TDH.MNG.CREATE" {
        in { rcx: Page<Tdr>, rdx: Hkid }
        out {}
    }

    /// TDH.VP.CREATE (leaf 10): create a vCPU. RCX = the new TDVPR, RDX = the TD's TDR.
    pub seamcall TdhVpCreate = 10, version 0, "TDH.VP.CREATE" {
        in { rcx: Page<Tdvpr>, rdx: Page<Tdr> }
        out {}
    }

    /// TDH.MNG.RD (leaf 11): read a TD-scope metadata field. RCX = TDR, RDX = field ID;
    /// returns the value in R8.
    pub seamcall TdhMngRd = 11, version 0, "TDH.MNG.RD" {
        in { rcx: Page<Tdr>, rdx: FieldId }
        out { r8: u64 }
    }

    /// TDH.MR.EXTEND (leaf 16): extend the TD measurement with a 256-byte chunk.
    /// RCX = GPA of the chunk, RDX = TDR. On error RCX/RDX hold the entry and level/state.
    pub seamcall TdhMrExtend = 16, version 0, "TDH.MR.EXTEND" {
        in { rcx: Gpa, rdx: Page<Tdr> }
        out {}
    }

    /// TDH.MR.FINALIZE (leaf 17): finalize the TD measurement. RCX = TDR.
    pub seamcall TdhMrFinalize = 17, version 0, "TDH.MR.FINALIZE" {
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.VP.FLUSH (leaf 18): flush a vCPU's cached state on this logical processor.
    /// RCX = TDVPR.
    pub seamcall TdhVpFlush = 18, version 0, "TDH.VP.FLUSH" {
        in { rcx: Page<Tdvpr> }
        out {}
    }

    /// TDH.MNG.VPFLUSHDONE (leaf 19): check that every vCPU was flushed. RCX = TDR.
    pub seamcall TdhMngVpflushdone = 19, version 0, "TDH.MNG.VPFLUSHDONE" {
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.MNG.KEY.FREEID (leaf 20): release the TD's HKID. RCX = TDR.
    pub seamcall TdhMngKeyFreeid = 20, version 0, "TDH.MNG.KEY.FREEID" {
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.MNG.INIT (leaf 21): initialize a TD. RCX = TDR, RDX = HPA of `struct td_params`
    /// (1024 bytes, 1024-byte aligned). On error RCX holds extended error information.
    pub seamcall TdhMngInit = 21, version 0, "TDH.MNG.INIT" {
        in { rcx: Page<Tdr>, rdx: Hpa }
        out {}
    }

    /// TDH.VP.INIT (leaf 22, **version 1**: "apicid requires version == 1", RAX = 0x10016):
    /// initialize a vCPU. RCX = TDVPR, RDX = the initial guest RCX, R8 = the x2APIC ID (u32).
    pub seamcall TdhVpInit = 22, version 1, "TDH.VP.INIT" {
        in { rcx: Page<Tdvpr>, rdx: u64, r8: u64 }
        out {}
    }

    /// TDH.PHYMEM.PAGE.RDMD (leaf 24): read a page's PAMT metadata. RCX = the page (aligned);
    /// returns the page type in RCX (Linux reads no other output).
    pub seamcall TdhPhymemPageRdmd = 24, version 0, "TDH.PHYMEM.PAGE.RDMD" {
        in { rcx: Hpa }
        out { rcx: PageType }
    }

    /// TDH.VP.RD (leaf 26): read a vCPU (TDVPS) metadata field. RCX = TDVPR, RDX = field ID;
    /// returns the value in R8.
    pub seamcall TdhVpRd = 26, version 0, "TDH.VP.RD" {
        in { rcx: Page<Tdvpr>, rdx: FieldId }
        out { r8: u64 }
    }

    /// TDH.PHYMEM.PAGE.RECLAIM (leaf 28): take a page back from the TDX module. RCX = the page;
    /// returns RCX = page type, RDX = owner, R8 = page size (TDX-defined formats; the owner's
    /// format is not given by the reference, so it stays a raw `u64`).
    pub seamcall TdhPhymemPageReclaim = 28, version 0, "TDH.PHYMEM.PAGE.RECLAIM" {
        in { rcx: Hpa }
        out { rcx: PageType, rdx: u64, r8: PamtPageSize }
    }

    /// TDH.MEM.PAGE.REMOVE (leaf 29): remove a private page. RCX = GPA | level, RDX = TDR.
    /// On error RCX/RDX hold the entry and level/state.
    pub seamcall TdhMemPageRemove = 29, version 0, "TDH.MEM.PAGE.REMOVE" {
        in { rcx: SeptGpa, rdx: Page<Tdr> }
        out {}
    }

    /// TDH.SYS.KEY.CONFIG (leaf 31): program the global KeyID on this package. No operands.
    pub seamcall TdhSysKeyConfig = 31, version 0, "TDH.SYS.KEY.CONFIG" {
        in {}
        out {}
    }

    /// TDH.SYS.INIT (leaf 33): global initialization. RCX = module attributes (all reserved: 0).
    pub seamcall TdhSysInit = 33, version 0, "TDH.SYS.INIT" {
        in { rcx: u64 }
        out {}
    }

    /// TDH.SYS.RD (leaf 34): read a global metadata field. RDX = field ID (**no** RCX input,
    /// unlike TDH.MNG.RD and TDH.VP.RD); returns the value in R8.
    pub seamcall TdhSysRd = 34, version 0, "TDH.SYS.RD" {
        in { rdx: FieldId }
        out { r8: u64 }
    }

    /// TDH.SYS.LP.INIT (leaf 35): per-logical-processor initialization. No operands.
    pub seamcall TdhSysLpInit = 35, version 0, "TDH.SYS.LP.INIT" {
        in {}
        out {}
    }

    /// TDH.SYS.TDMR.INIT (leaf 36): initialize part of a TDMR. RCX = the TDMR base (1 GiB
    /// aligned); returns in RDX the next address to initialize.
    pub seamcall TdhSysTdmrInit = 36, version 0, "TDH.SYS.TDMR.INIT" {
        in { rcx: Hpa }
        out { rdx: Result<Hpa, AddrError> }
    }

    /// TDH.MEM.TRACK (leaf 38): increment the TD's TLB epoch. RCX = TDR.
    pub seamcall TdhMemTrack = 38, version 0, "TDH.MEM.TRACK" {
        in { rcx: Page<Tdr> }
        out {}
    }

    /// TDH.PHYMEM.CACHE.WB (leaf 40): write back the caches of released HKIDs.
    /// RCX = 0 (start) or 1 (resume after `TDX_INTERRUPTED_RESUMABLE`).
    pub seamcall TdhPhymemCacheWb = 40, version 0, "TDH.PHYMEM.CACHE.WB" {
        in { rcx: CacheWbMode }
        out {}
    }

    /// TDH.PHYMEM.PAGE.WBINVD (leaf 41): write back and invalidate one page's cache lines.
    /// RCX = the HPA with an HKID in the KeyID bits (`mk_keyed_paddr`).
    pub seamcall TdhPhymemPageWbinvd = 41, version 0, "TDH.PHYMEM.PAGE.WBINVD" {
        in { rcx: KeyedHpa }
        out {}
    }

    /// TDH.VP.WR (leaf 43): write a vCPU (TDVPS) metadata field. RCX = TDVPR, RDX = field ID,
    /// R8 = value, R9 = write mask. (Linux reads no output.)
    pub seamcall TdhVpWr = 43, version 0, "TDH.VP.WR" {
        in { rcx: Page<Tdvpr>, rdx: FieldId, r8: u64, r9: u64 }
        out {}
    }

    /// TDH.SYS.CONFIG (leaf 45): configure the TDX module. RCX = HPA of the array of TDMR_INFO
    /// HPAs (512-byte aligned), RDX = number of TDMRs, R8 = the global KeyID.
    ///
    /// A 2026 patch series proposes version 1 of this leaf; it is not mainline, so the table
    /// keeps version 0 (**uncertain**).
    pub seamcall TdhSysConfig = 45, version 0, "TDH.SYS.CONFIG" {
        in { rcx: Hpa, rdx: u64, r8: Hkid }
        out {}
    }

    /// TDH.SYS.SHUTDOWN (leaf 52, **uncertain**: the number was read only in patch diffs,
    /// consistent across revisions): shut the module down for a runtime update. RCX = the
    /// handoff version (TDH.SYS.RD field 0x8900000100000000).
    pub seamcall TdhSysShutdown = 52, version 0, "TDH.SYS.SHUTDOWN" {
        in { rcx: u64 }
        out {}
    }

    /// TDH.SYS.UPDATE (leaf 53, **uncertain**: number read only in patch diffs): finish a
    /// runtime update. No operands.
    pub seamcall TdhSysUpdate = 53, version 0, "TDH.SYS.UPDATE" {
        in {}
        out {}
    }

    /// TDH.SYS.DISABLE (leaf 69, **uncertain**: number read only in patch diffs): disable the
    /// TDX module (destructive). No operands.
    pub seamcall TdhSysDisable = 69, version 0, "TDH.SYS.DISABLE" {
        in {}
        out {}
    }

    // --------------------------------------------------------- P-SEAMLDR (bit 63)
    // T:arch/x86/virt/vmx/tdx/seamldr.c@b2128290.

    /// P-SEAMLDR.INFO (P-SEAMLDR leaf 0x8000000000000000): RCX = physical address of a
    /// `struct seamldr_info` the loader fills in.
    pub seamcall PSeamldrInfo = 0x8000_0000_0000_0000, version 0, "P-SEAMLDR.INFO" {
        in { rcx: Hpa }
        out {}
    }

    /// P-SEAMLDR.INSTALL (P-SEAMLDR leaf 0x8000000000000001): RCX = physical address of a
    /// 4 KiB `struct seamldr_params`.
    pub seamcall PSeamldrInstall = 0x8000_0000_0000_0001, version 0, "P-SEAMLDR.INSTALL" {
        in { rcx: Hpa }
        out {}
    }

    // ================================================================== TDCALL
    // Numbers: T:arch/x86/include/asm/shared/tdx.h@702fdf35.

    /// TDG.VP.VMCALL (leaf 0): the GHCI hypercall at the instruction level. RCX = the mask of
    /// registers exposed to the VMM (Linux: 0xFFCC), R10 = 0 (GHCI standard) or a vendor
    /// hypercall number, R11 = sub-function, R12..R15, RBX, RDI, RSI, R8, R9, RDX = arguments;
    /// returns R10 = TDVMCALL status, R11 = value, and the other exposed registers.
    ///
    /// All registers go through [`ModuleArgs`] (`regs = …`), as Linux's
    /// `__tdcall_saved_ret`. Prefer `#[tdvmcall]` for a GHCI sub-function.
    pub tdcall TdgVpVmcall = 0, version 0, "TDG.VP.VMCALL" {
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
        in { rcx: u64, r10: KvmHypercallNr, r11: u64, r12: u64, r13: u64, r14: u64 }
        out { r10: u64 }
    }

    /// TDG.VP.INFO (leaf 1): the TD execution environment. Returns RCX = GPA width (bits 5:0),
    /// RDX = TD attributes.
    ///
    /// R8..R11 are listed as raw `u64` outputs because the TDX module returns more
    /// information there; the reference does not describe them (Linux reads only RCX and
    /// RDX), so their meaning is **uncertain** here.
    pub tdcall TdgVpInfo = 1, version 0, "TDG.VP.INFO" {
        in {}
        out { rcx: GpaWidth, rdx: TdAttributes, r8: u64, r9: u64, r10: u64, r11: u64 }
    }

    /// TDG.MR.RTMR.EXTEND (leaf 2): extend a runtime measurement register. RCX = GPA of the
    /// extend data, RDX = the RTMR index. The number is mainline; the register usage was read
    /// only in patch text (**uncertain**).
    pub tdcall TdgMrRtmrExtend = 2, version 0, "TDG.MR.RTMR.EXTEND" {
        in { rcx: Gpa, rdx: RtmrIndex }
        out {}
    }

    /// TDG.VP.VEINFO.GET (leaf 3): the information of the pending #VE. Returns RCX = exit
    /// reason, RDX = exit qualification, R8 = guest linear address, R9 = guest physical
    /// address, R10 = instruction length (31:0) and information (63:32).
    pub tdcall TdgVpVeinfoGet = 3, version 0, "TDG.VP.VEINFO.GET" {
        in {}
        out {
            rcx: ExitReason,
            rdx: u64,
            r8: Result<Gva, AddrError>,
            r9: Result<Gpa, AddrError>,
            r10: VeInstruction,
        }
    }

    /// TDG.MR.REPORT (leaf 4): write a TDREPORT. RCX = GPA of the 1024-byte output buffer,
    /// RDX = GPA of the 64-byte REPORTDATA, R8 = report subtype (0).
    pub tdcall TdgMrReport = 4, version 0, "TDG.MR.REPORT" {
        in { rcx: Gpa, rdx: Gpa, r8: u64 }
        out {}
    }

    /// TDG.MEM.PAGE.ACCEPT (leaf 6): accept a pending private page. RCX = GPA | size code.
    pub tdcall TdgMemPageAccept = 6, version 0, "TDG.MEM.PAGE.ACCEPT" {
        in { rcx: AcceptGpa }
        out {}
    }

    /// TDG.VM.RD (leaf 7): read a TD-scope metadata field. RDX = field ID (no RCX input);
    /// returns the value in R8.
    pub tdcall TdgVmRd = 7, version 0, "TDG.VM.RD" {
        in { rdx: FieldId }
        out { r8: u64 }
    }

    /// TDG.VM.WR (leaf 8): write a TD-scope metadata field. RDX = field ID, R8 = value,
    /// R9 = write mask. (Linux reads no output.)
    pub tdcall TdgVmWr = 8, version 0, "TDG.VM.WR" {
        in { rdx: FieldId, r8: u64, r9: u64 }
        out {}
    }

    // ========================================================== TDG.VP.VMCALL
    // Sub-functions: T:arch/x86/include/asm/shared/tdx.h@702fdf35, uapi/asm/vmx.h@089c1347.

    /// Instruction.CPUID (sub-function 10): R12 = leaf (EAX), R13 = sub-leaf (ECX);
    /// returns EAX, EBX, ECX, EDX in R12..R15.
    pub tdvmcall TdvmcallCpuid = 10, version 0, "Instruction.CPUID" {
        in { r12: u64, r13: u64 }
        out { r12: u64, r13: u64, r14: u64, r15: u64 }
    }

    /// Instruction.HLT (sub-function 12): R12 = 1 if interrupts are disabled.
    pub tdvmcall TdvmcallHlt = 12, version 0, "Instruction.HLT" {
        in { r12: u64 }
        out {}
    }

    /// Instruction.IO (sub-function 30): R12 = size (1, 2, 4), R13 = direction (0 in, 1 out),
    /// R14 = port, R15 = value (out); returns the value read in R11 (in).
    pub tdvmcall TdvmcallIo = 30, version 0, "Instruction.IO" {
        in { r12: AccessSize, r13: AccessDirection, r14: IoPort, r15: u64 }
        out { r11: u64 }
    }

    /// Instruction.RDMSR (sub-function 31): R12 = MSR index; returns EDX:EAX in R11.
    pub tdvmcall TdvmcallRdmsr = 31, version 0, "Instruction.RDMSR" {
        in { r12: MsrIndex }
        out { r11: u64 }
    }

    /// Instruction.WRMSR (sub-function 32): R12 = MSR index, R13 = EDX << 32 | EAX.
    pub tdvmcall TdvmcallWrmsr = 32, version 0, "Instruction.WRMSR" {
        in { r12: MsrIndex, r13: u64 }
        out {}
    }

    /// #VE.RequestMMIO (sub-function 48): R12 = size (1, 2, 4, 8), R13 = direction (0 read,
    /// 1 write), R14 = the MMIO address (a shared GPA), R15 = value (write); returns the
    /// value read in R11.
    pub tdvmcall TdvmcallRequestMmio = 48, version 0, "#VE.RequestMMIO" {
        in { r12: AccessSize, r13: AccessDirection, r14: SharedGpa, r15: u64 }
        out { r11: u64 }
    }

    /// GetTdVmCallInfo (sub-function 0x10000): R12 = leaf (0 or 1); returns R11..R14.
    pub tdvmcall TdvmcallGetTdVmCallInfo = 0x10000, version 0, "GetTdVmCallInfo" {
        in { r12: u64 }
        out { r11: u64, r12: u64, r13: u64, r14: u64 }
    }

    /// MapGPA (sub-function 0x10001): convert a GPA range between private and shared.
    /// R12 = start GPA (shared bit set to make it shared), R13 = size in bytes; on RETRY,
    /// R11 = the GPA to resume from (host-supplied: validate it).
    pub tdvmcall TdvmcallMapGpa = 0x10001, version 0, "MapGPA" {
        in { r12: MapGpaTarget, r13: u64 }
        out { r11: u64 }
    }

    /// GetQuote (sub-function 0x10002): R12 = shared GPA of the buffer, R13 = its size.
    /// (Linux passes 0 in R14 and R15, the unused arguments of `_tdx_hypercall`.)
    pub tdvmcall TdvmcallGetQuote = 0x10002, version 0, "GetQuote" {
        in { r12: SharedGpa, r13: u64 }
        out {}
    }

    /// ReportFatalError (sub-function 0x10003): R12 = error code (0 = panic); a 64-byte
    /// message, 8 bytes per register in the GHCI order R14, R15, RBX, RDI, RSI, R8, R9, RDX.
    pub tdvmcall TdvmcallReportFatalError = 0x10003, version 0, "ReportFatalError" {
        in {
            r12: u64, r14: u64, r15: u64, rbx: u64, rdi: u64, rsi: u64, r8: u64, r9: u64,
            rdx: u64,
        }
        out {}
    }

    /// SetupEventNotifyInterrupt (sub-function 0x10004): R12 = the notification vector.
    /// The number is mainline; the register was read only in dev-tree KVM code
    /// (**uncertain**), and the Linux guest code read does not issue it.
    pub tdvmcall TdvmcallSetupEventNotifyInterrupt = 0x10004, version 0, "SetupEventNotifyInterrupt" {
        in { r12: EventNotifyVector }
        out {}
    }
}
