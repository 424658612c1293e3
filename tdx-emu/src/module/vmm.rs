//! The VMM side of TDG.VP.VMCALL: the [`Vmm`] trait the user's VMM implements, the
//! [`ExampleVmm`], and the two halves of a TDG.VP.VMCALL from a guest thread (validate and gather
//! the exposed registers; hand the VMM's answer back).

use super::tdcall::{runnable, td};
use crate::module::Call;
use crate::module::inspect::known_page;
use crate::module::seamcall::EXPOSABLE;
use crate::module::status::{Fail, invalid, operand as op};
use crate::module::td::TdParams;
use crate::trap::CpuState;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tdx_core::{ModuleArgs, Page, Tdr, TdvmcallStatus, Tdvpr};

/// Which vCPU made a TDG.VP.VMCALL, for the [`Vmm`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VmcallInfo {
    /// The TD's TDR page.
    pub tdr: Page<Tdr>,
    /// The vCPU's TDVPR page.
    pub tdvpr: Page<Tdvpr>,
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

/// TDG.VP.VMCALL sub-function numbers (GHCI, as torvalds/linux
/// `arch/x86/include/asm/shared/tdx.h@702fdf35` and `arch/x86/include/uapi/asm/vmx.h@089c1347`
/// have them).
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
/// use tdx_core::{ModuleArgs, Page};
/// use tdx_emu::module::{ExampleVmm, VmcallInfo, Vmm};
/// let vmm = ExampleVmm::new();
/// let (tdr, tdvpr) = (Page::from_u64(0x4000_0000)?, Page::from_u64(0x4000_1000)?);
/// let info = VmcallInfo { tdr, tdvpr, vcpu_index: 0, gpaw: 48, mask: 0x3c00 };
/// let mut regs = ModuleArgs { rcx: 0x3c00, r11: 0x10001, r12: 1 << 47, r13: 3 << 20, ..Default::default() };
/// vmm.clone().tdvmcall(&info, &mut regs);
/// assert_eq!((regs.r10, regs.r11), (1, (1 << 47) + (2 << 20))); // RETRY from +2 MiB
/// assert!(vmm.is_shared(0x1000));
/// # Ok::<(), tdx_core::AddrError>(())
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

/// TDG.VP.VMCALL from a guest thread, first half: validate, and gather the exposed registers.
pub(crate) fn tdg_vp_vmcall_prepare(
    call: &mut Call<'_>,
    tdvpr: u64,
) -> Result<(VmcallInfo, ModuleArgs), Fail> {
    let tdr = runnable(call, tdvpr)?;
    let control = call.cpu.rcx;
    let td = td(call, tdr)?;
    let no_rbp_mod = td
        .params
        .is_some_and(|p| p.config_flags & TdParams::CONFIG_NO_RBP_MOD != 0);
    // `tdg_vp_vmcall.c`: GPR_SELECT bits 0 (RAX), 1 (RCX) and 4 (RSP) must be 0, bit 5 (RBP)
    // too with NO_RBP_MOD, and bits 63:32 are reserved. XMM_SELECT (31:16) is accepted (the
    // model passes no XMM registers). R10/R11 are a GHCI convention, not a module rule.
    let mut must_be_zero: u64 = (1 << 0) | (1 << 1) | (1 << 4);
    if no_rbp_mod {
        must_be_zero |= 1 << 5;
    }
    if control & must_be_zero != 0 || control >> 32 != 0 {
        return Err(invalid(op::RCX));
    }
    // The registers the model can hand to the VMM (RBP is not in `ModuleArgs`).
    let mask = control & EXPOSABLE;
    let index = call.st.vcpus.get(&tdvpr).map_or(0, |v| v.index);
    let gprs = super::seamcall::gprs_of(call.cpu);
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
            tdr: known_page(tdr),
            tdvpr: known_page(tdvpr),
            vcpu_index: index,
            gpaw: td.gpaw,
            mask,
        },
        regs,
    ))
}

/// TDG.VP.VMCALL from a guest thread, second half: the VMM's exposed registers go back to the
/// guest, RAX = success.
pub(crate) fn tdg_vp_vmcall_finish(info: &VmcallInfo, regs: &ModuleArgs, cpu: &mut CpuState) {
    let mut gprs = super::seamcall::gprs_of(cpu);
    for (n, slot) in gprs.iter_mut().enumerate() {
        if info.mask & (1 << n) != 0 {
            *slot = regs.get(n as u8).unwrap_or(*slot);
        }
    }
    gprs[1] = info.mask;
    super::seamcall::set_operand_regs(cpu, &gprs);
    cpu.rax = 0;
}
