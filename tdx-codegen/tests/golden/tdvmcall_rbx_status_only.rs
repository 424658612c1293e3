// tdvmcall 0x10003 (unchecked) | in: rcx=0x1c0c(exposed) r10=0 r11=subfn rdx=msg7 r12=code rbx=msg1 | out: - | clobber: rcx rdx r8 r9 r10 r11 r12 rbx r13 r14 r15 rdi rsi | retry: busy<=1
pub unsafe fn report_fatal_error(
    code: u64,
    msg1: u64,
    msg7: u64,
) -> Result<TdvmcallStatus, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::LeafInfo {
            family: ::tdx_core::__private::Family::Tdvmcall,
            name: "sub-function 0x10003",
            number: 65539u64,
            version: 0u8,
        }
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::LeafInfo {
                family: ::tdx_core::__private::Family::Tdvmcall,
                name: "sub-function 0x10003",
                number: 65539u64,
                version: 0u8,
            },
            returned: ::tdx_core::__private::RegSet::from_bits(0x1f0eu16),
            retry: ::tdx_core::__private::Retries {
                entropy: 0u32,
                busy: 1u32,
            },
        }
    };
    let __in_rdx: ::core::primitive::u64 = ::tdx_core::__private::UncheckedOperand::encode(
        msg7,
    );
    let __in_r12: ::core::primitive::u64 = ::tdx_core::__private::UncheckedOperand::encode(
        code,
    );
    let __in_rbx: ::core::primitive::u64 = ::tdx_core::__private::UncheckedOperand::encode(
        msg1,
    );
    let mut __busy_retries_left: ::core::primitive::u32 = 1u32;
    let (__rax, __rcx, __rdx, __r8, __r9, __r10, __r11, __r12, __rbx) = loop {
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
            "tdcall",
            "xchg {rbx_value}, rbx",
            rbx_value = inout(reg) __in_rbx => __rbx,
            inout("rax") ::tdx_core::__private::TDG_VP_VMCALL => __rax,
            inout("rcx") 0x1c0cu64 => __rcx,
            inout("rdx") __in_rdx => __rdx,
            lateout("r8") __r8,
            lateout("r9") __r9,
            inout("r10") 0u64 => __r10,
            inout("r11") __leaf.number => __r11,
            inout("r12") __in_r12 => __r12,
            lateout("r13") _,
            lateout("r14") _,
            lateout("r15") _,
            lateout("rdi") _,
            lateout("rsi") _,
            options(nostack),
        ) };
        if __rax & ::tdx_core::__private::STATUS_MASK
            == ::tdx_core::__private::OPERAND_BUSY && __busy_retries_left > 0
        {
            __busy_retries_left -= 1;
            continue;
        }
        break (__rax, __rcx, __rdx, __r8, __r9, __r10, __r11, __r12, __rbx);
    };
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
                    rbx: __rbx,
                    ..::tdx_core::__private::NO_REGS
                },
            ),
        );
    }
    ::core::result::Result::Ok(::tdx_core::__private::TdvmcallStatus::from_raw(__r10))
}
