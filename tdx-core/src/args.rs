//! [`ModuleArgs`]: the 13 operand registers in memory, laid out as Linux's
//! `struct tdx_module_args`.

use core::mem::{offset_of, size_of};

use crate::reg::OPERAND_REGS;

/// The 13 operand registers of a TDX call, in the layout of Linux's
/// `struct tdx_module_args` (`arch/x86/include/asm/shared/tdx.h`): rcx, rdx, r8–r15, rbx,
/// rdi, rsi, 8 bytes each, 104 bytes in all.
///
/// Used by the `regs = ...` form of the DSL (TDH.VP.ENTER, TDG.VP.VMCALL), where every
/// register goes in and comes out through memory, and to report the registers a failed
/// call returned.
///
/// ```
/// use tdx_core::ModuleArgs;
/// let mut args = ModuleArgs { r10: 0, r11: 0x10001, ..ModuleArgs::default() };
/// assert!(args.set(12, 0x8000_0000)); // r12
/// assert_eq!(args.r12, 0x8000_0000);
/// assert_eq!(args.get(11), Some(0x10001));
/// assert_eq!(args.get(0), None); // rax is never an operand
/// assert_eq!(core::mem::size_of::<ModuleArgs>(), 104);
/// ```
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct ModuleArgs {
    /// RCX (offset 0).
    pub rcx: u64,
    /// RDX (offset 8).
    pub rdx: u64,
    /// R8 (offset 16).
    pub r8: u64,
    /// R9 (offset 24).
    pub r9: u64,
    /// R10 (offset 32).
    pub r10: u64,
    /// R11 (offset 40).
    pub r11: u64,
    /// R12 (offset 48).
    pub r12: u64,
    /// R13 (offset 56).
    pub r13: u64,
    /// R14 (offset 64).
    pub r14: u64,
    /// R15 (offset 72).
    pub r15: u64,
    /// RBX (offset 80).
    pub rbx: u64,
    /// RDI (offset 88).
    pub rdi: u64,
    /// RSI (offset 96).
    pub rsi: u64,
}

const _: () = {
    assert!(size_of::<ModuleArgs>() == 104);
    assert!(offset_of!(ModuleArgs, rcx) == 0);
    assert!(offset_of!(ModuleArgs, rdx) == 8);
    assert!(offset_of!(ModuleArgs, r8) == 16);
    assert!(offset_of!(ModuleArgs, r9) == 24);
    assert!(offset_of!(ModuleArgs, r10) == 32);
    assert!(offset_of!(ModuleArgs, r11) == 40);
    assert!(offset_of!(ModuleArgs, r12) == 48);
    assert!(offset_of!(ModuleArgs, r13) == 56);
    assert!(offset_of!(ModuleArgs, r14) == 64);
    assert!(offset_of!(ModuleArgs, r15) == 72);
    assert!(offset_of!(ModuleArgs, rbx) == 80);
    assert!(offset_of!(ModuleArgs, rdi) == 88);
    assert!(offset_of!(ModuleArgs, rsi) == 96);
};

impl ModuleArgs {
    /// All registers zero.
    pub const ZERO: ModuleArgs = ModuleArgs {
        rcx: 0,
        rdx: 0,
        r8: 0,
        r9: 0,
        r10: 0,
        r11: 0,
        r12: 0,
        r13: 0,
        r14: 0,
        r15: 0,
        rbx: 0,
        rdi: 0,
        rsi: 0,
    };

    /// The register with x86 GPR index `reg_index` (RCX = 1, RDX = 2, RBX = 3, RSI = 6,
    /// RDI = 7, R8–R15 = 8–15), or `None` if it is not an operand register.
    #[inline]
    pub const fn get(&self, reg_index: u8) -> Option<u64> {
        Some(match reg_index {
            1 => self.rcx,
            2 => self.rdx,
            3 => self.rbx,
            6 => self.rsi,
            7 => self.rdi,
            8 => self.r8,
            9 => self.r9,
            10 => self.r10,
            11 => self.r11,
            12 => self.r12,
            13 => self.r13,
            14 => self.r14,
            15 => self.r15,
            _ => return None,
        })
    }

    /// A mutable reference to the register with x86 GPR index `reg_index`, or `None` if it
    /// is not an operand register.
    #[inline]
    pub const fn get_mut(&mut self, reg_index: u8) -> Option<&mut u64> {
        Some(match reg_index {
            1 => &mut self.rcx,
            2 => &mut self.rdx,
            3 => &mut self.rbx,
            6 => &mut self.rsi,
            7 => &mut self.rdi,
            8 => &mut self.r8,
            9 => &mut self.r9,
            10 => &mut self.r10,
            11 => &mut self.r11,
            12 => &mut self.r12,
            13 => &mut self.r13,
            14 => &mut self.r14,
            15 => &mut self.r15,
            _ => return None,
        })
    }

    /// Sets the register with x86 GPR index `reg_index` to `value`; returns `false` (and
    /// changes nothing) if it is not an operand register.
    #[inline]
    pub const fn set(&mut self, reg_index: u8, value: u64) -> bool {
        match self.get_mut(reg_index) {
            Some(reg) => {
                *reg = value;
                true
            }
            None => false,
        }
    }

    /// Every register as `(name, value)`, in `struct tdx_module_args` order
    /// (`("rcx", ..)`, `("rdx", ..)`, … `("rsi", ..)`).
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        OPERAND_REGS
            .into_iter()
            .map(move |(name, index)| (name, self.get(index).unwrap_or(0)))
    }
}
