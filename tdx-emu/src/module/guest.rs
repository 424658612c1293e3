//! The guest side: TDCALL leaves, the guest code TDH.VP.ENTER runs, and the VMM that answers
//! TDG.VP.VMCALL.
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
//!   TDG.VP.VMCALL goes straight to the module's [`Vmm`] (by default an [`ExampleVmm`]).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tdx_core::{ModuleArgs, TdvmcallStatus, TdxStatus};

use crate::trap::CpuState;

use super::host::{EXPOSABLE, Prepared, td_field_value};
use super::locks::{LockKey, Mode};
use super::measure::{TdReport, rtmr_extend};
use super::metadata;
use super::sept::{Entry, LeafState, level_bytes};
use super::status::{Fail, Outcome, PAGE_ALREADY_ACCEPTED, invalid, operand as op};
use super::td::{Lifecycle, OpState, Td, VcpuState};
use super::{Call, Inner, leaf};

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
        gpa: u64,
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
    pub fn ept_violation(gpa: u64, qualification: u64) -> Self {
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
    pub fn tdvpr(&self) -> u64 {
        self.tdvpr
    }

    /// The TD's TDR page.
    pub fn tdr(&self) -> u64 {
        self.tdr
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
        super::host::set_operand_regs(&mut cpu, &{
            let mut g = [0u64; 16];
            for (n, slot) in g.iter_mut().enumerate() {
                *slot = args.get(n as u8).unwrap_or(0);
            }
            g
        });
        self.module.tdcall(Some(self.tdvpr), &mut cpu, true);
        let out = super::host::gprs_of(&cpu);
        for (n, value) in out.iter().enumerate() {
            args.set(n as u8, *value);
        }
        TdxStatus::from_raw(cpu.rax)
    }
}

/// Which vCPU made a TDG.VP.VMCALL, for the [`Vmm`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VmcallInfo {
    /// The TD's TDR page.
    pub tdr: u64,
    /// The vCPU's TDVPR page.
    pub tdvpr: u64,
    /// The vCPU index.
    pub vcpu_index: u32,
    /// The TD's guest physical address width: the shared bit is `1 << (gpaw - 1)`.
    pub gpaw: u8,
    /// The RCX mask of exposed registers.
    pub mask: u64,
}

impl VmcallInfo {
    /// The TD's shared-GPA bit.
    pub fn shared_bit(&self) -> u64 {
        1u64 << (self.gpaw - 1)
    }
}

/// The host VMM, answering TDG.VP.VMCALL for guest threads
/// ([`TdxModule::as_guest`](super::TdxModule::as_guest)).
///
/// `regs` holds the registers the guest exposed (the others are 0; RCX is the mask): R10 = 0
/// (GHCI) or a vendor hypercall number, R11 = the sub-function, R12.. the arguments. Write R10 =
/// the TDVMCALL status and the outputs (R11..) into it; only exposed registers go back to the
/// guest. Implemented for every `FnMut(&VmcallInfo, &mut ModuleArgs) + Send`.
///
/// It runs inside the trap, on the guest thread, with the module's state unlocked: it may call
/// the module's inspection methods, but not [`set_vmm`](super::TdxModule::set_vmm) (the VMM
/// slot is locked while it runs) and not a TDX instruction (nested traps abort).
pub trait Vmm: Send {
    /// Answers one TDG.VP.VMCALL.
    fn tdvmcall(&mut self, info: &VmcallInfo, regs: &mut ModuleArgs);
}

impl<F: FnMut(&VmcallInfo, &mut ModuleArgs) + Send> Vmm for F {
    fn tdvmcall(&mut self, info: &VmcallInfo, regs: &mut ModuleArgs) {
        self(info, regs)
    }
}

/// TDG.VP.VMCALL sub-function numbers (tdx-abi.md §8).
pub mod subfn {
    /// Instruction.CPUID.
    pub const CPUID: u64 = 10;
    /// Instruction.HLT.
    pub const HLT: u64 = 12;
    /// Instruction.IO.
    pub const IO: u64 = 30;
    /// Instruction.RDMSR.
    pub const RDMSR: u64 = 31;
    /// Instruction.WRMSR.
    pub const WRMSR: u64 = 32;
    /// #VE.RequestMMIO.
    pub const REQUEST_MMIO: u64 = 48;
    /// GetTdVmCallInfo.
    pub const GET_TD_VM_CALL_INFO: u64 = 0x10000;
    /// MapGPA.
    pub const MAP_GPA: u64 = 0x10001;
    /// GetQuote.
    pub const GET_QUOTE: u64 = 0x10002;
    /// ReportFatalError.
    pub const REPORT_FATAL_ERROR: u64 = 0x10003;
    /// SetupEventNotifyInterrupt.
    pub const SETUP_EVENT_NOTIFY_INTERRUPT: u64 = 0x10004;
}

#[derive(Debug)]
struct ExampleState {
    map_gpa_chunk: u64,
    conversions: Vec<(u64, u64, bool)>,
    msrs: BTreeMap<u64, u64>,
    quotes: Vec<(u64, u64)>,
    fatal_errors: Vec<u64>,
    calls: Vec<(u64, TdvmcallStatus)>,
}

/// A small VMM for tests and examples, answering the GHCI sub-functions Linux uses.
///
/// * **MapGPA** converts at most [`map_gpa_chunk`](Self::with_map_gpa_chunk) bytes per call
///   (2 MiB by default, like KVM): a longer range gets `TDVMCALL_STATUS_RETRY` with R11 = the
///   GPA to resume from (shared bit included, as the guest passed it). Misaligned start or size
///   gets `ALIGN_ERROR`; an empty range or one beyond the GPA width `INVALID_OPERAND`.
/// * **CPUID** answers the hypervisor range 0x4000_0000..=0x4FFF_FFFF (leaf 0x4000_0000:
///   max leaf 0x4000_0001 and the signature `"TdxEmuVmm\0\0\0"`); other leaves are
///   `INVALID_OPERAND`.
/// * **RDMSR / WRMSR** use a small MSR table (IA32_APIC_BASE, IA32_TSC, IA32_MISC_ENABLE);
///   unknown MSRs are `INVALID_OPERAND`.
/// * **GetQuote** needs a shared GPA and a non-zero size that is a multiple of 4 KiB; the
///   request is recorded ([`quotes`](Self::quotes)).
/// * **HLT**, **IO** (IN reads all ones), **#VE.RequestMMIO** (shared GPA; reads 0),
///   **GetTdVmCallInfo** (leaf 0), **ReportFatalError** (recorded),
///   **SetupEventNotifyInterrupt** (vector 32..=255) succeed; anything else (and vendor
///   hypercalls, R10 != 0) is `SUBFUNC_UNSUPPORTED`.
///
/// Cloning shares the state, so keep a clone to inspect what the guest asked for:
///
/// ```
/// use tdx_core::ModuleArgs;
/// use tdx_emu::module::{ExampleVmm, VmcallInfo, Vmm};
/// let vmm = ExampleVmm::new();
/// let info = VmcallInfo { tdr: 0, tdvpr: 0, vcpu_index: 0, gpaw: 48, mask: 0x3c00 };
/// let mut regs = ModuleArgs { rcx: 0x3c00, r11: 0x10001, r12: 1 << 47, r13: 3 << 20, ..Default::default() };
/// vmm.clone().tdvmcall(&info, &mut regs);
/// assert_eq!((regs.r10, regs.r11), (1, (1 << 47) + (2 << 20))); // RETRY from +2 MiB
/// assert!(vmm.is_shared(0x1000));
/// ```
#[derive(Debug, Clone)]
pub struct ExampleVmm {
    state: Arc<Mutex<ExampleState>>,
}

impl Default for ExampleVmm {
    fn default() -> Self {
        Self::new()
    }
}

impl ExampleVmm {
    /// IA32_APIC_BASE.
    pub const MSR_APIC_BASE: u64 = 0x1B;
    /// IA32_TSC.
    pub const MSR_TSC: u64 = 0x10;
    /// IA32_MISC_ENABLE.
    pub const MSR_MISC_ENABLE: u64 = 0x1A0;

    /// A VMM with a 2 MiB MapGPA chunk and the default MSR table.
    pub fn new() -> Self {
        let msrs = BTreeMap::from([
            (Self::MSR_APIC_BASE, 0xFEE0_0D00),
            (Self::MSR_TSC, 0),
            (Self::MSR_MISC_ENABLE, 0x1),
        ]);
        ExampleVmm {
            state: Arc::new(Mutex::new(ExampleState {
                map_gpa_chunk: 2 << 20,
                conversions: Vec::new(),
                msrs,
                quotes: Vec::new(),
                fatal_errors: Vec::new(),
                calls: Vec::new(),
            })),
        }
    }

    /// The same VMM converting at most `bytes` (a multiple of 4 KiB) per MapGPA call.
    pub fn with_map_gpa_chunk(self, bytes: u64) -> Self {
        self.lock().map_gpa_chunk = bytes.max(4096) & !0xFFF;
        self
    }

    fn lock(&self) -> MutexGuard<'_, ExampleState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether the last MapGPA covering `gpa` (without the shared bit) made it shared.
    pub fn is_shared(&self, gpa: u64) -> bool {
        self.lock()
            .conversions
            .iter()
            .rev()
            .find(|&&(start, end, _)| gpa >= start && gpa < end)
            .is_some_and(|&(_, _, shared)| shared)
    }

    /// Every range MapGPA converted: (start, end, to shared), without the shared bit.
    pub fn conversions(&self) -> Vec<(u64, u64, bool)> {
        self.lock().conversions.clone()
    }

    /// Every GetQuote request: (shared GPA, size).
    pub fn quotes(&self) -> Vec<(u64, u64)> {
        self.lock().quotes.clone()
    }

    /// Every ReportFatalError code.
    pub fn fatal_errors(&self) -> Vec<u64> {
        self.lock().fatal_errors.clone()
    }

    /// Every call answered: (sub-function, status).
    pub fn calls(&self) -> Vec<(u64, TdvmcallStatus)> {
        self.lock().calls.clone()
    }

    /// Sets an MSR for RDMSR.
    pub fn set_msr(&self, msr: u64, value: u64) {
        self.lock().msrs.insert(msr, value);
    }
}

impl Vmm for ExampleVmm {
    fn tdvmcall(&mut self, info: &VmcallInfo, regs: &mut ModuleArgs) {
        let mut st = self.lock();
        let shared_bit = info.shared_bit();
        let sub = regs.r11;
        let status = if regs.r10 != 0 {
            TdvmcallStatus::SUBFUNC_UNSUPPORTED
        } else {
            match sub {
                subfn::MAP_GPA => {
                    let (start, size) = (regs.r12, regs.r13);
                    let to_shared = start & shared_bit != 0;
                    let base = start & !shared_bit;
                    if !base.is_multiple_of(4096) || !size.is_multiple_of(4096) {
                        TdvmcallStatus::ALIGN_ERROR
                    } else if size == 0 || base.checked_add(size).is_none_or(|end| end > shared_bit)
                    {
                        TdvmcallStatus::INVALID_OPERAND
                    } else {
                        let done = size.min(st.map_gpa_chunk);
                        st.conversions.push((base, base + done, to_shared));
                        if done < size {
                            regs.r11 = start + done;
                            TdvmcallStatus::RETRY
                        } else {
                            TdvmcallStatus::SUCCESS
                        }
                    }
                }
                subfn::CPUID => match regs.r12 {
                    0x4000_0000 => {
                        regs.r12 = 0x4000_0001;
                        regs.r13 = u64::from(u32::from_le_bytes(*b"TdxE"));
                        regs.r14 = u64::from(u32::from_le_bytes(*b"muVm"));
                        regs.r15 = u64::from(u32::from_le_bytes(*b"m\0\0\0"));
                        TdvmcallStatus::SUCCESS
                    }
                    0x4000_0001..=0x4FFF_FFFF => {
                        regs.r12 = 0;
                        regs.r13 = 0;
                        regs.r14 = 0;
                        regs.r15 = 0;
                        TdvmcallStatus::SUCCESS
                    }
                    _ => TdvmcallStatus::INVALID_OPERAND,
                },
                subfn::RDMSR => match st.msrs.get(&regs.r12) {
                    Some(&value) => {
                        regs.r11 = value;
                        TdvmcallStatus::SUCCESS
                    }
                    None => TdvmcallStatus::INVALID_OPERAND,
                },
                subfn::WRMSR => match st.msrs.get_mut(&regs.r12) {
                    Some(value) => {
                        *value = regs.r13;
                        TdvmcallStatus::SUCCESS
                    }
                    None => TdvmcallStatus::INVALID_OPERAND,
                },
                subfn::GET_QUOTE => {
                    let (gpa, size) = (regs.r12, regs.r13);
                    if gpa & shared_bit == 0 || size == 0 || !size.is_multiple_of(4096) {
                        TdvmcallStatus::INVALID_OPERAND
                    } else {
                        st.quotes.push((gpa, size));
                        TdvmcallStatus::SUCCESS
                    }
                }
                subfn::HLT => TdvmcallStatus::SUCCESS,
                subfn::IO => match (regs.r12, regs.r13) {
                    (1 | 2 | 4, 0) => {
                        regs.r11 = (1u64 << (8 * regs.r12)) - 1;
                        TdvmcallStatus::SUCCESS
                    }
                    (1 | 2 | 4, 1) => TdvmcallStatus::SUCCESS,
                    _ => TdvmcallStatus::INVALID_OPERAND,
                },
                subfn::REQUEST_MMIO => {
                    if regs.r14 & shared_bit == 0 || !matches!(regs.r12, 1 | 2 | 4 | 8) {
                        TdvmcallStatus::INVALID_OPERAND
                    } else {
                        if regs.r13 == 0 {
                            regs.r11 = 0;
                        }
                        TdvmcallStatus::SUCCESS
                    }
                }
                subfn::GET_TD_VM_CALL_INFO => {
                    if regs.r12 == 0 {
                        regs.r11 = 0;
                        regs.r12 = 0;
                        regs.r13 = 0;
                        regs.r14 = 0;
                        TdvmcallStatus::SUCCESS
                    } else {
                        TdvmcallStatus::INVALID_OPERAND
                    }
                }
                subfn::REPORT_FATAL_ERROR => {
                    st.fatal_errors.push(regs.r12);
                    TdvmcallStatus::SUCCESS
                }
                subfn::SETUP_EVENT_NOTIFY_INTERRUPT => {
                    if (32..=255).contains(&regs.r12) {
                        TdvmcallStatus::SUCCESS
                    } else {
                        TdvmcallStatus::INVALID_OPERAND
                    }
                }
                _ => TdvmcallStatus::SUBFUNC_UNSUPPORTED,
            }
        };
        regs.r10 = status.raw();
        st.calls.push((sub, status));
    }
}

// ------------------------------------------------------------------------- TDCALL leaves

/// The vCPU `tdvpr` can run (initialized, TD finalized with live keys). Returns its TDR.
fn runnable(call: &Call<'_>, tdvpr: u64) -> Result<u64, Fail> {
    let vcpu = call.st.vcpus.get(&tdvpr).ok_or(invalid(op::RAX))?;
    let td = call.st.tds.get(&vcpu.tdr).ok_or(invalid(op::RAX))?;
    if vcpu.state != VcpuState::Initialized
        || td.op != OpState::Finalized
        || td.lifecycle != Lifecycle::KeysConfigured
    {
        return Err(invalid(op::RAX));
    }
    Ok(vcpu.tdr)
}

/// The HPA of private GPA `gpa` (aligned to `align`) if it is in a PRESENT page.
fn translate(td: &Td, gpa: u64, align: u64, operand: u32) -> Result<u64, Fail> {
    if !gpa.is_multiple_of(align) || !td.is_private_gpa(gpa) {
        return Err(invalid(operand));
    }
    td.sept.translate(gpa).ok_or(invalid(operand))
}

/// Answers TDCALL `leaf` (not TDG.VP.VMCALL) for vCPU `tdvpr`.
pub(crate) fn dispatch(call: &mut Call<'_>, tdvpr: u64, leaf: u64) -> Outcome {
    let tdr = runnable(call, tdvpr)?;
    call.lock(LockKey::Page(tdr), Mode::Shared, op::TDR)?;
    match leaf {
        leaf::TDG_VP_INFO => vp_info(call, tdvpr, tdr),
        leaf::TDG_MR_RTMR_EXTEND => rtmr_extend_leaf(call, tdr),
        leaf::TDG_VP_VEINFO_GET => veinfo_get(call, tdvpr),
        leaf::TDG_MR_REPORT => mr_report(call, tdr),
        leaf::TDG_MEM_PAGE_ACCEPT => page_accept(call, tdr),
        leaf::TDG_VM_RD => vm_rd(call, tdr),
        leaf::TDG_VM_WR => vm_wr(call, tdr),
        _ => Err(invalid(op::RAX)),
    }
}

fn td<'a>(call: &'a Call<'_>, tdr: u64) -> Result<&'a Td, Fail> {
    call.st.tds.get(&tdr).ok_or(invalid(op::RAX))
}

fn vp_info(call: &mut Call<'_>, tdvpr: u64, tdr: u64) -> Outcome {
    let td = td(call, tdr)?;
    let index = call.st.vcpus.get(&tdvpr).map_or(0, |v| v.index);
    let max = td.params.map_or(0, |p| u64::from(p.max_vcpus));
    let (gpaw, attributes, num) = (td.gpaw, td.attributes(), td.vcpus.len() as u64);
    call.cpu.rcx = u64::from(gpaw);
    call.cpu.rdx = attributes;
    call.cpu.r8 = num | (max << 32);
    call.cpu.r9 = u64::from(index);
    call.cpu.r10 = 0;
    call.cpu.r11 = 0;
    Ok(TdxStatus::SUCCESS)
}

fn rtmr_extend_leaf(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let (gpa, index) = (call.cpu.rcx, call.cpu.rdx);
    if index > 3 {
        return Err(invalid(op::RDX));
    }
    let hpa = translate(td(call, tdr)?, gpa, 64, op::RCX)?;
    let mut data = [0u8; 48];
    call.mem.read(hpa, &mut data);
    let td = call.st.tds.get_mut(&tdr).ok_or(invalid(op::RAX))?;
    let slot = &mut td.rtmr[index as usize];
    *slot = rtmr_extend(slot, &data);
    Ok(TdxStatus::SUCCESS)
}

fn veinfo_get(call: &mut Call<'_>, tdvpr: u64) -> Outcome {
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RAX))?;
    let Some(ve) = vcpu.ve_info.take() else {
        return Err(invalid(op::RAX));
    };
    call.cpu.rcx = u64::from(ve.exit_reason);
    call.cpu.rdx = ve.exit_qualification;
    call.cpu.r8 = ve.gla;
    call.cpu.r9 = ve.gpa;
    call.cpu.r10 = u64::from(ve.instruction_length) | (u64::from(ve.instruction_info) << 32);
    Ok(TdxStatus::SUCCESS)
}

fn mr_report(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let (report_gpa, data_gpa, subtype) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    if subtype != 0 {
        return Err(invalid(op::R8));
    }
    let td = td(call, tdr)?;
    let out = translate(td, report_gpa, 1024, op::RCX)?;
    let data = translate(td, data_gpa, 64, op::RDX)?;
    let mut report_data = [0u8; 64];
    call.mem.read(data, &mut report_data);
    let params = td.params.unwrap_or_default();
    let report = TdReport {
        report_type: [0x81, 0, 1, 0],
        tee_tcb_info_hash: [0; 48],
        tee_info_hash: [0; 48],
        report_data,
        mac: [0; 32],
        attributes: params.attributes,
        xfam: params.xfam,
        mrtd: td.mrtd_final.unwrap_or([0; 48]),
        mrconfigid: params.mrconfigid,
        mrowner: params.mrowner,
        mrownerconfig: params.mrownerconfig,
        rtmr: td.rtmr,
    };
    let bytes = report.build(call.secret);
    call.mem.write(out, &bytes);
    Ok(TdxStatus::SUCCESS)
}

fn page_accept(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let rcx = call.cpu.rcx;
    let level = (rcx & 7) as u8;
    let gpa = rcx & !7;
    {
        let td = td(call, tdr)?;
        if level > 2 || !gpa.is_multiple_of(level_bytes(level)) || !td.is_private_gpa(gpa) {
            return Err(invalid(op::RCX));
        }
    }
    // The guest side takes the Secure-EPT tree exclusively: host SEPT calls racing with an
    // ACCEPT see TDX_OPERAND_BUSY on SEPT, as KVM does ("contention with TDCALLs").
    call.lock(LockKey::Sept(tdr), Mode::Exclusive, op::SEPT)?;
    let td = call.st.tds.get_mut(&tdr).ok_or(invalid(op::RAX))?;
    match td.sept.get(level, gpa).copied() {
        Some(Entry::Leaf {
            hpa,
            state: LeafState::Pending,
            bepoch,
        }) => {
            td.sept.set(
                level,
                gpa,
                Entry::Leaf {
                    hpa,
                    state: LeafState::Present,
                    bepoch,
                },
            );
            call.mem.zero(hpa, level_bytes(level));
            Ok(TdxStatus::SUCCESS)
        }
        Some(Entry::Leaf {
            state: LeafState::Present,
            ..
        }) => Ok(PAGE_ALREADY_ACCEPTED),
        // Blocked, or mapped with smaller pages (the real module: TDX_PAGE_SIZE_MISMATCH).
        Some(_) => Err(Fail::new(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX)),
        None => match td.sept.find_leaf(gpa) {
            // Mapped with a larger page than the size asked for.
            Some((l, _, _)) if l > level => {
                Err(Fail::new(TdxStatus::EPT_ENTRY_STATE_INCORRECT, op::RCX))
            }
            // Nothing there: the real CPU exits to the host with an EPT violation.
            _ => Err(Fail::new(TdxStatus::EPT_WALK_FAILED, op::RCX)),
        },
    }
}

fn vm_rd(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let id = call.cpu.rdx;
    call.cpu.r8 = 0;
    let Some((def, next)) = metadata::td_field(id) else {
        return Err(invalid(op::RDX));
    };
    if !def.guest_read {
        return Err(Fail::new(TdxStatus::METADATA_FIELD_NOT_READABLE, op::RDX));
    }
    let value = td_field_value(td(call, tdr)?, def.field);
    call.cpu.r8 = value;
    call.cpu.rdx = next;
    Ok(TdxStatus::SUCCESS)
}

fn vm_wr(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let (id, value, mask) = (call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    let Some((def, _)) = metadata::td_field(id) else {
        return Err(invalid(op::RDX));
    };
    if def.guest_write == 0 {
        return Err(invalid(op::RDX));
    }
    if mask & !def.guest_write != 0 {
        return Err(invalid(op::R9));
    }
    let td = call.st.tds.get_mut(&tdr).ok_or(invalid(op::RAX))?;
    let slot = match def.field {
        metadata::TdField::NotifyEnables => &mut td.notify_enables,
        metadata::TdField::TdCtls => &mut td.td_ctls,
        _ => return Err(invalid(op::RDX)),
    };
    let old = *slot;
    *slot = (old & !mask) | (value & mask);
    call.cpu.r8 = old;
    Ok(TdxStatus::SUCCESS)
}

/// TDG.VP.VMCALL from a guest thread, first half: validate, and gather the exposed registers.
pub(crate) fn vmcall_prepare(
    call: &mut Call<'_>,
    tdvpr: u64,
) -> Result<(VmcallInfo, ModuleArgs), Fail> {
    let tdr = runnable(call, tdvpr)?;
    let mask = call.cpu.rcx;
    if mask & !EXPOSABLE != 0 || mask & 0xC00 != 0xC00 {
        return Err(invalid(op::RCX));
    }
    let td = td(call, tdr)?;
    let index = call.st.vcpus.get(&tdvpr).map_or(0, |v| v.index);
    let gprs = super::host::gprs_of(call.cpu);
    let mut regs = ModuleArgs {
        rcx: mask,
        ..ModuleArgs::default()
    };
    for (n, &value) in gprs.iter().enumerate() {
        if mask & (1 << n) != 0 {
            regs.set(n as u8, value);
        }
    }
    Ok((
        VmcallInfo {
            tdr,
            tdvpr,
            vcpu_index: index,
            gpaw: td.gpaw,
            mask,
        },
        regs,
    ))
}

/// TDG.VP.VMCALL from a guest thread, second half: the VMM's exposed registers go back to the
/// guest, RAX = success.
pub(crate) fn vmcall_finish(info: &VmcallInfo, regs: &ModuleArgs, cpu: &mut CpuState) {
    let mut gprs = super::host::gprs_of(cpu);
    for (n, slot) in gprs.iter_mut().enumerate() {
        if info.mask & (1 << n) != 0 {
            *slot = regs.get(n as u8).unwrap_or(*slot);
        }
    }
    gprs[1] = info.mask;
    super::host::set_operand_regs(cpu, &gprs);
    cpu.rax = 0;
}
