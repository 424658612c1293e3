//! The operand registers by x86 index: the lists the checks walk, and reading and writing them
//! in a trapped [`CpuState`].

use tdx_emu::CpuState;

/// The 13 operand registers by x86 index, in `struct tdx_module_args` order.
pub(super) const OPERANDS: [u8; 13] = [1, 2, 8, 9, 10, 11, 12, 13, 14, 15, 3, 7, 6];
/// RCX, RDX, R8-R11: where SEAMCALL/TDCALL leaves return values.
pub(super) const VOLATILE: [u8; 6] = [1, 2, 8, 9, 10, 11];

pub(super) fn reg(cpu: &CpuState, index: u8) -> u64 {
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

pub(super) fn set_reg(cpu: &mut CpuState, index: u8, value: u64) {
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

pub(super) fn name(index: u8) -> &'static str {
    tdx_core::reg::OPERAND_REGS
        .iter()
        .find(|(_, i)| *i == index)
        .map_or("?", |(name, _)| name)
}
