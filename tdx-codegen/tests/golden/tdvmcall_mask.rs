// tdvmcall abi::TdvmcallMapGpa | in: rcx=0x3c00(exposed) r10=0 r11=subfn r12=start r13=size | out: r11->resume | clobber: rcx rdx r8 r9 r10 r12 r13 | retry: none
///Outputs of [`tdvmcall_map_gpa`]: the completion status and the registers named by `out(..)`.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq
)]
pub struct MapGpa {
    ///The TDVMCALL status the VMM returned in R10 (`TDG.VP.VMCALL_SUCCESS`, or a non-error code such as `RETRY`).
    pub status: ::tdx_core::TdvmcallStatus,
    ///`r11` as the call returned it, of the type the ABI table gives `r11` of `abi::TdvmcallMapGpa` (write `out(r11 = resume: Type)` to have it shown here; the macro checks it).
    pub resume: <abi::TdvmcallMapGpa as ::tdx_core::abi::Output<
        ::tdx_core::reg::R11,
    >>::Type,
}
pub unsafe fn tdvmcall_map_gpa(start: u64, size: u64) -> Result<MapGpa, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::tdvmcall_leaf::<abi::TdvmcallMapGpa>()
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::tdvmcall_leaf::<abi::TdvmcallMapGpa>(),
            returned: ::tdx_core::__private::shown_vmcall::<
                abi::TdvmcallMapGpa,
            >(::tdx_core::__private::RegSet::from_bits(0x3f06u16)),
            retry: ::tdx_core::__private::Retries {
                entropy: 0u32,
                busy: 0u32,
            },
        }
    };
    const _: () = {
        ::tdx_core::__private::register_form::<
            abi::TdvmcallMapGpa,
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
        abi::TdvmcallMapGpa,
        ::tdx_core::__private::R12,
        _,
    >(start);
    let __in_r13: ::core::primitive::u64 = ::tdx_core::__private::input::<
        abi::TdvmcallMapGpa,
        ::tdx_core::__private::R13,
        _,
    >(size);
    let __rax: ::core::primitive::u64;
    let __rcx: ::core::primitive::u64;
    let __rdx: ::core::primitive::u64;
    let __r8: ::core::primitive::u64;
    let __r9: ::core::primitive::u64;
    let __r10: ::core::primitive::u64;
    let __r11: ::core::primitive::u64;
    let __r12: ::core::primitive::u64;
    let __r13: ::core::primitive::u64;
    unsafe { ::core::arch::asm!(
        "tdcall",
        inout("rax") ::tdx_core::__private::TDG_VP_VMCALL => __rax,
        inout("rcx") 0x3c00u64 => __rcx,
        lateout("rdx") __rdx,
        lateout("r8") __r8,
        lateout("r9") __r9,
        inout("r10") 0u64 => __r10,
        inout("r11") __leaf.number => __r11,
        inout("r12") __in_r12 => __r12,
        inout("r13") __in_r13 => __r13,
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
                    ..::tdx_core::__private::NO_REGS
                },
            ),
        );
    }
    ::core::result::Result::Ok(MapGpa {
        status: ::tdx_core::__private::TdvmcallStatus::from_raw(__r10),
        resume: ::tdx_core::__private::output::<
            _,
            abi::TdvmcallMapGpa,
            ::tdx_core::__private::R11,
        >(__r11),
    })
}
