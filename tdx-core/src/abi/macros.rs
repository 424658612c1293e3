//! The helper macros behind [`abi_table!`](crate::abi_table): each is `#[macro_export]` and
//! `#[doc(hidden)]`, reached only through `$crate::__abi_*!` from `abi_table!`'s expansion.

/// `impl RegisterForm` for every leaf but SEAMCALL 0 (TDH.VP.ENTER) and TDCALL 0
/// (TDG.VP.VMCALL), which only go through `regs = …`.
#[doc(hidden)]
#[macro_export]
macro_rules! __abi_register_form {
    (seamcall 0 $leaf:ident) => {};
    (tdcall 0 $leaf:ident) => {};
    ($family:ident $number:tt $leaf:ident) => {
        #[doc(hidden)]
        impl $crate::__private::RegisterForm for $leaf {
            type Leaf = $leaf;
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __abi_safe {
    () => {
        false
    };
    ($safe:tt) => {
        true
    };
}

/// The leaf number as RAX bits: a `u16` for SEAMCALL/TDCALL (a wider literal is refused by
/// the compiler's literal-range check), bit 63 set for a P-SEAMLDR leaf, any `u64` for a
/// TDG.VP.VMCALL sub-function (it goes to R11, not RAX).
#[doc(hidden)]
#[macro_export]
macro_rules! __abi_number {
    (seamcall $number:tt) => {{
        let number: u16 = $number;
        number as u64
    }};
    (tdcall $number:tt) => {{
        let number: u16 = $number;
        number as u64
    }};
    (seamldr $number:tt) => {{
        let number: u16 = $number;
        (1u64 << 63) | number as u64
    }};
    (tdvmcall $number:tt) => {{
        let number: u64 = $number;
        number
    }};
}

/// A `zero { .. }` register: RCX–R11 only (the wrapper loads them inside its `asm!` block).
#[doc(hidden)]
#[macro_export]
macro_rules! __abi_zero_reg {
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
    // Refused by `__abi_zero_check!`, which reports it; this only keeps it to that one error.
    ($other:ident) => {
        $crate::reg::Rcx
    };
}

/// The error for a `zero { .. }` register outside RCX–R11.
#[doc(hidden)]
#[macro_export]
macro_rules! __abi_zero_check {
    (rcx) => {};
    (rdx) => {};
    (r8) => {};
    (r9) => {};
    (r10) => {};
    (r11) => {};
    ($other:ident) => {
        ::core::compile_error!(::core::concat!(
            "`zero { .. }` lists RCX–R11 only (the wrapper zeroes them inside its `asm!` block); `",
            ::core::stringify!($other),
            "` cannot be a reserved input here: type it in `in { .. }` and bind it"
        ));
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __abi_family {
    (seamcall) => {
        $crate::abi::Family::Seamcall
    };
    (seamldr) => {
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
    (seamldr $leaf:ident) => {
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
        #[doc(hidden)]
        #[diagnostic::do_not_recommend]
        impl $crate::abi::Output<$crate::__abi_reg!($want)> for $leaf {
            type Type = $crate::abi::NoOutput;
        }
    };
    ($leaf:ident, $want:ident; $reg:ident : $ty:ty $(, $rreg:ident : $rty:ty)*) => {
        $crate::__abi_if_eq! { $want $reg {
            #[diagnostic::do_not_recommend]
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

/// `impl NotRead<R>` for every register that is not in the input list.
#[doc(hidden)]
#[macro_export]
macro_rules! __abi_not_read {
    ($leaf:ident; $($reg:ident)*) => {
        $crate::__abi_impl_unless!($leaf, NotRead, rcx; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, rdx; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, r8; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, r9; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, r10; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, r11; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, r12; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, r13; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, r14; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, r15; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, rbx; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, rdi; $($reg)*);
        $crate::__abi_impl_unless!($leaf, NotRead, rsi; $($reg)*);
    };
}

/// `impl Preserves<R>` for every callee-saved-in-Rust register (R12–R15, RBX, RDI, RSI) the
/// module does not write. RCX, RDX and R8–R11 are taken back by every wrapper.
#[doc(hidden)]
#[macro_export]
macro_rules! __abi_preserves {
    ($leaf:ident; $($reg:ident)*) => {
        $crate::__abi_impl_unless!($leaf, Preserves, r12; $($reg)*);
        $crate::__abi_impl_unless!($leaf, Preserves, r13; $($reg)*);
        $crate::__abi_impl_unless!($leaf, Preserves, r14; $($reg)*);
        $crate::__abi_impl_unless!($leaf, Preserves, r15; $($reg)*);
        $crate::__abi_impl_unless!($leaf, Preserves, rbx; $($reg)*);
        $crate::__abi_impl_unless!($leaf, Preserves, rdi; $($reg)*);
        $crate::__abi_impl_unless!($leaf, Preserves, rsi; $($reg)*);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __abi_impl_unless {
    ($leaf:ident, $trait:ident, $want:ident; ) => {
        #[doc(hidden)]
        #[diagnostic::do_not_recommend]
        impl $crate::abi::$trait<$crate::__abi_reg!($want)> for $leaf {}
    };
    ($leaf:ident, $trait:ident, $want:ident; $reg:ident $($rest:ident)*) => {
        $crate::__abi_if_eq! { $want $reg {} else {
            $crate::__abi_impl_unless!($leaf, $trait, $want; $($rest)*);
        } }
    };
}

/// `pub const LIST: &[LeafData]` of the entries of one `abi_table! { list LIST; .. }`.
#[doc(hidden)]
#[macro_export]
macro_rules! __abi_list {
    ($list:ident; $(
        $(#[$attr:meta])*
        $vis:vis $family:ident $leaf:ident = $number:tt, version $version:literal, $name:literal
        { $($body:tt)* }
    )*) => {
        /// Every leaf of this part of the table, as data, in table order.
        pub const $list: &[$crate::abi::LeafData] = &[$(<$leaf as $crate::abi::Leaf>::DATA),*];
    };
}
