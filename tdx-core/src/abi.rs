//! The ABI table: one type per TDX leaf, carrying its number, version, spec name and the
//! type of every register it reads or writes.
//!
//! The `#[seamcall]`, `#[tdcall]` and `#[tdvmcall]` macros name a leaf type from this table
//! (`leaf = abi::TdhPhymemPageReclaim`) and let the compiler check each binding against it:
//!
//! * an input register takes exactly the type the table gives it (an [`Hpa`] where the ABI
//!   says host physical, a [`Page<Tdr>`] where it says TDR, never a raw `u64` for an address);
//! * binding a register the leaf does not use, or leaving out one it reads, fails to compile;
//! * an output field defaults to the table's type for its register, and may only be declared
//!   as that type or as a raw `u64`.
//!
//! The facts come from Linux (`arch/x86/virt/vmx/tdx/tdx.{c,h}`, `arch/x86/coco/tdx/tdx.c`,
//! `arch/x86/include/asm/shared/tdx.h`); each entry says where its register roles come from.
//!
//! Declare leaves of your own (a newer module, a vendor leaf) with [`abi_table!`](crate::abi_table):
//!
//! ```
//! use tdx_core::{abi::{Leaf, Family}, Hpa, Page, Tdr};
//!
//! tdx_core::abi_table! {
//!     /// A made-up leaf for this example.
//!     pub seamcall TdhExampleLeaf = 0x7F, version 0, "TDH.EXAMPLE.LEAF" {
//!         in { rcx: Page<Tdr>, rdx: u64 }
//!         out { r8: u64 }
//!     }
//! }
//!
//! assert_eq!(TdhExampleLeaf::INFO.rax(), 0x7F);
//! assert_eq!(TdhExampleLeaf::INFO.family, Family::Seamcall);
//! assert_eq!(TdhExampleLeaf::INPUTS.to_string(), "rcx rdx");
//! ```

use crate::reg::{Reg, RegSet};
#[allow(unused_imports)] // used by the intra-doc links above
use crate::{Hpa, Page, Tdr};
use core::fmt;

/// The three families of TDX calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// SEAMCALL: host VMM → TDX module (`66 0F 01 CF`).
    Seamcall,
    /// TDCALL: TD guest → TDX module (`66 0F 01 CC`).
    Tdcall,
    /// TDG.VP.VMCALL: TD guest → host VMM, TDCALL leaf 0 with the sub-function in R11.
    Tdvmcall,
}

impl Family {
    /// The lowercase name used by the attribute (`"seamcall"`).
    pub const fn name(self) -> &'static str {
        match self {
            Family::Seamcall => "seamcall",
            Family::Tdcall => "tdcall",
            Family::Tdvmcall => "tdvmcall",
        }
    }
}

/// What identifies a leaf: its family, spec name, number and version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LeafInfo {
    /// The call family.
    pub family: Family,
    /// The spec mnemonic (`"TDH.PHYMEM.PAGE.RECLAIM"`), or `"leaf 0x…"` for an unchecked
    /// integer leaf.
    pub name: &'static str,
    /// The leaf number (bits 15:0 of RAX, bit 63 for the P-SEAMLDR leaves), or for
    /// TDG.VP.VMCALL the sub-function number that goes into R11.
    pub number: u64,
    /// The leaf version, bits 23:16 of RAX (TDH.VP.INIT is version 1).
    pub version: u8,
}

impl LeafInfo {
    /// Bit position of the version field in RAX (`TDX_VERSION_SHIFT`).
    pub const VERSION_SHIFT: u32 = 16;

    /// The value the call puts in RAX: `number | version << 16` for SEAMCALL and TDCALL,
    /// 0 (TDG.VP.VMCALL) for a TDVMCALL sub-function.
    ///
    /// ```
    /// use tdx_core::abi::{Leaf, TdhVpInit};
    /// assert_eq!(TdhVpInit::INFO.rax(), 0x1_0016); // leaf 22, version 1
    /// ```
    pub const fn rax(&self) -> u64 {
        match self.family {
            Family::Tdvmcall => 0,
            Family::Seamcall | Family::Tdcall => {
                self.number | ((self.version as u64) << Self::VERSION_SHIFT)
            }
        }
    }

    /// The same leaf at another version (for a module newer than the table).
    pub const fn with_version(self, version: u8) -> LeafInfo {
        LeafInfo { version, ..self }
    }
}

impl fmt::Display for LeafInfo {
    /// `TDH.VP.INIT (leaf 22, version 1)`, `TDG.VP.VMCALL<MapGPA> (sub-function 0x10001)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.family {
            Family::Tdvmcall => write!(
                f,
                "TDG.VP.VMCALL<{}> (sub-function {:#x})",
                self.name, self.number
            ),
            Family::Seamcall | Family::Tdcall => {
                f.write_str(self.name)?;
                if self.number & (1 << 63) != 0 {
                    write!(f, " (P-SEAMLDR leaf {:#x}", self.number)?;
                } else {
                    write!(f, " (leaf {}", self.number)?;
                }
                if self.version != 0 {
                    write!(f, ", version {}", self.version)?;
                }
                f.write_str(")")
            }
        }
    }
}

/// A leaf of the ABI table.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a leaf of the TDX ABI table",
    label = "expected a leaf type such as `tdx_core::abi::TdhMemPageAdd`",
    note = "declare new leaves with `tdx_core::abi_table!`, or pass an integer leaf (unchecked)"
)]
pub trait Leaf {
    /// Family, name, number and version.
    const INFO: LeafInfo;
    /// Every register the leaf reads (for TDG.VP.VMCALL: besides RCX, R10 and R11, which the
    /// macro sets).
    const INPUTS: RegSet;
    /// Every register the leaf returns a value in on success (for TDG.VP.VMCALL: besides R10,
    /// the TDVMCALL status).
    const OUTPUTS: RegSet;
}

/// A SEAMCALL leaf (host → TDX module).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a SEAMCALL leaf",
    label = "used with `#[seamcall]` here",
    note = "TDCALL leaves (`Tdg…`) go with `#[tdcall]`, TDG.VP.VMCALL sub-functions (`Tdvmcall…`) with `#[tdvmcall]`"
)]
pub trait SeamcallLeaf: Leaf {}

/// A TDCALL leaf (TD guest → TDX module).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a TDCALL leaf",
    label = "used with `#[tdcall]` here",
    note = "SEAMCALL leaves (`Tdh…`) go with `#[seamcall]`, TDG.VP.VMCALL sub-functions (`Tdvmcall…`) with `#[tdvmcall]`"
)]
pub trait TdcallLeaf: Leaf {}

/// A TDG.VP.VMCALL sub-function (TD guest → host VMM).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a TDG.VP.VMCALL sub-function",
    label = "used with `#[tdvmcall]` here",
    note = "SEAMCALL leaves (`Tdh…`) go with `#[seamcall]`, TDCALL leaves (`Tdg…`) with `#[tdcall]`"
)]
pub trait TdvmcallLeaf: Leaf {}

/// The type a leaf reads from input register `R`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` takes no input in `{R}`",
    label = "the ABI table does not list this register as an input of this leaf",
    note = "see the leaf's entry in `tdx_core::abi` for the registers it reads"
)]
pub trait Input<R: Reg>: Leaf {
    /// The operand type the register carries.
    type Type;
}

/// The type a leaf returns in output register `R`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` returns nothing in `{R}`",
    label = "the ABI table does not list this register as an output of this leaf",
    note = "see the leaf's entry in `tdx_core::abi` for the registers it returns"
)]
pub trait Output<R: Reg>: Leaf {
    /// The decoded type of the register.
    type Type;
}

/// Declare leaves of the ABI table.
///
/// Each entry gives the family (`seamcall`, `tdcall`, `tdvmcall`), the type name, the
/// leaf number (for `tdvmcall`, the sub-function), the version, the spec name, and the type
/// of each input and output register:
///
/// ```
/// use tdx_core::{abi::Leaf, FieldId, Page, Tdr};
///
/// tdx_core::abi_table! {
///     /// Read a TD-scope metadata field (a second copy of `TdhMngRd`, for the example).
///     pub seamcall MyMngRd = 11, version 0, "TDH.MNG.RD" {
///         in { rcx: Page<Tdr>, rdx: FieldId }
///         out { r8: u64 }
///     }
/// }
/// assert_eq!(MyMngRd::OUTPUTS.to_string(), "r8");
/// ```
///
/// Registers are written in lowercase (`rcx rdx r8 … r15 rbx rdi rsi`).
#[macro_export]
macro_rules! abi_table {
    ($(
        $(#[$attr:meta])*
        $vis:vis $family:ident $leaf:ident = $number:literal, version $version:literal, $name:literal {
            in { $($in_reg:ident : $in_ty:ty),* $(,)? }
            out { $($out_reg:ident : $out_ty:ty),* $(,)? }
        }
    )*) => {$(
        $(#[$attr])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        $vis struct $leaf;

        impl $crate::abi::Leaf for $leaf {
            const INFO: $crate::abi::LeafInfo = $crate::abi::LeafInfo {
                family: $crate::__abi_family!($family),
                name: $name,
                number: $number,
                version: $version,
            };
            const INPUTS: $crate::reg::RegSet = $crate::reg::RegSet::EMPTY
                $(.with(<$crate::__abi_reg!($in_reg) as $crate::reg::Reg>::INDEX))*;
            const OUTPUTS: $crate::reg::RegSet = $crate::reg::RegSet::EMPTY
                $(.with(<$crate::__abi_reg!($out_reg) as $crate::reg::Reg>::INDEX))*;
        }

        $crate::__abi_family_impl!($family $leaf);

        $(
            impl $crate::abi::Input<$crate::__abi_reg!($in_reg)> for $leaf {
                type Type = $in_ty;
            }
        )*
        $crate::__abi_outputs!($leaf; $($out_reg : $out_ty),*);
    )*};
}

#[doc(hidden)]
#[macro_export]
macro_rules! __abi_family {
    (seamcall) => {
        $crate::abi::Family::Seamcall
    };
    (tdcall) => {
        $crate::abi::Family::Tdcall
    };
    (tdvmcall) => {
        $crate::abi::Family::Tdvmcall
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __abi_family_impl {
    (seamcall $leaf:ident) => {
        impl $crate::abi::SeamcallLeaf for $leaf {}
    };
    (tdcall $leaf:ident) => {
        impl $crate::abi::TdcallLeaf for $leaf {}
    };
    (tdvmcall $leaf:ident) => {
        impl $crate::abi::TdvmcallLeaf for $leaf {}
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __abi_reg {
    (rcx) => {
        $crate::reg::Rcx
    };
    (rdx) => {
        $crate::reg::Rdx
    };
    (r8) => {
        $crate::reg::R8
    };
    (r9) => {
        $crate::reg::R9
    };
    (r10) => {
        $crate::reg::R10
    };
    (r11) => {
        $crate::reg::R11
    };
    (r12) => {
        $crate::reg::R12
    };
    (r13) => {
        $crate::reg::R13
    };
    (r14) => {
        $crate::reg::R14
    };
    (r15) => {
        $crate::reg::R15
    };
    (rbx) => {
        $crate::reg::Rbx
    };
    (rdi) => {
        $crate::reg::Rdi
    };
    (rsi) => {
        $crate::reg::Rsi
    };
}

mod table;
pub use table::*;

/// The type of an output register a leaf does not return anything in. Every leaf implements
/// [`Output`] for all 13 registers (so an output struct naming such a register still has a
/// well-formed type, and the mistake is reported once, by the wrapper's decode call).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoOutput {}

#[doc(hidden)]
#[macro_export]
macro_rules! __abi_outputs {
    ($leaf:ident; $($reg:ident : $ty:ty),*) => {
        $crate::__abi_lookup_out!($leaf, rcx; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, rdx; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, r8; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, r9; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, r10; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, r11; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, r12; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, r13; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, r14; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, r15; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, rbx; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, rdi; $($reg : $ty),*);
        $crate::__abi_lookup_out!($leaf, rsi; $($reg : $ty),*);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __abi_lookup_out {
    ($leaf:ident, $want:ident; ) => {
        impl $crate::abi::Output<$crate::__abi_reg!($want)> for $leaf {
            type Type = $crate::abi::NoOutput;
        }
    };
    ($leaf:ident, $want:ident; $reg:ident : $ty:ty $(, $rreg:ident : $rty:ty)*) => {
        $crate::__abi_if_eq! { $want $reg {
            impl $crate::abi::Output<$crate::__abi_reg!($want)> for $leaf {
                type Type = $ty;
            }
        } else {
            $crate::__abi_lookup_out!($leaf, $want; $($rreg : $rty),*);
        } }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __abi_if_eq {
    (rcx rcx {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (rdx rdx {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (r8 r8 {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (r9 r9 {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (r10 r10 {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (r11 r11 {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (r12 r12 {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (r13 r13 {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (r14 r14 {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (r15 r15 {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (rbx rbx {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (rdi rdi {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    (rsi rsi {$($then:tt)*} else {$($else:tt)*}) => { $($then)* };
    ($a:ident $b:ident {$($then:tt)*} else {$($else:tt)*}) => { $($else)* };
}
