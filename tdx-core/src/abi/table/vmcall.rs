//! The ABI table: TDG.VP.VMCALL sub-functions (GHCI): TD guest → host VMM.
//!
//! The module defines no TDG.VP.VMCALL sub-function: these are the GHCI's, as Linux and QEMU
//! use them (torvalds/linux `arch/x86/include/asm/shared/tdx.h@702fdf35`,
//! `arch/x86/include/uapi/asm/vmx.h@089c1347` for the instruction sub-functions, which are VMX
//! exit reasons; qemu/qemu@efa742b2 `target/i386/kvm/tdx.h`).
//!
//! Inputs and outputs are the registers besides RCX (the exposed-register mask), R10 (0: GHCI
//! standard; the TDVMCALL status on return) and R11 (the sub-function), which `#[tdvmcall]`
//! sets itself; R11 is listed as an output where the sub-function returns a value in it.

use crate::AccessDirection;
use crate::AccessSize;
use crate::CacheOp;
use crate::EventNotifyVector;
use crate::IoPort;
use crate::MapGpaTarget;
use crate::MsrIndex;
use crate::PconfigLeaf;
use crate::ServiceNotify;
use crate::ServiceTimeout;
use crate::SharedGpa;

crate::abi_table! {
    list LEAVES;

    /// Instruction.CPUID (sub-function 10): R12 = leaf (EAX), R13 = sub-leaf (ECX);
    /// returns EAX, EBX, ECX, EDX in R12..R15.
    pub tdvmcall TdvmcallCpuid = 10, version 0, "Instruction.CPUID" {
        in { r12: u64, r13: u64 }
        out { r12: u64, r13: u64, r14: u64, r15: u64 }
        // SAFETY: R12/R13 are a CPUID leaf and sub-leaf, plain values the VMM emulates.
        unsafe impl SafeLeaf;
    }

    /// Instruction.HLT (sub-function 12): R12 = 1 if interrupts are disabled.
    pub tdvmcall TdvmcallHlt = 12, version 0, "Instruction.HLT" {
        in { r12: u64 }
        out {}
        // SAFETY: R12 is a flag; the VMM halts the vCPU.
        unsafe impl SafeLeaf;
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
        // SAFETY: R12 is an MSR index; the VMM returns a value.
        unsafe impl SafeLeaf;
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

    /// Instruction.WBINVD (sub-function 54, `EXIT_REASON_WBINVD`): R12 = 0 for WBINVD, 1 for
    /// WBNOINVD. Number and register: intel/tdx-guest@4a2f8dbc `src/tdvmcall.rs`
    /// (`TdVmcallNum::Wbinvd = 0x36`, `perform_cache_operation`), torvalds/linux
    /// `arch/x86/include/uapi/asm/vmx.h@089c1347` (`EXIT_REASON_WBINVD 54`).
    pub tdvmcall TdvmcallWbinvd = 54, version 0, "Instruction.WBINVD" {
        in { r12: CacheOp }
        out {}
        // SAFETY: R12 selects a cache operation; no register names memory.
        unsafe impl SafeLeaf;
    }

    /// Instruction.PCONFIG (sub-function 65, `EXIT_REASON_PCONFIG`): R12 = the PCONFIG leaf
    /// (EAX), R13..R15 = RBX, RCX, RDX; the instruction's RAX back in R11. The number: the
    /// module's exit-reason enum (intel/tdx-module `VMEXIT_REASON_PCONFIG = 65`, commit not
    /// pinned) and `TDVMCALL_PCONFIG 0x00041` in EDK2-derived TdxLib headers and an older
    /// tdx-guest `src/tdvmcall.rs` (repositories not identified by the search); Linux's
    /// `vmx.h` has no `EXIT_REASON_PCONFIG`. The registers were not found in any public code
    /// that issues it (**uncertain**).
    pub tdvmcall TdvmcallPconfig = 65, version 0, "Instruction.PCONFIG" {
        in { r12: PconfigLeaf, r13: u64, r14: u64, r15: u64 }
        out { r11: u64 }
    }

    /// GetTdVmCallInfo (sub-function 0x10000): R12 = leaf (0 or 1); returns R11..R14.
    pub tdvmcall TdvmcallGetTdVmCallInfo = 0x10000, version 0, "GetTdVmCallInfo" {
        in { r12: u64 }
        out { r11: u64, r12: u64, r13: u64, r14: u64 }
        // SAFETY: R12 is a leaf number; the VMM returns plain values.
        unsafe impl SafeLeaf;
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
        // SAFETY: every register is an error code or message bytes, copied to the VMM by value.
        unsafe impl SafeLeaf;
    }

    /// SetupEventNotifyInterrupt (sub-function 0x10004): R12 = the notification vector.
    /// The number is mainline; the register was read only in dev-tree KVM code
    /// (**uncertain**), and the Linux guest code read does not issue it.
    pub tdvmcall TdvmcallSetupEventNotifyInterrupt = 0x10004, version 0, "SetupEventNotifyInterrupt" {
        in { r12: EventNotifyVector }
        out {}
    }

    /// Service (sub-function 0x10005): R12 = shared GPA of the command buffer, R13 = shared
    /// GPA of the response buffer (both 4 KiB aligned), R14 = notification (0 blocking, or a
    /// vector 32..255), R15 = timeout (0: none). intel/tdx-guest@4a2f8dbc `src/tdvmcall.rs`
    /// (`TdVmcallNum::Service = 0x10005`, `get_td_service`); the same registers in
    /// confidential-containers/td-shim's `tdx-tdcall` (`tdvmcall_service`, MigTD's callers).
    pub tdvmcall TdvmcallService = 0x10005, version 0, "Service" {
        in { r12: SharedGpa, r13: SharedGpa, r14: ServiceNotify, r15: ServiceTimeout }
        out {}
    }
}
