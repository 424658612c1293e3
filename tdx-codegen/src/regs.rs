//! The register table: every register an operand can travel in, in one place.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote_spanned};
use syn::Ident;

/// An operand register. The declaration order is the order of Linux's
/// `struct tdx_module_args` (RCX, RDX, R8–R15, RBX, RDI, RSI), which is also the order in
/// which the expansion lists registers, so that output is stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reg {
    Rcx,
    Rdx,
    R8,
    R9,
    R10,
    R11,
    R12,
    R13,
    R14,
    R15,
    Rbx,
    Rdi,
    Rsi,
}

/// One row of the register table.
struct RegFacts {
    /// As written in the DSL and in `asm!`.
    name: &'static str,
    /// The x86 GPR index.
    index: u8,
    /// The 32-bit name (the shortest zeroing `xor`).
    low32: &'static str,
    /// The marker type in `tdx_core::reg`.
    marker: &'static str,
}

/// The register table, in [`Reg`] order (`struct tdx_module_args` order). `tdx-core`'s
/// `reg::OPERAND_REGS` must agree with it (tested in `tests/registers.rs`).
const REGISTERS: [RegFacts; 13] = [
    RegFacts {
        name: "rcx",
        index: 1,
        low32: "ecx",
        marker: "Rcx",
    },
    RegFacts {
        name: "rdx",
        index: 2,
        low32: "edx",
        marker: "Rdx",
    },
    RegFacts {
        name: "r8",
        index: 8,
        low32: "r8d",
        marker: "R8",
    },
    RegFacts {
        name: "r9",
        index: 9,
        low32: "r9d",
        marker: "R9",
    },
    RegFacts {
        name: "r10",
        index: 10,
        low32: "r10d",
        marker: "R10",
    },
    RegFacts {
        name: "r11",
        index: 11,
        low32: "r11d",
        marker: "R11",
    },
    RegFacts {
        name: "r12",
        index: 12,
        low32: "r12d",
        marker: "R12",
    },
    RegFacts {
        name: "r13",
        index: 13,
        low32: "r13d",
        marker: "R13",
    },
    RegFacts {
        name: "r14",
        index: 14,
        low32: "r14d",
        marker: "R14",
    },
    RegFacts {
        name: "r15",
        index: 15,
        low32: "r15d",
        marker: "R15",
    },
    RegFacts {
        name: "rbx",
        index: 3,
        low32: "ebx",
        marker: "Rbx",
    },
    RegFacts {
        name: "rdi",
        index: 7,
        low32: "edi",
        marker: "Rdi",
    },
    RegFacts {
        name: "rsi",
        index: 6,
        low32: "esi",
        marker: "Rsi",
    },
];

impl Reg {
    /// Every operand register, in `struct tdx_module_args` order.
    pub const ALL: [Reg; 13] = [
        Reg::Rcx,
        Reg::Rdx,
        Reg::R8,
        Reg::R9,
        Reg::R10,
        Reg::R11,
        Reg::R12,
        Reg::R13,
        Reg::R14,
        Reg::R15,
        Reg::Rbx,
        Reg::Rdi,
        Reg::Rsi,
    ];

    /// Registers the SysV ABI lets a call clobber, and that every TDX call may return a value
    /// in: the expansion always takes them as outputs, so that a failed call's error can show
    /// them (Linux's `_ret` variants write back exactly these).
    pub const RETURNED: [Reg; 6] = [Reg::Rcx, Reg::Rdx, Reg::R8, Reg::R9, Reg::R10, Reg::R11];

    /// Everything the expansion needs to know about the register, from the one table below.
    const fn facts(self) -> &'static RegFacts {
        &REGISTERS[self as usize]
    }

    /// The lowercase name, as written in the DSL and in `asm!`.
    pub const fn name(self) -> &'static str {
        self.facts().name
    }

    /// The x86 GPR index (RCX = 1 … R15 = 15): the register's bit in a `RegSet` and in the
    /// TDG.VP.VMCALL exposed-register mask.
    pub const fn index(self) -> u8 {
        self.facts().index
    }

    /// The instruction that sets the register to 0 (`xor ecx, ecx`: the 32-bit form, which
    /// clears the upper half too and is the shortest encoding).
    pub fn zeroing(self) -> String {
        let low = self.facts().low32;
        format!("xor {low}, {low}")
    }

    /// The bit of this register in a register mask.
    pub const fn bit(self) -> u16 {
        1 << self.index()
    }

    /// The name of the register's marker type in `tdx_core::reg` (`Rcx`).
    pub const fn marker_name(self) -> &'static str {
        self.facts().marker
    }

    /// The marker type as generated code names it: `::tdx_core::__private::Rcx`.
    pub fn marker(self, span: Span) -> TokenStream {
        let ident = Ident::new(self.marker_name(), span);
        quote_spanned!(span=> ::tdx_core::__private::#ident)
    }

    /// The marker type by its public path (for items users see): `::tdx_core::reg::Rcx`.
    pub fn public_marker(self, span: Span) -> TokenStream {
        let ident = Ident::new(self.marker_name(), span);
        quote_spanned!(span=> ::tdx_core::reg::#ident)
    }

    /// The generated local that holds this register's value after the call (`__rcx`).
    /// Mixed-site hygiene: it can neither capture nor shadow a user's parameter.
    pub fn out_local(self) -> Ident {
        format_ident!("__{}", self.name(), span = Span::mixed_site())
    }

    /// The generated local that holds this register's input image (`__in_rcx`).
    pub fn in_local(self) -> Ident {
        format_ident!("__in_{}", self.name(), span = Span::mixed_site())
    }

    /// Parse a register name, explaining why a register that is not an operand is refused.
    pub fn from_ident(ident: &Ident) -> Result<Reg, String> {
        let name = ident.to_string();
        if let Some(reg) = Reg::ALL.into_iter().find(|reg| reg.name() == name) {
            return Ok(reg);
        }
        Err(match name.as_str() {
            "rax" => "`rax` cannot carry an operand: it holds the leaf on entry and the \
                      completion status on return"
                .to_owned(),
            "rsp" => "`rsp` cannot carry an operand: it is the stack pointer".to_owned(),
            "rbp" => "`rbp` cannot carry an operand: it is the frame pointer, never an \
                      argument register of the TDX ABI (Linux requires TDX_FEATURES0_NO_RBP_MOD)"
                .to_owned(),
            "eax" | "ecx" | "edx" | "ebx" | "esi" | "edi" | "r8d" | "r9d" | "r10d" | "r11d"
            | "r12d" | "r13d" | "r14d" | "r15d" => format!(
                "`{name}` is a 32-bit register name; TDX operands are whole 64-bit registers"
            ),
            _ if name.chars().any(|c| c.is_ascii_uppercase())
                && Reg::ALL
                    .iter()
                    .any(|reg| reg.name() == name.to_ascii_lowercase()) =>
            {
                format!(
                    "registers are written in lowercase: `{}`",
                    name.to_ascii_lowercase()
                )
            }
            _ if crate::suggest::closest(&name, Reg::ALL.iter().map(|r| r.name())).is_some() => {
                format!(
                    "unknown register `{name}`{}",
                    crate::suggest::hint(&name, Reg::ALL.iter().map(|r| r.name()))
                )
            }
            _ => format!(
                "unknown register `{name}`; expected one of rcx, rdx, r8, r9, r10, r11, r12, \
                 r13, r14, r15, rbx, rdi, rsi"
            ),
        })
    }
}
