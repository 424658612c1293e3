//! The `asm!` blocks: the register form's operands and template, and the `regs = …` form's
//! block through `ModuleArgs`.

use super::private;
use crate::Family;
use crate::ir::{Call, LeafRef};
use crate::regs::Reg;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

/// The `asm!` operands for the register form (everything but `regs = …`).
pub(super) fn register_operands(call: &Call) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let returned = call.returned();
    let discarded = call.discarded();
    let zero_candidates = call.zero_candidates();
    let mut named = Vec::new();
    let mut explicit = Vec::new();
    let rax = format_ident!("__rax", span = Span::mixed_site());
    let leaf = format_ident!("__leaf", span = Span::mixed_site());
    let p = private();
    match call.family {
        Family::Tdvmcall => {
            explicit.push(quote!(inout("rax") #p::TDG_VP_VMCALL => #rax));
        }
        Family::Seamcall | Family::Tdcall => {
            explicit.push(quote!(inout("rax") #leaf.rax() => #rax));
        }
    }
    for reg in Reg::ALL {
        let name = reg.name();
        let out = reg.out_local();
        let is_returned = returned.contains(&reg);
        // What goes in: a bound parameter, a value the macro sets (TDG.VP.VMCALL's RCX,
        // R10, R11), zero for an exposed register the VMM only writes (so no stale value
        // leaks to the VMM), or nothing.
        let input: Option<TokenStream> = if call.input(reg).is_some() {
            let local = reg.in_local();
            Some(quote!(#local))
        } else if call.family == Family::Tdvmcall {
            match reg {
                Reg::Rcx => {
                    let mask = syn::LitInt::new(
                        &format!("{:#06x}u64", call.exposed_mask()),
                        Span::call_site(),
                    );
                    Some(quote!(#mask))
                }
                Reg::R10 if !call.vendor => Some(quote!(0u64)),
                Reg::R11 if !call.vendor => Some(quote!(#leaf.number)),
                _ if call.exposed_mask() & reg.bit() != 0 => Some(quote!(0u64)),
                _ => None,
            }
        } else {
            None
        };
        let is_discarded = discarded.contains(&reg);
        if reg == Reg::Rbx {
            // LLVM reserves RBX, so it cannot be an operand: swap it through a scratch
            // register inside the block (see the template).
            if input.is_some() || is_returned || is_discarded {
                let scratch = format_ident!("rbx_value");
                let input = input.unwrap_or_else(|| quote!(0u64));
                let output = if is_returned { quote!(#out) } else { quote!(_) };
                named.push(quote!(#scratch = inout(reg) #input => #output));
            }
            continue;
        }
        // A register the template may zero is written before the instruction: `out`, not
        // `lateout`, so no input can share it.
        let early = zero_candidates.contains(&reg);
        match (input, is_returned, is_discarded) {
            (Some(input), true, _) => explicit.push(quote!(inout(#name) #input => #out)),
            (Some(input), false, true) => explicit.push(quote!(inout(#name) #input => _)),
            (Some(input), false, false) => explicit.push(quote!(in(#name) #input)),
            (None, true, _) if early => explicit.push(quote!(out(#name) #out)),
            (None, true, _) => explicit.push(quote!(lateout(#name) #out)),
            (None, false, true) => explicit.push(quote!(lateout(#name) _)),
            (None, false, false) => {}
        }
    }
    (named, explicit)
}

/// `0x0f06u16`: masks are easier to audit in hex.
pub(super) fn hex_u16(value: u16) -> syn::LitInt {
    syn::LitInt::new(&format!("{value:#06x}u16"), Span::call_site())
}

pub(super) fn uses_rbx(call: &Call) -> bool {
    call.input(Reg::Rbx).is_some()
        || call.returned().contains(&Reg::Rbx)
        || call.discarded().contains(&Reg::Rbx)
}

/// The instruction lines of the template.
pub(super) fn template(call: &Call) -> Vec<String> {
    let instruction = match call.family {
        Family::Seamcall => "seamcall",
        Family::Tdcall | Family::Tdvmcall => "tdcall",
    };
    let mut lines = Vec::new();
    // Reserved inputs: `{zeroed}` is the leaf's `zero { .. }` mask from the ABI table, so the
    // assembler keeps exactly the `xor`s the table asks for and drops the others.
    for reg in call.zero_candidates() {
        lines.push(format!(
            ".if {{zeroed}} & {:#06x}; {}; .endif",
            reg.bit(),
            reg.zeroing()
        ));
    }
    let rbx = uses_rbx(call);
    if rbx {
        lines.push("xchg {rbx_value}, rbx".to_owned());
    }
    lines.push(instruction.to_owned());
    if rbx {
        lines.push("xchg {rbx_value}, rbx".to_owned());
    }
    if call.family == Family::Seamcall {
        // CF=1 is VMfailInvalid (no TDX module): RAX is stale, so replace it with
        // TDX_SEAMCALL_VMFAILINVALID here, in the same block, as Linux's tdxcall.S does.
        lines.push("jnc 2f".to_owned());
        lines.push("mov rax, {vmfailinvalid}".to_owned());
        lines.push("2:".to_owned());
    }
    lines
}

pub(super) fn asm_block(call: &Call) -> TokenStream {
    let p = private();
    let lines = template(call);
    let (named, explicit) = register_operands(call);
    let mut operands = named;
    if call.family == Family::Seamcall {
        operands.push(quote!(vmfailinvalid = const #p::SEAMCALL_VMFAILINVALID));
    }
    if let (false, LeafRef::Checked(path)) = (call.zero_candidates().is_empty(), &call.leaf) {
        operands.push(quote!(zeroed = const #p::zeroed::<#path>()));
    }
    operands.extend(explicit);
    quote! {
        ::core::arch::asm!(
            #(#lines,)*
            #(#operands,)*
            options(nostack),
        )
    }
}

/// The `asm!` block of the `regs = …` form: all 13 registers through `ModuleArgs`, as
/// Linux's `__seamcall_saved_ret` / `__tdcall_saved_ret`.
pub(super) fn asm_block_regs(call: &Call) -> TokenStream {
    let p = private();
    let rax = format_ident!("__rax", span = Span::mixed_site());
    let leaf = format_ident!("__leaf", span = Span::mixed_site());
    let ptr = format_ident!("__args_ptr", span = Span::mixed_site());
    let instruction = match call.family {
        Family::Seamcall => "seamcall",
        Family::Tdcall | Family::Tdvmcall => "tdcall",
    };
    let mut lines: Vec<String> = vec![
        // The module writes the host's RBP on TD exits (unless the TD has NO_RBP_MOD, and
        // always in module 1.5.01/1.5.05), and LLVM may keep a live value in it.
        "push rbp".into(),
        "push rbx".into(),
        "push rdi".into(),
        "mov rcx, [rdi]".into(),
        "mov rdx, [rdi + 8]".into(),
        "mov r8, [rdi + 16]".into(),
        "mov r9, [rdi + 24]".into(),
        "mov r10, [rdi + 32]".into(),
        "mov r11, [rdi + 40]".into(),
        "mov r12, [rdi + 48]".into(),
        "mov r13, [rdi + 56]".into(),
        "mov r14, [rdi + 64]".into(),
        "mov r15, [rdi + 72]".into(),
        "mov rbx, [rdi + 80]".into(),
        "mov rsi, [rdi + 96]".into(),
        "mov rdi, [rdi + 88]".into(),
        instruction.into(),
    ];
    if call.family == Family::Seamcall {
        lines.extend([
            "jnc 2f".into(),
            "mov rax, {vmfailinvalid}".into(),
            "jmp 3f".into(),
        ]);
    }
    lines.extend([
        "2:".into(),
        "push rax".into(),
        "mov rax, [rsp + 8]".into(),
        "mov [rax], rcx".into(),
        "mov [rax + 8], rdx".into(),
        "mov [rax + 16], r8".into(),
        "mov [rax + 24], r9".into(),
        "mov [rax + 32], r10".into(),
        "mov [rax + 40], r11".into(),
        "mov [rax + 48], r12".into(),
        "mov [rax + 56], r13".into(),
        "mov [rax + 64], r14".into(),
        "mov [rax + 72], r15".into(),
        "mov [rax + 80], rbx".into(),
        "mov [rax + 88], rdi".into(),
        "mov [rax + 96], rsi".into(),
        "pop rax".into(),
        "3:".into(),
        "add rsp, 8".into(),
        "pop rbx".into(),
        "pop rbp".into(),
        // Clear what the TD or the VMM left in the registers, so it cannot be used
        // speculatively (as Linux's TDX_MODULE_CALL does after the saved variant).
        "xor ecx, ecx".into(),
        "xor edx, edx".into(),
        "xor r8d, r8d".into(),
        "xor r9d, r9d".into(),
        "xor r10d, r10d".into(),
        "xor r11d, r11d".into(),
        "xor r12d, r12d".into(),
        "xor r13d, r13d".into(),
        "xor r14d, r14d".into(),
        "xor r15d, r15d".into(),
        "xor esi, esi".into(),
        "xor edi, edi".into(),
    ]);
    let mut operands = Vec::new();
    if call.family == Family::Seamcall {
        operands.push(quote!(vmfailinvalid = const #p::SEAMCALL_VMFAILINVALID));
    }
    operands.push(quote!(inout("rax") #leaf.rax() => #rax));
    operands.push(quote!(inout("rdi") #ptr => _));
    for reg in [
        "rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rsi",
    ] {
        operands.push(quote!(lateout(#reg) _));
    }
    // Not `nostack`: the block pushes RBP, RBX and the pointer (so the compiler keeps the red
    // zone free). `clobber_abi("C")`: the module re-initialises the host's extended state on a
    // TD exit (`td_vmexit_to_vmm` -> `initialize_extended_state`), and the VMM of a
    // TDG.VP.VMCALL may change the XMM registers the TD exposes (RCX bits 31:16), so every
    // vector, mask and x87 register is declared clobbered.
    quote! {
        ::core::arch::asm!(
            #(#lines,)*
            #(#operands,)*
            clobber_abi("C"),
        )
    }
}

/// The retry conditions checked after each attempt.
pub(super) fn retry_checks(call: &Call) -> (TokenStream, TokenStream) {
    let p = private();
    let rax = format_ident!("__rax", span = Span::mixed_site());
    let busy_left = format_ident!("__busy_retries_left", span = Span::mixed_site());
    let entropy_left = format_ident!("__entropy_retries_left", span = Span::mixed_site());
    let mut init = TokenStream::new();
    let mut checks = TokenStream::new();
    if call.retry.entropy > 0 {
        let n = call.retry.entropy;
        init.extend(quote!(let mut #entropy_left: ::core::primitive::u32 = #n;));
        checks.extend(quote! {
            if #rax == #p::RND_NO_ENTROPY && #entropy_left > 0 {
                #entropy_left -= 1;
                continue;
            }
        });
    }
    if call.retry.busy > 0 {
        let n = call.retry.busy;
        init.extend(quote!(let mut #busy_left: ::core::primitive::u32 = #n;));
        checks.extend(quote! {
            if #rax & #p::STATUS_MASK == #p::OPERAND_BUSY && #busy_left > 0 {
                #busy_left -= 1;
                continue;
            }
        });
    }
    (init, checks)
}
