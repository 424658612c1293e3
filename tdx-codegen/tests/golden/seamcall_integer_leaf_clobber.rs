// seamcall 0x7a (unchecked) | in: r12=page | out: r13->detail | clobber: rcx rdx r8 r9 r10 r11 rbx | status != 0: out of line, cold `out_of_line` then shared `seamcall_wide` (retries, success with information, the error) | retry: entropy<=9
///Outputs of [`vendor`]: the completion status and the registers named by `out(..)`.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq
)]
pub struct Vendor {
    ///The completion status in RAX: `TDX_SUCCESS`, or a success-with-information code (bit 63 clear, non-zero), kept whole.
    pub status: ::tdx_core::TdxStatus,
    ///`r13` as the call returned it.
    pub detail: u64,
}
pub unsafe fn vendor(page: u64) -> Result<Vendor, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::LeafInfo {
            family: ::tdx_core::__private::Family::Seamcall,
            name: "leaf 0x7a",
            number: 122u64,
            version: 0u8,
        }
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::LeafInfo {
                family: ::tdx_core::__private::Family::Seamcall,
                name: "leaf 0x7a",
                number: 122u64,
                version: 0u8,
            },
            returned: ::tdx_core::__private::RegSet::from_bits(0x2f06u16),
            retry: ::tdx_core::__private::Retries {
                entropy: 9u32,
                busy: 0u32,
            },
        }
    };
    let __in_r12: ::core::primitive::u64 = ::tdx_core::__private::UncheckedOperand::encode(
        page,
    );
    let __rax: ::core::primitive::u64;
    let __rcx: ::core::primitive::u64;
    let __rdx: ::core::primitive::u64;
    let __r8: ::core::primitive::u64;
    let __r9: ::core::primitive::u64;
    let __r10: ::core::primitive::u64;
    let __r11: ::core::primitive::u64;
    let __r13: ::core::primitive::u64;
    unsafe { ::core::arch::asm!(
        "xchg {rbx_value}, rbx",
        "seamcall",
        "xchg {rbx_value}, rbx",
        "jnc 2f",
        "mov rax, {vmfailinvalid}",
        "2:",
        rbx_value = inout(reg) 0u64 => _,
        vmfailinvalid = const ::tdx_core::__private::SEAMCALL_VMFAILINVALID,
        inout("rax") __leaf.rax() => __rax,
        lateout("rcx") __rcx,
        lateout("rdx") __rdx,
        lateout("r8") __r8,
        lateout("r9") __r9,
        lateout("r10") __r10,
        lateout("r11") __r11,
        in("r12") __in_r12,
        lateout("r13") __r13,
        options(nostack),
    ) };
    if __rax != 0 {
        return ::tdx_core::__private::out_of_line(
            (
                __rax,
                ::tdx_core::__private::ModuleArgs {
                    rcx: __rcx,
                    rdx: __rdx,
                    r8: __r8,
                    r9: __r9,
                    r10: __r10,
                    r11: __r11,
                    r13: __r13,
                    ..::tdx_core::__private::NO_REGS
                },
                ::tdx_core::__private::ModuleArgs {
                    r12: __in_r12,
                    ..::tdx_core::__private::NO_REGS
                },
            ),
            move |
                __state: &mut (
                    ::core::primitive::u64,
                    ::tdx_core::__private::ModuleArgs,
                    ::tdx_core::__private::ModuleArgs,
                )|
            {
                let __rax = match unsafe {
                    ::tdx_core::__private::seamcall_wide(
                        __call,
                        &__state.2,
                        __state.0,
                        &mut __state.1,
                    )
                } {
                    ::core::result::Result::Ok(status) => status,
                    ::core::result::Result::Err(__error) => {
                        return ::tdx_core::__private::fail::<_, TdxError>(__error);
                    }
                };
                let __r13 = __state.1.r13;
                ::core::result::Result::Ok(Vendor {
                    status: ::tdx_core::__private::TdxStatus::from_raw(__rax),
                    detail: <u64 as ::tdx_core::__private::UncheckedDecode>::decode(
                        __r13,
                    ),
                })
            },
        );
    }
    ::core::result::Result::Ok(Vendor {
        status: ::tdx_core::__private::TdxStatus::from_raw(__rax),
        detail: <u64 as ::tdx_core::__private::UncheckedDecode>::decode(__r13),
    })
}
