//! Support items for the code the macros generate. Not public API: names and signatures
//! change without notice. Generated code reaches `tdx_core` only through this module.

pub use crate::abi::{
    Family, Input, Leaf, LeafInfo, Output, SeamcallLeaf, TdcallLeaf, TdvmcallLeaf,
};
pub use crate::cold::{
    narrow_error, narrow_failed, out_of_line, seamcall_narrow, seamcall_wide, tdcall_narrow,
    tdcall_wide,
};
pub use crate::error::{CallSite, Retries};

/// The input image handed to the shared routine by a wrapper without retries (it never
/// re-issues the leaf, so the image is never read).
pub static NO_INPUTS: [u64; 6] = [0; 6];
pub use crate::reg::{
    R8, R9, R10, R11, R12, R13, R14, R15, Rbx, Rcx, Rdi, Rdx, RegDecode, RegEncode, RegSet, Rsi,
};
pub use crate::{ModuleArgs, TdvmcallStatus, TdxError, TdxStatus};

/// `TDX_SEAMCALL_VMFAILINVALID`: what RAX is set to when SEAMCALL returns CF=1.
pub const SEAMCALL_VMFAILINVALID: u64 = TdxStatus::SEAMCALL_VMFAILINVALID.raw();
/// `TDX_RND_NO_ENTROPY`, compared exactly (as Linux's `sc_retry`).
pub const RND_NO_ENTROPY: u64 = TdxStatus::RND_NO_ENTROPY.raw();
/// `TDX_OPERAND_BUSY`, compared under [`STATUS_MASK`].
pub const OPERAND_BUSY: u64 = TdxStatus::OPERAND_BUSY.raw();
/// `TDX_SEAMCALL_STATUS_MASK`.
pub const STATUS_MASK: u64 = 0xFFFF_FFFF_0000_0000;

/// The leaf type of an unchecked (integer) leaf: every register type is accepted.
pub enum Unchecked {}

/// A value that may be loaded into register `R` of leaf `L`, where the ABI table wants `K`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be passed in `{R}` of `{L}`: the ABI table wants `{K}`",
    label = "this is a `{Self}`, not a `{K}`",
    note = "addresses of different spaces and pages of different kinds never convert implicitly; the explicit conversions are `Gpa::to_shared`, `SharedGpa::to_private`, `KeyedHpa::new(hpa, hkid, phys_bits)`, `Page::<K>::hpa` and `Page::<K>::new(hpa)`; between an HVA or a GVA and a physical address there is none, because the translation belongs to your page tables: pass the value the ABI table wants"
)]
pub trait Operand<K, L, R> {
    /// The register image.
    fn encode(self) -> u64;
}

#[diagnostic::do_not_recommend]
impl<T: RegEncode, L, R> Operand<T, L, R> for T {
    #[inline(always)]
    fn encode(self) -> u64 {
        self.to_reg()
    }
}
#[diagnostic::do_not_recommend]
impl<L, R> Operand<u64, L, R> for u64 {
    #[inline(always)]
    fn encode(self) -> u64 {
        self
    }
}

/// A value that may be loaded into any register of an unchecked (integer) leaf.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be carried in a register",
    label = "not a register value",
    note = "implement `tdx_core::reg::RegEncode` for it, or pass a `u64`"
)]
pub trait UncheckedOperand {
    /// The register image.
    fn encode(self) -> u64;
}
impl<T: RegEncode> UncheckedOperand for T {
    #[inline(always)]
    fn encode(self) -> u64 {
        self.to_reg()
    }
}
impl UncheckedOperand for u64 {
    #[inline(always)]
    fn encode(self) -> u64 {
        self
    }
}

/// A type an output field may have when register `R` of leaf `L` holds a `K`: `K` itself or
/// a raw `u64`.
#[diagnostic::on_unimplemented(
    message = "`{R}` of `{L}` holds a `{K}`, which cannot be read as `{Self}`",
    label = "declare this field as `{K}` (or leave the type out), or as a raw `u64`"
)]
pub trait Decodes<K, L, R>: Sized {
    /// Decode the register image.
    fn decode(raw: u64) -> Self;
}
#[diagnostic::do_not_recommend]
impl<T: RegDecode, L, R> Decodes<T, L, R> for T {
    #[inline(always)]
    fn decode(raw: u64) -> Self {
        T::from_reg(raw)
    }
}
#[diagnostic::do_not_recommend]
impl<K: RegDecode, L, R> Decodes<K, L, R> for u64 {
    #[inline(always)]
    fn decode(raw: u64) -> Self {
        raw
    }
}
#[diagnostic::do_not_recommend]
impl<L, R> Decodes<u64, L, R> for u64 {
    #[inline(always)]
    fn decode(raw: u64) -> Self {
        raw
    }
}

/// An output type of an unchecked (integer) leaf.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be decoded from a register",
    label = "not a register value",
    note = "implement `tdx_core::reg::RegDecode` for it, or use `u64`"
)]
pub trait UncheckedDecode: Sized {
    /// Decode the register image.
    fn decode(raw: u64) -> Self;
}
impl<T: RegDecode> UncheckedDecode for T {
    #[inline(always)]
    fn decode(raw: u64) -> Self {
        T::from_reg(raw)
    }
}
impl UncheckedDecode for u64 {
    #[inline(always)]
    fn decode(raw: u64) -> Self {
        raw
    }
}

/// Compile-time check of a safe wrapper: the ABI table marks its leaf safe
/// ([`SafeLeaf`](crate::abi::SafeLeaf), which only an `unsafe impl` grants).
#[inline(always)]
pub const fn assert_safe_leaf<L: crate::abi::SafeLeaf>() {}

/// Compile-time check of a wrapper returning `Result<(), _>`: the ABI table marks its leaf
/// `no_info` (the module returns no success-with-information status for it).
#[inline(always)]
pub const fn assert_no_success_info<L: crate::abi::NoSuccessInfo>() {}

/// Compile-time check of a register-form wrapper against the ABI table, as one call so that a
/// path that is not a leaf gives one error, not one per register: `L` may be issued with its
/// registers as operands, the wrapper leaves unbound only registers `L` does not read
/// (`U`, a tuple of register markers), and it does not take back only registers the module
/// never writes for `L` (`P`).
#[inline(always)]
pub const fn register_form<L, U, P>()
where
    L: RegisterForm,
    U: AllUnbound<<L as RegisterForm>::Leaf>,
    P: AllPreserved<<L as RegisterForm>::Leaf>,
{
}

/// Every register of the tuple is one leaf `L` does not read.
pub trait AllUnbound<L> {}
/// Every register of the tuple is one the module never writes for leaf `L`.
pub trait AllPreserved<L> {}

macro_rules! register_tuples {
    () => {
        impl<L> AllUnbound<L> for () {}
        impl<L> AllPreserved<L> for () {}
    };
    ($head:ident $($tail:ident)*) => {
        impl<L, $head: crate::reg::Reg, $($tail: crate::reg::Reg),*> AllUnbound<L>
            for ($head, $($tail,)*)
        where
            L: crate::abi::NotRead<$head> $(+ crate::abi::NotRead<$tail>)*,
        {
        }
        impl<L, $head: crate::reg::Reg, $($tail: crate::reg::Reg),*> AllPreserved<L>
            for ($head, $($tail,)*)
        where
            L: crate::abi::Preserves<$head> $(+ crate::abi::Preserves<$tail>)*,
        {
        }
        register_tuples!($($tail)*);
    };
}
register_tuples!(A B C D E F G H I J K M N);

/// The reserved inputs of leaf `L` as a mask (bit n = GPR n), for the `.if` lines of the
/// `asm!` template that load them with 0.
#[inline(always)]
pub const fn zeroed<L: Leaf>() -> u16 {
    L::ZEROED.bits()
}

/// The registers a failed call of leaf `L` shows: those the module writes (outputs and error
/// information) among those the wrapper took back (`taken`).
#[inline(always)]
pub const fn shown<L: Leaf>(taken: RegSet) -> RegSet {
    RegSet::from_bits(L::WRITES.bits() & taken.bits())
}

/// The registers a failed TDG.VP.VMCALL sub-function shows: its outputs, R10 (the TDVMCALL
/// status) and R11, among those the wrapper took back.
#[inline(always)]
pub const fn shown_vmcall<L: Leaf>(taken: RegSet) -> RegSet {
    RegSet::from_bits((L::OUTPUTS.bits() | 1 << 10 | 1 << 11) & taken.bits())
}

/// Whether the status of a `regs = …` call is a failure: for TDG.VP.VMCALL at the instruction
/// level (TDCALL leaf 0) any non-zero RAX is (the TDCALL itself failed), as `#[tdvmcall]` and
/// Linux's `__tdx_hypercall` treat it; otherwise an error status (bit 63).
#[inline(always)]
pub const fn regs_form_failed(leaf: LeafInfo, rax: u64) -> bool {
    match (leaf.family, leaf.number) {
        (Family::Tdcall, 0) => rax != 0,
        _ => TdxStatus::from_raw(rax).is_error(),
    }
}

/// A leaf whose registers can be `asm!` operands: every leaf but TDH.VP.ENTER (SEAMCALL leaf
/// 0) and TDG.VP.VMCALL (TDCALL leaf 0), which return values the TD or the VMM wrote in
/// registers the wrapper cannot know.
#[diagnostic::on_unimplemented(
    message = "`{Self}` returns values the TD or the VMM wrote in every register: it cannot be called with `in(..)`/`out(..)`",
    label = "declare this wrapper with `regs = …` (a `&mut ModuleArgs` parameter)",
    note = "for a GHCI sub-function of TDG.VP.VMCALL, use `#[tdvmcall]` instead"
)]
pub trait RegisterForm: Leaf {
    /// `Self`: the register checks go through this projection, so that a leaf refused here
    /// (or a type that is no leaf) gives this one error rather than one per register.
    type Leaf: Leaf;
}

/// RAX of TDG.VP.VMCALL: TDCALL leaf 0.
pub const TDG_VP_VMCALL: u64 = 0;

/// The leaf info of a SEAMCALL leaf (the bound is the family check).
pub const fn seamcall_leaf<L: SeamcallLeaf>() -> LeafInfo {
    L::INFO
}
/// The leaf info of a TDCALL leaf (the bound is the family check).
pub const fn tdcall_leaf<L: TdcallLeaf>() -> LeafInfo {
    L::INFO
}
/// The leaf info of a TDG.VP.VMCALL sub-function (the bound is the family check).
pub const fn tdvmcall_leaf<L: TdvmcallLeaf>() -> LeafInfo {
    L::INFO
}

/// Registers in `struct tdx_module_args` order (rcx rdx r8..r15 rbx rdi rsi) as `ModuleArgs`.
#[inline(always)]
pub const fn module_args(r: [u64; 13]) -> ModuleArgs {
    ModuleArgs {
        rcx: r[0],
        rdx: r[1],
        r8: r[2],
        r9: r[3],
        r10: r[4],
        r11: r[5],
        r12: r[6],
        r13: r[7],
        r14: r[8],
        r15: r[9],
        rbx: r[10],
        rdi: r[11],
        rsi: r[12],
    }
}

/// The error of a failed call. Out of line and cold: it keeps the wrapper's hot path as short
/// as a hand-written one.
#[cold]
#[inline(never)]
pub fn call_failed(call: &'static CallSite, rax: u64, regs: ModuleArgs) -> TdxError {
    TdxError::new(call, TdxStatus::from_raw(rax), regs)
}

/// No registers: the base of the `ModuleArgs` a failed call's error is built from.
pub const NO_REGS: ModuleArgs = module_args([0; 13]);

/// The register image of input `value`, type-checked against the ABI table: `T` must be the
/// type leaf `L` takes in register `R`.
#[inline(always)]
pub fn input<L, R, T>(value: T) -> u64
where
    L: Input<R>,
    R: crate::reg::Reg,
    T: Operand<<L as Input<R>>::Type, L, R>,
{
    value.encode()
}

/// Output register `R` of leaf `L` decoded as `T`: the ABI table's type, or a raw `u64`.
#[inline(always)]
pub fn output<T, L, R>(raw: u64) -> T
where
    L: Output<R>,
    R: crate::reg::Reg,
    R: ReturnedIn<L>,
    T: Decodes<<L as Output<R>>::Type, L, R>,
{
    T::decode(raw)
}

/// [`output`] for a field whose type is written (`out(REG = name: Type)`), spanned at that
/// type: whether `L` returns anything in `R` at all is [`returned_in`]'s check, spanned at the
/// register, so that a wrong register is one error there and not a second at the type.
#[inline(always)]
pub fn output_as<T, L, R>(raw: u64) -> T
where
    L: Output<R>,
    R: crate::reg::Reg,
    T: Decodes<<L as Output<R>>::Type, L, R>,
{
    T::decode(raw)
}

/// The check that leaf `L` returns something in output register `R`.
#[inline(always)]
pub const fn returned_in<L, R: ReturnedIn<L>>() {}

/// Register `Self` is an output of leaf `L` (its table type is not
/// [`NoOutput`](crate::abi::NoOutput)).
#[diagnostic::on_unimplemented(
    message = "`{L}` returns nothing in `{Self}`",
    label = "the ABI table does not list this register as an output of `{L}`",
    note = "see the leaf's entry in `tdx_core::abi` for the registers it returns"
)]
pub trait ReturnedIn<L> {}
#[diagnostic::do_not_recommend]
impl<L: Output<R>, R: crate::reg::Reg> ReturnedIn<L> for R where <L as Output<R>>::Type: RealOutput {}

/// Any output type but `NoOutput`.
pub trait RealOutput {}
impl<T: RegDecode> RealOutput for T {}
impl RealOutput for u64 {}

// Never called (`ReturnedIn` fails first): it keeps a wrong output register to one error.
#[diagnostic::do_not_recommend]
impl<L, R> Decodes<crate::abi::NoOutput, L, R> for crate::abi::NoOutput {
    fn decode(_: u64) -> Self {
        unreachable!()
    }
}
// Likewise for a field whose type is written (`output_as`): a register the leaf returns
// nothing in is refused by `returned_in` alone, at the register; these keep a table type or
// `u64` written for it from a second, misleading error at the type. Never called: the wrapper
// does not compile.
#[diagnostic::do_not_recommend]
impl<T: RegDecode, L, R> Decodes<crate::abi::NoOutput, L, R> for T {
    #[inline(always)]
    fn decode(raw: u64) -> Self {
        T::from_reg(raw)
    }
}
#[diagnostic::do_not_recommend]
impl<L, R> Decodes<crate::abi::NoOutput, L, R> for u64 {
    #[inline(always)]
    fn decode(raw: u64) -> Self {
        raw
    }
}

/// `Err(E::from(error))`: how a wrapper whose return type names its error type fails.
#[inline(always)]
pub fn fail<T, E: From<TdxError>>(error: TdxError) -> Result<T, E> {
    Err(E::from(error))
}

/// A return type a wrapper can build: a `Result` whose error type converts from
/// [`TdxError`]. It is how a wrapper declared with an alias that names only the `Ok` type
/// (`-> Result<Out>`, `type Result<T> = core::result::Result<T, Error>`) returns.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a return type a TDX call wrapper can build",
    label = "expected `Result<Out, E>` with `E: From<TdxError>`, or an alias of one such as `Result<Out>`",
    note = "the wrapper returns `Ok(Out)` (the output struct, or the completion status) or `Err(E::from(TdxError))`"
)]
pub trait CallResult: Sized {
    /// The `Ok` type.
    type Ok;
    /// `Ok(ok)`.
    fn from_ok(ok: Self::Ok) -> Self;
    /// `Err(E::from(error))`.
    fn from_error(error: TdxError) -> Self;
}

impl<T, E: From<TdxError>> CallResult for Result<T, E> {
    type Ok = T;
    #[inline(always)]
    fn from_ok(ok: T) -> Self {
        Ok(ok)
    }
    #[inline(always)]
    fn from_error(error: TdxError) -> Self {
        Err(E::from(error))
    }
}
