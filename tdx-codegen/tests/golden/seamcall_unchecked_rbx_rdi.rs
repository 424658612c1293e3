// seamcall 0x42 (unchecked) version=2 | in: rcx=a rbx=b rdi=c | out: r12->d rbx->b_out | clobber: rcx rdx r8 r9 r10 r11 r13 r14 r15 rdi rsi | status != 0: out of line, cold `out_of_line` then shared `seamcall_wide` (retries, success with information, the error) | retry: entropy<=9
///Outputs of [`raw_leaf`]: the completion status and the registers named by `out(..)`.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq
)]
pub struct RawOut {
    ///The completion status in RAX: `TDX_SUCCESS`, or a success-with-information code (bit 63 clear, non-zero), kept whole.
    pub status: ::tdx_core::TdxStatus,
    ///`r12` as the call returned it.
    pub d: u64,
    ///`rbx` as the call returned it.
    pub b_out: u64,
}
pub unsafe fn raw_leaf(a: u64, b: u64, c: u64) -> Result<RawOut, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::LeafInfo {
            family: ::tdx_core::__private::Family::Seamcall,
            name: "leaf 0x42",
            number: 66u64,
            version: 2u8,
        }
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::LeafInfo {
                family: ::tdx_core::__private::Family::Seamcall,
                name: "leaf 0x42",
                number: 66u64,
                version: 2u8,
            },
            returned: ::tdx_core::__private::RegSet::from_bits(0x1f0eu16),
            retry: ::tdx_core::__private::Retries {
                entropy: 9u32,
                busy: 0u32,
            },
        }
    };
    let __in_rcx: ::core::primitive::u64 = ::tdx_core::__private::UncheckedOperand::encode(
        a,
    );
    let __in_rbx: ::core::primitive::u64 = ::tdx_core::__private::UncheckedOperand::encode(
        b,
    );
    let __in_rdi: ::core::primitive::u64 = ::tdx_core::__private::UncheckedOperand::encode(
        c,
    );
    let __rax: ::core::primitive::u64;
    let __rcx: ::core::primitive::u64;
    let __rdx: ::core::primitive::u64;
    let __r8: ::core::primitive::u64;
    let __r9: ::core::primitive::u64;
    let __r10: ::core::primitive::u64;
    let __r11: ::core::primitive::u64;
    let __r12: ::core::primitive::u64;
    let __rbx: ::core::primitive::u64;
    unsafe { ::core::arch::asm!(
        "xchg {rbx_value}, rbx",
        "seamcall",
        "xchg {rbx_value}, rbx",
        "jnc 2f",
        "mov rax, {vmfailinvalid}",
        "2:",
        rbx_value = inout(reg) __in_rbx => __rbx,
        vmfailinvalid = const ::tdx_core::__private::SEAMCALL_VMFAILINVALID,
        inout("rax") __leaf.rax() => __rax,
        inout("rcx") __in_rcx => __rcx,
        lateout("rdx") __rdx,
        lateout("r8") __r8,
        lateout("r9") __r9,
        lateout("r10") __r10,
        lateout("r11") __r11,
        lateout("r12") __r12,
        lateout("r13") _,
        lateout("r14") _,
        lateout("r15") _,
        inout("rdi") __in_rdi => _,
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
                    r12: __r12,
                    rbx: __rbx,
                    ..::tdx_core::__private::NO_REGS
                },
                ::tdx_core::__private::ModuleArgs {
                    rcx: __in_rcx,
                    rbx: __in_rbx,
                    rdi: __in_rdi,
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
                let __r12 = __state.1.r12;
                let __rbx = __state.1.rbx;
                ::core::result::Result::Ok(RawOut {
                    status: ::tdx_core::__private::TdxStatus::from_raw(__rax),
                    d: <u64 as ::tdx_core::__private::UncheckedDecode>::decode(__r12),
                    b_out: <u64 as ::tdx_core::__private::UncheckedDecode>::decode(__rbx),
                })
            },
        );
    }
    ::core::result::Result::Ok(RawOut {
        status: ::tdx_core::__private::TdxStatus::from_raw(__rax),
        d: <u64 as ::tdx_core::__private::UncheckedDecode>::decode(__r12),
        b_out: <u64 as ::tdx_core::__private::UncheckedDecode>::decode(__rbx),
    })
}
