// seamcall abi::TdhSysLpInit | in: - | out: - | clobber: rcx rdx r8 r9 r10 r11 | status != 0: out of line, cold `narrow_failed` then shared `seamcall_narrow` (retries, success with information, the error) | zeroed if the table reserves: rcx rdx r8 r9 r10 r11 | retry: none
pub unsafe fn tdh_sys_lp_init() -> Result<TdxStatus, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::seamcall_leaf::<abi::TdhSysLpInit>()
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::seamcall_leaf::<abi::TdhSysLpInit>(),
            returned: ::tdx_core::__private::shown::<
                abi::TdhSysLpInit,
            >(::tdx_core::__private::RegSet::from_bits(0x0f06u16)),
            retry: ::tdx_core::__private::Retries {
                entropy: 0u32,
                busy: 0u32,
            },
        }
    };
    const _: () = {
        ::tdx_core::__private::register_form::<
            abi::TdhSysLpInit,
            (
                ::tdx_core::__private::Rcx,
                ::tdx_core::__private::Rdx,
                ::tdx_core::__private::R8,
                ::tdx_core::__private::R9,
                ::tdx_core::__private::R10,
                ::tdx_core::__private::R11,
                ::tdx_core::__private::R12,
                ::tdx_core::__private::R13,
                ::tdx_core::__private::R14,
                ::tdx_core::__private::R15,
                ::tdx_core::__private::Rbx,
                ::tdx_core::__private::Rdi,
                ::tdx_core::__private::Rsi,
            ),
            (
                ::tdx_core::__private::R12,
                ::tdx_core::__private::R13,
                ::tdx_core::__private::R14,
                ::tdx_core::__private::R15,
                ::tdx_core::__private::Rbx,
                ::tdx_core::__private::Rdi,
                ::tdx_core::__private::Rsi,
            ),
        >();
    };
    let __rax: ::core::primitive::u64;
    let __rcx: ::core::primitive::u64;
    let __rdx: ::core::primitive::u64;
    let __r8: ::core::primitive::u64;
    let __r9: ::core::primitive::u64;
    let __r10: ::core::primitive::u64;
    let __r11: ::core::primitive::u64;
    unsafe { ::core::arch::asm!(
        ".if {zeroed} & 0x0002; xor ecx, ecx; .endif",
        ".if {zeroed} & 0x0004; xor edx, edx; .endif",
        ".if {zeroed} & 0x0100; xor r8d, r8d; .endif",
        ".if {zeroed} & 0x0200; xor r9d, r9d; .endif",
        ".if {zeroed} & 0x0400; xor r10d, r10d; .endif",
        ".if {zeroed} & 0x0800; xor r11d, r11d; .endif",
        "seamcall",
        "jnc 2f",
        "mov rax, {vmfailinvalid}",
        "2:",
        vmfailinvalid = const ::tdx_core::__private::SEAMCALL_VMFAILINVALID,
        zeroed = const ::tdx_core::__private::zeroed::<abi::TdhSysLpInit>(),
        inout("rax") __leaf.rax() => __rax,
        out("rcx") __rcx,
        out("rdx") __rdx,
        out("r8") __r8,
        out("r9") __r9,
        out("r10") __r10,
        out("r11") __r11,
        options(nostack),
    ) };
    if __rax != 0 {
        let __finish = |
            __call: &'static ::tdx_core::__private::CallSite,
            __ok: ::core::primitive::bool,
            __regs: &[::core::primitive::u64; 7]|
        {
            if !__ok {
                return ::tdx_core::__private::fail::<
                    _,
                    TdxError,
                >(::tdx_core::__private::narrow_error(__call, __regs));
            }
            let [__rax, _, _, _, _, _, _] = *__regs;
            ::core::result::Result::Ok(::tdx_core::__private::TdxStatus::from_raw(__rax))
        };
        return unsafe {
            ::tdx_core::__private::narrow_failed::<
                true,
                _,
            >(
                __call,
                __rdx,
                __rcx,
                __r8,
                __r9,
                __rax,
                __r10,
                __r11,
                &::tdx_core::__private::NO_INPUTS,
                __finish,
            )
        };
    }
    ::core::result::Result::Ok(::tdx_core::__private::TdxStatus::from_raw(__rax))
}
