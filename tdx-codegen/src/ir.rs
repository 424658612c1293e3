//! Stage 2: the typed IR. `validate` builds it from the parsed syntax; `expand` reads only
//! this, never raw attributes. Registers are kept sorted in `struct tdx_module_args` order.

use crate::Family;
use crate::regs::Reg;
use proc_macro2::Span;
use syn::{Attribute, Ident, Path, Signature, Type, Visibility};

/// One validated wrapper declaration.
pub struct Call {
    pub family: Family,
    pub leaf: LeafRef,
    /// `version = N`, overriding the table's version.
    pub version: Option<u8>,
    /// Registers loaded from parameters, sorted by register.
    pub inputs: Vec<InputBinding>,
    /// Registers read into fields of the output struct, sorted by register.
    pub outputs: Vec<OutputField>,
    /// `regs = PARAM`: every register in and out through a `&mut ModuleArgs`.
    pub regs: Option<Ident>,
    /// `clobber(REG, ..)`: registers the module may write that the wrapper discards, sorted
    /// (`None`: the key was not given).
    pub clobbers: Option<Vec<Reg>>,
    pub retry: Retry,
    /// `#[tdvmcall(vendor = ..)]`: R10 carries the vendor hypercall number (bound by the
    /// wrapper) instead of 0, R11 is an ordinary argument, and R10 returns the hypercall's
    /// result rather than a TDVMCALL status.
    pub vendor: bool,
    pub func: Func,
}

/// Which leaf the call issues.
pub enum LeafRef {
    /// A type of the ABI table: the compiler checks every binding against it.
    Checked(Path),
    /// An integer leaf: nothing to check against, every output type is written out.
    Unchecked { number: u64, span: Span },
}

/// `in(REG = PARAM[.field...])`
pub struct InputBinding {
    pub reg: Reg,
    pub reg_span: Span,
    pub param: Ident,
    pub fields: Vec<Ident>,
}

/// `out(REG = name [: Type])`
pub struct OutputField {
    pub reg: Reg,
    pub reg_span: Span,
    pub name: Ident,
    /// `None`: the ABI table's type for the register.
    pub ty: Option<Type>,
}

/// Bounded retry counts (extra attempts after the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// Retries on `TDX_OPERAND_BUSY` (compared under the status mask).
    pub busy: u32,
    /// Retries on `TDX_RND_NO_ENTROPY` (compared exactly, as Linux's `sc_retry`).
    pub entropy: u32,
}

impl Retry {
    /// Linux's `sc_retry` makes at most `RDRAND_RETRY_LOOPS` (10) attempts: 9 retries.
    pub const SEAMCALL_DEFAULT_ENTROPY: u32 = 9;

    pub fn is_none(self) -> bool {
        self.busy == 0 && self.entropy == 0
    }
}

/// The annotated signature, in the pieces the expansion needs.
pub struct Func {
    /// The user's attributes (doc comments included), emitted on the function.
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    /// The signature exactly as written.
    pub sig: Signature,
    pub ok: OkType,
    /// The error type as written (anything `From<TdxError>`), `None` for an alias that
    /// names only the `Ok` type (`Result<Out>`): inference finds it.
    pub err_ty: Option<Type>,
    /// The return type as written (`Result<Out, E>`, or an alias such as `Result<Out>`).
    pub ret_ty: Type,
}

/// What `Ok` carries.
pub enum OkType {
    /// `Result<TdxStatus, _>` (or `TdvmcallStatus` for `#[tdvmcall]`): a call without outputs
    /// that returns its completion status, so success-with-information is never lost.
    Status,
    /// `Result<Name, _>`: the macro generates `struct Name { status, <outputs> }`.
    Struct(Ident),
    /// `Result<(), _>`: a call without outputs whose leaf the ABI table marks `no_info` (its
    /// module returns no success-with-information status, so `Ok(())` loses nothing).
    Unit,
}

impl Call {
    /// The mask of bound input registers.
    pub fn input_mask(&self) -> u16 {
        self.inputs
            .iter()
            .fold(0, |mask, input| mask | input.reg.bit())
    }

    /// The mask of output registers.
    pub fn output_mask(&self) -> u16 {
        self.outputs
            .iter()
            .fold(0, |mask, output| mask | output.reg.bit())
    }

    /// TDG.VP.VMCALL: the registers exposed to the VMM (RCX's value): R10 and R11 always,
    /// plus every bound input and output register.
    pub fn exposed_mask(&self) -> u16 {
        if self.vendor {
            return Reg::R10.bit() | self.input_mask() | self.output_mask();
        }
        Reg::R10.bit() | Reg::R11.bit() | self.input_mask() | self.output_mask()
    }

    /// The registers whose values the call returns to the caller (all captured after the
    /// instruction, and shown in a failed call's error).
    pub fn returned(&self) -> Vec<Reg> {
        let mut mask = self.output_mask();
        for reg in Reg::RETURNED {
            mask |= reg.bit();
        }
        if self.family == Family::Tdvmcall {
            // Every exposed register may be written by the VMM.
            mask |= self.exposed_mask();
        }
        Reg::ALL
            .into_iter()
            .filter(|reg| mask & reg.bit() != 0)
            .collect()
    }

    /// The registers the wrapper takes back but discards: `clobber(..)`, or for an integer
    /// leaf without that key every register the family may write that is not returned
    /// (nothing tells the macro which ones the module preserves).
    pub fn discarded(&self) -> Vec<Reg> {
        let returned = self.returned();
        let every = matches!(self.leaf, LeafRef::Unchecked { .. }) && self.clobbers.is_none();
        let listed = self.clobbers.as_deref().unwrap_or(&[]);
        Reg::ALL
            .into_iter()
            .filter(|reg| !returned.contains(reg) && (every || listed.contains(reg)))
            .collect()
    }

    /// Reserved inputs the wrapper may have to load with 0: for a table leaf of SEAMCALL or
    /// TDCALL in the register form, every unbound register of RCX–R11 (the table's `zero { .. }`
    /// decides, through a `.if` of the template; the table allows no other register there).
    pub fn zero_candidates(&self) -> Vec<Reg> {
        if self.family == Family::Tdvmcall
            || self.regs.is_some()
            || !matches!(self.leaf, LeafRef::Checked(_))
        {
            return Vec::new();
        }
        Reg::RETURNED
            .into_iter()
            .filter(|reg| self.input(*reg).is_none())
            .collect()
    }

    pub fn input(&self, reg: Reg) -> Option<&InputBinding> {
        self.inputs.iter().find(|input| input.reg == reg)
    }

    pub fn output(&self, reg: Reg) -> Option<&OutputField> {
        self.outputs.iter().find(|output| output.reg == reg)
    }
}
