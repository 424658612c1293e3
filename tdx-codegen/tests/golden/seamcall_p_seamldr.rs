// seamcall 0x8000000000000000 (unchecked) | in: rcx=info | out: - | clobber: rcx rdx r8 r9 r10 r11 r12 r13 r14 r15 rbx rdi rsi | status != 0: out of line, cold `out_of_line` then shared `seamcall_wide` (retries, success with information, the error) | retry: entropy<=9
pub unsafe fn p_seamldr_info(info: Hpa) -> Result<TdxStatus, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::LeafInfo {
            family: ::tdx_core::__private::Family::Seamcall,
            name: "leaf 0x8000000000000000",
            number: 9223372036854775808u64,
            version: 0u8,
        }
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::LeafInfo {
                family: ::tdx_core::__private::Family::Seamcall,
                name: "leaf 0x8000000000000000",
                number: 9223372036854775808u64,
                version: 0u8,
            },
            returned: ::tdx_core::__private::RegSet::from_bits(0x0f06u16),
            retry: ::tdx_core::__private::Retries {
                entropy: 9u32,
                busy: 0u32,
            },
        }
    };
    let __in_rcx: ::core::primitive::u64 = ::tdx_core::__private::UncheckedOperand::encode(
        info,
    );
    let __rax: ::core::primitive::u64;
    let __rcx: ::core::primitive::u64;
    let __rdx: ::core::primitive::u64;
    let __r8: ::core::primitive::u64;
    let __r9: ::core::primitive::u64;
    let __r10: ::core::primitive::u64;
    let __r11: ::core::primitive::u64;
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
        inout("rcx") __in_rcx => __rcx,
        lateout("rdx") __rdx,
        lateout("r8") __r8,
        lateout("r9") __r9,
        lateout("r10") __r10,
        lateout("r11") __r11,
        lateout("r12") _,
        lateout("r13") _,
        lateout("r14") _,
        lateout("r15") _,
        lateout("rdi") _,
        lateout("rsi") _,
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
                    ..::tdx_core::__private::NO_REGS
                },
                ::tdx_core::__private::ModuleArgs {
                    rcx: __in_rcx,
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
                ::core::result::Result::Ok(
                    ::tdx_core::__private::TdxStatus::from_raw(__rax),
                )
            },
        );
    }
    ::core::result::Result::Ok(::tdx_core::__private::TdxStatus::from_raw(__rax))
}
