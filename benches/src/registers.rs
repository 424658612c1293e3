//! The operand registers by x86 index, in one place for the checks ([`crate::check`], the
//! (b') checks of [`crate::shaped`]) and the scripted answers ([`crate::script`]): the lists
//! they walk, reading and writing a register of a trapped [`CpuState`], and which registers a
//! trap answers for a leaf ([`answered`]).

use crate::check::Kind;
use tdx_core::reg::RegSet;
use tdx_emu::CpuState;

/// The 13 operand registers by x86 index, in `struct tdx_module_args` order.
pub const OPERANDS: [u8; 13] = [1, 2, 8, 9, 10, 11, 12, 13, 14, 15, 3, 7, 6];
/// RCX, RDX, R8-R11: the caller-saved operand registers, which every wrapper takes back.
pub const VOLATILE: [u8; 6] = [1, 2, 8, 9, 10, 11];

/// The x86 index of an operand register named in an entry (`out(r12)`).
macro_rules! gpr {
    (rcx) => {
        1
    };
    (rdx) => {
        2
    };
    (rbx) => {
        3
    };
    (rsi) => {
        6
    };
    (rdi) => {
        7
    };
    (r8) => {
        8
    };
    (r9) => {
        9
    };
    (r10) => {
        10
    };
    (r11) => {
        11
    };
    (r12) => {
        12
    };
    (r13) => {
        13
    };
    (r14) => {
        14
    };
    (r15) => {
        15
    };
}
pub(crate) use gpr;

/// Operand register `index` of `cpu`.
pub fn reg(cpu: &CpuState, index: u8) -> u64 {
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

/// Set operand register `index` of `cpu` to `value`.
pub fn set_reg(cpu: &mut CpuState, index: u8, value: u64) {
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

/// The name of operand register `index` (`"r12"`).
pub fn name(index: u8) -> &'static str {
    tdx_core::reg::OPERAND_REGS
        .iter()
        .find(|(_, i)| *i == index)
        .map_or("?", |(name, _)| name)
}

/// The registers a trap answers (other than RAX) for a leaf of `kind` that the ABI table says
/// writes `writes` (`LeafData::writes`), when the instruction saw `cpu`:
///
/// * SEAMCALL and TDCALL: RCX, RDX, R8-R11 (which a wrapper may not assume preserved) and
///   every register of `writes`, R12-R15, RBX, RDI and RSI included;
/// * TDG.VP.VMCALL: what the VMM can write, the registers exposed in RCX, and R10 and R11
///   (the table's `writes` must be among them, which [`crate::check`] checks);
/// * `regs = ...`: all 13.
pub fn answered(kind: Kind, writes: RegSet, cpu: &CpuState) -> Vec<u8> {
    let exposed = cpu.rcx;
    OPERANDS
        .into_iter()
        .filter(|&index| match kind {
            Kind::SeamcallRegs | Kind::TdcallRegs => true,
            Kind::Tdvmcall | Kind::Vendor => {
                exposed & 1 << index != 0 || index == 10 || index == 11
            }
            Kind::Seamcall | Kind::Tdcall => VOLATILE.contains(&index) || writes.contains(index),
        })
        .collect()
}
