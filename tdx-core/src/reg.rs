//! Registers and the traits that move typed values in and out of them.
//!
//! This module is the one register table of the project: the marker type of every
//! register an operand may travel in, its bit in a [`RegSet`], and the two value traits
//! ([`RegEncode`], [`RegDecode`]) that typed operands implement.
//!
//! `u64` is the raw register: it implements neither value trait, and the macro treats it
//! specially (any output register may be read as a raw `u64`; an input the ABI table
//! declares as `u64` takes exactly a `u64`).

use core::fmt;

/// A general-purpose register that can carry a TDX call operand.
///
/// Implemented by the zero-sized markers [`Rcx`], [`Rdx`], [`R8`] … [`Rsi`]. `RAX` (the
/// leaf and the status), `RSP` and `RBP` are never operands.
pub trait Reg: sealed::Sealed + 'static {
    /// The register's name in lowercase, as written in the DSL (`"rcx"`).
    const NAME: &'static str;
    /// The register's index in the x86 GPR numbering (RAX = 0, RCX = 1 … R15 = 15),
    /// which is also its bit in the TDG.VP.VMCALL exposed-register mask.
    const INDEX: u8;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! registers {
    ($($(#[$doc:meta])* $ty:ident = $name:literal, $index:literal;)*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
            pub struct $ty;
            impl sealed::Sealed for $ty {}
            impl Reg for $ty {
                const NAME: &'static str = $name;
                const INDEX: u8 = $index;
            }
        )*

        /// Every operand register, in the order of Linux's `struct tdx_module_args`
        /// (RCX, RDX, R8–R15, RBX, RDI, RSI).
        pub const OPERAND_REGS: [(&str, u8); 13] = [$(($name, $index)),*];
    };
}

registers! {
    /// RCX.
    Rcx = "rcx", 1;
    /// RDX.
    Rdx = "rdx", 2;
    /// R8.
    R8 = "r8", 8;
    /// R9.
    R9 = "r9", 9;
    /// R10.
    R10 = "r10", 10;
    /// R11.
    R11 = "r11", 11;
    /// R12.
    R12 = "r12", 12;
    /// R13.
    R13 = "r13", 13;
    /// R14.
    R14 = "r14", 14;
    /// R15.
    R15 = "r15", 15;
    /// RBX (reserved by LLVM: the macro swaps it through a scratch register).
    Rbx = "rbx", 3;
    /// RDI.
    Rdi = "rdi", 7;
    /// RSI.
    Rsi = "rsi", 6;
}

/// A set of registers, one bit per register in the x86 GPR numbering
/// (bit 1 = RCX, bit 2 = RDX, bit 3 = RBX, bit 6 = RSI, bit 7 = RDI, bits 8–15 = R8–R15).
///
/// This is the encoding of the TDG.VP.VMCALL exposed-register mask in RCX, so a set of
/// TDVMCALL registers *is* its mask.
///
/// ```
/// use tdx_core::reg::RegSet;
/// let set = RegSet::EMPTY.with(10).with(11).with(12).with(13);
/// assert_eq!(set.bits(), 0x3C00); // MapGPA's mask
/// assert!(set.contains(12));
/// assert_eq!(format!("{set}"), "r10 r11 r12 r13");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RegSet(u16);

impl RegSet {
    /// No registers.
    pub const EMPTY: RegSet = RegSet(0);
    /// The registers Linux's `__tdx_hypercall` exposes to the VMM (`TDVMCALL_EXPOSE_REGS_MASK`,
    /// 0xFFCC: RDX, RBX, RSI, RDI, R8–R15).
    pub const LINUX_TDVMCALL_EXPOSED: RegSet = RegSet(0xFFCC);
    /// Every operand register (RCX, RDX, RBX, RSI, RDI, R8–R15).
    pub const ALL_OPERANDS: RegSet = RegSet(0xFFCE);

    /// A set from its raw bits (bits outside [`RegSet::ALL_OPERANDS`] are dropped, since
    /// RAX, RSP and RBP are never operands).
    pub const fn from_bits(bits: u16) -> RegSet {
        RegSet(bits & Self::ALL_OPERANDS.0)
    }
    /// The raw bits.
    pub const fn bits(self) -> u16 {
        self.0
    }
    /// This set plus the register with GPR index `index` (ignored if not an operand register).
    pub const fn with(self, index: u8) -> RegSet {
        RegSet::from_bits(self.0 | (1u16 << (index & 15)))
    }
    /// Whether the register with GPR index `index` is in the set.
    pub const fn contains(self, index: u8) -> bool {
        index < 16 && self.0 & (1u16 << index) != 0
    }
    /// The registers in `self` that are not in `other`.
    pub const fn difference(self, other: RegSet) -> RegSet {
        RegSet(self.0 & !other.0)
    }
    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The names of the registers in the set, in `struct tdx_module_args` order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        OPERAND_REGS
            .into_iter()
            .filter(move |&(_, index)| self.contains(index))
            .map(|(name, _)| name)
    }
}

impl fmt::Display for RegSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, name) in self.names().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

impl fmt::Debug for RegSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegSet({:#06x}: {self})", self.0)
    }
}

/// A typed value that can be loaded into a register as a call input.
///
/// Implement it for an operand type of your own (8 bytes or less, `Copy`) to use it in a
/// wrapper of your own leaf. The ABI table names, for each input register, the one type it
/// accepts: a different type, even one that also implements `RegEncode`, fails to compile.
///
/// `u64` deliberately does not implement this trait: it is the raw register, accepted only
/// where the ABI table says `u64`.
pub trait RegEncode: Copy {
    /// The 64-bit register image.
    fn to_reg(self) -> u64;
}

/// A typed value that can be decoded from a register a call returned.
///
/// Decoding is total and lossless: every 64-bit pattern decodes to a value that keeps
/// it (unknown codes are kept as they are, out-of-range addresses become an `Err` that holds
/// the raw value). It never panics.
///
/// `u64` deliberately does not implement this trait: any output register may be read as a
/// raw `u64`, whatever type the ABI table gives it.
pub trait RegDecode: Copy {
    /// Decode the 64-bit register image.
    fn from_reg(raw: u64) -> Self;
}
