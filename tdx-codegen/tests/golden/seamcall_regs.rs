// seamcall abi::TdhVpEnter | all 13 registers in and out through `args` | retry: none
pub unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError> {
    let __leaf: ::tdx_core::__private::LeafInfo = const {
        ::tdx_core::__private::seamcall_leaf::<abi::TdhVpEnter>()
    };
    let __call: &'static ::tdx_core::__private::CallSite = const {
        &::tdx_core::__private::CallSite {
            leaf: ::tdx_core::__private::seamcall_leaf::<abi::TdhVpEnter>(),
            returned: <abi::TdhVpEnter as ::tdx_core::__private::Leaf>::WRITES,
            retry: ::tdx_core::__private::Retries {
                entropy: 0u32,
                busy: 0u32,
            },
        }
    };
    const _: () = {};
    let __args: &mut ::tdx_core::__private::ModuleArgs = args;
    let __rax: ::core::primitive::u64;
    let __args_ptr: *mut ::tdx_core::__private::ModuleArgs = ::core::ptr::from_mut(
        &mut *__args,
    );
    unsafe { ::core::arch::asm!(
        "push rbp",
        "push rbx",
        "push rdi",
        "mov rcx, [rdi]",
        "mov rdx, [rdi + 8]",
        "mov r8, [rdi + 16]",
        "mov r9, [rdi + 24]",
        "mov r10, [rdi + 32]",
        "mov r11, [rdi + 40]",
        "mov r12, [rdi + 48]",
        "mov r13, [rdi + 56]",
        "mov r14, [rdi + 64]",
        "mov r15, [rdi + 72]",
        "mov rbx, [rdi + 80]",
        "mov rsi, [rdi + 96]",
        "mov rdi, [rdi + 88]",
        "seamcall",
        "jnc 2f",
        "mov rax, {vmfailinvalid}",
        "jmp 3f",
        "2:",
        "push rax",
        "mov rax, [rsp + 8]",
        "mov [rax], rcx",
        "mov [rax + 8], rdx",
        "mov [rax + 16], r8",
        "mov [rax + 24], r9",
        "mov [rax + 32], r10",
        "mov [rax + 40], r11",
        "mov [rax + 48], r12",
        "mov [rax + 56], r13",
        "mov [rax + 64], r14",
        "mov [rax + 72], r15",
        "mov [rax + 80], rbx",
        "mov [rax + 88], rdi",
        "mov [rax + 96], rsi",
        "pop rax",
        "3:",
        "add rsp, 8",
        "pop rbx",
        "pop rbp",
        "xor ecx, ecx",
        "xor edx, edx",
        "xor r8d, r8d",
        "xor r9d, r9d",
        "xor r10d, r10d",
        "xor r11d, r11d",
        "xor r12d, r12d",
        "xor r13d, r13d",
        "xor r14d, r14d",
        "xor r15d, r15d",
        "xor esi, esi",
        "xor edi, edi",
        vmfailinvalid = const ::tdx_core::__private::SEAMCALL_VMFAILINVALID,
        inout("rax") __leaf.rax() => __rax,
        inout("rdi") __args_ptr => _,
        lateout("rcx") _,
        lateout("rdx") _,
        lateout("r8") _,
        lateout("r9") _,
        lateout("r10") _,
        lateout("r11") _,
        lateout("r12") _,
        lateout("r13") _,
        lateout("r14") _,
        lateout("r15") _,
        lateout("rsi") _,
        clobber_abi("C"),
    ) };
    if ::tdx_core::__private::regs_form_failed(__call.leaf, __rax) {
        return ::tdx_core::__private::fail::<
            _,
            TdxError,
        >(::tdx_core::__private::call_failed(__call, __rax, *__args));
    }
    ::core::result::Result::Ok(::tdx_core::__private::TdxStatus::from_raw(__rax))
}
