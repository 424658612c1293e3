// tdvmcall abi::TdvmcallKvmHypercall | in: rcx=0x0c00(exposed) r10=nr r11=p1 | out: r10->ret | clobber: rcx rdx r8 r9 r11 | retry: none
///Outputs of [`kvm_hypercall1`]: the completion status and the registers named by `out(..)`.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq
)]
pub struct Hypercall {
    ///The TDCALL status in RAX (`TDX_SUCCESS`): a vendor hypercall returns its result in a register, not a TDVMCALL status.
    pub status: ::tdx_core::TdxStatus,
    ///`r10` as the call returned it, of the type the ABI table gives `r10` of `abi::TdvmcallKvmHypercall` (write `out(r10 = ret: Type)` to have it shown here; the macro checks it).
    pub ret: <abi::TdvmcallKvmHypercall as ::tdx_core::abi::Output<
        ::tdx_core::reg::R10,
    >>::Type,
}
pub fn kvm_hypercall1(nr: KvmHypercallNr, p1: u64) -> Result<Hypercall, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::tdvmcall_leaf::<abi::TdvmcallKvmHypercall>()
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::tdvmcall_leaf::<abi::TdvmcallKvmHypercall>(),
            returned: ::tdx_core::__private::shown_vmcall::<
                abi::TdvmcallKvmHypercall,
            >(::tdx_core::__private::RegSet::from_bits(0x0f06u16)),
            retry: ::tdx_core::__private::Retries {
                entropy: 0u32,
                busy: 0u32,
            },
        }
    };
    const _: () = {
        ::tdx_core::__private::assert_safe_leaf::<abi::TdvmcallKvmHypercall>();
        ::tdx_core::__private::register_form::<
            abi::TdvmcallKvmHypercall,
            (
                ::tdx_core::__private::Rcx,
                ::tdx_core::__private::Rdx,
                ::tdx_core::__private::R8,
                ::tdx_core::__private::R9,
                ::tdx_core::__private::R12,
                ::tdx_core::__private::R13,
                ::tdx_core::__private::R14,
                ::tdx_core::__private::R15,
                ::tdx_core::__private::Rbx,
                ::tdx_core::__private::Rdi,
                ::tdx_core::__private::Rsi,
            ),
            (),
        >();
    };
    let __in_r10: ::core::primitive::u64 = ::tdx_core::__private::input::<
        abi::TdvmcallKvmHypercall,
        ::tdx_core::__private::R10,
        _,
    >(nr);
    let __in_r11: ::core::primitive::u64 = ::tdx_core::__private::input::<
        abi::TdvmcallKvmHypercall,
        ::tdx_core::__private::R11,
        _,
    >(p1);
    let __rax: ::core::primitive::u64;
    let __rcx: ::core::primitive::u64;
    let __rdx: ::core::primitive::u64;
    let __r8: ::core::primitive::u64;
    let __r9: ::core::primitive::u64;
    let __r10: ::core::primitive::u64;
    let __r11: ::core::primitive::u64;
    unsafe { ::core::arch::asm!(
        "tdcall",
        inout("rax") ::tdx_core::__private::TDG_VP_VMCALL => __rax,
        inout("rcx") 0x0c00u64 => __rcx,
        lateout("rdx") __rdx,
        lateout("r8") __r8,
        lateout("r9") __r9,
        inout("r10") __in_r10 => __r10,
        inout("r11") __in_r11 => __r11,
        options(nostack),
    ) };
    if __rax != 0 {
        return ::tdx_core::__private::fail::<
            _,
            TdxError,
        >(
            ::tdx_core::__private::call_failed(
                __call,
                __rax,
                ::tdx_core::__private::ModuleArgs {
                    rcx: __rcx,
                    rdx: __rdx,
                    r8: __r8,
                    r9: __r9,
                    r10: __r10,
                    r11: __r11,
                    ..::tdx_core::__private::NO_REGS
                },
            ),
        );
    }
    ::core::result::Result::Ok(Hypercall {
        status: ::tdx_core::__private::TdxStatus::from_raw(__rax),
        ret: ::tdx_core::__private::output::<
            _,
            abi::TdvmcallKvmHypercall,
            ::tdx_core::__private::R10,
        >(__r10),
    })
}
