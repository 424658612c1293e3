//! TD partitioning from the L1 VMM's side (TDG.VP.ENTER): run an L2 VM until it exits back
//! to L1. The TLB and EPT maintenance leaves (TDG.VP.INVEPT, TDG.VP.INVVPID) are in `vp.rs`,
//! the GPA attribute leaves (TDG.MEM.PAGE.ATTR.RD/WR) in `mem.rs`.

use tdx_core::{Gpa, L2EnterFlags, TdxError, abi, tdcall};

/// TDG.VP.ENTER (TDCALL leaf 25): enter an L2 VM (TD partitioning) and run it until it exits to
/// L1.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 25 | status |
/// | RCX | `flags`: invalidation (1:0) \| L2 VM (53:52) | `exit_qualification`: exit qualification |
/// | RDX | `state`: GPA of the L2 register file ([`L2EnterGuestState`](tdx_core::L2EnterGuestState), 256-byte aligned, private) | `gla`: guest linear address |
/// | R8 | – | `gpa`: guest physical address |
/// | R9 | – | `interruption`: interruption information \| error code << 32 |
/// | R10 | – | `idt_vectoring`: IDT-vectoring information \| error code << 32 |
/// | R11 | – | `instruction`: instruction information \| length << 32 |
/// | R12 | – | `exit_info`: additional exit information (CPL) |
/// | R13 | – | `extended_exit_qualification`: extended exit qualification |
/// | RDI | – | `cs_base`: CS base |
/// | RSI | – | `cs`: CS selector, attributes and limit |
/// | R14 | – | written (error path) |
/// | R15 | – | written (error path) |
/// | RBX | – | written (error path) |
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX: misaligned or shared GPA; RCX: reserved bits, VM 0 or
/// a VM the TD lacks); at the L2 exit, the status class and the VMX exit reason in bits 31:0
/// (`td_l2_to_l1_exit_internal`, `src/td_transitions/td_exit.c`); the handler returns
/// `TDX_OPERAND_INVALID`, `TDX_PENDING_INTERRUPT`, `TDX_TD_EXIT_BEFORE_L2_ENTRY`. RBX, R14 and
/// R15 are written with 0 (declared in `err`, not decoded). The outputs are written at the L2
/// exit by `td_l2_to_l1_exit_internal` (`src/td_transitions/td_exit.c`); the L2 VM's own
/// registers go back to the register file (`write_l2_enter_outputs`). First module version:
/// 1.5.01. Registers read from intel/tdx-module@72d8cffb `src/td_transitions/tdg_vp_enter.c`
/// and its dispatcher.
///
/// # Safety
///
/// `state` is the GPA of a readable and writable
/// [`L2EnterGuestState`](tdx_core::L2EnterGuestState) in this TD's private memory, not
/// otherwise accessed until the call returns. The call runs L2 guest code: the caller (the L1
/// VMM, at CPL 0) must have set up that VM. See the module docs.
#[tdcall(leaf = abi::TdgVpEnter, in(rcx = flags, rdx = state), out(rcx = exit_qualification: u64, rdx = gla: u64, r8 = gpa: u64, r9 = interruption: u64, r10 = idt_vectoring: u64, r11 = instruction: u64, r12 = exit_info: u64, r13 = extended_exit_qualification: u64, rdi = cs_base: u64, rsi = cs: u64), clobber(r14, r15, rbx))]
pub unsafe fn tdg_vp_enter(flags: L2EnterFlags, state: Gpa) -> Result<VpEnter, TdxError>;
