//! Every register an `asm!` block can name, RBX, CF and RIP go to the handler and come back.

use std::arch::asm;

use tdx_emu::{CpuState, Instruction};

/// Every general-purpose register an `asm!` block can name (all but RBX, RBP and RSP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Regs {
    rax: u64,
    rcx: u64,
    rdx: u64,
    rsi: u64,
    rdi: u64,
    r8: u64,
    r9: u64,
    r10: u64,
    r11: u64,
    r12: u64,
    r13: u64,
    r14: u64,
    r15: u64,
}

impl Regs {
    /// Distinct, recognisable values: register `i` gets `base + i`.
    fn numbered(base: u64) -> Self {
        Regs {
            rax: base,
            rcx: base + 1,
            rdx: base + 2,
            rsi: base + 3,
            rdi: base + 4,
            r8: base + 5,
            r9: base + 6,
            r10: base + 7,
            r11: base + 8,
            r12: base + 9,
            r13: base + 10,
            r14: base + 11,
            r15: base + 12,
        }
    }

    fn of(cpu: &CpuState) -> Self {
        Regs {
            rax: cpu.rax,
            rcx: cpu.rcx,
            rdx: cpu.rdx,
            rsi: cpu.rsi,
            rdi: cpu.rdi,
            r8: cpu.r8,
            r9: cpu.r9,
            r10: cpu.r10,
            r11: cpu.r11,
            r12: cpu.r12,
            r13: cpu.r13,
            r14: cpu.r14,
            r15: cpu.r15,
        }
    }

    fn store(&self, cpu: &mut CpuState) {
        cpu.rax = self.rax;
        cpu.rcx = self.rcx;
        cpu.rdx = self.rdx;
        cpu.rsi = self.rsi;
        cpu.rdi = self.rdi;
        cpu.r8 = self.r8;
        cpu.r9 = self.r9;
        cpu.r10 = self.r10;
        cpu.r11 = self.r11;
        cpu.r12 = self.r12;
        cpu.r13 = self.r13;
        cpu.r14 = self.r14;
        cpu.r15 = self.r15;
    }
}

/// Defines `fn $name(Regs) -> Regs` that executes `$instruction` with every nameable register as an
/// inout operand.
macro_rules! all_registers_call {
    ($name:ident, $instruction:expr) => {
        fn $name(mut regs: Regs) -> Regs {
            // SAFETY: the instruction traps into the test's handler, which may change only the
            // registers listed here (all inout) and the flags (not preserved). Without a handler,
            // the process dies.
            unsafe {
                asm!(
                    $instruction,
                    inout("rax") regs.rax,
                    inout("rcx") regs.rcx,
                    inout("rdx") regs.rdx,
                    inout("rsi") regs.rsi,
                    inout("rdi") regs.rdi,
                    inout("r8") regs.r8,
                    inout("r9") regs.r9,
                    inout("r10") regs.r10,
                    inout("r11") regs.r11,
                    inout("r12") regs.r12,
                    inout("r13") regs.r13,
                    inout("r14") regs.r14,
                    inout("r15") regs.r15,
                    options(nostack),
                );
            }
            regs
        }
    };
}

all_registers_call!(seamcall_all, seamcall_bytes!());
all_registers_call!(tdcall_all, tdcall_bytes!());

/// What an instruction run by a `*_flags` function observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Observed {
    rax: u64,
    /// RBX after the instruction, fetched with `xchg`.
    rbx: u64,
    /// CF after the instruction, fetched with `setc`.
    cf: bool,
    /// Address of the instruction (from a label).
    instruction_address: u64,
    /// Written by the instruction right after the TDX instruction: proves execution went on there.
    marker: u32,
}

/// The marker written right after the TDX instruction.
const MARKER: u32 = 0x600D_F00D;

/// Defines `fn $name(rax, rbx, carry_in) -> Observed` that sets CF to `carry_in` and RBX to `rbx`,
/// executes `$instruction`, and reports RAX, RBX, CF, the instruction's address and the marker.
macro_rules! flags_call {
    ($name:ident, $instruction:expr) => {
        fn $name(rax: u64, rbx: u64, carry_in: bool) -> Observed {
            let mut rax = rax;
            let mut rbx = rbx;
            let cf: u8;
            let instruction_address: u64;
            let marker: u32;
            // SAFETY: RBX is swapped in and out with `xchg`, so the compiler's RBX is intact
            // afterwards; the handler changes only RAX, RBX and CF. `lea`, `xchg`, `setc` and `mov`
            // leave CF alone, `bt` sets it from bit 0 of `carry_in`.
            unsafe {
                asm!(
                    "lea {address}, [rip + 2f]",
                    "xchg {rbx}, rbx",
                    "bt {carry_in}, 0",
                    "2:",
                    $instruction,
                    "setc {cf}",
                    "xchg {rbx}, rbx",
                    "mov {marker:e}, {MARKER}",
                    address = out(reg) instruction_address,
                    rbx = inout(reg) rbx,
                    carry_in = in(reg) u64::from(carry_in),
                    cf = out(reg_byte) cf,
                    marker = out(reg) marker,
                    MARKER = const MARKER,
                    inout("rax") rax,
                    options(nostack),
                );
            }
            Observed {
                rax,
                rbx,
                cf: cf != 0,
                instruction_address,
                marker,
            }
        }
    };
}

flags_call!(seamcall_flags, seamcall_bytes!());
flags_call!(tdcall_flags, tdcall_bytes!());
flags_call!(tdcall_mnemonic_flags, "tdcall");

/// Runs `instruction_all` (SEAMCALL or TDCALL with all registers) under a handler that records
/// what it saw and answers with other values, and checks both directions.
fn check_all_registers(expected: Instruction, instruction_all: fn(Regs) -> Regs) {
    let input = Regs::numbered(0x1111_0000_0000_0000);
    let answer = Regs::numbered(0xA000_0000_0000_0100);
    let mut seen = Vec::new();
    let mut handler = |instruction: Instruction, cpu: &mut CpuState| {
        seen.push((instruction, *cpu));
        answer.store(cpu);
    };
    let stack_marker = 0u8;
    let output = tdx_emu::with_handler(&mut handler, || instruction_all(input));

    assert_eq!(
        output, answer,
        "the handler's values come back in the asm outputs"
    );
    assert_eq!(seen.len(), 1, "exactly one trap");
    let (instruction, cpu) = seen[0];
    assert_eq!(instruction, expected);
    assert_eq!(
        Regs::of(&cpu),
        input,
        "the handler sees exactly the asm inputs"
    );
    assert!(!cpu.cf, "CF starts false");
    assert_ne!(cpu.rip, 0);
    // RSP is the stack pointer at the instruction, somewhere near this frame.
    let here = &stack_marker as *const u8 as u64;
    assert!(
        cpu.rsp.abs_diff(here) < 1 << 20,
        "rsp {:#x} vs frame {here:#x}",
        cpu.rsp
    );
}

#[test]
fn seamcall_passes_every_register_both_ways() {
    check_all_registers(Instruction::Seamcall, seamcall_all);
}

#[test]
fn tdcall_passes_every_register_both_ways() {
    check_all_registers(Instruction::Tdcall, tdcall_all);
}

/// Checks RBX in both directions, CF set and cleared by the handler, RIP as seen by the handler and
/// execution resuming after the instruction.
fn check_rbx_cf_and_rip(expected: Instruction, instruction_flags: fn(u64, u64, bool) -> Observed) {
    let mut seen = Vec::new();
    let mut handler = |instruction: Instruction, cpu: &mut CpuState| {
        seen.push((instruction, *cpu));
        // Leaf 1 reports failure through CF; every other leaf succeeds with CF clear.
        cpu.cf = cpu.rax == 1;
        cpu.rax += 0x5EC0_0000;
        cpu.rbx = !cpu.rbx;
    };
    let (failed, succeeded) = tdx_emu::with_handler(&mut handler, || {
        // CF clear before; the handler sets it.
        let failed = instruction_flags(1, 0x0B0B_0B0B_0B0B_0B0B, false);
        // CF set before; the handler clears it.
        let succeeded = instruction_flags(2, 0x1234_5678_9ABC_DEF0, true);
        (failed, succeeded)
    });

    assert_eq!(seen.len(), 2);
    for (instruction, _) in &seen {
        assert_eq!(*instruction, expected);
    }
    let (first, second) = (seen[0].1, seen[1].1);

    assert_eq!(first.rax, 1);
    assert_eq!(first.rbx, 0x0B0B_0B0B_0B0B_0B0B, "the handler sees RBX");
    assert_eq!(
        first.rip, failed.instruction_address,
        "RIP is the instruction's address"
    );
    assert!(!first.cf);
    assert_eq!(failed.rax, 0x5EC0_0001);
    assert_eq!(
        failed.rbx, !0x0B0B_0B0B_0B0B_0B0B,
        "RBX written by the handler comes back"
    );
    assert!(
        failed.cf,
        "CF set by the handler is visible after the instruction"
    );
    assert_eq!(
        failed.marker, MARKER,
        "execution resumed after the instruction"
    );

    assert_eq!(second.rax, 2);
    assert_eq!(second.rbx, 0x1234_5678_9ABC_DEF0);
    assert_eq!(second.rip, succeeded.instruction_address);
    assert!(!second.cf, "CF starts false whatever it was before");
    assert_eq!(succeeded.rax, 0x5EC0_0002);
    assert_eq!(succeeded.rbx, !0x1234_5678_9ABC_DEF0);
    assert!(!succeeded.cf, "CF cleared by the handler");
    assert_eq!(succeeded.marker, MARKER);
}

#[test]
fn seamcall_rbx_cf_and_rip() {
    check_rbx_cf_and_rip(Instruction::Seamcall, seamcall_flags);
}

#[test]
fn tdcall_rbx_cf_and_rip() {
    check_rbx_cf_and_rip(Instruction::Tdcall, tdcall_flags);
}

#[test]
fn the_assemblers_tdcall_mnemonic_is_trapped_too() {
    check_rbx_cf_and_rip(Instruction::Tdcall, tdcall_mnemonic_flags);
}
