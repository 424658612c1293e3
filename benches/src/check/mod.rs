//! The three subjects of a leaf must do the same thing, or the footprint comparison means
//! nothing. This module runs each of them through the tdx-emu trap, with a handler that records
//! the registers the instruction saw and answers with distinctive values, and checks that:
//!
//! * each issues the instruction exactly once, with the same RAX;
//! * every register the leaf reads by the ABI table (`LeafData::loaded`: the inputs and the
//!   reserved zeros, RCX..R15, RBX, RDI and RSI) holds the same value in all three, and a
//!   reserved one holds 0 (for TDG.VP.VMCALL also R10 and R11, which the macro sets; the floor
//!   exposes the same registers as the macro, every input and every register the table says
//!   the VMM writes is exposed, output-only exposed registers go in as zero, and the Linux
//!   path, which exposes `0xFFCC`, passes the same inputs);
//! * they return the same status and outputs, on success, on an error status, on VMfailInvalid
//!   (CF=1, SEAMCALL) and on a VMM error (R10, TDG.VP.VMCALL).
//!
//! The trap answers every register the table says the leaf writes (`LeafData::writes`, above
//! R11 too; [`crate::registers::answered`]) with `0x5000 + index`, so an output read from the
//! wrong register, or not read back, shows as a difference.
//!
//! The error registers (a) also captures are not compared: the floor does not capture them.
//!
//! The subjects' inputs are [`Sample`] values (`sample.rs`), their outputs are compared as
//! [`Raw`] registers (`raw.rs`), and [`crate::registers`] reads and writes the trapped
//! registers.

mod raw;
mod sample;

pub use raw::Raw;
pub use sample::Sample;

use crate::Subject;
use crate::registers::{OPERANDS, answered, name, reg, set_reg};
use tdx_core::abi::LeafData;
use tdx_core::reg::RegSet;
use tdx_core::{ModuleArgs, TdvmcallStatus, TdxError, TdxStatus};
use tdx_emu::{CpuState, Instruction, with_handler};

/// How a leaf uses the registers, which decides what the trap handler may write and how
/// the results are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A SEAMCALL leaf: the module writes the registers the table's `writes` lists, above R11
    /// too, and preserves the rest (RCX, RDX, R8-R11 are taken back in any case).
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

/// What one subject did under [`Check::trap`].
pub struct Traps {
    /// The registers each trapped instruction saw.
    pub seen: Vec<CpuState>,
    /// The callee-saved registers (RBX, R12-R15) the subject did not preserve
    /// ([`crate::preserved::kept`]): one the module writes that its `asm!` does not declare.
    pub lost: RegSet,
}

/// What the handler writes into register `index`.
const fn answer(index: u8) -> u64 {
    0x5000 + index as u64
}
/// Success with information: `TDX_KEY_CONFIGURED` (bit 63 clear, non-zero).
const SUCCESS_WITH_INFO: u64 = 0x0000_0815_0000_0000;
/// TDH.VP.ENTER success: exit reason 77 (TDCALL) in bits 31:0.
const SUCCESS_EXIT: u64 = 77;

/// The comparison of one leaf's three subjects.
pub struct Check {
    subject: &'static Subject,
    leaf: &'static LeafData,
}

impl Check {
    /// A check of `subject`.
    pub fn new(subject: &'static Subject) -> Self {
        Check {
            subject,
            leaf: subject.leaf(),
        }
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
    /// `scenario` says, with canaries in the callee-saved registers.
    pub fn trap<R>(&self, scenario: Scenario, f: impl FnOnce() -> R) -> (R, Traps) {
        let kind = self.subject.kind;
        let writes = self.leaf.writes;
        let mut seen = Vec::new();
        let mut handler = |_: Instruction, cpu: &mut CpuState| {
            seen.push(*cpu);
            if scenario == Scenario::VmFailInvalid {
                cpu.cf = true; // RAX is left as it was, as the CPU does
                return;
            }
            for index in answered(kind, writes, cpu) {
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
        let (result, lost) = with_handler(&mut handler, || crate::preserved::kept(f));
        (result, Traps { seen, lost })
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
        traps: [Traps; 3],
    ) -> Result<(), String> {
        let fail = |what: String| Err(format!("{} ({scenario:?}): {what}", self.subject.name));
        for (set, traps) in ["a", "b", "c"].iter().zip(&traps) {
            if traps.seen.len() != 1 {
                return fail(format!(
                    "({set}) trapped {} times, not once",
                    traps.seen.len()
                ));
            }
            if !traps.lost.is_empty() {
                return fail(format!(
                    "({set}) did not preserve {}: the module writes it, the asm! does not declare it",
                    traps.lost
                ));
            }
        }
        let [a, b, c] = [&traps[0].seen[0], &traps[1].seen[0], &traps[2].seen[0]];
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
            Kind::Seamcall | Kind::Tdcall => self.same_inputs([a, b, c], &[]).or_else(fail),
            Kind::Tdvmcall | Kind::Vendor => self.same_exposure([a, b, c]).or_else(fail),
            Kind::SeamcallRegs | Kind::TdcallRegs => {
                self.same_inputs([a, b, c], &OPERANDS).or_else(fail)
            }
        }
    }

    /// Every register the leaf reads (its table entry's inputs and reserved zeros, and
    /// `also`) holds the same value at the three traps; a reserved one holds 0.
    fn same_inputs(&self, [a, b, c]: [&CpuState; 3], also: &[u8]) -> Result<(), String> {
        let loaded = self.leaf.loaded();
        let read = OPERANDS
            .into_iter()
            .filter(|index| loaded.contains(*index) || also.contains(index));
        for index in read {
            let [got_a, got_b, got_c] = [a, b, c].map(|cpu| reg(cpu, index));
            if got_a != got_c || got_b != got_c {
                return Err(format!(
                    "input {} differs: (a) {got_a:#x}, (b) {got_b:#x}, (c) {got_c:#x}",
                    name(index)
                ));
            }
            if self.leaf.zeroed.contains(index) && got_c != 0 {
                return Err(format!(
                    "reserved input {} is {got_c:#x}, not 0",
                    name(index)
                ));
            }
        }
        Ok(())
    }

    /// TDG.VP.VMCALL: (a) and (b) expose the same registers, among them every input and every
    /// register the table says the VMM writes; the inputs (and R10, R11) are the same in all
    /// three, and (a) and (b) load an exposed register that is no input with zero.
    fn same_exposure(&self, [a, b, c]: [&CpuState; 3]) -> Result<(), String> {
        if a.rcx != b.rcx {
            return Err(format!(
                "exposed-register masks differ: (a) {:#x}, (b) {:#x}",
                a.rcx, b.rcx
            ));
        }
        self.same_inputs([a, b, c], &[10, 11])?;
        let loaded = self.leaf.loaded();
        for index in OPERANDS.into_iter().filter(|&i| i != 1) {
            let exposed = a.rcx & 1 << index != 0;
            let input = loaded.contains(index) || index == 10 || index == 11;
            if (input || self.leaf.writes.contains(index)) && !exposed {
                return Err(format!(
                    "{} is an input or written by the VMM, but (a) does not expose it (RCX {:#x})",
                    name(index),
                    a.rcx
                ));
            }
            let (got_a, got_b) = (reg(a, index), reg(b, index));
            if !input && exposed && (got_a != 0 || got_b != 0) {
                return Err(format!(
                    "exposed output-only {} not zeroed: (a) {got_a:#x}, (b) {got_b:#x}",
                    name(index)
                ));
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
