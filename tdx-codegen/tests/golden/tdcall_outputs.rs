// tdcall abi::TdgVpInfo | in: - | out: rcx->gpa_width rdx->attributes | clobber: r8 r9 r10 r11 | retry: none
///Outputs of [`tdg_vp_info`]: the completion status and the registers named by `out(..)`.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq
)]
pub struct VpInfo {
    ///The completion status in RAX: `TDX_SUCCESS`, or a success-with-information code (bit 63 clear, non-zero), kept whole.
    pub status: ::tdx_core::TdxStatus,
    ///`rcx` as the call returned it.
    pub gpa_width: <abi::TdgVpInfo as ::tdx_core::abi::Output<
        ::tdx_core::reg::Rcx,
    >>::Type,
    ///`rdx` as the call returned it.
    pub attributes: <abi::TdgVpInfo as ::tdx_core::abi::Output<
        ::tdx_core::reg::Rdx,
    >>::Type,
}
pub fn tdg_vp_info() -> Result<VpInfo, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::tdcall_leaf::<abi::TdgVpInfo>()
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::tdcall_leaf::<abi::TdgVpInfo>(),
            returned: ::tdx_core::__private::RegSet::from_bits(0x0f06u16),
        }
    };
    const _: () = ::tdx_core::__private::check_register_form(
        <abi::TdgVpInfo as ::tdx_core::__private::Leaf>::INFO,
    );
    const _: () = ::tdx_core::__private::check_inputs(
        <abi::TdgVpInfo as ::tdx_core::__private::Leaf>::INFO,
        <abi::TdgVpInfo as ::tdx_core::__private::Leaf>::INPUTS,
        ::tdx_core::__private::RegSet::from_bits(0x0000u16),
    );
    let __rax: ::core::primitive::u64;
    let __rcx: ::core::primitive::u64;
    let __rdx: ::core::primitive::u64;
    let __r8: ::core::primitive::u64;
    let __r9: ::core::primitive::u64;
    let __r10: ::core::primitive::u64;
    let __r11: ::core::primitive::u64;
    unsafe { ::core::arch::asm!(
        "tdcall",
        inout("rax") __leaf.rax() => __rax,
        lateout("rcx") __rcx,
        lateout("rdx") __rdx,
        lateout("r8") __r8,
        lateout("r9") __r9,
        lateout("r10") __r10,
        lateout("r11") __r11,
        options(nostack),
    ) };
    if ::tdx_core::__private::TdxStatus::from_raw(__rax).is_error() {
        return ::core::result::Result::Err(
            <TdxError as ::core::convert::From<
                ::tdx_core::__private::TdxError,
            >>::from(
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
            ),
        );
    }
    ::core::result::Result::Ok(VpInfo {
        status: ::tdx_core::__private::TdxStatus::from_raw(__rax),
        gpa_width: ::tdx_core::__private::output::<
            _,
            abi::TdgVpInfo,
            ::tdx_core::__private::Rcx,
        >(__rcx),
        attributes: ::tdx_core::__private::output::<
            _,
            abi::TdgVpInfo,
            ::tdx_core::__private::Rdx,
        >(__rdx),
    })
}
