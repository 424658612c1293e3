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
    /// Reserved inputs: registers the module reads that must be zero. Every wrapper loads 0
    /// into them itself, as Linux's zero-filled `struct tdx_module_args` does.
    const ZEROED: RegSet;
    /// Every register the leaf returns a value in on success (for TDG.VP.VMCALL: besides R10,
    /// the TDVMCALL status).
    const OUTPUTS: RegSet;
    /// Every register the module writes for this leaf, on success or on error: the outputs
    /// plus the extended error information. A wrapper must take each of them back (the
    /// caller-saved RCX, RDX, R8–R11 always are; R12–R15, RBX, RDI and RSI only when named
    /// in `out(..)` or `clobber(..)`, which the compiler checks).
    const WRITES: RegSet;
    /// Whether a safe `fn` may wrap the leaf: set only by `unsafe impl SafeLeaf;` in the
    /// leaf's table entry.
    const SAFE: bool;
    /// The whole entry as data (for the catalog dump, the docs and the emulator).
    const DATA: LeafData;
}

/// A leaf a safe `fn` may wrap: none of its registers carries an address or an operand that
/// makes the module (or the VMM) touch memory the caller must vouch for.
///
/// # Safety
///
/// Implementing it lets safe code issue the leaf with any register values the table's types
/// admit. Implement it only through `unsafe impl SafeLeaf;` in the leaf's `abi_table!` entry,
/// with a `// SAFETY:` comment saying why no register carries an address.
#[diagnostic::on_unimplemented(
    message = "`{Self}` may not be wrapped by a safe `fn`: its registers carry addresses or memory-affecting operands",
    label = "the ABI table does not mark this leaf safe",
    note = "declare the wrapper `unsafe fn` and write its `# Safety` contract: the caller vouches for the memory the module or the VMM will access"
)]
pub unsafe trait SafeLeaf: Leaf {}

/// The module returns no success-with-information status (bit 63 clear, non-zero) for the
/// leaf, so a wrapper may return `Result<(), _>`: set by `no_info;` in the leaf's table entry,
/// from the module source (every status with bit 63 clear that the leaf's handler can return).
#[diagnostic::on_unimplemented(
    message = "`{Self}` can complete with a success-with-information status, which `Ok(())` would drop",
    label = "the ABI table does not mark this leaf `no_info`",
    note = "return `TdxStatus` (or an output struct, whose `status` field keeps it)"
)]
pub trait NoSuccessInfo: Leaf {}

/// Register `R` is not an input of the leaf: a wrapper may leave it unbound.
#[diagnostic::on_unimplemented(
    message = "`{Self}` reads `{R}`, but `in(..)` does not bind it",
    label = "this leaf reads a register the wrapper leaves unbound",
    note = "bind it in `in(..)` with the type the ABI table gives it (see the leaf's entry in `tdx_core::abi`)"
)]
pub trait NotRead<R: Reg>: Leaf {}

/// The module never writes register `R` for the leaf: a wrapper need not take it back.
#[diagnostic::on_unimplemented(
    message = "`{Self}` writes `{R}`, which this wrapper does not take back",
    label = "the module overwrites this register: it must be an output of the `asm!` block",
    note = "name the register in `out(..)` (or in `clobber(..)` if you do not need its value)"
)]
pub trait Preserves<R: Reg>: Leaf {}

/// A TDX module release, as the module's `BUILD.md` numbers it (`1.5.05`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ModuleVersion {
    /// Major version (`1`).
    pub major: u8,
    /// Minor version (`5`).
    pub minor: u8,
    /// Update number (`5` in `1.5.05`).
    pub update: u8,
}

impl ModuleVersion {
    /// `major.minor.update`.
    pub const fn new(major: u8, minor: u8, update: u8) -> Self {
        ModuleVersion {
            major,
            minor,
            update,
        }
    }
}

impl fmt::Display for ModuleVersion {
    /// `1.5.05`, as the module's releases are named.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{:02}", self.major, self.minor, self.update)
    }
}

/// One entry of the ABI table as data: what `abi_table!` was told, nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeafData {
    /// The leaf type's name (`"TdhMemPageAug"`).
    pub type_name: &'static str,
    /// Family, spec name, number and version.
    pub info: LeafInfo,
    /// Registers a wrapper binds.
    pub inputs: RegSet,
    /// Reserved inputs every wrapper loads with 0.
    pub zeroed: RegSet,
    /// Registers returned on success.
    pub outputs: RegSet,
    /// Every register the module writes (outputs and error information).
    pub writes: RegSet,
    /// Whether a safe `fn` may wrap the leaf.
    pub safe: bool,
    /// Every version the module accepts, with the first module release that has it.
    pub since: &'static [(u8, ModuleVersion)],
    /// Each input register with its type, as written in the table.
    pub input_types: &'static [(&'static str, &'static str)],
    /// Each output register with its type, as written in the table.
    pub output_types: &'static [(&'static str, &'static str)],
}

impl LeafData {
    /// The first module release that accepts the leaf at the table's version (`None` when
    /// the entry does not say).
    pub const fn min_module(&self) -> Option<ModuleVersion> {
        let mut i = 0;
        while i < self.since.len() {
            let (version, module) = self.since[i];
            if version == self.info.version {
                return Some(module);
            }
            i += 1;
        }
        None
    }

    /// The registers a wrapper loads: the bound inputs and the zeroed ones.
    pub const fn loaded(&self) -> RegSet {
        RegSet::from_bits(self.inputs.bits() | self.zeroed.bits())
    }
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
/// Each entry gives the family (`seamcall`, `seamldr` for a P-SEAMLDR leaf, `tdcall`,
/// `tdvmcall`), the type name, the leaf number (for `tdvmcall`, the sub-function; for
/// `seamldr`, the loader's number without bit 63), the version, the spec name, and then in
/// this order:
///
/// | clause | required | meaning |
/// |---|---|---|
/// | `since { V: (MAJOR, MINOR, UPDATE), … }` | no | every version of the leaf the module accepts, with the first module release that has it |
/// | `in { REG: Type, … }` | yes | the registers a wrapper binds, each with the one type it takes |
/// | `zero { REG, … }` | no | registers the module reads that must be zero (reserved): every wrapper loads 0 into them itself (RCX–R11 only) |
/// | `out { REG: Type, … }` | yes | the registers returned on success, each with its decoded type |
/// | `err { REG, … }` | no | further registers the module writes (extended error information, detail) |
/// | `no_info;` | no | the module returns no success-with-information status for the leaf: a wrapper may return `Result<(), E>` |
/// | `unsafe impl SafeLeaf;` | no | a safe `fn` may wrap the leaf: no register carries an address or a memory-affecting operand. Writing it takes `unsafe`, and a `// SAFETY:` comment above it says why |
///
/// ```
/// use tdx_core::abi::{Leaf, ModuleVersion};
/// use tdx_core::{FieldId, Page, Tdr};
///
/// tdx_core::abi_table! {
///     /// Read a TD-scope metadata field (a second copy of `TdhMngRd`, for the example).
///     pub seamcall MyMngRd = 11, version 0, "TDH.MNG.RD" {
///         since { 0: (1, 0, 0), 1: (1, 5, 1) }
///         in { rcx: Page<Tdr>, rdx: FieldId }
///         out { r8: u64 }
///         err { rdx }
///     }
///
///     /// A made-up leaf with a reserved input.
///     pub tdcall MyInfo = 0x7E, version 0, "TDG.MY.INFO" {
///         in {}
///         zero { rcx }
///         out { rdx: u64 }
///         // SAFETY: no register carries an address: RCX is reserved, RDX a plain value.
///         unsafe impl SafeLeaf;
///     }
/// }
/// assert_eq!(MyMngRd::OUTPUTS.to_string(), "r8");
/// assert_eq!(MyMngRd::WRITES.to_string(), "rdx r8");
/// assert_eq!(MyMngRd::DATA.min_module(), Some(ModuleVersion::new(1, 0, 0)));
/// assert_eq!(MyInfo::ZEROED.to_string(), "rcx");
/// assert!(MyInfo::SAFE && !MyMngRd::SAFE);
/// ```
///
/// `abi_table! { list NAME; … }` also defines `pub const NAME: &[LeafData]` with every
/// entry, in order (the built-in table's parts are joined in [`LEAVES`]).
///
/// Registers are written in lowercase (`rcx rdx r8 … r15 rbx rdi rsi`). A leaf number must fit
/// bits 15:0 of RAX (a `seamldr` number sets bit 63 itself): a larger literal is refused, so
/// it can never set version bits by accident.
#[macro_export]
macro_rules! abi_table {
    (list $list:ident; $($entries:tt)*) => {
        $crate::abi_table! { $($entries)* }
        $crate::__abi_list! { $list; $($entries)* }
    };
    ($(
        $(#[$attr:meta])*
        $vis:vis $family:ident $leaf:ident = $number:tt, version $version:literal, $name:literal {
            $(since { $($since_v:literal : ($since_major:literal, $since_minor:literal, $since_update:literal)),* $(,)? })?
            in { $($in_reg:ident : $in_ty:ty),* $(,)? }
            $(zero { $($zero_reg:ident),* $(,)? })?
            out { $($out_reg:ident : $out_ty:ty),* $(,)? }
            $(err { $($err_reg:ident),* $(,)? })?
            $(no_info $no_info:tt)?
            $(unsafe impl SafeLeaf $safe:tt)?
        }
    )*) => {$(
        $(#[$attr])*
        #[doc = ""]
        #[doc = "# Registers"]
        #[doc = ""]
        #[doc = "| register | direction | Rust type |"]
        #[doc = "|---|---|---|"]
        $(#[doc = ::core::concat!(
            "| `", ::core::stringify!($in_reg), "` | in | `", ::core::stringify!($in_ty), "` |"
        )])*
        $($(#[doc = ::core::concat!(
            "| `", ::core::stringify!($zero_reg), "` | in: reserved, the wrapper loads 0 | – |"
        )])*)?
        $(#[doc = ::core::concat!(
            "| `", ::core::stringify!($out_reg), "` | out | `", ::core::stringify!($out_ty), "` |"
        )])*
        $($(#[doc = ::core::concat!(
            "| `", ::core::stringify!($err_reg), "` | written: error information | `u64` |"
        )])*)?
        $(
            #[doc = ""]
            #[doc = "First module release of each version the module accepts:"]
            $(#[doc = ::core::concat!(
                "version ", ::core::stringify!($since_v), ": ", ::core::stringify!($since_major),
                ".", ::core::stringify!($since_minor), ".", ::core::stringify!($since_update), ";"
            )])*
        )?
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        $vis struct $leaf;

        impl $crate::abi::Leaf for $leaf {
            const INFO: $crate::abi::LeafInfo = $crate::abi::LeafInfo {
                family: $crate::__abi_family!($family),
                name: $name,
                number: $crate::__abi_number!($family $number),
                version: $version,
            };
            const INPUTS: $crate::reg::RegSet = $crate::reg::RegSet::EMPTY
                $(.with(<$crate::__abi_reg!($in_reg) as $crate::reg::Reg>::INDEX))*;
            const ZEROED: $crate::reg::RegSet = $crate::reg::RegSet::EMPTY
                $($(.with(<$crate::__abi_zero_reg!($zero_reg) as $crate::reg::Reg>::INDEX))*)?;
            const OUTPUTS: $crate::reg::RegSet = $crate::reg::RegSet::EMPTY
                $(.with(<$crate::__abi_reg!($out_reg) as $crate::reg::Reg>::INDEX))*;
            const WRITES: $crate::reg::RegSet = <Self as $crate::abi::Leaf>::OUTPUTS
                $($(.with(<$crate::__abi_reg!($err_reg) as $crate::reg::Reg>::INDEX))*)?;
            const SAFE: bool = $crate::__abi_safe!($($safe)?);
            const DATA: $crate::abi::LeafData = $crate::abi::LeafData {
                type_name: ::core::stringify!($leaf),
                info: <Self as $crate::abi::Leaf>::INFO,
                inputs: <Self as $crate::abi::Leaf>::INPUTS,
                zeroed: <Self as $crate::abi::Leaf>::ZEROED,
                outputs: <Self as $crate::abi::Leaf>::OUTPUTS,
                writes: <Self as $crate::abi::Leaf>::WRITES,
                safe: <Self as $crate::abi::Leaf>::SAFE,
                since: &[$($(($since_v, $crate::abi::ModuleVersion::new(
                    $since_major, $since_minor, $since_update,
                ))),*)?],
                input_types: &[$((::core::stringify!($in_reg), ::core::stringify!($in_ty))),*],
                output_types: &[$((::core::stringify!($out_reg), ::core::stringify!($out_ty))),*],
            };
        }

        $crate::__abi_family_impl!($family $leaf);
        $crate::__abi_register_form!($family $number $leaf);
        $(
            #[diagnostic::do_not_recommend]
            impl $crate::abi::NoSuccessInfo for $leaf {}
            const _: () = { let _ = ::core::stringify!($no_info); };
        )?
        $($($crate::__abi_zero_check!($zero_reg);)*)?
        $(
            // SAFETY: the table entry says so in writing (`unsafe impl SafeLeaf;`), with the
            // reason in a `// SAFETY:` comment at the entry.
            #[diagnostic::do_not_recommend]
            unsafe impl $crate::abi::SafeLeaf for $leaf {}
            const _: () = { let _ = ::core::stringify!($safe); };
        )?

        $(
            #[diagnostic::do_not_recommend]
            impl $crate::abi::Input<$crate::__abi_reg!($in_reg)> for $leaf {
                type Type = $in_ty;
            }
        )*
        $crate::__abi_outputs!($leaf; $($out_reg : $out_ty),*);
        $crate::__abi_not_read!($leaf; $($in_reg)*);
        $crate::__abi_preserves!($leaf; $($out_reg)* $($($err_reg)*)?);
    )*};
}

mod macros;
mod table;
pub use table::*;

/// The type of an output register a leaf does not return anything in. Every leaf implements
/// [`Output`] for all 13 registers (so an output struct naming such a register still has a
/// well-formed type, and the mistake is reported once, by the wrapper's decode call).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoOutput {}
