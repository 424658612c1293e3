//! The register table: every register an operand can travel in, in one place.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
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

    /// The lowercase name, as written in the DSL and in `asm!`.
    pub const fn name(self) -> &'static str {
        match self {
            Reg::Rcx => "rcx",
            Reg::Rdx => "rdx",
            Reg::R8 => "r8",
            Reg::R9 => "r9",
            Reg::R10 => "r10",
            Reg::R11 => "r11",
            Reg::R12 => "r12",
            Reg::R13 => "r13",
            Reg::R14 => "r14",
            Reg::R15 => "r15",
            Reg::Rbx => "rbx",
            Reg::Rdi => "rdi",
            Reg::Rsi => "rsi",
        }
    }

    /// The x86 GPR index (RCX = 1 … R15 = 15): the register's bit in a `RegSet` and in the
    /// TDG.VP.VMCALL exposed-register mask.
    pub const fn index(self) -> u8 {
        match self {
            Reg::Rcx => 1,
            Reg::Rdx => 2,
            Reg::Rbx => 3,
            Reg::Rsi => 6,
            Reg::Rdi => 7,
            Reg::R8 => 8,
            Reg::R9 => 9,
            Reg::R10 => 10,
            Reg::R11 => 11,
            Reg::R12 => 12,
            Reg::R13 => 13,
            Reg::R14 => 14,
            Reg::R15 => 15,
        }
    }

    /// The instruction that sets the register to 0 (`xor ecx, ecx`: the 32-bit form, which
    /// clears the upper half too and is the shortest encoding).
    pub fn zeroing(self) -> String {
        let low = match self {
            Reg::Rcx => "ecx".to_owned(),
            Reg::Rdx => "edx".to_owned(),
            Reg::Rbx => "ebx".to_owned(),
            Reg::Rdi => "edi".to_owned(),
            Reg::Rsi => "esi".to_owned(),
            other => format!("{}d", other.name()),
        };
        format!("xor {low}, {low}")
    }

    /// The bit of this register in a register mask.
    pub const fn bit(self) -> u16 {
        1 << self.index()
    }

    /// The position of this register in `struct tdx_module_args` (and in [`Reg::ALL`]).
    pub fn slot(self) -> usize {
        self as usize
    }

    /// The name of the register's marker type in `tdx_core::reg` (`Rcx`).
    pub const fn marker_name(self) -> &'static str {
        match self {
            Reg::Rcx => "Rcx",
            Reg::Rdx => "Rdx",
            Reg::R8 => "R8",
            Reg::R9 => "R9",
            Reg::R10 => "R10",
            Reg::R11 => "R11",
            Reg::R12 => "R12",
            Reg::R13 => "R13",
            Reg::R14 => "R14",
            Reg::R15 => "R15",
            Reg::Rbx => "Rbx",
            Reg::Rdi => "Rdi",
            Reg::Rsi => "Rsi",
        }
    }

    /// The marker type as generated code names it: `::tdx_core::__private::Rcx`.
    pub fn marker(self, span: Span) -> TokenStream {
        let ident = Ident::new(self.marker_name(), span);
        quote!(::tdx_core::__private::#ident)
    }

    /// The marker type by its public path (for items users see): `::tdx_core::reg::Rcx`.
    pub fn public_marker(self, span: Span) -> TokenStream {
        let ident = Ident::new(self.marker_name(), span);
        quote!(::tdx_core::reg::#ident)
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
            _ => format!(
                "unknown register `{name}`; expected one of rcx, rdx, r8, r9, r10, r11, r12, \
                 r13, r14, r15, rbx, rdi, rsi"
            ),
        })
    }
}
