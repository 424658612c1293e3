//! The entries of the ABI table. Sources: `T:` = torvalds/linux at the commit given.

use crate::packed::PageType;
use crate::page::{Guest, Sept, Tdcs, Tdcx, Tdr, Tdvpr};
use crate::{AcceptGpa, Gpa, SharedGpa};
use crate::{FieldId, Hkid, Hpa, KeyedHpa, ModuleArgs, Page, SeptGpa};

#[allow(unused_imports)]
use ModuleArgs as _;

crate::abi_table! {
    // ---------------------------------------------------------------- SEAMCALL
    // Numbers: T:arch/x86/virt/vmx/tdx/tdx.h@43db1111. Registers:
    // T:arch/x86/virt/vmx/tdx/tdx.c@0eaed89c (checked against @a4a508df).

    /// TDH.MNG.ADDCX (leaf 1): add a TDCS page to a TD. RCX = the TDCS page, RDX = the TDR.
    pub seamcall TdhMngAddcx = 1, version 0, "TDH.MNG.ADDCX" {
        in { rcx: Page<Tdcs>, rdx: Page<Tdr> }
        out {}
    }

    /// TDH.MEM.PAGE.ADD (leaf 2): add and measure a private page before the TD is finalized.
    /// RCX = GPA (bare, 4 KiB), RDX = TDR, R8 = the target page, R9 = the source page.
    /// On error RCX/RDX hold extended error information (in the error's registers).
    pub seamcall TdhMemPageAdd = 2, version 0, "TDH.MEM.PAGE.ADD" {
        in { rcx: Gpa, rdx: Page<Tdr>, r8: Page<Guest>, r9: Hpa }
        out {}
    }

    /// TDH.MEM.SEPT.ADD (leaf 3): add a Secure-EPT page. RCX = GPA | level, RDX = TDR,
    /// R8 = the new Secure-EPT page.
    pub seamcall TdhMemSeptAdd = 3, version 0, "TDH.MEM.SEPT.ADD" {
        in { rcx: SeptGpa, rdx: Page<Tdr>, r8: Page<Sept> }
        out {}
    }

    /// TDH.VP.ADDCX (leaf 4): add a TDCX page to a vCPU. RCX = the TDCX page, RDX = TDVPR.
    pub seamcall TdhVpAddcx = 4, version 0, "TDH.VP.ADDCX" {
        in { rcx: Page<Tdcx>, rdx: Page<Tdvpr> }
        out {}
    }

    /// TDH.MNG.CREATE (leaf 9): create a TD on a TDR page with a private HKID.
    pub seamcall TdhMngCreate = 9, version 0, "TDH.MNG.CREATE" {
        in { rcx: Page<Tdr>, rdx: Hkid }
        out {}
    }

    /// TDH.MNG.RD (leaf 11): read a TD-scope metadata field. R8 = the value (0 on error).
    pub seamcall TdhMngRd = 11, version 0, "TDH.MNG.RD" {
        in { rcx: Page<Tdr>, rdx: FieldId }
        out { r8: u64 }
    }

    /// TDH.VP.INIT (leaf 22, **version 1**: "apicid requires version == 1"): initialize a
    /// vCPU. RCX = TDVPR, RDX = the initial guest RCX, R8 = the x2APIC ID.
    pub seamcall TdhVpInit = 22, version 1, "TDH.VP.INIT" {
        in { rcx: Page<Tdvpr>, rdx: u64, r8: u64 }
        out {}
    }

    /// TDH.PHYMEM.PAGE.RDMD (leaf 24): read a page's metadata. RCX = the page (aligned);
    /// returns the page type in RCX.
    pub seamcall TdhPhymemPageRdmd = 24, version 0, "TDH.PHYMEM.PAGE.RDMD" {
        in { rcx: Hpa }
        out { rcx: PageType }
    }

    /// TDH.PHYMEM.PAGE.RECLAIM (leaf 28): take a page back from the TDX module.
    /// RCX = the page; returns RCX = page type, RDX = owner, R8 = page size (TDX formats).
    pub seamcall TdhPhymemPageReclaim = 28, version 0, "TDH.PHYMEM.PAGE.RECLAIM" {
        in { rcx: Hpa }
        out { rcx: PageType, rdx: u64, r8: u64 }
    }

    /// TDH.SYS.INIT (leaf 33): global initialization. RCX = module attributes (all reserved: 0).
    pub seamcall TdhSysInit = 33, version 0, "TDH.SYS.INIT" {
        in { rcx: u64 }
        out {}
    }

    /// TDH.SYS.RD (leaf 34): read a global metadata field. RDX = field ID (no RCX input).
    pub seamcall TdhSysRd = 34, version 0, "TDH.SYS.RD" {
        in { rdx: FieldId }
        out { r8: u64 }
    }

    /// TDH.SYS.LP.INIT (leaf 35): per-logical-processor initialization. No operands.
    pub seamcall TdhSysLpInit = 35, version 0, "TDH.SYS.LP.INIT" {
        in {}
        out {}
    }

    /// TDH.PHYMEM.PAGE.WBINVD (leaf 41): write back and invalidate one page's cache lines.
    /// RCX = the HPA with the TD's HKID in the KeyID bits (`mk_keyed_paddr`).
    pub seamcall TdhPhymemPageWbinvd = 41, version 0, "TDH.PHYMEM.PAGE.WBINVD" {
        in { rcx: KeyedHpa }
        out {}
    }

    /// TDH.VP.ENTER (leaf 0): enter a vCPU. All 13 registers go in and come back through
    /// [`ModuleArgs`](crate::ModuleArgs) (`regs = …`); RCX = TDVPR.
    pub seamcall TdhVpEnter = 0, version 0, "TDH.VP.ENTER" {
        in {}
        out {}
    }

    // ------------------------------------------------------------------ TDCALL
    // Numbers: T:arch/x86/include/asm/shared/tdx.h@702fdf35. Usage: arch/x86/coco/tdx/tdx.c.

    /// TDG.VP.VMCALL (leaf 0): the GHCI hypercall, all registers through
    /// [`ModuleArgs`](crate::ModuleArgs) (`regs = …`). Prefer `#[tdvmcall]`.
    pub tdcall TdgVpVmcall = 0, version 0, "TDG.VP.VMCALL" {
        in {}
        out {}
    }

    /// TDG.VP.INFO (leaf 1): TD execution environment. RCX bits 5:0 = GPA width,
    /// RDX = TD attributes.
    pub tdcall TdgVpInfo = 1, version 0, "TDG.VP.INFO" {
        in {}
        out { rcx: u64, rdx: u64, r8: u64, r9: u64, r10: u64, r11: u64 }
    }

    /// TDG.MR.REPORT (leaf 4): write a TDREPORT. RCX = GPA of the 1024-byte output buffer,
    /// RDX = GPA of the 64-byte REPORTDATA, R8 = subtype (0).
    pub tdcall TdgMrReport = 4, version 0, "TDG.MR.REPORT" {
        in { rcx: Gpa, rdx: Gpa, r8: u64 }
        out {}
    }

    /// TDG.MEM.PAGE.ACCEPT (leaf 6): accept a pending private page. RCX = GPA | size code.
    pub tdcall TdgMemPageAccept = 6, version 0, "TDG.MEM.PAGE.ACCEPT" {
        in { rcx: AcceptGpa }
        out {}
    }

    /// TDG.VM.RD (leaf 7): read a TD-scope metadata field. RDX = field ID; R8 = value.
    pub tdcall TdgVmRd = 7, version 0, "TDG.VM.RD" {
        in { rdx: FieldId }
        out { r8: u64 }
    }

    // ------------------------------------------------------------ TDG.VP.VMCALL
    // Sub-functions: T:arch/x86/include/asm/shared/tdx.h@702fdf35, arch/x86/coco/tdx/tdx.c.

    /// Instruction.CPUID (sub-function 10): R12 = leaf (EAX), R13 = sub-leaf (ECX);
    /// returns EAX, EBX, ECX, EDX in R12–R15.
    pub tdvmcall TdvmcallCpuid = 10, version 0, "Instruction.CPUID" {
        in { r12: u64, r13: u64 }
        out { r12: u64, r13: u64, r14: u64, r15: u64 }
    }

    /// Instruction.HLT (sub-function 12): R12 = 1 if interrupts are disabled.
    pub tdvmcall TdvmcallHlt = 12, version 0, "Instruction.HLT" {
        in { r12: u64 }
        out {}
    }

    /// Instruction.RDMSR (sub-function 31): R12 = MSR index; returns the value in R11.
    pub tdvmcall TdvmcallRdmsr = 31, version 0, "Instruction.RDMSR" {
        in { r12: u64 }
        out { r11: u64 }
    }

    /// MapGPA (sub-function 0x10001): convert a GPA range between private and shared.
    /// R12 = start GPA (shared bit set to make it shared), R13 = size in bytes; on RETRY,
    /// R11 = the GPA to resume from.
    pub tdvmcall TdvmcallMapGpa = 0x10001, version 0, "MapGPA" {
        in { r12: u64, r13: u64 }
        out { r11: u64 }
    }

    /// GetQuote (sub-function 0x10002): R12 = shared GPA of the buffer, R13 = its size.
    pub tdvmcall TdvmcallGetQuote = 0x10002, version 0, "GetQuote" {
        in { r12: SharedGpa, r13: u64 }
        out {}
    }
}
