//! The guest code TDH.VP.ENTER runs ([`Guest`], [`GuestContext`], [`VmExit`]). The TDCALL
//! handlers are in `tdcall/`, the VMM that answers TDG.VP.VMCALL in `vmm.rs`.
//!
//! Guest code runs in two ways:
//!
//! * **Under TDH.VP.ENTER.** Each vCPU has a [`Guest`] (by default [`IdleGuest`]), installed
//!   with [`TdxModule::set_guest`](super::TdxModule::set_guest). TDH.VP.ENTER calls it once per
//!   entry with a [`GuestContext`]: it may make TDCALLs in software
//!   ([`GuestContext::tdcall`]; the instruction itself cannot be executed from inside the
//!   trap) and returns the next [`VmExit`], typically a TDG.VP.VMCALL that the host caller of
//!   TDH.VP.ENTER sees as exit reason 77 with the guest's exposed registers. On the next entry
//!   the host's answer (R10 status, R11.. values) is in the guest's registers.
//! * **As a guest thread.** [`TdxModule::as_guest`](super::TdxModule::as_guest) makes the
//!   calling thread run as a vCPU: the real `tdcall` instruction traps into the model, and
//!   TDG.VP.VMCALL goes straight to the module's [`Vmm`](super::Vmm) (by default an
//!   [`ExampleVmm`](super::ExampleVmm)).

use super::Inner;
use super::inspect::known_page;
use super::seamcall::Prepared;
use crate::trap::CpuState;
use tdx_core::{Gpa, ModuleArgs, Page, Tdr, TdvmcallStatus, Tdvpr, TdxStatus};

/// Guest code for one vCPU, run by TDH.VP.ENTER.
///
/// Implemented for every `FnMut(&mut GuestContext<'_>) -> VmExit + Send` (annotate the
/// closure's argument type). It runs inside the trap with the module's state unlocked: it may
/// use [`GuestContext::tdcall`] and the module's inspection methods, but must not execute a TDX
/// instruction (nested traps abort the process).
///
/// ```
/// use tdx_emu::module::{GuestContext, VmExit};
/// // A guest that asks the VMM for CPUID leaf 0x4000_0000 on every entry.
/// let guest = |_ctx: &mut GuestContext<'_>| VmExit::tdvmcall(10, &[0x4000_0000, 0]);
/// # let _ = guest;
/// ```
pub trait Guest: Send {
    /// Runs the vCPU from its current state until the next TD exit.
    fn run(&mut self, ctx: &mut GuestContext<'_>) -> VmExit;
}

impl<F: FnMut(&mut GuestContext<'_>) -> VmExit + Send> Guest for F {
    fn run(&mut self, ctx: &mut GuestContext<'_>) -> VmExit {
        self(ctx)
    }
}

/// The default guest: halts (TDG.VP.VMCALL&lt;Instruction.HLT&gt;) on every entry.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdleGuest;

impl Guest for IdleGuest {
    fn run(&mut self, _ctx: &mut GuestContext<'_>) -> VmExit {
        VmExit::hlt()
    }
}

/// How a TDH.VP.ENTER ends: what the guest did that exits to the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VmExit {
    /// The guest executed TDG.VP.VMCALL with these registers: RCX = the mask of exposed
    /// registers (R10 and R11 are always exposed), R10 = 0 (GHCI) or a vendor hypercall
    /// number, R11 = the sub-function, R12.. the arguments. The host sees exit reason 77
    /// (`EXIT_REASON_TDCALL`), RCX = the mask and every exposed register; the others read as 0.
    Tdvmcall(ModuleArgs),
    /// Any other exit: the host sees RAX = `reason`, RCX = `qualification`,
    /// RDX = `ext_qualification`, R8 = `gpa`, R9 = `intr_info`.
    Other {
        /// The VMX exit reason (bits 31:0 of RAX).
        reason: u32,
        /// Exit qualification (RCX).
        qualification: u64,
        /// Extended exit qualification (RDX).
        ext_qualification: u64,
        /// Guest physical address (R8).
        gpa: Gpa,
        /// Interruption information (R9).
        intr_info: u64,
    },
}

impl VmExit {
    /// VMX exit reason for an EPT violation.
    pub const EXIT_REASON_EPT_VIOLATION: u32 = 48;

    /// TDG.VP.VMCALL sub-function `subfn` with up to four arguments in R12..R15 (R10 to R15
    /// exposed).
    pub fn tdvmcall(subfn: u64, args: &[u64]) -> Self {
        let mut regs = ModuleArgs {
            rcx: 0xFC00,
            r10: 0,
            r11: subfn,
            ..ModuleArgs::default()
        };
        for (i, &arg) in args.iter().take(4).enumerate() {
            regs.set(12 + i as u8, arg);
        }
        VmExit::Tdvmcall(regs)
    }

    /// TDG.VP.VMCALL&lt;Instruction.HLT&gt; with interrupts enabled.
    pub fn hlt() -> Self {
        VmExit::tdvmcall(12, &[0])
    }

    /// An EPT violation at `gpa` (e.g. a guest touching memory the host has not added yet).
    pub fn ept_violation(gpa: Gpa, qualification: u64) -> Self {
        VmExit::Other {
            reason: Self::EXIT_REASON_EPT_VIOLATION,
            qualification,
            ext_qualification: 0,
            gpa,
            intr_info: 0,
        }
    }
}

/// What guest code sees of its vCPU while TDH.VP.ENTER runs it.
pub struct GuestContext<'a> {
    module: &'a Inner,
    tdvpr: u64,
    tdr: u64,
    index: u32,
    entry: u64,
    gprs: [u64; 16],
}

impl<'a> GuestContext<'a> {
    pub(crate) fn new(module: &'a Inner, prepared: &Prepared) -> Self {
        GuestContext {
            module,
            tdvpr: prepared.tdvpr,
            tdr: prepared.tdr,
            index: prepared.index,
            entry: prepared.entry,
            gprs: prepared.gprs,
        }
    }

    pub(crate) fn into_gprs(self) -> [u64; 16] {
        self.gprs
    }

    /// The vCPU's TDVPR page.
    pub fn tdvpr(&self) -> Page<Tdvpr> {
        known_page(self.tdvpr)
    }

    /// The TD's TDR page.
    pub fn tdr(&self) -> Page<Tdr> {
        known_page(self.tdr)
    }

    /// The vCPU index.
    pub fn vcpu_index(&self) -> u32 {
        self.index
    }

    /// Which entry this is (1 for the first TDH.VP.ENTER).
    pub fn entry(&self) -> u64 {
        self.entry
    }

    /// Guest GPR `n` by x86 number (RAX = 0 ... R15 = 15). After a TDG.VP.VMCALL exit, the
    /// host's answer is here: R10 = the TDVMCALL status, R11.. the outputs.
    pub fn gpr(&self, n: usize) -> u64 {
        self.gprs[n & 15]
    }

    /// Sets guest GPR `n`.
    pub fn set_gpr(&mut self, n: usize, value: u64) {
        self.gprs[n & 15] = value;
    }

    /// R10 as a TDVMCALL status (the answer to the last TDG.VP.VMCALL).
    pub fn vmcall_status(&self) -> TdvmcallStatus {
        TdvmcallStatus::from_raw(self.gprs[10])
    }

    /// Makes TDCALL `leaf` (the whole RAX) with `args`, in software, as this vCPU. Returns
    /// RAX. TDG.VP.VMCALL cannot be made this way (it is a [`VmExit`]): it returns
    /// `TDX_OPERAND_INVALID`.
    pub fn tdcall(&mut self, leaf: u64, args: &mut ModuleArgs) -> TdxStatus {
        let mut cpu = CpuState {
            rax: leaf,
            ..CpuState::default()
        };
        super::seamcall::set_operand_regs(&mut cpu, &{
            let mut g = [0u64; 16];
            for (n, slot) in g.iter_mut().enumerate() {
                *slot = args.get(n as u8).unwrap_or(0);
            }
            g
        });
        self.module.tdcall(Some(self.tdvpr), &mut cpu, true);
        let out = super::seamcall::gprs_of(&cpu);
        for (n, value) in out.iter().enumerate() {
            args.set(n as u8, *value);
        }
        TdxStatus::from_raw(cpu.rax)
    }
}
