//! The three subjects of a leaf must do the same thing, or the footprint comparison means
//! nothing. This module runs each of them through the tdx-emu trap, with a handler that records
//! the registers the instruction saw and answers with distinctive values, and checks that:
//!
//! * each issues the instruction exactly once, with the same RAX;
//! * the registers that carry inputs hold the same values (for TDG.VP.VMCALL: the floor exposes
//!   the same registers as the macro, output-only exposed registers go in as zero, and the Linux
//!   path, which exposes `0xFFCC`, passes the same inputs);
//! * they return the same status and outputs, on success, on an error status, on VMfailInvalid
//!   (CF=1, SEAMCALL) and on a VMM error (R10, TDG.VP.VMCALL).
//!
//! The error registers (a) also captures are not compared: the floor does not capture them.

use crate::Subject;
use tdx_calls::handles::{TdxTd, TdxVp};
use tdx_calls::vmcall::FatalErrorMessage;
use tdx_core::PageType;
use tdx_core::reg::RegEncode;
use tdx_core::{
    AcceptGpa, AddrError, FieldId, Gpa, Hkid, Hpa, KeyedHpa, ModuleArgs, Page, PageKind, PageSize,
    SeptGpa, SeptLevel, SharedGpa, TdvmcallStatus, TdxError, TdxStatus,
};
use tdx_core::{
    AccessDirection, AccessSize, CacheWbMode, EventNotifyVector, ExitReason, GpaWidth, IoPort,
    KvmHypercallNr, MapGpaTarget, MsrIndex, PamtPageSize, RtmrIndex, TdAttributes, VeInstruction,
};
use tdx_core::{
    AttrFlags, CpuidVe, GpaAttr, GpaListInfo, L2Vm, L2VmMask, MigscPage, PamtRange, ServtdHandle,
    TdUuid, VmAndFlags,
};
use tdx_core::{CacheOp, PconfigLeaf, ServiceNotify, ServiceTimeout};
use tdx_emu::{CpuState, Instruction, with_handler};

/// How a leaf uses the registers, which decides what the trap handler may write and how
/// the results are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A SEAMCALL leaf: outputs in RCX, RDX, R8-R11; the module preserves the rest.
    Seamcall,
    /// A TDCALL leaf: as SEAMCALL, without CF.
    Tdcall,
    /// A TDG.VP.VMCALL sub-function: the VMM writes the registers exposed in RCX, R10 is the
    /// TDVMCALL status.
    Tdvmcall,
    /// The vendor (KVM) TDG.VP.VMCALL, a TDCALL of leaf 0: as [`Kind::Tdvmcall`], but R10 is a
    /// result, not a status.
    Vendor,
    /// `regs = ...` SEAMCALL (TDH.VP.ENTER): all 13 registers in and out.
    SeamcallRegs,
    /// `regs = ...` TDCALL (TDG.VP.VMCALL): all 13 registers in and out.
    TdcallRegs,
}

impl Kind {
    /// `seamcall`, `tdcall` or `tdvmcall`.
    pub const fn family(self) -> &'static str {
        match self {
            Kind::Seamcall | Kind::SeamcallRegs => "seamcall",
            Kind::Tdcall | Kind::TdcallRegs => "tdcall",
            Kind::Tdvmcall | Kind::Vendor => "tdvmcall",
        }
    }

    const fn exposes(self) -> bool {
        matches!(self, Kind::Tdvmcall | Kind::Vendor)
    }

    const fn regs(self) -> bool {
        matches!(self, Kind::SeamcallRegs | Kind::TdcallRegs)
    }
}

/// What the trap answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// Success (with information, bit 63 clear and non-zero, for SEAMCALL/TDCALL).
    Success,
    /// `TDX_OPERAND_INVALID` in RAX.
    Error,
    /// CF=1, RAX untouched (SEAMCALL only).
    VmFailInvalid,
    /// RAX = 0, R10 = `TDG.VP.VMCALL_INVALID_OPERAND` (TDG.VP.VMCALL only).
    VmmError,
}

/// Status and outputs as the caller sees them, with (a)'s `Result` and the raw `(status,
/// [outputs])` of (b) and (c) decoded by the same rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The status (R10 for TDG.VP.VMCALL), then the outputs, in register-list order.
    Ok(Vec<u64>),
    /// The failing RAX (0 when the VMM failed a TDG.VP.VMCALL).
    Err(u64),
}

/// A distinctive, valid sample value of an operand type.
pub trait Sample {
    /// The `tag`-th sample (tags start at 1); never zero as a register.
    fn sample(tag: u64) -> Self;
}

impl Sample for u64 {
    fn sample(tag: u64) -> Self {
        0x1000_0000 + 0x11 * tag
    }
}
impl Sample for Hpa {
    fn sample(tag: u64) -> Self {
        Hpa::new(tag << 20 | 0x123).expect("sample HPA")
    }
}
impl<K: PageKind> Sample for Page<K> {
    fn sample(tag: u64) -> Self {
        Page::from_u64(tag << 24).expect("sample page")
    }
}
impl Sample for Gpa {
    fn sample(tag: u64) -> Self {
        Gpa::new(tag << 21).expect("sample GPA")
    }
}
impl Sample for SeptGpa {
    fn sample(tag: u64) -> Self {
        SeptGpa::new(Gpa::sample(tag), SeptLevel::Level2M).expect("sample SEPT GPA")
    }
}
impl Sample for AcceptGpa {
    fn sample(tag: u64) -> Self {
        AcceptGpa::new(Gpa::sample(tag), PageSize::Size2M).expect("sample accept GPA")
    }
}
impl Sample for SharedGpa {
    fn sample(tag: u64) -> Self {
        SharedGpa::new(1 << 51 | tag << 12).expect("sample shared GPA")
    }
}
impl Sample for FieldId {
    fn sample(tag: u64) -> Self {
        FieldId::from_raw(0x9100_0000_0000_0000 | tag)
    }
}
impl Sample for Hkid {
    fn sample(tag: u64) -> Self {
        Hkid::new(0x20 + tag as u16)
    }
}
impl Sample for KeyedHpa {
    fn sample(tag: u64) -> Self {
        KeyedHpa::new(Hpa::new(tag << 20).expect("sample HPA"), Hkid::new(5), 46)
            .expect("sample keyed HPA")
    }
}

impl Sample for &'static TdxTd<'static> {
    fn sample(tag: u64) -> Self {
        Box::leak(Box::new(TdxTd::new(Page::sample(tag), &[])))
    }
}
impl Sample for &'static TdxVp<'static> {
    fn sample(tag: u64) -> Self {
        Box::leak(Box::new(TdxVp::new(Page::sample(tag), &[])))
    }
}
impl Sample for &'static FatalErrorMessage {
    fn sample(_: u64) -> Self {
        Box::leak(Box::new(FatalErrorMessage::from_bytes(
            b"benchmark sample: a 64-byte message across eight registers....",
        )))
    }
}
impl Sample for CacheWbMode {
    fn sample(_: u64) -> Self {
        CacheWbMode::Resume
    }
}
impl Sample for RtmrIndex {
    fn sample(_: u64) -> Self {
        RtmrIndex::new(2)
    }
}
impl Sample for AccessSize {
    fn sample(_: u64) -> Self {
        AccessSize::Dword
    }
}
impl Sample for AccessDirection {
    fn sample(_: u64) -> Self {
        AccessDirection::Write
    }
}
impl Sample for IoPort {
    fn sample(tag: u64) -> Self {
        IoPort::new(0x3f8 + tag as u16)
    }
}
impl Sample for MsrIndex {
    fn sample(tag: u64) -> Self {
        MsrIndex::new(0x1b + tag as u32)
    }
}
impl Sample for EventNotifyVector {
    fn sample(tag: u64) -> Self {
        EventNotifyVector::new(0x40 + tag as u8).expect("sample vector")
    }
}
impl Sample for CpuidVe {
    fn sample(tag: u64) -> Self {
        CpuidVe {
            supervisor: true,
            user: tag % 2 == 1,
        }
    }
}
impl Sample for L2VmMask {
    fn sample(tag: u64) -> Self {
        L2VmMask::EMPTY.with(L2Vm::new(1 + (tag % 3) as u8).expect("sample L2 VM"))
    }
}
impl Sample for VmAndFlags {
    fn sample(tag: u64) -> Self {
        VmAndFlags::list(L2Vm::new(1 + (tag % 3) as u8).expect("sample L2 VM"))
    }
}
impl Sample for GpaAttr {
    fn sample(tag: u64) -> Self {
        GpaAttr::from_raw(0x8000 | tag << 16 | 0x7)
    }
}
impl Sample for AttrFlags {
    fn sample(tag: u64) -> Self {
        AttrFlags::default()
            .with_vm(
                L2Vm::new(1 + (tag % 3) as u8).expect("sample L2 VM"),
                0x7,
                true,
            )
            .expect("sample attribute flags")
    }
}
impl Sample for ServtdHandle {
    fn sample(tag: u64) -> Self {
        ServtdHandle::from_raw(0x5e00 + tag)
    }
}
impl Sample for TdUuid {
    fn sample(tag: u64) -> Self {
        TdUuid {
            q0: 0x0111 + tag,
            q1: 0x0222 + tag,
            q2: 0x0333 + tag,
            q3: 0x0444 + tag,
        }
    }
}
impl Sample for GpaListInfo {
    fn sample(tag: u64) -> Self {
        GpaListInfo::new(
            Hpa::new(tag << 20).expect("sample list HPA"),
            1,
            2 + tag as u16,
        )
        .expect("sample GPA list")
    }
}
impl Sample for MigscPage {
    fn sample(tag: u64) -> Self {
        MigscPage::new(Hpa::new(tag << 24).expect("sample MIGSC HPA")).expect("sample MIGSC")
    }
}
impl Sample for PamtRange {
    fn sample(tag: u64) -> Self {
        PamtRange::new(Hpa::new(tag << 30).expect("sample PAMT HPA")).expect("sample range")
    }
}
impl Raw for GpaListInfo {
    fn raw(&self) -> u64 {
        self.to_reg()
    }
}
impl Sample for CacheOp {
    fn sample(_tag: u64) -> Self {
        // Never zero as a register: WBNOINVD (1).
        CacheOp::Wbnoinvd
    }
}
impl Sample for PconfigLeaf {
    fn sample(tag: u64) -> Self {
        PconfigLeaf::new(tag).expect("sample PCONFIG leaf")
    }
}
impl Sample for ServiceNotify {
    fn sample(tag: u64) -> Self {
        ServiceNotify::Interrupt(EventNotifyVector::sample(tag))
    }
}
impl Sample for ServiceTimeout {
    fn sample(tag: u64) -> Self {
        ServiceTimeout::new(0x100 + tag)
    }
}
impl Sample for MapGpaTarget {
    fn sample(tag: u64) -> Self {
        MapGpaTarget::Shared(SharedGpa::sample(tag))
    }
}
impl Sample for KvmHypercallNr {
    fn sample(tag: u64) -> Self {
        KvmHypercallNr::new(tag).expect("non-zero")
    }
}

/// The raw register of an output value.
pub trait Raw {
    /// The 64-bit register it was decoded from.
    fn raw(&self) -> u64;
}
impl Raw for u64 {
    fn raw(&self) -> u64 {
        *self
    }
}
impl Raw for PageType {
    fn raw(&self) -> u64 {
        PageType::raw(*self)
    }
}
impl Raw for TdxStatus {
    fn raw(&self) -> u64 {
        TdxStatus::raw(*self)
    }
}
impl Raw for TdvmcallStatus {
    fn raw(&self) -> u64 {
        TdvmcallStatus::raw(*self)
    }
}
macro_rules! raw_via_raw {
    ($($ty:ty),*) => {$(
        impl Raw for $ty {
            fn raw(&self) -> u64 {
                <$ty>::raw(*self)
            }
        }
    )*};
}
raw_via_raw!(
    GpaWidth,
    TdAttributes,
    ExitReason,
    VeInstruction,
    PamtPageSize,
    GpaAttr
);
/// A decoded address: its register, or `u64::MAX` if it did not decode (samples always do).
impl<T: RegEncode> Raw for Result<T, AddrError> {
    fn raw(&self) -> u64 {
        self.map_or(u64::MAX, RegEncode::to_reg)
    }
}

/// The 13 operand registers by x86 index, in `struct tdx_module_args` order.
const OPERANDS: [u8; 13] = [1, 2, 8, 9, 10, 11, 12, 13, 14, 15, 3, 7, 6];
/// RCX, RDX, R8-R11: where SEAMCALL/TDCALL leaves return values.
const VOLATILE: [u8; 6] = [1, 2, 8, 9, 10, 11];
/// What the handler writes into register `index`.
const fn answer(index: u8) -> u64 {
    0x5000 + index as u64
}
/// Success with information: `TDX_KEY_CONFIGURED` (bit 63 clear, non-zero).
const SUCCESS_WITH_INFO: u64 = 0x0000_0815_0000_0000;
/// TDH.VP.ENTER success: exit reason 77 (TDCALL) in bits 31:0.
const SUCCESS_EXIT: u64 = 77;

fn reg(cpu: &CpuState, index: u8) -> u64 {
    match index {
        1 => cpu.rcx,
        2 => cpu.rdx,
        3 => cpu.rbx,
        6 => cpu.rsi,
        7 => cpu.rdi,
        8 => cpu.r8,
        9 => cpu.r9,
        10 => cpu.r10,
        11 => cpu.r11,
        12 => cpu.r12,
        13 => cpu.r13,
        14 => cpu.r14,
        15 => cpu.r15,
        _ => unreachable!("not an operand register: {index}"),
    }
}

fn set_reg(cpu: &mut CpuState, index: u8, value: u64) {
    let slot = match index {
        1 => &mut cpu.rcx,
        2 => &mut cpu.rdx,
        3 => &mut cpu.rbx,
        6 => &mut cpu.rsi,
        7 => &mut cpu.rdi,
        8 => &mut cpu.r8,
        9 => &mut cpu.r9,
        10 => &mut cpu.r10,
        11 => &mut cpu.r11,
        12 => &mut cpu.r12,
        13 => &mut cpu.r13,
        14 => &mut cpu.r14,
        15 => &mut cpu.r15,
        _ => unreachable!("not an operand register: {index}"),
    };
    *slot = value;
}

fn name(index: u8) -> &'static str {
    tdx_core::reg::OPERAND_REGS
        .iter()
        .find(|(_, i)| *i == index)
        .map_or("?", |(name, _)| name)
}

/// The comparison of one leaf's three subjects.
pub struct Check {
    subject: &'static Subject,
}

impl Check {
    /// A check of `subject`.
    pub fn new(subject: &'static Subject) -> Self {
        Check { subject }
    }

    /// The scenarios that apply to the leaf's family.
    pub fn scenarios(&self) -> Vec<Scenario> {
        let kind = self.subject.kind;
        let mut all = vec![Scenario::Success, Scenario::Error];
        if kind.family() == "seamcall" {
            all.push(Scenario::VmFailInvalid);
        }
        if kind.exposes() {
            all.push(Scenario::VmmError);
        }
        all
    }

    /// Run `f` under a handler that records the registers of every trap and answers it as
    /// `scenario` says.
    pub fn trap<R>(&self, scenario: Scenario, f: impl FnOnce() -> R) -> (R, Vec<CpuState>) {
        let kind = self.subject.kind;
        let mut seen = Vec::new();
        let mut handler = |_: Instruction, cpu: &mut CpuState| {
            seen.push(*cpu);
            if scenario == Scenario::VmFailInvalid {
                cpu.cf = true; // RAX is left as it was, as the CPU does
                return;
            }
            let writes: Vec<u8> = if kind.regs() {
                OPERANDS.to_vec()
            } else if kind.exposes() {
                let exposed = cpu.rcx;
                OPERANDS
                    .into_iter()
                    .filter(|&i| exposed & 1 << i != 0 || i == 10 || i == 11)
                    .collect()
            } else {
                VOLATILE.to_vec()
            };
            for index in writes {
                set_reg(cpu, index, answer(index));
            }
            cpu.rax = if scenario == Scenario::Error {
                TdxStatus::OPERAND_INVALID.raw()
            } else if kind.exposes() || kind == Kind::TdcallRegs {
                // TDG.VP.VMCALL: any non-zero RAX means the TDCALL itself failed.
                0
            } else if kind.regs() {
                SUCCESS_EXIT
            } else {
                SUCCESS_WITH_INFO
            };
            if kind.exposes() {
                cpu.r10 = match scenario {
                    Scenario::VmmError => TdvmcallStatus::INVALID_OPERAND.raw(),
                    _ => TdvmcallStatus::RETRY.raw(), // not an error
                };
            }
        };
        let result = with_handler(&mut handler, f);
        (result, seen)
    }

    /// (b)'s or (c)'s `(status, [outputs])` as the caller sees it.
    pub fn view(&self, status: u64, outputs: &[u64]) -> View {
        match self.subject.kind {
            Kind::Tdvmcall => {
                let r10 = outputs[0];
                if status != 0 {
                    View::Err(status)
                } else if r10 >> 63 != 0 {
                    View::Err(0)
                } else {
                    View::Ok(outputs.to_vec())
                }
            }
            _ => {
                if status >> 63 != 0 {
                    View::Err(status)
                } else {
                    View::Ok([&[status][..], outputs].concat())
                }
            }
        }
    }

    /// Compare the three subjects' results and the registers their instruction saw.
    pub fn compare(
        &self,
        scenario: Scenario,
        views: [View; 3],
        traps: [Vec<CpuState>; 3],
    ) -> Result<(), String> {
        let fail = |what: String| Err(format!("{} ({scenario:?}): {what}", self.subject.name));
        for (set, seen) in ["a", "b", "c"].iter().zip(&traps) {
            if seen.len() != 1 {
                return fail(format!("({set}) trapped {} times, not once", seen.len()));
            }
        }
        let [a, b, c] = [&traps[0][0], &traps[1][0], &traps[2][0]];
        if views[0] != views[1] || views[0] != views[2] {
            return fail(format!(
                "results differ: (a) {:x?}, (b) {:x?}, (c) {:x?}",
                views[0], views[1], views[2]
            ));
        }
        if a.rax != b.rax || a.rax != c.rax {
            return fail(format!(
                "RAX differs: (a) {:#x}, (b) {:#x}, (c) {:#x}",
                a.rax, b.rax, c.rax
            ));
        }
        match self.subject.kind {
            Kind::Seamcall | Kind::Tdcall => {
                for index in VOLATILE {
                    let want = reg(c, index);
                    if want != 0 && (reg(a, index) != want || reg(b, index) != want) {
                        return fail(format!(
                            "input {}: (a) {:#x}, (b) {:#x}, (c) {want:#x}",
                            name(index),
                            reg(a, index),
                            reg(b, index)
                        ));
                    }
                }
            }
            Kind::Tdvmcall | Kind::Vendor => {
                if a.rcx != b.rcx {
                    return fail(format!(
                        "exposed-register masks differ: (a) {:#x}, (b) {:#x}",
                        a.rcx, b.rcx
                    ));
                }
                for index in OPERANDS.into_iter().filter(|&i| i != 1) {
                    let want = reg(c, index);
                    let exposed = a.rcx & 1 << index != 0;
                    let (got_a, got_b) = (reg(a, index), reg(b, index));
                    if want != 0 && (!exposed || got_a != want || got_b != want) {
                        return fail(format!(
                            "input {}: (a) {got_a:#x}, (b) {got_b:#x}, (c) {want:#x}, exposed by (a): {exposed}",
                            name(index)
                        ));
                    }
                    if want == 0 && exposed && (got_a != 0 || got_b != 0) {
                        return fail(format!(
                            "exposed output-only {} not zeroed: (a) {got_a:#x}, (b) {got_b:#x}",
                            name(index)
                        ));
                    }
                }
            }
            Kind::SeamcallRegs | Kind::TdcallRegs => {
                for index in OPERANDS {
                    if reg(a, index) != reg(c, index) || reg(b, index) != reg(c, index) {
                        return fail(format!(
                            "input {}: (a) {:#x}, (b) {:#x}, (c) {:#x}",
                            name(index),
                            reg(a, index),
                            reg(b, index),
                            reg(c, index)
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

/// The check of a `regs = ...` leaf: the three must also leave the same `ModuleArgs` behind.
pub fn check_regs(
    subject: &'static Subject,
    mut a: impl FnMut(&mut ModuleArgs) -> Result<TdxStatus, TdxError>,
    mut b: impl FnMut(&mut ModuleArgs) -> (u64, [u64; 0]),
    mut c: impl FnMut(&mut ModuleArgs) -> (u64, [u64; 0]),
) -> Result<(), String> {
    let check = Check::new(subject);
    let mut start = ModuleArgs::default();
    for (n, index) in OPERANDS.into_iter().enumerate() {
        start.set(index, 0x100 + n as u64);
    }
    for scenario in check.scenarios() {
        let mut args = [start; 3];
        let [args_a, args_b, args_c] = &mut args;
        let (result_a, traps_a) = check.trap(scenario, || a(args_a));
        let view_a = match result_a {
            Ok(status) => View::Ok(vec![status.raw()]),
            Err(error) => View::Err(error.status().raw()),
        };
        let (result_b, traps_b) = check.trap(scenario, || b(args_b));
        let (result_c, traps_c) = check.trap(scenario, || c(args_c));
        let views = [
            view_a,
            check.view(result_b.0, &result_b.1),
            check.view(result_c.0, &result_c.1),
        ];
        check.compare(scenario, views, [traps_a, traps_b, traps_c])?;
        if args[0] != args[1] || args[0] != args[2] {
            return Err(format!(
                "{} ({scenario:?}): ModuleArgs differ after the call: (a) {:x?}, (b) {:x?}, (c) {:x?}",
                subject.name, args[0], args[1], args[2]
            ));
        }
    }
    Ok(())
}

/// Check every leaf; the failures, one line each.
pub fn check_all() -> Vec<String> {
    crate::subjects::SUBJECTS
        .iter()
        .filter_map(|subject| (subject.check)().err())
        .collect()
}
