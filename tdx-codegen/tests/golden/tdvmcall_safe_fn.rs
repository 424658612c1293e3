// tdvmcall abi::TdvmcallCpuid | in: rcx=0xfc00(exposed) r10=0 r11=subfn r12=leaf r13=subleaf | out: r12->eax r13->ebx r14->ecx r15->edx | clobber: rcx rdx r8 r9 r10 r11 | retry: none
///Outputs of [`tdvmcall_cpuid`]: the completion status and the registers named by `out(..)`.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq
)]
pub struct Cpuid {
    ///The TDVMCALL status the VMM returned in R10 (`TDG.VP.VMCALL_SUCCESS`, or a non-error code such as `RETRY`).
    pub status: ::tdx_core::TdvmcallStatus,
    ///`r12` as the call returned it, of the type the ABI table gives `r12` of `abi::TdvmcallCpuid` (write `out(r12 = eax: Type)` to have it shown here; the macro checks it).
    pub eax: <abi::TdvmcallCpuid as ::tdx_core::abi::Output<::tdx_core::reg::R12>>::Type,
    ///`r13` as the call returned it, of the type the ABI table gives `r13` of `abi::TdvmcallCpuid` (write `out(r13 = ebx: Type)` to have it shown here; the macro checks it).
    pub ebx: <abi::TdvmcallCpuid as ::tdx_core::abi::Output<::tdx_core::reg::R13>>::Type,
    ///`r14` as the call returned it, of the type the ABI table gives `r14` of `abi::TdvmcallCpuid` (write `out(r14 = ecx: Type)` to have it shown here; the macro checks it).
    pub ecx: <abi::TdvmcallCpuid as ::tdx_core::abi::Output<::tdx_core::reg::R14>>::Type,
    ///`r15` as the call returned it, of the type the ABI table gives `r15` of `abi::TdvmcallCpuid` (write `out(r15 = edx: Type)` to have it shown here; the macro checks it).
    pub edx: <abi::TdvmcallCpuid as ::tdx_core::abi::Output<::tdx_core::reg::R15>>::Type,
}
pub fn tdvmcall_cpuid(leaf: u64, subleaf: u64) -> Result<Cpuid, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::tdvmcall_leaf::<abi::TdvmcallCpuid>()
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::tdvmcall_leaf::<abi::TdvmcallCpuid>(),
            returned: ::tdx_core::__private::shown_vmcall::<
                abi::TdvmcallCpuid,
            >(::tdx_core::__private::RegSet::from_bits(0xff06u16)),
            retry: ::tdx_core::__private::Retries {
                entropy: 0u32,
                busy: 0u32,
            },
        }
    };
    const _: () = {
        ::tdx_core::__private::assert_safe_leaf::<abi::TdvmcallCpuid>();
        ::tdx_core::__private::register_form::<
            abi::TdvmcallCpuid,
            (
                ::tdx_core::__private::Rcx,
                ::tdx_core::__private::Rdx,
                ::tdx_core::__private::R8,
                ::tdx_core::__private::R9,
                ::tdx_core::__private::R10,
                ::tdx_core::__private::R11,
                ::tdx_core::__private::R14,
                ::tdx_core::__private::R15,
                ::tdx_core::__private::Rbx,
                ::tdx_core::__private::Rdi,
                ::tdx_core::__private::Rsi,
            ),
            (),
        >();
    };
    let __in_r12: ::core::primitive::u64 = ::tdx_core::__private::input::<
        abi::TdvmcallCpuid,
        ::tdx_core::__private::R12,
        _,
    >(leaf);
    let __in_r13: ::core::primitive::u64 = ::tdx_core::__private::input::<
        abi::TdvmcallCpuid,
        ::tdx_core::__private::R13,
        _,
    >(subleaf);
    let __rax: ::core::primitive::u64;
    let __rcx: ::core::primitive::u64;
    let __rdx: ::core::primitive::u64;
    let __r8: ::core::primitive::u64;
    let __r9: ::core::primitive::u64;
    let __r10: ::core::primitive::u64;
    let __r11: ::core::primitive::u64;
    let __r12: ::core::primitive::u64;
    let __r13: ::core::primitive::u64;
    let __r14: ::core::primitive::u64;
    let __r15: ::core::primitive::u64;
    unsafe { ::core::arch::asm!(
        "tdcall",
        inout("rax") ::tdx_core::__private::TDG_VP_VMCALL => __rax,
        inout("rcx") 0xfc00u64 => __rcx,
        lateout("rdx") __rdx,
        lateout("r8") __r8,
        lateout("r9") __r9,
        inout("r10") 0u64 => __r10,
        inout("r11") __leaf.number => __r11,
        inout("r12") __in_r12 => __r12,
        inout("r13") __in_r13 => __r13,
        inout("r14") 0u64 => __r14,
        inout("r15") 0u64 => __r15,
        options(nostack),
    ) };
    if __rax != 0 || ::tdx_core::__private::TdvmcallStatus::from_raw(__r10).is_error() {
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
                    r12: __r12,
                    r13: __r13,
                    r14: __r14,
                    r15: __r15,
                    ..::tdx_core::__private::NO_REGS
                },
            ),
        );
    }
    ::core::result::Result::Ok(Cpuid {
        status: ::tdx_core::__private::TdvmcallStatus::from_raw(__r10),
        eax: ::tdx_core::__private::output::<
            _,
            abi::TdvmcallCpuid,
            ::tdx_core::__private::R12,
        >(__r12),
        ebx: ::tdx_core::__private::output::<
            _,
            abi::TdvmcallCpuid,
            ::tdx_core::__private::R13,
        >(__r13),
        ecx: ::tdx_core::__private::output::<
            _,
            abi::TdvmcallCpuid,
            ::tdx_core::__private::R14,
        >(__r14),
        edx: ::tdx_core::__private::output::<
            _,
            abi::TdvmcallCpuid,
            ::tdx_core::__private::R15,
        >(__r15),
    })
}
